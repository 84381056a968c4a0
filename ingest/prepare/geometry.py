"""Page clean-up before OCR: pure OpenCV/numpy functions, no I/O.

This module owns everything done to a page image between decoding and Tesseract:
perspective flattening of phone photos, background (illumination) normalisation,
orientation (0/90/180/270) and skew correction, resolution normalisation (see :func:`choose_scale`),
and removal of speckles and ruled/streak lines.  The single entry point is :func:`prepare`;
every step is also a public function so it can be tested on its own.

Conventions: images are ``uint8`` 2-D arrays, dark ink on light paper.  Angles are in degrees.
``rotation`` is the clockwise turn applied to the input to make it upright; ``skew`` is the
residual tilt that was removed (positive: the text lines rose to the right in the upright page).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

#: ink-weighted median height (px) of letter-sized connected components in 13-14 pt body text at 300 dpi
REFERENCE_TEXT_HEIGHT = 33.0
#: pages whose resolution is below 300 dpi divided by this are upsampled (to ~200 dpi)
UPSAMPLE_BELOW = 2.1
#: pages whose resolution is above 300 dpi divided by this (250 dpi) are downsampled (to ~200 dpi)
DOWNSAMPLE_BELOW = 1.2
#: darkest ink (5th percentile, 0-255) above which a page counts as faded, and the gamma applied then
FADED_INK = 30.0
FADED_GAMMA = 1.6
#: long side (px) of the thumbnail used for orientation and skew analysis
ANALYSIS_SIZE = 1000
#: largest skew searched for, degrees
MAX_SKEW = 15.0
#: pages with a long side of this many pixels are full-resolution scans (A4 at ~250 dpi or more)
FULL_SIZE_SIDE = 3000
A4_LONG_SIDE_300 = 3508  # pixels
#: smaller tilts are left to Tesseract: on sparse pages (a last page of a few short lines beside a
#: seal and signature) the estimate is off by up to ~0.3 degrees, and turning a level page by that
#: much blurs small type enough to turn "TT." and "VT" into "FT." and "VI"
MIN_SKEW = 0.4
#: largest stray dot, in text heights (at 200 dpi: 4 px; 5 px when solid) - the size of toner specks,
#: an i-dot or a period; larger marks are never taken for specks
STRAY_DOT = 0.17
#: a page counts as speckled (and gets its stray dots removed) when it has at least this many
#: dot-sized blobs per letter-sized one (dev set: photocopies 0.38-1.05, other pages 0.05-0.11), and
#: at least this many stray dots per letter (photocopies 0.2-1.7, other pages under 0.006), and 20
DOTS_PER_LETTER = 0.2
STRAY_DOTS_PER_LETTER = 0.05
STRAY_DOTS_MIN = 20


@dataclass(frozen=True)
class Prepared:
    """A page ready for Tesseract and what was done to get there."""

    image: np.ndarray
    rotation: int = 0
    skew: float = 0.0
    scale: float = 1.0
    flattened: bool = False
    text_height: float | None = None
    steps: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- helpers


def as_gray(img: np.ndarray) -> np.ndarray:
    """The image as a contiguous uint8 2-D array (BGR/BGRA are converted, other dtypes rescaled)."""
    if img.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if img.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        img = cv2.cvtColor(img, code) if img.shape[2] in (3, 4) else img[:, :, 0]
    if img.ndim != 2:
        raise ValueError(f"expected a 2-D grayscale image, got shape {img.shape}")
    if img.dtype != np.uint8:
        img = cv2.normalize(img.astype(np.float32), None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    return np.ascontiguousarray(img)


def _shrink(gray: np.ndarray, long_side: int) -> tuple[np.ndarray, float]:
    """Downscale so the long side is at most ``long_side``; returns the image and the factor used."""
    f = min(1.0, long_side / max(gray.shape))
    if f >= 1.0:
        return gray, 1.0
    small, g = gray, f
    while g <= 0.5:  # exact halvings are ~10x faster than one odd ratio
        small, g = cv2.resize(small, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 2 * g
    return cv2.resize(small, None, fx=g, fy=g, interpolation=cv2.INTER_AREA), f


def half_size(gray: np.ndarray, above: int) -> tuple[np.ndarray, float]:
    """The page at half size when it has more than `above` pixels (for analyses of marks far larger
    than a pixel), else itself; and the factor used (0.5 or 1)."""
    if gray.size <= above:
        return gray, 1.0
    return cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 0.5


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Binary (0/1 uint8) mask of ink by Otsu's threshold; the threshold is computed on a subsample."""
    sample = gray[::4, ::4]
    t, _ = cv2.threshold(sample, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return (gray <= t).astype(np.uint8)  # <=: on a bilevel (fax) page Otsu's threshold is 0


# --------------------------------------------------------------------------- perspective


def find_page_quad(gray: np.ndarray) -> np.ndarray | None:
    """Corners (tl, tr, br, bl; float32, input pixels) of a photographed page lying on a darker
    background, or None when the page fills the frame (a flat scan) or no clear page is found."""
    small, f = _shrink(gray, 600)
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    t, bright = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    inside, outside = blur[bright > 0], blur[bright == 0]
    if inside.size == 0 or outside.size < 0.03 * blur.size or inside.mean() - outside.mean() < 40:
        return None
    k = max(3, int(0.03 * max(small.shape)) | 1)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    if cv2.contourArea(hull) < 0.2 * small.size:
        return None
    quad = _four_corners(hull)
    if quad is None:
        return None
    h, w = small.shape
    margin = 0.015 * max(h, w)
    inside = (quad[:, 0] > margin) & (quad[:, 0] < w - 1 - margin)
    inside &= (quad[:, 1] > margin) & (quad[:, 1] < h - 1 - margin)
    if np.count_nonzero(inside) < 3:  # a scan, or a shadow along one edge of a scan: not a photo
        return None
    return quad / f


def _four_corners(hull: np.ndarray) -> np.ndarray | None:
    peri = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            return _order_corners(approx.reshape(4, 2).astype(np.float32))
    return None


def _order_corners(pts: np.ndarray) -> np.ndarray:
    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]], np.float32)


