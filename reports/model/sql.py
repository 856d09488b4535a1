"""The report's building blocks: which stores, which plan, which stage, in portable SQL.

Shared by the summary (``reports.model.build``), the sections
(``reports.model.sections``) and the KPI actuals; nothing here runs a query
of its own except :func:`resolve_stores` (the stores an actor may report on).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from db.database import Database
from db.models import (
    Consultation,
    Plan,
    PlanAddOn,
    Staff,
    Store,
)
from db.models.enums import FUNNEL_ORDER, AddOnKind, Role

C = Consultation


STAGE_COLUMNS: tuple[Any, ...] = (
    C.contact_at,
    C.needs_confirmed_at,
    C.qualified_at,
    C.plan_offered_at,
    C.approved_at,
    C.signed_at,
    C.disbursed_at,
    C.delivered_at,
)


STAGES: tuple[str, ...] = tuple(s.value for s in FUNNEL_ORDER)


KPI_TARGETS_SETTING = "report.kpi_targets"
"""App setting (``db.services.settings.get_app_setting``) holding the owner's targets."""


STREAM_BATCH = 1000
"""Rows fetched at a time where rows are read one by one (bounded memory)."""


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def name_zh(spec: Any) -> str:
    """The Chinese name kept in a product's catalogue entry ('' when it has none)."""
    return str(spec.get("name_zh") or "") if isinstance(spec, dict) else ""


def template_label(template: str) -> str:
    """A reason template with its parameters left out: ``'{age} years'`` -> ``'… years'``."""
    return _PLACEHOLDER.sub("…", template)


def _within(col: Any, lo: datetime, hi: datetime) -> ColumnElement[bool]:
    return and_(col >= lo, col < hi)


def _count_if(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _chosen_plan() -> ColumnElement[bool]:
    return and_(Plan.consultation_id == C.id, Plan.chosen.is_(True))


def insured_plan() -> ColumnElement[bool]:
    """The chosen plan carries an insurance line (optional or lender-required)."""
    return (
        select(PlanAddOn.id)
        .where(PlanAddOn.plan_id == Plan.id, PlanAddOn.kind == AddOnKind.INSURANCE.value)
        .exists()
    )


def plan_has_add_on(*, required: bool, kind: str | None = None) -> ColumnElement[bool]:
    """The plan carries an add-on that is (not) lender-required, of ``kind`` if given."""
    conds = [PlanAddOn.plan_id == Plan.id, PlanAddOn.required.is_(required)]
    if kind is not None:
        conds.append(PlanAddOn.kind == kind)
    return select(PlanAddOn.id).where(*conds).exists()


REFUSED_CODES = ("refused_eligibility", "refused_fraud")
"""``LostReason`` codes of consultations we refused ourselves."""


def reached(stage_index: int) -> ColumnElement[bool]:
    """The stage, or any later one, has a timestamp."""
    return or_(*(col.is_not(None) for col in STAGE_COLUMNS[stage_index:]))


def _dec(value: Any) -> Decimal:
    return Decimal(0) if value is None else Decimal(value)


StoreIds = tuple[int, ...]
"""The stores a report covers: one store, or several for a dealer group's report."""


def in_stores(col: Any, sids: StoreIds) -> ColumnElement[bool]:
    """``col = :id`` for one store (the same SQL as ever), ``col IN (...)`` for a group."""
    cond: ColumnElement[bool] = col == sids[0] if len(sids) == 1 else col.in_(sids)
    return cond


def staff_of(sids: StoreIds) -> ColumnElement[bool]:
    """Staff of the stores, and the group owner (who may serve customers in any store)."""
    return or_(in_stores(Staff.store_id, sids), Staff.role == Role.OWNER.value)


def resolve_store(database: Database, store_id: int | None) -> int:
    return resolve_stores(database, store_id)[0]


def resolve_stores(
    database: Database, store_id: int | None = None, store_ids: Sequence[int] | None = None
) -> StoreIds:
    """The stores to report on: ``store_ids`` if given, else ``store_id``, else the first store."""
    from lending.errors import UserError

    if store_ids is not None:
        wanted = tuple(dict.fromkeys(int(i) for i in store_ids))
        if not wanted:
            raise UserError("No store to report on.", code="not_found")
    else:
        sid = store_id if store_id is not None else database.default_store_id()
        if sid is None:
            raise UserError(
                "LoanDesk is not set up yet: start the program once to create the store.",
                code="needs_setup",
            )
        wanted = (sid,)
    with database.session_factory() as s:
        found = set(s.scalars(select(Store.id).where(Store.id.in_(wanted))))
    for sid in wanted:
        if sid not in found:
            raise UserError(f"Store {sid} does not exist.", code="not_found")
    return wanted
