"""sohoa_fold(text): the search folding (marks stripped, đ→d, lower case) inside the database, for
filters on agency and document type. PostgreSQL: an IMMUTABLE wrapper over unaccent (so it can be
indexed); SQLite: registered on each connection by ingest.store.db.make_engine.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("CREATE OR REPLACE FUNCTION sohoa_fold(text) RETURNS text LANGUAGE sql IMMUTABLE "
               "PARALLEL SAFE STRICT AS "
               "$$ SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, $1), "
               "'đĐ', 'dd')) $$")
    op.execute("CREATE INDEX ix_document_agency_folded ON document (sohoa_fold(coalesce(agency, '')))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_document_agency_folded")
    op.execute("DROP FUNCTION IF EXISTS sohoa_fold(text)")
