"""the offer as it was shown, stored with each plan; every printed document of a plan

Revision ID: 20261202_02
Revises: 20261202_01
Create Date: 2026-12-02 18:16:40
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
    # a nullable column: a plain ADD COLUMN on every engine (no table copy on SQLite);
    # plans saved before it have no snapshot and get one at their first print
    op.add_column("plans", sa.Column("snapshot", sa.Text(), nullable=True))
    op.create_table(
        "document_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=20), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("printed_by", sa.Integer(), nullable=True),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_document_prints_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["printed_by"], ["staff.id"], name=op.f("fk_document_prints_printed_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_document_prints_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_prints")),
    )
    op.create_index(
        op.f("ix_document_prints_plan_id"), "document_prints", ["plan_id"], unique=False
    )
    op.create_index(
        op.f("ix_document_prints_store_id"), "document_prints", ["store_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_document_prints_store_id"), table_name="document_prints")
    op.drop_index(op.f("ix_document_prints_plan_id"), table_name="document_prints")
    op.drop_table("document_prints")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("snapshot")
