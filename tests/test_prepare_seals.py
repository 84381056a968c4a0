"""Seals and signatures over the signer's block removed before recognition, and faded toner made dark
again (ingest.prepare.seals, ingest.prepare.illumination), on generated pages read with the real
Tesseract ``vie``."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.prepare.illumination import stretch_contrast
from ingest.prepare.page import prepare
from ingest.prepare.seals import remove_stamps, signature_mask, stamp_mask
from tests.prepare_pages import FONT, MARKED, needs_tesseract, ocr, recall, render_page


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    return render_page()


# ----------------------------------------------------------------------------- seals, signatures

SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
RECIPIENTS = ["Nơi nhận:", "- Như trên;", "- Văn phòng Chính phủ;", "- Sở Nội vụ;", "- Lưu: VT."]


def last_page(seal: int | None = 160) -> np.ndarray:
    """The end of a decision, 300 dpi: the last sentence, the recipients list on the left and the
    signer's titles on the right, a gray seal (double ring, ticks, star) over the last title and
    a black signature across the seal (``seal=None``: titles alone, nothing drawn over them)."""
    img = Image.new("L", (2480, 1300), 255)
    draw = ImageDraw.Draw(img)
    regular = ImageFont.truetype(FONT, 54)
    small = ImageFont.truetype(FONT, 44)
    bold = ImageFont.truetype(FONT.replace("Regular", "Bold"), 54)
    draw.text((236, 220), "nhân dân tỉnh để các cơ quan, đơn vị biết, khẩn trương thực hiện./.", fill=0,
              font=regular)
    for i, line in enumerate(RECIPIENTS):
        draw.text((236, 360 + 56 * i), line, fill=0, font=small)
    for i, line in enumerate(SIGNER):
        draw.text((1700 - draw.textlength(line, font=bold) / 2, 360 + 70 * i), line, fill=0, font=bold)
    name = "Lâm Hoàng Nghĩa"
    draw.text((1700 - draw.textlength(name, font=bold) / 2, 900), name, fill=0, font=bold)
    out = np.array(img)
    if seal is None:
        return out
    layer = np.full_like(out, 255)  # printed over the page: ink stays as dark as it was
    cx, cy = 1500, 640
    cv2.circle(layer, (cx, cy), 170, seal, 9)
    cv2.circle(layer, (cx, cy), 140, seal, 4)
    for k in range(60):
        t = k * np.pi / 30
        cv2.line(layer, (int(cx + 150 * np.cos(t)), int(cy + 150 * np.sin(t))),
                 (int(cx + 160 * np.cos(t)), int(cy + 160 * np.sin(t))), seal, 4)
    star = [(cx + 60 * np.cos(np.pi / 2 + k * 4 * np.pi / 5), cy - 60 * np.sin(np.pi / 2 + k * 4 * np.pi / 5))
            for k in range(5)]
    cv2.fillPoly(layer, [np.array(star, np.int32)], seal)
    xs = np.linspace(1450, 1950, 200)
    ys = 720 + 60 * np.sin((xs - 1450) / 40) - (xs - 1450) * 0.1
    cv2.polylines(layer, [np.column_stack([xs, ys]).astype(np.int32)], False, 30, 6)
    out = np.minimum(out, layer)
    return out


def test_seal_and_signature_are_removed_and_letters_kept():
    page, bare = last_page(), last_page(seal=None)
    letters = bare < 60
    clean = remove_stamps(page, 33.0)
    near_letters = cv2.dilate(letters.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    seal = (page > 100) & (page < 200) & ~near_letters
    assert np.mean(clean[seal] > 230) > 0.9  # the seal is gone
    stroke = (page < 60) & ~letters
    assert np.mean(clean[stroke] > 230) > 0.95  # and so is the signature
    assert np.count_nonzero(clean[letters] > 128) == 0  # every dark pixel of the text is still there


def test_text_has_no_seal_or_signature(page):
    assert not stamp_mask(page).any() and not signature_mask(page).any()
    assert remove_stamps(page) is page


@needs_tesseract
def test_titles_under_a_seal_and_signature_read():
    prep = prepare(last_page(), 300)
    signer = prep.image[int(330 * prep.scale):, int(1240 * prep.scale):]  # the signature block
    text = ocr(signer)  # without seal and signature removal: "PHÓ`CHỦ TỊCH" and junk "vư⁄`"
    assert text.split() == " ".join([*SIGNER, "Lâm Hoàng Nghĩa"]).split(), text


def faded(gray: np.ndarray) -> np.ndarray:
    """A weak photocopy: toner at ~45 % strength (black prints as ~140), a little noise."""
    out = 255 - (255 - gray.astype(np.float32)) * 0.45 + np.random.default_rng(5).normal(0, 2, gray.shape)
    return np.clip(out, 0, 255).astype(np.uint8)


def test_faded_toner_gets_dark_again(page):
    weak = faded(page)
    out = stretch_contrast(weak)
    strokes = page < 60
    assert np.median(weak[strokes]) > 120 and np.median(out[strokes]) < 40
    assert np.percentile(out[page > 250], 5) > 240  # paper stays white
    crisp = stretch_contrast(page)
    assert np.array_equal(crisp, page)  # black ink: nothing to do


@needs_tesseract
def test_faded_page_reads_with_diacritics(page):
    text = ocr(prepare(faded(page), 300).image)
    assert recall(text) > 0.9, text
    for word in MARKED:
        assert word in text, (word, text)
