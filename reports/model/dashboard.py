"""The in-app dashboard's figures: this month against last month, and the consultations
behind any figure.

    board = build_dashboard(database, actor, store_ids, today=date.today())
    rows = drill_down(database, actor, board.stores, Drill("signed", month=0), today)

The same definitions as the owner report (:mod:`reports.model.build`): approval
rate = lender-approved / lender-decided, add-on attach rate = signed loans with an
optional add-on.  "This month" is the calendar month of ``today`` up to now;
"last month" the whole month before.  Who may see which stores is checked here
(``db.services.stores.allowed_store_ids``: a manager their own store, the owner
any store or the group).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select, union

from db.database import Database
from db.models import Consultation, Customer, FollowUp, LoanStatus, Plan, Staff
from db.services.base import Actor, Permission, require
from reports.model.build import _activity
from reports.model.figures import M1_DAYS, M3_DAYS, FunnelStep, Overdue, ProductLine
from reports.model.kpi import KpiActuals
from reports.model.period import ReportPeriod
from reports.model.rows import mask_name
from reports.model.sections import _funnel, _overdue, _products
from reports.model.sql import (
    STAGE_COLUMNS,
    STAGES,
    _chosen_plan,
    _within,
    in_stores,
    plan_has_add_on,
    reached,
    resolve_stores,
)

C = Consultation

FIGURES = ("consultations", "signed", "loan_amount", "approval_rate", "add_on_attach")
"""The figures compared month against month, in the order the dashboard shows them."""

DRILL_LIMIT = 500
"""At most this many consultations listed behind a figure (newest first)."""


@dataclass(frozen=True)
class MonthFigures:
    label: str
    """``YYYY-MM``."""
    consultations: int
    signed: int
    loan_amount: Decimal
    approved: int
    declined: int
    approval_rate: Decimal | None
    signed_with_plan: int
    with_add_on: int
    add_on_attach: Decimal | None

    def value(self, figure: str) -> Decimal | int | None:
        return getattr(self, figure)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Dashboard:
    stores: tuple[int, ...]
    today: date
    this_month: MonthFigures
    last_month: MonthFigures
    follow_ups_due: int
    """Open follow-ups due today."""
    follow_ups_overdue: int
    """Open follow-ups due before today."""
    funnel: tuple[FunnelStep, ...]
    """This month's cohort (first contacted this month), by the furthest stage reached."""
    products: tuple[ProductLine, ...]
    """Loans signed this month, one line per product."""
    overdue: Overdue | None = None
    """Every signed loan's latest post-loan status up to today (None: none imported)."""


def months(today: date, tz: tzinfo | None = None) -> tuple[ReportPeriod, ReportPeriod]:
    """(this month up to ``today``, the whole month before)."""
    first = today.replace(day=1)
    last_end = first - timedelta(days=1)
    return ReportPeriod(first, today, tz), ReportPeriod(last_end.replace(day=1), last_end, tz)


def dashboard_stores(
    database: Database, actor: Actor, store_ids: Sequence[int] | None = None
) -> tuple[int, ...]:
    """The stores the actor asks for and may see (default: own store)."""
    from db.services.stores import allowed_store_ids

    require(actor, Permission.EXPORT_REPORTS)
    wanted = allowed_store_ids(actor, store_ids or (actor.store_id,))
    return resolve_stores(database, store_ids=wanted)


EVENT_COLUMNS = (C.contact_at, C.signed_at, C.approved_at, C.lender_decided_at, C.lost_at)
"""What the dashboard's figures count; each has an index with ``store_id`` first."""


def _events_within(sids: tuple[int, ...], lo: datetime, hi: datetime) -> ColumnElement[bool]:
    """Consultations with a counted event in ``[lo, hi)``, found range by range in the
    indexes instead of reading every consultation of the store."""
    ids = union(
        *(
            select(C.id).where(in_stores(C.store_id, sids), _within(col, lo, hi))
            for col in EVENT_COLUMNS
        )
    )
    return C.id.in_(select(ids.subquery().c.id))


def _month(s: Any, sids: tuple[int, ...], period: ReportPeriod) -> MonthFigures:
    lo, hi = period.bounds()
    per_person, _, _ = _activity(s, sids, lo, hi, only=_events_within(sids, lo, hi), full=False)
    t = sum((a for a, _ in per_person.values()), KpiActuals())
    contacts = sum(extra["counts"]["contacts"] for _, extra in per_person.values())
    return MonthFigures(
        label=f"{period.start.year:04d}-{period.start.month:02d}",
        consultations=contacts,
        signed=t.loans_closed,
        loan_amount=t.loan_amount,
        approved=t.approved,
        declined=t.declined,
        approval_rate=t.approval_rate,
        signed_with_plan=t.signed_with_plan,
        with_add_on=t.with_add_on,
        add_on_attach=t.add_on_attach_rate,
    )


