"""Commands that read files in this process, without a queue or a database: `sohoa ocr` (when it is not
taken by the quick path of `ingest.cli.ocr`: help, unknown options), `sohoa extract`, `sohoa restore`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.ocr import read_file

__all__ = ["extract", "ocr", "restore"]


class RestoreMode(StrEnum):
    """What `sohoa restore` is given."""

    STRIPPED = "stripped"  # text typed without marks
    OCR = "ocr"            # text read by an OCR engine that knows no Vietnamese


def ocr(files: Annotated[list[Path], typer.Argument(help="PDF, TIFF, PNG or JPEG scans")],
        as_json: Annotated[bool, typer.Option("--json", help="print an OcrResult as JSON")] = False,
        repair: Annotated[bool, typer.Option(help="polish unsure words with the Vietnamese model")] = True
        ) -> None:
    """OCR files in this process (no queue): text on stdout, pages separated by a form feed."""
    from ingest.cli.ocr import run

    raise typer.Exit(run(files, as_json=as_json, repair=repair))


def extract(file: Annotated[Path, typer.Argument(help="a scan (PDF, TIFF, PNG, JPEG) or a .txt of its text")]
            ) -> None:
    """Print the document's metadata (Decree 30 fields) as DocumentMetadata JSON."""
    from ingest.core.settings import get_settings
    from ingest.metadata.extract import extract_from_result, extract_from_text

    data = read_file(file)
    if file.suffix.lower() == ".txt":
        meta = extract_from_text(data.decode("utf-8", "replace"))
    else:
        from ingest.pipeline.read import ocr_bytes

        meta = extract_from_result(ocr_bytes(data, file.name, get_settings()))
    sys.stdout.write(meta.model_dump_json(indent=1) + "\n")


def restore(mode: Annotated[RestoreMode, typer.Option(help="stripped: text typed without marks; "
                                                           "ocr: text from a non-Vietnamese OCR engine")]
            = RestoreMode.STRIPPED) -> None:
    """Repair Vietnamese text from stdin, line for line, to stdout."""
    from ingest import vietnamese

    fn = vietnamese.restore if mode == RestoreMode.STRIPPED else vietnamese.repair_ocr
    sys.stdout.write(fn(sys.stdin.read()))
