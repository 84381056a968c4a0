"""The FastAPI application: the JSON API (`ingest.web.api`) and the staff pages (`ingest.web.site`) over
one set of services, with the API's refusals as JSON (422 with the refusal's code, 404, 400)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ingest.core.errors import NotFound, RejectedInput, SohoaError
from ingest.core.settings import Settings, get_settings
from ingest.store.db import upgrade
from ingest.store.services import get_services
from ingest.web.api import router as api_router
from ingest.web.site import mount_site

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    """The application over the given settings (default: the environment's)."""
    svc = get_services(settings or get_settings())
    if migrate:
        upgrade(svc.settings.database_url)
    app = FastAPI(title="sohoa", version="0.1.0",
                  description="Digitisation and Vietnamese OCR of administrative results (Decree 45/2020).")
    app.state.svc = svc
    mount_site(app)
    app.include_router(api_router)

    @app.exception_handler(RejectedInput)
    async def _rejected(_request: Request, exc: RejectedInput) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=422)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=404)

    @app.exception_handler(SohoaError)
    async def _sohoa_error(_request: Request, exc: SohoaError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=400)

    return app
