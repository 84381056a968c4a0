"""Initial schema: dossier, document, page, job, and the full-text index over folded page text.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "dossier",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("procedure_code", sa.String(64)),
        sa.Column("procedure_name", sa.Text()),
        sa.Column("agency", sa.Text()),
        sa.Column("applicant", sa.Text()),
        sa.Column("received_at", sa.DateTime()),
        sa.Column("due_at", sa.DateTime()),
        sa.Column("resolved_at", sa.DateTime()),
        sa.Column("status", sa.String(32)),
        *_stamps(),
    )
    op.create_index("ix_dossier_code", "dossier", ["code"], unique=True)
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("object_key", sa.String(255), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("mime", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("dossier_code", sa.String(64)),
        sa.Column("agency", sa.Text()),
        sa.Column("doc_type", sa.String(64)),
        sa.Column("number", sa.String(32)),
        sa.Column("symbol", sa.String(64)),
        sa.Column("issuer", sa.Text()),
        sa.Column("place", sa.Text()),
        sa.Column("issued_date", sa.String(10)),
        sa.Column("subject", sa.Text()),
        sa.Column("signer_name", sa.Text()),
        sa.Column("signer_title", sa.Text()),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("dossier_codes", sa.JSON(), nullable=False),
        *_stamps(),
        sa.Column("started_at", sa.DateTime()),
        sa.Column("finished_at", sa.DateTime()),
    )
    op.create_index("ix_document_sha256", "document", ["sha256"], unique=True)
    op.create_index("ix_document_status", "document", ["status"])
    op.create_index("ix_document_dossier_code", "document", ["dossier_code"])
    op.create_table(
        "page",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_folded", sa.Text(), nullable=False),
        sa.Column("mean_conf", sa.Float(), nullable=False),
        sa.Column("rotation", sa.Integer(), nullable=False),
        sa.Column("hocr_key", sa.String(255)),
        sa.Column("words_key", sa.String(255)),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("document_id", "number", name="uq_page_document_number"),
    )
    op.create_index("ix_page_document_id", "page", ["document_id"])
    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("requested_by", sa.String(128)),
        sa.Column("filename", sa.Text()),
        sa.Column("duplicate", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_job_document_id", "job", ["document_id"])

    if op.get_bind().dialect.name == "sqlite":
        # external-content FTS5 index over the folded text, kept in step by triggers
        op.execute("CREATE VIRTUAL TABLE page_fts USING fts5(text_folded, content='page', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
        op.execute("CREATE TRIGGER page_fts_ai AFTER INSERT ON page BEGIN "
                   "INSERT INTO page_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END")
        op.execute("CREATE TRIGGER page_fts_ad AFTER DELETE ON page BEGIN "
                   "INSERT INTO page_fts(page_fts, rowid, text_folded) "
                   "VALUES ('delete', old.id, old.text_folded); END")
        op.execute("CREATE TRIGGER page_fts_au AFTER UPDATE ON page BEGIN "
                   "INSERT INTO page_fts(page_fts, rowid, text_folded) "
                   "VALUES ('delete', old.id, old.text_folded); "
                   "INSERT INTO page_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END")
    else:
        op.execute("CREATE INDEX ix_page_fts ON page USING gin (to_tsvector('simple', text_folded))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS page_fts")
    op.drop_table("job")
    op.drop_table("page")
    op.drop_table("document")
    op.drop_table("dossier")
