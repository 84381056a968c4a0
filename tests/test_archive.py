"""Archival outputs: a searchable PDF/A with our text, the original untouched, text sidecar, ALTO;
and what happens to PDF pages that already carry text (modes skip | redo | force)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF

from ingest.cli.samples import FONT_CANDIDATES, pdf_bytes, render_page
from ingest.core.dispatch import get_dispatcher
from ingest.pipeline.submit import submit
from ingest.raster.textlayer import assess, decide
from ingest.store.models import Document, Page
from ingest.store.services import get_services
from ingest.web.app import create_app
from tests.conftest import wait_document

GOOD = "Trung tâm đã nhận được 8.311 hồ sơ thủ tục hành chính và trả kết quả đúng hạn cho tổ chức."
GARBLED = "Trung tdm da nhén duoc 8.311 hd so thu tuc hanh chinh va tra két qua dung han cho to chic."


def _text_pdf(lines: list[str]) -> bytes:
    """A born-digital PDF whose page carries these lines as real text."""
    font = next(p for p in FONT_CANDIDATES if Path(p).exists())
    pdf = FPDF(format="A4")
    pdf.add_font("serif", fname=font)
    pdf.set_font("serif", size=13)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 9, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _ingest(data: bytes, name: str, mode: str) -> tuple[Document, list[Page]]:
    svc = get_services()
    sub = submit(svc, data, name, ocr_mode=mode)
    if sub.queued:
        get_dispatcher().enqueue_document(sub.document_id)
    doc = wait_document(sub.document_id)
    with svc.sessions() as session:
        pages = session.query(Page).filter_by(document_id=doc.id).order_by(Page.number).all()
    return doc, pages


def test_text_layer_quality():
    assert assess(GOOD) == "good"
    assert assess(GARBLED) == "garbage"
    assert assess("12 34") == "none"
    assert decide(GOOD, "skip").action == "keep"
    assert decide(GARBLED, "skip").action == "repair"
    assert decide(GARBLED, "redo").action == "ocr"
    assert decide(GOOD, "force").action == "ocr"
    assert decide("", "skip").action == "ocr"


@pytest.mark.usefixtures("worker")
def test_searchable_pdfa_text_and_alto_for_a_scan(tmp_path):
    lines = ["GIẤY CHỨNG NHẬN", "Chứng nhận hộ kinh doanh Nguyễn Thị Hường", "đã hoàn thành thủ tục đăng ký."]
    original = pdf_bytes([render_page(lines, size=(2480, 1400)), render_page(["Trang hai: lưu trữ hồ sơ."],
                                                                           size=(2480, 1400))])
    doc, pages = _ingest(original, "chung_nhan.pdf", "skip")
    assert doc.status == "done", doc.error
    assert [p.source for p in pages] == ["ocr", "ocr"]
    client = TestClient(create_app())
    pdf = client.get(f"/api/documents/{doc.id}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    out = tmp_path / "out.pdf"
    out.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nguyễn Thị Hường" in text and "lưu trữ hồ sơ" in text
    with pikepdf.open(out) as p:
        assert p.open_metadata().pdfa_status == "2B"
        assert len(p.pages) == 2
    assert client.get(f"/api/documents/{doc.id}/original").content == original
    sidecar = client.get(f"/api/documents/{doc.id}/text").text
    assert sidecar.count("\f") == 1 and "Hường" in sidecar
    alto = ET.fromstring(client.get(f"/api/documents/{doc.id}/alto").content)
    strings = [e.get("CONTENT") for e in alto.iter("{http://www.loc.gov/standards/alto/ns-v4#}String")]
    assert "Hường" in strings


@pytest.mark.usefixtures("worker")
def test_modes_for_pdfs_that_already_have_text():
    good_pdf = _text_pdf([GOOD, "Biên bản kiểm tra số 12 về việc tiếp nhận hồ sơ."])
    doc, pages = _ingest(good_pdf, "born_digital.pdf", "skip")
    assert doc.status == "done", doc.error
    assert pages[0].source == "text_layer" and "8.311 hồ sơ thủ tục" in pages[0].text

    garbled_pdf = _text_pdf([GARBLED, "Bién ban kiém tra sé 12 vé viéc tiép nhan hé so."])
    doc, pages = _ingest(garbled_pdf, "legacy_ocr.pdf", "skip")
    assert doc.status == "done", doc.error
    assert pages[0].source == "repaired" and pages[0].needs_review
    assert "đã nhận được" in pages[0].text  # repaired without OCR

    forced = _text_pdf([GOOD, "Trang bắt buộc nhận dạng lại."])
    doc, pages = _ingest(forced, "forced.pdf", "force")
    assert doc.status == "done", doc.error
    assert pages[0].source == "ocr" and "hồ sơ thủ tục" in pages[0].text


def test_text_layer_words_sit_on_the_printed_words(tmp_path):
    """The invisible words are placed where the page shows them (OCRmyPDF is given a blank raster
    of the right size instead of a rendered one; the scaling must still come out exact)."""
    import re

    from ingest.cli.samples import png_bytes
    from ingest.publish.searchable_pdf import searchable_pdf
    from ingest.raster.render import render_page as raster_page
    from ingest.recognise.page import recognise_page

    lines = ["Chứng nhận hộ kinh doanh Nguyễn Thị Hường"]
    data = png_bytes(render_page(lines, size=(2480, 1400), margin=300))
    page, _ = recognise_page(raster_page(data, "image/png", 1, dpi=300))
    word = next(w for line in page.lines for w in line.words if w.text == "Hường")
    out = tmp_path / "out.pdf"
    out.write_bytes(searchable_pdf(data, "image/png", [page], dpi=300))
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert size and abs(float(size[1]) - 2480 * 72 / 300) < 1 and abs(float(size[2]) - 1400 * 72 / 300) < 1
    box = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Hường<', html)
    assert box, html
    pt = 72 / 300
    assert abs(float(box[1]) - word.bbox.x * pt) < 4
    assert abs(float(box[3]) - (word.bbox.x + word.bbox.w) * pt) < 4
    assert float(box[2]) - 4 < (word.bbox.y + word.bbox.h / 2) * pt < float(box[4]) + 4


def _pdf_words(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "words.pdf"
    out.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [page.split() for page in text.split("\f")[:-1]]


def test_image_scans_get_pdfa_built_directly_with_their_pixels_untouched(tmp_path):
    """Images take the direct path (img2pdf + a glyphless text layer + pikepdf's PDF/A writer):
    every frame of a bilevel TIFF and a JPEG, words (turned ones too) where they belong, the
    scan's pixels as they were."""
    import io

    from PIL import Image

    from ingest.publish import image_pdf, searchable_pdf
    from ingest.publish.ocrmypdf_plugin import RelLine, RelWord
    from schemas.ocr import BBox, OcrLine, OcrPage, OcrWord

    frames = [render_page(["Quyết định"], size=(1200, 500)).convert("1"),
              render_page(["Giấy phép"], size=(1200, 500)).convert("1")]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", compression="group4", save_all=True, append_images=frames[1:],
                   dpi=(200, 200))
    tiff = buf.getvalue()
    pages = {0: [RelLine([RelWord("Quyết", .1, .1, .3, .2, 95), RelWord("định", .32, .1, .45, .2, 95)])],
             1: [RelLine([RelWord("Giấy", .1, .5, .15, .9, 95), RelWord("phép", .1, .1, .15, .45, 95)],
                         angle=90.0)]}  # read upwards
    pdf = image_pdf.searchable_image_pdf(tiff, pages, title="giay_phep.tif")
    assert _pdf_words(pdf, tmp_path) == [["Quyết", "định"], ["Giấy", "phép"]]
    with pikepdf.open(io.BytesIO(pdf)) as p:
        assert p.open_metadata().pdfa_status == "2B"
        assert [round(float(v)) for v in p.pages[0].mediabox] == [0, 0, 432, 180]  # 1200×500 px at 200 dpi
        for page, frame in zip(p.pages, frames, strict=True):
            (image,) = page.get_images().values()
            assert list(image.Filter) == ["/CCITTFaxDecode"]  # the scan's own G4 data, not re-encoded
            shown = pikepdf.PdfImage(image).as_pil_image().convert("1")
            assert shown.tobytes() == frame.tobytes()

    photo = io.BytesIO()
    render_page(["Biên bản"], size=(800, 300)).convert("RGB").save(photo, format="JPEG", quality=80)
    line = RelLine([RelWord("Biên", .1, .1, .3, .3, 90)])
    pdf = image_pdf.searchable_image_pdf(photo.getvalue(), {0: [line]})
    assert _pdf_words(pdf, tmp_path) == [["Biên"]]
    with pikepdf.open(io.BytesIO(pdf)) as p:
        (image,) = p.pages[0].get_images().values()
        assert image.Filter == "/DCTDecode" and image.read_raw_bytes() == photo.getvalue()
        assert round(float(p.pages[0].mediabox[2])) == 192  # no resolution stated: 300 dpi

    turned = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6
    render_page(["Biên bản"], size=(800, 300)).convert("RGB").save(turned, format="JPEG", exif=exif)
    cmyk = io.BytesIO()
    render_page(["Biên bản"], size=(800, 300)).convert("CMYK").save(cmyk, format="JPEG")
    box = BBox(x=80, y=30, w=160, h=60)
    read = OcrPage(number=1, text="Biên", width=800, height=300,
                   lines=[OcrLine(text="Biên", bbox=box, words=[OcrWord(text="Biên", conf=90, bbox=box)])])
    pdf = searchable_pdf.searchable_pdf(cmyk.getvalue(), "image/jpeg", [read])
    assert _pdf_words(pdf, tmp_path) == [["Biên"]]  # CMYK without a profile: plain PDF, not PDF/A
    with pikepdf.open(io.BytesIO(pdf)) as p:
        assert p.open_metadata().pdfa_status == ""

    turned_png = io.BytesIO()
    render_page(["Biên bản"], size=(800, 300)).save(turned_png, format="PNG", exif=exif)
    for data in (turned.getvalue(), turned_png.getvalue()):
        with pytest.raises(image_pdf.NotForThisPath):  # OCRmyPDF's path takes the EXIF orientation
            image_pdf.searchable_image_pdf(data, {})
