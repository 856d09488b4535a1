"""a plan's add-on keeps the catalogue's code and its Chinese name (the finance page
lists the owner's add-on catalogue; the documents print the name of the reader's
language from the plan's snapshot); a vehicle's energy (petrol, diesel, hybrid, NEV),
checked against the products' limits

Revision ID: 20261206_01
Revises: 20261205_01
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261206_01"
down_revision: str | Sequence[str] | None = "20261205_01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = (("code", 60), ("name_zh", 200))


def upgrade() -> None:
    # plain ADD COLUMNs (no table copy on SQLite); the lines saved before them read ''
    for name, length in _TEXTS:
        op.add_column(
            "plan_add_ons",
            sa.Column(name, sa.String(length=length), nullable=False, server_default=""),
        )
    op.add_column("vehicles", sa.Column("energy", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.drop_column("energy")
    with op.batch_alter_table("plan_add_ons", schema=None) as batch_op:
        for name, _length in reversed(_TEXTS):
            batch_op.drop_column(name)
