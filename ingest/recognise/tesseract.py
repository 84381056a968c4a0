"""Text recognition behind the small `OcrEngine` protocol. Tesseract is the engine we ship: in
process through tesserocr (one loaded model per process, the page handed over as raw pixels), or,
where tesserocr is not installed, as the `tesseract` program through pytesseract. Adding another
engine is a new class, not an edit everywhere."""

from __future__ import annotations

import glob
import os
import re
import shlex
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ingest.core.errors import RecognitionFailed
from ingest.recognise.hocr import parse_hocr, segments
from schemas.ocr import BBox, OcrLine, OcrWord

# Tesseract's OpenMP threads fight the worker processes for the same cores; one thread each is
# several times faster on a busy machine. Set before Tesseract is loaded or started.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_HOCR_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
              '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
              '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n<head>\n'
              '  <title></title>\n  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n'
              '  <meta name="ocr-system" content="tesseract {version}"/>\n'
              '  <meta name="ocr-capabilities" '
              'content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf"/>\n'
              '</head>\n<body>\n')
_HOCR_TAIL = "</body>\n</html>\n"


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


@dataclass(frozen=True)
class TesseractOptions:
    """A Tesseract command-line configuration (``--psm N --dpi N -c name=value``) taken apart, so
    the in-process engine and the program are configured from the same string."""

    psm: int = 3
    dpi: int | None = None
    variables: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, config: str) -> TesseractOptions:
        psm, dpi, variables = 3, None, []
        tokens = shlex.split(config)
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok == "--psm":
                psm, i = int(tokens[i + 1]), i + 1
            elif tok == "--dpi":
                dpi, i = int(tokens[i + 1]), i + 1
            elif tok == "-c":
                name, _, value = tokens[i + 1].partition("=")
                variables.append((name, value))
                i += 1
            else:
                raise ValueError(f"unsupported Tesseract option {tok!r} in {config!r}")
            i += 1
        return cls(psm=psm, dpi=dpi, variables=tuple(variables))


def tessdata_dir(lang: str = "vie") -> str:
    """The folder holding ``<lang>.traineddata``: ``$TESSDATA_PREFIX`` if set, else the places
    Debian, Ubuntu, Fedora and Homebrew install Tesseract's language data."""
    candidates = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    candidates += sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata"), reverse=True)
    candidates += ["/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata"]
    for folder in candidates:
        if os.path.isfile(os.path.join(folder, f"{lang}.traineddata")):
            return folder
    raise RecognitionFailed(f"Tesseract language data {lang!r} not found (looked in "
                            f"{', '.join(candidates)}); install it (apt-get install tesseract-ocr-{lang}) "
                            "or set TESSDATA_PREFIX")