def flatten_perspective(gray: np.ndarray, quad: np.ndarray | None = None) -> tuple[np.ndarray, bool]:
    """Warp a photographed page flat; returns (image, whether it was warped).  A no-op (the very
    same array) on flat scans, where :func:`find_page_quad` finds no page boundary."""
    if quad is None:
        quad = find_page_quad(gray)
    if quad is None:
        return gray, False
    tl, tr, br, bl = quad
    w = int(round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))))
    h = int(round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))))
    dst = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    out = cv2.warpPerspective(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return out, True


# --------------------------------------------------------------------------- illumination


def estimate_background(gray: np.ndarray) -> np.ndarray:
    """Paper brightness at every pixel: a morphological closing (which erases dark strokes
    narrower than ~2 % of the page) computed on a thumbnail, smoothed and scaled back up."""
    small, f = _shrink(gray, 800)
    k = max(5, int(0.022 * max(small.shape)) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    bg = cv2.GaussianBlur(bg, (0, 0), k / 2)
    if f < 1.0:
        bg = cv2.resize(bg, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return bg


def normalise_illumination(gray: np.ndarray) -> np.ndarray:
    """Divide the page by its estimated background so paper is white everywhere (shadows, dim
    light, yellowed paper, photocopy gradients), then stretch the contrast so ink is dark."""
    bg = np.maximum(estimate_background(gray), 1)
    return stretch_contrast(cv2.divide(gray, bg, scale=255))


def stretch_contrast(norm: np.ndarray) -> np.ndarray:
    """Map the darkest ink level (a low percentile of the ink pixels) to black, keep white white.
    Faded toner and dim photos get their contrast back; a crisp page is left nearly unchanged.
    Where even the darkest ink was faded (a photocopy: its 5th percentile ~65 against 0 on
    scans), the mid-tones are darkened too (gamma :data:`FADED_GAMMA`), so thinned strokes and
    marks come back whole (dev photocopy bag 11.0 -> 9.2 %; on crisp pages it would cost)."""
    sample = norm[::3, ::3]
    ink = sample[sample < 200]
    if ink.size < 50:
        return norm
    lo = float(np.percentile(ink, 5))
    if lo <= 10:
        return norm
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) / (255.0 - lo), 0, 1)
    if lo > FADED_INK:
        lut **= FADED_GAMMA
    return cv2.LUT(norm, (lut * 255).astype(np.uint8))


# --------------------------------------------------------------------------- orientation, skew


def _projection_score(xs: np.ndarray, ys: np.ndarray, angle: float) -> float:
    a = math.radians(angle)
    proj = ys * math.cos(a) - xs * math.sin(a)
    hist = np.bincount((proj - proj.min()).astype(np.int32))
    return float(np.dot(hist, hist))


def _best_angle_around(xs: np.ndarray, ys: np.ndarray, centre: float, step: float) -> tuple[float, float]:
    """(angle, score) maximising the projection score within ``step`` of ``centre``."""
    fine = np.arange(centre - step, centre + step + 1e-9, step / 10)
    scores = [_projection_score(xs, ys, a) for a in fine]
    i = int(np.argmax(scores))
    return float(fine[i]), float(scores[i])


def text_like_mask(small: np.ndarray) -> np.ndarray:
    """Ink mask of a thumbnail keeping only blobs the size of letters and words: stamps,
    signatures, photos, long rules and specks would otherwise steer the projections."""
    mask = ink_mask(small)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    long_side = max(small.shape)
    w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    short = np.minimum(w, h)
    keep = (np.maximum(w, h) <= 0.15 * long_side) & (short <= 0.02 * long_side) & (short >= 0.004 * long_side)
    keep &= area >= 0.2 * w * h  # not a thin diagonal stroke (signature, stamp arc)
    keep[0] = False
    return blob_map(keep, labels)


def _points(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.nonzero(mask)
    if xs.size > 150_000:
        keep = np.random.default_rng(0).choice(xs.size, 150_000, replace=False)
        xs, ys = xs[keep], ys[keep]
    return xs.astype(np.float32) - mask.shape[1] / 2, ys.astype(np.float32) - mask.shape[0] / 2


def line_angles(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(angles, widths) of the text lines of a thumbnail ink mask: words are smeared sideways into
    line blobs and a least-squares line is fitted through each long blob's ink.  Angles in degrees,
    positive when the line rises to the right."""
    long_side = max(mask.shape)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(0.015 * long_side)), 1))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(mask, kernel), connectivity=8)
    ys, xs = np.nonzero(mask)
    lab = labels[ys, xs]
    order = np.argsort(lab, kind="stable")
    lab, xs, ys = lab[order], xs[order].astype(np.float64), ys[order].astype(np.float64)
    bounds = np.searchsorted(lab, np.arange(n + 1))
    angles, widths = [], []
    for i in range(1, n):
        w, h = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        lo, hi = bounds[i], bounds[i + 1]
        if w < 0.08 * long_side or w < 6 * h or hi - lo < 20:
            continue
        x, y = xs[lo:hi] - xs[lo:hi].mean(), ys[lo:hi] - ys[lo:hi].mean()
        angles.append(-math.degrees(math.atan(float(np.dot(x, y) / max(np.dot(x, x), 1e-9)))))
        widths.append(w)
    return np.array(angles), np.array(widths, dtype=np.float64)


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values)
    cum = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cum, cum[-1] / 2)])


def detect_skew(gray: np.ndarray, limit: float = MAX_SKEW) -> tuple[bool, float]:
    """(text runs vertically, skew angle).  The line direction comes from projection profiles of a
    thumbnail (sharpest row profile over the page as is and turned a quarter); the angle from
    straight lines fitted through the text lines, or from the profile when there are too few.
    The angle is that of the lines once turned horizontal, positive rising to the right."""
    small, _ = _shrink(gray, ANALYSIS_SIZE)
    mask = text_like_mask(small)
    if np.count_nonzero(mask) < 200:
        return False, 0.0
    xs, ys = _points(mask)
    a0, s0 = _coarse(xs, ys, limit)
    a90, s90 = _coarse(ys, -xs, limit)  # the page turned a quarter
    vertical = s90 > 1.15 * s0
    if vertical:
        mask = cv2.rotate(mask, cv2.ROTATE_90_CLOCKWISE)
    angles, widths = line_angles(mask)
    ok = np.abs(angles) <= limit
    if np.count_nonzero(ok) >= 3:
        return vertical, round(_weighted_median(angles[ok], widths[ok]), 2)
    fine, _ = _best_angle_around(*((ys, -xs) if vertical else (xs, ys)), a90 if vertical else a0, 1.0)
    return vertical, round(-fine, 2)


def _coarse(xs: np.ndarray, ys: np.ndarray, limit: float) -> tuple[float, float]:
    angles = np.arange(-limit, limit + 1e-9, 1.0)
    scores = [_projection_score(xs, ys, a) for a in angles]
    i = int(np.argmax(scores))
    return float(angles[i]), float(scores[i])


def rotate(gray: np.ndarray, angle: float, expand: bool = True) -> np.ndarray:
    """Rotate counter-clockwise by ``angle`` degrees about the centre; new area is filled with
    white.  With ``expand`` the canvas grows so no corner is cut; without it the size is kept,
    which is right for straightening a tilted scan (the page was tilted inside that frame)."""
    if angle % 90 == 0:
        turns = int(angle // 90) % 4
        codes = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}
        return gray if turns == 0 else cv2.rotate(gray, codes[turns])
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = (int(math.ceil(h * s + w * c)), int(math.ceil(h * c + w * s))) if expand else (w, h)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(gray, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)


def deskew(gray: np.ndarray, min_angle: float = MIN_SKEW) -> tuple[np.ndarray, float]:
    """Straighten a page whose lines are tilted (by at most :data:`MAX_SKEW`); returns (image,
    angle removed).  Pages within ``min_angle`` of level are returned untouched."""
    _, angle = detect_skew(gray)
    if abs(angle) < min_angle:
        return gray, 0.0
    return rotate(gray, -angle, expand=abs(angle) > 5), angle


def upside_down_score(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> tuple[float, int]:
    """(score, lines used): for each text line of a level page, ink above the x-height band
    (ascenders, capitals and the many Vietnamese marks) minus ink below it (descenders, dot
    below), over both.  Clearly positive for upright text (about +0.5 on Decree 30 pages),
    clearly negative upside down.  Lines are found in four vertical strips separately, so the
    two columns of a header or a signature block do not merge into one tall "line"."""
    f = min(1.0, 16.0 / text_height)  # lines ~16 px high are enough, fewer would blur the bands
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    th = text_height * f
    mask = ink_mask(small)
    above = below = 0.0
    lines = 0
    for strip in np.array_split(mask, 4, axis=1):
        prof = strip.sum(axis=1).astype(np.float64)
        if prof.max() <= 0:
            continue
        on = np.r_[0, (prof > 0.02 * prof.max()).astype(np.int8), 0]
        starts, ends = np.nonzero(np.diff(on) == 1)[0], np.nonzero(np.diff(on) == -1)[0]
        for a, e in zip(starts, ends, strict=True):
            if e - a < max(4, 0.5 * th) or e - a > 3 * th:
                continue
            seg = prof[a:e]
            band = np.nonzero(seg >= 0.5 * seg.max())[0]
            above += seg[: band[0]].sum()
            below += seg[band[-1] + 1 :].sum()
            lines += 1
    return (above - below) / max(above + below, 1.0), lines


def detect_orientation(gray: np.ndarray) -> int:
    """Clockwise turn (0/90/180/270) that makes the page upright: the line direction from
    projection profiles, then up versus down from the ascender/diacritic asymmetry of the lines.
    When that asymmetry is weak (very little text), Tesseract's OSD decides if it is confident."""
    vertical, skew = detect_skew(gray)
    turned = rotate(gray, -90) if vertical else gray
    if abs(skew) >= MIN_SKEW:
        turned = rotate(turned, -skew)
    base = 90 if vertical else 0
    height = estimate_text_height(turned) or REFERENCE_TEXT_HEIGHT
    return (base + (180 if is_upside_down(turned, height) else 0)) % 360


def is_upside_down(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> bool:
    """Whether a level page (lines horizontal) is upside down; see :func:`upside_down_score`."""
    score, lines = upside_down_score(gray, text_height)
    if lines >= 4 and abs(score) >= 0.15:
        return score < 0
    osd = _osd_rotation(gray)
    if osd in (0, 180):
        return osd == 180
    return False  # no clear evidence: most pages are upright


def _osd_rotation(gray: np.ndarray) -> int | None:
    """Tesseract OSD's rotation for a page at reduced size, or None if it fails or is unsure."""
    from ingest.recognise.engine import detect_orientation

    small, _ = _shrink(gray, 1800)
    found = detect_orientation(small)
    if found is None or found[1] < 2.0:
        return None
    return found[0]


# --------------------------------------------------------------------------- resolution


def estimate_text_height(gray: np.ndarray) -> float | None:
    """Ink-weighted median height in pixels of letter-sized connected components (letters and
    merged letter groups dominate the ink, so specks and marks barely count), or None when the
    page has too little text to tell."""
    small, f = half_size(gray, 4_000_000)  # half size is precise enough for a 300 dpi page
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink_mask(small), connectivity=8)
    h, w, area = (stats[1:, i] for i in (cv2.CC_STAT_HEIGHT, cv2.CC_STAT_WIDTH, cv2.CC_STAT_AREA))
    h = h / f
    limit = 0.08 * min(gray.shape)
    keep = (h >= 4) & (w >= 1) & (h < limit) & (w < limit / 2)
    if np.count_nonzero(keep) < 30:
        return None
    h, area = h[keep], area[keep]
    order = np.argsort(h)
    cum = np.cumsum(area[order])
    return float(h[order][np.searchsorted(cum, cum[-1] / 2)])


def settle_text_height(measured: float | None, dpi: float | None, long_side: int) -> float | None:
    """The measured text height, unless it is implausibly small for a full-size page (a long side of
    :data:`FULL_SIZE_SIDE` pixels or more): letters under 60 % of 13 pt body text at the file's
    resolution, or, when the file does not say, at the resolution of an A4 page that size (Decree
    30 documents are A4); then body text at that resolution.  On a short page dense toner specks
    outnumber the letters and pass for tiny text; trusted, the page would be enlarged ~3x and its
    specks read as text for minutes."""
    if measured is None or long_side < FULL_SIZE_SIDE:
        return measured
    per_300 = dpi / 300.0 if dpi and 50 <= dpi <= 1200 else long_side / A4_LONG_SIDE_300
    expected = REFERENCE_TEXT_HEIGHT * per_300
    return expected if measured < 0.6 * expected else measured


def choose_scale(text_height: float | None, dpi: float | None) -> float:
    """Resampling factor for Tesseract ``vie``.  The page's resolution relative to 300 dpi comes from
    a plausible ``dpi`` of the file unless the measured text height disagrees badly (phone photos
    say 72 dpi, some scanners lie), else from the text height.  Measured on the bench: Tesseract
    ``vie`` reads body text best at ~200 dpi (13 pt letters ~22 px high).  Pages of 150-250 dpi are
    read as they are (upsampling 200 dpi JPEGs and 150 dpi faxes to 300 dpi cost about 1 point of
    bag error), pages under ~140 dpi are brought up to ~200 dpi, and pages of 250 dpi or more
    (300 dpi scans, close-up photos) down to ~200 dpi: at 300 dpi the small capitals of a
    recipients list are misread ("VT" -> "VI", "COVID" -> "COVTID"; dev bag error clean 2.8 % ->
    1.0 %), and Tesseract takes about half the time."""
    by_text = REFERENCE_TEXT_HEIGHT / text_height if text_height else None
    by_dpi = 300.0 / dpi if dpi and 50 <= dpi <= 1200 else None
    if by_text and by_dpi:
        to300 = by_dpi if 0.6 <= by_dpi / by_text <= 1.6 else by_text
    elif by_text or by_dpi:
        to300 = by_text or by_dpi
    else:
        return 1.0  # nothing to go by: read as it is
    if to300 > UPSAMPLE_BELOW:
        return round(min(to300 * 2 / 3, 3.0), 3)  # to ~200 dpi
    if to300 < DOWNSAMPLE_BELOW:
        return round(max(to300 * 2 / 3, 0.27), 3)  # to ~200 dpi
    return 1.0


def upscale(gray: np.ndarray, scale: float) -> np.ndarray:
    """Resample by ``scale``: bicubic when enlarging (after a slight blur that turns the jagged
    edges of bilevel fax/TIFF pages into gray), area averaging when shrinking."""
    if scale == 1.0:
        return gray
    if scale < 1.0:
        return cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if is_bilevel(gray):
        gray = cv2.GaussianBlur(gray, (3, 3), 0.6)
    out = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return out


def is_bilevel(gray: np.ndarray) -> bool:
    """Whether the page has (next to) no gray levels: a fax, a bilevel TIFF, a thresholded scan."""
    sample = gray[::3, ::3]
    return np.count_nonzero((sample > 5) & (sample < 250)) < 1e-4 * sample.size


def smooth_bilevel(gray: np.ndarray, sigma: float = 0.5) -> np.ndarray:
    """Give a bilevel page the soft gray edges Tesseract's ``vie`` model was trained on (a slight
    Gaussian blur); measured on 150 dpi faxes: bag error 6.9 % -> 4.9 % (sigma 0.7: 5.9 %, 1.0:
    8.3 %).  Pages with gray levels are returned as they are."""
    return cv2.GaussianBlur(gray, (0, 0), sigma) if is_bilevel(gray) else gray


# --------------------------------------------------------------------------- denoising


def line_mask(ink: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, vertical: bool = False,
              ) -> np.ndarray:
    """0/1 mask of long thin straight strokes of a 0/1 ink mask in one direction: runs longer than
    ~5 text heights (no letter has one) and at most ~1/4 text height thick (not solid blocks)."""
    length = int(5 * text_height)
    thick = max(2, int(0.25 * text_height))
    ksize, across = ((1, length), (thick + 1, 1)) if vertical else ((length, 1), (1, thick + 1))
    run = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, ksize))
    solid = cv2.morphologyEx(run, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, across))
    return run & (1 - solid)


