"""The owner report's sections, one query each: funnel, products, overdue, rejections,
channels and follow-ups (:func:`reports.model.build.build_report` puts them together).

The same portable SQL as the rest of the report (see ``reports.model.build``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from db.models import (
    Appraisal,
    FollowUp,
    LoanStatus,
    Plan,
    Product,
    Qualification,
)
from db.models.enums import Channel
from db.services.messages import MESSAGES as LOST_MESSAGES
from reports.model.figures import (
    CENT,
    M1_DAYS,
    M3_DAYS,
    TENTH,
    ChannelLine,
    FollowUpLine,
    Funnel,
    FunnelMonth,
    FunnelStep,
    Overdue,
    OverdueLine,
    ProductLine,
    RejectionLine,
    mean,
    percent,
    weighted_mean,
)
from reports.model.period import ReportPeriod
from reports.model.sql import (
    STAGES,
    STREAM_BATCH,
    C,
    StoreIds,
    _chosen_plan,
    _count_if,
    _dec,
    _within,
    in_stores,
    name_zh,
    reached,
)


def _steps(counts: list[int]) -> tuple[FunnelStep, ...]:
    first = counts[0] if counts else 0
    return tuple(
        FunnelStep(
            stage=stage,
            count=n,
            step_conversion=None if i == 0 else percent(n, counts[i - 1]),
            overall_conversion=percent(n, first),
        )
        for i, (stage, n) in enumerate(zip(STAGES, counts, strict=True))
    )


def _funnel(s: Session, sids: StoreIds, period: ReportPeriod) -> Funnel:
    lo, hi = period.bounds()
    months = period.months()
    bucket = case(*((C.contact_at < b.hi, i) for i, b in enumerate(months)), else_=len(months))
    inner = (
        select(
            bucket.label("m"),
            *(case((reached(i), 1), else_=0).label(f"s{i}") for i in range(len(STAGES))),
        )
        .where(in_stores(C.store_id, sids), _within(C.contact_at, lo, hi))
        .subquery()
    )
    stmt = select(inner.c.m, *(func.sum(inner.c[f"s{i}"]) for i in range(len(STAGES)))).group_by(
        inner.c.m
    )
    per_month: dict[int, list[int]] = {}
    for row in s.execute(stmt):
        per_month[int(row[0])] = [int(v or 0) for v in row[1:]]
    zero = [0] * len(STAGES)
    overall = [sum(c[i] for c in per_month.values()) for i in range(len(STAGES))]
    return Funnel(
        stages=STAGES,
        overall=_steps(overall),
        by_month=tuple(
            FunnelMonth(b.label, _steps(per_month.get(i, zero))) for i, b in enumerate(months)
        ),
    )


def _products(
    s: Session, sids: StoreIds, lo: datetime, hi: datetime
) -> tuple[tuple[ProductLine, ...], tuple[ProductLine, ...], ProductLine]:
    """(one line per product, one per product x lender x method, the total)."""
    stmt = (
        select(
            Plan.product_code,
            Product.name,
            Plan.lender_name,
            Plan.method,
            Plan.amount,
            Plan.apr,
            Plan.term_months,
        )
        .select_from(C)
        .join(Plan, _chosen_plan())
        .outerjoin(Product, Product.id == Plan.product_id)
        .where(in_stores(C.store_id, sids), _within(C.signed_at, lo, hi))
    )
    names_zh: dict[str, str] = {}
    for pcode, spec in s.execute(
        select(Product.code, Product.spec).where(in_stores(Product.store_id, sids))
    ):
        names_zh.setdefault(pcode, name_zh(spec))
    by_product: dict[str, _ProductSums] = {}
    by_detail: dict[tuple[str, str, str], _ProductSums] = {}
    names: dict[str, str] = {}
    total = _ProductSums()
    for code, name, lender, method, amount, apr, term in s.execute(
        stmt.execution_options(yield_per=STREAM_BATCH)
    ):
        code = code or ""
        names.setdefault(code, name or code)
        for sums in (
            by_product.setdefault(code, _ProductSums()),
            by_detail.setdefault((code, lender or "", method or ""), _ProductSums()),
            total,
        ):
            sums.add(_dec(amount), apr, term)

    def line(code: str, lender: str, method: str, sums: _ProductSums) -> ProductLine:
        return ProductLine(
            product_code=code,
            product_name=names.get(code, code),
            product_name_zh=names_zh.get(code, ""),
            lender=lender,
            method=method,
            loans=sums.loans,
            amount=sums.amount.quantize(CENT),
            average_apr=sums.average_apr(),
            average_term=mean(sums.term, sums.loans, TENTH),
            loan_share=percent(sums.loans, total.loans),
            amount_share=percent(sums.amount, total.amount),
        )

    mix = sorted(
        (line(code, "", "", v) for code, v in by_product.items()),
        key=lambda x: (-x.amount, x.product_code),
    )
    details = sorted(
        (line(code, lender, method, v) for (code, lender, method), v in by_detail.items()),
        key=lambda x: (-x.amount, x.product_code, x.lender, x.method),
    )
    all_line = dataclasses.replace(line("", "", "", total), product_name="", product_name_zh="")
    return tuple(mix), tuple(details), all_line


class _ProductSums:
    __slots__ = ("amount", "apr_amount", "apr_weighted", "loans", "term")

    def __init__(self) -> None:
        self.loans = 0
        self.amount = Decimal(0)
        self.term = 0
        self.apr_weighted = Decimal(0)
        self.apr_amount = Decimal(0)

    def add(self, amount: Decimal, apr: Decimal | None, term: int | None) -> None:
        self.loans += 1
        self.amount += amount
        self.term += term or 0
        if apr is not None:
            self.apr_weighted += apr * amount
            self.apr_amount += amount

    def average_apr(self) -> Decimal | None:
        return weighted_mean(self.apr_weighted, self.apr_amount)


def _overdue(s: Session, sids: StoreIds, period: ReportPeriod, staff_name: Any) -> Overdue | None:
    """Each signed loan's latest imported status up to the period's last day."""
    latest = (
        select(LoanStatus.consultation_id.label("cid"), func.max(LoanStatus.as_of).label("day"))
        .where(in_stores(LoanStatus.store_id, sids), LoanStatus.as_of <= period.end)
        .group_by(LoanStatus.consultation_id)
        .subquery()
    )
    stmt = (
        select(
            C.consultant_id,
            Plan.product_code,
            Plan.lender_name,
            LoanStatus.status,
            LoanStatus.overdue_days,
            LoanStatus.as_of,
        )
        .select_from(LoanStatus)
        .join(
            latest,
            and_(latest.c.cid == LoanStatus.consultation_id, latest.c.day == LoanStatus.as_of),
        )
        .join(C, C.id == LoanStatus.consultation_id)
        .join(Plan, Plan.id == LoanStatus.plan_id)
    )
    groups: dict[tuple[str, str], list[int]] = {}
    days: set[Any] = set()
    for consultant, product, lender, status, overdue_days, as_of in s.execute(
        stmt.execution_options(yield_per=STREAM_BATCH)
    ):
        days.add(as_of)
        settled = status == "settled"
        n_days = 0 if settled else int(overdue_days or 0)
        for key in (
            ("salesperson", "" if consultant is None else str(consultant)),
            ("product", product or ""),
            ("lender", lender or ""),
            ("total", ""),
        ):
            g = groups.setdefault(key, [0, 0, 0, 0])
            g[0 if not settled else 1] += 1
            g[2] += n_days >= M1_DAYS
            g[3] += n_days >= M3_DAYS
    if not days:
        return None
    products: dict[str, tuple[str, str]] = {}
    for code, pname, spec in s.execute(
        select(Product.code, Product.name, Product.spec).where(in_stores(Product.store_id, sids))
    ):
        products.setdefault(code, (pname, name_zh(spec)))

    def line(kind: str, key: str, g: list[int]) -> OverdueLine:
        if kind == "salesperson":
            name, zh = staff_name(int(key) if key else None), ""
        elif kind == "product":
            name, zh = products.get(key, (key, ""))
        else:
            name, zh = key, ""
        return OverdueLine(
            kind, key, name, g[0], g[1], g[2], g[3], percent(g[2], g[0]), percent(g[3], g[0]), zh
        )

    order = {"salesperson": 0, "product": 1, "lender": 2}
    lines = sorted(
        (line(kind, key, g) for (kind, key), g in groups.items() if kind != "total"),
        key=lambda x: (order[x.kind], x.kind == "salesperson" and not x.key, -x.loans, x.name),
    )
    return Overdue(tuple(lines), line("total", "", groups[("total", "")]), tuple(sorted(days)))


def _reason_codes(data: Any) -> Iterable[tuple[str, str]]:
    for item in data or []:
        if isinstance(item, Mapping) and "code" in item:
            yield str(item["code"]), str(item.get("template", item["code"]))


def _rejections(
    s: Session, sids: StoreIds, lo: datetime, hi: datetime
) -> tuple[RejectionLine, ...]:
    lines: list[RejectionLine] = []

    def add(kind: str, found: Counter[tuple[str, str]]) -> None:
        total = sum(found.values())
        for (code, text), n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(RejectionLine(kind, code, text, n, percent(n, total)))

    # Lost in the GUI: grouped by the category picked (``lost.<code>``, a
    # translatable template; the free note is not split out). Older rows and
    # imports without a category: grouped by their text.
    lost: Counter[tuple[str, str]] = Counter()
    for code, reason, n in s.execute(
        select(C.lost_reason_code, C.lost_reason, func.count(C.id))
        .where(in_stores(C.store_id, sids), _within(C.lost_at, lo, hi))
        .group_by(C.lost_reason_code, C.lost_reason)
    ):
        key = f"lost.{code}" if code else ""
        if key in LOST_MESSAGES:
            lost[(key, LOST_MESSAGES[key])] += int(n)
        else:
            text = (reason or "").strip()
            lost[(text, text)] += int(n)
    add("lost", lost)

    qual: Counter[tuple[str, str]] = Counter()
    for (failures,) in s.execute(
        select(Qualification.hard_failures).where(
            in_stores(Qualification.store_id, sids),
            Qualification.passed.is_(False),
            _within(Qualification.assessed_at, lo, hi),
        )
    ):
        for code, template in dict(_reason_codes(failures)).items():
            qual[(code, template)] += 1
    add("qualification", qual)

    vehicle: Counter[tuple[str, str]] = Counter()
    for (reasons,) in s.execute(
        select(Appraisal.reasons).where(
            in_stores(Appraisal.store_id, sids),
            Appraisal.acceptable.is_(False),
            _within(Appraisal.appraised_at, lo, hi),
        )
    ):
        for code, template in dict(_reason_codes(reasons)).items():
            if code.startswith("excluded."):
                vehicle[(code, template)] += 1
    add("vehicle", vehicle)

    # the lender's declines, by the reason recorded with the decision
    lender: Counter[tuple[str, str]] = Counter()
    withdrawn = 0
    for outcome, data in s.execute(
        select(C.lender_outcome, C.lender_decision).where(
            in_stores(C.store_id, sids),
            _within(C.lender_decided_at, lo, hi),
            C.lender_outcome.in_(("declined", "withdrawn")),
        )
    ):
        if outcome == "withdrawn":
            withdrawn += 1
            continue
        code = str((data or {}).get("reason_code") or "other")
        key = f"decision.declined_{code}"
        lender[(key, LOST_MESSAGES.get(key, code))] += 1
    add("lender", lender)
    if withdrawn:
        add("withdrawn", Counter({("decision.withdrawn", "Withdrawn by the customer"): withdrawn}))

    hits = (
        s.scalar(
            select(func.count(C.id)).where(
                in_stores(C.store_id, sids),
                _within(C.contact_at, lo, hi),
                C.blacklist_hit.is_(True),
            )
        )
        or 0
    )
    if hits:
        add("blacklist", Counter({("blacklist.hit", "Blacklist hit"): int(hits)}))
    return tuple(lines)


def _channels(s: Session, sids: StoreIds, lo: datetime, hi: datetime) -> tuple[ChannelLine, ...]:
    signed = C.signed_at.is_not(None)
    stmt = (
        select(
            C.source_channel,
            func.count(C.id),
            _count_if(signed),
            func.sum(case((signed, Plan.amount))),
        )
        .select_from(C)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), _within(C.contact_at, lo, hi))
        .group_by(C.source_channel)
    )
    found: dict[str, ChannelLine] = {}
    for channel, leads, n_signed, amount in s.execute(stmt):
        key = channel or ""
        prev = found.get(key)
        leads_i, signed_i, amt = int(leads), int(n_signed), _dec(amount)
        if prev is not None:  # "" and NULL both mean "not recorded"
            leads_i, signed_i, amt = prev.leads + leads_i, prev.signed + signed_i, prev.amount + amt
        found[key] = ChannelLine(
            key, leads_i, signed_i, percent(signed_i, leads_i), amt.quantize(CENT)
        )
    order = {c.value: i for i, c in enumerate(Channel)}
    return tuple(
        sorted(found.values(), key=lambda x: (order.get(x.channel, len(order)), x.channel))
    )


def _follow_ups(
    s: Session, sids: StoreIds, period: ReportPeriod, now: datetime
) -> dict[int | None, Counter[str]]:
    lo, hi = period.bounds()
    stmt = select(FollowUp.assigned_to, FollowUp.due_at, FollowUp.done_at).where(
        in_stores(FollowUp.store_id, sids), _within(FollowUp.due_at, lo, hi)
    )
    day_end: dict[Any, datetime] = {}
    out: dict[int | None, Counter[str]] = defaultdict(Counter)
    for who, due, done in s.execute(stmt.execution_options(yield_per=STREAM_BATCH)):
        day = period.local(due).date()
        end = day_end.get(day)
        if end is None:
            end = day_end[day] = period.moment(day + timedelta(days=1))
        c = out[who]
        c["due"] += 1
        if done is not None:
            c["on_time" if done < end else "late"] += 1
        elif now >= end:
            c["missed"] += 1
        else:
            c["open"] += 1
    return dict(out)


def _follow_up_line(staff_id: int | None, name: str, c: Counter[str]) -> FollowUpLine:
    settled = c["on_time"] + c["late"] + c["missed"]
    return FollowUpLine(
        staff_id=staff_id,
        name=name,
        due=c["due"],
        on_time=c["on_time"],
        late=c["late"],
        missed=c["missed"],
        open=c["open"],
        on_time_rate=percent(c["on_time"], settled),
    )
