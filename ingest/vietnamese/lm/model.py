"""The syllable n-gram language model: its data files read into sorted arrays, n-gram lookups and
backoff scores, and the candidate syllables of each unmarked word form.

The model (built by `train.py`) is an n-gram model over lower-case syllable ids, interpolated
Kneser-Ney with ARPA-style backoff weights (or stupid backoff, for models stored without them).
N-gram keys pack up to four 16-bit ids into one uint64 (`keys.py`) and sit in sorted arrays, so
scoring a batch of n-grams is one `np.searchsorted` per order. Decoding over the candidates:
`decoder.py` (Viterbi) and `refine.py` (exact 4-gram rescoring).
"""

from __future__ import annotations

import json
import pathlib

import numpy as np

from ..lexicon import SPECIALS, UNK_ID
from .decoder import CHUNK_POSITIONS, Position, chunks, viterbi
from .keys import LAST_1, LAST_2, LAST_3, SHIFT_1, hash_bucket
from .refine import refine

DATA = pathlib.Path(__file__).parent.parent / "data"  # the shipped model (`ingest/vietnamese/data/`)

STUPID_BACKOFF = -0.4  # log10 penalty per order backed off, for models stored without backoff weights
MAX_CANDIDATES = 12  # candidates of an unmarked form: at most this many, most frequent first, ...
MIN_RELATIVE_LOGP = -3.0  # ... and at most this far (log10 corpus count) below the most frequent
REFINE_ROUNDS = 2  # rounds of exact 4-gram rescoring after the Viterbi
QUANT_STEPS = 255  # stored scores are one byte: 0 .. 255 over [qmin, 0]
FILTERED_ORDERS = (3, 4)  # orders whose lookups go through a hash filter first
FILTER_MIN_BITS = 10  # a filter has at least 2^10 buckets, ...
FILTER_BUCKETS_PER_KEY = 4  # ... and at least this many per stored key (rounded up to a power of two)
SMALL_BATCH = 64  # lookups of fewer keys are neither filtered nor sorted first


