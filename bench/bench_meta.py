#!/usr/bin/env python3
"""Fast metadata-extraction benchmark: score `ingest.metadata` on the ground-truth text of each dev
document and, optionally, on cached `sohoa ocr --json` results, with the comparison of eval_meta.py.

  python bench/bench_meta.py [--root DIR] [--ocr-cache /tmp/meta_ocr] [--refresh] [-v]
  python bench/bench_meta.py --synthetic [-v]
  python bench/bench_meta.py --render /tmp/meta_synth [--cases a,b,...] [-v]

`--synthetic` scores the hand-written documents of tests/meta_synthetic/ instead, per field: their
text, both as eval_meta.py scores them and strictly (named fields equal after normalisation), and the
stored OCR results of their office-scan renderings (tests/fixtures/meta_ocr, the layout path).
`--render DIR` prints some of them as 300 dpi image-only PDFs (tests/meta_render.py) into DIR and
scores `sohoa extract` on each: the OCR path on documents the extractor was not tuned on (`--office`:
with the header rules, a signature, tilt, grain and 1-bit thresholding, as the benchmarks' office
scans; `sohoa ocr --json` of those is what tests/fixtures/meta_ocr holds, gzipped).

`--ocr-cache` reads `<cache>/<doc>.json`; `--refresh` first (re)runs `sohoa ocr --json` on each
document's office PDF, one at a time, and stores the result there (keep the cache out of the repo).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import subprocess
import sys

from rapidfuzz import fuzz

from ingest.metadata.extract import extract_from_result, extract_from_text
from schemas.ocr import OcrResult

SCORE_DIR = pathlib.Path("/work/shared/bench/score")
sys.path.insert(0, str(SCORE_DIR))
import eval_meta  # noqa: E402

ROOT = pathlib.Path("/work/shared/bench/dev/docs")
REPO = pathlib.Path(__file__).resolve().parent.parent


def score(ref: dict, hyp: dict) -> tuple[dict[str, float], list[str]]:
    """Per-field scores of one document, computed as eval_meta.py does, and the misses."""
    out: dict[str, float] = {}
    misses: list[str] = []
    for f in eval_meta.EXACT:
        if ref.get(f) is None:
            continue
        out[f] = float(eval_meta.n(hyp.get(f)) == eval_meta.n(ref[f]))
    for f in eval_meta.FUZZY:
        if ref.get(f) is None:
            continue
        got = hyp.get(f)
        sim = fuzz.token_set_ratio(eval_meta.n(got), eval_meta.n(ref[f])) if got is not None else 0
        out[f] = float(sim >= 85)
    codes = sorted(hyp.get("dossier_codes") or []) == sorted(ref.get("dossier_codes") or [])
    out["dossier_codes"] = float(codes)
    out["recipients"] = eval_meta.recip_f1(hyp.get("recipients") or [], ref.get("recipients") or [])
    for f, v in out.items():
        if v < 1:
            misses.append(f"{f}: got {hyp.get(f)!r} want {ref.get(f)!r}")
    return out, misses


def report(name: str, results: dict[str, tuple[dict[str, float], list[str]]], verbose: bool) -> None:
    fields: dict[str, list[float]] = {}
    for doc, (sc, misses) in results.items():
        for f, v in sc.items():
            fields.setdefault(f, []).append(v)
        if verbose and misses:
            print(f"  {doc}:")
            for m in misses:
                print(f"    {m}")
    print(f"== {name}")
    for f, vs in fields.items():
        print(f"{f:14} {sum(vs) / len(vs):.3f} ({len(vs)})")
    allv = [v for vs in fields.values() for v in vs]
    if allv:
        print(f"overall field accuracy {sum(allv) / len(allv):.3f}")


def synthetic(verbose: bool) -> int:
    """Per-field accuracy on the synthetic documents, eval-style and strict."""
    sys.path.insert(0, str(REPO))
    from tests.meta_synthetic import CASES, FIELDS
    from tests.meta_synthetic import score as synth_score

    for strict in (False, True):
        results = {}
        for c in CASES:
            hyp = extract_from_text(c["text"]).model_dump()
            sc = synth_score(c["meta"], hyp, strict=strict)
            misses = [f"{f}: got {hyp.get(f)!r} want {c['meta'].get(f)!r}" for f in FIELDS if sc[f] < 1]
            results[c["name"]] = (sc, misses)
        report(f"synthetic documents ({len(CASES)}), {'strict' if strict else 'eval_meta scoring'}",
               results, verbose and not strict)
    by_name = {c["name"]: c for c in CASES}
    results = {}
    for path in sorted((REPO / "tests" / "fixtures" / "meta_ocr").glob("*.json.gz")):
        c = by_name[path.name.split(".")[0]]
        result = OcrResult.model_validate_json(gzip.decompress(path.read_bytes()))
        hyp = extract_from_result(result).model_dump()
        sc = synth_score(c["meta"], hyp)
        misses = [f"{f}: got {hyp.get(f)!r} want {c['meta'].get(f)!r}" for f in FIELDS if sc[f] < 1]
        results[c["name"]] = (sc, misses)
    report(f"stored OCR of synthetic office scans ({len(results)}), eval_meta scoring", results, verbose)
    return 0


RENDERED = ["cv_stnmt_vv_kinh_gui", "gp_sxd_permit", "gxn_cong_an_xa_rank", "qd_chi_cuc_thue_q",
            "gm_vp_ubnd_huyen_three_titles", "kh_ubnd_xa_two_pages"]


def rendered(folder: pathlib.Path, names: list[str], sohoa: str, verbose: bool, office: bool = False) -> int:
    """`sohoa extract` on synthetic documents printed as scans (made once, kept in `folder`)."""
    sys.path.insert(0, str(REPO))
    from tests.meta_render import render, write_pdf
    from tests.meta_synthetic import CASES, FIELDS
    from tests.meta_synthetic import score as synth_score

    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for c in (c for c in CASES if c["name"] in names):
        pdf = folder / f"{c['name']}.pdf"
        if not pdf.exists():
            write_pdf(render(c["text"], c["meta"].get("subject"), office=office, seed=len(c["name"])), pdf)
        p = subprocess.run([sohoa, "extract", str(pdf)], capture_output=True, text=True)
        hyp = json.loads(p.stdout) if p.returncode == 0 else {}
        sc = synth_score(c["meta"], hyp)
        results[c["name"]] = (sc, [f"{f}: got {hyp.get(f)!r} want {c['meta'].get(f)!r}"
                                   for f in FIELDS if sc[f] < 1])
    report(f"rendered synthetic documents ({len(results)}) through sohoa extract", results, verbose)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=pathlib.Path, default=ROOT)
    ap.add_argument("--ocr-cache", type=pathlib.Path)
    ap.add_argument("--refresh", action="store_true", help="re-run sohoa ocr --json into the cache")
    ap.add_argument("--sohoa", default=str(pathlib.Path(sys.executable).parent / "sohoa"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--synthetic", action="store_true", help="score tests/meta_synthetic/ instead")
    ap.add_argument("--render", type=pathlib.Path, help="OCR rendered synthetic documents in this folder")
    ap.add_argument("--cases", default=",".join(RENDERED), help="names of the synthetic documents to render")
    ap.add_argument("--office", action="store_true", help="as office scans: rules, seal, grain, 1 bit")
    a = ap.parse_args()
    if a.synthetic:
        return synthetic(a.verbose)
    if a.render:
        return rendered(a.render, a.cases.split(","), a.sohoa, a.verbose, a.office)
    docs = sorted(p for p in a.root.iterdir() if p.is_dir() and (p / "meta.json").exists())
    gt: dict[str, tuple[dict[str, float], list[str]]] = {}
    ocr: dict[str, tuple[dict[str, float], list[str]]] = {}
    for doc in docs:
        ref = json.loads((doc / "meta.json").read_text(encoding="utf-8"))
        hyp = extract_from_text((doc / "gt" / "full.txt").read_text(encoding="utf-8")).model_dump()
        gt[doc.name] = score(ref, hyp)
        if a.ocr_cache is None:
            continue
        cached = a.ocr_cache / f"{doc.name}.json"
        if a.refresh or not cached.exists():
            a.ocr_cache.mkdir(parents=True, exist_ok=True)
            pdf = next(doc.glob("*_office.pdf"))
            p = subprocess.run([a.sohoa, "ocr", "--json", str(pdf)], capture_output=True, text=True,
                               check=True)
            cached.write_text(p.stdout, encoding="utf-8")
        result = OcrResult.model_validate_json(cached.read_text(encoding="utf-8"))
        ocr[doc.name] = score(ref, extract_from_result(result).model_dump())
    report("ground-truth text (extract_from_text)", gt, a.verbose)
    if ocr:
        report(f"cached OCR in {a.ocr_cache} (extract_from_result)", ocr, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
