"""Records: dossier links, audit trail, backfill journal; document OCR mode, searchable PDF, uploader;
page text source.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("ocr_mode", sa.String(8), nullable=False, server_default="skip"))
        batch.add_column(sa.Column("pdf_key", sa.String(255)))
        batch.add_column(sa.Column("uploaded_by", sa.String(128)))
    with op.batch_alter_table("page") as batch:
        batch.add_column(sa.Column("source", sa.String(16), nullable=False, server_default="ocr"))
    op.create_table(
        "document_dossier",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("dossier_code", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(128)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("document_id", "dossier_code", name="uq_document_dossier"),
    )
    op.create_index("ix_document_dossier_document_id", "document_dossier", ["document_id"])
    op.create_index("ix_document_dossier_dossier_code", "document_dossier", ["dossier_code"])
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(128)),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id", ondelete="SET NULL")),
        sa.Column("dossier_code", sa.String(64)),
        sa.Column("field", sa.String(64)),
        sa.Column("old", sa.Text()),
        sa.Column("new", sa.Text()),
    )
    op.create_index("ix_audit_event_at", "audit_event", ["at"])
    op.create_index("ix_audit_event_document_id", "audit_event", ["document_id"])
    op.create_table(
        "backfill",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime()),
    )
    op.create_table(
        "backfill_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("backfill_id", sa.Integer(), sa.ForeignKey("backfill.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("path_raw", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id", ondelete="SET NULL")),
        sa.Column("reason", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("dossier_code", sa.String(64)),
        sa.Column("agency", sa.Text()),
        sa.Column("doc_type_hint", sa.String(64)),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("backfill_id", "path_raw", name="uq_backfill_item_path"),
    )
    op.create_index("ix_backfill_item_backfill_id", "backfill_item", ["backfill_id"])
    op.create_index("ix_backfill_item_status", "backfill_item", ["status"])


def downgrade() -> None:
    op.drop_table("backfill_item")
    op.drop_table("backfill")
    op.drop_table("audit_event")
    op.drop_table("document_dossier")
    with op.batch_alter_table("page") as batch:
        batch.drop_column("source")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("uploaded_by")
        batch.drop_column("pdf_key")
        batch.drop_column("ocr_mode")