def remove_lines(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """Erase copier streaks, rules and underlines that Tesseract reads as ``|``, ``_`` or junk,
    but not the letters they cross: where ink continues on both sides of a line (a stroke of a
    letter crossing it) the line's pixels are kept.  Found on a half-size mask for speed."""
    ink = (gray[::2, ::2] < 200).astype(np.uint8)
    th = text_height / 2
    erase = np.zeros_like(ink)
    gap = 2 * max(2, int(0.25 * th)) + 3  # bridges the erased band where letters continue across it
    for vertical in (False, True):
        lines = line_mask(ink, th, vertical)
        if not lines.any():
            continue
        lines = cv2.dilate(lines, np.ones((1, 3) if vertical else (3, 1), np.uint8))
        bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1) if vertical else (1, gap))
        crossing = cv2.morphologyEx(ink & (1 - lines), cv2.MORPH_CLOSE, bridge)
        erase |= lines & (1 - crossing)
    if not erase.any():
        return gray
    full = cv2.resize(erase, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
    out = gray.copy()
    out[full > 0] = 255
    return out


def blob_map(per_blob: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The uint8 image of a per-blob value (bools or small codes, row 0 the paper) at each pixel of
    a ``cv2.connectedComponents`` label image; ``np.take`` with ``mode="clip"`` is twice as fast
    as indexing (4 ms instead of 8.5 for an A4 page at 200 dpi), and labels are always in range."""
    return np.take(per_blob.astype(np.uint8, copy=False), labels, mode="clip")


def ink_components(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ink mask of :func:`ink_mask`, the labels of its 8-connected blobs and their stats (as
    ``cv2.connectedComponentsWithStats`` gives them; row 0 is the paper)."""
    ink = ink_mask(gray)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return ink, labels, stats


def speckle_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """0/1 mask of isolated specks: blobs at most 0.4 text height across with no letter-sized ink
    within half a text height to the sides and 0.6 above/below, and at most about twice their own
    ink in other small blobs (a letter broken by faded toner is many close pieces; a speck is alone).
    A mark of "ộ", "ữ", "ặ" always has its letter that close, so diacritics are never specks."""
    ink, labels, stats = ink_components(gray)
    return blob_map(_isolated_specks(ink, labels, stats, text_height), labels)


def _isolated_specks(ink: np.ndarray, labels: np.ndarray, stats: np.ndarray, text_height: float,
                     ) -> np.ndarray:
    """Per blob (row 0, the paper, always False): whether it is an isolated speck (:func:`speckle_mask`)."""
    isolated = np.zeros(len(stats), bool)
    side = 0.4 * text_height
    x, y, w, h, area = (stats[1:, i] for i in range(5))
    small = (w <= side) & (h <= side) & (area <= side * side * 0.8)
    if not small.any():
        return isolated
    big = blob_map(np.r_[False, ~small], labels)
    s_big, s_ink = cv2.integral(big), cv2.integral(ink)

    def ink_around(s: np.ndarray, rx: int, ry: int) -> np.ndarray:
        return _box_sums(s, x - rx, y - ry, x + w + rx, y + h + ry)

    rx, ry = int(0.5 * text_height), int(0.6 * text_height)
    near_big = ink_around(s_big, rx, ry)
    near_any = ink_around(s_ink, rx, ry) - area
    # a dash ("- Như Điều 4") is a flat bar up to a letter width before its word: punctuation
    dash = (w >= 1.8 * h) & (h <= 0.2 * text_height)
    dash_near_text = dash & (ink_around(s_big, int(1.2 * text_height), int(0.3 * text_height)) > 0)
    isolated[1:] = small & (near_big == 0) & (near_any <= 2 * area) & ~dash_near_text
    return isolated


def remove_speckles(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
                    stray_dots: bool = True) -> np.ndarray:
    """Paint specks white: isolated ones (toner, dust, JPEG and fax noise; see :func:`speckle_mask`)
    and, on a speckled page, the dots among the letters (see :func:`stray_dot_mask`; not with
    ``stray_dots`` off); one blob analysis serves both.  Large pages are searched for isolated
    specks at half size, which is 4x faster and finds the same specks."""
    return despeckle(gray, text_height, stray_dots=stray_dots)[0]


def despeckle(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
              stray_dots: bool = True) -> tuple[np.ndarray, bool]:
    """:func:`remove_speckles`, and whether the page was speckled (its stray dots were removed:
    a photocopy, where specks touching the letters also change their marks)."""
    if gray.size <= 4_000_000:
        ink, labels, stats = ink_components(gray)
        isolated = _isolated_specks(ink, labels, stats, text_height)
        stray = _stray_dots(labels, stats, text_height, isolated) if stray_dots else np.zeros_like(isolated)
        specks = blob_map(isolated | stray, labels)
        speckled = bool(stray.any())
    else:
        half = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        specks = cv2.dilate(speckle_mask(half, text_height / 2), np.ones((3, 3), np.uint8))
        specks = cv2.resize(specks, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
        stray = stray_dot_mask(np.where(specks > 0, np.uint8(255), gray), text_height) if stray_dots else None
        speckled = stray is not None and bool(stray.any())
        if speckled:
            specks |= stray
    if not specks.any():
        return gray, speckled
    out = gray.copy()
    out[specks > 0] = 255
    return out, speckled


def _box_sums(integral: np.ndarray, x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray,
              ) -> np.ndarray:
    """Sums over the boxes [x0, x1) x [y0, y1) (clipped to the image) from a ``cv2.integral``."""
    h, w = integral.shape[0] - 1, integral.shape[1] - 1
    x0, x1, y0, y1 = np.clip(x0, 0, w), np.clip(x1, 0, w), np.clip(y0, 0, h), np.clip(y1, 0, h)
    return integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]


def stray_dot_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """0/1 mask of the dot-sized specks of a speckled page (a photocopy) that sit among the letters,
    where :func:`speckle_mask` must leave them, and where Tesseract reads them as marks ("nhân" ->
    "nhần", "cho" -> "chọ") or letters.  A dot at most ~0.17 text height across is kept only where
    Vietnamese print puts one: a little above a vertical stroke (the dot of i, j), right under a
    letter (the dot below of "ạ", "ộ"), on the baseline after a letter (period, comma), above another
    small mark (colon, semicolon), or touching-close to other small ink (a mark broken by faded
    toner).  On a page with fewer such dots than a speckled page has (a scan, a fax, a photo) the
    mask is empty: there the few lone dots are more likely thin marks of crisp print than specks."""
    _, labels, stats = ink_components(gray)
    return blob_map(_stray_dots(labels, stats, text_height), labels)


def _stray_dots(labels: np.ndarray, stats: np.ndarray, text_height: float, gone: np.ndarray | None = None,
                ) -> np.ndarray:
    """Per blob: whether it is a stray dot (:func:`stray_dot_mask`); blobs flagged in ``gone``
    (already removed as isolated specks) count as paper."""
    stray = np.zeros(len(stats), bool)
    x, y, w, h, area = (stats[:, i] for i in range(5))
    th = text_height
    side = np.maximum(w, h)
    present = np.ones(len(stats), bool) if gone is None else ~gone
    present[0] = False
    dot = present & ((side <= STRAY_DOT * th) | ((side <= 1.3 * STRAY_DOT * th) & (area >= 0.8 * w * h)))
    letter = present & (side > 0.3 * th)  # letters and words; marks and punctuation are smaller
    if np.count_nonzero(dot) < max(STRAY_DOTS_MIN, DOTS_PER_LETTER * np.count_nonzero(letter)):
        return stray  # not a speckled page (cheap test first: the rest costs ~20 ms a page)
    partner = present & (h <= 0.5 * th) & (w <= 0.25 * th) & (side >= 2)  # lower half of ":" or ";"
    code = letter.astype(np.uint8) | (present & ~letter).astype(np.uint8) << 1 | partner.astype(np.uint8) << 2
    blobs = blob_map(code, labels)  # one look-up for three maps: bit 0 letters, 1 small ink, 2 partners
    body, small, lower = blobs & 1, (blobs >> 1) & 1, (blobs >> 2) & 1
    stems = cv2.morphologyEx(body, cv2.MORPH_OPEN, np.ones((max(2, int(0.4 * th)), 1), np.uint8))
    s_body, s_stem, s_small, s_lower = (cv2.integral(m) for m in (body, stems, small, lower))

    i = np.nonzero(dot)[0]
    x0, y0, x1, y1 = x[i], y[i], x[i] + w[i], y[i] + h[i]
    lo, hi = round(0.06 * th), round(0.23 * th)
    i_dot = (_box_sums(s_stem, x0 - 1, y1 + lo, x1 + 1, y1 + hi + 1) > 0) & (
        _box_sums(s_body, x0, y1, x1, y1 + lo) == 0)
    dot_below = _box_sums(s_body, x0, y0 - max(1, round(0.1 * th)) - 1, x1, y0) > 0
    al, near, wide = max(1, round(0.1 * th)), int(0.4 * th), int(1.5 * th)
    on_line = _box_sums(s_body, x0 - wide, y1 - al, x0, y1 + 1)
    below_line = _box_sums(s_body, x0 - wide, y1 + 1, x0, y1 + al + 1)
    beside = _box_sums(s_body, x0 - near, y0 - al, x0, y1 + al) > 0
    period = beside & (on_line > 0) & (below_line < 0.5 * on_line)  # letters end at its bottom
    colon = _box_sums(s_lower, x0, y1 + int(0.15 * th), x1, y1 + int(0.75 * th)) > 0
    d = max(1, round(0.1 * th))
    broken_mark = _box_sums(s_small, x0 - d, y0 - d, x1 + d, y1 + d) > area[i]
    found = ~(i_dot | dot_below | period | colon | broken_mark)
    if np.count_nonzero(found) < max(STRAY_DOTS_MIN, STRAY_DOTS_PER_LETTER * np.count_nonzero(letter)):
        return stray
    stray[i[found]] = True
    return stray


def stamp_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, dark: int = 110,
               light: int = 215) -> np.ndarray:
    """0/1 mask of gray marks: seals printed in colour (red in the original, mid-gray once scanned
    in grayscale), the shadow band along a photocopy's edge.  Tesseract reads a seal as junk and
    loses the marks of letters it overlaps ("PHÓ CHỦ" -> "PHO CHU").  A gray mark is a blob of
    pixels lighter than ink and darker than paper that spans over 2.5 text heights and lies mostly
    away from dark ink: the gray edges of letters hug their dark strokes, so text is never in it,
    and where a seal crosses letters only its gray pixels go."""
    lt = ((gray > dark) & (gray < light)).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(lt, connectivity=8)
    if n <= 1:
        return np.zeros_like(lt)
    big = np.maximum(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]) > 2.5 * text_height
    if not big.any():
        return np.zeros_like(lt)
    k = max(3, int(text_height / 7) | 1)  # 5 px at 300 dpi
    dark_ink = (gray <= dark).astype(np.uint8)
    near_dark = cv2.dilate(dark_ink, np.ones((k, k), np.uint8))
    edge = cv2.dilate(dark_ink, np.ones((3, 3), np.uint8))
    mask = np.zeros_like(lt)
    for i in np.nonzero(big)[0] + 1:
        x, y, w, h, area = stats[i]
        own = labels[y:y + h, x:x + w] == i
        if np.count_nonzero(near_dark[y:y + h, x:x + w][own]) >= 0.3 * area:
            continue  # the gray edge of dark strokes: text, a signature
        mask[y:y + h, x:x + w][own] = 1
        # the seal's own small pieces (ticks of its rim, letters of its legend) inside its outline
        ys, xs = np.nonzero(own)
        hull = cv2.convexHull(np.column_stack([xs + x, ys + y]).astype(np.int32))
        inside = np.zeros_like(lt)
        cv2.fillConvexPoly(inside, hull, 1)
        cv2.polylines(inside, [hull], True, 1, max(3, int(0.3 * text_height)))
        mask |= inside & lt & (1 - edge)
    fringe = cv2.dilate(mask, np.ones((3, 3), np.uint8))  # the seal's lighter anti-aliased edge
    return fringe & (gray > dark).astype(np.uint8)


