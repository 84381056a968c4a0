"""OCR repair (placeholder)."""

from __future__ import annotations

from .restore import restore


def repair_ocr(text: str) -> str:
    """Repair text read by an OCR engine without Vietnamese."""
    return restore(text)


def correct_words(words: list[tuple[str, float]], threshold: float = 60.0) -> list[str]:
    """Placeholder."""
    return [w for w, _ in words]
