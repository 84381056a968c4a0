"""Runtime settings (env prefix SOHOA_): where data lives, which database/broker/store, limits.

The settings are a plain pydantic model filled from ``SOHOA_*`` environment variables (names in any
case; values given to the constructor win).  pydantic-settings did this before, but importing it
(it pulls in asyncio) cost 0.1 s of CPU on every `sohoa` call, a tenth of the time plain Tesseract
takes for a page, and every field here is a flat value pydantic converts from a string itself."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

ENV_PREFIX = "SOHOA_"


def _cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 2


class Settings(BaseModel):
    """Everything configurable. Embedded defaults keep all state under `home` (SOHOA_HOME)."""

    model_config = ConfigDict(extra="ignore")

    home: Path = Field(default=Path(".sohoa"), description="data directory of the embedded default")
    database_url: str = ""
    broker_url: str = ""
    result_backend: str = ""
    storage_url: str = ""
    api_token: str | None = None

    # intake limits
    max_upload_bytes: int = 300 * 1024 * 1024
    max_pages: int = 2000
    max_page_pixels: int = 120_000_000
    raster_dpi: int = 300

    # recognition
    ocr_lang: str = "vie"
    page_time_limit: int = 300
    worker_concurrency: int = Field(default_factory=lambda: _cores())  # a process per core

    # delivery
    queue: str = "sohoa"                # the broker queue the tasks go to and workers consume
    task_max_retries: int = 10          # transient store/database errors, exponential backoff
    retry_backoff_max: int = 120
    stale_after: int = 1800             # seconds without progress before the sweeper requeues
    sweep_interval: int = 60
    visibility_timeout: int = 0         # Redis: redeliver unacknowledged tasks after; 0 = 2 × page limit

    # the monthly report's letterhead (Decree 30): the centre, and the province or centrally-run city
    # whose People's Committee it reports to ("tỉnh Sóc Trăng", "thành phố Cần Thơ"; a bare name is a
    # province); left empty, the report leaves dots for staff to fill in
    centre_name: str = "Trung tâm Phục vụ hành chính công"
    province: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        env = {name[len(ENV_PREFIX):].lower(): value for name, value in os.environ.items()
               if name.upper().startswith(ENV_PREFIX)}
        return {**{k: v for k, v in env.items() if k in cls.model_fields}, **data}

    @model_validator(mode="after")
    def _embedded_defaults(self) -> Settings:
        home = self.home.expanduser().resolve()
        self.home = home
        if not self.database_url:
            self.database_url = f"sqlite:///{home / 'sohoa.db'}"
        if not self.broker_url:
            self.broker_url = f"sqla+sqlite:///{home / 'broker.db'}"
        if not self.result_backend:
            self.result_backend = f"db+sqlite:///{home / 'results.db'}"
        if not self.storage_url:
            self.storage_url = f"file://{home / 'objects'}"
        return self

    def ensure_home(self) -> None:
        """Create the data directory the embedded default writes into."""
        self.home.mkdir(parents=True, exist_ok=True)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment; a malformed ``SOHOA_*`` value is a
    `SohoaError` naming the variable."""
    from pydantic import ValidationError

    from ingest.core.errors import SohoaError

    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{ENV_PREFIX}{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}"
                             for e in exc.errors())
        raise SohoaError(f"bad setting in the environment: {problems}") from None
