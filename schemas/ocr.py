"""OCR results as they cross boundaries: words with boxes and confidences, lines, pages, documents."""

from __future__ import annotations

from pydantic import BaseModel, Field


class BBox(BaseModel):
    """Pixel box on the page image that was recognised: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int


class OcrWord(BaseModel):
    """One recognised word; `conf` is Tesseract's confidence 0-100."""

    text: str
    conf: float = Field(ge=0, le=100)
    bbox: BBox


class OcrLine(BaseModel):
    """One printed line, in reading order; `block` numbers the layout block it belongs to."""

    text: str
    block: int = 0
    bbox: BBox
    words: list[OcrWord] = Field(default_factory=list)


class OcrPage(BaseModel):
    """One page: its text (lines joined by newlines), lines, mean word confidence, image size."""

    number: int = Field(ge=1)
    text: str
    mean_conf: float = 0.0
    width: int = 0
    height: int = 0
    rotation: int = Field(default=0, description="degrees the page was turned to read it upright")
    skew: float = Field(default=0.0, description="degrees of skew corrected")
    lines: list[OcrLine] = Field(default_factory=list)
    needs_review: bool = False


class OcrResult(BaseModel):
    """A whole document's recognition: what `sohoa ocr --json` prints."""

    source: str
    pages: list[OcrPage]
    language: str = "vie"

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)
