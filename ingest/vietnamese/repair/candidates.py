"""Repair of Vietnamese read by an OCR engine without Vietnamese, and polishing of Vietnamese OCR.

`repair_ocr` treats every whitespace-separated word as a noisy observation of a syllable: its
candidates are the syllables whose unmarked form equals the word after undoing the usual confusions
(marks dropped or misplaced, "6"/"0"/"@"/"¢" for o-vowels, "1" for l, stray "?" and "’" where a mark
was), syllables within edit distance two of it, and what the engine read for each syllable in
synthetic training pages (`data/ocr_pairs.tsv`, see `ocrdata.py`). The language model chooses among
them with the Viterbi decoder, each candidate carrying a channel score. Numbers and codes are kept,
their letter parts restored like stripped text ("61/2018/ND-CP" -> "61/2018/NĐ-CP").
"""

from __future__ import annotations

import math
import os
import pickle
import re
import unicodedata
from functools import lru_cache

import numpy as np

from ..lexicon import BOS_ID, BOUNDARY, NUM_ID, TOKEN, UNK_ID
from ..lm.cache import cache_folder, load
from ..lm.decoder import Position
from ..lm.model import DATA, NgramModel
from ..orthography import is_valid_syllable, nfc, place_tone, strip_marks
from ..restore import apply_case, capital_bonus
from .columns import reorder_columns

_LEAD = "([\"“‘'["
_TRAIL = ")]\"”,.;:!…"
_CONFUSE = str.maketrans({"6": "o", "0": "o", "@": "o", "¢": "o", "©": "o", "€": "e", "1": "l", "|": "l",
                          "?": "", "’": "", "'": "", "`": "", "‘": "", "ø": "o"})
# a word, possibly with look-alike digits or symbols inside ("S60", "c¢6ng"), but not a code ("PC06")
_WORDLIKE = re.compile(r"(?![A-Za-z]{2,}\d+$)(?!.*\d{3})(?=.*[^\W\d_])(?:[^\W_]|[@¢©€|?’'`‘])+", re.U)
_WORD_NUMBER = re.compile(r"([^\W\d_]+[06])(\d[\d.,]*)")

# channel log10 scores
EXACT, EDIT1, EDIT2, KEEP = -0.3, -5.0, -6.0, -4.5
FOLD_NON_VIETNAMESE = True
ACRONYMS = True  # vowel-less all-capital words in mixed-case lines are acronyms ("TT", "HDND": d -> đ only)
OCR_CAPITALS = False  # capitalisation bonus of `restore`: measured 0.1 % worse on OCR text, so off
OWN_MARKED = 1.0  # channel score of a word read with Vietnamese marks for itself
MAX_CANDIDATES, PRUNE = 12, 3.0  # candidates per word; drop those this far below the best channel score
EDIT_OP, OP_FLOOR = -1.0, -4.0  # per learnt character edit: base, and floor of its log frequency


