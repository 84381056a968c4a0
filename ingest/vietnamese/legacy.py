"""Legacy Vietnamese 8-bit encodings found in old documents: TCVN3 (ABC) and VNI (Windows).

Text in these encodings usually reaches us already decoded as if it were Latin-1/cp1252 (what a PDF
text layer or a .doc converter yields), e.g. TCVN3 "Ch\u00ednh phñ" or VNI "Chính phuû". The converters
map those characters back to Unicode NFC Vietnamese. `convert_legacy` guesses which one applies.
"""

from __future__ import annotations

import re

from .orthography import nfc

# TCVN3 (ABC): one byte per precomposed lower-case letter; upper-case toned letters were drawn
# with separate "H" fonts from the same lower-case codes, so only the plain modified capitals differ.
_TCVN3_LOWER = {
    "a": "\u00b8\u00b5\u00b6\u00b7\u00b9",  # á à ả ã ạ
    "ă": "\u00be\u00bb\u00bc\u00bd\u00c6",
    "â": "\u00ca\u00c7\u00c8\u00c9\u00cb",
    "e": "\u00d0\u00cc\u00ce\u00cf\u00d1",
    "ê": "\u00d5\u00d2\u00d3\u00d4\u00d6",
    "i": "\u00dd\u00d7\u00d8\u00dc\u00de",
    "o": "\u00e3\u00df\u00e1\u00e2\u00e4",
    "ô": "\u00e8\u00e5\u00e6\u00e7\u00e9",
    "ơ": "\u00ed\u00ea\u00eb\u00ec\u00ee",
    "u": "\u00f3\u00ef\u00f1\u00f2\u00f4",
    "ư": "\u00f8\u00f5\u00f6\u00f7\u00f9",
    "y": "\u00fd\u00fa\u00fb\u00fc\u00fe",
}
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
_TCVN3_PLAIN = {
    "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư", "\u00ae": "đ",
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
}


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_PLAIN)
    for base, codes in _TCVN3_LOWER.items():
        for code, tone in zip(codes, _TONES, strict=True):
            table[code] = nfc(base + tone)
    return table


TCVN3 = _tcvn3_table()
_TCVN3_TRANS = str.maketrans(TCVN3)


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 (ABC, .VnTime) text read as Latin-1 to Unicode NFC."""
    return nfc(text.translate(_TCVN3_TRANS))


# VNI: base letter followed by a mark character (lower case / upper case variants).
_VNI_MARKS = {
    # mark char: (combining sequence to append)
    "\u00f9": "\u0301", "\u00f8": "\u0300", "\u00fb": "\u0309", "\u00f5": "\u0303", "\u00ef": "\u0323",
    "\u00d9": "\u0301", "\u00d8": "\u0300", "\u00db": "\u0309", "\u00d5": "\u0303", "\u00cf": "\u0323",
    "\u00e2": "\u0302", "\u00c2": "\u0302",  # circumflex (â ê ô)
    "\u00ea": "\u0306", "\u00ca": "\u0306",  # breve (ă)
    # circumflex + tone
    "\u00e1": "\u0302\u0301", "\u00e0": "\u0302\u0300", "\u00e5": "\u0302\u0309", "\u00e3": "\u0302\u0303",
    "\u00e4": "\u0302\u0323",
    "\u00c1": "\u0302\u0301", "\u00c0": "\u0302\u0300", "\u00c5": "\u0302\u0309", "\u00c3": "\u0302\u0303",
    "\u00c4": "\u0302\u0323",
    # breve + tone
    "\u00e9": "\u0306\u0301", "\u00e8": "\u0306\u0300", "\u00fa": "\u0306\u0309", "\u00fc": "\u0306\u0303",
    "\u00eb": "\u0306\u0323",
    "\u00c9": "\u0306\u0301", "\u00c8": "\u0306\u0300", "\u00da": "\u0306\u0309", "\u00dc": "\u0306\u0303",
    "\u00cb": "\u0306\u0323",
}
# letters that VNI encodes as a single character
_VNI_SINGLE = {
    "\u00f4": "ơ", "\u00d4": "Ơ", "\u00f6": "ư", "\u00d6": "Ư", "\u00f1": "đ", "\u00d1": "Đ",
    "\u00ed": "í", "\u00ec": "ì", "\u00e6": "ỉ", "\u00f3": "ĩ", "\u00f2": "ị", "\u00ee": "ỵ",
    "\u00cd": "Í", "\u00cc": "Ì", "\u00c6": "Ỉ", "\u00d3": "Ĩ", "\u00d2": "Ị", "\u00ce": "Ỵ",
}
_VNI_PAIR = re.compile(
    "([aeouyAEOUY\u00f4\u00d4\u00f6\u00d6])([" + "".join(_VNI_MARKS) + "])|([" + "".join(_VNI_SINGLE) + "])"
)


def _vni_pair(m: re.Match[str]) -> str:
    if m.group(3):
        return _VNI_SINGLE[m.group(3)]
    base = _VNI_SINGLE.get(m.group(1), m.group(1))
    mark = _VNI_MARKS[m.group(2)]
    if (mark[0] == "\u0302" and base.lower() not in "aeo") or (mark[0] == "\u0306" and base.lower() != "a"):
        return base + _VNI_SINGLE.get(m.group(2), m.group(2))
    return nfc(base + mark)


def vni_to_unicode(text: str) -> str:
    """Convert VNI (VNI-Times) text read as cp1252/Latin-1 to Unicode NFC."""
    return nfc(_VNI_PAIR.sub(_vni_pair, text))


_TCVN3_HINT = re.compile("[\u00b5-\u00be\u00c6-\u00de\u00e1-\u00fe\u00a8-\u00ae]")
_VNI_HINT = re.compile(
    "[aeouyAEOUY\u00f4\u00f6][\u00f9\u00f8\u00fb\u00f5\u00ef\u00e2\u00ea\u00e1\u00e0\u00e5\u00e3\u00e4]"
)


def convert_legacy(text: str) -> str:
    """Convert text that looks like TCVN3 or VNI to Unicode; return Unicode text unchanged.

    Decides by which conversion yields more valid Vietnamese syllables."""
    from .orthography import is_valid_syllable

    if not _TCVN3_HINT.search(text) and not _VNI_HINT.search(text):
        return text

    def valid(t: str) -> int:
        return sum(is_valid_syllable(w) for w in re.findall(r"[^\W\d_]+", t))

    options = [text, tcvn3_to_unicode(text), vni_to_unicode(text)]
    scores = [valid(t) for t in options]
    return options[max(range(3), key=lambda i: (scores[i], -i))]
