"""Every field of the synthetic Decree 30 documents in tests/meta_synthetic/, read from their text
and from stored OCR results of their office-scan renderings, scored as the held-out benchmark scores
them."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ingest.metadata.extract import extract_from_result, extract_from_text
from schemas.ocr import OcrResult
from tests.meta_synthetic import CASES, score


@pytest.mark.parametrize("doc", CASES, ids=[c["name"] for c in CASES])
def test_every_field_of_a_synthetic_document(doc):
    hyp = extract_from_text(doc["text"]).model_dump()
    ref = doc["meta"]
    wrong = {f: (hyp.get(f), ref.get(f)) for f, v in score(ref, hyp).items() if v < 1}
    assert not wrong, "\n".join(f"{f}: got {g!r} want {w!r}" for f, (g, w) in wrong.items())


OCR_FIXTURES = Path(__file__).parent / "fixtures" / "meta_ocr"
BY_NAME = {c["name"]: c for c in CASES}


@pytest.mark.parametrize("path", sorted(OCR_FIXTURES.glob("*.json.gz")), ids=lambda p: p.name.split(".")[0])
def test_every_field_of_a_synthetic_office_scan(path):
    """The layout path, on `sohoa ocr --json` of synthetic documents printed as office scans
    (`bench/bench_meta.py --render DIR --office`), stored so no OCR runs here."""
    doc = BY_NAME[path.name.split(".")[0]]
    result = OcrResult.model_validate_json(gzip.decompress(path.read_bytes()))
    hyp = extract_from_result(result).model_dump()
    ref = doc["meta"]
    wrong = {f: (hyp.get(f), ref.get(f)) for f, v in score(ref, hyp).items() if v < 1}
    assert not wrong, "\n".join(f"{f}: got {g!r} want {w!r}" for f, (g, w) in wrong.items())
