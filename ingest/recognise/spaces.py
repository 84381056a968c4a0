"""Spaces Tesseract missed between two words: "VP UBND" read as "VPUBND" when the header's two
columns were read as one line.  A word that is not one Vietnamese syllable and whose ink has a
blank gap much wider than the gaps between its letters is read again as two halves; when the
halves give back the same letters, the word is split there.  :func:`split_missed_spaces` and its
helpers are pure functions (the caller supplies the page and the re-reading);
:func:`split_run_together` re-reads with the page's engine."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from ingest.recognise.crops import DEFAULT_TEXT_HEIGHT, framed
from ingest.recognise.engine import get_engine
from ingest.vietnamese.orthography import is_syllable_shape
from schemas.ocr import BBox, OcrLine, OcrWord

MIN_GAP = 0.3  # a blank run at least this many text heights wide ...
GAP_RATIO = 2.5  # ... and this many times the next widest inside the word is a word space
MIN_LETTERS = 4  # a word needs this many letters to be looked at
INK_BELOW = 128  # gray levels below this are ink
WORD_MARGIN = 0.5  # a half is read on white paper with this many text heights of margin
WORD_PSM = 8  # Tesseract's page segmentation mode for a half: a single word
_LETTERS_ONLY = re.compile(r"^[^\W\d_]+$")


def space_column(ink_columns: np.ndarray, text_height: float) -> tuple[int, int] | None:
    """(first, last + 1) column of the blank run inside a word's ink (`ink_columns`: whether each
    column of the word box has ink) that looks like a space: at least ``MIN_GAP`` text heights wide
    and ``GAP_RATIO`` times every other blank run between its letters; None if there is none."""
    ink = np.flatnonzero(ink_columns)
    if len(ink) < 2:
        return None
    steps = np.diff(ink)
    gaps = steps - 1
    order = np.argsort(-gaps)
    widest = int(gaps[order[0]])
    runner_up = int(gaps[order[1]]) if len(gaps) > 1 else 0
    if widest < MIN_GAP * text_height or widest < GAP_RATIO * max(runner_up, 1):
        return None
    start = int(ink[order[0]]) + 1
    return start, start + widest


def worth_a_look(text: str, is_syllable: Callable[[str], bool]) -> bool:
    """Letters only, at least ``MIN_LETTERS`` of them, and not one syllable ("VPUBND" yes,
    "nghiêng", "12/QĐ" no)."""
    return len(text) >= MIN_LETTERS and bool(_LETTERS_ONLY.match(text)) and not is_syllable(text)


def split_missed_spaces(lines: Sequence[OcrLine], image: np.ndarray, text_height: float,
                        read_word: Callable[[BBox], str], is_syllable: Callable[[str], bool]
                        ) -> list[OcrLine]:
    """`lines` with every word of :func:`worth_a_look` whose ink has a :func:`space_column` split in
    two there, when `read_word` (a word box -> its text read alone) gives back its letters in two
    halves ("VP" + "UBND" for "VPUBND")."""
    out = []
    for line in lines:
        words: list[OcrWord] = []
        for word in line.words:
            halves = None
            if worth_a_look(word.text, is_syllable):
                halves = _split(word, image, text_height, read_word)
            words.extend(halves or [word])
        if len(words) == len(line.words):
            out.append(line)
        else:
            out.append(line.model_copy(update={"words": words, "text": " ".join(w.text for w in words)}))
    return out


def _split(word: OcrWord, image: np.ndarray, text_height: float,
           read_word: Callable[[BBox], str]) -> list[OcrWord] | None:
    b = word.bbox
    box = image[max(0, b.y):b.y + b.h, max(0, b.x):b.x + b.w]
    if box.size == 0:
        return None
    gap = space_column((box < INK_BELOW).any(axis=0), text_height)
    if gap is None:
        return None
    left = BBox(x=b.x, y=b.y, w=gap[0], h=b.h)
    right = BBox(x=b.x + gap[1], y=b.y, w=b.w - gap[1], h=b.h)
    texts = ["".join(re.findall(r"[^\W\d_]+", read_word(half))) for half in (left, right)]
    if not all(texts) or texts[0] + texts[1] != word.text:
        return None
    return [word.model_copy(update={"text": t, "bbox": half})
            for t, half in zip(texts, (left, right), strict=True)]


def split_run_together(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                       lang: str = "vie") -> list[OcrLine]:
    """`lines` after :func:`split_missed_spaces`: a word that is no syllable with a space-wide gap in
    its ink ("VPUBND") is read again as two halves (``--psm 8``) and split when they give back its
    letters."""
    th = text_height or DEFAULT_TEXT_HEIGHT
    margin = int(WORD_MARGIN * th)

    def read_word(box: BBox) -> str:
        crop, _, _ = framed(image, box, margin)
        read = get_engine(lang=lang).recognise(crop, psm=WORD_PSM)
        return " ".join(w.text for line in read.lines for w in line.words)

    return split_missed_spaces(lines, image, th, read_word, is_syllable_shape)
