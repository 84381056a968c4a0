#!/usr/bin/env python3
"""OCR benchmark: plain Tesseract against sohoa's page reading, per variant.

``--synth DIR`` first writes degraded copies of the ``clean`` pages that the dev set lacks but the
held-out set has (``dim``: dim, unevenly lit page; ``phone``: phone photo with perspective, shadow
and JPEG; ``fax``: 150 dpi bilevel fax as a G4 TIFF) into DIR, laid out like the dev set (so the
shared ``eval_ocr.py --root DIR --variants dim,phone,fax`` also runs on them), and benchmarks those.

For every page of ``--root`` (default ../shared/bench/dev/docs) and variant it runs
``OMP_THREAD_LIMIT=1 tesseract IMG - -l vie`` and our path (``ingest.recognise.recognise_page``, what
``sohoa ocr`` runs, in this process; with ``--tesseract-only``, ``ingest.prepare.page.prepare`` then one
Tesseract call with the recommended config and, unless ``--no-junk``, ``ingest.recognise.junk.drop_junk``),
scores both with the shared ``evalkit`` (bag error and CER) and prints a side-by-side table with
pages per second and the time ratio.  One Tesseract at a time, single-threaded.

  .venv/bin/python bench/bench_ocr.py [--variants clean,skewed] [--cache /tmp/plain] [--json out.json]
  .venv/bin/python bench/bench_ocr.py --synth /tmp/synth        # dim, phone and fax pages
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
import numpy as np
import pytesseract
from PIL import Image

os.environ["OMP_THREAD_LIMIT"] = "1"
REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_ROOT = REPO.parent / "shared" / "bench" / "dev" / "docs"
VARIANTS = ["clean", "office", "skewed", "rotated", "lowres", "photocopy"]
SYNTH_VARIANTS = ["dim", "phone", "fax"]

from ingest.prepare.page import Prepared, prepare  # noqa: E402
from ingest.recognise.orientation import detect_orientation  # noqa: E402
from ingest.recognise.tesseract import TESSERACT_CONFIG  # noqa: E402


def load_evalkit(root: pathlib.Path):
    """The shared scoring module (``score/evalkit.py`` next to the bench's ``dev`` folder)."""
    for parent in [root, *root.parents]:
        if (parent / "score" / "evalkit.py").is_file():
            sys.path.insert(0, str(parent / "score"))
            import evalkit

            return evalkit
    raise SystemExit(f"score/evalkit.py not found above {root}")


def dim(gray: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Paper from ~150 down to ~55 across the page (a lamp on one side), ink ~25, sensor noise."""
    h, w = gray.shape
    across = np.linspace(150, 55, w, dtype=np.float32)[None, :]
    light = across * np.linspace(1.0, 0.85, h, dtype=np.float32)[:, None]
    out = 25 + gray.astype(np.float32) / 255.0 * (light - 25)
    out += rng.normal(0, 3, gray.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def phone(gray: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The page on a dark desk seen at an angle by a ~12 MP phone: perspective, shadow falling
    across, a little blur and noise, JPEG quality 75."""
    h, w = gray.shape
    cw, ch = 2600, 3400
    j = rng.uniform(-60, 60, (4, 2)).astype(np.float32)
    dst = np.float32([[220, 200], [cw - 260, 260], [cw - 180, ch - 220], [180, ch - 160]]) + j
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), dst)
    out = cv2.warpPerspective(gray, m, (cw, ch), flags=cv2.INTER_AREA, borderValue=60).astype(np.float32)
    out *= np.linspace(1.0, 0.6, cw, dtype=np.float32)[None, :]  # shadow falling across
    out *= np.linspace(0.95, 1.0, ch, dtype=np.float32)[:, None]
    out = cv2.GaussianBlur(out, (0, 0), 0.8) + rng.normal(0, 2.5, out.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def fax(gray: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """150 dpi bilevel: halved, a slight tilt, thresholded, a few flipped pixels."""
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA).astype(np.float32)
    h, w = small.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-0.6, 0.6)), 1.0)
    small = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    small += rng.normal(0, 12, small.shape).astype(np.float32)
    out = np.where(small < 150, 0, 255).astype(np.uint8)
    flip = rng.random(out.shape) < 3e-4
    out[flip] = 255 - out[flip]
    return out


