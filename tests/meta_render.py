"""A synthetic document of tests/meta_synthetic/ printed as a Decree 30 page at 300 dpi: agency and
number in the left column beside the national title and date, heading and summary centred, body
justified left, "Nơi nhận" bottom left beside the signer block. Used to check the OCR path
(`bench/bench_meta.py --render DIR`); the layout is read from the text's known shape."""

from __future__ import annotations

import random
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
W, H = 2480, 3508
LEFT, RIGHT = 330, 2480 - 230
LEFT_COL = (LEFT - 80 + 1000) / 2  # centre of the header's left column
RIGHT_COL = 1640


def _font(px: int, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    style = "BoldItalic" if bold and italic else "Bold" if bold else "Italic" if italic else "Regular"
    return ImageFont.truetype(str(FONTS / f"LiberationSerif-{style}.ttf"), px)


class _Page:
    def __init__(self) -> None:
        self.img = Image.new("L", (W, H), 255)
        self.draw = ImageDraw.Draw(self.img)

    def text(self, s: str, y: float, *, x: float | None = None, centre: float | None = None,
             px: int = 54, bold: bool = False, italic: bool = False, max_w: float = RIGHT - LEFT) -> None:
        f = _font(px, bold, italic)
        while self.draw.textlength(s, font=f) > max_w and px > 30:
            px -= 2
            f = _font(px, bold, italic)
        w = self.draw.textlength(s, font=f)
        left = centre - w / 2 if centre is not None else (x if x is not None else LEFT)
        self.draw.text((left, y), s, fill=0, font=f)


    def justified(self, s: str, y: float, x0: float, px: int) -> None:
        f = _font(px)
        words = s.split()
        width = sum(self.draw.textlength(w, font=f) for w in words)
        gap = (RIGHT - x0 - width) / max(1, len(words) - 1)
        if gap < 8 or gap > 60:
            self.text(s, y, x=x0, px=px)
            return
        x = x0
        for w in words:
            self.draw.text((x, y), w, fill=0, font=f)
            x += self.draw.textlength(w, font=f) + gap


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.75


def render(text: str, subject: str | None, office: bool = False, seed: int = 0,
           seal: bool = False) -> list[Image.Image]:
    """The pages of one synthetic document (form feeds start a new page); `office` adds what an
    office scan of a signed paper shows: the rules under the agency and motto, a signature (and with
    `seal` a black seal ring over the signer's titles), a slight tilt, grain, and 1-bit thresholding."""
    lines = text.replace("\f", "\n\f\n").splitlines()
    pages = [_Page()]
    # header ---------------------------------------------------------------------------------------
    i = 0
    agency = []
    while not lines[i].startswith("CỘNG HÒA"):
        agency.append(lines[i])
        i += 1
    y0 = 200
    for k, a in enumerate(agency):
        pages[0].text(a, y0 + k * 62, centre=LEFT_COL, px=50, bold=k == len(agency) - 1 or k > 0 and
                      len(agency) > 2 and k >= 1, max_w=820)
    pages[0].text(lines[i], y0, centre=RIGHT_COL, px=50, bold=True, max_w=1300)
    pages[0].text(lines[i + 1], y0 + 62, centre=RIGHT_COL, px=54, bold=True, max_w=1300)
    if office:
        ya = y0 + len(agency) * 62 + 4
        pages[0].draw.line((LEFT_COL - 120, ya, LEFT_COL + 120, ya), fill=0, width=3)
        pages[0].draw.line((RIGHT_COL - 330, y0 + 62 + 64, RIGHT_COL + 330, y0 + 62 + 64), fill=0, width=3)
    i += 2
    y_num = y0 + max(len(agency), 2) * 62 + 50
    pages[0].text(lines[i], y_num, centre=LEFT_COL, px=52, max_w=820)
    i += 1
    y_left = y_num + 66
    while i < len(lines) and not re.search(r"ngày \d", lines[i]):
        pages[0].text(lines[i], y_left, centre=LEFT_COL, px=46, max_w=820)  # V/v lines, urgency mark
        y_left += 56
        i += 1
    pages[0].text(lines[i], y_num, centre=RIGHT_COL, px=54, italic=True, max_w=1300)
    i += 1
    y = max(y_left, y_num + 66) + 80
    # heading and summary --------------------------------------------------------------------------
    subj = re.sub(r"\s+", " ", (subject or "")).casefold()
    while i < len(lines):
        s = lines[i]
        flat = re.sub(r"\s+", " ", s).casefold().strip(" ()")
        if _is_caps(s) or (flat and flat in subj and not s.startswith(("Kính gửi", "-"))) \
                or re.match(r"Số: ", s):
            pages[0].text(s, y, centre=(LEFT + RIGHT) / 2, px=56 if _is_caps(s) else 54, bold=True)
            y += 72
            i += 1
        else:
            break
    y += 40
    # body, then the footer from "Nơi nhận" or from the line after the closing "./." ------------------
    page = pages[0]
    end = next((k for k in range(i, len(lines)) if lines[k].startswith("Nơi nhận")), None)
    close = max((k for k in range(i, len(lines)) if lines[k].rstrip().endswith((".", "./."))
                 and not lines[k].startswith("- ")), default=None)
    body_end = close + 1 if close is not None else end if end is not None else len(lines)
    while i < body_end:
        s = lines[i]
        if s == "\f":
            page = _Page()
            pages.append(page)
            y = 250
        elif s.startswith("Kính gửi"):
            page.text(s, y, centre=(LEFT + RIGHT) / 2, px=54)
            y += 68
        else:
            indent = 90 if i and lines[i - 1].rstrip().endswith((".", ":", ";")) else 0
            if s.rstrip().endswith((".", ":", ";")) or s.startswith("- "):
                page.text(s, y, x=LEFT + indent, px=52)
            else:
                page.justified(s, y, LEFT + indent, px=52)  # a paragraph's line runs to the margin
            y += 68
        i += 1
    rest = lines[i:]
    recips = []
    signer = []
    if rest and rest[0].startswith("Nơi nhận"):
        k = 0
        while k < len(rest) and (k == 0 or rest[k].startswith("- ") or not rest[k - 1].endswith((";", "."))):
            recips.append(rest[k])
            k += 1
        signer = rest[k:]
    else:
        signer = rest
        if "Nơi nhận:" in signer:
            k = signer.index("Nơi nhận:")
            signer, recips = signer[:k], signer[k:]
    y += 40
    # signer blocks: title lines in capitals, then the name under the signature space; two blocks
    # side by side when there are two
    blocks: list[list[str]] = [[]]
    for s in signer:
        if blocks[-1] and not _is_caps(s) and _is_caps(blocks[-1][-1]):
            blocks[-1].append(s)
            blocks.append([])
        else:
            blocks[-1].append(s)
    blocks = [b for b in blocks if b]
    centres = [RIGHT_COL] if len(blocks) == 1 else [LEFT_COL, RIGHT_COL]
    for b, cx in zip(blocks[-2:], centres[-len(blocks[-2:]):], strict=False):
        yy = y
        for s in b:
            if not _is_caps(s):
                if office:
                    _sign(page, cx, yy, seed, seal)
                yy += 230
            page.text(s, yy, centre=cx, px=54, bold=True, max_w=1000)
            yy += 66
    y_r = y if len(blocks) <= 1 else y + 66 * (max(len(b) for b in blocks) + 1) + 260
    for k, s in enumerate(recips):
        page.text(s, y_r, x=LEFT - 40, px=50 if k == 0 else 44, bold=k == 0, italic=k == 0, max_w=1050)
        y_r += 56
    if not office:
        return [p.img for p in pages]
    return [_scan(p.img, seed + n) for n, p in enumerate(pages)]


def _sign(page: _Page, cx: float, y: float, seed: int, seal: bool) -> None:
    """A scribbled signature in the space above the name, and a seal ring over the left of the titles."""
    rnd = random.Random(seed)
    pts = [(cx - 200 + k * 40, y + 60 + rnd.randint(-50, 50)) for k in range(11)]
    page.draw.line(pts, fill=0, width=5)
    if not seal:
        return
    r = 170
    sx, sy = cx - 190, y - 40
    page.draw.ellipse((sx - r, sy - r, sx + r, sy + r), outline=90, width=10)
    page.draw.ellipse((sx - r + 40, sy - r + 40, sx + r - 40, sy + r - 40), outline=120, width=4)
    page.draw.text((sx - 60, sy - 20), "★", fill=110, font=_font(60))


def _scan(img: Image.Image, seed: int) -> Image.Image:
    """Tilted a little, blurred, grained and thresholded to 1 bit, as an office scanner does."""
    rnd = random.Random(seed)
    img = img.rotate(rnd.uniform(-0.5, 0.5), resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(1.1))
    noise = Image.effect_noise(img.size, 40)
    img = Image.blend(img, noise, 0.18)
    return img.point(lambda v: 255 if v > 150 else 0).convert("1")


def write_pdf(images: list[Image.Image], path: Path) -> None:
    images[0].save(path, format="PDF", resolution=300.0, save_all=True, append_images=images[1:])
