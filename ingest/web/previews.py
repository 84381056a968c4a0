"""Page previews for the document page: a page of an original rendered small as PNG, the most recently
shown kept in memory."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict

from PIL import Image

from ingest.raster.render import render_page
from ingest.store.services import Services

__all__ = ["PreviewCache", "previews"]

PREVIEW_DPI = 100          # resolution a page is rendered at for the screen
PREVIEW_MAX_WIDTH = 1240   # pixels; wider renderings are scaled down
PREVIEWS_KEPT = 24         # rendered pages kept in memory


class PreviewCache:
    """PNG previews of pages, keyed by the original's SHA-256 and the page number; the least recently
    shown are dropped past `kept`. One page is rendered at a time: the office server is small."""

    def __init__(self, kept: int = PREVIEWS_KEPT) -> None:
        self.kept = kept
        self._pngs: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def png(self, s: Services, sha: str, key: str, mime: str, number: int) -> bytes:
        """The preview of page `number` of the original stored under `key` (rendered if not kept)."""
        with self._lock:
            hit = self._pngs.get((sha, number))
            if hit is not None:
                self._pngs.move_to_end((sha, number))
                return hit
            png = _render(s, key, mime, number)
            self._pngs[(sha, number)] = png
            while len(self._pngs) > self.kept:
                self._pngs.popitem(last=False)
            return png


def _render(s: Services, key: str, mime: str, number: int) -> bytes:
    image = render_page(s.store.get(key), mime, number, dpi=PREVIEW_DPI,
                        max_pixels=s.settings.max_page_pixels)
    img = Image.fromarray(image.gray)
    if img.width > PREVIEW_MAX_WIDTH:
        img.thumbnail((PREVIEW_MAX_WIDTH, PREVIEW_MAX_WIDTH * 3))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


previews = PreviewCache()  # the process's cache
