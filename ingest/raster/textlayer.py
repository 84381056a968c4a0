"""Existing text layers of PDF pages: read them, and judge whether they are good Vietnamese, garbage
(legacy OCR by an engine without Vietnamese, or a legacy 8-bit encoding), or absent. `decide()` says
what a page gets under the OCRmyPDF-style modes skip | redo | force."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ingest.core.enums import OcrMode
from ingest.vietnamese.legacy import convert_legacy
from ingest.vietnamese.orthography import is_valid_syllable


class LayerQuality(StrEnum):
    """What a page's text layer is."""

    NONE = "none"        # no text worth keeping
    GOOD = "good"        # well-formed Vietnamese
    GARBAGE = "garbage"  # legacy OCR by an engine without Vietnamese, or a legacy 8-bit encoding


class LayerAction(StrEnum):
    """What a page gets."""

    OCR = "ocr"        # recognised from its image
    KEEP = "keep"      # its text layer kept
    REPAIR = "repair"  # its text layer repaired by the Vietnamese model, without OCR

_WORD = re.compile(r"[^\W\d_]+")
_MARKS = re.compile(r"[\u0300-\u0309\u0323\u0302\u0306\u031b]|[đĐ]")
MIN_WORDS = 5          # fewer letters-words than this is no text layer worth keeping
MIN_VALID = 0.85       # share of words that are well-formed Vietnamese syllables
MIN_MARKED = 0.35      # share of words carrying a diacritic: real Vietnamese has well over half


def page_text(pdf: bytes, number: int) -> str:
    """The text layer of one PDF page (poppler's pdftotext), or "" when it has none."""
    try:
        proc = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-enc", "UTF-8", "-", "-"],
                              input=pdf, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return unicodedata.normalize("NFC", proc.stdout.decode("utf-8", "replace")).replace("\f", "").strip()


def assess(text: str) -> LayerQuality:
    """Whether a text layer is good Vietnamese, garbage, or no text at all."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return LayerQuality.NONE
    valid = sum(is_valid_syllable(w) for w in words) / len(words)
    marked = sum(bool(_MARKS.search(unicodedata.normalize("NFD", w))) for w in words) / len(words)
    return LayerQuality.GOOD if valid >= MIN_VALID and marked >= MIN_MARKED else LayerQuality.GARBAGE


@dataclass(frozen=True)
class Decision:
    action: LayerAction
    text: str = ""  # the text to keep or to repair


def decide(text: str, mode: str) -> Decision:
    """What to do with a page that has this text layer: force OCRs everything; skip keeps good
    text and repairs garbage without OCR; redo keeps good text and OCRs garbage again."""
    if mode == OcrMode.FORCE or not text:
        return Decision(LayerAction.OCR)
    converted = convert_legacy(text)  # TCVN3 / VNI bytes shown as Latin-1 become Unicode
    quality = assess(converted)
    if quality == LayerQuality.GOOD:
        return Decision(LayerAction.KEEP, converted)
    if quality == LayerQuality.GARBAGE and mode == OcrMode.SKIP:
        return Decision(LayerAction.REPAIR, converted)
    return Decision(LayerAction.OCR)
