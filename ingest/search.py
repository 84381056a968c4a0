"""Full-text search over page text, insensitive to diacritics both ways and to đ/Đ.

Each page stores `text_folded`, its search key: the same text with marks stripped, đ→d, lower
case and punctuation blanked, character for character (so a match in the key is the same span of
the real text, which is how snippets are highlighted). SQLite indexes the key with FTS5,
PostgreSQL with a GIN tsvector index.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from schemas.api import SearchHit, SearchResults

_TOKEN = re.compile(r"[^\W_]+", re.U)
SNIPPET_CHARS = 200
CANDIDATES = 200


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    if not c.isalnum():  # punctuation splits words the same way for FTS5 and PostgreSQL
        return " "
    base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)).lower()
    if len(base) == 1:
        return base
    low = c.lower()
    return low if len(low) == 1 else c


def search_key(text: str) -> str:
    """The text folded for search, one character for each character of `text`."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_fold_char(c) for c in text)


def query_tokens(query: str) -> list[str]:
    """The words of a query, folded."""
    return _TOKEN.findall(search_key(query))


def search(session: Session, query: str, *, limit: int = 20, offset: int = 0) -> SearchResults:
    """Pages matching every word of the query; pages containing the words as a phrase rank first."""
    tokens = query_tokens(query)
    if not tokens:
        return SearchResults(query=query, total=0, hits=[])
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        rows = session.execute(sql(
            "SELECT p.id, p.document_id, p.number, p.text, p.text_folded, bm25(page_fts) AS score, "
            "d.filename, d.dossier_code, d.status FROM page_fts JOIN page p ON p.id = page_fts.rowid "
            "JOIN document d ON d.id = p.document_id WHERE page_fts MATCH :q ORDER BY score LIMIT :n"),
            {"q": " ".join(f'"{t}"' for t in tokens), "n": CANDIDATES}).all()
        scored = [(r, -float(r.score)) for r in rows]
    else:
        rows = session.execute(sql(
            "SELECT p.id, p.document_id, p.number, p.text, p.text_folded, "
            "ts_rank(to_tsvector('simple', p.text_folded), q) AS score, d.filename, d.dossier_code, "
            "d.status FROM page p JOIN document d ON d.id = p.document_id, "
            "plainto_tsquery('simple', :q) q WHERE to_tsvector('simple', p.text_folded) @@ q "
            "ORDER BY score DESC LIMIT :n"), {"q": " ".join(tokens), "n": CANDIDATES}).all()
        scored = [(r, float(r.score)) for r in rows]
    phrase = re.compile(r"\b" + r"\s+".join(map(re.escape, tokens)) + r"\b")
    scored.sort(key=lambda rs: (phrase.search(rs[0].text_folded) is None, -rs[1], rs[0].document_id))
    hits = []
    for row, score in scored[offset:offset + limit]:
        snippet, spans = make_snippet(row.text, row.text_folded, tokens, phrase)
        hits.append(SearchHit(document_id=row.document_id, filename=row.filename, page=row.number,
                              snippet=snippet, highlights=spans, score=round(score, 4),
                              dossier_code=row.dossier_code, status=row.status))
    return SearchResults(query=query, total=len(scored), hits=hits)


def make_snippet(text: str, folded: str, tokens: list[str],
                 phrase: re.Pattern[str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A window of the page text around the best match, with the matched spans in it."""
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
