#!/usr/bin/env python3
"""Throughput of the whole system: pages per minute through the queue with 1 and 2 worker
processes, against plain Tesseract on the same pages in a loop (the overhead of everything else).

  .venv/bin/python bench/bench_throughput.py [--root ../shared/bench/dev/docs] [--variant office]

Runs on the embedded default in a temporary SOHOA_HOME unless SOHOA_* variables say otherwise
(e.g. SOHOA_BROKER_URL=redis://127.0.0.1:6379/9 to measure Redis). Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import CeleryWorker  # noqa: E402


def pages_of(root: Path, variants: str) -> list[Path]:
    return sorted(p for variant in variants.split(",") for doc in sorted(root.iterdir())
                  if (doc / variant).is_dir() for p in sorted((doc / variant).iterdir()))


def plain_tesseract(pages: list[Path]) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    t = time.perf_counter()
    for p in pages:
        subprocess.run(["tesseract", str(p), "-", "-l", "vie"], capture_output=True, check=True, env=env)
    return time.perf_counter() - t


def through_queue(pages: list[Path], workers: int, tag: str) -> float:
    home = Path(tempfile.mkdtemp(prefix=f"sohoa-bench-{tag}-"))
    env = {**os.environ, "SOHOA_HOME": str(home), "SOHOA_QUEUE": f"bench-{tag}-{os.getpid()}"}
    from ingest.config import Settings
    from ingest.db import Document, session_factory

    settings = Settings(home=home, database_url=env.get("SOHOA_DATABASE_URL", ""))
    sohoa = [sys.executable, "-m", "ingest.cli"]
    subprocess.run([*sohoa, "db", "upgrade"], env=env, check=True, capture_output=True)
    worker = CeleryWorker(env, home / "worker.log", concurrency=workers).start()
    try:
        t = time.perf_counter()
        subprocess.run([*sohoa, "ingest", *map(str, pages)], env=env, check=True, capture_output=True)
        sessions = session_factory(settings.database_url)
        while True:
            with sessions() as s:
                left = s.query(Document).filter(Document.status.in_(("queued", "processing"))).count()
                failed = s.query(Document).filter(Document.status == "failed").count()
            if not left:
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - t
        if failed:
            print(f"warning: {failed} document(s) failed", file=sys.stderr)
        return elapsed
    finally:
        worker.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "bench" / "dev" / "docs"))
    ap.add_argument("--variant", default="office,clean,lowres", help="comma-separated scan variants")
    a = ap.parse_args()
    pages = pages_of(Path(a.root), a.variant)
    n = len(pages)
    print(f"{n} pages ({a.variant}) from {a.root}")
    base = plain_tesseract(pages)
    one = through_queue(pages, 1, "w1")
    two = through_queue(pages, 2, "w2")
    ppm = {k: n / v * 60 for k, v in (("plain", base), ("w1", one), ("w2", two))}
    print(f"{'run':28} {'seconds':>8} {'pages/min':>10}")
    print(f"{'plain tesseract, one loop':28} {base:8.1f} {ppm['plain']:10.1f}")
    print(f"{'sohoa, 1 worker process':28} {one:8.1f} {ppm['w1']:10.1f}")
    print(f"{'sohoa, 2 worker processes':28} {two:8.1f} {ppm['w2']:10.1f}")
    print(f"scaling 1 -> 2 workers: {ppm['w2'] / ppm['w1']:.2f}x (goal >= 1.8)")
    print(f"1 worker vs plain tesseract: {ppm['w1'] / ppm['plain']:.2f} (goal >= 0.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
