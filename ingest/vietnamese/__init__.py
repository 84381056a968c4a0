"""Vietnamese language layer: orthography, legacy encodings, diacritic restoration, OCR repair.

Public API:
- `restore(text)` — text typed without marks (đ written d) -> Vietnamese with its marks.
- `repair_ocr(text)` — text read by an OCR engine that knows no Vietnamese -> repaired text.
- `correct_words(words)` — polish low-confidence words of Vietnamese OCR output.
- `correct_marks(words)` — polish the marks of a line of Vietnamese OCR off a speckled page.
- `warm_up()` — load the model those need, ahead of their first call.
- orthography: `nfc`, `strip_marks`, `fold`, `place_tone`, `canonical`, `is_valid_syllable`.
- legacy encodings: `tcvn3_to_unicode`, `vni_to_unicode`, `convert_legacy`.
"""

from .legacy import convert_legacy, tcvn3_to_unicode, vni_to_unicode
from .orthography import canonical, fold, is_valid_syllable, nfc, place_tone, strip_marks
from .repair.legacy_ocr import repair_ocr
from .repair.polish import correct_marks, correct_words, warm_up
from .restore import restore

__all__ = [
    "canonical",
    "convert_legacy",
    "correct_marks",
    "correct_words",
    "fold",
    "is_valid_syllable",
    "nfc",
    "place_tone",
    "repair_ocr",
    "restore",
    "strip_marks",
    "tcvn3_to_unicode",
    "vni_to_unicode",
    "warm_up",
]
