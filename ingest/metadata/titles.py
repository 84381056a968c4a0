"""Recognising the lines of a signer block: an official's title ("KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC") and a
person's name ("Đại tá Nguyễn Hữu Lộc"). The heading, recipients and signer steps all need to tell
them from the lines around them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ingest.metadata.casing import cap
from ingest.metadata.lines import Line, has_letters, is_caps, trim, upper_ratio
from ingest.metadata.thresholds import CAPS_SHARE
from ingest.metadata.vocabulary import (
    DASH,
    DEGREE,
    RANK_KEYS,
    SIGN_PREFIX,
    SURNAMES,
    TITLE_KEYS,
    TITLE_WORDS,
)
from ingest.vietnamese.orthography import fold, is_valid_syllable

PREFIX_CHARS = 3  # "KT.", "TM.": a signing prefix's length, after which the title proper is looked for
PREFIXED_TITLE_LETTERS = 3  # letters a prefixed title needs after the prefix
TITLE_MAX_WORDS = 8  # a title line with a title word has at most this many words...
KNOWN_TITLE_MAX_WORDS = 4  # ...one without, this many and close to a known title
KNOWN_TITLE_SCORE = 80  # fuzzy score from which a short line is a known official title
STRONG_TITLE_SCORE = 88  # the same, for a title line that cannot be stamp or signature noise
NAME_MIN_WORDS = 2  # a person's name (after any rank) has this many words...
NAME_MAX_WORDS = 6  # ...up to this many


def title_text(text: str) -> str:
    """A signer-block line without specks or a dash-like smear before it."""
    return trim(text).lstrip("-–—_ ").strip()


def is_title(ln: Line) -> bool:
    """Whether a line reads as an official's title in a signer block (or an authority line)."""
    text = title_text(ln.text)
    if DASH.match(ln.text) and not strong_title([Line(text, ln.page)]):
        return False  # a "- ..." list item, unless it plainly reads as a title
    if ":" in text or text.endswith((";", ",")) or not is_caps(text):
        return False
    key = fold(text)
    if SIGN_PREFIX.match(text) and has_letters(text[PREFIX_CHARS:], PREFIXED_TITLE_LETTERS):
        return True
    words = key.split()
    if any(re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", key) for w in TITLE_WORDS):
        return len(words) <= TITLE_MAX_WORDS
    return len(words) <= KNOWN_TITLE_MAX_WORDS and any(fuzz.ratio(key, k) >= KNOWN_TITLE_SCORE
                                                       for k in TITLE_KEYS)


def strong_title(lines: Sequence[Line]) -> bool:
    """Whether a signer block's title lines carry a signing prefix or a known official title."""
    for ln in lines:
        if SIGN_PREFIX.match(ln.text):
            return True
        key = fold(ln.text).strip(" .,")
        if key in TITLE_KEYS or any(fuzz.ratio(key, k) >= STRONG_TITLE_SCORE for k in TITLE_KEYS):
            return True
    return False


def name_of(text: str) -> tuple[str | None, str] | None:
    """(rank or degree, person name) when a line reads like a signer's name: "Đại tá Nguyễn Hữu Lộc"."""
    text = trim(text).strip(" .,;-–—")
    if not text or any(c.isdigit() for c in text) or ":" in text or text.startswith("("):
        return None
    rank = None
    key = fold(text)
    for rkey, r in RANK_KEYS:
        if key.startswith(rkey + " "):
            rank = r
            text = text[len(rkey):].strip()
            break
    if rank is None:
        m = DEGREE.match(text)
        if m and m.group(0).strip():
            rank = m.group(0).strip()
            text = text[m.end():].strip()
    words = text.split()
    if not NAME_MIN_WORDS <= len(words) <= NAME_MAX_WORDS:
        return None
    if upper_ratio(text) > CAPS_SHARE:
        # a name printed in capitals: only with a family name in front, so titles are not taken for one
        if fold(words[0]) in SURNAMES and all(w.isalpha() and is_valid_syllable(w) for w in words):
            return rank, " ".join(cap(w.lower()) for w in words)
        return None
    ok = 0
    for w in words:
        if not (w[:1].isupper() and (w[1:].islower() or len(w) == 1) and w.isalpha()):
            return None
        ok += is_valid_syllable(w)
    if ok < len(words) - 1:
        return None
    if any(fold(w) in ("so", "phong", "uy", "ban", "ngay", "thang", "nam") for w in words[:1]):
        return None
    return rank, text
