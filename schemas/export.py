"""Write the JSON Schema of every boundary model next to this file: `python -m schemas.export`.
tests/test_schemas.py fails when the files drift from the models."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas.api import DocumentMetadata, DocumentOut, SearchFilters, SearchResults, Submission
from schemas.dossier import DossierIn, DossierLink, DossierOut, ImportReport
from schemas.ocr import OcrResult
from schemas.report import Report
from schemas.tasks import PageOutcome

MODELS: list[type[BaseModel]] = [OcrResult, DocumentMetadata, DocumentOut, Submission, SearchFilters,
                                 SearchResults, DossierIn, DossierOut, DossierLink, ImportReport, PageOutcome,
                                 Report]
HERE = Path(__file__).parent


def rendered() -> dict[Path, str]:
    """Each model's schema file and its text."""
    return {HERE / f"{m.__name__}.schema.json": json.dumps(m.model_json_schema(), ensure_ascii=False,
                                                           indent=2, sort_keys=True) + "\n"
            for m in MODELS}


def main() -> int:
    for path, text in rendered().items():
        path.write_text(text, encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
