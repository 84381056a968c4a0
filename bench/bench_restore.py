#!/usr/bin/env python3
"""Accuracy and speed of the Vietnamese language layer (`ingest.vietnamese`).

    python bench/bench_restore.py [--bench /work/shared/bench/dev] [--repeat 20]

Accuracy is the syllable accuracy of the shared scorer (`score/evalkit.py`, imported, not copied)
on diacritic restoration of the ground truth with every mark removed (`stripped`) and on repair of
the legacy `tesseract -l eng` pages (`ocr`). Speed is measured in-process on one core: model load
time, syllables per second (CPU time) over the whole bench repeated `--repeat` times, peak RSS.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=pathlib.Path, default=pathlib.Path("/work/shared/bench/dev"))
    ap.add_argument("--score", type=pathlib.Path, default=None, help="folder of evalkit.py")
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sys.path.insert(0, str(a.score or a.bench.parent / "score"))
    import evalkit  # noqa: PLC0415 - lives next to the bench

    from ingest.vietnamese import repair_ocr, restore
    from ingest.vietnamese.lm.cache import load
    from ingest.vietnamese.repair.candidates import load_repairer

    refs = [p.read_text(encoding="utf-8") for p in sorted(a.bench.glob("docs/*/gt/full.txt"))]
    stripped = [(evalkit.strip_marks(r), r) for r in refs]
    legacy = [(p.read_text(encoding="utf-8"), (a.bench / "docs" / p.parent.name / "gt" / p.name)
               .read_text(encoding="utf-8")) for p in sorted(a.bench.glob("legacy_ocr/*/*.txt"))]

    t0, c0 = time.perf_counter(), time.process_time()
    load()
    t_load, c_load = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    load_repairer()
    t_ocr, c_ocr = time.perf_counter() - t0, time.process_time() - c0
    print(f"model load {t_load:.2f} s wall / {c_load:.2f} s CPU; OCR candidate index +{t_ocr:.2f} s wall / "
          f"{c_ocr:.2f} s CPU")

    def accuracy(pairs: list[tuple[str, str]], fn) -> tuple[float, int]:
        ok = n = 0
        for inp, ref in pairs:
            c, m = evalkit.syllable_accuracy(fn(inp), ref)
            ok, n = ok + c, n + m
        return ok / max(n, 1), n

    def speed(pairs: list[tuple[str, str]], fn) -> float:
        text = "\n".join(inp for inp, _ in pairs)
        n = len(text.split()) * a.repeat
        t = time.process_time()
        for _ in range(a.repeat):
            fn(text)
        return n / (time.process_time() - t)

    for name, pairs, fn in (("stripped", stripped, restore), ("ocr", legacy, repair_ocr)):
        ident, _ = accuracy(pairs, lambda t: t)
        acc, n = accuracy(pairs, fn)
        sps = speed(pairs, fn)
        print(f"{name:9} syllables {n:6d}  identity {ident:.4f}  accuracy {acc:.4f}  speed {sps:,.0f} syl/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in (ROOT / "ingest/vietnamese/data").iterdir()) / 1e6
    print(f"peak RSS {rss:.0f} MB; model files {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
