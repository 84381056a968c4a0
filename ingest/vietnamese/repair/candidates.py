"""Candidates of a word read by an OCR engine that knows no Vietnamese, with channel scores.

A word is a noisy observation of a syllable: its candidates are the syllables whose unmarked form
equals the word after undoing the usual confusions (marks dropped or misplaced, "6"/"0"/"@"/"¢" for
o-vowels, "1" for l, stray "?" and "’" where a mark was), syllables within edit distance two of it,
and what the engine read for each syllable in synthetic training pages (`data/ocr_pairs.tsv`, see
`pairs.py`), each with a channel score (log10) that the decoder adds to the language model's.
"""

from __future__ import annotations

import math
import os
import pathlib
import pickle
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from ..lexicon import UNK_ID
from ..lm.cache import cache_folder, load
from ..lm.model import DATA, NgramModel
from ..orthography import place_tone, strip_marks

_CONFUSE = str.maketrans({"6": "o", "0": "o", "@": "o", "¢": "o", "©": "o", "€": "e", "1": "l", "|": "l",
                          "?": "", "’": "", "'": "", "`": "", "‘": "", "ø": "o"})

# channel log10 scores
EXACT, EDIT1, EDIT2, KEEP = -0.3, -5.0, -6.0, -4.5
FOLD_NON_VIETNAMESE = True
OWN_MARKED = 1.0  # channel score of a word read with Vietnamese marks for itself
MAX_CANDIDATES, PRUNE = 12, 3.0  # candidates per word; drop those this far below the best channel score
EDIT_OP, OP_FLOOR = -1.0, -4.0  # per learnt character edit: base, and floor of its log frequency
FREQUENT_IDS = 3000  # tokens with lower ids (the most frequent) are worth correcting towards, syllable or not
MIN_PAIR_COUNT = 2  # printed words seen fewer times in the training pairs give no candidates from them
MIN_LEN_EDIT2 = 4  # words this long also get candidates at edit distance 2 (shorter ones: 1)
NEAR_CANDIDATES = 4  # candidates taken from each unmarked form within edit distance
UNIGRAM_RANK_WEIGHT = 0.3  # weight of the unigram score when the candidates are ranked
NO_SCORE = -99.0  # below every channel score
CACHED_WORDS = 200_000  # candidate lists of this many distinct words kept per process
LATIN1_MAX = 0xFF  # letters beyond Latin-1 (ư, ơ, ă, đ, ạ, ...) come from an engine that reads Vietnamese


