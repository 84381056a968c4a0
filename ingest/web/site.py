"""The staff web app (server-rendered, Vietnamese): sign in, upload, queue, document, search, users.

`mount_site(app)` adds its pages to the FastAPI app under /web (one router per page group, in
`ingest.web.pages`), with signed-cookie sessions, security headers and its static files; `/` leads
to it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the web stack is imported only when an app is built, not by the `sohoa` command
    from fastapi import FastAPI

STATIC = Path(__file__).parent / "static"
SESSION_HOURS = 12
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def mount_site(app: FastAPI) -> None:
    """Add the web pages, their static files and the session middleware to `app`."""
    from fastapi import Request
    from fastapi.responses import RedirectResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.middleware.sessions import SessionMiddleware

    from ingest.web.auth import secret_key
    from ingest.web.pages import documents, downloads, queue, search, signin, upload, users
    from ingest.web.pages.common import install_error_pages

    for group in (signin, upload, queue, documents, downloads, search, users):
        app.include_router(group.router)
    app.mount("/web/static", StaticFiles(directory=STATIC), name="web-static")
    install_error_pages(app)

    @app.get("/", include_in_schema=False)
    def _home() -> RedirectResponse:
        return RedirectResponse("/web/", status_code=303)

    @app.middleware("http")
    async def _web_headers(request: Request, call_next) -> Response:  # type: ignore[no-untyped-def]
        response = await call_next(request)
        if request.url.path.startswith("/web"):
            for k, v in _SECURITY_HEADERS.items():
                response.headers.setdefault(k, v)
        return response

    app.add_middleware(SessionMiddleware, secret_key=secret_key(app.state.svc.settings),
                       session_cookie="sohoa_session", max_age=SESSION_HOURS * 3600, same_site="lax",
                       https_only=False)
