"""a lender's Chinese name, service phone, complaint channel and payout account rules
(the owner's Products and lenders editor; who changed what is in the audit log)

Revision ID: 20261205_01
Revises: 20261204_01
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_01"
down_revision: str | Sequence[str] | None = "20261204_01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = (
    ("name_zh", 200),
    ("service_phone", 40),
    ("complaint_channel", 200),
    ("payout_rules", 500),
)


def upgrade() -> None:
    # plain ADD COLUMNs (no table copy on SQLite); lenders seeded before them read ''
    for name, length in _TEXTS:
        op.add_column(
            "lenders", sa.Column(name, sa.String(length=length), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("lenders", schema=None) as batch_op:
        for name, _length in reversed(_TEXTS):
            batch_op.drop_column(name)
