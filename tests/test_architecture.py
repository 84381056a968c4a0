"""The pipeline library stays free of Celery; every module imports cleanly."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import ingest


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
