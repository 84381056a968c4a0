"""Text recognition behind the small `OcrEngine` protocol; Tesseract (through pytesseract) is the
engine we ship. Adding another engine is a new class, not an edit everywhere."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PIL import Image

from ingest.errors import RecognitionFailed
from ingest.hocr import parse_hocr
from schemas.ocr import OcrLine

# Tesseract's OpenMP threads fight the worker processes for the same cores; one thread each is
# several times faster on a busy machine. Set before any tesseract subprocess starts.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class EngineOutput:
    """What an engine read on one prepared page image."""

    lines: list[OcrLine]
    hocr: str


class OcrEngine(Protocol):
    """Anything that turns a prepared grayscale page image into lines of words."""

    name: str

    def recognise(self, image: np.ndarray, *, dpi: float | None = None) -> EngineOutput: ...


class TesseractEngine:
    """Tesseract 5 LSTM through pytesseract: one run per page produces hOCR, parsed for words."""

    name = "tesseract"

    def __init__(self, lang: str = "vie", config: str | None = None, timeout: int = 300) -> None:
        from ingest.layout import TESSERACT_CONFIG

        self.lang = lang
        self.config = TESSERACT_CONFIG if config is None else config  # measured in bench/bench_ocr.py
        self.timeout = timeout

    def recognise(self, image: np.ndarray, *, dpi: float | None = None) -> EngineOutput:
        import pytesseract

        pil = Image.fromarray(image)
        pil.format = "PPM"  # uncompressed hand-over to the tesseract process: no PNG encoding cost
        config = self.config if dpi is None or "--dpi" in self.config else f"{self.config} --dpi {int(dpi)}"
        try:
            hocr = pytesseract.image_to_pdf_or_hocr(pil, lang=self.lang, extension="hocr", config=config,
                                                    timeout=self.timeout)
        except pytesseract.TesseractNotFoundError as exc:
            raise RecognitionFailed("tesseract is not installed: apt-get install tesseract-ocr "
                                    "tesseract-ocr-vie") from exc
        except RuntimeError as exc:  # pytesseract's timeout
            raise RecognitionFailed(f"tesseract took over {self.timeout} s on this page") from exc
        except pytesseract.TesseractError as exc:
            raise RecognitionFailed(f"tesseract failed: {exc.message}") from exc
        text = hocr.decode("utf-8")
        return EngineOutput(lines=parse_hocr(text), hocr=text)


_ENGINES: dict[tuple[str, str], OcrEngine] = {}


def get_engine(name: str = "tesseract", lang: str = "vie") -> OcrEngine:
    """One engine instance per process and configuration."""
    key = (name, lang)
    if key not in _ENGINES:
        if name != "tesseract":
            raise ValueError(f"unknown OCR engine {name!r}; available: tesseract")
        _ENGINES[key] = TesseractEngine(lang=lang)
    return _ENGINES[key]
