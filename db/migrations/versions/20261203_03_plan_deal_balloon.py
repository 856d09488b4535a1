"""the whole deal kept with each plan (on-road lines, trade-in, target) and its balloon

Revision ID: 20261203_03
Revises: 20261203_02
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_03"
down_revision: str | Sequence[str] | None = "20261203_02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # nullable columns: a plain ADD COLUMN on every engine (no table copy on SQLite);
    # plans saved before them have no deal (the store's defaults) and no balloon
    op.add_column("plans", sa.Column("deal", sa.Text(), nullable=True))
    op.add_column("plans", sa.Column("balloon", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("balloon")
        batch_op.drop_column("deal")
