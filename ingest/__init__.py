"""sohoa's pipeline as a plain library, one package a stage: intake → raster → prepare → recognise →
(vietnamese repair) → metadata → publish → search, with the store beside them, composed by `pipeline`
and served by `web` and `cli` (`python -m ingest`). The layers are written in pyproject.toml."""
