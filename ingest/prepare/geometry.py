"""Page geometry: perspective flattening of phone photos, skew detection and rotation.

Pure OpenCV/numpy, no I/O.  Angles are in degrees; a skew is positive when the text lines rise
to the right, and :func:`rotate` turns counter-clockwise.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from ingest.prepare.image import blob_map, ink_mask, shrink

#: long side (px) of the thumbnail used for orientation and skew analysis
ANALYSIS_SIZE = 1000
#: largest skew searched for, degrees
MAX_SKEW = 15.0
#: smaller tilts are left to Tesseract: on sparse pages (a last page of a few short lines beside a
#: seal and signature) the estimate is off by up to ~0.3 degrees, and turning a level page by that
#: much blurs small type enough to turn "TT." and "VT" into "FT." and "VI"
MIN_SKEW = 0.4
#: larger tilts (degrees) are straightened on a grown canvas so no corner is cut; a scan tilted by
#: less was tilted inside its frame and keeps its size
EXPAND_ABOVE = 5
#: long side (px) of the thumbnail a photographed page's outline is searched on
PAGE_SEARCH_SIZE = 600
#: a photographed page: the darker background is at least MIN_BACKGROUND_SHARE of the frame and
#: MIN_PAGE_CONTRAST gray levels darker than the page, whose outline covers MIN_PAGE_SHARE of it
MIN_BACKGROUND_SHARE = 0.03
MIN_PAGE_CONTRAST = 40
MIN_PAGE_SHARE = 0.2
#: page corners within this share of the frame's long side from its edge lie on the edge (a scan)
CORNER_MARGIN = 0.015
#: text-like blobs of a thumbnail, in shares of its long side: at most TEXT_BLOB_MAX_SIDE long and
#: TEXT_BLOB_MAX_THICKNESS thick (not a rule, a photo, a seal), at least TEXT_BLOB_MIN_THICKNESS
#: thick (not a speck), and filling at least TEXT_BLOB_MIN_FILL of their box
TEXT_BLOB_MAX_SIDE = 0.15
TEXT_BLOB_MAX_THICKNESS = 0.02
TEXT_BLOB_MIN_THICKNESS = 0.004
TEXT_BLOB_MIN_FILL = 0.2
#: at most this many ink pixels (a fixed random sample) go into the projection profiles, for speed
MAX_PROFILE_POINTS = 150_000
#: a thumbnail with fewer text-like ink pixels has no text to measure a skew on
MIN_TEXT_PIXELS = 200
#: the text runs vertically when the page's profile turned a quarter is this much sharper
VERTICAL_MARGIN = 1.15
#: words are smeared sideways into lines by this share of the thumbnail's long side; a line is a
#: blob at least MIN_LINE_WIDTH of the long side wide, MIN_LINE_ASPECT times as wide as high, with
#: MIN_LINE_PIXELS of ink; the skew is fitted on lines when there are MIN_LINES of them
WORD_SMEAR = 0.015
MIN_LINE_WIDTH = 0.08
MIN_LINE_ASPECT = 6
MIN_LINE_PIXELS = 20
MIN_LINES = 3


def find_page_quad(gray: np.ndarray) -> np.ndarray | None:
    """Corners (tl, tr, br, bl; float32, input pixels) of a photographed page lying on a darker
    background, or None when the page fills the frame (a flat scan) or no clear page is found."""
    small, f = shrink(gray, PAGE_SEARCH_SIZE)
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    t, bright = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    inside, outside = blur[bright > 0], blur[bright == 0]
    if inside.size == 0 or outside.size < MIN_BACKGROUND_SHARE * blur.size:
        return None
    if inside.mean() - outside.mean() < MIN_PAGE_CONTRAST:
        return None
    k = max(3, int(0.03 * max(small.shape)) | 1)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    if cv2.contourArea(hull) < MIN_PAGE_SHARE * small.size:
        return None
    quad = _four_corners(hull)
    if quad is None:
        return None
    h, w = small.shape
    margin = CORNER_MARGIN * max(h, w)
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
    keep = np.maximum(w, h) <= TEXT_BLOB_MAX_SIDE * long_side
    keep &= (short <= TEXT_BLOB_MAX_THICKNESS * long_side) & (short >= TEXT_BLOB_MIN_THICKNESS * long_side)
    keep &= area >= TEXT_BLOB_MIN_FILL * w * h  # not a thin diagonal stroke (signature, stamp arc)
    keep[0] = False
    return blob_map(keep, labels)


def _points(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.nonzero(mask)
    if xs.size > MAX_PROFILE_POINTS:
        keep = np.random.default_rng(0).choice(xs.size, MAX_PROFILE_POINTS, replace=False)
        xs, ys = xs[keep], ys[keep]
    return xs.astype(np.float32) - mask.shape[1] / 2, ys.astype(np.float32) - mask.shape[0] / 2


def line_angles(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(angles, widths) of the text lines of a thumbnail ink mask: words are smeared sideways into
    line blobs and a least-squares line is fitted through each long blob's ink.  Angles in degrees,
    positive when the line rises to the right."""
    long_side = max(mask.shape)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(WORD_SMEAR * long_side)), 1))
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
        if w < MIN_LINE_WIDTH * long_side or w < MIN_LINE_ASPECT * h or hi - lo < MIN_LINE_PIXELS:
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
    small, _ = shrink(gray, ANALYSIS_SIZE)
    mask = text_like_mask(small)
    if np.count_nonzero(mask) < MIN_TEXT_PIXELS:
        return False, 0.0
    xs, ys = _points(mask)
    a0, s0 = _coarse(xs, ys, limit)
    a90, s90 = _coarse(ys, -xs, limit)  # the page turned a quarter
    vertical = s90 > VERTICAL_MARGIN * s0
    if vertical:
        mask = cv2.rotate(mask, cv2.ROTATE_90_CLOCKWISE)
    angles, widths = line_angles(mask)
    ok = np.abs(angles) <= limit
    if np.count_nonzero(ok) >= MIN_LINES:
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
    return rotate(gray, -angle, expand=abs(angle) > EXPAND_ABOVE), angle
