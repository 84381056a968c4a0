"""The house rules of the code: the layers written in pyproject.toml hold (import-linter), the library
stays free of Celery, every module is small and says what it owns, the README's picture of the stage
packages is the one the contracts check, and `python -m ingest` is the command."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import ingest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400  # no module (tests' own helpers included) grows past this
PACKAGES = ("ingest", "workers", "schemas")


def _tracked_python_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in out.stdout.split()]


def _layers() -> list[list[str]]:
    """The layers contract's packages, top first; independent siblings of one layer side by side."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [[name.strip() for name in layer.split("|")] for layer in layers]


def test_the_import_contracts_hold():
    """Each stage imports only the stages below it, the page's stages do no I/O, nothing in ingest imports
    Celery, and no package has an import cycle (imports inside functions included)."""
    proc = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_ingest_does_not_import_celery():
    modules = [m.name for m in pkgutil.walk_packages(ingest.__path__, "ingest.")
               if "migrations" not in m.name and not m.name.endswith("__main__")]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = sorted(m for m in sys.modules if m == 'celery' or m.startswith('celery.'))\n"
            "print(len(bad))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0"
    assert "ingest.pipeline.document" in modules and "ingest.web.api" in modules


def test_no_module_is_over_the_line_limit():
    long = {str(p.relative_to(ROOT)): n for p in _tracked_python_files()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_every_module_says_what_it_owns():
    silent = [str(p.relative_to(ROOT)) for p in _tracked_python_files()
              if p.relative_to(ROOT).parts[0] in PACKAGES and "versions" not in p.parts
              and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not silent, f"modules without a docstring: {silent}"


def test_every_stage_package_is_a_layer():
    """A package of ingest/ that no contract names would be outside the rules."""
    named = {name for layer in _layers() for name in layer}
    packages = {f"ingest.{p.name}" for p in (ROOT / "ingest").iterdir() if (p / "__init__.py").exists()}
    assert packages == named


def test_the_readme_draws_the_layers_the_contracts_check():
    """The README's "How it is built" diagram lists the stage packages in the contracts' order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1]
    diagram = section.split("```", 2)[1]
    drawn = [re.findall(r"\bingest\.\w+", line) for line in diagram.splitlines()]
    assert [names for names in drawn if names] == _layers()


def test_python_dash_m_ingest_is_the_command():
    proc = subprocess.run([sys.executable, "-m", "ingest", "--help"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "ingest" in proc.stdout and "backfill" in proc.stdout
