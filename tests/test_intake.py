"""Intake refuses what it cannot safely read, with a reason, and describes what it accepts."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from ingest.cli.samples import pdf_bytes, png_bytes, render_page
from ingest.core.errors import RejectedInput
from ingest.core.settings import Settings
from ingest.intake.checks import JPEG, PDF, PNG, TIFF, inspect, sniff

S = Settings(home="/tmp/sohoa-intake-unused")


def _page() -> Image.Image:
    return render_page(["Kết quả giải quyết"], size=(600, 300), font_px=30, margin=20)


def _bomb_png(width: int, height: int) -> bytes:
    """A PNG whose header claims width×height pixels (bilevel), with a few bytes of data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
            + chunk(b"IEND", b""))


def test_accepts_each_supported_type_and_counts_pages():
    page = _page()
    tif = io.BytesIO()
    page.save(tif, format="TIFF", save_all=True, append_images=[page, page])
    jpg = io.BytesIO()
    page.save(jpg, format="JPEG")
    cases = [("a.pdf", pdf_bytes([page, page]), PDF, 2), ("a.tif", tif.getvalue(), TIFF, 3),
             ("a.png", png_bytes(page), PNG, 1), ("a.jpg", jpg.getvalue(), JPEG, 1)]
    for name, data, mime, pages in cases:
        info = inspect(data, name, S)
        assert (info.mime, info.page_count, info.size) == (mime, pages, len(data))
        assert len(info.sha256) == 64


def test_type_comes_from_bytes_not_name():
    assert sniff(png_bytes(_page())) == PNG
    assert inspect(png_bytes(_page()), "scan_without_extension", S).mime == PNG


def test_zero_byte_file_is_refused():
    with pytest.raises(RejectedInput, match="empty"):
        inspect(b"", "scan.pdf", S)


def test_file_whose_extension_lies_is_refused():
    with pytest.raises(RejectedInput, match="named as a PDF but its content is a PNG"):
        inspect(png_bytes(_page()), "result.pdf", S)


def test_non_scan_named_as_pdf_is_refused():
    with pytest.raises(RejectedInput, match="not a PDF, TIFF, PNG or JPEG"):
        inspect(b"<html>not a scan</html>", "result.pdf", S)


def test_truncated_pdf_is_refused():
    data = pdf_bytes([_page(), _page()])
    with pytest.raises(RejectedInput, match="incomplete PDF"):
        inspect(data[: len(data) // 2], "cut.pdf", S)


def test_damaged_pdf_is_refused():
    with pytest.raises(RejectedInput, match="damaged PDF"):
        inspect(b"%PDF-1.4\n garbage garbage\n%%EOF\n", "broken.pdf", S)


def test_decompression_bomb_png_is_refused_before_decoding():
    with pytest.raises(RejectedInput, match="decompression bomb"):
        inspect(_bomb_png(60_000, 60_000), "bomb.png", S)


def test_truncated_png_is_refused():
    data = png_bytes(_page())
    with pytest.raises(RejectedInput, match="damaged or truncated"):
        inspect(data[: len(data) // 2], "cut.png", S)


def test_truncated_jpeg_is_refused_and_damage_past_the_checks_fails_the_page_clearly():
    import io
    import struct
    import zlib

    from ingest.core.errors import RecognitionFailed
    from ingest.raster.render import render_page

    photo = io.BytesIO()
    _page().convert("RGB").save(photo, format="JPEG")
    with pytest.raises(RejectedInput, match="damaged or truncated"):
        inspect(photo.getvalue()[:-2000], "cut.jpg", S)
    # a PNG whose compressed pixels are garbage behind valid checksums passes intake's chunk check;
    # reading the page then fails with a reason, not a traceback
    good = png_bytes(_page())
    at = good.index(b"IDAT") - 4
    length = struct.unpack(">I", good[at:at + 4])[0]
    junk = bytes(length)
    chunk = struct.pack(">I", length) + b"IDAT" + junk + struct.pack(">I", zlib.crc32(b"IDAT" + junk))
    damaged = good[:at] + chunk + good[at + 12 + length:]
    info = inspect(damaged, "junk.png", S)
    with pytest.raises(RecognitionFailed, match="page 1 cannot be decoded.*damaged"):
        render_page(damaged, info.mime, 1)


def test_too_many_pages_is_refused():
    small = Settings(home="/tmp/sohoa-intake-unused", max_pages=1)
    with pytest.raises(RejectedInput, match="2 pages, over the limit of 1"):
        inspect(pdf_bytes([_page(), _page()]), "two.pdf", small)


def test_oversized_upload_is_refused():
    small = Settings(home="/tmp/sohoa-intake-unused", max_upload_bytes=100)
    with pytest.raises(RejectedInput, match="over the limit"):
        inspect(png_bytes(_page()), "big.png", small)
