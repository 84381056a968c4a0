"""What `sohoa ocr` does, and its quick start.

Scripts call `sohoa ocr PAGE` once per page, so the command's start-up is paid on every page: the
issue's budget is 1.5x the time of plain ``tesseract PAGE - -l vie``, which needs 0.2-1.2 s a page.
Typer and Rich cost ~0.1 s of CPU to import and set up, so the console script (`ingest.cli.main`)
hands a plain ``sohoa ocr [--json] [--repair/--no-repair] FILE...`` to :func:`quick` here, which
takes only files and those three flags; anything else (``--help``, an unknown option) still goes
through the Typer app, which shows the usage and the errors.  Both run :func:`run`, so the output
is the same either way."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ingest.core.errors import SohoaError

_FLAGS = {"--json", "--repair", "--no-repair"}


def read_file(path: Path) -> bytes:
    """The bytes of a scan, or a `SohoaError` saying what is wrong with the path."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise SohoaError(f"{path} does not exist; check the path") from exc
    except IsADirectoryError as exc:
        raise SohoaError(f"{path} is a folder; give the scan files themselves") from exc
    except PermissionError as exc:
        raise SohoaError(f"{path} cannot be read (permission denied)") from exc


def run(files: list[Path], *, as_json: bool = False, repair: bool = True) -> int:
    """OCR `files` in this process: their text on stdout (pages separated by a form feed), or an
    OcrResult (a list of them for several files) as JSON.  A file that cannot be read is reported
    on stderr and the others are still read; returns the exit status."""
    import threading

    from ingest.core.settings import get_settings
    from ingest.recognise.engine import get_engine

    settings = get_settings()

    def load_engine() -> None:
        try:
            get_engine(lang=settings.ocr_lang)
        except Exception:  # noqa: BLE001 - the page's own call reports it
            pass

    # Tesseract's model loads (~0.05 s, mostly outside the GIL) while the rest is imported
    threading.Thread(target=load_engine, daemon=True).start()
    from ingest.pipeline.read import ocr_bytes

    results, status = [], 0
    for path in files:
        try:
            results.append(ocr_bytes(read_file(path), path.name, settings, repair=repair))
        except SohoaError as exc:
            report(exc.message)
            status = exc.exit_code
    if as_json:
        payload = [r.model_dump(mode="json") for r in results]
        sys.stdout.write(json.dumps(payload[0] if len(files) == 1 and payload else payload,
                                    ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write("\f".join(r.text for r in results))
        sys.stdout.write("\n" if results else "")
    return status


def report(message: str) -> None:
    """An error line on stderr, red on a terminal."""
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[red]error:[/red] {escape(message)}")


def quick(args: list[str]) -> int | None:
    """Run ``sohoa ocr`` with `args` (what follows ``ocr``) if they are only files and the known
    flags; None if the Typer app should handle them (help, unknown options, no files)."""
    files = [a for a in args if a not in _FLAGS]
    if not files or any(a.startswith("-") for a in files):
        return None
    repair = True
    for a in args:
        if a in ("--repair", "--no-repair"):
            repair = a == "--repair"
    return run([Path(f) for f in files], as_json="--json" in args, repair=repair)
