"""Dossier codes (mã hồ sơ) the text mentions, as the one-stop-shop systems print them:
"000.00.17.H55-210516-0001" (national portal) or "H49.20-230315-0001" (a province's system)."""

from __future__ import annotations

import re

from ingest.metadata.vocabulary import DOSSIER, OCR_DIGIT, digits


def dossier_codes(text: str) -> list[str]:
    """Every dossier code in `text`, in order of first mention, OCR's letters for digits read back."""
    seen: list[str] = []
    for m in DOSSIER.finditer(text):
        g = m.groups()
        d = [digits(x) if x else "" for x in g]
        units = "".join("." + digits(u) for u in re.findall(rf"{OCR_DIGIT}{{2,3}}", g[5] or ""))
        prefix = f"{d[0]}.{d[1]}.{d[2]}." if g[0] else ""
        code = f"{prefix}{g[3]}{d[4]}{units}-{d[6]}-{d[7]}"
        if code not in seen:
            seen.append(code)
    return seen
