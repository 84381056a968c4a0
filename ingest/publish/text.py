"""The plain-text sidecar of a recognised document: its pages in order, separated by form feeds."""

from __future__ import annotations

from schemas.ocr import OcrPage

__all__ = ["plain_text"]


def plain_text(pages: list[OcrPage]) -> str:
    """The text sidecar: pages in order, separated by form feeds."""
    return "\f".join(p.text for p in sorted(pages, key=lambda p: p.number)) + "\n"
