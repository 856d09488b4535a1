"""Compute every figure of the owner report with SQLAlchemy aggregates.

Only portable SQL: ``select()`` with ``sum(case(...))``, ``count``,
``exists`` and ``group_by`` over plain columns or a subquery's columns (no
date functions, no JSON operators).  Month buckets are ``case`` expressions
over UTC bounds computed in Python, so a month is a month on the store's
clock on SQLite and PostgreSQL alike.  Averages are ``sum / count`` in
``Decimal`` (money and rates are stored as scaled integers, so the sums are
exact).

Definitions (also printed on the workbook):

* Summary and KPI counts are *activity* counts: an event counts in the
  period in which it happened (a loan signed on 3 March counts for March
  whenever the customer first came in).
* The funnel and the channel table are *cohorts*: consultations first
  contacted in the period, followed to the furthest stage they have reached
  by now.  A stage counts as reached when it or any later stage has a
  timestamp, so the funnel never widens.
* Approval rate = approved / (approved + declined by the lender): the
  lender's decision as the staff recorded it.  A customer who withdrew the
  application and a consultation we refused ourselves (lost as "refused:
  eligibility" or "refused: suspected fraud") are counted apart, never as a
  decline; before decisions were recorded, a consultation lost as "rejected
  by the lender" counts as declined.
* Add-on attach rate: signed loans whose chosen plan carries an *optional*
  add-on (insurance the lender does not require, extended warranty, service
  package, other), overall and per kind; lender-required insurance is shown
  apart as the required-insurance rate (it says nothing about selling).
* Average APR is weighted by loan amount: sum(APR x amount) / sum(amount).
* Referrals: consultations first contacted in the period that name a
  referring customer or came through the referral channel, credited to the
  consultant who served them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    Plan,
    Staff,
    Store,
)
from db.models.base import utcnow
from db.models.enums import AddOnKind, Channel, Role
from reports.model.figures import (
    ADD_ON_KINDS,
    CENT,
    ChannelLine,
    KpiTable,
    KpiTargets,
    Report,
    Summary,
    percent,
)
from reports.model.kpi import KpiActuals, load_kpi_targets, score_kpis
from reports.model.period import ReportPeriod
from reports.model.sections import (
    _channels,
    _follow_up_line,
    _follow_ups,
    _funnel,
    _overdue,
    _products,
    _rejections,
)
from reports.model.sql import (
    REFUSED_CODES,
    STAGE_COLUMNS,
    STAGES,
    STREAM_BATCH,
    C,
    StoreIds,
    _chosen_plan,
    _count_if,
    _dec,
    _within,
    in_stores,
    plan_has_add_on,
    resolve_stores,
    staff_of,
)

TR_CONTEXT = "ReportModel"

TR_STRINGS = (
    "Summary and salesperson figures count each event in the period in which it happened.",
    "Funnel and channel figures follow the consultations first contacted in the period "
    "to the furthest stage they have reached so far.",
    "Approval rate = approved / (approved + declined by the lender), as recorded on the "
    "signing step; applications the customer withdrew and consultations we refused "
    "ourselves are counted apart, not as declines.",
    "Add-on attach rate = signed loans with at least one optional add-on (insurance the "
    "lender does not require, warranty, service package); lender-required insurance is "
    "shown apart.",
    "Average APR is weighted by loan amount: sum(APR x amount) / sum(amount).",
    "Referrals are new consultations that name a referring customer or came through the "
    "referral channel, credited to the consultant who served them.",
)
"""Remarks printed with the report (context ``ReportModel``)."""

assert len(STAGES) == len(STAGE_COLUMNS)


# ---------------------------------------------------------------------------
# small SQL helpers
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# the report
# ---------------------------------------------------------------------------


Activity = tuple[dict[int | None, tuple[KpiActuals, dict[str, Any]]], int, int]
"""Per consultant (actuals, other counts), plans priced, consultations lost."""


def _summary(
    s: Session,
    sids: StoreIds,
    store_name: str,
    lo: datetime,
    hi: datetime,
    activity: Activity | None = None,
) -> Summary:
    per_person, plans_priced, lost_total = activity or _activity(s, sids, lo, hi)
    totals = sum((a for a, _ in per_person.values()), KpiActuals())
    counts: Counter[str] = Counter()
    for _, extra in per_person.values():
        counts.update(extra["counts"])
    return Summary(
        store_id=sids[0] if len(sids) == 1 else 0,
        store_name=store_name,
        consultations=counts["contacts"],
        plans_offered=counts["plans_offered"],
        plans_priced=plans_priced,
        approved=totals.approved,
        signed=totals.loans_closed,
        delivered=counts["delivered"],
        lost=lost_total,
        loan_amount=totals.loan_amount.quantize(CENT),
        average_apr=totals.average_apr,
        required_insurance_rate=totals.required_insurance_rate,
        average_days_to_close=totals.average_days_to_close,
        store_ids=sids,
        declined=totals.declined,
        withdrawn=totals.withdrawn,
        refused=totals.refused,
        approval_rate=totals.approval_rate,
        add_on_attach_rate=totals.add_on_attach_rate,
        add_on_attach_by_kind=totals.add_on_by_kind(),
    )


def build_report(
    database: Database,
    period: ReportPeriod,
    *,
    store_id: int | None = None,
    store_ids: Sequence[int] | None = None,
    targets: KpiTargets | None = None,
    now: datetime | None = None,
) -> Report:
    """Every aggregate of the owner report for one store (or a group of stores) and period.

    ``store_ids`` (several stores: the dealer group's report, with one summary
    per store in ``Report.stores``) wins over ``store_id``; neither means the
    first store.  ``now`` decides which follow-ups are missed rather than
    open (default: the current time).  The consultation rows are streamed
    separately by :func:`reports.model.rows.iter_consultation_rows`.
    """
    sids = resolve_stores(database, store_id, store_ids)
    if targets is None:
        targets = load_kpi_targets(database, sids[0])
    moment = utcnow() if now is None else now
    lo, hi = period.bounds()
    with database.session_factory() as s:
        names = dict(
            (int(i), str(n))
            for i, n in s.execute(select(Store.id, Store.name).where(in_stores(Store.id, sids)))
        )
        store_name = ", ".join(names.get(i, "") for i in sids)
        staff: dict[int, tuple[str, str, bool]] = {
            row.id: (row.display_name, row.role, row.active)
            for row in s.execute(
                select(Staff.id, Staff.display_name, Staff.role, Staff.active).where(staff_of(sids))
            )
        }

        def name_of(staff_id: int | None) -> str:
            if staff_id is None:
                return "Unassigned"
            return staff.get(staff_id, (f"#{staff_id}", "", False))[0]

        activity = _activity(s, sids, lo, hi)
        per_person = activity[0]
        summary = _summary(s, sids, store_name, lo, hi, activity)
        per_store = (
            tuple(_summary(s, (i,), names.get(i, ""), lo, hi) for i in sids)
            if len(sids) > 1
            else ()
        )
        funnel = _funnel(s, sids, period)
        products, product_details, product_total = _products(s, sids, lo, hi)
        rejections = _rejections(s, sids, lo, hi)
        channels = _channels(s, sids, lo, hi)
        follow_ups = _follow_ups(s, sids, period, moment)
        overdue = _overdue(s, sids, period, name_of)
        row_count = (
            s.scalar(
                select(func.count(C.id)).where(
                    in_stores(C.store_id, sids), _within(C.contact_at, lo, hi)
                )
            )
            or 0
        )

    totals = sum((a for a, _ in per_person.values()), KpiActuals())

    # --- KPIs: everyone with activity, and every active consultant ------
    months = period.month_equivalents()
    people: set[int | None] = set(per_person)
    people.update(
        sid_
        for sid_, (_, role, active) in staff.items()
        if active and role == Role.CONSULTANT.value
    )
    ordered = sorted(people, key=lambda p: (p is None, name_of(p), p or 0))
    rows = tuple(
        score_kpis(p, name_of(p), per_person.get(p, (KpiActuals(), {}))[0], targets, months)
        for p in ordered
    )
    people_count = sum(1 for r in rows if r.staff_id is not None)
    total = score_kpis(None, "All salespeople", totals, targets, months, scale=max(people_count, 1))
    kpis = KpiTable(targets=targets, months=months, rows=rows, total=total)

    # --- follow-ups -------------------------------------------------------
    fu_lines = tuple(
        _follow_up_line(p, name_of(p), c)
        for p, c in sorted(follow_ups.items(), key=lambda kv: (kv[0] is None, name_of(kv[0])))
    )
    fu_total = _follow_up_line(None, "Total", sum(follow_ups.values(), Counter()))

    return Report(
        period=period,
        generated_at=moment,
        summary=summary,
        kpis=kpis,
        funnel=funnel,
        products=products,
        product_details=product_details,
        product_total=product_total,
        channel_total=ChannelLine(
            "",
            sum(c.leads for c in channels),
            sum(c.signed for c in channels),
            percent(sum(c.signed for c in channels), sum(c.leads for c in channels)),
            sum((c.amount for c in channels), Decimal("0.00")),
        ),
        rejections=rejections,
        channels=channels,
        follow_ups=fu_lines,
        follow_up_total=fu_total,
        consultation_rows=row_count,
        notes=TR_STRINGS,
        stores=per_store,
        overdue=overdue,
    )


def _activity(
    s: Session,
    sids: StoreIds,
    lo: datetime,
    hi: datetime,
    *,
    only: ColumnElement[bool] | None = None,
    full: bool = True,
) -> Activity:
    """Per consultant: the period's events.  ``only`` narrows the consultations read
    (the dashboard passes the ones with an event in its months, found by index);
    ``full`` False leaves out what the dashboard does not show: days to close, the
    weighted APR, required insurance and the add-on kinds (left at zero), plans priced
    and consultations lost (returned as 0)."""
    signed_in = _within(C.signed_at, lo, hi)
    with_plan = and_(signed_in, Plan.id.is_not(None))
    has_sat = and_(signed_in, C.satisfaction.is_not(None))
    referral = or_(
        C.referred_by_customer_id.is_not(None), C.source_channel == Channel.REFERRAL.value
    )
    decided = _within(C.lender_decided_at, lo, hi)
    stmt = (
        select(
            C.consultant_id,
            _count_if(_within(C.contact_at, lo, hi)),
            _count_if(_within(C.plan_offered_at, lo, hi)),
            _count_if(_within(C.approved_at, lo, hi)),
            _count_if(signed_in),
            _count_if(_within(C.delivered_at, lo, hi)),
            _count_if(
                or_(
                    and_(decided, C.lender_outcome == "declined"),
                    and_(  # recorded only as a lost reason (before decisions were recorded)
                        C.lender_outcome.is_(None),
                        _within(C.lost_at, lo, hi),
                        C.lost_reason_code == "lender_rejected",
                    ),
                )
            ),
            _count_if(and_(decided, C.lender_outcome == "withdrawn")),
            _count_if(and_(_within(C.lost_at, lo, hi), C.lost_reason_code.in_(REFUSED_CODES))),
            func.sum(case((signed_in, Plan.amount))),
            _count_if(with_plan),
            _count_if(and_(with_plan, plan_has_add_on(required=False))),
            *(
                (
                    _count_if(
                        and_(
                            with_plan,
                            plan_has_add_on(required=True, kind=AddOnKind.INSURANCE.value),
                        )
                    ),
                    *(
                        _count_if(and_(with_plan, plan_has_add_on(required=False, kind=kind)))
                        for kind in ADD_ON_KINDS
                    ),
                )
                if full  # the dashboard shows neither required insurance nor the kinds
                else (literal(0),) * (1 + len(ADD_ON_KINDS))
            ),
            func.sum(case((has_sat, C.satisfaction))),
            _count_if(has_sat),
            _count_if(and_(_within(C.contact_at, lo, hi), referral)),
        )
        .select_from(C)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), *(() if only is None else (only,)))
        .group_by(C.consultant_id)
    )
    loans = _signed_loans(s, sids, lo, hi) if full else {}
    out: dict[int | None, tuple[KpiActuals, dict[str, Any]]] = {}
    for row in s.execute(stmt):
        (
            consultant,
            contacts,
            offered,
            approved,
            signed,
            delivered,
            declined,
            withdrawn,
            refused,
            amount,
            n_with_plan,
            with_add_on,
            required_insurance,
            *rest,
        ) = row
        by_kind = [int(v) for v in rest[: len(ADD_ON_KINDS)]]
        sat_sum, sat_n, referrals = rest[len(ADD_ON_KINDS) :]
        if not any(
            (
                contacts,
                offered,
                approved,
                signed,
                delivered,
                declined,
                withdrawn,
                refused,
                referrals,
            )
        ):
            continue
        close_seconds, close_n, apr_weighted, apr_amount = loans.get(
            consultant, (0, 0, Decimal(0), Decimal(0))
        )
        actuals = KpiActuals(
            loans_closed=int(signed),
            loan_amount=_dec(amount),
            approved=int(approved),
            declined=int(declined),
            withdrawn=int(withdrawn),
            refused=int(refused),
            satisfaction_sum=int(sat_sum or 0),
            satisfaction_n=int(sat_n),
            with_add_on=int(with_add_on),
            required_insurance=int(required_insurance),
            signed_with_plan=int(n_with_plan),
            referrals=int(referrals),
            **{f"optional_{k}": n for k, n in zip(ADD_ON_KINDS, by_kind, strict=True)},
            close_seconds=close_seconds,
            close_n=close_n,
            apr_weighted=apr_weighted,
            apr_amount=apr_amount,
        )
        extra = {
            "counts": {
                "contacts": int(contacts),
                "plans_offered": int(offered),
                "delivered": int(delivered),
            },
        }
        out[consultant] = (actuals, extra)
    if not full:
        return out, 0, 0
    plans_priced = (
        s.scalar(
            select(func.count(Plan.id)).where(
                in_stores(Plan.store_id, sids), _within(Plan.created_at, lo, hi)
            )
        )
        or 0
    )
    lost = (
        s.scalar(
            select(func.count(C.id)).where(in_stores(C.store_id, sids), _within(C.lost_at, lo, hi))
        )
        or 0
    )
    return out, int(plans_priced), int(lost)


def _signed_loans(
    s: Session, sids: StoreIds, lo: datetime, hi: datetime
) -> dict[int | None, tuple[int, int, Decimal, Decimal]]:
    """Per consultant, over the loans signed in the period: (seconds from first contact
    to signing, loans with a contact time, sum of APR x amount, sum of amount with an APR).

    Read row by row in Python (exact ``Decimal`` products; the scaled integers'
    products would overflow a 64-bit SQL sum on a large store).
    """
    stmt = (
        select(C.consultant_id, C.contact_at, C.signed_at, Plan.amount, Plan.apr)
        .select_from(C)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), _within(C.signed_at, lo, hi))
    )
    acc: dict[int | None, list[Any]] = {}
    for who, contact, signed, amount, apr in s.execute(
        stmt.execution_options(yield_per=STREAM_BATCH)
    ):
        a = acc.get(who)
        if a is None:
            a = acc[who] = [0, 0, Decimal(0), Decimal(0)]
        if contact is not None and signed is not None:
            d: timedelta = signed - contact
            a[0] += d.days * 86400 + d.seconds
            a[1] += 1
        if apr is not None and amount is not None:
            a[2] += apr * amount
            a[3] += amount
    return {k: (v[0], v[1], v[2], v[3]) for k, v in acc.items()}
