"""the add-on catalogue of each store (insurance, warranty, GPS, maintenance, services)

Revision ID: 20261204_01
Revises: 20261203_03
Create Date: 2026-12-04 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_01"
down_revision: str | Sequence[str] | None = "20261203_03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "add_ons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_add_ons_store_id_stores")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["staff.id"], name=op.f("fk_add_ons_updated_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_add_ons")),
        sa.UniqueConstraint("store_id", "code", name=op.f("uq_add_ons_store_id_code")),
    )
    with op.batch_alter_table("add_ons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_add_ons_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("add_ons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_add_ons_store_id"))
    op.drop_table("add_ons")