def build_dashboard(
    database: Database,
    actor: Actor,
    store_ids: Sequence[int] | None = None,
    *,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> Dashboard:
    """Every figure of the dashboard (a read: nothing is written)."""
    sids = dashboard_stores(database, actor, store_ids)
    day = today or date.today()
    this, last = months(day, tz)
    lo, hi = this.bounds()
    day_lo, day_hi = this.moment(day), this.moment(day + timedelta(days=1))
    with database.session_factory() as s:
        now_m, last_m = _month(s, sids, this), _month(s, sids, last)
        funnel = _funnel(s, sids, this).overall
        products, _, _ = _products(s, sids, lo, hi)
        loans_overdue = _overdue(s, sids, this, lambda staff_id: str(staff_id or ""))
        open_ = and_(in_stores(FollowUp.store_id, sids), FollowUp.done_at.is_(None))
        overdue = s.scalar(select(func.count(FollowUp.id)).where(open_, FollowUp.due_at < day_lo))
        due = s.scalar(
            select(func.count(FollowUp.id)).where(open_, _within(FollowUp.due_at, day_lo, day_hi))
        )
    return Dashboard(
        stores=sids,
        today=day,
        this_month=now_m,
        last_month=last_m,
        follow_ups_due=int(due or 0),
        follow_ups_overdue=int(overdue or 0),
        funnel=funnel,
        products=products,
        overdue=loans_overdue,
    )


# ---------------------------------------------------------------------------
# drill-down
# ---------------------------------------------------------------------------

DRILL_KINDS = (
    *FIGURES,
    "follow_ups_due",
    "follow_ups_overdue",
    "stage",
    "product",
    "overdue_m1",
    "overdue_m3",
)


@dataclass(frozen=True)
class Drill:
    """Which consultations stand behind a figure."""

    kind: str
    """One of :data:`DRILL_KINDS`."""
    month: int = 0
    """0 this month, 1 last month."""
    key: str = ""
    """The funnel stage (``stage``) or the product code (``product``)."""


@dataclass(frozen=True)
class DrillRow:
    id: int
    contact_at: datetime | None
    """The store's local time, naive."""
    customer: str
    """Masked (first character kept) unless the viewer is the owner."""
    consultant: str
    status: str
    stage: str
    product_code: str
    amount: Decimal | None
    signed_at: datetime | None


def _drill_filter(drill: Drill, period: ReportPeriod, today: date) -> ColumnElement[bool]:
    lo, hi = period.bounds()
    kind = drill.kind
    if kind == "consultations":
        return _within(C.contact_at, lo, hi)
    if kind in ("signed", "loan_amount"):
        return _within(C.signed_at, lo, hi)
    if kind == "add_on_attach":
        return and_(
            _within(C.signed_at, lo, hi), Plan.id.is_not(None), plan_has_add_on(required=False)
        )
    if kind == "approval_rate":
        return and_(
            _within(C.lender_decided_at, lo, hi), C.lender_outcome.in_(("approved", "declined"))
        )
    if kind == "stage":
        return and_(_within(C.contact_at, lo, hi), reached(STAGES.index(drill.key)))
    if kind == "product":
        return and_(_within(C.signed_at, lo, hi), Plan.product_code == drill.key)
    if kind in ("overdue_m1", "overdue_m3"):
        latest = (
            select(LoanStatus.consultation_id.label("cid"), func.max(LoanStatus.as_of).label("day"))
            .where(LoanStatus.as_of <= today)
            .group_by(LoanStatus.consultation_id)
            .subquery()
        )
        days = M1_DAYS if kind == "overdue_m1" else M3_DAYS
        return C.id.in_(
            select(LoanStatus.consultation_id)
            .join(
                latest,
                and_(latest.c.cid == LoanStatus.consultation_id, latest.c.day == LoanStatus.as_of),
            )
            .where(LoanStatus.status == "overdue", LoanStatus.overdue_days >= days)
        )
    if kind in ("follow_ups_due", "follow_ups_overdue"):
        day_lo = period.moment(today)
        when = (
            FollowUp.due_at < day_lo
            if kind == "follow_ups_overdue"
            else _within(FollowUp.due_at, day_lo, period.moment(today + timedelta(days=1)))
        )
        return C.id.in_(select(FollowUp.consultation_id).where(FollowUp.done_at.is_(None), when))
    raise ValueError(f"unknown drill-down {kind!r}")


def drill_down(
    database: Database,
    actor: Actor,
    store_ids: Sequence[int] | None,
    drill: Drill,
    *,
    today: date | None = None,
    tz: tzinfo | None = None,
    limit: int = DRILL_LIMIT,
) -> list[DrillRow]:
    """The consultations behind one figure, newest first, at most ``limit``."""
    sids = dashboard_stores(database, actor, store_ids)
    day = today or date.today()
    period = months(day, tz)[1 if drill.month else 0]
    cond = _drill_filter(drill, period, day)
    # as in the workbook: unmasked only where full data may leave (EXPORT_UNMASKED, the owner)
    names_visible = actor.can(Permission.EXPORT_UNMASKED)
    stmt = (
        select(
            C.id,
            C.contact_at,
            Customer.name,
            Staff.display_name,
            C.status,
            *STAGE_COLUMNS[1:],
            Plan.product_code,
            Plan.amount,
            C.signed_at,
        )
        .select_from(C)
        .join(Customer, Customer.id == C.customer_id)
        .outerjoin(Staff, Staff.id == C.consultant_id)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), cond)
        .order_by(C.contact_at.desc(), C.id.desc())
        .limit(limit)
    )
    out = []
    n_stamps = len(STAGE_COLUMNS) - 1
    with database.session_factory() as s:
        for row in s.execute(stmt):
            cid, contact, name, consultant, status = row[:5]
            stamps = row[5 : 5 + n_stamps]
            product, amount, signed = row[5 + n_stamps :]
            stage = STAGES[0]
            for i in range(n_stamps, 0, -1):
                if stamps[i - 1] is not None:
                    stage = STAGES[i]
                    break
            out.append(
                DrillRow(
                    id=cid,
                    contact_at=period.local(contact) if contact is not None else None,
                    customer=(name or "") if names_visible else mask_name(name or ""),
                    consultant=consultant or "",
                    status=status or "",
                    stage=stage,
                    product_code=product or "",
                    amount=amount,
                    signed_at=period.local(signed) if signed is not None else None,
                )
            )
    return out
