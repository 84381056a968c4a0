"""Snippets of a matching page: a window of its text around the best match, with the matched spans."""

from __future__ import annotations

import re

__all__ = ["SNIPPET_CHARS", "make_snippet", "marked"]

SNIPPET_CHARS = 200  # length of the window of page text shown for a hit


def make_snippet(text: str, folded: str, tokens: list[str],
                 phrase: re.Pattern[str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A window of the page text around the best match, with the matched spans in it."""
    if not tokens:
        end = min(len(text), SNIPPET_CHARS)
        return text[:end].replace("\n", " ") + ("…" if end < len(text) else ""), []
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(set(tokens), key=len, reverse=True)))
                       + r")\b")
    first = (phrase.search(folded) if phrase else None) or words.search(folded)
    centre = first.start() if first else 0
    start = max(0, centre - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    # widen to word boundaries so the snippet does not start or end mid-word
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    window = text[start:end]
    key = folded[start:end]
    spans = [(m.start(), m.end()) for m in words.finditer(key)]
    snippet = window.replace("\n", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return prefix + snippet + suffix, [(a + shift, b + shift) for a, b in spans]


def marked(snippet: str, spans: list[tuple[int, int]], open_: str = "[", close: str = "]") -> str:
    """The snippet with each highlighted span wrapped in markers."""
    out, last = [], 0
    for a, b in spans:
        out.append(snippet[last:a] + open_ + snippet[a:b] + close)
        last = b
    out.append(snippet[last:])
    return "".join(out)
