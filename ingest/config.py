"""Runtime settings (env prefix SOHOA_): where data lives, which database/broker/store, limits."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable. Embedded defaults keep all state under `home` (SOHOA_HOME)."""

    model_config = SettingsConfigDict(env_prefix="SOHOA_", extra="ignore")

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
    worker_concurrency: int = 2

    # delivery
    queue: str = "sohoa"                # the broker queue the tasks go to and workers consume
    task_max_retries: int = 10          # transient store/database errors, exponential backoff
    retry_backoff_max: int = 120
    stale_after: int = 1800             # seconds without progress before the sweeper requeues
    sweep_interval: int = 60
    visibility_timeout: int = 0         # Redis: redeliver unacknowledged tasks after; 0 = 2 × page limit

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
    """The process-wide settings, read once from the environment."""
    return Settings()
