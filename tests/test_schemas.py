"""The exported JSON Schema files are exactly what the pydantic models say (run
`python -m schemas.export` after changing a model)."""

from __future__ import annotations

from schemas.export import rendered


def test_exported_schemas_match_the_models():
    stale = [p.name for p, text in rendered().items() if not p.exists() or p.read_text("utf-8") != text]
    assert stale == [], f"run `python -m schemas.export`: {stale}"
