"""Training pairs for the OCR-confusion model: corpus text rendered to page images and read back by
an OCR engine that knows no Vietnamese (`tesseract -l eng`), the way legacy archive text layers were
made. Then word pairs (what was printed, what the engine read) are collected from lines that align.

    python -m ingest.vietnamese.repair.pairs --pages 200 --work /tmp/vn_synth   # render + OCR
    python -m ingest.vietnamese.repair.pairs --collect --work /tmp/vn_synth       # -> data/ocr_pairs.tsv

Uses only the shared corpus (never the benchmark's ground truth). One tesseract process at a time,
`OMP_THREAD_LIMIT=1`.
"""

from __future__ import annotations

import argparse
import collections
import lzma
import os
import pathlib
import random
import re
import subprocess
import sys

from ..lm.model import DATA
from ..orthography import nfc, place_tone

CORPUS = pathlib.Path("/work/shared/corpus")
FONTS = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
]
_PUNCT_EDGE = re.compile(r"^([(\"“'‘\[]*)(.*?)([)\]\"”’',.;:!…]*)$")


def sample_paragraphs(rng: random.Random, n: int) -> list[str]:
    """About n paragraphs: mostly legal/administrative text, some Wikipedia."""
    out: list[str] = []
    for name, share, stride in (("vn_legal_phapdien.txt.xz", 0.6, 97), ("vn_admin_docs.txt.xz", 0.2, 3),
                                ("viwiki.txt.xz", 0.2, 211)):
        want = int(n * share)
        got = 0
        with lzma.open(CORPUS / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                line = nfc(line.strip())
                if len(line) < 60 or line.startswith("==") or (i + rng.randrange(stride)) % stride:
                    continue
                out.append(line[:900])
                got += 1
                if got >= want:
                    break
    rng.shuffle(out)
    return out


def render_page(lines: list[str], font_path: str, size: int, path: pathlib.Path, rng: random.Random) -> None:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path, size)
    y = 200
    for line in lines:
        draw.text((220, y), line, font=font, fill=0)
        y += int(size * 1.45)
    if rng.random() < 0.7:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9)))
    if rng.random() < 0.5:
        img = img.rotate(rng.uniform(-0.7, 0.7), fillcolor=255)
    img.save(path)


def wrap(text: str, font_path: str, size: int, width: int) -> list[str]:
    from PIL import ImageFont

    font = ImageFont.truetype(font_path, size)
    lines, cur = [], ""
    for w in text.split():
        cand = f"{cur} {w}" if cur else w
        if font.getlength(cand) > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


def make_pages(work: pathlib.Path, pages: int, seed: int) -> None:
    rng = random.Random(seed)
    work.mkdir(parents=True, exist_ok=True)
    paras = sample_paragraphs(rng, pages * 15)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    pi = 0
    for page in range(pages):
        gt_path = work / f"p{page:04d}.gt.txt"
        if (work / f"p{page:04d}.ocr.txt").exists():
            continue
        font = FONTS[0] if rng.random() < 0.7 else rng.choice(FONTS[1:])
        size = rng.choice((50, 54, 58))
        lines: list[str] = []
        while len(lines) < 36 and pi < len(paras):
            para = paras[pi]
            pi += 1
            if rng.random() < 0.12:
                para = para[:120].upper()
            lines += wrap(para, font, size, 2040)
        lines = lines[:36]
        img = work / f"p{page:04d}.png"
        render_page(lines, font, size, img, rng)
        gt_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        res = subprocess.run(["tesseract", str(img), "stdout", "-l", "eng", "--psm", "6"],
                             capture_output=True, text=True, env=env)
        (work / f"p{page:04d}.ocr.txt").write_text(res.stdout, encoding="utf-8")
        img.unlink()
        print(f"page {page}", file=sys.stderr, flush=True)


def split_edges(tok: str) -> tuple[str, str, str]:
    m = _PUNCT_EDGE.match(tok)
    assert m
    return m.group(1), m.group(2), m.group(3)


def collect(works: list[pathlib.Path]) -> collections.Counter[tuple[str, str]]:
    """(ocr word, printed word) pairs, lower case, from lines with equal word counts."""
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    for gt_path in sorted(p for work in works for p in work.glob("*.gt.txt")):
        ocr_path = gt_path.with_name(gt_path.name.replace(".gt.", ".ocr."))
        if not ocr_path.exists():
            continue
        gl = [x for x in gt_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        ol = [x for x in ocr_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        if len(gl) != len(ol):
            continue
        for g, o in zip(gl, ol, strict=True):
            gw, ow = g.split(), o.split()
            if len(gw) != len(ow):
                continue
            for a, b in zip(gw, ow, strict=True):
                core_g = split_edges(a)[1].lower()
                core_o = split_edges(b)[1].lower()
                if core_g and core_o and core_g.isalpha():
                    pairs[(core_o, place_tone(core_g))] += 1
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", default="/tmp/vn_synth", help="work folder (--collect: comma-separated list)")
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--collect", action="store_true")
    ap.add_argument("--out", type=pathlib.Path, default=DATA / "ocr_pairs.tsv")
    a = ap.parse_args(argv)
    if not a.collect:
        make_pages(pathlib.Path(a.work), a.pages, a.seed)
        return 0
    pairs = collect([pathlib.Path(w) for w in a.work.split(",")])
    rows = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    a.out.write_text("".join(f"{o}\t{g}\t{c}\n" for (o, g), c in rows), encoding="utf-8")
    print(f"{len(rows):,} distinct pairs, {sum(pairs.values()):,} words -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
