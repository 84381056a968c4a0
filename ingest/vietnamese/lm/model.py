"""Syllable n-gram language model and Viterbi decoding over candidate syllables.

The model (built by `train.py`) is a stupid-backoff n-gram model over lower-case syllable ids.
N-gram keys pack up to four 16-bit ids into one uint64 and sit in sorted arrays, so scoring a batch
of n-grams is one `np.searchsorted` per order. Decoding is a second-order Viterbi (state = the last
two syllables) whose transition scores for the whole input are looked up in one batch; the
highest order (4) is applied on top, using the best predecessor of each state.
"""

from __future__ import annotations

import json
import pathlib
from dataclasses import dataclass

import numpy as np

from ..lexicon import BOS_ID, SPECIALS, UNK_ID
from .keys import LAST_1, LAST_2, LAST_3, SHIFT_1, SHIFT_2, hash_bucket

DATA = pathlib.Path(__file__).parent.parent / "data"
_ZERO = np.zeros((1, 1), dtype=np.int64)


@dataclass
class Position:
    """One token of the input: its candidate ids (best first) and their surface forms."""

    ids: np.ndarray
    forms: list[str]


class NgramModel:
    """Syllable n-gram model (Kneser-Ney with ARPA-style backoff, or stupid backoff) with packed
    uint64 keys in sorted arrays."""

    def __init__(self, data: pathlib.Path = DATA, backoff: float = -0.4, max_candidates: int = 12,
                 min_rel_logp: float = -3.0, refine_rounds: int = 2) -> None:
        meta = json.loads((data / "lm.json").read_text(encoding="utf-8"))
        self.order: int = meta["order"]
        qmin = float(meta["qmin"])
        text = (data / "vocab.tsv").read_text(encoding="utf-8")
        rows = [line.split("\t") for line in text.split("\n")[:-1]]
        self.vocab: list[str] = [r[0] for r in rows]
        #: per id: 1 if the word is a well-formed Vietnamese syllable
        self.valid = np.array([r[2] == "1" for r in rows], dtype=bool)
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.vocab)}
        self.backoff = backoff
        #: rounds of exact 4-gram rescoring after the Viterbi
        self.refine_rounds = refine_rounds
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
        #: per order 3, 4: a byte per hash bucket, 1 if some stored key falls in it (rules out most
        #: absent n-grams before the binary search)
        self.filters: dict[int, np.ndarray] = {}
        for n in (3, 4):
            if n <= self.order:
                table = np.zeros(1 << max(10, int(4 * len(self.keys[n - 1])).bit_length()), dtype=bool)
                table[hash_bucket(self.keys[n - 1], len(table))] = True
                self.filters[n] = table
        #: per id: log10 share of in-sentence occurrences written with a capital (names)
        self.capital = (z["cap"].astype(np.float32) * scale + low if "cap" in z.files
                        else np.zeros(len(self.vocab), dtype=np.float32))
        uni = np.full(len(self.vocab), float(qmin), dtype=np.float32)
        uni[self.keys[0].astype(np.int64)] = self.scores[0]
        self.unigram = uni
        if self.kn:
            ub = np.zeros(len(self.vocab), dtype=np.float32)
            ub[self.keys[0].astype(np.int64)] = self.bows[0]
            self.unibow = ub
        self.unk_score = np.float32(qmin)
        self.memo: dict[str, Position] = {}
        # candidates: stripped form -> vocabulary ids, most frequent first
        gindex: dict[str, int] = {}
        gkeys: list[str] = []
        wid: list[int] = []
        gid: list[int] = []
        for i, r in enumerate(rows):
            if i >= len(SPECIALS) and r[1]:
                g = gindex.get(r[1])
                if g is None:
                    g = gindex[r[1]] = len(gkeys)
                    gkeys.append(r[1])
                wid.append(i)
                gid.append(g)
        w = np.array(wid, dtype=np.int64)
        g = np.array(gid, dtype=np.int64)
        # corpus frequency (Kneser-Ney unigrams are continuation counts: "dõi" follows only "theo")
        freq = (np.log10(np.array([float(r[3]) + 0.5 for r in rows], dtype=np.float32))
                if rows and len(rows[-1]) > 3 else uni)
        #: per id: log10 corpus count (the unigram score for models without counts)
        self.freq = freq
        order = np.lexsort((-freq[w], g))
        w, g = w[order], g[order]
        starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        counts = np.diff(np.r_[starts, len(g)])
        rank = np.arange(len(g)) - np.repeat(starts, counts)
        best = np.repeat(freq[w[starts]], counts)
        keep = (rank < max_candidates) & (freq[w] >= best + min_rel_logp)
        w, g = w[keep].astype(np.uint64), g[keep]
        cuts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        #: unmarked form -> candidate ids, most frequent in the corpus first
        self.candidates: dict[str, np.ndarray] = dict(
            zip([gkeys[i] for i in g[cuts].tolist()], np.split(w, cuts[1:]), strict=True))

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
        f2, s2 = self._lookup(2, k3 & LAST_2)
        s1 = self.unigram[(k3 & LAST_1).astype(np.int64)]
        if self.kn:
            b1 = self.unibow[((k3 >> SHIFT_1) & LAST_1).astype(np.int64)]
            b2 = self.bow(2, k3 >> SHIFT_1)
            return np.where(f3, s3, b2 + np.where(f2, s2, b1 + s1))
        b = self.backoff
        return np.where(f3, s3, np.where(f2, b + s2, 2 * b + s1))

    # -- decoding -----------------------------------------------------------------------------------
    def _find_sorted(self, n: int, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`_find` for a large batch: queries the hash filter rules out are not searched, the others
        are sorted first, which makes the binary searches local."""
        if len(q) < 64:
            return self._find(n, q)
        f = np.zeros(len(q), dtype=bool)
        p = np.zeros(len(q), dtype=np.int64)
        table = self.filters.get(n)
        idx = np.flatnonzero(table[hash_bucket(q, len(table))]) if table is not None else np.arange(len(q))
        sub = q[idx]
        order = np.argsort(sub, kind="stable")  # runs of sorted keys: timsort merges them
        found, pos = self._find(n, sub[order])
        f[idx[order]] = found
        p[idx[order]] = pos
        return f, p

    def decode(self, positions: list[Position], extra: list[np.ndarray | None] | None = None,
               chunk: int = 1500) -> list[int]:
        """Index of the chosen candidate at each position (Viterbi). `extra`, if given, adds a
        per-candidate score (e.g. a channel model) at each position. Long inputs are cut at sentence
        boundaries into chunks of about `chunk` positions."""
        out: list[int] = []
        start = 0
        T = len(positions)
        while start < T:
            end = min(T, start + chunk)
            while end < T and not (len(positions[end].ids) == 1 and int(positions[end].ids[0]) == BOS_ID):
                end += 1
                if end - start > 2 * chunk:
                    break
            end = min(T, end + 1)
            part, ext = positions[start:end], None if extra is None else extra[start:end]
            best = self._decode(part, ext)
            if self.order == 4 and self.kn and self.refine_rounds:
                best = self._refine(part, ext, best)
            out += best
            start = end
        return out

    def score4(self, k4: np.ndarray) -> np.ndarray:
        """Exact backoff score of packed 4-gram keys (a<<48 | b<<32 | c<<16 | d), Kneser-Ney models."""
        f4, p4 = self._find_sorted(4, k4)
        f3, p3 = self._find_sorted(3, k4 & LAST_3)
        f2, p2 = self._find_sorted(2, k4 & LAST_2)
        c3, q3 = self._find_sorted(3, k4 >> SHIFT_1)
        c2, q2 = self._find_sorted(2, (k4 >> SHIFT_1) & LAST_2)
        s1 = (self.unibow[((k4 >> SHIFT_1) & LAST_1).astype(np.int64)]
              + self.unigram[(k4 & LAST_1).astype(np.int64)])
        s2 = np.where(f2, self.scores[1][p2], s1)
        s3 = np.where(f3, self.scores[2][p3], np.where(c2, self.bows[1][q2], np.float32(0)) + s2)
        return np.where(f4, self.scores[3][p4], np.where(c3, self.bows[2][q3], np.float32(0)) + s3)

    def _refine(self, positions: list[Position], extra: list[np.ndarray | None] | None,
                best: list[int]) -> list[int]:
        """Exact 4-gram rescoring around the Viterbi path (which applies 4-grams only through the best
        predecessor of each state): every other candidate of a word that makes a stored 4-gram is
        tried alone, and the best gains, at least 4 words apart, are taken; `refine_rounds` rounds,
        each after the first only near the words that changed."""
        T = len(positions)
        K = np.fromiter((len(p.ids) for p in positions), dtype=np.int64, count=T)
        if K.max() == 1:
            return best
        flat = np.concatenate([p.ids for p in positions])
        koff = np.zeros(T + 1, dtype=np.int64)
        np.cumsum(K, out=koff[1:])
        ex = None
        if extra is not None:
            ex = np.concatenate([np.zeros(k, dtype=np.float32) if e is None else e
                                 for k, e in zip(K.tolist(), extra, strict=True)])
        pos = np.repeat(np.arange(T), K)
        alt = np.flatnonzero(K[pos] > 1)  # flat indices of the candidates of ambiguous words
        cur = np.asarray(best, dtype=np.int64)
        seq = np.empty(T + 3, dtype=np.uint64)
        seq[:3] = BOS_ID
        off = np.arange(4)
        for _ in range(self.refine_rounds):
            seq[3:] = flat[koff[:-1] + cur]
            cand = alt[flat[alt] != seq[pos[alt] + 3]]
            at = pos[cand]
            # the four 4-grams ending at t .. t+3 with position t replaced
            end = at[:, None] + off[None, :]
            valid = end < T
            end = np.minimum(end, T - 1)
            k_new = np.zeros(end.shape, dtype=np.uint64)
            for i in range(4):  # window word i of the 4-gram ending at `end` (padded index end + i)
                word = np.where(end + i - 3 == at[:, None], flat[cand][:, None], seq[end + i])
                k_new = (k_new << SHIFT_1) | word
            f4, _ = self._find_sorted(4, k_new.ravel())
            some = (f4.reshape(end.shape) & valid).any(axis=1)
            if not some.any():
                break
            cand, at, end, valid, k_new = cand[some], at[some], end[some], valid[some], k_new[some]
            need = np.unique(end[valid])
            k_old = np.zeros(len(need), dtype=np.uint64)
            for i in range(4):
                k_old = (k_old << SHIFT_1) | seq[need + i]
            base = np.zeros(T, dtype=np.float32)
            base[need] = self.score4(k_old)
            new = self.score4(k_new.ravel()).reshape(end.shape)
            gain = np.where(valid, new - base[end], np.float32(0)).sum(axis=1)
            if ex is not None:
                gain += ex[cand] - ex[koff[at] + cur[at]]
            order = np.flatnonzero(gain > 1e-3)
            if not len(order):
                break
            taken: list[int] = []
            for a in order[np.argsort(-gain[order], kind="stable")].tolist():
                t = int(at[a])
                if all(abs(t - u) > 3 for u in taken):
                    taken.append(t)
                    cur[t] = int(cand[a] - koff[t])
            near = np.zeros(T, dtype=bool)
            for t in taken:
                near[max(0, t - 3) : t + 4] = True
            alt = alt[near[pos[alt]]]
        return cur.tolist()

    def _decode(self, positions: list[Position], extra: list[np.ndarray | None] | None) -> list[int]:
        T = len(positions)
        if T == 0:
            return []
        bos = np.array([BOS_ID], dtype=np.uint64)
        P = [bos, bos, bos] + [p.ids for p in positions]
        Ks = np.array([len(c) for c in P], dtype=np.int64)
        # trigram blocks j = 0..T over (P[j], P[j+1], P[j+2]); token t uses block t+1,
        # and block t holds the contexts of its 4-grams
        sizes = Ks[:-2] * Ks[1:-1] * Ks[2:]
        offs = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offs[1:])
        cflat = np.concatenate(P)
        coff = np.zeros(len(P) + 1, dtype=np.int64)
        np.cumsum(Ks, out=coff[1:])
        blk_of = np.repeat(np.arange(T + 1), sizes)
        local = np.arange(int(offs[-1])) - offs[blk_of]
        kb, kc = Ks[blk_of + 1], Ks[blk_of + 2]
        ia, rem = np.divmod(local, kb * kc)
        ib, ic = np.divmod(rem, kc)
        allk = ((cflat[coff[blk_of] + ia] << SHIFT_2) | (cflat[coff[blk_of + 1] + ib] << SHIFT_1)
                | cflat[coff[blk_of + 2] + ic])
        # pair blocks i = 0..T+1 over (P[i], P[i+1]): bigram scores and bigram-context backoffs
        psz = Ks[:-1] * Ks[1:]
        poffs = np.zeros(len(psz) + 1, dtype=np.int64)
        np.cumsum(psz, out=poffs[1:])
        pblk = np.repeat(np.arange(T + 2), psz)
        pa, pb = np.divmod(np.arange(int(poffs[-1])) - poffs[pblk], Ks[pblk + 1])
        pk = (cflat[coff[pblk] + pa] << SHIFT_1) | cflat[coff[pblk + 1] + pb]
        f2, p2 = self._find_sorted(2, pk)
        bc_idx = poffs[blk_of + 1] + local % (Ks[blk_of + 1] * Ks[blk_of + 2])
        ab_idx = poffs[blk_of] + local // Ks[blk_of + 2]
        # a stored trigram has both its bigrams stored: only those are looked up
        look = np.flatnonzero(f2[ab_idx] & f2[bc_idx])
        f3 = np.zeros(len(allk), dtype=bool)
        p3 = np.zeros(len(allk), dtype=np.int64)
        f3[look], p3[look] = self._find_sorted(3, allk[look])
        s3 = self.scores[2][p3]
        s1 = self.unigram[(pk & LAST_1).astype(np.int64)]
        if self.kn:
            pair = np.where(f2, self.scores[1][p2], self.unibow[(pk >> SHIFT_1).astype(np.int64)] + s1)
            b2 = np.where(f2, self.bows[1][p2], np.float32(0))
            tri = np.where(f3, s3, b2[ab_idx] + pair[bc_idx])
            bow3 = np.where(f3, self.bows[2][p3], np.float32(0)) if self.order >= 4 else None
        else:
            b = np.float32(self.backoff)
            pair = np.where(f2, b + self.scores[1][p2], 2 * b + s1)
            tri = np.where(f3, s3, pair[bc_idx])
            bow3 = np.full(len(allk), b, dtype=np.float32) if self.order >= 4 else None
        # sparse 4-gram corrections: contexts that exist x candidates of the next token
        dl: list[tuple[np.ndarray, ...]] = [()] * T
        if self.order >= 4:
            ctx = np.flatnonzero(f3[: offs[T]])
            blk = np.searchsorted(offs, ctx, side="right") - 1  # = token index t
            kn = Ks[blk + 3]
            rep_ctx = np.repeat(ctx, kn)
            rep_blk = np.repeat(blk, kn)
            first = np.repeat(np.cumsum(kn) - kn, kn)
            z = np.arange(len(rep_ctx)) - first
            c = cflat[coff[rep_blk + 3] + z]
            k4 = (allk[rep_ctx] << SHIFT_1) | c
            f4, p4 = self._find_sorted(4, k4)
            if f4.any():
                sel = np.flatnonzero(f4)
                rc, rb, zz = rep_ctx[sel], rep_blk[sel], z[sel]
                local = rc - offs[rb]
                k1, k2 = Ks[rb + 1], Ks[rb + 2]
                g, rem = np.divmod(local, k1 * k2)
                x, y = np.divmod(rem, k2)
                k3 = Ks[rb + 3]
                tri_idx = offs[rb + 1] + (x * k2 + y) * k3 + zz
                delta = self.scores[3][p4[sel]] - (tri[tri_idx] + bow3[rc])
                cuts = np.searchsorted(rb, np.arange(T + 1))
                for t in np.unique(rb).tolist():
                    a, e = cuts[t], cuts[t + 1]
                    dl[t] = (g[a:e], x[a:e], y[a:e], zz[a:e], delta[a:e].astype(np.float32))
        score = np.zeros((1, 1), dtype=np.float32)
        gp = np.zeros((1, 1), dtype=np.int64)
        bps: list[np.ndarray] = []
        Kl = Ks.tolist()
        ol = offs.tolist()
        aranges: dict[int, np.ndarray] = {}
        for t in range(T):
            k0, k1, k2, k3 = Kl[t], Kl[t + 1], Kl[t + 2], Kl[t + 3]
            trans = tri[ol[t + 1] : ol[t + 2]].reshape(k1, k2, k3)
            if bow3 is not None:
                bc = bow3[ol[t] : ol[t + 1]]
                if k0 == 1:
                    trans = trans + bc.reshape(k1, k2, 1)
                else:
                    ar = aranges.get(k1 * k2)
                    if ar is None:
                        ar = aranges[k1 * k2] = np.arange(k1 * k2)
                    trans = trans + bc[gp.ravel() * (k1 * k2) + ar].reshape(k1, k2, 1)
                d = dl[t]
                if d:
                    g, x, y, zz, delta = d
                    if k0 == 1:  # one candidate three back: every correction applies
                        trans[x, y, zz] += delta
                    else:
                        ok = gp[x, y] == g
                        trans[x[ok], y[ok], zz[ok]] += delta[ok]
            if k1 == 1:
                tot = trans[0] + score[0][:, None]
                if extra is not None and extra[t] is not None:
                    tot += extra[t]
                bp = _ZERO
                score = tot
            else:
                tot = trans + score[:, :, None]
                if extra is not None and extra[t] is not None:
                    tot += extra[t]
                bp = tot.argmax(axis=0)
                score = tot.max(axis=0)
            bps.append(bp)
            gp = bp
        out = [0] * T
        j_prev, j_cur = np.unravel_index(int(score.argmax()), score.shape)
        out[T - 1] = int(j_cur)
        for t in range(T - 1, 0, -1):
            i = 0 if bps[t] is _ZERO else int(bps[t][j_prev, j_cur])
            out[t - 1] = int(j_prev)
            j_prev, j_cur = i, j_prev
        return out

    def word_id(self, w: str) -> int:
        return self.index.get(w, UNK_ID)
