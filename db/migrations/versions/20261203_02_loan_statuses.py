"""the lenders' post-loan status of each loan (imported), for the overdue rate; indexes
on the consultation events the dashboard counts by month

Revision ID: 20261203_02
Revises: 20261203_01
Create Date: 2026-12-02 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_02"
down_revision: str | Sequence[str] | None = "20261203_01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_EVENT_INDEXES = (
    ("ix_consultations_store_signed", "signed_at"),
    ("ix_consultations_store_approved", "approved_at"),
    ("ix_consultations_store_decided", "lender_decided_at"),
    ("ix_consultations_store_lost", "lost_at"),
)


def upgrade() -> None:
    op.create_table(
        "loan_statuses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("lender", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("overdue_days", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_loan_statuses_consultation_id_consultations"),
        ),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["staff.id"], name=op.f("fk_loan_statuses_imported_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_loan_statuses_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_loan_statuses_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_statuses")),
        sa.UniqueConstraint(
            "consultation_id", "as_of", name=op.f("uq_loan_statuses_consultation_id_as_of")
        ),
    )
    with op.batch_alter_table("loan_statuses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_loan_statuses_consultation_id"), ["consultation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_loan_statuses_store_id"), ["store_id"], unique=False)
        batch_op.create_index("ix_loan_statuses_store_as_of", ["store_id", "as_of"], unique=False)
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        for name, column in _EVENT_INDEXES:
            batch_op.create_index(name, ["store_id", column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        for name, _column in reversed(_EVENT_INDEXES):
            batch_op.drop_index(name)
    with op.batch_alter_table("loan_statuses", schema=None) as batch_op:
        batch_op.drop_index("ix_loan_statuses_store_as_of")
        batch_op.drop_index(batch_op.f("ix_loan_statuses_store_id"))
        batch_op.drop_index(batch_op.f("ix_loan_statuses_consultation_id"))
    op.drop_table("loan_statuses")
