"""The `sohoa` console script (also `python -m ingest`): a plain ``sohoa ocr FILE...`` takes the quick
path of `ingest.cli.ocr` (no Typer, no Rich: scripts run it once per page), everything else goes to
the Typer app of `ingest.cli.app`.  Errors a person can fix are one line on stderr, never a traceback;
the exit status is an `ExitCode`."""

from __future__ import annotations

import os
import sys

from ingest.core.errors import ExitCode, SohoaError

# numpy's OpenBLAS starts a thread per core when it is imported, ~0.06 s of CPU on every call, for
# matrix work sohoa does not do; Tesseract's OpenMP threads are limited in `ingest.recognise.tesseract`.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    """Run the command line in ``sys.argv``."""
    from ingest.cli.ocr import quick, report

    args = sys.argv[1:]
    try:
        if args[:1] == ["ocr"]:
            status = quick(args[1:])
            if status is not None:
                raise SystemExit(status)
        from ingest.cli.app import app

        app()
    except SohoaError as exc:
        report(exc.message)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(ExitCode.INTERRUPTED) from None
    except Exception as exc:
        if os.environ.get("SOHOA_DEBUG"):
            raise
        print(f"internal error: {exc.__class__.__name__}: {exc}\n"
              "This is a bug in sohoa; rerun with SOHOA_DEBUG=1 for the details and report it.",
              file=sys.stderr)
        raise SystemExit(ExitCode.INTERNAL) from None
