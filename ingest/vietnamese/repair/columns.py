"""The two-column blocks of an administrative document put back in reading order.

Engines read the header and the signature block line across both columns: "ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH X Độc lập - Tự do - Hạnh phúc", and "Nơi nhận: KT. CHỦ
TỊCH" / "- Như Điều 4; PHÓ CHỦ TỊCH". The lines are matched in a key form (lower case, unmarked,
look-alikes folded), so the patterns work on text whose marks are not repaired yet.
"""

from __future__ import annotations

import re

from ..orthography import fold

_MATCH_MAP = str.maketrans({"6": "o", "0": "o", "@": "o", "¢": "o", "1": "l", "€": "e"})
# the two lines of the national motto, at the end of a line (the right column)
_MOTTO1 = re.compile(r"\s(cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam)\s*$")
_MOTTO2 = re.compile(r"\s(doc\s+lap\s*-\s*t\S{0,3}\s+do\s*-\s*h\S{0,4}\s+ph\S{0,4})\s*$")
# a signer's title at the end of a line of the list of recipients (the right column)
_SIGN = re.compile(
    r"(?:^|\s)((?:(?:kt|tm|tl|q|tuq)\s*\.\s*)?(?:pho\s+)?(?:chu\s+tich|giam\s+doc|truong\s+phong|"
    r"uy\s+ban\s+nhan\s+dan|chanh\s+van\s+phong|truong\s+ban|cuc\s+truong|vu\s+truong|bo\s+truong)"
    r"(?:\s+[a-z.]+){0,4})\s*$"
)
_RECIPIENTS = re.compile(r"^\s*n[o0]i\s+nh")  # "Nơi nhận:", the list of recipients
_NUMBER_LINE = re.compile(r"^s\S{0,2}\s*:")  # "Số: ...", the line under the left header block
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_ITEM_MARKS = ("-", "+", "•", "~", "—", "=")  # how the items of the list of recipients start

MOTTO_WITHIN = 12  # the motto's first line is among the first 12 lines ...
MOTTO_GAP = 4  # ... and its second line less than 4 lines below it
HEADER_MAX_WORDS = 6  # a line of the left header block has at most 6 words
MOSTLY_UPPER = 0.8  # share of capital letters of a line in capitals
MIN_ITEM_CHARS = 6  # shorter lines of the list of recipients are skipped
ITEM_GAP = 2  # lines without an item mark after the last item that still belong to the list


def _match_key(line: str) -> str:
    """Same length as `line`: folded (`fold`), OCR look-alikes folded too ("S6" -> "so")."""
    return fold(line).translate(_MATCH_MAP)


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= MOSTLY_UPPER * len(letters)


def _move_motto(lines: list[str]) -> None:
    """The national motto (right column) moved after the left header block, in place."""
    keys = [_match_key(x) for x in lines]
    for first, key in enumerate(keys[:MOTTO_WITHIN]):
        motto1 = _MOTTO1.search(key)
        if not motto1 or not key[: motto1.start(1)].strip():
            continue
        second = next((j for j in range(first + 1, min(first + MOTTO_GAP, len(lines))) if keys[j].strip()),
                      None)
        motto2 = _MOTTO2.search(keys[second]) if second is not None else None
        if motto2 is None:
            return
        motto = [lines[first][motto1.start(1):].strip(), lines[second][motto2.start(1):].strip()]
        left = [lines[first][: motto1.start(1)].rstrip(), lines[second][: motto2.start(1)].rstrip()]
        end = second + 1
        while (end < len(lines) and _mostly_upper(lines[end]) and len(lines[end].split()) <= HEADER_MAX_WORDS
               and not _NUMBER_LINE.match(keys[end].strip())):
            left.append(lines[end])
            end += 1
        lines[first:end] = [x for x in left if x.strip()] + motto
        return


def _move_signer_titles(lines: list[str]) -> None:
    """The signer's titles (right column) moved after the list of recipients, in place."""
    keys = [_match_key(x) for x in lines]
    start = next((i for i, k in enumerate(keys) if _RECIPIENTS.match(k)), None)
    if start is None:
        return
    moved: list[str] = []
    last = start
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if len(stripped) < MIN_ITEM_CHARS or not _TWO_LETTERS.search(stripped):
            continue
        if i > start and not stripped.startswith(_ITEM_MARKS):
            if moved or i - last > ITEM_GAP:
                break
            continue
        if stripped:
            last = i
        title = _SIGN.search(keys[i])
        if title and _mostly_upper(lines[i][title.start(1):]) and title.start(1) > 0:
            moved.append(lines[i][title.start(1):].strip())
            lines[i] = lines[i][: title.start(1)].rstrip()
    if moved:
        lines[last + 1 : last + 1] = moved


def reorder_columns(text: str) -> str:
    """Put the two-column blocks of an administrative document back in reading order: the
    national motto moves after the left header block and the signer's titles after the list of
    recipients (new lines are added)."""
    lines = text.split("\n")
    _move_motto(lines)
    _move_signer_titles(lines)
    return "\n".join(lines)
