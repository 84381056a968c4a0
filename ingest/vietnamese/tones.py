"""Second look at words read with a sắc where a hỏi is far more usual, or the other way round.

Tesseract ``vie`` reads the hook of a hỏi as the stroke of a sắc ("tổng" -> "tống", "buổi" ->
"buối", "đẩy" -> "đấy") at word confidences of 80-95, so confidence alone cannot find them.  A word
is a *suspect* when its tone-swapped twin is at least three times as frequent in the corpus
(:data:`TABLE`, built by :mod:`ingest.vietnamese.tones_build`).  A suspect word is read again on its own, and
the engine's alternatives for the marked vowel (``lstm_choice_mode=2``) are weighed against the
corpus: the twin is taken when

    (twin's choice confidence - read's choice confidence) + WEIGHT * log10(twin count / read count) > MARGIN

where the counts are those beside the word's neighbours when they shift the odds ("tổng hợp" 6,964
against "tống hợp" 4; "đường đỏ" 14 against "đường đó" 26, though "đó" is 14 times "đỏ" overall),
else the syllables' own.  On the dev pages: 24 words changed, all right; 1.4 words re-read a page,
~5 ms.  Pure functions: the caller supplies the re-reading.
"""

from __future__ import annotations

import functools
import math
import pathlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.vietnamese import orthography
from ingest.vietnamese.orthography import TONE_MARKS
from schemas.ocr import BBox, OcrLine

TABLE = pathlib.Path(__file__).parent / "data" / "tones.tsv"
ACUTE, HOOK = "\u0301", "\u0309"
_LETTERS = re.compile(r"[^\W\d_]+")
MIN_LOG_RATIO = 0.5  # the twin at least ~3x as frequent as what was read: worth a second look
WEIGHT = 15.0  # choice-confidence points per decade of corpus odds
MARGIN = 30.0  # what the twin must win by, in choice-confidence points
MAX_PER_PAGE = 8  # words re-read per page at most (~4 ms each; 1.4 a page on the dev set)

#: one re-read symbol: its text and the engine's alternatives (text, confidence 0-100)
Symbol = tuple[str, Sequence[tuple[str, float]]]


@dataclass(frozen=True)
class Counts:
    """Corpus counts of syllable bases written with a sắc and with a hỏi (`syllables`), and of both
    spellings beside the neighbours that shift their odds (the ``<``/``>`` rows of `tones.tsv`, kept
    as text and searched: parsing its 12,000 rows would cost ~20 ms a process, a look-up ~0.1 ms)."""

    syllables: dict[str, tuple[int, int]]
    rows: str = ""

    def beside(self, side: str, neighbour: str, base: str) -> tuple[int, int] | None:
        """(sắc, hỏi) counts of `base` with `neighbour` before it (side "<") or after it (">")."""
        key = f"\n{side}\t{neighbour}\t{base}\t"
        at = self.rows.find(key)
        if at < 0:
            return None
        acute, hook = self.rows[at + len(key):self.rows.index("\n", at + 1)].split("\t")
        return int(acute), int(hook)


@dataclass(frozen=True)
class Suspect:
    """A word whose only letter run has a sắc or hỏi whose twin is the more frequent spelling."""

    line: int
    index: int
    piece: str
    twin: str
    vowel: str  # the marked vowel without its tone, lower case ("ô" for "ố")
    tone: str


@functools.lru_cache(maxsize=1)
def load_counts(path: pathlib.Path = TABLE) -> Counts:
    """The counts of `tones.tsv`, read once per process (~1 ms)."""
    text = path.read_text(encoding="utf-8")
    rows = text.index("\n<")
    syllables = {}
    for row in text[:rows].splitlines()[1:]:
        base, acute, hook = row.split("\t")
        syllables[base] = (int(acute), int(hook))
    return Counts(syllables, text[rows:])


def split_tone(piece: str) -> tuple[str, str]:
    """(lower-case base without its tone mark, the tone mark or "" or "?" for several)."""
    base, tone = orthography.split_tone(piece.lower())
    several = sum(c in TONE_MARKS for c in unicodedata.normalize("NFD", piece)) > 1
    return base, "?" if several else tone


def swap_tone(text: str) -> str:
    """`text` with every sắc made a hỏi and every hỏi a sắc, case kept ("KHẤN" -> "KHẨN")."""
    d = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", d.translate({ord(ACUTE): HOOK, ord(HOOK): ACUTE}))


