"""Pages drawn for the preparation tests: Vietnamese lines in Liberation Serif at 300 dpi, degraded
by the tests, then read with the real Tesseract ``vie`` after ``prepare``."""

from __future__ import annotations

import collections
import os
import re
import shutil
import unicodedata

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.prepare.geometry import rotate
from ingest.recognise import junk
from ingest.recognise.tesseract import TESSERACT_CONFIG

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh,",
    "những người đứng đầu cơ quan, đơn vị đặc biệt",
    "chịu trách nhiệm thi hành Quyết định này.",
]
TEXT = "\n".join(LINES)
MARKED = ["Độc", "những", "đặc", "Hạnh", "Ủy"]  # ộ ữ ặ ạ Ủ: small marks at risk from denoising

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def render_page(lines: list[str] = LINES, size: tuple[int, int] = (1700, 900), pt: float = 13) -> np.ndarray:
    """A white 300 dpi page region with the lines in black 13 pt serif, left-aligned."""
    w, h = size
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(pt * 300 / 72))
    y = 110
    for line in lines:
        draw.text((100, y), line, fill=0, font=font)
        y += int(pt * 300 / 72 * 1.45)
    return np.array(img)


def tilt(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate counter-clockwise (text rising to the right for positive angles), white fill."""
    return rotate(gray, degrees)


def ocr(gray: np.ndarray) -> str:
    import pytesseract

    tsv = pytesseract.image_to_data(gray, lang="vie", config=TESSERACT_CONFIG)
    return nfc(junk.to_text(junk.drop_junk(junk.words_from_tsv(tsv))))


def recall(text: str, reference: str = TEXT) -> float:
    """Share of the reference's syllables found in the text (order-free, case-insensitive)."""
    words = collections.Counter(re.findall(r"[^\W_]+", nfc(text).lower()))
    ref = collections.Counter(re.findall(r"[^\W_]+", nfc(reference).lower()))
    return sum((ref & words).values()) / sum(ref.values())

