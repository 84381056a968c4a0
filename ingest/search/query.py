"""Full-text search over page text, insensitive to diacritics both ways and to đ/Đ: pages matching every
word of a query (as a phrase first), within filters (agency, type, dates, dossier, access scope).
SQLite indexes the pages' search keys (`ingest.search.keys`) with FTS5, PostgreSQL with a GIN tsvector
index; filters compare with the database's ``sohoa_fold``, the same fold.
"""

from __future__ import annotations

import re

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from ingest.search.keys import query_tokens
from ingest.search.snippets import make_snippet
from ingest.vietnamese.orthography import fold, nfc
from schemas.api import SearchFilters, SearchHit, SearchResults

__all__ = ["search"]

CANDIDATES = 200  # pages ranked by the database, of which a page of hits is taken


def _folded(text: str) -> str:
    """A filter value folded as the database's ``sohoa_fold`` folds its column."""
    return fold(nfc(text))


def _filter_sql(f: SearchFilters | None) -> tuple[list[str], dict[str, object]]:
    """SQL conditions on the document `d` for the filters, and their parameters."""
    where: list[str] = []
    params: dict[str, object] = {}
    if f is None:
        return where, params
    if f.agency:
        where.append("(sohoa_fold(coalesce(d.agency, '')) LIKE :agency "
                     "OR sohoa_fold(coalesce(d.issuer, '')) LIKE :agency)")
        params["agency"] = f"%{_folded(f.agency.strip())}%"
    if f.doc_type:
        where.append("sohoa_fold(coalesce(d.doc_type, '')) = :doc_type")
        params["doc_type"] = _folded(f.doc_type.strip())
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