class OcrRepairer:
    """Candidate generation and channel scores for words read by a non-Vietnamese OCR engine."""

    def __init__(self, model: NgramModel, pairs_path: pathlib.Path = DATA / "ocr_pairs.tsv") -> None:
        # rapidfuzz is only needed for OCR repair, so `restore` works without it
        from rapidfuzz.distance import Levenshtein

        self.lev = Levenshtein
        self.model = model
        # unmarked forms worth correcting towards: valid syllables and frequent other tokens
        targets: set[str] = set()
        for form, ids in model.candidates.items():
            if model.valid[int(ids[0])] or int(ids[0]) < FREQUENT_IDS:
                targets.add(form)
        #: a target, or a target with one letter deleted -> those targets
        self.deletes: dict[str, list[str]] = {}
        for form in targets:
            for deleted in _deletes(form, 1):
                self.deletes.setdefault(deleted, []).append(form)
            self.deletes.setdefault(form, []).append(form)
        #: synthetic pairs: word the engine read -> (id of the printed word, log10 share of its readings)
        self.table: dict[str, list[tuple[int, float]]] = {}
        if pairs_path.exists():
            rows = [line.split("\t") for line in pairs_path.read_text(encoding="utf-8").splitlines()]
            printed_total: dict[str, int] = {}
            for _read, printed, count in rows:
                printed_total[printed] = printed_total.get(printed, 0) + int(count)
            ops: dict[tuple[str, str, str], int] = {}
            for read, printed, count in rows:
                a, b = _normal(read), strip_marks(printed)
                if a != b and a:
                    for tag, i, j in Levenshtein.editops(a, b):
                        op = (tag, a[i] if tag != "insert" else "", b[j] if tag != "delete" else "")
                        ops[op] = ops.get(op, 0) + int(count)
                gid = model.index.get(printed)
                if gid is None or printed_total[printed] < MIN_PAIR_COUNT:
                    continue
                self.table.setdefault(read, []).append((gid, math.log10(int(count) / printed_total[printed])))
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
        ids, forms, channel = self._cands(low)
        if (trust_marks and low != strip_marks(low)) or any(ord(c) > LATIN1_MAX for c in low):
            own = self.model.index.get(place_tone(low))
            if own is not None:
                channel = np.where(ids == np.uint64(own), np.float32(OWN_MARKED), channel).astype(np.float32)
        return ids, forms, channel

    @lru_cache(maxsize=CACHED_WORDS)  # noqa: B019 - one repairer per process
    def _cands(self, low: str) -> tuple[np.ndarray, list[str], np.ndarray]:
        model = self.model
        scores: dict[int, float] = {}

        def add(wid: int, score: float) -> None:
            if score > scores.get(wid, NO_SCORE):
                scores[wid] = score

        for gid, score in self.table.get(low, ()):
            add(gid, score)
        normal = _normal(low)
        if normal:
            for wid in model.candidates.get(normal, ()):
                add(int(wid), EXACT)
            if len(normal) >= 2:
                self._add_near(normal, add)
        own = model.index.get(place_tone(low))
        if own is not None:
            add(own, EXACT)
        top = max(scores.values(), default=0.0)
        ids = sorted((i for i in scores if scores[i] >= top - PRUNE),
                     key=lambda i: -(scores[i] + UNIGRAM_RANK_WEIGHT * float(model.unigram[i])))
        ids = ids[:MAX_CANDIDATES]
        forms = [model.vocab[i] for i in ids]
        channel = [scores[i] for i in ids]
        if own is None:
            ids.append(UNK_ID)
            forms.append(low)
            channel.append(KEEP)
        return np.array(ids, dtype=np.uint64), forms, np.array(channel, dtype=np.float32)

    def _add_near(self, normal: str, add: Callable[[int, float], None]) -> None:
        """Candidates of the unmarked forms within edit distance one (two for longer words)."""
        long_word = len(normal) >= MIN_LEN_EDIT2
        seen = set()
        for deleted in [normal, *_deletes(normal, 2 if long_word else 1)]:
            for form in self.deletes.get(deleted, ()):
                if form in seen or form == normal:
                    continue
                seen.add(form)
                dist = self.lev.distance(normal, form, score_cutoff=2)
                if dist <= 2 and (dist == 1 or long_word):
                    floor = EDIT1 if dist == 1 else EDIT2
                    score = max(self.edit_score(normal, form), floor) if self.ops else floor
                    for wid in self.model.candidates.get(form, ())[:NEAR_CANDIDATES]:
                        add(int(wid), score)


def _normal(word: str) -> str:
    """Lower-case OCR word with marks dropped and look-alike digits/symbols folded: "c¢6ng" -> "cong"."""
    normal = unicodedata.normalize("NFC", strip_marks(word.lower()).translate(_CONFUSE))
    if FOLD_NON_VIETNAMESE:  # letter groups Vietnamese never writes: "ii"/"ir" for ũ/ư, "w" for ư, stray "f"
        normal = normal.replace("ii", "u").replace("ir", "u").replace("w", "u").replace("f", "")
    return normal


def _deletes(word: str, depth: int) -> set[str]:
    """`word` with one letter deleted (with `depth` 2: also two), in every way."""
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    if depth > 1:
        for once in list(out):
            out |= {once[:i] + once[i + 1 :] for i in range(len(once))}
    out.discard("")
    return out


@lru_cache(maxsize=2)
def load_repairer(data: str | None = None) -> OcrRepairer:
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
