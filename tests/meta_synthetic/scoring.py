"""Per-field scores of extracted metadata against a synthetic document's expected metadata, as
/work/shared/bench/score/eval_meta.py scores them (without its tone-mark canonicalisation: these texts
spell every syllable one way)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

EXACT = ["doc_type", "number", "symbol", "place", "issued_date"]
FUZZY = ["issuer", "subject", "signer_name", "signer_title"]
FIELDS = EXACT + FUZZY + ["recipients", "dossier_codes"]


def norm(s: object) -> str | None:
    if s is None:
        return None
    text = unicodedata.normalize("NFC", str(s))
    return re.sub(r"\s+", " ", text).strip().casefold().strip(" .;:")


def recipients_f1(hyp: list[str], ref: list[str]) -> float:
    if not ref:
        return 1.0 if not hyp else 0.0
    h = [norm(x) for x in hyp if x]
    r = [norm(x) for x in ref]
    used: set[int] = set()
    tp = 0
    for x in r:
        best, bi = 0.0, None
        for i, y in enumerate(h):
            if i not in used and (s := fuzz.ratio(x, y)) > best:
                best, bi = s, i
        if best >= 80 and bi is not None:
            tp += 1
            used.add(bi)
    p = tp / len(h) if h else 0.0
    rec = tp / len(r)
    return 2 * p * rec / (p + rec) if p + rec else 0.0


def score(ref: dict, hyp: dict, strict: bool = False) -> dict[str, float]:
    """Per-field scores (1.0 = right) of one document; `strict` asks named fields to be equal after
    normalisation instead of a token-set similarity of 85."""
    out: dict[str, float] = {}
    for f in EXACT + FUZZY:
        if ref.get(f) is None:
            out[f] = float(hyp.get(f) is None) if strict else 1.0
            continue
        if f in EXACT or strict:
            out[f] = float(norm(hyp.get(f)) == norm(ref[f]))
        else:
            got = hyp.get(f)
            out[f] = float(got is not None and fuzz.token_set_ratio(norm(got), norm(ref[f])) >= 85)
    out["recipients"] = recipients_f1(hyp.get("recipients") or [], ref.get("recipients") or [])
    if strict:
        out["recipients"] = float([norm(x) for x in hyp.get("recipients") or []]
                                  == [norm(x) for x in ref.get("recipients") or []])
    codes = sorted(hyp.get("dossier_codes") or []), sorted(ref.get("dossier_codes") or [])
    out["dossier_codes"] = float(codes[0] == codes[1])
    return out
