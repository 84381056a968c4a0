"""Repair of Vietnamese read by an OCR engine that knows no Vietnamese (legacy archive text layers).

Every whitespace-separated word is a noisy observation of a syllable, with candidates and channel
scores from `candidates.py`; the language model chooses among them with the Viterbi decoder. Numbers
and codes are kept, their letter parts restored like stripped text ("61/2018/ND-CP" ->
"61/2018/NĐ-CP"); punctuation stuck to a word is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..lexicon import BOS_ID, BOUNDARY, NUM_ID, TOKEN, UNK_ID
from ..lm.decoder import Position
from ..lm.model import NgramModel
from ..orthography import nfc, place_tone, strip_marks
from ..restore import apply_case, capital_bonus
from .candidates import LATIN1_MAX, OcrRepairer, load_repairer
from .columns import reorder_columns

LEADING_PUNCTUATION = "([\"“‘'["  # kept as read at the start of a word
TRAILING_PUNCTUATION = ")]\"”,.;:!…"  # kept as read at the end of a word
# a word, possibly with look-alike digits or symbols inside ("S60", "c¢6ng"), but not a code ("PC06")
_WORDLIKE = re.compile(r"(?![A-Za-z]{2,}\d+$)(?!.*\d{3})(?=.*[^\W\d_])(?:[^\W_]|[@¢©€|?’'`‘])+", re.U)
_WORD_NUMBER = re.compile(r"([^\W\d_]+[06])(\d[\d.,]*)")  # "s68.311": "số" read as "s6" glued to "8.311"
_CHUNK = re.compile(r"\S+")

ACRONYMS = True  # vowel-less all-capital words in mixed-case lines are acronyms ("TT", "HDND": d -> đ only)
OCR_CAPITALS = False  # capitalisation bonus of `restore`: measured 0.1 % worse on OCR text, so off
VIETNAMESE_SHARE = 0.15  # share of words with letters beyond Latin-1 from which the marks read are trusted
MIXED_CASE_SHARE = 0.4  # share of lower-case letters from which a line is in mixed case
CODE_CANDIDATES = 4  # candidates of a letter part of a code


def _fixed(m: NgramModel, tok: str) -> tuple[Position, np.ndarray]:
    """A token kept as it is (a number, punctuation): its one id for the language model."""
    if tok[0].isdigit():
        wid = NUM_ID
    elif tok in BOUNDARY:
        wid = BOS_ID
    else:
        wid = m.index.get(tok.lower(), UNK_ID)
    return Position(np.array([wid], dtype=np.uint64), [tok]), np.zeros(1, dtype=np.float32)


@dataclass
class _Tokens:
    """The decoding input of the text being repaired: per token its span in the text (start, end,
    token), its candidates and their channel scores."""

    repairer: OcrRepairer
    channel_weight: float
    trust: bool  # the text is (mostly) real Vietnamese already: marked words prefer themselves
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    extra: list[np.ndarray | None] = field(default_factory=list)
    spaced: set[int] = field(default_factory=set)  # tokens after which a space is added

    def fixed(self, s: int, e: int, tok: str) -> None:
        position, channel = _fixed(self.repairer.model, tok)
        self.spans.append((s, e, tok))
        self.positions.append(position)
        self.extra.append(channel)

    def word(self, s: int, e: int, tok: str, inside: bool = False) -> None:
        ids, forms, channel = self.repairer.candidates(tok, self.trust)
        self.spans.append((s, e, tok))
        position = Position(ids, forms)
        self.positions.append(position)
        x = channel * self.channel_weight
        letters = [c for c in tok if c.isalpha()]
        title = letters[0].isupper() and not all(c.isupper() for c in letters[1:] or "a")
        if OCR_CAPITALS and inside and title:
            bonus = capital_bonus(self.repairer.model, position)
            if bonus is not None:
                x = x + bonus
        self.extra.append(x)

    def code(self, s: int, e: int, tok: str) -> None:
        """A code ("61/2018/ND-CP"): its letter parts restored like stripped text, the rest kept."""
        model = self.repairer.model
        for sub in TOKEN.finditer(tok):
            t = sub.group(0)
            a, b = s + sub.start(), s + sub.end()
            if t[0].isalpha():
                low = strip_marks(t.lower())
                ids = model.candidates.get(low)
                if ids is not None and len(ids):
                    self.spans.append((a, b, t))
                    first = ids[:CODE_CANDIDATES]
                    self.positions.append(Position(first, [model.vocab[i] for i in first.tolist()]))
                    self.extra.append(np.zeros(len(first), dtype=np.float32))
                    continue
            self.fixed(a, b, t)

    def acronym(self, s: int, e: int, tok: str) -> None:
        """An all-capital word in a mixed-case line ("TT", "CAT", "ND"): kept, or only d -> đ."""
        model = self.repairer.model
        low = tok.lower()
        own = model.index.get(low, UNK_ID)
        ids = [own] + [int(i) for i in model.candidates.get(low, ())
                       if int(i) != own and model.vocab[int(i)].replace("đ", "d") == low]
        self.spans.append((s, e, tok))
        forms = [low] + [model.vocab[i] for i in ids[1:]]
        self.positions.append(Position(np.array(ids, dtype=np.uint64), forms))
        self.extra.append(None)

    def chunk(self, tok: str, s: int, inside: bool, mixed_case: bool) -> bool:
        """Add a whitespace-separated chunk of the text at offset `s`: the punctuation at its edges,
        and its core as a word, an acronym or a code. Whether a word after it is inside a sentence."""
        i, j = 0, len(tok)
        while i < j and tok[i] in LEADING_PUNCTUATION:
            i += 1
        while j > i and tok[j - 1] in TRAILING_PUNCTUATION:
            j -= 1
        for k in range(0, i):
            self.fixed(s + k, s + k + 1, tok[k])
        core = tok[i:j]
        if core:
            word_number = _WORD_NUMBER.fullmatch(core)
            if word_number:
                self.word(s + i, s + i + word_number.end(1), word_number.group(1))
                self.spaced.add(len(self.spans) - 1)
                self.fixed(s + i + word_number.end(1), s + j, word_number.group(2))
            elif (ACRONYMS and len(core) >= 2 and core.isalpha() and core.isupper() and mixed_case
                  and not any(c in "AEIOUY" for c in strip_marks(core))):
                self.acronym(s + i, s + j, core)
            elif _WORDLIKE.fullmatch(core) and any(c.isalpha() for c in core):
                self.word(s + i, s + j, core, inside and i == 0)
            else:
                self.code(s + i, s + j, core)
        for k in range(j, len(tok)):
            self.fixed(s + k, s + k + 1, tok[k])
        return bool(core) and j == len(tok) or tok[j:] == ","


def _reads_vietnamese(text: str) -> bool:
    """Whether enough words have letters only Vietnamese uses: the engine did read Vietnamese."""
    words = text.split()
    vietnamese = sum(any(ord(c) > LATIN1_MAX for c in w) for w in words)
    return vietnamese >= VIETNAMESE_SHARE * max(len(words), 1)


def _mixed_case_lines(text: str) -> dict[int, bool]:
    """Per line number: whether the line is in mixed case (not all capitals)."""
    mixed = {}
    for number, line in enumerate(text.split("\n")):
        letters = [c for c in line if c.isalpha()]
        mixed[number] = sum(c.islower() for c in letters) >= MIXED_CASE_SHARE * max(len(letters), 1)
    return mixed


def _render(text: str, tokens: _Tokens, forms: list[str]) -> str:
    """`text` with each changed token replaced by its chosen form, case carried over."""
    out = []
    last = 0
    for k, ((s, e, tok), f) in enumerate(zip(tokens.spans, forms, strict=True)):
        if f == tok and k not in tokens.spaced:
            continue
        out.append(text[last:s])
        out.append(apply_case(tok, f))
        if k in tokens.spaced:  # "s68.311" was "số 8.311"
            out.append(" ")
        last = e
    out.append(text[last:])
    return "".join(out)


def repair_ocr(text: str, channel_weight: float = 1.0, reorder: bool = True, style: str = "old") -> str:
    """Repair text read by an OCR engine that knows no Vietnamese. Lines keep their order and
    content except that, with `reorder`, two-column header and signature blocks are put back in
    reading order (`reorder_columns`). `style`: tone marks placed "old" ("hòa") or "new" ("hoà")."""
    rep = load_repairer()
    text = nfc(text)
    if reorder:
        text = reorder_columns(text)
    tokens = _Tokens(rep, channel_weight, _reads_vietnamese(text))
    mixed = _mixed_case_lines(text)
    line_no = 0
    inside = False
    prev_end = 0
    for chunk in _CHUNK.finditer(text):
        s = chunk.start()
        if "\n" in text[prev_end:s]:
            inside = False
            line_no += text.count("\n", prev_end, s)
        prev_end = chunk.end()
        inside = tokens.chunk(chunk.group(0), s, inside, mixed[line_no])
    best = rep.model.decode(tokens.positions, tokens.extra)
    forms = [p.forms[b] for p, b in zip(tokens.positions, best, strict=True)]
    if style != "old":
        forms = [place_tone(f, style) for f in forms]
    return _render(text, tokens, forms)
