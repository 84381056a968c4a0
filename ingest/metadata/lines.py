"""The line model every metadata step reads: a document as pages of printed lines (or column segments
of them), each with its page and, from an OCR result, its box; built from plain text or from an
`OcrResult`. Also the text helpers all steps share: cleaning, trimming OCR specks, the folding that
keywords are matched on, and tests for capitals and letters."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.metadata.thresholds import CAPS_SHARE, PAGE_MIDDLE
from ingest.vietnamese.orthography import fold
from schemas.ocr import OcrLine, OcrResult, OcrWord

COLUMN_GAP_HEIGHTS = 2.0  # a gap between words wider than this many word heights parts two columns...
COLUMN_GAP_WIDTH = 0.035  # ...or, when wider, than this share of the page's width
MIN_SEGMENT_CHARS = 2  # letters and digits a column segment needs to be kept (unless it is the whole line)
MIN_LETTERS = 2  # letters a text needs to hold words at all, rather than specks or digits


@dataclass(frozen=True)
class Line:
    """One printed line (or one column segment of it); `box` is x0, y0, x1, y1 as page fractions."""

    text: str
    page: int
    box: tuple[float, float, float, float] | None = None

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2 if self.box else PAGE_MIDDLE

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1] if self.box else 0.0


@dataclass
class Doc:
    """A document's pages of lines; `has_boxes` when they came from an OCR result with word boxes,
    so their layout (columns, centring, gaps) can be read."""

    pages: list[list[Line]]
    has_boxes: bool
    text: str = field(init=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = "\n".join(line.text for page in self.pages for line in page)
        self.key = fold(self.text)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


_LETTER = re.compile(r"[^\W\d_]")


def upper_ratio(text: str) -> float:
    letters = _LETTER.findall(text)
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def is_caps(text: str) -> bool:
    return len(_LETTER.findall(text)) >= MIN_LETTERS and upper_ratio(text) >= CAPS_SHARE


def has_letters(text: str, n: int = MIN_LETTERS) -> bool:
    return len(_LETTER.findall(text)) >= n


def starts_with(key: str, phrases: Iterable[str]) -> bool:
    return any(re.match(re.escape(p) + r"(?![a-z])", key) for p in phrases)


JUNK = " \t'\"`_~¬|.,:;‹›«»“”‘’„ˆ^*=\\"


def trim(text: str) -> str:
    """`text` without OCR specks around it: quotes, underscores, stray marks and one-letter debris."""
    text = re.sub(r"^[^\w\-–—+(\"“]+", "", text.strip(JUNK))
    words = text.split()
    while words and len(words[0]) == 1 and not words[0].isalnum() and words[0] not in "-–—+(":
        words.pop(0)
    while len(words) > 1 and len(words[-1].strip(JUNK + "-")) <= 1 and not words[-1][-1:].isalnum():
        words.pop()
    return " ".join(words).strip(JUNK)


def closes(text: str) -> bool:
    """Whether a line ends the body: the "./." printed after its last sentence."""
    return "./." in text or text.rstrip().endswith("/.")


# --- building the line model ----------------------------------------------------------------------


def doc_from_text(text: str) -> Doc:
    """Plain text: pages separated by form feeds, one printed line a line; no boxes."""
    pages = []
    for n, page in enumerate(text.split("\f"), start=1):
        lines = [Line(clean(t), n) for t in page.splitlines()]
        pages.append([ln for ln in lines if ln.text])
    while len(pages) > 1 and not pages[-1]:
        pages.pop()
    return Doc(pages, has_boxes=False)


def _segments(line: OcrLine, width: float, height: float, page: int) -> list[Line]:
    """A recognised line cut where a wide gap separates its words (two columns read as one line)."""
    words = sorted((w for w in line.words if w.text.strip()), key=lambda w: w.bbox.x)
    if not words:
        b = line.bbox
        return [Line(clean(line.text), page, (b.x / width, b.y / height, (b.x + b.w) / width,
                                              (b.y + b.h) / height))]
    h = statistics.median(w.bbox.h for w in words)
    gap_min = max(COLUMN_GAP_HEIGHTS * h, COLUMN_GAP_WIDTH * width)
    groups: list[list[OcrWord]] = [[words[0]]]
    for w in words[1:]:
        prev = groups[-1][-1]
        if w.bbox.x - (prev.bbox.x + prev.bbox.w) > gap_min:
            groups.append([w])
        else:
            groups[-1].append(w)
    out = []
    for g in groups:
        x0 = min(w.bbox.x for w in g)
        y0 = min(w.bbox.y for w in g)
        x1 = max(w.bbox.x + w.bbox.w for w in g)
        y1 = max(w.bbox.y + w.bbox.h for w in g)
        text = clean(" ".join(w.text for w in g))
        if sum(c.isalnum() for c in text) >= MIN_SEGMENT_CHARS \
                or (len(g) == 1 and text[:1].isalnum() and len(groups) == 1):
            out.append(Line(text, page, (x0 / width, y0 / height, x1 / width, y1 / height)))
    return out


def doc_from_result(result: OcrResult) -> Doc:
    """An OCR result: pages with recognised lines give boxed column segments, the others their text."""
    pages = []
    has_boxes = False
    for page in result.pages:
        if page.lines and page.width > 0 and page.height > 0:
            has_boxes = True
            segs = [s for line in page.lines for s in _segments(line, page.width, page.height, page.number)]
            pages.append(segs)
        else:
            pages.append([Line(clean(t), page.number) for t in page.text.splitlines() if clean(t)])
    return Doc(pages, has_boxes=has_boxes)
