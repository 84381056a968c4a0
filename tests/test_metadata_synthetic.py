"""Every field of the synthetic Decree 30 documents in tests/meta_synthetic.py, read from their text,
scored as the held-out benchmark scores them."""

from __future__ import annotations

import pytest

from ingest.metadata import extract_from_text
from tests.meta_synthetic import CASES, score


@pytest.mark.parametrize("doc", CASES, ids=[c["name"] for c in CASES])
def test_every_field_of_a_synthetic_document(doc):
    hyp = extract_from_text(doc["text"]).model_dump()
    ref = doc["meta"]
    wrong = {f: (hyp.get(f), ref.get(f)) for f, v in score(ref, hyp).items() if v < 1}
    assert not wrong, "\n".join(f"{f}: got {g!r} want {w!r}" for f, (g, w) in wrong.items())
