"""The database connection: engines and sessions for SQLite or PostgreSQL, and the Alembic migrations in
ingest/store/migrations; `upgrade()` brings any database to the latest revision."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from ingest.vietnamese.orthography import fold, nfc

MIGRATIONS = Path(__file__).parent / "migrations"


def sqlite_pragmas(dbapi_conn: Any) -> None:
    """WAL (readers never block the writer), fsync at checkpoints rather than every commit (WAL's
    safe setting), and a generous busy timeout: for our database and the SQLite broker's."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets WAL, a busy timeout and enforced foreign keys."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.create_function("sohoa_fold", 1, _sql_fold, deterministic=True)
            sqlite_pragmas(dbapi_conn)
            dbapi_conn.execute("PRAGMA foreign_keys=ON")

        return engine
    return create_engine(url, pool_pre_ping=True)


_SESSIONS: dict[tuple[int, str], sessionmaker] = {}


def session_factory(url: str) -> sessionmaker:
    """Sessions for the URL, one engine per process (engines must not cross a fork)."""
    key = (os.getpid(), url)
    if key not in _SESSIONS:
        _SESSIONS[key] = sessionmaker(make_engine(url), expire_on_commit=False)
    return _SESSIONS[key]


def _alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def latest_revision() -> str:
    """The newest migration's revision, without importing Alembic (0.12 s of every `sohoa` call):
    each migration file is named after its revision, NNNN_what.py (tests hold Alembic to it)."""
    versions = MIGRATIONS / "versions"
    return max(p.name.split("_", 1)[0] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))


def _is_current(url: str) -> bool:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with session_factory(url)() as session:
            stamped = list(session.scalars(text("SELECT version_num FROM alembic_version")))
    except SQLAlchemyError:  # no version table yet, or no database
        return False
    return stamped == [latest_revision()]


def upgrade(url: str, revision: str = "head") -> None:
    """Apply the Alembic migrations to the database at `url` (nothing to do, and Alembic not even
    loaded, when it is already at the newest)."""
    if revision == "head" and _is_current(url):
        return
    from alembic import command

    command.upgrade(_alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Undo migrations down to `revision` ("base" for an empty database)."""
    from alembic import command

    command.downgrade(_alembic_config(url), revision)




def _sql_fold(text: str | None) -> str | None:
    """The database's ``sohoa_fold(text)`` on SQLite: marks stripped, đ→d, lower case (NULL stays NULL)."""
    return None if text is None else fold(nfc(text))