class OcrRepairer:
    """Candidate generation and channel scores for words read by a non-Vietnamese OCR engine."""

    def __init__(self, model: NgramModel, pairs_path=DATA / "ocr_pairs.tsv") -> None:
        # rapidfuzz is only needed for OCR repair, so `restore` works without it
        from rapidfuzz.distance import Levenshtein

        self.lev = Levenshtein
        self.model = model
        # keys worth correcting towards: valid syllables and frequent other tokens
        keys: set[str] = set()
        for k, ids in model.candidates.items():
            if model.valid[int(ids[0])] or int(ids[0]) < 3000:
                keys.add(k)
        self.deletes: dict[str, list[str]] = {}
        for k in keys:
            for d in _deletes(k, 1):
                self.deletes.setdefault(d, []).append(k)
            self.deletes.setdefault(k, []).append(k)
        # synthetic (ocr word, printed word) pairs
        self.table: dict[str, list[tuple[int, float]]] = {}
        if pairs_path.exists():
            rows = [line.split("\t") for line in pairs_path.read_text(encoding="utf-8").splitlines()]
            gtot: dict[str, int] = {}
            for _o, g, c in rows:
                gtot[g] = gtot.get(g, 0) + int(c)
            ops: dict[tuple[str, str, str], int] = {}
            for o, g, c in rows:
                a, b = _normal(o), strip_marks(g)
                if a != b and a:
                    for tag, i, j in Levenshtein.editops(a, b):
                        op = (tag, a[i] if tag != "insert" else "", b[j] if tag != "delete" else "")
                        ops[op] = ops.get(op, 0) + int(c)
                gid = model.index.get(g)
                if gid is None or gtot[g] < 2:
                    continue
                self.table.setdefault(o, []).append((gid, math.log10(int(c) / gtot[g])))
            top = max(ops.values(), default=1)
            #: character edit (replace/insert/delete, OCR char, printed char) -> log10 relative frequency
            self.ops = {op: max(math.log10(c / top), OP_FLOOR) for op, c in ops.items()}
        else:
            self.ops = {}

    def edit_score(self, a: str, b: str) -> float:
        """Channel score of reading the unmarked syllable `b` as `a` (learnt character edits)."""
        return sum(EDIT_OP + self.ops.get((t, a[i] if t != "insert" else "", b[j] if t != "delete" else ""),
                                          OP_FLOOR) for t, i, j in self.lev.editops(a, b))

    def candidates(self, word: str, trust_marks: bool = False) -> tuple[np.ndarray, list[str], np.ndarray]:
        """(ids, forms, channel scores) of the syllables `word` may stand for. A word written with
        letters only Vietnamese uses (ư, ơ, ă, đ, ạ, ...), or any marked word when `trust_marks`,
        strongly prefers itself: the engine did read Vietnamese there."""
        low = word.lower()
        ids, forms, sc = self._cands(low)
        if (trust_marks and low != strip_marks(low)) or any(ord(c) > 0xFF for c in low):
            own = self.model.index.get(place_tone(low))
            if own is not None:
                sc = np.where(ids == np.uint64(own), np.float32(OWN_MARKED), sc).astype(np.float32)
        return ids, forms, sc

    @lru_cache(maxsize=200_000)  # noqa: B019 - one repairer per process
    def _cands(self, low: str) -> tuple[np.ndarray, list[str], np.ndarray]:
        m = self.model
        scores: dict[int, float] = {}

        def add(i: int, s: float) -> None:
            if s > scores.get(i, -99.0):
                scores[i] = s

        for gid, s in self.table.get(low, ()):
            add(gid, s)
        n = _normal(low)
        if n:
            for i in m.candidates.get(n, ()):
                add(int(i), EXACT)
            if len(n) >= 2:
                seen = set()
                for d in [n, *_deletes(n, 2 if len(n) >= 4 else 1)]:
                    for k in self.deletes.get(d, ()):
                        if k in seen or k == n:
                            continue
                        seen.add(k)
                        dist = self.lev.distance(n, k, score_cutoff=2)
                        if dist <= 2 and (dist == 1 or len(n) >= 4):
                            es = max(self.edit_score(n, k), EDIT1 if dist == 1 else EDIT2) if self.ops else (
                                EDIT1 if dist == 1 else EDIT2)
                            for i in m.candidates.get(k, ())[:4]:
                                add(int(i), es)
        own = m.index.get(place_tone(low))
        if own is not None:
            add(own, EXACT)
        top = max(scores.values(), default=0.0)
        ids = sorted((i for i in scores if scores[i] >= top - PRUNE),
                     key=lambda i: -(scores[i] + 0.3 * float(m.unigram[i])))[:MAX_CANDIDATES]
        forms = [m.vocab[i] for i in ids]
        sc = [scores[i] for i in ids]
        if own is None:
            ids.append(UNK_ID)
            forms.append(low)
            sc.append(KEEP)
        return np.array(ids, dtype=np.uint64), forms, np.array(sc, dtype=np.float32)


def _normal(word: str) -> str:
    """Lower-case OCR word with marks dropped and look-alike digits/symbols folded: "c¢6ng" -> "cong"."""
    n = unicodedata.normalize("NFC", strip_marks(word.lower()).translate(_CONFUSE))
    if FOLD_NON_VIETNAMESE:  # letter groups Vietnamese never writes: "ii"/"ir" for ũ/ư, "w" for ư, stray "f"
        n = n.replace("ii", "u").replace("ir", "u").replace("w", "u").replace("f", "")
    return n


def _deletes(w: str, depth: int) -> set[str]:
    out = {w[:i] + w[i + 1 :] for i in range(len(w))}
    if depth > 1:
        for d in list(out):
            out |= {d[:i] + d[i + 1 :] for i in range(len(d))}
    out.discard("")
    return out


