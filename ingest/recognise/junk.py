"""What to keep of what Tesseract returns.

This module owns parsing of Tesseract's TSV word output, the junk-word filter (:func:`drop_junk`:
stamp, signature, rule and speck noise read as text), the spelling check it rests on
(:func:`is_plausible`, built on `ingest.vietnamese.orthography.is_syllable_shape`), spelling slips no
Vietnamese word has (:func:`fix_units`), and turning the kept words back into text block by block
(Tesseract's blocks follow the two-column Decree 30 header, so the agency block comes before the
national motto, as in the ground truth).  Pure functions, no I/O.

Recommended call (measured with bench/bench_ocr.py on the dev bench; the configuration and why it
is that one: :data:`ingest.recognise.tesseract.TESSERACT_CONFIG`)::

    prep = prepare(gray, dpi=file_dpi, osd=detect_orientation)  # ~0.3 s a page
    cv2.imwrite(tmp / "page.pgm", prep.image)                # uncompressed: PNG encoding costs ~0.2 s
    tsv = pytesseract.image_to_data(str(tmp / "page.pgm"), lang="vie", config=TESSERACT_CONFIG)
    text = to_text(drop_junk(words_from_tsv(tsv)))

with ``OMP_THREAD_LIMIT=1`` in the environment of every worker.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeVar

from ingest.core.confidence import UNSURE_BELOW
from ingest.vietnamese.orthography import is_syllable_shape

#: below this word confidence an implausible token is treated as noise
JUNK_CONF = UNSURE_BELOW

_NUMBER = re.compile(r"^\d+([.,]\d+)*%?$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_UNIT = re.compile(r"^(m|km|cm|mm|ha|kg|g|l|kW|kV)[²³23]?$")
# UBND, PC06, and mixed-case abbreviations with two capitals or more: TTg, VNeID
_ACRONYM = re.compile(r"^[A-ZĐ]{2,8}\d{0,4}$|^(?=(?:.*[A-ZĐ]){2})[A-ZĐ]+[a-z][A-ZĐa-z]*$")
_CODE = re.compile(r"^[A-ZĐ]\d{1,4}$")  # H55 in "H55-230412", only inside a compound token
_PUNCT_OK = set(".,;:!?-–()/\"'“”…%§*+")
_CONFUSABLE = str.maketrans({"Ð": "Đ", "ð": "đ", "⁄": "/", "∕": "/", "‐": "-"})
_PIECE = re.compile(r"[^\W_]+")
_SYMBOLS = set("~`^<>|—_=¬‹›„«»¦§°†‡•")


class Word(NamedTuple):
    """One recognised word: text, confidence (0-100, -1 unknown), box (x0, y0, x1, y1) and the
    (block, paragraph, line) it belongs to in Tesseract's layout."""

    text: str
    conf: float
    bbox: tuple[int, int, int, int]
    line: tuple[int, int, int] = (0, 0, 0)


W = TypeVar("W", bound=Sequence)


def is_plausible(token: str) -> bool:
    """Whether a whitespace-separated token could be real text in an administrative document.  Its
    letter/digit runs (as the scorer splits them) must each be a Vietnamese syllable (or two or three
    run together, "Nơinhận"), a number, a code part such as the "QĐ", "UBND", "TTg" of
    "1216/QĐ-UBND" or "16/CT-TTg", a roman numeral or a unit; a token of punctuation alone must be
    ordinary punctuation.  A lone consonant letter is not plausible, "Đ/c" is."""
    token = token.translate(_CONFUSABLE)
    pieces = _PIECE.findall(token)
    if sum(c in _SYMBOLS for c in token) >= 2:  # "Z2>~——", "`*>⁄_~": rules and scribbles
        return False
    if not pieces:
        return all(c in _PUNCT_OK for c in token)
    return all(_plausible_part(p, len(pieces) > 1) for p in pieces)


def _plausible_part(part: str, compound: bool) -> bool:
    if _NUMBER.match(part) or _ROMAN.match(part) or _ACRONYM.match(part) or _UNIT.match(part):
        return True
    if compound and (_CODE.match(part) or (len(part) == 1 and part.isalpha())):  # "Đ/c", "H55-2304"
        return True
    if part[:-1].isalpha() and part[-1].isdigit():  # "Điều1", read together
        part = part.rstrip("0123456789")
    return part.isalpha() and (is_syllable_shape(part) or _run_together(part))


