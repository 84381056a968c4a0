"""What a signed-in user may fetch of a document they can see: a page preview, the original bytes, the
searchable PDF."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.responses import Response

from ingest.core.errors import SohoaError
from ingest.web.pages.common import Svc, User, WebError, pages_router, visible
from ingest.web.previews import previews

router = pages_router()
PREVIEW_MAX_AGE = 3600  # seconds a browser may keep a page preview


@router.get("/documents/{document_id}/pages/{number}.png")
def page_image(s: Svc, who: User, document_id: int, number: int) -> Response:
    with s.sessions() as session:
        doc = visible(session, who, document_id)
        if not 1 <= number <= doc.page_count:
            raise WebError(404, f"Tài liệu số {document_id} không có trang {number}.")
        sha, key, mime = doc.sha256, doc.object_key, doc.mime
    try:
        png = previews.png(s, sha, key, mime, number)
    except SohoaError as exc:
        raise WebError(404, f"Không hiển thị được trang {number}: {exc.message}") from exc
    return Response(png, media_type="image/png",
                    headers={"Cache-Control": f"private, max-age={PREVIEW_MAX_AGE}"})


def _download(data: bytes, mime: str, name: str, etag: str | None = None) -> Response:
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    if etag:
        headers["ETag"] = f'"{etag}"'
    return Response(data, media_type=mime, headers=headers)


@router.get("/documents/{document_id}/original")
def original(s: Svc, who: User, document_id: int) -> Response:
    with s.sessions() as session:
        doc = visible(session, who, document_id)
        key, mime, name, sha = doc.object_key, doc.mime, doc.filename, doc.sha256
    return _download(s.store.get(key), mime, name, sha)


@router.get("/documents/{document_id}/pdf")
def searchable_pdf(s: Svc, who: User, document_id: int) -> Response:
    with s.sessions() as session:
        doc = visible(session, who, document_id)
        if not doc.pdf_key:
            raise WebError(404, "Tài liệu này chưa có bản PDF tìm kiếm được.")
        key, name = doc.pdf_key, doc.filename
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return _download(s.store.get(key), "application/pdf", f"{stem}.ocr.pdf")