@lru_cache(maxsize=2)
def _repairer(data: str | None = None) -> OcrRepairer:
    """The repairer of the model in `data` (default: the shipped one), once per process.  For the
    shipped model its tables are kept beside the model's unpacked copy (built in ~0.1 s, read in
    ~0.005 s: `sohoa ocr` needs them on photocopied and faxed pages)."""
    model = load(data) if data else load()
    folder = None if data or os.environ.get("SOHOA_VN_DATA") else cache_folder(DATA)
    saved = folder / "repairer.pickle" if folder is not None else None
    if saved is not None and saved.exists():
        try:
            rep = OcrRepairer.__new__(OcrRepairer)
            rep.__dict__.update(pickle.loads(saved.read_bytes()))
            from rapidfuzz.distance import Levenshtein

            rep.lev, rep.model = Levenshtein, model
            return rep
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            pass  # built again below
    rep = OcrRepairer(model)
    if saved is not None and saved.parent.is_dir():
        state = {k: v for k, v in rep.__dict__.items() if k not in ("lev", "model")}
        tmp = saved.with_name(f"{saved.name}.{os.getpid()}")
        try:
            tmp.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, saved)
        except OSError:
            tmp.unlink(missing_ok=True)
    return rep


def _fixed(m: NgramModel, tok: str) -> tuple[Position, np.ndarray]:
    if tok[0].isdigit():
        wid = NUM_ID
    elif tok in BOUNDARY:
        wid = BOS_ID
    else:
        wid = m.index.get(tok.lower(), UNK_ID)
    return Position(np.array([wid], dtype=np.uint64), [tok]), np.zeros(1, dtype=np.float32)


def repair_ocr(text: str, channel_weight: float = 1.0, reorder: bool = True, style: str = "old") -> str:
    """Repair text read by an OCR engine that knows no Vietnamese. Lines keep their order and
    content except that, with `reorder`, two-column header and signature blocks are put back in
    reading order (`reorder_columns`). `style`: tone marks placed "old" ("hòa") or "new" ("hoà")."""
    rep = _repairer()
    m = rep.model
    text = nfc(text)
    if reorder:
        text = reorder_columns(text)
    spans: list[tuple[int, int, str]] = []
    positions: list[Position] = []
    extra: list[np.ndarray] = []
    spaced: set[int] = set()

    def fixed(s: int, e: int, tok: str) -> None:
        p, x = _fixed(m, tok)
        spans.append((s, e, tok))
        positions.append(p)
        extra.append(x)

    def word(s: int, e: int, tok: str, inside: bool = False) -> None:
        ids, forms, sc = rep.candidates(tok, trust)
        spans.append((s, e, tok))
        pos = Position(ids, forms)
        positions.append(pos)
        x = sc * channel_weight
        letters = [c for c in tok if c.isalpha()]
        title = letters[0].isupper() and not all(c.isupper() for c in letters[1:] or "a")
        if OCR_CAPITALS and inside and title:
            bonus = capital_bonus(m, pos)
            if bonus is not None:
                x = x + bonus
        extra.append(x)

    def code(s: int, e: int, tok: str) -> None:
        for sub in TOKEN.finditer(tok):
            t = sub.group(0)
            a, b = s + sub.start(), s + sub.end()
            if t[0].isalpha():
                low = strip_marks(t.lower())
                ids = m.candidates.get(low)
                if ids is not None and len(ids):
                    spans.append((a, b, t))
                    positions.append(Position(ids[:4], [m.vocab[i] for i in ids[:4].tolist()]))
                    extra.append(np.zeros(len(ids[:4]), dtype=np.float32))
                    continue
            fixed(a, b, t)

    def acronym(s: int, e: int, tok: str) -> None:
        """An all-capital word in a mixed-case line ("TT", "CAT", "ND"): kept, or only d -> đ."""
        low = tok.lower()
        own = m.index.get(low, UNK_ID)
        ids = [own] + [int(i) for i in m.candidates.get(low, ())
                       if int(i) != own and m.vocab[int(i)].replace("đ", "d") == low]
        spans.append((s, e, tok))
        positions.append(Position(np.array(ids, dtype=np.uint64), [low] + [m.vocab[i] for i in ids[1:]]))
        extra.append(None)

    words = text.split()
    vietnamese = sum(any(ord(c) > 0xFF for c in w) for w in words)
    trust = vietnamese >= 0.15 * max(len(words), 1)  # the text is (mostly) real Vietnamese already
    mixed = {}
    for ln, line in enumerate(text.split("\n")):
        letters = [c for c in line if c.isalpha()]
        mixed[ln] = sum(c.islower() for c in letters) >= 0.4 * max(len(letters), 1)
    line_no = 0
    inside = False
    prev_end = 0
    for mt in re.finditer(r"\S+", text):
        tok, s = mt.group(0), mt.start()
        if "\n" in text[prev_end:s]:
            inside = False
            line_no += text.count("\n", prev_end, s)
        prev_end = mt.end()
        i, j = 0, len(tok)
        while i < j and tok[i] in _LEAD:
            i += 1
        while j > i and tok[j - 1] in _TRAIL:
            j -= 1
        for k in range(0, i):
            fixed(s + k, s + k + 1, tok[k])
        core = tok[i:j]
        if core:
            wn = _WORD_NUMBER.fullmatch(core)
            if wn:
                word(s + i, s + i + wn.end(1), wn.group(1))
                spaced.add(len(spans) - 1)
                fixed(s + i + wn.end(1), s + j, wn.group(2))
            elif (ACRONYMS and len(core) >= 2 and core.isalpha() and core.isupper() and mixed[line_no]
                  and not any(c in "AEIOUY" for c in strip_marks(core))):
                acronym(s + i, s + j, core)
            elif _WORDLIKE.fullmatch(core) and any(c.isalpha() for c in core):
                word(s + i, s + j, core, inside and i == 0)
            else:
                code(s + i, s + j, core)
        for k in range(j, len(tok)):
            fixed(s + k, s + k + 1, tok[k])
        inside = bool(core) and j == len(tok) or tok[j:] == ","
    best = m.decode(positions, extra)
    forms = [p.forms[b] for p, b in zip(positions, best, strict=True)]
    if style != "old":
        forms = [place_tone(f, style) for f in forms]
    out = []
    last = 0
    for k, ((s, e, tok), f) in enumerate(zip(spans, forms, strict=True)):
        if f == tok and k not in spaced:
            continue
        out.append(text[last:s])
        out.append(apply_case(tok, f))
        if k in spaced:  # "s68.311" was "số 8.311"
            out.append(" ")
        last = e
    out.append(text[last:])
    return "".join(out)


