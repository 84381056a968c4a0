"""Exact 4-gram rescoring around the Viterbi path.

The Viterbi (`decoder.py`) applies 4-grams only through the best predecessor of each state, so a
4-gram that decides three words back ("bị chậm do ảnh hưởng của": "của" after "do ảnh hưởng") can
be missed. Here every other candidate of a word that makes a stored 4-gram with the path is tried
alone, and the best gains, at least four words apart, are taken; `refine_rounds` rounds, each after
the first only near the words that changed.
"""

from __future__ import annotations

import numpy as np

from ..lexicon import BOS_ID
from .decoder import NgramScorer, Position
from .keys import SHIFT_1

WINDOW = 4  # words of a 4-gram: a changed word affects the 4-grams ending at it and the next three
CONTEXT = WINDOW - 1  # sentence starts in front of the path, and how far one change reaches
MIN_GAIN = 1e-3  # log10 gain below which a change is not taken


def refine(model: NgramScorer, positions: list[Position], extra: list[np.ndarray | None] | None,
           best: list[int]) -> list[int]:
    """`best` (the chosen candidate per position) improved by exact 4-gram scores of single changes."""
    tokens = len(positions)
    counts = np.fromiter((len(p.ids) for p in positions), dtype=np.int64, count=tokens)
    if counts.max() == 1:
        return best
    flat = np.concatenate([p.ids for p in positions])
    starts = np.zeros(tokens + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    flat_extra = None
    if extra is not None:
        flat_extra = np.concatenate([np.zeros(k, dtype=np.float32) if e is None else e
                                     for k, e in zip(counts.tolist(), extra, strict=True)])
    token_of = np.repeat(np.arange(tokens), counts)
    alternatives = np.flatnonzero(counts[token_of] > 1)  # flat indices of the candidates of ambiguous words
    chosen = np.asarray(best, dtype=np.int64)
    path = np.empty(tokens + CONTEXT, dtype=np.uint64)  # the chosen ids after three sentence starts
    path[:CONTEXT] = BOS_ID
    for _ in range(model.refine_rounds):
        path[CONTEXT:] = flat[starts[:-1] + chosen]
        tried = alternatives[flat[alternatives] != path[token_of[alternatives] + CONTEXT]]
        at = token_of[tried]
        ends, inside, new_keys = _keys_with_change(path, flat[tried], at, tokens)
        found, _ = model.find_sorted(WINDOW, new_keys.ravel())
        some = (found.reshape(ends.shape) & inside).any(axis=1)
        if not some.any():
            break
        tried, at, ends, inside, new_keys = tried[some], at[some], ends[some], inside[some], new_keys[some]
        gain = _score_gain(model, path, ends, inside, new_keys, tokens)
        if flat_extra is not None:
            gain += flat_extra[tried] - flat_extra[starts[at] + chosen[at]]
        worth = np.flatnonzero(gain > MIN_GAIN)
        if not len(worth):
            break
        taken = _take_apart(worth[np.argsort(-gain[worth], kind="stable")].tolist(), at)
        for a, t in taken:
            chosen[t] = int(tried[a] - starts[t])
        near = np.zeros(tokens, dtype=bool)
        for _, t in taken:
            near[max(0, t - CONTEXT) : t + WINDOW] = True
        alternatives = alternatives[near[token_of[alternatives]]]
    return chosen.tolist()


def _keys_with_change(path: np.ndarray, ids: np.ndarray, at: np.ndarray, tokens: int
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each change (word `at` becomes `ids`): the last words of the four 4-grams it is part of
    (at .. at+3, clipped to the input), whether each is inside the input, and their packed keys."""
    ends = at[:, None] + np.arange(WINDOW)[None, :]
    inside = ends < tokens
    ends = np.minimum(ends, tokens - 1)
    keys = np.zeros(ends.shape, dtype=np.uint64)
    for i in range(WINDOW):  # word i of the 4-gram ending at `ends` (path index ends + i)
        word = np.where(ends + i - CONTEXT == at[:, None], ids[:, None], path[ends + i])
        keys = (keys << SHIFT_1) | word
    return ends, inside, keys


def _score_gain(model: NgramScorer, path: np.ndarray, ends: np.ndarray, inside: np.ndarray,
                new_keys: np.ndarray, tokens: int) -> np.ndarray:
    """Per change, the 4-gram scores of its four 4-grams minus those of the path's."""
    need = np.unique(ends[inside])
    old_keys = np.zeros(len(need), dtype=np.uint64)
    for i in range(WINDOW):
        old_keys = (old_keys << SHIFT_1) | path[need + i]
    old = np.zeros(tokens, dtype=np.float32)
    old[need] = model.score4(old_keys)
    new = model.score4(new_keys.ravel()).reshape(ends.shape)
    return np.where(inside, new - old[ends], np.float32(0)).sum(axis=1)


def _take_apart(ranked: list[int], at: np.ndarray) -> list[tuple[int, int]]:
    """(change, word) of the best changes, in `ranked` order, whose words are at least four apart."""
    taken: list[tuple[int, int]] = []
    for a in ranked:
        t = int(at[a])
        if all(abs(t - u) > CONTEXT for _, u in taken):
            taken.append((a, t))
    return taken
