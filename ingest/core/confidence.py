"""The word confidence below which what Tesseract read is unsure (its confidences run 0-100).

One cut-off for the whole pipeline: recognition drops an unsure word that is not plausible text as
junk, the Vietnamese model corrects unsure words in context, and the document page highlights them
for a reviewer."""

from __future__ import annotations

__all__ = ["UNSURE_BELOW"]

UNSURE_BELOW = 60.0
