"""Vietnamese orthography helpers: Unicode normalisation, stripping marks, folding for search."""

from __future__ import annotations

import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Text in Unicode NFC, the form Vietnamese is stored and compared in."""
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """Remove every diacritic (tone and vowel marks) and write đ/Đ as d/D: "Đường" -> "Duong"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """Search key: marks stripped, đ folded to d, case folded: "Kết QUẢ Đường" -> "ket qua duong"."""
    return strip_marks(text).casefold()
