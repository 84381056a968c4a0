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

from schemas.api import SearchFilters, SearchHit, SearchResults

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


def fold_text(text: str | None) -> str | None:
    """Marks stripped, đ→d, lower case (the database's sohoa_fold, for filters)."""
    if text is None:
        return None
    return "".join(_fold_char(c) if c.isalnum() else c.lower() for c in unicodedata.normalize("NFC", text))


def _filter_sql(f: SearchFilters | None) -> tuple[list[str], dict[str, object]]:
    """SQL conditions on the document `d` for the filters, and their parameters."""
    where: list[str] = []
    params: dict[str, object] = {}
    if f is None:
        return where, params
    if f.agency:
        where.append("(sohoa_fold(coalesce(d.agency, '')) LIKE :agency "
                     "OR sohoa_fold(coalesce(d.issuer, '')) LIKE :agency)")
        params["agency"] = f"%{fold_text(f.agency.strip())}%"
    if f.doc_type:
        where.append("sohoa_fold(coalesce(d.doc_type, '')) = :doc_type")
        params["doc_type"] = fold_text(f.doc_type.strip())
    if f.date_from:
        where.append("d.issued_date >= :date_from")
        params["date_from"] = f.date_from.isoformat()
    if f.date_to:
        where.append("d.issued_date <= :date_to")
        params["date_to"] = f.date_to.isoformat()
    if f.dossier_code:
        where.append("(d.dossier_code = :dossier OR EXISTS (SELECT 1 FROM document_dossier dd "
                     "WHERE dd.document_id = d.id AND dd.dossier_code = :dossier))")
        params["dossier"] = f.dossier_code.strip()
    if f.agencies is not None:  # access scope: only these agencies' documents
        names = [a for a in f.agencies if a]
        if not names:
            where.append("1 = 0")
        else:
            where.append("d.agency IN (" + ", ".join(f":scope{i}" for i in range(len(names))) + ")")
            params.update({f"scope{i}": a for i, a in enumerate(names)})
    return where, params


_COLUMNS = ("p.id, p.document_id, p.number, p.text, p.text_folded, d.filename, d.dossier_code, d.status, "
            "d.doc_type, d.issuer, d.issued_date")


def search(session: Session, query: str, *, limit: int = 20, offset: int = 0,
           filters: SearchFilters | None = None) -> SearchResults:
    """Pages matching every word of the query (pages with the words as a phrase first), within the
    filters. With filters and no words, the first page of each matching document, newest first."""
    tokens = query_tokens(query)
    where, params = _filter_sql(filters)
    if not tokens and not where:
        return SearchResults(query=query, total=0, hits=[])
    cond = "".join(f" AND {w}" for w in where)
    dialect = session.get_bind().dialect.name
    if not tokens:
        rows = session.execute(sql(
            f"SELECT {_COLUMNS}, 0.0 AS score FROM page p JOIN document d ON d.id = p.document_id "
            f"WHERE p.number = 1{cond} ORDER BY d.issued_date DESC, d.id DESC LIMIT :n"),
            {**params, "n": CANDIDATES}).all()
        scored = [(r, 0.0) for r in rows]
    elif dialect == "sqlite":
        rows = session.execute(sql(
            f"SELECT {_COLUMNS}, bm25(page_fts) AS score FROM page_fts JOIN page p ON p.id = page_fts.rowid "
            f"JOIN document d ON d.id = p.document_id WHERE page_fts MATCH :q{cond} ORDER BY score LIMIT :n"),
            {**params, "q": " ".join(f'"{t}"' for t in tokens), "n": CANDIDATES}).all()
        scored = [(r, -float(r.score)) for r in rows]
    else:
        rows = session.execute(sql(
            f"SELECT {_COLUMNS}, ts_rank(to_tsvector('simple', p.text_folded), q) AS score "
            "FROM page p JOIN document d ON d.id = p.document_id, plainto_tsquery('simple', :q) q "
            f"WHERE to_tsvector('simple', p.text_folded) @@ q{cond} ORDER BY score DESC LIMIT :n"),
            {**params, "q": " ".join(tokens), "n": CANDIDATES}).all()
        scored = [(r, float(r.score)) for r in rows]
    phrase = re.compile(r"\b" + r"\s+".join(map(re.escape, tokens)) + r"\b") if tokens else None
    if phrase:
        scored.sort(key=lambda rs: (phrase.search(rs[0].text_folded) is None, -rs[1], rs[0].document_id))
    hits = []
    for row, score in scored[offset:offset + limit]:
        snippet, spans = make_snippet(row.text, row.text_folded, tokens, phrase)
        hits.append(SearchHit(document_id=row.document_id, filename=row.filename, page=row.number,
                              snippet=snippet, highlights=spans, score=round(score, 4),
                              dossier_code=row.dossier_code, status=row.status, doc_type=row.doc_type,
                              issuer=row.issuer, issued_date=row.issued_date))
    return SearchResults(query=query, total=len(scored), hits=hits)


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