def signature_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, dark: int = 128,
                   ) -> np.ndarray:
    """0/1 mask of handwritten strokes: signatures, dark blobs over 1.5 text heights tall and 4 wide
    whose ink fills under an eighth of their box (no printed letter or word is that tall), and
    their flourishes: thin strokes over 4 text heights long and under a fifth of one thick, at
    any slant, within three text heights of a signature.  Tesseract splits the lines next
    to a signature wrongly (the marks of "PHÓ CHỦ" above one read as a line of their own) and
    reads a flourish as "_Z"."""
    ink = (gray < dark).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    w, h, area = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    sig = (h > 1.5 * text_height) & (w > 4 * text_height) & (area < w * h / 8)
    for i in np.nonzero(sig)[0] + 1:  # not a straight streak or rule with the letters it crosses
        x, y, bw, bh = stats[i, :4]
        own = labels[y:y + bh, x:x + bw] == i
        if max(own.sum(axis=0).max() / bh, own.sum(axis=1).max() / bw) > 0.5:
            sig[i - 1] = False
    if not sig.any():
        return np.zeros_like(ink)
    mask = blob_map(np.r_[False, sig], labels)
    length = np.hypot(w, h)
    strokes = np.nonzero(~sig & (length > 4 * text_height) & (area < 0.2 * text_height * length))[0] + 1
    if strokes.size:  # a flourish within three text heights of a signature
        r = int(3 * text_height)
        zone = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * r + 1, 2 * r + 1)))
        for i in strokes:
            x, y, bw, bh = stats[i, :4]
            own = labels[y:y + bh, x:x + bw] == i
            if zone[y:y + bh, x:x + bw][own].any():
                mask[y:y + bh, x:x + bw][own] = 1
    return cv2.dilate(mask, np.ones((3, 3), np.uint8))  # with its gray edge


