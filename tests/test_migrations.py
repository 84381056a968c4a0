"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from ingest.store.db import _alembic_config, _is_current, downgrade, latest_revision, make_engine, upgrade
from ingest.store.models import Base


def _only_ours(obj, name, type_, reflected, compare_to):
    # the full-text index (FTS5 tables, PostgreSQL expression index) is managed by the migration alone
    return not (name or "").startswith(("page_fts", "ix_page_fts", "alembic_version",
                                         "ix_document_agency_folded"))


def test_models_match_migrations(database_url):
    upgrade(database_url)
    engine = make_engine(database_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _only_ours, "compare_type": False})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_is_idempotent_and_downgrade_works(database_url):
    upgrade(database_url)
    upgrade(database_url)
    downgrade(database_url, "base")
    upgrade(database_url)


def test_the_newest_revision_is_known_without_alembic(database_url):
    """`upgrade` skips Alembic when the database is at the newest revision, which it reads off the
    migration files' names: they must stay named after their revisions."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config(database_url))
    assert latest_revision() == scripts.get_current_head()
    for script in scripts.walk_revisions():
        assert script.path.rsplit("/", 1)[-1].startswith(f"{script.revision}_")
    upgrade(database_url)
    assert _is_current(database_url)
    downgrade(database_url, "0003")
    assert not _is_current(database_url)
    upgrade(database_url)
    assert _is_current(database_url)
