"""The searchable PDF of a recognised document (PDF/A-2b where the input allows): the original pages
untouched and an invisible text layer of our repaired words. Image scans take the direct path of
`ingest.publish.image_pdf`; PDFs, and images it cannot take, go through OCRmyPDF as a library, which
is handed our words by the `ingest.publish.ocrmypdf_plugin` engine."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from ingest.core.errors import SohoaError
from ingest.intake.checks import PDF
from ingest.publish.image_pdf import NotForThisPath, searchable_image_pdf
from ingest.publish.ocrmypdf_plugin import ENGINE_NAME, RelLine, RelWord, supplied_pages
from schemas.ocr import OcrPage

log = logging.getLogger(__name__)


def _unrotate(u: float, v: float, rotation: int) -> tuple[float, float]:
    """A point of the upright page (0..1 coordinates) on the page as stored, which was turned
    `rotation` degrees clockwise to make it upright."""
    if rotation == 90:
        return v, 1 - u
    if rotation == 180:
        return 1 - u, 1 - v
    if rotation == 270:
        return 1 - v, u
    return u, v


def relative_lines(page: OcrPage) -> list[RelLine]:
    """The page's words with boxes as fractions of the stored page, in its stored orientation."""
    if not page.width or not page.height:
        return []
    lines = []
    for line in page.lines:
        words = []
        for w in line.words:
            x0, y0 = w.bbox.x / page.width, w.bbox.y / page.height
            x1, y1 = (w.bbox.x + w.bbox.w) / page.width, (w.bbox.y + w.bbox.h) / page.height
            (a, b), (c, d) = _unrotate(x0, y0, page.rotation), _unrotate(x1, y1, page.rotation)
            words.append(RelWord(w.text, min(a, c), min(b, d), max(a, c), max(b, d), w.conf))
        if words:
            lines.append(RelLine(words, angle=float(page.rotation % 360)))
    return lines


def searchable_pdf(original: bytes, mime: str, pages: list[OcrPage], *, title: str | None = None,
                   mode: str = "skip", dpi: float | None = None) -> bytes:
    """The original with an invisible text layer of `pages`' words, as PDF/A-2b (plain PDF when
    the input cannot be PDF/A). Pages of a PDF that already carry text are left as they are in
    `skip` mode, their OCR layer replaced in `redo` mode, re-rendered in `force` mode."""
    relative = {p.number - 1: relative_lines(p) for p in pages}
    if mime != PDF:
        try:
            return searchable_image_pdf(original, relative, title=title, dpi=dpi)
        except NotForThisPath as exc:
            log.info("searchable PDF through OCRmyPDF: %s", exc)
    import ocrmypdf

    with tempfile.TemporaryDirectory(prefix="sohoa-pdf-") as tmp:
        src = Path(tmp) / ("in.pdf" if mime == PDF else "in.img")
        src.write_bytes(original)
        out = Path(tmp) / "out.pdf"
        options = dict(ocr_engine=ENGINE_NAME, language=["vie"], plugins=["ingest.publish.ocrmypdf_plugin"],
                       pdf_renderer="fpdf2",
                       rasterizer="pypdfium", pdfa_backend="internal", optimize=0, jobs=1,
                       use_threads=True, progress_bar=False, title=title, rotate_pages=False,
                       deskew=False, clean=False)
        if mime == PDF:
            options.update({"skip": dict(skip_text=True), "redo": dict(redo_ocr=True),
                            "force": dict(force_ocr=True)}.get(mode, {}))
        else:
            options["image_dpi"] = int(dpi or 300)
        for output_type in ("pdfa-2", "pdf"):
            try:
                with supplied_pages(relative):
                    code = ocrmypdf.ocr(src, out, output_type=output_type, **options)
            except Exception as exc:  # OCRmyPDF raises its own hierarchy; try plain PDF before giving up
                log.warning("OCRmyPDF %s output failed: %s", output_type, exc)
                code = exc
            if code == 0 and out.exists():
                return out.read_bytes()
        raise SohoaError(f"could not build the searchable PDF: {code}")
