"""Build the syllable n-gram language model in `ingest/vietnamese/data/` from the shared corpus.

    python -m ingest.vietnamese.lm.train [--corpus /work/shared/corpus] [--out ingest/vietnamese/data]

Reads the xz-compressed corpus files (one paragraph per line), lower-cases and tokenises them
(`lexicon.TOKEN`), puts every tone mark in the old style, spells "hàng năm" (every year) and the like
"hằng năm" as official documents do, maps numbers to one class token and sentence-final punctuation
to the sentence boundary, keeps the most frequent word types as the vocabulary (at most 65,532 so
four ids pack into one 64-bit key), counts 1..N-grams with numpy, estimates interpolated modified
Kneser-Ney on all files and on the in-domain files (`DOMAINS`) and mixes them, and stores
log-probabilities and backoff weights pruned by count and quantised to one byte, with the sorted
keys delta-encoded in a compressed `.npz`.
"""

from __future__ import annotations

import argparse
import json
import lzma
import pathlib
import re
import sys
import time
from array import array

import numpy as np

from ..lexicon import BOS, BOS_ID, BOUNDARY, NUM, NUM_ID, SPECIALS, TOKEN, UNK_ID
from ..orthography import is_valid_syllable, nfc, place_tone, strip_marks
from .keys import ID_BITS
from .model import DATA

CORPUS = pathlib.Path("/work/shared/corpus")
FILES = ("vn_legal_phapdien.txt.xz", "viwiki.txt.xz", "vn_admin_docs.txt.xz")
# in-domain models mixed into the all-corpus one: (files, weight); the provincial decisions are closest
# to what sohoa reads, the legal codification next
DOMAINS = ((("vn_legal_phapdien.txt.xz", "vn_admin_docs.txt.xz"), 0.7), (("vn_admin_docs.txt.xz",), 0.5))
MAX_VOCAB = 65536 - len(SPECIALS)
QMIN = -8.0  # log10 floor of the quantised scores
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HEADING = re.compile(r"^\s*=+.*=+\s*$")
# "hàng năm / ngày / tuần / tháng / quý" (every year ...) in the dictionary spelling "hằng", which
# official documents use; not in "hàng năm trời" (for years) nor after "khách", "ngân", "cửa" ... hàng
_HANG = re.compile(r"(?<![^\W\d_])([Hh])àng(\s+(?:ngày|tuần|tháng|quý|năm)(?![^\W\d_])(?!\s+trời))")
_HANG_COMPOUND = frozenset("khách ngân cửa mặt đơn giao bán nhà mua tàu xếp đặt chở hãng".split())


