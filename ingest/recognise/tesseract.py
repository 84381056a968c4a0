"""Tesseract, the OCR engine we ship, behind :class:`ingest.recognise.interface.OcrEngine`: in
process through tesserocr (one loaded model per process, the page handed over as raw pixels), or,
where tesserocr is not installed, as the `tesseract` program through pytesseract.  Both are
configured from the same command-line string, :data:`TESSERACT_CONFIG` unless told otherwise."""

from __future__ import annotations

import glob
import os
import re
import shlex
import threading
from dataclasses import dataclass

import numpy as np

from ingest.core.errors import RecognitionFailed
from ingest.recognise.hocr import parse_hocr, segments
from ingest.recognise.interface import EngineOutput, LayoutHook
from schemas.ocr import BBox, OcrLine, OcrWord

# Tesseract's OpenMP threads fight the worker processes for the same cores; one thread each is
# several times faster on a busy machine. Set before Tesseract is loaded or started.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

#: Tesseract arguments (besides ``-l vie``) measured best on prepared pages; see bench/bench_ocr.py.
#: ``--psm 3`` (automatic layout) keeps the header's columns as separate blocks; ``--psm 11`` scored
#: a little better on the bag metric on clean/office pages but reads the header row by row,
#: ``--psm 4/6`` were worse, and so were Tesseract's own adaptive/Sauvola thresholding
#: (``thresholding_method=1/2``), ``--dpi 300``, and any binarisation, gamma, sharpening or blur of
#: our own.  ``tessedit_do_invert=0`` stops Tesseract from also trying every low-confidence line
#: inverted (prepared pages are never white on black); it was slightly better on clean pages and
#: neutral elsewhere.  Run with ``OMP_THREAD_LIMIT=1`` (set above).
TESSERACT_CONFIG = "--psm 3 -c tessedit_do_invert=0"
#: the page segmentation mode when a configuration names none (Tesseract's own default)
DEFAULT_PSM = 3
#: the resolution a page is read at when neither the configuration nor the caller gives one, and
#: the one a single word is read at for its symbol choices
DEFAULT_DPI = 300
#: the line height (px) assumed for a layout line whose box Tesseract does not give (~ hOCR's x_size)
DEFAULT_LINE_HEIGHT = 30.0
#: seconds the `tesseract` program may take on one page
PROGRAM_TIMEOUT = 300

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


@dataclass(frozen=True)
class TesseractOptions:
    """A Tesseract command-line configuration (``--psm N --dpi N -c name=value``) taken apart, so
    the in-process engine and the program are configured from the same string."""

    psm: int = DEFAULT_PSM
    dpi: int | None = None
    variables: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, config: str) -> TesseractOptions:
        psm, dpi, variables = DEFAULT_PSM, None, []
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
        resolution = self.options.dpi or (int(dpi) if dpi else DEFAULT_DPI)
        with self._lock:
            api = self._api
            api.SetPageSegMode(psm if psm is not None else self.options.psm)
            hand_over(api, image)
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
                hand_over(api, image)
                api.SetSourceResolution(DEFAULT_DPI)
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
    block, line_h, words, text = 0, DEFAULT_LINE_HEIGHT, [], True
    while True:
        if it.IsAtBeginningOf(RIL.TEXTLINE):  # type: ignore[attr-defined]
            lines.extend(segments(words, block, line_h))  # the line before, in its own block
            words = []
            line_box = it.BoundingBox(RIL.TEXTLINE)  # type: ignore[attr-defined]
            line_h = float(line_box[3] - line_box[1]) if line_box else DEFAULT_LINE_HEIGHT  # ~ x_size
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


def hand_over(api: object, image: np.ndarray) -> None:
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

    def __init__(self, lang: str = "vie", config: str | None = None, timeout: int = PROGRAM_TIMEOUT) -> None:
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