class NgramModel:
    """Syllable n-gram model (Kneser-Ney with ARPA-style backoff, or stupid backoff) with packed
    uint64 keys in sorted arrays."""

    def __init__(self, data: pathlib.Path = DATA, backoff: float = STUPID_BACKOFF,
                 max_candidates: int = MAX_CANDIDATES, min_rel_logp: float = MIN_RELATIVE_LOGP,
                 refine_rounds: int = REFINE_ROUNDS) -> None:
        meta = json.loads((data / "lm.json").read_text(encoding="utf-8"))
        self.order: int = meta["order"]
        qmin = float(meta["qmin"])
        text = (data / "vocab.tsv").read_text(encoding="utf-8")
        rows = [line.split("\t") for line in text.split("\n")[:-1]]
        self.vocab: list[str] = [row[0] for row in rows]
        #: per id: 1 if the word is a well-formed Vietnamese syllable
        self.valid = np.array([row[2] == "1" for row in rows], dtype=bool)
        self.index: dict[str, int] = {word: i for i, word in enumerate(self.vocab)}
        self.backoff = backoff
        #: rounds of exact 4-gram rescoring after the Viterbi
        self.refine_rounds = refine_rounds
        arrays = np.load(data / "lm.npz")
        self.keys: list[np.ndarray] = []
        self.scores: list[np.ndarray] = []
        self.bows: list[np.ndarray] = []
        scale, low = np.float32(-qmin / QUANT_STEPS), np.float32(qmin)
        self.kn = "b1" in arrays.files
        for n in range(1, self.order + 1):
            self.keys.append(np.cumsum(arrays[f"k{n}"], dtype=np.uint64))  # stored delta-encoded
            self.scores.append(arrays[f"q{n}"].astype(np.float32) * scale + low)
            if self.kn and n < self.order:
                self.bows.append(arrays[f"b{n}"].astype(np.float32) * scale + low)
        #: per order 3, 4: a byte per hash bucket, 1 if some stored key falls in it (rules out most
        #: absent n-grams before the binary search)
        self.filters: dict[int, np.ndarray] = {
            n: _presence_filter(self.keys[n - 1]) for n in FILTERED_ORDERS if n <= self.order}
        #: per id: log10 share of in-sentence occurrences written with a capital (names)
        self.capital = (arrays["cap"].astype(np.float32) * scale + low if "cap" in arrays.files
                        else np.zeros(len(self.vocab), dtype=np.float32))
        unigram = np.full(len(self.vocab), float(qmin), dtype=np.float32)
        unigram[self.keys[0].astype(np.int64)] = self.scores[0]
        self.unigram = unigram
        if self.kn:
            unibow = np.zeros(len(self.vocab), dtype=np.float32)
            unibow[self.keys[0].astype(np.int64)] = self.bows[0]
            self.unibow = unibow
        self.unk_score = np.float32(qmin)
        self.memo: dict[str, Position] = {}
        # corpus frequency (Kneser-Ney unigrams are continuation counts: "dõi" follows only "theo")
        freq = (np.log10(np.array([float(row[3]) + 0.5 for row in rows], dtype=np.float32))
                if rows and len(rows[-1]) > 3 else unigram)
        #: per id: log10 corpus count (the unigram score for models without counts)
        self.freq = freq
        #: unmarked form -> candidate ids, most frequent in the corpus first
        self.candidates: dict[str, np.ndarray] = _candidate_index(rows, freq, max_candidates, min_rel_logp)

    # -- lookups and scores -------------------------------------------------------------------------
    def _find(self, n: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Whether each packed n-gram is stored, and where (0 where it is not)."""
        table = self.keys[n - 1]
        at = np.searchsorted(table, keys)
        at[at == len(table)] = 0
        return table[at] == keys, at

    def _lookup(self, n: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        found, at = self._find(n, keys)
        return found, self.scores[n - 1][at]

    def find_sorted(self, n: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`_find` for a large batch: queries the hash filter rules out are not searched, the others
        are sorted first, which makes the binary searches local."""
        if len(keys) < SMALL_BATCH:
            return self._find(n, keys)
        found = np.zeros(len(keys), dtype=bool)
        at = np.zeros(len(keys), dtype=np.int64)
        table = self.filters.get(n)
        maybe = (np.flatnonzero(table[hash_bucket(keys, len(table))]) if table is not None
                 else np.arange(len(keys)))
        candidates = keys[maybe]
        order = np.argsort(candidates, kind="stable")  # runs of sorted keys: timsort merges them
        sorted_found, sorted_at = self._find(n, candidates[order])
        found[maybe[order]] = sorted_found
        at[maybe[order]] = sorted_at
        return found, at

    def bow(self, n: int, keys: np.ndarray) -> np.ndarray:
        """log10 backoff weight of the n-gram contexts `keys` (0 where unknown)."""
        found, at = self._find(n, keys)
        return np.where(found, self.bows[n - 1][at], np.float32(0))

    def score3(self, keys: np.ndarray) -> np.ndarray:
        """Backoff score of packed trigram keys (a<<32 | b<<16 | c)."""
        found3, score3 = self._lookup(3, keys)
        found2, score2 = self._lookup(2, keys & LAST_2)
        score1 = self.unigram[(keys & LAST_1).astype(np.int64)]
        if self.kn:
            bow1 = self.unibow[((keys >> SHIFT_1) & LAST_1).astype(np.int64)]
            bow2 = self.bow(2, keys >> SHIFT_1)
            return np.where(found3, score3, bow2 + np.where(found2, score2, bow1 + score1))
        penalty = self.backoff
        return np.where(found3, score3, np.where(found2, penalty + score2, 2 * penalty + score1))

    def score4(self, keys: np.ndarray) -> np.ndarray:
        """Exact backoff score of packed 4-gram keys (a<<48 | b<<32 | c<<16 | d), Kneser-Ney models."""
        found4, at4 = self.find_sorted(4, keys)  # a b c d
        found3, at3 = self.find_sorted(3, keys & LAST_3)  # b c d
        found2, at2 = self.find_sorted(2, keys & LAST_2)  # c d
        context3, context3_at = self.find_sorted(3, keys >> SHIFT_1)  # a b c, as a context
        context2, context2_at = self.find_sorted(2, (keys >> SHIFT_1) & LAST_2)  # b c, as a context
        score1 = (self.unibow[((keys >> SHIFT_1) & LAST_1).astype(np.int64)]
                  + self.unigram[(keys & LAST_1).astype(np.int64)])
        score2 = np.where(found2, self.scores[1][at2], score1)
        score3 = np.where(found3, self.scores[2][at3],
                          np.where(context2, self.bows[1][context2_at], np.float32(0)) + score2)
        return np.where(found4, self.scores[3][at4],
                        np.where(context3, self.bows[2][context3_at], np.float32(0)) + score3)

    def word_id(self, w: str) -> int:
        return self.index.get(w, UNK_ID)

    # -- decoding -----------------------------------------------------------------------------------
    def decode(self, positions: list[Position], extra: list[np.ndarray | None] | None = None,
               chunk: int = CHUNK_POSITIONS) -> list[int]:
        """Index of the chosen candidate at each position (Viterbi, then exact 4-gram rescoring).
        `extra`, if given, adds a per-candidate score (e.g. a channel model) at each position. Long
        inputs are cut at sentence boundaries into chunks of about `chunk` positions."""
        out: list[int] = []
        for start, end in chunks(positions, chunk):
            part, part_extra = positions[start:end], None if extra is None else extra[start:end]
            best = viterbi(self, part, part_extra)
            if self.order == 4 and self.kn and self.refine_rounds:
                best = refine(self, part, part_extra, best)
            out += best
        return out


def _presence_filter(keys: np.ndarray) -> np.ndarray:
    """A byte per hash bucket, 1 if one of `keys` falls in it."""
    table = np.zeros(1 << max(FILTER_MIN_BITS, int(FILTER_BUCKETS_PER_KEY * len(keys)).bit_length()),
                     dtype=bool)
    table[hash_bucket(keys, len(table))] = True
    return table


def _candidate_index(rows: list[list[str]], freq: np.ndarray, max_candidates: int, min_rel_logp: float
                     ) -> dict[str, np.ndarray]:
    """Unmarked form (column 2 of vocab.tsv) -> the ids of the words written so, most frequent
    first: at most `max_candidates`, none more than `min_rel_logp` below the most frequent."""
    form_index: dict[str, int] = {}
    forms: list[str] = []
    word_ids: list[int] = []
    form_ids: list[int] = []
    for i, row in enumerate(rows):
        if i >= len(SPECIALS) and row[1]:
            form = form_index.get(row[1])
            if form is None:
                form = form_index[row[1]] = len(forms)
                forms.append(row[1])
            word_ids.append(i)
            form_ids.append(form)
    words = np.array(word_ids, dtype=np.int64)
    form_of = np.array(form_ids, dtype=np.int64)
    order = np.lexsort((-freq[words], form_of))  # by form, then most frequent first
    words, form_of = words[order], form_of[order]
    starts = np.flatnonzero(np.r_[True, form_of[1:] != form_of[:-1]])
    counts = np.diff(np.r_[starts, len(form_of)])
    rank = np.arange(len(form_of)) - np.repeat(starts, counts)
    best = np.repeat(freq[words[starts]], counts)
    keep = (rank < max_candidates) & (freq[words] >= best + min_rel_logp)
    words, form_of = words[keep].astype(np.uint64), form_of[keep]
    cuts = np.flatnonzero(np.r_[True, form_of[1:] != form_of[:-1]])
    return dict(zip([forms[i] for i in form_of[cuts].tolist()], np.split(words, cuts[1:]), strict=True))
