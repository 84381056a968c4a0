"""The OCR engine each process reads with: `get_engine` makes one instance per configuration (the
model is loaded once) and hands it out.  Tesseract is the engine we ship: in process through
tesserocr, or, where tesserocr is not installed, the `tesseract` program through pytesseract
(:mod:`ingest.recognise.tesseract`)."""

from __future__ import annotations

import threading

from ingest.recognise.interface import OcrEngine
from ingest.recognise.tesseract import TesseractEngine, TesseractProgram

_ENGINES: dict[tuple[str, str, bool], OcrEngine] = {}
_ENGINES_LOCK = threading.Lock()


def get_engine(name: str = "tesseract", lang: str = "vie", *, helper: bool = False) -> OcrEngine:
    """One engine instance per process and configuration (the model is loaded once); with
    `helper`, a second one, for reading parts of a page while the first reads the rest."""
    key = (name, lang, helper)
    engine = _ENGINES.get(key)
    if engine is not None:  # no lock needed to find it: a helper's model may be loading meanwhile
        return engine
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            if name != "tesseract":
                raise ValueError(f"unknown OCR engine {name!r}; available: tesseract")
            try:
                _ENGINES[key] = TesseractEngine(lang=lang)
            except ImportError:
                _ENGINES[key] = TesseractProgram(lang=lang)
        return _ENGINES[key]
