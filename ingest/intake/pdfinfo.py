"""Poppler's pdfinfo wrapped: page count and page sizes of a PDF held in memory."""

from __future__ import annotations

import re
import subprocess

_PAGE_SIZE = re.compile(r"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts", re.M)
_PAGES = re.compile(r"^Pages:\s+(\d+)", re.M)


class PdfProblem(Exception):
    """pdfinfo could not read the PDF; the message is poppler's own, shortened."""


def _pdfinfo(data: bytes, *args: str) -> str:
    try:
        proc = subprocess.run(["pdfinfo", *args, "-"], input=data, capture_output=True, timeout=60)
    except FileNotFoundError as exc:
        raise PdfProblem("poppler's pdfinfo is not installed (apt-get install poppler-utils)") from exc
    except subprocess.TimeoutExpired as exc:
        raise PdfProblem("pdfinfo took over 60 s") from exc
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0 or not _PAGES.search(out):
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PdfProblem(err[-1] if err else f"pdfinfo exit {proc.returncode}")
    return out


def pdf_page_count(data: bytes) -> int:
    """Number of pages poppler finds in the PDF."""
    match = _PAGES.search(_pdfinfo(data))
    assert match is not None
    return int(match.group(1))


def pdf_page_size_pts(data: bytes, page: int) -> tuple[float, float]:
    """Width and height of one page (1-based) in PostScript points."""
    out = _pdfinfo(data, "-f", str(page), "-l", str(page))
    match = _PAGE_SIZE.search(out)
    if not match:
        return 595.0, 842.0  # A4, what nearly every administrative scan is
    return float(match.group(2)), float(match.group(3))
