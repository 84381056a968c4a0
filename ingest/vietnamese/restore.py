"""Diacritic restoration: Vietnamese written without marks (đ as d) back to full orthography.

Only letter tokens whose lower-case form is the stripped form of known syllables change; numbers,
codes, punctuation, spacing and line breaks stay byte for byte, and the capitalisation of every
letter is carried over to the restored word ("UY BAN" -> "ỦY BAN", "Nghi dinh" -> "Nghị định").
Words that already carry marks are kept and only serve as context.
"""

from __future__ import annotations

import re

import numpy as np

from .lexicon import BOS_ID, BOUNDARY, NUM_ID, TOKEN, UNK_ID
from .lm.cache import load
from .lm.decoder import Position
from .lm.model import NgramModel
from .orthography import nfc, place_tone, strip_marks


def apply_case(orig: str, form: str) -> str:
    """`form` with the capitalisation of `orig`, letter by letter ("NgHi", "nghị" -> "NgHị")."""
    if orig.islower():
        return form
    letters = [c for c in orig if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return form.upper()
    if len(orig) != len(form) or len(letters) != len(orig):
        return form[:1].upper() + form[1:] if letters[:1] and letters[0].isupper() else form
    return "".join(f.upper() if o.isupper() else f for o, f in zip(orig, form, strict=True))


CAPITAL_WEIGHT = 0.6
NAME_LINE_WEIGHT = 0.6  # capitalisation bonus on a line of 2-5 capitalised words (a signer's name)
INSIDE_AFTER = "-–,"  # a capitalised word after these (same line) is inside a sentence

_CAPS = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,}(?![^\W\d_])")
_CHUNK = re.compile(r"\S+")
_MARKER = re.compile(r"^[ \t]*([a-zđA-ZĐ])\)", re.M)
_LETTERS = re.compile(r"[^\W\d_]+")
_NAME_LINE = re.compile(r"^[ \t]*((?:[A-ZĐ][^\W\d_A-Z]*[ \t]+){1,4}[A-ZĐ][^\W\d_A-Z]*)[ \t]*$", re.M)


def capital_bonus(model: NgramModel, pos: Position, weight: float | None = None) -> np.ndarray | None:
    """Extra score for the candidates of a capitalised word inside a sentence: names ("Thị", "Trần",
    "Dũng") are usually written with a capital, their homographs ("thì", "trấn", "đúng") are not."""
    weight = CAPITAL_WEIGHT if weight is None else weight
    if len(pos.ids) < 2 or weight == 0:
        return None
    c = model.capital[pos.ids.astype(np.int64)]
    return (weight * (c - c.max())).astype(np.float32)


def acronym_starts(text: str) -> set[int]:
    """Offsets of the all-capital unmarked words of `text` that are acronyms ("CAT", "TT/TU",
    "TB-CAT-PC06"): part of a code (with "/" or digits), or in a line that is mostly lower case and
    either joined by "-" or not next to another all-capital word (a run of them is an emphasised
    phrase, "MIỄN PHÍ")."""
    out: set[int] = set()
    line_start = -1
    mixed = False
    chunks: list[re.Match[str]] = []
    for m in _CAPS.finditer(text):
        s = m.start()
        ls = text.rfind("\n", 0, s) + 1
        if ls != line_start:
            line_start = ls
            le = text.find("\n", s)
            line = text[ls : le if le >= 0 else len(text)]
            lower = sum(c.islower() for c in line)
            mixed = lower >= 0.4 * max(lower + sum(c.isupper() for c in line), 1)
            chunks = list(_CHUNK.finditer(line))
        chunk = next(c for c in chunks if c.start() <= s - ls < c.end())
        code = any(c == "/" or c.isdigit() for c in chunk.group(0))
        if code or mixed and ("-" in chunk.group(0) or not any(
                0 <= j < len(chunks) and _all_caps_word(chunks[j].group(0))
                for j in (chunks.index(chunk) - 1, chunks.index(chunk) + 1))):
            out.add(s)
    return out


def list_markers(text: str) -> dict[int, str]:
    """Offsets of the item letters of lettered lists ("a)", "b)" ... at a line start) that the
    alphabet decides: after "c)" comes "d)", after "d)" comes "đ)" (both typed "d)" without marks)."""
    out: dict[int, str] = {}
    prev = ""
    for m in _MARKER.finditer(text):
        letter = m.group(1)
        if letter.lower() == "d" and prev in ("c", "d"):
            out[m.start(1)] = "d" if prev == "c" else "đ"
            prev = out[m.start(1)]
        else:
            prev = letter.lower()
    return out


def _all_caps_word(chunk: str) -> bool:
    words = _LETTERS.findall(chunk)
    return len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()