def standard_spelling(line: str) -> str:
    """`line` with "hàng năm" (every year) and the like spelt "hằng năm"."""
    if "àng" not in line:
        return line

    def sub(m: re.Match[str]) -> str:
        before = line[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in _HANG_COMPOUND:
            return m.group(0)
        return m.group(1) + "ằng" + m.group(2)

    return _HANG.sub(sub, line)


def read_ids(paths: list[pathlib.Path]) -> tuple[np.ndarray, list[str], list[tuple[int, int]]]:
    """Token ids of the whole corpus (raw, one id per distinct lower-case token), the raw types and
    each file's (start, end) in the ids."""
    types: dict[str, int] = {BOS: 0}
    spans: list[tuple[int, int]] = []
    ids = array("I")
    get = types.setdefault
    for path in paths:
        t0 = time.time()
        n0 = len(ids)
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if _HEADING.match(line):
                    line = line.strip().strip("=")
                line = _NUMBER.sub("0", standard_spelling(nfc(line)))
                toks = TOKEN.findall(line)
                if not toks:
                    continue
                ids.append(0)
                ids.extend([get(t, len(types)) for t in toks])
        spans.append((n0, len(ids)))
        print(f"{path.name}: {len(ids) - n0:,} tokens in {time.time() - t0:.0f} s", file=sys.stderr)
    return np.frombuffer(ids, dtype=np.uint32), list(types), spans


def canonical_type(t: str) -> str:
    if t == "0":
        return NUM
    if t in BOUNDARY:
        return BOS
    if t[0].isalpha():
        return place_tone(t.lower())
    return t


def is_title(t: str) -> bool:
    """"Hồ" but not "hồ" or "HỒ" (a one-letter capital counts)."""
    return t[0].isupper() and (len(t) == 1 or not t[1:].isupper())


def capital_scores(raw: np.ndarray, ids: np.ndarray, types: list[str], size: int) -> np.ndarray:
    """log10 of how often each word is written with a capital inside a sentence (names, titles)."""
    title = np.array([is_title(t) for t in types], dtype=bool)[raw]
    inside = np.r_[BOS_ID, ids[:-1]] != BOS_ID
    cap = np.bincount(ids[title & inside], minlength=size)
    tot = np.bincount(ids[inside], minlength=size)
    return np.log10((cap + 0.1) / (tot + 1.0))


def build_vocab(raw: np.ndarray, types: list[str], min_count: int) -> tuple[list[str], np.ndarray]:
    counts = np.bincount(raw, minlength=len(types))
    canon: dict[str, int] = {}
    for t, c in zip(types, counts.tolist(), strict=True):
        k = canonical_type(t)
        canon[k] = canon.get(k, 0) + c
    for s in SPECIALS:
        canon.pop(s, None)
    words = [w for w, c in sorted(canon.items(), key=lambda kv: -kv[1]) if c >= min_count][:MAX_VOCAB]
    vocab = list(SPECIALS) + words
    index = {w: i for i, w in enumerate(vocab)}
    remap = np.array([index.get(canonical_type(t), UNK_ID) for t in types], dtype=np.uint32)
    remap[0] = index[BOS]
    remap[[i for i, t in enumerate(types) if t == "0"]] = NUM_ID
    return vocab, remap


def write_vocab(vocab: list[str], counts: np.ndarray, path: pathlib.Path) -> None:
    """vocab.tsv: word, its unmarked form (letters only, else empty), 1 if a valid syllable, count."""
    rows = []
    for i, (w, c) in enumerate(zip(vocab, counts.tolist(), strict=True)):
        word = i >= len(SPECIALS) and w[:1].isalpha()
        rows.append(f"{w}\t{strip_marks(w) if word else ''}\t{int(word and is_valid_syllable(w))}\t{c}\n")
    path.write_text("".join(rows), encoding="utf-8")


def ngram_keys(ids: np.ndarray, n: int) -> np.ndarray:
    key = np.zeros(len(ids) - n + 1, dtype=np.uint64)
    for k in range(n):
        key = (key << np.uint64(ID_BITS)) | ids[k : len(ids) - n + 1 + k].astype(np.uint64)
    return key


def _quant(logp: np.ndarray) -> np.ndarray:
    return np.clip(np.round((logp - QMIN) / -QMIN * 255), 0, 255).astype(np.uint8)


def _discounts(adj: np.ndarray) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ from the count-of-counts."""
    n = [int(np.count_nonzero(adj == k)) for k in (1, 2, 3, 4)]
    n = [max(x, 1) for x in n]
    y = n[0] / (n[0] + 2 * n[1])
    d = (1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2])
    return tuple(float(min(max(x, 0.05), k + 0.0)) for k, x in zip((1, 2, 3), d, strict=True))


def estimate(ids: np.ndarray, order: int, continuation: bool = True, t0: float = 0.0
             ) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """Interpolated modified Kneser-Ney over the token ids: per order the sorted packed keys, their
    counts, log10 p(w | h) and (lower orders) log10 of the backoff weight of the key as a context."""
    keys: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    for n in range(1, order + 1):
        k, c = np.unique(ngram_keys(ids, n), return_counts=True)
        keys.append(k)
        counts.append(c)
    # adjusted counts: continuation counts for lower orders, raw counts for the highest
    adj: list[np.ndarray] = []
    for n in range(1, order + 1):
        if n == order or not continuation:
            adj.append(counts[n - 1].astype(np.int64))
            continue
        mask = np.uint64((1 << (ID_BITS * n)) - 1)
        sk, sc = np.unique(keys[n] & mask, return_counts=True)
        pos = np.searchsorted(sk, keys[n - 1])
        pos[pos == len(sk)] = 0
        cc = np.where(sk[pos] == keys[n - 1], sc[pos], 0)
        adj.append(np.where(cc > 0, cc, counts[n - 1]).astype(np.int64))
    logp: list[np.ndarray] = []
    bows: list[np.ndarray] = [np.zeros(len(k)) for k in keys]
    a1 = adj[0]
    logp.append(np.log10(a1 / a1.sum()))
    for n in range(2, order + 1):
        k, a = keys[n - 1], adj[n - 1]
        d1, d2, d3 = _discounts(a)
        disc = np.where(a == 1, d1, np.where(a == 2, d2, d3))
        ctx = k >> np.uint64(ID_BITS)
        uctx, inv = np.unique(ctx, return_inverse=True)
        total = np.bincount(inv, weights=a)
        dmass = np.bincount(inv, weights=disc)
        gamma = dmass / total
        lower = keys[n - 2]
        mask = np.uint64((1 << (ID_BITS * (n - 1))) - 1)
        pl = 10.0 ** logp[n - 2][np.searchsorted(lower, k & mask)]
        p = (a - disc) / total[inv] + gamma[inv] * pl
        logp.append(np.log10(p))
        cpos = np.searchsorted(lower, uctx)
        bows[n - 2][cpos] = np.log10(gamma)
        print(f"order {n}: {len(k):,} distinct, D={d1:.2f},{d2:.2f},{d3:.2f}; {time.time() - t0:.0f} s",
              file=sys.stderr)
    return keys, counts, logp, bows


def _find(keys: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos = np.searchsorted(keys, q)
    pos[pos == len(keys)] = 0
    return keys[pos] == q, pos


def backoff_logp(keys: list[np.ndarray], logp: list[np.ndarray], bows: list[np.ndarray], n: int,
                 q: np.ndarray) -> np.ndarray:
    """log10 p of the packed n-grams `q` under a model from `estimate`, backing off where unseen."""
    found, pos = _find(keys[n - 1], q)
    out = np.where(found, logp[n - 1][pos], QMIN)
    miss = np.flatnonzero(~found)
    if n > 1 and len(miss):
        qm = q[miss]
        fc, pc = _find(keys[n - 2], qm >> np.uint64(ID_BITS))
        bow = np.where(fc, bows[n - 2][pc], 0.0)
        shorter = qm & np.uint64((1 << (ID_BITS * (n - 1))) - 1)
        out[miss] = bow + backoff_logp(keys, logp, bows, n - 1, shorter)
    return out


def _mix(a: np.ndarray, b: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """log10 of (1 - weight) 10^a + weight 10^b."""
    return np.log10((1 - weight) * 10.0 ** a + weight * 10.0 ** b)


def build(corpus: pathlib.Path, out: pathlib.Path, order: int, min_counts: list[int], min_vocab: int,
          files: tuple[str, ...] = FILES, continuation: bool = True,
          domains: tuple[tuple[tuple[str, ...], float], ...] = (), domain_k: float = 5.0) -> None:
    """Interpolated modified Kneser-Ney: stores per n-gram log10 p(w | h) and per context log10 of its
    backoff weight, ARPA style, so an unseen n-gram scores bow(h) + score(w | shorter h). With
    `domains` (files, weight), the model of all files is interpolated with a model of those files alone
    (`weight` times c / (c + `domain_k`) for a context seen c times in them), on the n-grams of the
    first; several domains are mixed in one after the other."""
    t0 = time.time()
    paths = [corpus / f.split("*")[0] for f in files if (corpus / f.split("*")[0]).exists()
             for _ in range(int(f.split("*")[1]) if "*" in f else 1)]
    raw, types, spans = read_ids(paths)
    vocab, remap = build_vocab(raw, types, min_vocab)
    ids = remap[raw].astype(np.uint16)
    capital = capital_scores(raw, ids, types, len(vocab))
    del raw
    print(f"{len(ids):,} tokens, {len(types):,} raw types, vocab {len(vocab):,}; {time.time() - t0:.0f} s",
          file=sys.stderr)
    keys, counts, logp, bows = estimate(ids, order, continuation, t0)
    for domain, weight in domains:
        dom = np.concatenate([ids[a:e] for p, (a, e) in zip(paths, spans, strict=True) if p.name in domain])
        print(f"domain model {','.join(domain)}: {len(dom):,} tokens, weight {weight}", file=sys.stderr)
        dk, dc, dl, db = estimate(dom, order, continuation, t0)
        for n in range(1, order + 1):
            if n == 1:
                lam = np.full(len(keys[0]), weight)
            else:
                found, pos = _find(dk[n - 2], keys[n - 1] >> np.uint64(ID_BITS))
                c = np.where(found, dc[n - 2][pos], 0)
                lam = weight * c / (c + domain_k)
            logp[n - 1] = _mix(logp[n - 1], backoff_logp(dk, dl, db, n, keys[n - 1]), lam)
            if n < order:
                found, pos = _find(dk[n - 1], keys[n - 1])
                c = np.where(found, dc[n - 1][pos], 0)
                lam = weight * c / (c + domain_k)
                bows[n - 1] = _mix(bows[n - 1], np.where(found, db[n - 1][pos], 0.0), lam)
        del dk, dc, dl, db
    arrays: dict[str, np.ndarray] = {}
    for n in range(1, order + 1):
        keep = counts[n - 1] >= min_counts[n - 1]
        arrays[f"k{n}"] = np.diff(keys[n - 1][keep], prepend=np.uint64(0))
        arrays[f"q{n}"] = _quant(logp[n - 1][keep])
        if n < order:
            arrays[f"b{n}"] = _quant(bows[n - 1][keep])
        print(f"order {n}: kept {int(keep.sum()):,}", file=sys.stderr)
    arrays["cap"] = _quant(capital)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "lm.npz", **arrays)
    meta = {"order": order, "bits": ID_BITS, "qmin": QMIN, "tokens": int(len(ids)), "min_counts": min_counts,
            "min_vocab_count": min_vocab, "smoothing": "interpolated modified Kneser-Ney",
            "files": list(files), "domains": [[list(d), w] for d, w in domains], "domain_k": domain_k}
    write_vocab(vocab, np.bincount(ids, minlength=len(vocab)), out / "vocab.tsv")
    (out / "lm.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}; {time.time() - t0:.0f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=pathlib.Path, default=CORPUS)
    ap.add_argument("--out", type=pathlib.Path, default=DATA)
    ap.add_argument("--order", type=int, default=4)
    ap.add_argument("--min-counts", default="1,1,1,3", help="per order, comma-separated")
    ap.add_argument("--min-vocab", type=int, default=2)
    ap.add_argument("--raw-lower", action="store_true",
                    help="lower orders from raw counts (absolute discounting) instead of continuation counts")
    ap.add_argument("--files", default=",".join(FILES),
                    help="corpus files, comma-separated; NAME*K reads a file K times (weighting)")
    default = " ".join(",".join(f) + f":{w}" for f, w in DOMAINS)
    ap.add_argument("--domain", action="append", default=None,
                    help=f"FILE,FILE:WEIGHT - a model of these files interpolated in (repeatable; 'none': no "
                         f"domain model; default: {default})")
    ap.add_argument("--domain-k", type=float, default=5.0,
                    help="context count at which the domain model gets half its weight")
    a = ap.parse_args(argv)
    mins = [int(x) for x in a.min_counts.split(",")]
    mins += [mins[-1]] * (a.order - len(mins))
    parts = [d.rpartition(":") for d in a.domain or () if d != "none"]
    domains = DOMAINS if a.domain is None else tuple((tuple(f.split(",")), float(w)) for f, _, w in parts)
    build(a.corpus, a.out, a.order, mins, a.min_vocab, tuple(a.files.split(",")), not a.raw_lower, domains,
          a.domain_k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