class TesseractEngine:
    """Tesseract 5 LSTM loaded once in this process through tesserocr; each page is one
    recognition whose hOCR is parsed for words. Thread-safe (one page at a time per engine)."""

    name = "tesseract"

    def __init__(self, lang: str = "vie", config: str | None = None) -> None:
        import tesserocr

        from ingest.recognise.junk import TESSERACT_CONFIG

        self.lang = lang
        self.options = TesseractOptions.parse(TESSERACT_CONFIG if config is None else config)
        self._lock = threading.Lock()
        self._api = tesserocr.PyTessBaseAPI(path=tessdata_dir(lang), lang=lang,
                                            psm=self.options.psm, init=True)
        for name, value in self.options.variables:
            if not self._api.SetVariable(name, value):
                raise ValueError(f"unknown Tesseract variable {name!r}")
        self._version = tesserocr.tesseract_version().split()[1]

    def recognise(self, image: np.ndarray, *, dpi: float | None = None, psm: int | None = None,
                  on_layout: LayoutHook | None = None) -> EngineOutput:
        resolution = self.options.dpi or (int(dpi) if dpi else 300)
        with self._lock:
            api = self._api
            api.SetPageSegMode(psm if psm is not None else self.options.psm)
            _hand_over(api, image)
            api.SetSourceResolution(resolution)
            if on_layout is not None:  # Recognize() goes on from this layout: found once, not twice
                on_layout(layout_lines(api.AnalyseLayout()))
            if not api.Recognize():
                api.Clear()
                raise RecognitionFailed("tesseract could not recognise this page")
            body = api.GetHOCRText(0)
            api.Clear()
        hocr = _HOCR_HEAD.format(version=self._version) + body + _HOCR_TAIL
        return EngineOutput(lines=parse_hocr(hocr), hocr=hocr)


    def symbol_choices(self, image: np.ndarray, psm: int = 8) -> list[tuple[str, list[tuple[str, float]]]]:
        """Each symbol read in `image` (one word: ``--psm 8``) with its alternatives and their
        confidences (0-100), from the LSTM's choices (``lstm_choice_mode=2``, set for this call
        only: on a whole page it costs a third more time)."""
        from tesserocr import RIL, iterate_choices, iterate_level

        out = []
        with self._lock:
            api = self._api
            before = api.GetIntVariable("lstm_choice_mode")
            api.SetVariable("lstm_choice_mode", "2")
            try:
                api.SetPageSegMode(psm)
                _hand_over(api, image)
                api.SetSourceResolution(300)
                if api.Recognize():
                    for sym in iterate_level(api.GetIterator(), RIL.SYMBOL):
                        text = _utf8(sym, RIL.SYMBOL)
                        found = sym.GetChoiceIterator()  # None where the LSTM kept no choices
                        choices = [(t, c.Confidence())
                                   for c in (iterate_choices(found) if found is not None else ())
                                   if c is not None and (t := _utf8(c)) is not None]
                        if text is not None:
                            out.append((text, choices))
            finally:
                api.Clear()
                api.SetVariable("lstm_choice_mode", str(before or 0))
        return out


def layout_lines(it: object) -> list[OcrLine]:
    """The text lines of tesserocr's layout analysis (``AnalyseLayout()``, before recognition) as
    :func:`ingest.recognise.hocr.parse_hocr` gives lines after it: numbered by block, split at column gaps,
    with the boxes of their words and no text."""
    from tesserocr import PT, RIL

    text_blocks = {PT.FLOWING_TEXT, PT.HEADING_TEXT, PT.PULLOUT_TEXT, PT.TABLE, PT.VERTICAL_TEXT,
                   PT.CAPTION_TEXT, PT.EQUATION, PT.INLINE_EQUATION}
    lines: list[OcrLine] = []
    if it is None:  # an empty page
        return lines
    block, line_h, words, text = 0, 30.0, [], True
    while True:
        if it.IsAtBeginningOf(RIL.TEXTLINE):  # type: ignore[attr-defined]
            lines.extend(segments(words, block, line_h))  # the line before, in its own block
            words = []
            line_box = it.BoundingBox(RIL.TEXTLINE)  # type: ignore[attr-defined]
            line_h = float(line_box[3] - line_box[1]) if line_box else 30.0  # ~ hOCR's x_size
        if it.IsAtBeginningOf(RIL.BLOCK):  # type: ignore[attr-defined]
            block += 1
            text = it.BlockType() in text_blocks  # type: ignore[attr-defined]
        box = it.BoundingBox(RIL.WORD) if text else None  # type: ignore[attr-defined]
        if box:
            x0, y0, x1, y1 = box
            words.append(OcrWord(text="", conf=0.0, bbox=BBox(x=x0, y=y0, w=x1 - x0, h=y1 - y0)))
        if not it.Next(RIL.WORD):  # type: ignore[attr-defined]
            break
    lines.extend(segments(words, block, line_h))
    return lines


def _hand_over(api: object, image: np.ndarray) -> None:
    """Give a tesserocr API the image's gray pixels as they are (no encoding, one copy)."""
    gray = np.ascontiguousarray(image if image.ndim == 2 else image[..., 0], dtype=np.uint8)
    height, width = gray.shape
    api.SetImageBytes(gray.tobytes(), width, height, 1, width)  # type: ignore[attr-defined]


