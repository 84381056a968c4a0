"""What an OCR engine is to the rest of recognition: the small `OcrEngine` protocol, what it gives
back (`EngineOutput`) and the hook it calls with the page's layout (`LayoutHook`).  Adding another
engine is a new class behind this protocol, not an edit everywhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from schemas.ocr import OcrLine

#: what :meth:`OcrEngine.recognise` calls with the page's layout (see there)
LayoutHook = Callable[[list[OcrLine]], None]


@dataclass(frozen=True)
class EngineOutput:
    """What an engine read on one prepared page image."""

    lines: list[OcrLine]
    hocr: str


class OcrEngine(Protocol):
    """Anything that turns a prepared grayscale page image into lines of words."""

    name: str

    def recognise(self, image: np.ndarray, *, dpi: float | None = None, psm: int | None = None,
                  on_layout: LayoutHook | None = None) -> EngineOutput:
        """Read the image; `psm` overrides the configured page segmentation mode for this call.
        `on_layout` is called with the page's lines (word boxes, no text yet) as soon as the
        layout is known, before the words are recognised, or at the latest with the lines read."""
        ...