def _acronym_position(model: NgramModel, low: str) -> Position:
    """An acronym: kept as written, or with d -> đ ("BCD" -> "BCĐ") if the model knows that form."""
    own = model.index.get(low, UNK_ID)
    ids = [own] + [int(i) for i in model.candidates.get(low, ())
                   if int(i) != own and model.vocab[int(i)].replace("đ", "d") == low]
    return Position(np.array(ids, dtype=np.uint64), [""] + [model.vocab[i] for i in ids[1:]])


def tokenize(model: NgramModel, text: str) -> tuple[list[tuple[int, int, str]], list[Position]]:
    """Spans (start, end, token) and decoding positions of `text` (NFC). Changeable tokens get
    every candidate; everything else one fixed candidate standing for itself."""
    spans, positions, _ = tokenize_extra(model, text)
    return spans, positions


def tokenize_extra(model: NgramModel, text: str
                   ) -> tuple[list[tuple[int, int, str]], list[Position], list[np.ndarray | None]]:
    """`tokenize` plus the capitalisation bonus of each position (None if there is none)."""
    spans: list[tuple[int, int, str]] = []
    positions: list[Position] = []
    extra: list[np.ndarray | None] = []
    prev_word_end = -2
    index = model.index
    memo = model.memo
    acronyms = acronym_starts(text) if _CAPS.search(text) else set()
    names = {m.start(1): m.end(1) for m in _NAME_LINE.finditer(text)}
    markers = list_markers(text)
    name_end = -1
    for m in TOKEN.finditer(text):
        tok = m.group(0)
        s = m.start()
        spans.append((s, m.end(), tok))
        c = tok[0]
        if c.isalpha():
            low = tok.lower()
            if s in acronyms:
                pos = _acronym_position(model, low)
            elif s in markers:
                pos = Position(np.array([index.get(markers[s], UNK_ID)], dtype=np.uint64), [markers[s]])
            else:
                pos = memo.get(low)
                if pos is None:
                    pos = memo[low] = _word_position(model, low)
            positions.append(pos if pos.forms[0] != "" else Position(pos.ids, [tok, *pos.forms[1:]]))
            name_end = names.get(s, name_end)
            if s < name_end:
                extra.append(capital_bonus(model, pos, NAME_LINE_WEIGHT))
            elif (c.isupper() and prev_word_end >= 0 and (len(tok) == 1 or not tok[1:].isupper())
                    and text.find("\n", prev_word_end, s) < 0):
                extra.append(capital_bonus(model, pos))
            else:
                extra.append(None)
            prev_word_end = m.end()
            continue
        extra.append(None)
        if c.isdigit():
            positions.append(Position(np.array([NUM_ID], dtype=np.uint64), [tok]))
            prev_word_end = m.end()
        elif tok in BOUNDARY:
            positions.append(Position(np.array([BOS_ID], dtype=np.uint64), [tok]))
            prev_word_end = m.end() if tok in INSIDE_AFTER else -2
        else:
            positions.append(Position(np.array([index.get(tok, UNK_ID)], dtype=np.uint64), [tok]))
            if tok not in INSIDE_AFTER:
                prev_word_end = -2
    return spans, positions, extra


def _word_position(model: NgramModel, low: str) -> Position:
    """Candidates of a lower-case word; forms [""] means "keep the word as written"."""
    ids = model.candidates.get(low) if low == strip_marks(low) else None
    if ids is not None:  # a word that can be a Vietnamese syllable is restored to one ("tich": not kept)
        valid = model.valid[ids.astype(np.int64)]
        if valid.any() and not valid.all():
            ids = ids[valid]
    if ids is not None and len(ids):
        return Position(ids, [model.vocab[i] for i in ids.tolist()])
    wid = model.index.get(low)
    if wid is None:
        wid = model.index.get(place_tone(low), UNK_ID)
    return Position(np.array([wid], dtype=np.uint64), [""])


def render(text: str, spans: list[tuple[int, int, str]], forms: list[str]) -> str:
    """`text` with each span replaced by its chosen form, case carried over."""
    out = []
    last = 0
    for (s, e, tok), f in zip(spans, forms, strict=True):
        if f == tok:
            continue
        out.append(text[last:s])
        out.append(apply_case(tok, f))
        last = e
    out.append(text[last:])
    return "".join(out)


def restore(text: str, model: NgramModel | None = None, style: str = "old") -> str:
    """Restore the marks of Vietnamese text typed without them (đ written d), line for line.
    `style` places tone marks the old ("hòa", "Ủy") or the new way ("hoà", "Uỷ")."""
    model = model or load()
    text = nfc(text)
    spans, positions, extra = tokenize_extra(model, text)
    best = model.decode(positions, extra)
    forms = [p.forms[j] for p, j in zip(positions, best, strict=True)]
    if style != "old":
        forms = [place_tone(f, style) for f in forms]
    return render(text, spans, forms)
