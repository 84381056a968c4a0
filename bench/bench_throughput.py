#!/usr/bin/env python3
"""Throughput of the whole system: pages per minute through the queue with 1 and 2 worker
processes, against plain Tesseract on the same pages in a loop (the overhead of everything else).

  .venv/bin/python bench/bench_throughput.py [--root ../shared/bench/dev/docs] [--variant office] [--rounds 3]

Each round runs the four configurations one after another; the figures are the medians over the
rounds (a VM's speed drifts by ~10 % within minutes: one round can mislead).

Runs on the embedded default in a temporary SOHOA_HOME unless SOHOA_* variables say otherwise
(e.g. SOHOA_BROKER_URL=redis://127.0.0.1:6379/9 to measure Redis). Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
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


def group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of a process group."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after "(comm)": state ppid pgrp ... utime(11) stime(12)
            total += int(fields[11]) + int(fields[12])
    return total / tick


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def plain_tesseract(pages: list[Path], loops: int = 1) -> tuple[float, float]:
    """Wall seconds and CPU seconds for `tesseract IMG - -l vie` over the pages, in `loops` parallel
    loops that each take the next page left (xargs -P), as the workers take the next task."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cpu, t = children_cpu(), time.perf_counter()
    run = subprocess.run(["xargs", "-0", "-n", "1", "-P", str(loops), "sh", "-c",
                          'tesseract "$0" - -l vie >/dev/null 2>&1'],
                         input="\0".join(map(str, pages)).encode(), env=env)
    if run.returncode:
        raise RuntimeError("plain tesseract failed")
    return time.perf_counter() - t, children_cpu() - cpu


def through_queue(pages: list[Path], workers: int, tag: str) -> tuple[float, float]:
    home = Path(tempfile.mkdtemp(prefix=f"sohoa-bench-{tag}-"))
    env = {**os.environ, "SOHOA_HOME": str(home), "SOHOA_QUEUE": f"bench-{tag}-{os.getpid()}"}
    from ingest.config import Settings
    from ingest.db import Document, session_factory

    settings = Settings(home=home, database_url=env.get("SOHOA_DATABASE_URL", ""))
    sohoa = [sys.executable, "-m", "ingest.cli"]
    subprocess.run([*sohoa, "db", "upgrade"], env=env, check=True, capture_output=True)
    worker = CeleryWorker(env, home / "worker.log", concurrency=workers).start()
    try:
        time.sleep(3)  # the pool's processes finish loading their models
        cpu0, client0 = group_cpu(worker.proc.pid), children_cpu()
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
        cpu = group_cpu(worker.proc.pid) - cpu0 + children_cpu() - client0
        if failed:
            print(f"warning: {failed} document(s) failed", file=sys.stderr)
        return elapsed, cpu
    finally:
        worker.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "bench" / "dev" / "docs"))
    ap.add_argument("--variant", default="office,clean,lowres", help="comma-separated scan variants")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the four runs; medians are printed")
    a = ap.parse_args()
    pages = pages_of(Path(a.root), a.variant)
    n = len(pages)
    print(f"{n} pages ({a.variant}) from {a.root}, {a.rounds} round(s)")
    rounds: dict[str, list[tuple[float, float]]] = {"plain1": [], "plain2": [], "w1": [], "w2": []}
    for r in range(a.rounds):
        rounds["plain1"].append(plain_tesseract(pages, 1))
        rounds["plain2"].append(plain_tesseract(pages, 2))
        rounds["w1"].append(through_queue(pages, 1, "w1"))
        rounds["w2"].append(through_queue(pages, 2, "w2"))
        w = {k: v[-1][0] for k, v in rounds.items()}
        print(f"round {r + 1}: seconds plain1 {w['plain1']:.1f} plain2 {w['plain2']:.1f} w1 {w['w1']:.1f} "
              f"w2 {w['w2']:.1f}; scaling {w['w1'] / w['w2']:.2f}, w1/plain1 {w['plain1'] / w['w1']:.2f}, "
              f"w2/plain2 {w['plain2'] / w['w2']:.2f}", flush=True)
    runs = {k: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v))
            for k, v in rounds.items()}
    ppm = {k: n / wall * 60 for k, (wall, _) in runs.items()}
    labels = {"plain1": "plain tesseract, one loop", "plain2": "plain tesseract, two loops",
              "w1": "sohoa, 1 worker process", "w2": "sohoa, 2 worker processes"}
    print(f"{'run':28} {'seconds':>8} {'pages/min':>10} {'CPU s/page':>11}")
    for k, (wall, cpu) in runs.items():
        print(f"{labels[k]:28} {wall:8.1f} {ppm[k]:10.1f} {cpu / n:11.2f}")
    print(f"scaling 1 -> 2 workers: {ppm['w2'] / ppm['w1']:.2f}x (goal >= 1.8)")
    print(f"1 worker vs one plain loop: {ppm['w1'] / ppm['plain1']:.2f}; 2 workers vs two plain loops: "
          f"{ppm['w2'] / ppm['plain2']:.2f} (goal >= 0.85)")
    cpu_ratio = (runs["plain1"][1] / n) / (runs["w1"][1] / n)
    print(f"CPU per page, plain / sohoa: {cpu_ratio:.2f} (the same ratio, free of other load on the machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
