"""ALTO v4 XML of a recognised document: blocks, lines and words with their boxes and confidences."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from schemas.ocr import OcrPage

__all__ = ["ALTO_NS", "alto_xml"]

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
