#!/usr/bin/env python3
"""Throughput of the whole system: pages per minute through the queue with 1 and 2 worker
processes, against plain Tesseract on the same pages in a loop (the overhead of everything else).

  .venv/bin/python bench/bench_throughput.py [--root ../shared/bench/dev/docs] [--variant office] [--rounds 4]

Each round runs the four configurations one after another, in the opposite order every other round
(plain 1, plain 2, sohoa 1, sohoa 2; then sohoa 2, sohoa 1, plain 2, plain 1), so that a machine
slowly getting faster or slower favours neither side. A VM's speed drifts by ~10 % within
minutes: the ratios are taken within each round, between runs a minute apart, and their medians
over the rounds are the figures (pages/minute are medians too). A sohoa run lasts from launching
`sohoa ingest` until the last document's recorded finish (no polling delay is counted).

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
    from sqlalchemy import func

    from ingest.core.settings import Settings
    from ingest.store.db import session_factory
    from ingest.store.models import Document, utcnow

    settings = Settings(home=home, database_url=env.get("SOHOA_DATABASE_URL", ""))
    sohoa = [sys.executable, "-m", "ingest"]
    subprocess.run([*sohoa, "db", "upgrade"], env=env, check=True, capture_output=True)
    worker = CeleryWorker(env, home / "worker.log", concurrency=workers).start()
    try:
        time.sleep(3)  # the pool's processes finish loading their models
        cpu0, client0 = group_cpu(worker.proc.pid), children_cpu()
        launched = utcnow()  # the clock the workers record finish times in
        subprocess.run([*sohoa, "ingest", *map(str, pages)], env=env, check=True, capture_output=True)
        sessions = session_factory(settings.database_url)
        while True:  # waits for the end; when it came is read from the documents' finish times
            with sessions() as s:
                left = s.query(Document).filter(Document.status.in_(("queued", "processing"))).count()
            if not left:
                break
            time.sleep(0.5)
        cpu = group_cpu(worker.proc.pid) - cpu0 + children_cpu() - client0
        with sessions() as s:
            failed = s.query(Document).filter(Document.status == "failed").count()
            finished = s.query(func.max(Document.finished_at)).scalar()
        elapsed = (finished - launched).total_seconds()
        if failed:
            print(f"warning: {failed} document(s) failed", file=sys.stderr)
        return elapsed, cpu
    finally:
        worker.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "bench" / "dev" / "docs"))
    ap.add_argument("--variant", default="office,clean,lowres", help="comma-separated scan variants")
    ap.add_argument("--rounds", type=int, default=4,
                    help="rounds of the four runs (every other one in reverse order); medians are printed")
    a = ap.parse_args()
    pages = pages_of(Path(a.root), a.variant)
    n = len(pages)
    print(f"{n} pages ({a.variant}) from {a.root}, {a.rounds} round(s)")
    rounds: dict[str, list[tuple[float, float]]] = {"plain1": [], "plain2": [], "w1": [], "w2": []}
    runs = {"plain1": lambda: plain_tesseract(pages, 1), "plain2": lambda: plain_tesseract(pages, 2),
            "w1": lambda: through_queue(pages, 1, "w1"), "w2": lambda: through_queue(pages, 2, "w2")}
    ratios: dict[str, list[float]] = {"scaling": [], "plain_scaling": [], "vs_plain1": [], "vs_plain2": []}
    for r in range(a.rounds):
        for k in runs if r % 2 == 0 else reversed(runs):
            rounds[k].append(runs[k]())
        w = {k: v[-1][0] for k, v in rounds.items()}
        ratios["scaling"].append(w["w1"] / w["w2"])
        ratios["plain_scaling"].append(w["plain1"] / w["plain2"])
        ratios["vs_plain1"].append(w["plain1"] / w["w1"])
        ratios["vs_plain2"].append(w["plain2"] / w["w2"])
        print(f"round {r + 1}: seconds plain1 {w['plain1']:.1f} plain2 {w['plain2']:.1f} w1 {w['w1']:.1f} "
              f"w2 {w['w2']:.1f}; scaling {ratios['scaling'][-1]:.2f} (plain's own "
              f"{ratios['plain_scaling'][-1]:.2f}), w1/plain1 {ratios['vs_plain1'][-1]:.2f}, "
              f"w2/plain2 {ratios['vs_plain2'][-1]:.2f}", flush=True)
    ratio = {k: statistics.median(v) for k, v in ratios.items()}
    medians = {k: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v))
               for k, v in rounds.items()}
    labels = {"plain1": "plain tesseract, one loop", "plain2": "plain tesseract, two loops",
              "w1": "sohoa, 1 worker process", "w2": "sohoa, 2 worker processes"}
    print(f"{'run (medians)':28} {'seconds':>8} {'pages/min':>10} {'CPU s/page':>11}")
    for k, (wall, cpu) in medians.items():
        print(f"{labels[k]:28} {wall:8.1f} {n / wall * 60:10.1f} {cpu / n:11.2f}")
    print(f"scaling 1 -> 2 workers: {ratio['scaling']:.2f}x (goal >= 1.8; plain Tesseract's own on this "
          f"machine: {ratio['plain_scaling']:.2f}x)")
    print(f"1 worker vs one plain loop: {ratio['vs_plain1']:.2f}; 2 workers vs two plain loops: "
          f"{ratio['vs_plain2']:.2f} (goal >= 0.85)")
    print("(medians over the rounds of the ratios within each round)")
    cpu_ratio = (medians["plain1"][1] / n) / (medians["w1"][1] / n)
    print(f"CPU per page, plain / sohoa: {cpu_ratio:.2f} (the same ratio, free of other load on the machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
