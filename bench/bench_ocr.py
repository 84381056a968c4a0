#!/usr/bin/env python3
"""OCR benchmark: plain Tesseract against sohoa's page preparation + Tesseract, per variant.

For every page of ``--root`` (default ../shared/bench/dev/docs) and variant it runs
``OMP_THREAD_LIMIT=1 tesseract IMG - -l vie`` and our path (``ingest.preprocess.prepare`` then
Tesseract with the recommended config and, unless ``--no-junk``, ``ingest.layout.drop_junk``),
scores both with the shared ``evalkit`` (bag error and CER) and prints a side-by-side table with
pages per second and the time ratio.  One Tesseract at a time, single-threaded.

  .venv/bin/python bench/bench_ocr.py [--variants clean,skewed] [--cache /tmp/plain] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

import cv2
import pytesseract
from PIL import Image

os.environ["OMP_THREAD_LIMIT"] = "1"
REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_ROOT = REPO.parent / "shared" / "bench" / "dev" / "docs"
VARIANTS = ["clean", "office", "skewed", "rotated", "lowres", "photocopy"]

from ingest import layout, preprocess  # noqa: E402


def load_evalkit(root: pathlib.Path):
    """The shared scoring module (``score/evalkit.py`` next to the bench's ``dev`` folder)."""
    for parent in [root, *root.parents]:
        if (parent / "score" / "evalkit.py").is_file():
            sys.path.insert(0, str(parent / "score"))
            import evalkit

            return evalkit
    raise SystemExit(f"score/evalkit.py not found above {root}")


def pages(root: pathlib.Path, variants: list[str]) -> Iterator[tuple[str, str, pathlib.Path, str]]:
    for doc in sorted(p for p in root.iterdir() if p.is_dir()):
        for v in variants:
            vdir = doc / v
            if not vdir.is_dir():
                continue
            for img in sorted(vdir.iterdir()):
                if img.suffix.lower() not in {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pgm"}:
                    continue
                gt = doc / "gt" / (img.stem + ".txt")
                yield doc.name, v, img, gt.read_text(encoding="utf-8")


def run_plain(img: pathlib.Path, cache: pathlib.Path | None) -> tuple[str, float]:
    key = None
    if cache:
        key = cache / (str(img).replace("/", "_") + f".{int(img.stat().st_mtime)}.json")
        if key.is_file():
            d = json.loads(key.read_text(encoding="utf-8"))
            return d["text"], d["sec"]
    t = time.perf_counter()
    p = subprocess.run(["tesseract", str(img), "-", "-l", "vie"], capture_output=True, text=True)
    dt = time.perf_counter() - t
    if key:
        cache.mkdir(parents=True, exist_ok=True)
        key.write_text(json.dumps({"text": p.stdout, "sec": dt}), encoding="utf-8")
    return p.stdout, dt


def file_dpi(img: pathlib.Path) -> float | None:
    with Image.open(img) as im:
        dpi = im.info.get("dpi")
    return float(dpi[0]) if dpi else None


def run_ours(img: pathlib.Path, config: str, junk: bool) -> tuple[str, float, preprocess.Prepared]:
    t = time.perf_counter()
    gray = cv2.imread(str(img), cv2.IMREAD_GRAYSCALE)
    prep = preprocess.prepare(gray, dpi=file_dpi(img))
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "page.pgm"  # uncompressed: PNG encoding costs ~0.2 s a page
        cv2.imwrite(str(path), prep.image)
        if junk:
            tsv = pytesseract.image_to_data(str(path), lang="vie", config=config)
            text = layout.to_text(layout.drop_junk(layout.words_from_tsv(tsv)))
        else:
            text = pytesseract.image_to_string(str(path), lang="vie", config=config)
    return text, time.perf_counter() - t, prep


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=pathlib.Path, default=DEFAULT_ROOT)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--config", default=layout.TESSERACT_CONFIG, help="extra tesseract arguments for ours")
    ap.add_argument("--no-junk", dest="junk", action="store_false", help="plain text output, no junk filter")
    ap.add_argument("--cache", type=pathlib.Path, help="folder caching plain tesseract results")
    ap.add_argument("--json", dest="json_out", type=pathlib.Path)
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    evalkit = load_evalkit(a.root.resolve())
    variants = a.variants.split(",")
    rows = []
    for doc, v, img, gt in pages(a.root, variants):
        base_text, base_sec = run_plain(img, a.cache)
        text, sec, prep = run_ours(img, a.config, a.junk)
        row = {"doc": doc, "variant": v, "page": img.name, "rotation": prep.rotation, "skew": prep.skew,
               "scale": prep.scale, "flattened": prep.flattened,
               "ours": {"bag": evalkit.bag_error(text, gt), "cer": evalkit.cer(text, gt), "sec": sec},
               "plain": {"bag": evalkit.bag_error(base_text, gt), "cer": evalkit.cer(base_text, gt),
                         "sec": base_sec}}
        rows.append(row)
        if not a.quiet:
            o, p = row["ours"], row["plain"]
            print(f"{doc} {v} {img.name}: ours bag {o['bag']:.4f} cer {o['cer']:.4f} {o['sec']:.2f}s"
                  f" | plain bag {p['bag']:.4f} cer {p['cer']:.4f} {p['sec']:.2f}s"
                  f" | rot {prep.rotation} skew {prep.skew} scale {prep.scale}", file=sys.stderr, flush=True)
    print_table(rows, variants)
    if a.json_out:
        a.json_out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def print_table(rows: list[dict], variants: list[str]) -> None:
    print(f"{'variant':10} {'pages':>5} {'plain_bag':>9} {'ours_bag':>9} {'plain_cer':>9} {'ours_cer':>9}"
          f" {'plain_p/s':>9} {'ours_p/s':>9} {'time_x':>6} {'worse':>5}")
    for v in [*variants, "ALL"]:
        rs = [r for r in rows if v == "ALL" or r["variant"] == v]
        if not rs:
            continue
        n = len(rs)

        def mean(who: str, key: str, rs: list[dict] = rs, n: int = n) -> float:
            return sum(r[who][key] for r in rs) / n

        worse = sum(1 for r in rs if r["ours"]["bag"] > r["plain"]["bag"] + 1e-9)
        ps, os_ = mean("plain", "sec"), mean("ours", "sec")
        print(f"{v:10} {n:5d} {mean('plain', 'bag'):9.4f} {mean('ours', 'bag'):9.4f}"
              f" {mean('plain', 'cer'):9.4f} {mean('ours', 'cer'):9.4f}"
              f" {1 / ps:9.2f} {1 / os_:9.2f} {os_ / ps:6.2f} {worse:5d}")


if __name__ == "__main__":
    sys.exit(main())
