"""Users of the staff web app (role, agency, hashed password, hashed API token) and sign-in attempts
(for rate limiting).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("agency", sa.Text()),
        sa.Column("api_token_hash", sa.String(64), unique=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_app_user_username", "app_user", ["username"], unique=True)
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("ip", sa.String(64)),
        sa.Column("success", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_login_attempt_at", "login_attempt", ["at"])
    op.create_index("ix_login_attempt_username", "login_attempt", ["username"])
    op.create_index("ix_login_attempt_ip", "login_attempt", ["ip"])


def downgrade() -> None:
    op.drop_table("login_attempt")
    op.drop_table("app_user")
