"""the lender's decision on a consultation, the outcome of a follow-up

Revision ID: 20261202_01
Revises: 20261123_04
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_01"
down_revision: str | Sequence[str] | None = "20261123_04"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # nullable columns: a plain ADD COLUMN on every engine (no table copy on SQLite)
    op.add_column("consultations", sa.Column("lender_outcome", sa.String(20), nullable=True))
    op.add_column(
        "consultations", sa.Column("lender_decided_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("consultations", sa.Column("lender_decision", sa.Text(), nullable=True))
    op.add_column("follow_ups", sa.Column("outcome", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_column("outcome")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_column("lender_decision")
        batch_op.drop_column("lender_decided_at")
        batch_op.drop_column("lender_outcome")