def _marked_vowel(piece: str) -> str:
    for ch in piece:
        base, tone = split_tone(ch)
        if tone:
            return base
    return ""


def find_suspects(lines: Sequence[OcrLine], counts: Counts, limit: int = MAX_PER_PAGE) -> list[Suspect]:
    """Words worth reading again: one letter run with a sắc or hỏi whose twin is at least
    10**MIN_LOG_RATIO times as frequent; the most lopsided first, at most `limit`."""
    found = []
    for li, line in enumerate(lines):
        for wi, word in enumerate(line.words):
            pieces = _LETTERS.findall(word.text)
            if len(pieces) != 1:
                continue
            base, tone = split_tone(pieces[0])
            if tone not in (ACUTE, HOOK) or base not in counts.syllables:
                continue
            n_acute, n_hook = counts.syllables[base]
            read, twin = (n_acute, n_hook) if tone == ACUTE else (n_hook, n_acute)
            ratio = math.log10((twin + 1) / (read + 1))
            if ratio >= MIN_LOG_RATIO:
                found.append((ratio, Suspect(li, wi, pieces[0], swap_tone(pieces[0]),
                                             _marked_vowel(pieces[0]), tone)))
    found.sort(key=lambda x: -x[0])
    return [s for _, s in found[:limit]]


def neighbours(words: Sequence[str], index: int) -> tuple[str | None, str | None]:
    """The lower-case letter runs next to word `index` (numbers and punctuation skipped), as the
    corpus pairs were counted."""
    before = after = None
    for w in reversed(words[:index]):
        pieces = _LETTERS.findall(w)
        if pieces:
            before = pieces[-1].lower()
            break
    for w in words[index + 1:]:
        pieces = _LETTERS.findall(w)
        if pieces:
            after = pieces[0].lower()
            break
    return before, after


def log_odds(base: str, tone: str, before: str | None, after: str | None, counts: Counts) -> float:
    """log10 of how much more frequent the twin is than the spelling read, beside these neighbours
    where the rarer spelling is known there, else on its own."""
    acute = hook = 0
    for side, neighbour in (("<", before), (">", after)):
        found = counts.beside(side, neighbour, base) if neighbour else None
        if found:
            acute, hook = acute + found[0], hook + found[1]
    if not acute + hook:
        acute, hook = counts.syllables[base]
    read, twin = (acute, hook) if tone == ACUTE else (hook, acute)
    return math.log10((twin + 1) / (read + 1))


def choice_margin(symbols: Sequence[Symbol], vowel: str, tone: str) -> float | None:
    """How far the engine's best alternative for the marked `vowel` with the other tone lies above
    the one with `tone` (any case), on the re-read symbol that has such alternatives and the most
    confident of them; None if no symbol does."""
    twin_tone = HOOK if tone == ACUTE else ACUTE
    best: dict[str, float] | None = None
    for _, choices in symbols:
        seen: dict[str, float] = {}
        for text, conf in choices:
            base, t = split_tone(text)
            if base == vowel and t in (ACUTE, HOOK):
                seen[t] = max(seen.get(t, 0.0), conf)
        if seen and (best is None or max(seen.values()) > max(best.values())):
            best = seen
    if best is None:
        return None
    return best.get(twin_tone, 0.0) - best.get(tone, 0.0)


def fix_tones(lines: Sequence[OcrLine], reread: Callable[[BBox], Sequence[Symbol]],
              counts: Counts | None = None) -> list[OcrLine]:
    """`lines` with the suspects of :func:`find_suspects` given their twin's tone where the
    re-reading (`reread(word box)` -> symbols with alternatives) and the corpus together say so."""
    counts = counts or load_counts()
    out = list(lines)
    for s in find_suspects(lines, counts):
        line = out[s.line]
        word = line.words[s.index]
        margin = choice_margin(reread(word.bbox), s.vowel, s.tone)
        if margin is None:
            continue
        before, after = neighbours([w.text for w in line.words], s.index)
        base, _ = split_tone(s.piece)
        if margin + WEIGHT * log_odds(base, s.tone, before, after, counts) <= MARGIN:
            continue
        text = word.text.replace(s.piece, s.twin, 1)
        words = list(line.words)
        words[s.index] = word.model_copy(update={"text": text})
        out[s.line] = line.model_copy(update={"words": words, "text": " ".join(w.text for w in words)})
    return out
