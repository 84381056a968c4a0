"""Syllable n-gram language model and Viterbi decoding over candidate syllables.

The model (built by `train.py`) is a stupid-backoff n-gram model over lower-case syllable ids.
N-gram keys pack up to four 16-bit ids into one uint64 and sit in sorted arrays, so scoring a batch
of n-grams is one `np.searchsorted` per order. Decoding is a second-order Viterbi (state = the last
two syllables) whose transition scores for the whole input are looked up in one batch; the
highest order (4) is applied on top, using the best predecessor of each state.
"""

from __future__ import annotations

import json
import os
import pathlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .lexicon import BOS_ID, SPECIALS, UNK_ID
from .orthography import strip_marks

DATA = pathlib.Path(__file__).parent / "data"
_U16 = np.uint64(16)
_U32 = np.uint64(32)
_U48 = np.uint64(48)
_M16 = np.uint64(0xFFFF)
_M32 = np.uint64(0xFFFFFFFF)


@dataclass
class Position:
    """One token of the input: its candidate ids (best first) and their surface forms."""

    ids: np.ndarray
    forms: list[str]


class NgramModel:
    """Stupid-backoff syllable n-gram model with packed uint64 keys."""

    def __init__(self, data: pathlib.Path = DATA, backoff: float = -0.4, max_candidates: int = 8,
                 min_rel_logp: float = -3.0) -> None:
        meta = json.loads((data / "lm.json").read_text(encoding="utf-8"))
        self.order: int = meta["order"]
        qmin = float(meta["qmin"])
        self.vocab: list[str] = (data / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.vocab)}
        self.backoff = backoff
        z = np.load(data / "lm.npz")
        self.keys: list[np.ndarray] = []
        self.scores: list[np.ndarray] = []
        self.bows: list[np.ndarray] = []
        scale, low = np.float32(-qmin / 255), np.float32(qmin)
        self.kn = "b1" in z.files
        for n in range(1, self.order + 1):
            self.keys.append(np.cumsum(z[f"k{n}"], dtype=np.uint64))
            self.scores.append(z[f"q{n}"].astype(np.float32) * scale + low)
            if self.kn and n < self.order:
                self.bows.append(z[f"b{n}"].astype(np.float32) * scale + low)
        uni = np.full(len(self.vocab), float(qmin), dtype=np.float32)
        uni[self.keys[0].astype(np.int64)] = self.scores[0]
        self.unigram = uni
        if self.kn:
            ub = np.zeros(len(self.vocab), dtype=np.float32)
            ub[self.keys[0].astype(np.int64)] = self.bows[0]
            self.unibow = ub
        self.unk_score = np.float32(qmin)
        # candidates: stripped form -> vocabulary ids, most frequent first
        groups: dict[str, list[int]] = {}
        for i, w in enumerate(self.vocab):
            if i < len(SPECIALS) or not w[0].isalpha():
                continue
            groups.setdefault(strip_marks(w), []).append(i)
        self.candidates: dict[str, np.ndarray] = {}
        for k, ids in groups.items():
            arr = np.array(ids, dtype=np.int64)
            sc = uni[arr]
            order = np.argsort(-sc, kind="stable")
            arr, sc = arr[order], sc[order]
            arr = arr[sc >= sc[0] + min_rel_logp][:max_candidates]
            self.candidates[k] = arr.astype(np.uint64)

    # -- scoring ------------------------------------------------------------------------------------
    def _find(self, n: int, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        keys = self.keys[n - 1]
        pos = np.searchsorted(keys, q)
        pos[pos == len(keys)] = 0
        return keys[pos] == q, pos

    def _lookup(self, n: int, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        found, pos = self._find(n, q)
        return found, self.scores[n - 1][pos]

    def bow(self, n: int, q: np.ndarray) -> np.ndarray:
        """log10 backoff weight of the n-gram contexts `q` (0 where unknown)."""
        found, pos = self._find(n, q)
        return np.where(found, self.bows[n - 1][pos], np.float32(0))

    def score3(self, k3: np.ndarray) -> np.ndarray:
        """Backoff score of packed trigram keys (a<<32 | b<<16 | c)."""
        f3, s3 = self._lookup(3, k3)
        f2, s2 = self._lookup(2, k3 & _M32)
        s1 = self.unigram[(k3 & _M16).astype(np.int64)]
        if self.kn:
            b1 = self.unibow[((k3 >> _U16) & _M16).astype(np.int64)]
            b2 = self.bow(2, k3 >> _U16)
            return np.where(f3, s3, b2 + np.where(f2, s2, b1 + s1))
        b = self.backoff
        return np.where(f3, s3, np.where(f2, b + s2, 2 * b + s1))

    # -- decoding -----------------------------------------------------------------------------------
    def decode(self, positions: list[Position], extra: list[np.ndarray] | None = None) -> list[int]:
        """Index of the chosen candidate at each position (Viterbi). `extra`, if given, adds a
        per-candidate score (e.g. a channel model) at each position."""
        T = len(positions)
        if T == 0:
            return []
        bos = np.array([BOS_ID], dtype=np.uint64)
        cands = [bos, bos] + [p.ids for p in positions]
        # batch trigram scores for every position
        blocks = []
        shapes = []
        for i in range(2, T + 2):
            a, b, c = cands[i - 2], cands[i - 1], cands[i]
            k = (a[:, None, None] << _U32) | (b[None, :, None] << _U16) | c[None, None, :]
            blocks.append(k.ravel())
            shapes.append(k.shape)
        allk = np.concatenate(blocks)
        s3all = self.score3(allk)
        use4 = self.order >= 4 and not os.environ.get("NO4")
        if use4:
            f4keys = self.keys[3]
        # Viterbi over states (prev, cur)
        score = np.zeros((1, 1), dtype=np.float32)
        bps: list[np.ndarray] = []
        gp = np.zeros((1, 1), dtype=np.int64)  # best index of the syllable before `prev`, per state
        off = 0
        b = self.backoff
        for t in range(T):
            sh = shapes[t]
            m = sh[0] * sh[1] * sh[2]
            trans = s3all[off : off + m].reshape(sh)
            off += m
            if use4 and t >= 1:
                a0 = cands[t - 1][gp]  # ids of the syllable three back, per state
                k4 = (a0[:, :, None] << _U48) | allk[off - m : off].reshape(sh)
                pos = np.searchsorted(f4keys, k4)
                pos[pos == len(f4keys)] = 0
                found = f4keys[pos] == k4
                if self.kn:
                    bw = self.bow(3, k4 >> _U16)
                    trans = np.where(found, self.scores[3][pos], bw + trans)
                elif found.any():
                    trans = np.where(found, self.scores[3][pos], b + trans)
                else:
                    trans = trans + b
                # note: where no 4-gram exists the backoff weight applies
            tot = score[:, :, None] + trans
            if extra is not None:
                tot = tot + extra[t][None, None, :]
            bp = tot.argmax(axis=0)  # (K_{t-1}, K_t) best index of K_{t-2}
            score = np.take_along_axis(tot, bp[None], axis=0)[0]
            bps.append(bp)
            gp = bp
        # backtrack
        out = [0] * T
        j_prev, j_cur = np.unravel_index(int(score.argmax()), score.shape)
        out[T - 1] = int(j_cur)
        for t in range(T - 1, 0, -1):
            i = int(bps[t][j_prev, j_cur])
            out[t - 1] = int(j_prev)
            j_prev, j_cur = i, j_prev
        return out

    def word_id(self, w: str) -> int:
        return self.index.get(w, UNK_ID)


@lru_cache(maxsize=2)
def load(data: str | None = None) -> NgramModel:
    """The shipped model, loaded once per process."""
    data = data or os.environ.get("SOHOA_VN_DATA")
    return NgramModel(pathlib.Path(data) if data else DATA)
