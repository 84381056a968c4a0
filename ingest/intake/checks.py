"""Intake checks: real type from the bytes, size/page/pixel limits, SHA-256, clear refusals.

Nothing here writes anything: a file either passes and is described by `Inspected`, or
`RejectedInput` says what is wrong with it and what to do.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import PurePath

from PIL import Image, UnidentifiedImageError

from ingest.core.errors import Refusal, RejectedInput
from ingest.core.settings import Settings
from ingest.intake.pdfinfo import PdfProblem, pdf_page_count

PDF, TIFF, PNG, JPEG = "application/pdf", "image/tiff", "image/png", "image/jpeg"
KIND = {PDF: "a PDF", TIFF: "a TIFF image", PNG: "a PNG image", JPEG: "a JPEG image"}
_EXTENSIONS = {
    ".pdf": PDF, ".tif": TIFF, ".tiff": TIFF, ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".jpe": JPEG,
}
_SUPPORTED = "PDF, TIFF, PNG or JPEG"


@dataclass(frozen=True)
class Inspected:
    """What intake learned about an accepted upload."""

    mime: str
    sha256: str
    size: int
    page_count: int
    #: a one-page image as the integrity check decoded it, for a caller that reads it straight away
    decoded: Image.Image | None = field(default=None, compare=False, repr=False)


def sniff(data: bytes) -> str | None:
    """The media type named by the file's magic bytes, or None when it is none we accept."""
    head = data[:1024]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and head.lstrip().startswith(b"%PDF-")):
        return PDF
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    return None


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of the raw upload: the document's identity and its object key."""
    return hashlib.sha256(data).hexdigest()


def inspect(data: bytes, filename: str, settings: Settings) -> Inspected:
    """Check an upload and describe it, or raise `RejectedInput` with a reason a person can act on."""
    name = PurePath(filename).name or "the upload"
    size = len(data)
    if size == 0:
        raise RejectedInput(f"{name} is empty (0 bytes): the scan was not saved or copied completely; "
                            "scan or copy it again.", Refusal.EMPTY_FILE)
    if size > settings.max_upload_bytes:
        raise RejectedInput(f"{name} is {size / 2**20:.0f} MiB, over the limit of "
                            f"{settings.max_upload_bytes / 2**20:.0f} MiB; split it into smaller files.",
                            Refusal.TOO_LARGE)
    mime = sniff(data)
    claimed = _EXTENSIONS.get(PurePath(filename).suffix.lower())
    if mime is None:
        what = f"named as {KIND[claimed]}" if claimed else "not a scan"
        raise RejectedInput(f"{name} is {what} but its content is not a {_SUPPORTED} file; "
                            f"upload the scan itself as {_SUPPORTED}.", Refusal.NOT_A_SCAN)
    if claimed is not None and claimed != mime:
        raise RejectedInput(f"{name} is named as {KIND[claimed]} but its content is {KIND[mime]}; "
                            "its extension lies about what it is. Rename it with the right extension "
                            "and upload it again.", Refusal.EXTENSION_LIES)
    decoded = None
    if mime == PDF:
        pages = _check_pdf(data, name, settings)
    else:
        pages, decoded = _check_image(data, name, mime, settings)
    if pages > settings.max_pages:
        raise RejectedInput(f"{name} has {pages} pages, over the limit of {settings.max_pages}; "
                            "split it into smaller files.", Refusal.TOO_MANY_PAGES)
    return Inspected(mime=mime, sha256=sha256_of(data), size=size, page_count=pages, decoded=decoded)


def _check_pdf(data: bytes, name: str, settings: Settings) -> int:
    if b"%%EOF" not in data[-2048:]:
        raise RejectedInput(f"{name} is an incomplete PDF (its end is missing: truncated while copying "
                            "or downloading); get the complete file and upload it again.",
                            Refusal.INCOMPLETE_PDF)
    try:
        pages = pdf_page_count(data)
    except PdfProblem as exc:
        raise RejectedInput(f"{name} is a damaged PDF that cannot be read ({exc}); "
                            "export or scan it again.", Refusal.DAMAGED_PDF) from exc
    if pages < 1:
        raise RejectedInput(f"{name} is a PDF with no pages; upload the scan itself.", Refusal.EMPTY_PDF)
    return pages


def _check_image(data: bytes, name: str, mime: str, settings: Settings) -> tuple[int, Image.Image | None]:
    limit = settings.max_page_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            frames = getattr(img, "n_frames", 1)
            for i in range(frames):
                img.seek(i)
                w, h = img.size
                if w * h > limit:
                    raise RejectedInput(
                        f"{name}: page {i + 1} claims {w}×{h} pixels ({w * h / 1e6:.0f} megapixels), over "
                        f"the limit of {limit / 1e6:.0f} megapixels. Such a file is broken or a "
                        "decompression bomb; rescan at 300 dpi.", Refusal.TOO_MANY_PIXELS)
            decoded = _check_pixels(img) if frames == 1 else None
    except RejectedInput:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise RejectedInput(f"{name} is too large to decode safely ({exc}); rescan at 300 dpi.",
                            Refusal.TOO_LARGE_TO_DECODE) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise RejectedInput(f"{name} is {KIND[mime]} that cannot be decoded ({exc}); "
                            "it is damaged or truncated: scan or copy it again.",
                            Refusal.UNDECODABLE_IMAGE) from exc
    return frames, decoded


def _check_pixels(img: Image.Image) -> Image.Image | None:
    """Catch truncated or corrupt pixel data without paying for a full decode where the format
    allows (a 300 dpi PNG takes ~45 ms to decode, a twentieth of its page's recognition, spent
    again by the worker): a PNG's chunks are read and their checksums verified; a JPEG is decoded
    at an eighth of its size (its whole entropy-coded data is still read); anything else is
    decoded, and returned so the caller need not decode it again."""
    if img.format == "PNG":
        img.verify()
        return None
    if img.format == "JPEG":
        img.draft("L", (max(1, img.width // 8), max(1, img.height // 8)))
        img.load()
        return None
    img.load()
    return img