def make_synthetic(root: pathlib.Path, dest: pathlib.Path) -> None:
    """Write dim/phone/fax variants of every clean page of ``root`` under ``dest`` (same layout,
    ``gt`` linked), once: existing files are kept."""
    for doc in sorted(p for p in root.iterdir() if (p / "clean").is_dir()):
        out = dest / doc.name
        out.mkdir(parents=True, exist_ok=True)
        if not (out / "gt").exists():
            (out / "gt").symlink_to((doc / "gt").resolve())
        for img in sorted((doc / "clean").glob("*.png")):
            seed = sum(img.stem.encode()) + sum(doc.name.encode())
            gray = cv2.imread(str(img), cv2.IMREAD_GRAYSCALE)
            for name in SYNTH_VARIANTS:
                (out / name).mkdir(exist_ok=True)
                target = out / name / (img.stem + {"dim": ".png", "phone": ".jpg", "fax": ".tif"}[name])
                if target.exists():
                    continue
                page = {"dim": dim, "phone": phone, "fax": fax}[name](gray, np.random.default_rng(seed))
                if name == "dim":
                    Image.fromarray(page).save(target, dpi=(300, 300))
                elif name == "phone":
                    Image.fromarray(page).save(target, quality=75, dpi=(72, 72))
                else:
                    Image.fromarray(page).convert("1").save(target, compression="group4", dpi=(150, 150))


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


def run_pipeline(img: pathlib.Path) -> tuple[str, float, dict]:
    """What `sohoa ocr` does to the page (ingest.recognise.recognise_page: preparation, Tesseract,
    second passes, junk filter, Vietnamese repair), in this process."""
    from ingest.core.settings import get_settings
    from ingest.intake import checks as intake
    from ingest.raster import render as raster
    from ingest.recognise.page import recognise_page

    settings = get_settings()
    t = time.perf_counter()
    data = img.read_bytes()
    info = intake.inspect(data, img.name, settings)
    page = raster.render_page(data, info.mime, 1, dpi=settings.raster_dpi,
                              max_pixels=settings.max_page_pixels)
    ocr_page, _ = recognise_page(page, lang=settings.ocr_lang)
    return ocr_page.text, time.perf_counter() - t, {"rotation": ocr_page.rotation, "skew": ocr_page.skew}


def run_ours(img: pathlib.Path, config: str, junk: bool) -> tuple[str, float, Prepared]:
    t = time.perf_counter()
    gray = cv2.imread(str(img), cv2.IMREAD_GRAYSCALE)
    prep = prepare(gray, dpi=file_dpi(img), osd=detect_orientation)
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "page.pgm"  # uncompressed: PNG encoding costs ~0.2 s a page
        cv2.imwrite(str(path), prep.image)
        if junk:
            tsv = pytesseract.image_to_data(str(path), lang="vie", config=config)
            text = junk.to_text(junk.drop_junk(junk.words_from_tsv(tsv)))
        else:
            text = pytesseract.image_to_string(str(path), lang="vie", config=config)
    return text, time.perf_counter() - t, prep


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=pathlib.Path, default=DEFAULT_ROOT)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--config", default=TESSERACT_CONFIG, help="extra tesseract arguments for ours")
    ap.add_argument("--no-junk", dest="junk", action="store_false", help="plain text output, no junk filter")
    ap.add_argument("--cache", type=pathlib.Path, help="folder caching plain tesseract results")
    ap.add_argument("--json", dest="json_out", type=pathlib.Path)
    ap.add_argument("--synth", type=pathlib.Path, help="write dim/phone/fax pages here and bench them")
    ap.add_argument("--tesseract-only", action="store_true",
                    help="ours = prepare + one Tesseract call (--config, --no-junk), not the whole pipeline")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    evalkit = load_evalkit(a.root.resolve())
    variants = a.variants.split(",")
    if a.synth:
        make_synthetic(a.root, a.synth)
        a.root = a.synth
        variants = [v for v in variants if v in SYNTH_VARIANTS] or SYNTH_VARIANTS
    rows = []
    for doc, v, img, gt in pages(a.root, variants):
        base_text, base_sec = run_plain(img, a.cache)
        if a.tesseract_only:
            text, sec, prep = run_ours(img, a.config, a.junk)
            info = {"rotation": prep.rotation, "skew": prep.skew, "scale": prep.scale}
        else:
            text, sec, info = run_pipeline(img)
        row = {"doc": doc, "variant": v, "page": img.name, **info,
               "ours": {"bag": evalkit.bag_error(text, gt), "cer": evalkit.cer(text, gt), "sec": sec},
               "plain": {"bag": evalkit.bag_error(base_text, gt), "cer": evalkit.cer(base_text, gt),
                         "sec": base_sec}}
        rows.append(row)
        if not a.quiet:
            o, p = row["ours"], row["plain"]
            print(f"{doc} {v} {img.name}: ours bag {o['bag']:.4f} cer {o['cer']:.4f} {o['sec']:.2f}s"
                  f" | plain bag {p['bag']:.4f} cer {p['cer']:.4f} {p['sec']:.2f}s"
                  f" | rot {info['rotation']} skew {info['skew']}", file=sys.stderr, flush=True)
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
