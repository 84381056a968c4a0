"""The monthly report's data: a dossier's channel (online, counter, post) and service level, its status
as a DossierStatus (the one-stop shop's Vietnamese statuses mapped), indexes on the dates a period is
cut by, and the applicants' ratings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# the statuses the one-stop shop exports, as earlier imports stored them, and what they are now
_STATUSES = {
    "in_progress": ["Đang giải quyết", "Dang giai quyet", "dang giai quyet"],
    "resolved": ["Đã trả kết quả", "Da tra ket qua", "da tra ket qua"],
    "returned": ["Hoàn trả", "Hoan tra", "hoan tra"],
    "withdrawn": ["Rút hồ sơ", "Rut ho so", "rut ho so"],
}


def upgrade() -> None:
    with op.batch_alter_table("dossier") as batch:
        batch.add_column(sa.Column("channel", sa.String(16)))
        batch.add_column(sa.Column("level", sa.Integer()))
    op.create_index("ix_dossier_received_at", "dossier", ["received_at"])
    op.create_index("ix_dossier_resolved_at", "dossier", ["resolved_at"])
    dossier = sa.table("dossier", sa.column("status", sa.String))
    for status, spellings in _STATUSES.items():
        op.execute(dossier.update().where(dossier.c.status.in_(spellings)).values(status=status))
    op.create_table(
        "rating",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("agency", sa.Text()),
        sa.Column("satisfaction", sa.String(16), nullable=False),
        sa.Column("dossier_code", sa.String(64)),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_rating_rated_at", "rating", ["rated_at"])


def downgrade() -> None:
    op.drop_index("ix_rating_rated_at", "rating")
    op.drop_table("rating")
    dossier = sa.table("dossier", sa.column("status", sa.String))
    for status, spellings in _STATUSES.items():
        op.execute(dossier.update().where(dossier.c.status == status).values(status=spellings[0]))
    op.drop_index("ix_dossier_resolved_at", "dossier")
    op.drop_index("ix_dossier_received_at", "dossier")
    with op.batch_alter_table("dossier") as batch:
        batch.drop_column("level")
        batch.drop_column("channel")
