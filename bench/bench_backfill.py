#!/usr/bin/env python3
"""Backfill at scale: enqueue rate and peak memory of `sohoa backfill` on 2,000 and 20,000 small
files (flat memory is the goal: the second figure should not be ten times the first), then the
end-to-end pages/minute of a backfill of the dev scans with a real worker.

  .venv/bin/python bench/bench_backfill.py [--files 20000] [--root ../shared/bench/dev/docs]

Runs on the embedded default in temporary folders (no worker for the enqueue part: nothing is
recognised, the files are only checked, stored, journalled and queued).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import CeleryWorker  # noqa: E402


def make_files(folder: Path, n: int) -> None:
    """n distinct tiny PNG scans in folders of 500."""
    rng = np.random.default_rng(7)
    for i in range(n):
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        pixels = rng.integers(0, 2, size=(24, 48), dtype=np.uint8) * 255
        buf = io.BytesIO()
        Image.fromarray(pixels).save(buf, format="PNG")
        (sub / f"scan_{i:05d}.png").write_bytes(buf.getvalue())


def run_backfill(tree: Path, env: dict[str, str], *extra: str) -> tuple[float, int, str]:
    """Seconds, peak RSS (KiB) of the backfill process, and its output."""
    argv = [sys.executable, "-m", "ingest", "backfill", str(tree), *extra]
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise SystemExit(f"backfill failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed, max(peak, before), proc.stdout


def enqueue(n: int) -> tuple[float, int]:
    work = Path(tempfile.mkdtemp(prefix=f"sohoa-bf-{n}-"))
    try:
        make_files(work / "tree", n)
        env = {**os.environ, "SOHOA_HOME": str(work / "home"), "SOHOA_QUEUE": f"bench-{os.getpid()}"}
        subprocess.run([sys.executable, "-m", "ingest", "db", "upgrade"], check=True, capture_output=True,
                       env=env)
        secs, peak, _ = run_backfill(work / "tree", env, "--no-wait", "--max-inflight", "0")
        return secs, peak
    finally:
        shutil.rmtree(work, ignore_errors=True)


def end_to_end(root: Path, variant: str) -> tuple[int, float, str]:
    work = Path(tempfile.mkdtemp(prefix="sohoa-bf-e2e-"))
    tree = work / "tree"
    for doc in sorted(root.iterdir()):
        if (doc / variant).is_dir():
            shutil.copytree(doc / variant, tree / doc.name)
    home = work / "home"
    env = {**os.environ, "SOHOA_HOME": str(home), "SOHOA_QUEUE": f"bench-e2e-{os.getpid()}"}
    subprocess.run([sys.executable, "-m", "ingest", "db", "upgrade"], check=True, capture_output=True,
                   env=env)
    worker = CeleryWorker(env, work / "worker.log", concurrency=2).start()
    try:
        secs, _, out = run_backfill(tree, env)
    finally:
        worker.stop()
        shutil.rmtree(work, ignore_errors=True)
    pages = int(re.search(r"(\d+) pages", out).group(1))
    return pages, secs, out.strip().splitlines()[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "bench" / "dev" / "docs"))
    ap.add_argument("--variant", default="office")
    a = ap.parse_args()
    small = max(a.files // 10, 100)
    print(f"{'files':>8} {'seconds':>8} {'files/s':>8} {'peak RSS MiB':>13}")
    for n in (small, a.files):
        secs, peak = enqueue(n)
        print(f"{n:8d} {secs:8.1f} {n / secs:8.1f} {peak / 1024:13.1f}", flush=True)
    pages, secs, last = end_to_end(Path(a.root), a.variant)
    print(f"end to end, dev scans ({a.variant}), 2 worker processes: {pages} pages in {secs:.1f} s = "
          f"{pages / secs * 60:.1f} pages/min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