def correct_words(words: list[tuple[str, float]], threshold: float = 60.0,
                  margin: float = 2.0) -> list[str]:
    """Polish the words of Vietnamese OCR output (Tesseract `vie`), given with their confidences
    (0-100). Only words below `threshold` that are not valid Vietnamese syllables may change, and
    only to a syllable the language model prefers by more than `margin` (log10) in context."""
    m = load()
    rep = _repairer()
    out = [w for w, _ in words]
    for k, (w, conf) in enumerate(words):
        core = w.strip(_LEAD + _TRAIL)
        if conf >= threshold or not core or not any(c.isalpha() for c in core) or is_valid_syllable(core):
            continue
        ids, forms, sc = rep.candidates(core)
        if len(ids) <= 1:
            continue
        ctx = [m.index.get(place_tone(x.strip(_LEAD + _TRAIL).lower()), UNK_ID)
               for x, _ in words[max(0, k - 2) : k]]
        ctx = [BOS_ID] * (2 - len(ctx)) + ctx
        keys = (np.uint64(ctx[0]) << np.uint64(32)) | (np.uint64(ctx[1]) << np.uint64(16)) | ids
        total = m.score3(keys) + sc
        b = int(total.argmax())
        low = core.lower()
        same = [i for i, f in enumerate(forms) if f in (low, place_tone(low))]
        base = float(total[same[0]]) if same else float(total.min())
        if ids[b] != UNK_ID and total[b] - base > margin:
            out[k] = w.replace(core, apply_case(core, forms[b]), 1)
    return out


def warm_up() -> None:
    """Load what :func:`correct_words`, :func:`correct_marks` and :func:`repair_ocr` need (the model
    and the candidate index), so their first call does not pay for it."""
    _repairer()


def correct_marks(words: list[str]) -> list[str]:
    """Polish the words of one line of Vietnamese OCR read off a page whose marks are unreliable (a
    photocopy, where toner specks touching the letters add, move or change marks: "nhần dân",
    "phong tực"; a fax, where thresholding eats into them): words
    that are no valid syllable are corrected as by :func:`correct_words` whatever their confidence,
    then the line is decoded as by :func:`repair_ocr` and a word takes the decoder's form only where
    that differs from it in marks alone.  Measured on the dev photocopies: bag error 4.85 -> 3.83 %,
    and 9.15 -> 7.86 % with 1500 more specks per page; synthetic 150 dpi faxes 3.55 -> 1.94 %.  Not
    for clean pages: there the model's preference for common marks turns correct rare ones wrong
    (clean 0.65 -> 1.66 %)."""
    fixed = correct_words([(w, 0.0) for w in words])
    decoded = repair_ocr(" ".join(fixed), reorder=False).split()
    if len(decoded) != len(fixed):
        return fixed
    out = []
    for old, new in zip(fixed, decoded, strict=True):
        a, b = old.strip(_LEAD + _TRAIL), new.strip(_LEAD + _TRAIL)
        same_letters = a and strip_marks(a).lower() == strip_marks(b).lower()
        out.append(old.replace(a, b, 1) if same_letters else old)
    return out


__all__ = ["OcrRepairer", "correct_marks", "correct_words", "repair_ocr", "warm_up"]
