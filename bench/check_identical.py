#!/usr/bin/env python3
"""Does the code still give byte-identical outputs? For restructuring that must not change behaviour.

    python bench/check_identical.py --baseline REV [--bench ../shared/bench] [--jobs 2]

Runs the `sohoa` command of git revision REV (checked out in a temporary worktree) and of the working
tree on the same inputs, and compares their standard output byte for byte:

- ``sohoa ocr --json PAGE`` for every page image of ``dev/docs/*/<variant>/`` (60 pages) and of
  ``real/ocr/*/scan/``;
- ``sohoa restore --mode stripped`` of each dev ground truth with its marks removed, and
  ``sohoa restore --mode ocr`` of each legacy-OCR dev page;
- ``sohoa extract PDF`` of each dev and real ``*_office.pdf``.

Each side's outputs are kept under ``bench/out/identical/<side>/`` (REV's are reused on a second run:
delete the folder to record them again). Prints one line per differing output and a summary; the exit
status is 0 when every output is identical, 1 otherwise. Each side's `sohoa` is the console script its
``pyproject.toml`` names, run from that tree's sources.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "identical"
VARIANTS = ("clean", "lowres", "office", "photocopy", "rotated", "skewed")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
TIMEOUT_S = 600


@dataclass(frozen=True)
class Case:
    """One output: where it is kept, the `sohoa` arguments that make it, and its standard input."""

    name: str
    args: tuple[str, ...]
    stdin: str | None = None


def strip_marks(text: str) -> str:
    """Text with every Vietnamese mark removed (đ written d), as a person typing without them."""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def cases(bench: pathlib.Path) -> list[Case]:
    """Every output compared, in a fixed order."""
    found: list[Case] = []
    dev = bench / "dev"
    for doc in sorted((dev / "docs").iterdir()):
        for variant in VARIANTS:
            for page in sorted((doc / variant).glob("page_*")):
                if page.suffix.lower() in IMAGE_SUFFIXES:
                    found.append(Case(f"ocr/{doc.name}/{variant}/{page.stem}.json",
                                      ("ocr", "--json", str(page))))
    for page in sorted((bench / "real" / "ocr").glob("*/scan/page_*")):
        found.append(Case(f"ocr/real/{page.parent.parent.name}/{page.stem}.json",
                          ("ocr", "--json", str(page))))
    for truth in sorted((dev / "docs").glob("*/gt/full.txt")):
        found.append(Case(f"restore/stripped/{truth.parent.parent.name}.txt",
                          ("restore", "--mode", "stripped"), strip_marks(truth.read_text(encoding="utf-8"))))
    for page in sorted((dev / "legacy_ocr").glob("*/*.txt")):
        found.append(Case(f"restore/ocr/{page.parent.name}/{page.stem}.txt", ("restore", "--mode", "ocr"),
                          page.read_text(encoding="utf-8")))
    pdfs = [*(dev / "docs").glob("*/*_office.pdf"), *(bench / "real" / "docs").glob("*/*_office.pdf")]
    for pdf in sorted(pdfs):
        found.append(Case(f"extract/{pdf.parent.parent.parent.name}/{pdf.stem}.json", ("extract", str(pdf))))
    return found


def launcher(tree: pathlib.Path) -> list[str]:
    """A command that runs the `sohoa` console script of `tree` from that tree's sources."""
    project = tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    module, _, function = project["scripts"]["sohoa"].partition(":")
    code = (f"import sys; sys.path.insert(0, {str(tree)!r}); sys.argv[0] = 'sohoa'; "
            f"from {module} import {function} as main; main()")
    return [sys.executable, "-c", code]


def record(tree: pathlib.Path, folder: pathlib.Path, todo: list[Case], jobs: int) -> None:
    """Run every case with `tree`'s `sohoa` and keep stdout in `folder` (stderr beside it on failure)."""
    command = launcher(tree)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(tree)}

    def run(case: Case) -> None:
        target = folder / case.name
        target.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([*command, *case.args], input=(case.stdin or "").encode("utf-8"),
                              capture_output=True, env=env, cwd=tree, timeout=TIMEOUT_S, check=False)
        target.write_bytes(proc.stdout + (b"" if proc.returncode == 0 else
                                          f"\n[exit {proc.returncode}]\n".encode() + proc.stderr))

    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for n, _ in enumerate(pool.map(run, todo), start=1):
            print(f"\r{folder.name}: {n}/{len(todo)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def _shared_bench() -> pathlib.Path | None:
    """The shared benchmark folder beside this checkout (or beside a folder holding it)."""
    return next((p / "shared" / "bench" for p in ROOT.parents if (p / "shared" / "bench").is_dir()), None)


def worktree(rev: str) -> pathlib.Path:
    """A temporary checkout of `rev` (removed by the caller with `git worktree remove`)."""
    place = pathlib.Path(tempfile.mkdtemp(prefix="sohoa-identical-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(place), rev], check=True,
                   capture_output=True)
    return place


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", required=True, help="git revision whose outputs are the reference")
    ap.add_argument("--bench", type=pathlib.Path, default=_shared_bench(),
                    help="folder holding dev/ and real/ (default: the nearest ../shared/bench)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args()
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", a.baseline], check=True,
                         capture_output=True, text=True).stdout.strip()
    todo = cases(a.bench)
    before, after = OUT / rev, OUT / "worktree"
    if not all((before / c.name).exists() for c in todo):
        tree = worktree(rev)
        try:
            record(tree, before, todo, a.jobs)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
            shutil.rmtree(tree.parent, ignore_errors=True)
    shutil.rmtree(after, ignore_errors=True)
    record(ROOT, after, todo, a.jobs)
    differ = [c.name for c in todo if (before / c.name).read_bytes() != (after / c.name).read_bytes()]
    for name in differ:
        print(f"differs: {name}  (diff {before / name} {after / name})")
    kinds = sorted({c.name.split("/")[0] for c in todo})
    counts = ", ".join(f"{sum(c.name.startswith(k + '/') for c in todo)} {k}" for k in kinds)
    print(f"{len(todo) - len(differ)} of {len(todo)} outputs identical to {rev} ({counts})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
