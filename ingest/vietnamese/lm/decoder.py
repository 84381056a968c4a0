"""Viterbi decoding over the candidate syllables of each token, with the n-gram model's scores.

Decoding is a second-order Viterbi: a state is a pair of candidates (the previous token's, the
current token's), and the transition into token t is the trigram score of (t-2, t-1, t). All the
trigram scores of the input are looked up in one batch before the forward pass. The 4-gram order is
applied on top, through the best predecessor of each state (sparse corrections, also batched), and
then exactly, around the Viterbi path, by `refine.py`.

Layout of the lattice (see :class:`Lattice`): the tokens are preceded by three sentence starts, so
token t sits at *slot* t + 3 and every token has three predecessors. *Triple block* j (j = 0..T)
enumerates every combination (a, b, c) of the candidates of slots j, j+1, j+2, c varying fastest:
entry (a, b, c) of block j is at ``offsets[j] + (a * K[j+1] + b) * K[j+2] + c`` (K: candidates per
slot). Block t + 1 holds the trigrams ending at token t (its transitions); block t holds the
three-word contexts of the 4-grams ending at token t. *Pair block* i (i = 0..T+1) likewise
enumerates the pairs of slots i, i+1 (bigram scores and bigram-context backoff weights).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

import numpy as np

from ..lexicon import BOS_ID
from .keys import LAST_1, SHIFT_1, SHIFT_2

CHUNK_POSITIONS = 1500  # long inputs are decoded in chunks of about this many positions ...
CHUNK_STRETCH = 2  # ... cut at a sentence boundary, unless none comes within this many times that
PADDING = 3  # sentence starts in front of the tokens: slot of token t = t + PADDING
# backpointers of a step whose previous token had one candidate: every state came from it
NO_CHOICE = np.zeros((1, 1), dtype=np.int64)


@dataclass
class Position:
    """One token of the input: its candidate ids (best first) and their surface forms."""

    ids: np.ndarray
    forms: list[str]


class NgramScorer(Protocol):
    """What decoding needs of the model (:class:`~.model.NgramModel`)."""

    order: int
    kn: bool
    backoff: float
    refine_rounds: int
    scores: list[np.ndarray]
    bows: list[np.ndarray]
    unigram: np.ndarray
    unibow: np.ndarray

    def find_sorted(self, n: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]: ...

    def score4(self, keys: np.ndarray) -> np.ndarray: ...


def chunks(positions: list[Position], chunk: int = CHUNK_POSITIONS) -> list[tuple[int, int]]:
    """(start, end) of the parts a long input is decoded in: about `chunk` positions each, cut
    after a sentence boundary."""
    out: list[tuple[int, int]] = []
    start = 0
    total = len(positions)
    while start < total:
        end = min(total, start + chunk)
        while end < total and not (len(positions[end].ids) == 1 and int(positions[end].ids[0]) == BOS_ID):
            end += 1
            if end - start > CHUNK_STRETCH * chunk:
                break
        end = min(total, end + 1)
        out.append((start, end))
        start = end
    return out


@dataclass
class Lattice:
    """The candidates of every slot (three sentence starts, then the tokens), flattened."""

    counts: np.ndarray  # candidates per slot
    ids: np.ndarray  # all candidate ids, slot after slot
    starts: np.ndarray  # slot s's candidates are ids[starts[s] : starts[s + 1]]

    def candidate(self, slot: np.ndarray, index: np.ndarray) -> np.ndarray:
        """Ids of candidate `index` of each `slot`."""
        return self.ids[self.starts[slot] + index]


@dataclass
class Blocks:
    """Consecutive blocks of entries: block b holds entries offsets[b] .. offsets[b + 1]."""

    offsets: np.ndarray
    block: np.ndarray  # per entry: its block
    local: np.ndarray  # per entry: its index within its block


class Transitions(NamedTuple):
    """Per entry of the triple blocks."""

    trigram: np.ndarray  # score of the trigram (a, b, c), backed off where it is not stored
    stored: np.ndarray  # whether the trigram is stored (only then is it a 4-gram context)
    context_backoff: np.ndarray | None  # backoff weight of (a, b) as a 4-gram context (order 4)


class Corrections(NamedTuple):
    """The stored 4-grams ending at one token: the candidates of the three tokens before it and its
    own, and by how much the 4-gram's score differs from its backed-off trigram estimate."""

    three_back: np.ndarray
    two_back: np.ndarray
    one_back: np.ndarray
    current: np.ndarray
    delta: np.ndarray


