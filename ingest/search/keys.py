"""Search keys: the page text folded for the full-text index, and the words of a query.

Each page stores `text_folded`, its search key: the text in NFC with marks stripped, đ→d, lower case
(the one fold, `ingest.vietnamese.orthography.fold`) and punctuation blanked, character for character,
so a match in the key is the same span of the real text (which is how snippets are highlighted).
"""

from __future__ import annotations

import re

from ingest.vietnamese.orthography import fold_char, nfc

__all__ = ["query_tokens", "search_key"]

_TOKEN = re.compile(r"[^\W_]+", re.U)


def search_key(text: str) -> str:
    """The text folded for search, one character for each character of `text` in NFC; punctuation
    becomes a space, so it splits words the same way for FTS5 and PostgreSQL."""
    return "".join(fold_char(c) if c.isalnum() else " " for c in nfc(text))


def query_tokens(query: str) -> list[str]:
    """The words of a query, folded."""
    return _TOKEN.findall(search_key(query))
