"""The services one process works with (settings, database sessions, object store), built once."""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.orm import sessionmaker

from ingest.core.settings import Settings, get_settings
from ingest.store.db import session_factory
from ingest.store.objects import ObjectStore, open_store


@dataclass
class Services:
    settings: Settings
    sessions: sessionmaker
    store: ObjectStore


_CACHE: dict[tuple[int, str, str], Services] = {}


def get_services(settings: Settings | None = None) -> Services:
    """Services for these settings (default: the environment's), one set per process."""
    settings = settings or get_settings()
    settings.ensure_home()
    key = (os.getpid(), settings.database_url, settings.storage_url)
    if key not in _CACHE:
        _CACHE[key] = Services(settings, session_factory(settings.database_url),
                               open_store(settings.storage_url))
    return _CACHE[key]
