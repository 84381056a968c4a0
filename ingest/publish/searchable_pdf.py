"""Archival outputs of a recognised document: a searchable PDF (PDF/A-2b where the input allows) with
the original images untouched and an invisible text layer of our repaired words, a plain-text
sidecar, and ALTO XML. OCRmyPDF does the PDF work as a library, through the `pdf_engine` plugin."""

from __future__ import annotations

import logging
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ingest.core.errors import SohoaError
from ingest.intake.checks import PDF
from ingest.publish.pdf_engine import ENGINE_NAME, RelLine, RelWord, supplied_pages
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
        from ingest.publish.image_pdf import NotForThisPath, searchable_image_pdf

        try:
            return searchable_image_pdf(original, relative, title=title, dpi=dpi)
        except NotForThisPath as exc:
            log.info("searchable PDF through OCRmyPDF: %s", exc)
    import ocrmypdf

    with tempfile.TemporaryDirectory(prefix="sohoa-pdf-") as tmp:
        src = Path(tmp) / ("in.pdf" if mime == PDF else "in.img")
        src.write_bytes(original)
        out = Path(tmp) / "out.pdf"
        options = dict(ocr_engine=ENGINE_NAME, language=["vie"], plugins=["ingest.publish.pdf_engine"],
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


def plain_text(pages: list[OcrPage]) -> str:
    """The text sidecar: pages in order, separated by form feeds."""
    return "\f".join(p.text for p in sorted(pages, key=lambda p: p.number)) + "\n"


ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"


def alto_xml(pages: list[OcrPage], *, filename: str) -> str:
    """ALTO v4 of the recognised pages (coordinates in pixels of the recognised page images)."""
    ET.register_namespace("", ALTO_NS)
    q = f"{{{ALTO_NS}}}"
    root = ET.Element(f"{q}alto")
    desc = ET.SubElement(root, f"{q}Description")
    ET.SubElement(desc, f"{q}MeasurementUnit").text = "pixel"
    src = ET.SubElement(desc, f"{q}sourceImageInformation")
    ET.SubElement(src, f"{q}fileName").text = filename
    layout = ET.SubElement(root, f"{q}Layout")
    for page in sorted(pages, key=lambda p: p.number):
        pg = ET.SubElement(layout, f"{q}Page", ID=f"p{page.number}", PHYSICAL_IMG_NR=str(page.number),
                           WIDTH=str(page.width), HEIGHT=str(page.height))
        space = ET.SubElement(pg, f"{q}PrintSpace", HPOS="0", VPOS="0", WIDTH=str(page.width),
                              HEIGHT=str(page.height))
        blocks: dict[int, ET.Element] = {}
        for li, line in enumerate(page.lines, start=1):
            block = blocks.get(line.block)
            if block is None:
                block = blocks[line.block] = ET.SubElement(space, f"{q}TextBlock",
                                                           ID=f"p{page.number}_b{len(blocks) + 1}")
            b = line.bbox
            tl = ET.SubElement(block, f"{q}TextLine", ID=f"p{page.number}_l{li}", HPOS=str(b.x),
                               VPOS=str(b.y), WIDTH=str(b.w), HEIGHT=str(b.h))
            for wi, w in enumerate(line.words):
                if wi:
                    ET.SubElement(tl, f"{q}SP")
                ET.SubElement(tl, f"{q}String", ID=f"p{page.number}_l{li}_w{wi + 1}", CONTENT=w.text,
                              HPOS=str(w.bbox.x), VPOS=str(w.bbox.y), WIDTH=str(w.bbox.w),
                              HEIGHT=str(w.bbox.h), WC=f"{w.conf / 100:.2f}")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
