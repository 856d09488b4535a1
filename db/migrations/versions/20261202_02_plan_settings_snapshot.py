"""the lending settings a plan was made with

Revision ID: 20261202_02
Revises: 20261202_01
Create Date: 2026-12-02 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_02"
down_revision: str | Sequence[str] | None = "20261202_01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # nullable: a plain ADD COLUMN on every engine; older plans print with today's settings
    op.add_column("plans", sa.Column("settings", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("settings")
