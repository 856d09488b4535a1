"""the appraisal's reference kind; an override's reason code and a manager's decision on it

Revision ID: 20261203_01
Revises: 20261202_02
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_01"
down_revision: str | Sequence[str] | None = "20261202_02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # nullable columns: old rows read as a used-market reference and an override
    # nobody has to approve (it was accepted before approvals existed)
    op.add_column("vehicles", sa.Column("reference_kind", sa.String(20), nullable=True))
    with op.batch_alter_table("appraisals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("override_reason_code", sa.String(30), nullable=True))
        batch_op.add_column(sa.Column("override_status", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("override_decided_by", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("override_decided_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("override_decision_note", sa.Text(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_appraisals_override_status"), ["override_status"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_appraisals_override_decided_by_staff"),
            "staff",
            ["override_decided_by"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("appraisals", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_appraisals_override_decided_by_staff"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_appraisals_override_status"))
        batch_op.drop_column("override_decision_note")
        batch_op.drop_column("override_decided_at")
        batch_op.drop_column("override_decided_by")
        batch_op.drop_column("override_status")
        batch_op.drop_column("override_reason_code")
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.drop_column("reference_kind")