def _run_together(word: str, parts: int = 3) -> bool:
    """Whether ``word`` is two or three syllables written without a space ("Nhưtrên")."""
    if parts < 2 or len(word) < 3:
        return False
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        if is_syllable_shape(head) and (is_syllable_shape(tail) or _run_together(tail, parts - 1)):
            return True
    return False


def drop_junk(words: Iterable[W], min_conf: float = JUNK_CONF) -> list[W]:
    """Remove noise read out of stamps, signatures, rules and specks: words whose confidence is
    below ``min_conf`` *and* that are not plausible text (:func:`is_plausible`).  Items are any
    sequences starting with (text, conf, bbox), e.g. :class:`Word`; they are returned unchanged and
    in order.  A confident word, or any real syllable/number/code however unsure, is never dropped;
    a lone accent ("ˆ", "`", "˜": a speck read as a mark with no letter) always is."""
    kept = []
    for w in words:
        text, conf = str(w[0]).strip(), float(w[1])
        if not text or all(unicodedata.category(c) in ("Lm", "Sk", "Mn") for c in text):
            continue
        if conf >= min_conf or is_plausible(text) or _mostly_plausible(text):
            kept.append(w)
    return kept


def _mostly_plausible(token: str) -> bool:
    """A reference number of three parts or more ("1520/TB-CAT-PC06") with one part misread
    ("PC0G") is still a reference number: at least three quarters of its parts are plausible and
    it holds no scribble symbols."""
    token = token.translate(_CONFUSABLE)
    pieces = _PIECE.findall(token)
    if len(pieces) < 3 or any(c in _SYMBOLS for c in token):
        return False
    return sum(_plausible_part(p, True) for p in pieces) >= 0.75 * len(pieces)


_AREA_UNIT = re.compile(r"^(k?m|cm|mm)([23])([.,;:)]*)$")
_QUANTITY = re.compile(r"\d[.,]?$")


_DOUBLE_D = re.compile(r"([Đđ])[ĐđÐð]|[Ðð](?=[Đđ])")
# letters of other Latin alphabets that specks turn Vietnamese ones into ("ñguyễn", "höặc", "HĐÑD")
_FOREIGN = str.maketrans("ñÑïÏöÖüÜëËÿ", "nNiIoOuUeEy")


def fix_units(texts: Sequence[str]) -> list[str]:
    """Spelling slips of Tesseract ``vie`` that no Vietnamese word has: the superscript of
    "96,0 m²" read as a plain digit ("m2"; after a number, m2/m3, km2, cm3... get it back), and
    "Đ" read twice over as "ĐÐ" ("QĐÐ-UBND"), or as the look-alike "Ð", and letters with marks
    Vietnamese does not use, left by toner specks ("ñguyễn", "höặc" -> "nguyễn", "hoặc")."""
    out = [_DOUBLE_D.sub(r"\1", t).replace("Ð", "Đ").replace("ð", "đ").translate(_FOREIGN) for t in texts]
    for i in range(1, len(out)):
        m = _AREA_UNIT.match(out[i])
        if m and _QUANTITY.search(out[i - 1]):
            out[i] = m.group(1) + ("²" if m.group(2) == "2" else "³") + m.group(3)
    return out


def words_from_tsv(tsv: str) -> list[Word]:
    """Words from Tesseract's TSV output (``tesseract IMG - tsv`` or ``pytesseract.image_to_data``)."""
    words = []
    lines = tsv.splitlines()
    for row in lines[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(Word(cols[11], float(cols[10]), (left, top, left + width, top + height),
                          (int(cols[2]), int(cols[3]), int(cols[4]))))
    return words


def to_text(words: Iterable[Word]) -> str:
    """Text of the words in Tesseract's order: one line per layout line, a blank line between
    blocks (so each column of the header comes out as a block of its own)."""
    lines: list[tuple[int, list[str]]] = []
    current: tuple[int, int, int] | None = None
    for w in words:
        if w.line != current:
            lines.append((w.line[0], []))
            current = w.line
        lines[-1][1].append(w.text)
    out: list[str] = []
    for i, (block, texts) in enumerate(lines):
        if i and block != lines[i - 1][0]:
            out.append("")
        out.append(" ".join(texts))
    return "\n".join(out) + "\n" if out else ""