def _lattice(positions: list[Position]) -> Lattice:
    bos = np.array([BOS_ID], dtype=np.uint64)
    padded = [bos] * PADDING + [p.ids for p in positions]
    counts = np.array([len(c) for c in padded], dtype=np.int64)
    starts = np.zeros(len(padded) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    return Lattice(counts, np.concatenate(padded), starts)


def _blocks(sizes: np.ndarray) -> Blocks:
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    block = np.repeat(np.arange(len(sizes)), sizes)
    return Blocks(offsets, block, np.arange(int(offsets[-1])) - offsets[block])


def _triple_keys(lattice: Lattice, triples: Blocks) -> np.ndarray:
    """Packed trigram key of every entry of the triple blocks."""
    counts, block = lattice.counts, triples.block
    middle, last = counts[block + 1], counts[block + 2]
    first_index, rest = np.divmod(triples.local, middle * last)
    middle_index, last_index = np.divmod(rest, last)
    return ((lattice.candidate(block, first_index) << SHIFT_2)
            | (lattice.candidate(block + 1, middle_index) << SHIFT_1)
            | lattice.candidate(block + 2, last_index))


def _pair_keys(lattice: Lattice, pairs: Blocks) -> np.ndarray:
    """Packed bigram key of every entry of the pair blocks."""
    block = pairs.block
    first_index, last_index = np.divmod(pairs.local, lattice.counts[block + 1])
    return (lattice.candidate(block, first_index) << SHIFT_1) | lattice.candidate(block + 1, last_index)


def _transitions(model: NgramScorer, lattice: Lattice, triples: Blocks, trigram_keys: np.ndarray
                 ) -> Transitions:
    """Trigram scores of every triple entry, from one batch of bigram and one of trigram lookups."""
    counts = lattice.counts
    pairs = _blocks(counts[:-1] * counts[1:])
    pair_keys = _pair_keys(lattice, pairs)
    bigram_found, bigram_at = model.find_sorted(2, pair_keys)
    block, local = triples.block, triples.local
    # the pair entries of (b, c) and of (a, b) of each triple entry (a, b, c)
    last_pair = pairs.offsets[block + 1] + local % (counts[block + 1] * counts[block + 2])
    first_pair = pairs.offsets[block] + local // counts[block + 2]
    # a stored trigram has both its bigrams stored: only those are looked up
    look = np.flatnonzero(bigram_found[first_pair] & bigram_found[last_pair])
    stored = np.zeros(len(trigram_keys), dtype=bool)
    trigram_at = np.zeros(len(trigram_keys), dtype=np.int64)
    stored[look], trigram_at[look] = model.find_sorted(3, trigram_keys[look])
    stored_score = model.scores[2][trigram_at]
    unigram = model.unigram[(pair_keys & LAST_1).astype(np.int64)]
    if model.kn:
        bigram = np.where(bigram_found, model.scores[1][bigram_at],
                          model.unibow[(pair_keys >> SHIFT_1).astype(np.int64)] + unigram)
        bigram_backoff = np.where(bigram_found, model.bows[1][bigram_at], np.float32(0))
        trigram = np.where(stored, stored_score, bigram_backoff[first_pair] + bigram[last_pair])
        context_backoff = (np.where(stored, model.bows[2][trigram_at], np.float32(0))
                           if model.order >= 4 else None)
    else:  # stupid backoff: a constant penalty per order backed off
        penalty = np.float32(model.backoff)
        bigram = np.where(bigram_found, penalty + model.scores[1][bigram_at], 2 * penalty + unigram)
        trigram = np.where(stored, stored_score, bigram[last_pair])
        context_backoff = (np.full(len(trigram_keys), penalty, dtype=np.float32)
                           if model.order >= 4 else None)
    return Transitions(trigram, stored, context_backoff)


def _fourgram_corrections(model: NgramScorer, lattice: Lattice, triples: Blocks, trigram_keys: np.ndarray,
                          transitions: Transitions) -> list[Corrections | None]:
    """Per token, the stored 4-grams ending at it: the stored trigrams of block t (its contexts)
    times the candidates of token t, looked up in one batch."""
    tokens = len(triples.offsets) - 2
    corrections: list[Corrections | None] = [None] * tokens
    counts, offsets = lattice.counts, triples.offsets
    contexts = np.flatnonzero(transitions.stored[: offsets[tokens]])
    token = np.searchsorted(offsets, contexts, side="right") - 1  # the block of a context = its token
    followers = counts[token + PADDING]
    context_of = np.repeat(contexts, followers)
    token_of = np.repeat(token, followers)
    first = np.repeat(np.cumsum(followers) - followers, followers)
    current = np.arange(len(context_of)) - first
    keys = (trigram_keys[context_of] << SHIFT_1) | lattice.candidate(token_of + PADDING, current)
    found, at = model.find_sorted(4, keys)
    if not found.any():
        return corrections
    sel = np.flatnonzero(found)
    context, token, current = context_of[sel], token_of[sel], current[sel]
    two_count, one_count = counts[token + 1], counts[token + 2]
    three_back, rest = np.divmod(context - offsets[token], two_count * one_count)
    two_back, one_back = np.divmod(rest, one_count)
    trigram_entry = offsets[token + 1] + (two_back * one_count + one_back) * counts[token + 3] + current
    delta = model.scores[3][at[sel]] - (transitions.trigram[trigram_entry]
                                        + transitions.context_backoff[context])
    cuts = np.searchsorted(token, np.arange(tokens + 1))  # `token` is sorted
    for t in np.unique(token).tolist():
        a, e = cuts[t], cuts[t + 1]
        corrections[t] = Corrections(three_back[a:e], two_back[a:e], one_back[a:e], current[a:e],
                                     delta[a:e].astype(np.float32))
    return corrections


def _transitions_into(t: int, counts: list[int], offsets: list[int], transitions: Transitions,
                      corrections: Corrections | None, came_from: np.ndarray,
                      ranges: dict[int, np.ndarray]) -> np.ndarray:
    """Scores (two back, one back, current) of the transitions into token t: the trigram, plus,
    for a 4-gram model, the context's backoff weight and the 4-gram corrections, both taken with
    the best candidate three back of each state (`came_from`: the last step's backpointers)."""
    three, two, one, current = counts[t : t + 4]
    trans = transitions.trigram[offsets[t + 1] : offsets[t + 2]].reshape(two, one, current)
    backoff = transitions.context_backoff
    if backoff is None:
        return trans
    block = backoff[offsets[t] : offsets[t + 1]]
    if three == 1:
        trans = trans + block.reshape(two, one, 1)
    else:
        states = ranges.get(two * one)
        if states is None:
            states = ranges[two * one] = np.arange(two * one)
        trans = trans + block[came_from.ravel() * (two * one) + states].reshape(two, one, 1)
    if corrections is not None:
        three_back, two_back, one_back, now, delta = corrections
        if three == 1:  # one candidate three back: every correction applies
            trans[two_back, one_back, now] += delta
        else:
            ok = came_from[two_back, one_back] == three_back
            trans[two_back[ok], one_back[ok], now[ok]] += delta[ok]
    return trans


def _forward(lattice: Lattice, triples: Blocks, transitions: Transitions,
             corrections: list[Corrections | None], extra: list[np.ndarray | None] | None
             ) -> tuple[np.ndarray, list[np.ndarray]]:
    """The forward pass: the score of each last state (one back, last token) and each step's
    backpointers (per state (one back, current): the best candidate two back)."""
    score = np.zeros((1, 1), dtype=np.float32)
    came_from = np.zeros((1, 1), dtype=np.int64)
    backpointers: list[np.ndarray] = []
    counts = lattice.counts.tolist()
    offsets = triples.offsets.tolist()
    ranges: dict[int, np.ndarray] = {}
    for t in range(len(corrections)):
        trans = _transitions_into(t, counts, offsets, transitions, corrections[t], came_from, ranges)
        if counts[t + 1] == 1:
            total = trans[0] + score[0][:, None]
            if extra is not None and extra[t] is not None:
                total += extra[t]
            best_before = NO_CHOICE
            score = total
        else:
            total = trans + score[:, :, None]
            if extra is not None and extra[t] is not None:
                total += extra[t]
            best_before = total.argmax(axis=0)
            score = total.max(axis=0)
        backpointers.append(best_before)
        came_from = best_before
    return score, backpointers


def _backtrace(score: np.ndarray, backpointers: list[np.ndarray]) -> list[int]:
    tokens = len(backpointers)
    out = [0] * tokens
    one_back, current = np.unravel_index(int(score.argmax()), score.shape)
    out[tokens - 1] = int(current)
    for t in range(tokens - 1, 0, -1):
        two_back = 0 if backpointers[t] is NO_CHOICE else int(backpointers[t][one_back, current])
        out[t - 1] = int(one_back)
        one_back, current = two_back, one_back
    return out


def viterbi(model: NgramScorer, positions: list[Position], extra: list[np.ndarray | None] | None
            ) -> list[int]:
    """Index of the chosen candidate at each position: the Viterbi path, 4-grams applied through
    the best predecessor of each state."""
    if not positions:
        return []
    lattice = _lattice(positions)
    counts = lattice.counts
    triples = _blocks(counts[:-2] * counts[1:-1] * counts[2:])
    trigram_keys = _triple_keys(lattice, triples)
    transitions = _transitions(model, lattice, triples, trigram_keys)
    corrections: list[Corrections | None] = [None] * len(positions)
    if model.order >= 4:
        corrections = _fourgram_corrections(model, lattice, triples, trigram_keys, transitions)
    score, backpointers = _forward(lattice, triples, transitions, corrections, extra)
    return _backtrace(score, backpointers)