def _utf8(item: object, *level: int) -> str | None:
    """The text of a tesserocr result or choice, None where it has none (tesserocr raises then)."""
    try:
        return item.GetUTF8Text(*level)  # type: ignore[attr-defined]
    except RuntimeError:
        return None


class TesseractProgram:
    """The `tesseract` program through pytesseract, one process per page: the fallback where
    tesserocr is not installed."""

    name = "tesseract"

    def __init__(self, lang: str = "vie", config: str | None = None, timeout: int = 300) -> None:
        from ingest.recognise.junk import TESSERACT_CONFIG

        self.lang = lang
        self.config = TESSERACT_CONFIG if config is None else config
        self.timeout = timeout

    def recognise(self, image: np.ndarray, *, dpi: float | None = None, psm: int | None = None,
                  on_layout: LayoutHook | None = None) -> EngineOutput:
        import pytesseract
        from PIL import Image

        pil = Image.fromarray(image)
        pil.format = "PPM"  # uncompressed hand-over to the tesseract process: no PNG encoding cost
        config = self.config if dpi is None or "--dpi" in self.config else f"{self.config} --dpi {int(dpi)}"
        if psm is not None:
            config = re.sub(r"--psm \d+", "", config) + f" --psm {psm}"
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
        out = EngineOutput(lines=parse_hocr(text), hocr=text)
        if on_layout is not None:  # the program tells the layout only with the text
            on_layout(out.lines)
        return out


_OSD_API: list = []  # the in-process orientation detector, made on first use
_OSD_LOCK = threading.Lock()


def detect_orientation(gray: np.ndarray) -> tuple[int, float] | None:
    """Tesseract's orientation and script detection on a grayscale page: (degrees the page must be
    turned clockwise to stand upright, confidence), or None where it cannot tell (too few
    letters).  In process through tesserocr (the ``osd`` model is loaded once); the `tesseract`
    program through pytesseract where tesserocr is missing."""
    try:
        import tesserocr
    except ImportError:
        return _osd_program(gray)
    with _OSD_LOCK:
        if not _OSD_API:
            _OSD_API.append(tesserocr.PyTessBaseAPI(path=tessdata_dir("osd"), lang="osd",
                                                    psm=tesserocr.PSM.OSD_ONLY))
        api = _OSD_API[0]
        _hand_over(api, gray)
        try:
            osd = api.DetectOrientationScript()
        except RuntimeError:  # too few characters to tell
            osd = None
        api.Clear()
    if not osd:
        return None
    return (360 - int(osd["orient_deg"])) % 360, float(osd["orient_conf"])


def _osd_program(gray: np.ndarray) -> tuple[int, float] | None:
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(gray, config="--psm 0", output_type=pytesseract.Output.DICT)
    except Exception:  # noqa: BLE001 - OSD fails outright on pages with too few characters
        return None
    return int(osd.get("rotate", 0)) % 360, float(osd.get("orientation_conf", 0.0))


_ENGINES: dict[tuple[str, str, bool], OcrEngine] = {}
_ENGINES_LOCK = threading.Lock()


def get_engine(name: str = "tesseract", lang: str = "vie", *, helper: bool = False) -> OcrEngine:
    """One engine instance per process and configuration (the model is loaded once); with
    `helper`, a second one, for reading parts of a page while the first reads the rest."""
    key = (name, lang, helper)
    engine = _ENGINES.get(key)
    if engine is not None:  # no lock needed to find it: a helper's model may be loading meanwhile
        return engine
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            if name != "tesseract":
                raise ValueError(f"unknown OCR engine {name!r}; available: tesseract")
            try:
                _ENGINES[key] = TesseractEngine(lang=lang)
            except ImportError:
                _ENGINES[key] = TesseractProgram(lang=lang)
        return _ENGINES[key]