def remove_stamps(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """Paint signatures, then seals white (a seal's rim under a signature is gray ink next to
    dark); see :func:`signature_mask` and :func:`stamp_mask`.  Large pages are analysed at half
    size (both marks are far larger than a pixel), which is 4x faster."""
    small, f = half_size(gray, 2_000_000)  # a 200 dpi A4 page has 3.9 Mpx
    strokes = signature_mask(small, text_height * f)
    if strokes.any():
        small = np.where(strokes > 0, np.uint8(255), small)
    seals = stamp_mask(small, text_height * f)
    if not strokes.any() and not seals.any():
        return gray
    if f < 1:
        size = (gray.shape[1], gray.shape[0])
        strokes = cv2.resize(strokes, size, interpolation=cv2.INTER_NEAREST)
        # at full size a seal pixel is never the dark ink of a letter it crosses
        seals = cv2.resize(seals, size, interpolation=cv2.INTER_NEAREST) & (gray > 110)
    out = gray.copy()
    out[(strokes > 0) | (seals > 0)] = 255
    return out


def denoise(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
            bilevel: bool = False) -> np.ndarray:
    """Remove seals and signatures, ruled lines/streaks, then speckles; paper noise lighter than
    ink is whitened.  Text strokes and diacritics are left as they are (no global binarisation).
    A page that came in ``bilevel`` (a fax, a thresholded scan) keeps its dots among the letters:
    thresholding leaves as many dot-sized pieces of crisp print as a photocopy has specks, and
    removing them cost the 150 dpi fax pages of ``bench_ocr.py --synth`` 1.6 points of bag error
    (3.55 -> 5.14 %)."""
    return _denoise(gray, text_height, bilevel=bilevel)[0]


def _denoise(gray: np.ndarray, text_height: float, *, bilevel: bool) -> tuple[np.ndarray, bool]:
    """:func:`denoise`, and whether the page was speckled (see :func:`despeckle`)."""
    out = remove_stamps(gray, text_height)
    out = remove_lines(out, text_height)
    return despeckle(out, text_height, stray_dots=not bilevel)


# --------------------------------------------------------------------------- pipeline


def prepare(gray: np.ndarray, dpi: float | None = None) -> Prepared:
    """Clean a scanned or photographed page for Tesseract ``vie``: flatten, normalise light,
    turn upright, deskew, bring to ~300 dpi, remove lines and speckles."""
    img = as_gray(gray)
    steps: list[str] = []
    img, flattened = flatten_perspective(img)
    if flattened:
        steps.append("flatten")
    bilevel = is_bilevel(img)
    if bilevel:
        img = smooth_bilevel(img)
        steps.append("smooth")
    img = normalise_illumination(img)
    steps.append("illumination")

    vertical, skew = detect_skew(img)
    if vertical:
        img = rotate(img, -90)
    if abs(skew) >= MIN_SKEW:
        img = rotate(img, -skew, expand=abs(skew) > 5)  # a scan tilted inside its frame keeps its size
        steps.append("deskew")
    else:
        skew = 0.0

    height = settle_text_height(estimate_text_height(img), dpi, max(img.shape))
    scale = choose_scale(height, dpi)
    if scale != 1.0:
        img = upscale(img, scale)
        steps.append("rescale")
    height = height * scale if height else REFERENCE_TEXT_HEIGHT

    flip = is_upside_down(img, height)
    if flip:
        img = rotate(img, 180)
    rotation = ((90 if vertical else 0) + (180 if flip else 0)) % 360
    if rotation:
        steps.append("rotate")

    img, speckled = _denoise(img, height, bilevel=bilevel)
    steps.append("denoise")
    if speckled:
        steps.append("speckled")
    return Prepared(image=img, rotation=rotation, skew=round(skew, 2), scale=scale,
                    flattened=flattened, text_height=height, steps=tuple(steps))
