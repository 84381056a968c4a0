"""Vietnamese orthography: Unicode normalisation, stripping marks, the one fold used everywhere, tone
marks and their placement, syllable validity."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_D = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Text in Unicode NFC, the form Vietnamese is stored and compared in."""
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """Remove every diacritic (tone and vowel marks) and write đ/Đ as d/D: "Đường" -> "Duong"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: its marks stripped, đ/Đ written d, lower case ("Ế" -> "e"). Always one
    character: one whose folded form would not be (a ligature) is only lower-cased, or kept."""
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    low = char.lower()
    return low if len(low) == 1 else char


def fold(text: str) -> str:
    """THE fold, used wherever Vietnamese is compared without its marks (search keys, the database's
    ``sohoa_fold``, metadata keywords, OCR repair): every character through :func:`fold_char`, so the
    result has exactly the length of `text` and a match in it is the same span of `text`:
    "Kết QUẢ Đường" -> "ket qua duong". Give NFC text (:func:`nfc`) for NFC-composed results."""
    return "".join(fold_char(c) for c in text)


# --- tone marks, canonical placement, syllable validity ------------------------------------------

TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng
_TONE_SET = frozenset(TONE_MARKS)
_MODIFIED = frozenset("ăâêôơưĂÂÊÔƠƯ")
VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_NEW_STYLE_PAIRS = frozenset({"oa", "oe", "uy"})

_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu".split()
)
_CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "o", "u", "y", "")


def split_tone(syllable: str) -> tuple[str, str]:
    """(syllable without its tone mark in NFC, the combining tone mark or "")."""
    d = unicodedata.normalize("NFD", syllable)
    tones = [c for c in d if c in _TONE_SET]
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_SET))
    return base, (tones[0] if tones else "")


def _tone_position(base: str, style: str) -> int | None:
    low = base.lower()
    start = 2 if low[:2] in ("qu", "gi") and len(low) > 2 and low[2] in VOWELS else 0
    idx = [i for i in range(start, len(base)) if base[i] in VOWELS]
    if not idx:
        idx = [i for i in range(len(base)) if base[i] in VOWELS]
        if not idx:
            return None
    run = [idx[0]]
    for i in idx[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    mod = [i for i in run if base[i] in _MODIFIED]
    if mod:
        return mod[-1]
    if len(run) == 1:
        return run[0]
    if len(run) == 3:
        return run[1]
    if run[-1] + 1 < len(base):  # a coda follows: "hoàn", "thuýt"
        return run[1]
    if style == "new" and low[run[0]] + low[run[1]] in _NEW_STYLE_PAIRS:
        return run[1]
    return run[0]


def place_tone(syllable: str, style: str = "old") -> str:
    """Put the tone mark of one syllable where `style` wants it: "old" ("hòa", "thủy", "Ủy") or
    "new" ("hoà", "thuỷ", "Uỷ"). Anything that is not a single toned syllable is returned in NFC."""
    if style not in ("old", "new"):
        raise ValueError(f"style must be 'old' or 'new', not {style!r}")
    base, tone = split_tone(syllable)
    if not tone:
        return unicodedata.normalize("NFC", syllable)
    pos = _tone_position(base, style)
    if pos is None:
        return unicodedata.normalize("NFC", syllable)
    return unicodedata.normalize("NFC", base[: pos + 1] + tone + base[pos + 1 :])


_WORD = re.compile(r"[^\W\d_]+")


def canonical(text: str, style: str = "old") -> str:
    """NFC text with the tone mark of every word placed in `style` ("old" "hòa" or "new" "hoà")."""
    return _WORD.sub(lambda m: place_tone(m.group(0), style), unicodedata.normalize("NFC", text))


def is_valid_syllable(word: str) -> bool:
    """Whether `word` is a well-formed Vietnamese syllable (onset, rhyme, tone compatible with a stop
    coda). Case and tone placement do not matter: "Hòa", "hoà", "nghiêng", "đấy" are valid, "UBND",
    "ka", "ngi", "tiếng" is valid but "tiêngx" is not."""
    base, tone = split_tone(word)
    low = base.lower()
    if not low or not low.isalpha():
        return False
    for onset in _ONSETS:
        if not low.startswith(onset):
            continue
        rest = low[len(onset) :]
        if onset == "gi" and (not rest or rest[0] not in VOWELS):
            rest = "i" + rest  # "gì", "gìn"
        if onset == "qu" and not rest:
            continue
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)] if coda else rest
            if nucleus not in _NUCLEI:
                continue
            if coda in ("p", "t", "c", "ch") and tone not in ("", "\u0301", "\u0323"):
                continue
            if onset in ("k", "gh", "ngh") and nucleus[0] not in "eêiy":
                continue
            if onset in ("c", "g", "ng") and nucleus[0] in "eêi" and not (onset == "g" and nucleus == "i"):
                continue
            return True
    return False


_CONSONANT_CODAS = tuple(coda for coda in _CODAS if coda not in VOWELS)  # ch ng nh c m n p t, and none


def is_syllable_shape(word: str) -> bool:
    """Whether `word` is spelled like one Vietnamese syllable, in any case: an onset, a vowel cluster
    (`_NUCLEI`, whichever vowels end it), a consonant coda and at most one tone mark. The lenient sibling of
    :func:`is_valid_syllable`, from the same tables: spelling rules (k/gh/ngh before e, ê, i) and the tones
    a stop coda allows are not checked, so an OCR slip of one of those still counts as a word's shape
    ("nghiêng", "Khải", "QUYẾT" yes; "lll", "ñ", "UBND" no)."""
    if sum(c in _TONE_SET for c in unicodedata.normalize("NFD", word)) > 1:
        return False
    low = split_tone(word)[0].lower()
    for onset in _ONSETS:
        if not low.startswith(onset):
            continue
        rest = low[len(onset):]
        for coda in _CONSONANT_CODAS:
            if rest.endswith(coda) and rest[: len(rest) - len(coda)] in _NUCLEI:
                return True
    return False
