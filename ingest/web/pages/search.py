"""The search page: words with or without marks, filters by agency, type, dates and dossier, within the
user's agency; hits with their snippets highlighted, linked to the page they were found on."""

from __future__ import annotations

from math import ceil
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from ingest.search.query import search as run_search
from ingest.store.models import Document
from ingest.web.formatting import highlighted, parse_vn_date
from ingest.web.pages.common import Svc, User, page, pages_router
from schemas.api import SearchFilters

router = pages_router()
HITS_PER_PAGE = 20
LAST_PAGE = 1000  # results pages one may ask for


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, s: Svc, who: User, q: str = "", agency: str = "",
                type: str = "", date_from: Annotated[str, Query(alias="from")] = "",
                date_to: Annotated[str, Query(alias="to")] = "", dossier: str = "",
                page_number: Annotated[int, Query(alias="page", ge=1, le=LAST_PAGE)] = 1) -> Response:
    error, results = None, None
    try:
        d_from, d_to = parse_vn_date(date_from), parse_vn_date(date_to)
    except ValueError as exc:
        d_from = d_to = None
        error = f"Ngày không hợp lệ: {exc}."
    filters = SearchFilters(agency=agency.strip() or None, doc_type=type.strip() or None, date_from=d_from,
                            date_to=d_to, dossier_code=dossier.strip() or None, agencies=who.agencies)
    asked = bool(q.strip() or agency.strip() or type.strip() or d_from or d_to or dossier.strip())
    with s.sessions() as session:
        if asked and error is None:
            results = run_search(session, q, limit=HITS_PER_PAGE, offset=(page_number - 1) * HITS_PER_PAGE,
                                 filters=filters)
        types_q = select(Document.doc_type).where(Document.doc_type.is_not(None)).distinct()
        if not who.is_admin:
            types_q = types_q.where(Document.agency == (who.agency or ""))
        doc_types = sorted(t for t in session.scalars(types_q) if t)
    hits = []
    if results is not None:
        for h in results.hits:
            hits.append({"hit": h, "snippet": highlighted(h.snippet, h.highlights),
                         "url": f"/web/documents/{h.document_id}?" + urlencode({"page": h.page, "q": q})})
    params = {"q": q, "agency": agency, "type": type, "from": date_from, "to": date_to, "dossier": dossier}
    pages = ceil(results.total / HITS_PER_PAGE) if results else 0

    def page_url(n: int) -> str:
        return "/web/search?" + urlencode({**{k: v for k, v in params.items() if v}, "page": n})

    return page(request, who, "search.html", params=params, results=results, hits=hits, error=error,
                page=page_number, pages=pages, page_url=page_url, doc_types=doc_types, asked=asked)
