"""The report model agrees with the services' own view of the same demo store.

Every figure is recomputed here in plain Python from what
``db.services.consultations`` returns for each consultation (funnel
timestamps, chosen plan, add-ons), independently of the report's SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from db import Database, demo, open_database
from db.models.enums import FUNNEL_ORDER, FunnelStage
from db.services import consultations, customers
from db.services.staff import owner_actor
from reports.model import ReportPeriod, build_report, iter_consultation_rows

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 6, 30)
PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 5, 31), CST)
NOW = datetime(2026, 6, 30, 12, 0, tzinfo=CST)


# a demo store of 400 consultations, every figure against SQL: the full run and CI have it
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("demo-report")
    database = open_database(folder / "demo.sqlite3", key=folder / "demo.key")
    demo.load_demo_data(database, 400, seed=7, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def facts(store: Database) -> list[tuple[Any, Any]]:
    """(ConsultationView, chosen PlanView or None) for every consultation, via the services."""
    actor = owner_actor(store)
    out = []
    for summary in consultations.list_consultations(store, actor, limit=1_000_000):
        view = consultations.get_consultation(store, actor, summary.id)
        plans = consultations.list_plans(store, actor, summary.id)
        out.append((view, next((p for p in plans if p.chosen), None)))
    return out


def _in(moment: datetime | None) -> bool:
    lo, hi = PERIOD.bounds()
    return moment is not None and lo <= moment < hi


def test_summary_and_kpis_agree_with_the_services(store: Database, facts: list) -> None:  # type: ignore[type-arg]
    report = build_report(store, PERIOD, now=NOW)
    s = report.summary
    signed = [(v, p) for v, p in facts if _in(v.funnel[FunnelStage.SIGNED])]
    assert s.consultations == sum(_in(v.funnel[FunnelStage.CONTACT]) for v, _ in facts)
    assert s.approved == sum(_in(v.funnel[FunnelStage.APPROVED]) for v, _ in facts)
    assert s.delivered == sum(_in(v.funnel[FunnelStage.DELIVERED]) for v, _ in facts)
    assert s.plans_offered == sum(_in(v.funnel[FunnelStage.PLAN_OFFERED]) for v, _ in facts)
    assert s.lost == sum(_in(v.lost_at) for v, _ in facts)
    assert s.signed == len(signed) > 0
    assert s.loan_amount == sum((p.amount for _, p in signed if p), Decimal(0))
    with_plan = [p for _, p in signed if p]
    optional = sum(any(not a.required for a in p.add_ons) for p in with_plan)
    assert s.add_on_attach_rate == (Decimal(optional * 100) / len(with_plan)).quantize(
        Decimal("0.01")
    )
    per_person = Counter(v.consultant_id for v, _ in signed)
    got = {r.staff_id: r.line("loans_closed").actual for r in report.kpis.rows}
    for staff_id, n in per_person.items():
        assert got[staff_id] == n
    assert report.kpis.total.line("loans_closed").actual == len(signed)


def test_funnel_and_channels_agree_with_the_services(store: Database, facts: list) -> None:  # type: ignore[type-arg]
    report = build_report(store, PERIOD, now=NOW)
    cohort = [v for v, _ in facts if _in(v.funnel[FunnelStage.CONTACT])]
    expected = [
        sum(any(v.funnel[st] is not None for st in FUNNEL_ORDER[i:]) for v in cohort)
        for i in range(len(FUNNEL_ORDER))
    ]
    assert [x.count for x in report.funnel.overall] == expected
    assert sum(m.steps[0].count for m in report.funnel.by_month) == len(cohort)
    leads = Counter(v.source_channel.value if v.source_channel else "" for v in cohort)
    assert {c.channel: c.leads for c in report.channels} == dict(leads)
    assert report.consultation_rows == len(cohort)


def test_rows_match_the_customer_service(store: Database, facts: list) -> None:  # type: ignore[type-arg]
    actor = owner_actor(store)
    by_id = {v.id: v for v, _ in facts}
    rows = list(iter_consultation_rows(store, PERIOD))
    assert len(rows) == build_report(store, PERIOD, now=NOW).consultation_rows
    for row in rows[:25]:
        shown = customers.get_customer(store, actor, by_id[row.id].customer_id)
        assert (row.phone, row.id_number) == (shown.phone, shown.id_number)


# ---------------------------------------------------------------------------
# every KPI against direct SQL on the same demo store
# ---------------------------------------------------------------------------

STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how a UTC moment is stored in SQLite


def _sql(store: Database, query: str, **params: Any) -> list[Any]:
    from sqlalchemy import text

    lo, hi = PERIOD.bounds()
    bounds = {
        "lo": lo.replace(tzinfo=None).strftime(STAMP),
        "hi": hi.replace(tzinfo=None).strftime(STAMP),
    }
    with store.engine.connect() as conn:
        return list(conn.execute(text(query), {**bounds, **params}))


def _rate(part: int, whole: int) -> Decimal | None:
    return (Decimal(part * 100) / whole).quantize(Decimal("0.01")) if whole else None


def _during(col: str) -> str:
    return f"{col} >= :lo AND {col} < :hi"


SIGNED_PLANS = (
    "FROM consultations c JOIN plans p ON p.consultation_id = c.id AND p.chosen "
    f"WHERE {_during('c.signed_at')}"
)


def test_decisions_withdrawals_and_refusals_against_sql(store: Database) -> None:
    report = build_report(store, PERIOD, now=NOW)
    per = {r.staff_id: r for r in report.kpis.rows}
    rows = _sql(
        store,
        f"""
        SELECT consultant_id,
          SUM(CASE WHEN {_during("approved_at")} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {_during("lender_decided_at")} AND lender_outcome = 'declined'
              THEN 1 ELSE 0 END),
          SUM(CASE WHEN {_during("lender_decided_at")} AND lender_outcome = 'withdrawn'
              THEN 1 ELSE 0 END),
          SUM(CASE WHEN {_during("lost_at")} AND lost_reason_code IN
              ('refused_eligibility', 'refused_fraud') THEN 1 ELSE 0 END)
        FROM consultations GROUP BY consultant_id""",
    )
    totals = [0, 0, 0, 0]
    for who, approved, declined, withdrawn, refused in rows:
        r = per[who]
        assert (r.approved, r.declined, r.withdrawn, r.refused) == (
            approved,
            declined,
            withdrawn,
            refused,
        )
        assert r.line("approval_rate").actual == _rate(approved, approved + declined)
        totals = [
            a + b for a, b in zip(totals, (approved, declined, withdrawn, refused), strict=True)
        ]
    approved, declined, withdrawn, refused = totals
    # the demo store has every case: approvals, declines, withdrawals and our refusals
    assert min(totals) > 0
    s = report.summary
    assert (s.approved, s.declined, s.withdrawn, s.refused) == (
        approved,
        declined,
        withdrawn,
        refused,
    )
    assert s.approval_rate == _rate(approved, approved + declined)
    assert report.kpis.total.line("approval_rate").actual == s.approval_rate
    # a withdrawal is never a decline, nor is one of our refusals
    assert s.approval_rate > _rate(approved, approved + declined + withdrawn + refused)


def test_add_on_attach_rates_against_sql(store: Database) -> None:
    report = build_report(store, PERIOD, now=NOW)
    s = report.summary

    def exists(required: bool, kind: str | None = None) -> str:
        k = f" AND a.kind = '{kind}'" if kind else ""
        return (
            f"EXISTS (SELECT 1 FROM plan_add_ons a WHERE a.plan_id = p.id "
            f"AND a.required = {int(required)}{k})"
        )

    kinds = ("insurance", "warranty", "service", "other")
    (row,) = _sql(
        store,
        f"""
        SELECT COUNT(*),
          SUM(CASE WHEN {exists(False)} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {exists(True, "insurance")} THEN 1 ELSE 0 END),
          {", ".join(f"SUM(CASE WHEN {exists(False, k)} THEN 1 ELSE 0 END)" for k in kinds)}
        {SIGNED_PLANS}""",
    )
    n, optional, required, *by_kind = row
    assert s.add_on_attach_rate == _rate(optional, n)
    assert s.required_insurance_rate == _rate(required, n)
    assert dict(s.add_on_attach_by_kind) == {
        k: _rate(v, n) for k, v in zip(kinds, by_kind, strict=True)
    }
    # the default catalogue's lenders require insurance, and optional lines sell to some
    assert 0 < optional < n and required > 0
    per = {r.staff_id: r for r in report.kpis.rows}
    for who, n_who, opt_who in _sql(
        store,
        f"""
            SELECT c.consultant_id, COUNT(*), SUM(CASE WHEN {exists(False)} THEN 1 ELSE 0 END)
            {SIGNED_PLANS} GROUP BY c.consultant_id""",
    ):
        assert per[who].line("insurance_attach").actual == _rate(opt_who, n_who)


def test_days_to_close_and_weighted_apr_against_sql(store: Database) -> None:
    report = build_report(store, PERIOD, now=NOW)
    per = {r.staff_id: r for r in report.kpis.rows}
    rows = _sql(
        store,
        f"""
        SELECT c.consultant_id, COUNT(*),
          SUM(CAST(ROUND((julianday(c.signed_at) - julianday(c.contact_at)) * 86400) AS INTEGER)),
          SUM(p.apr * p.amount), SUM(p.amount)
        {SIGNED_PLANS} GROUP BY c.consultant_id""",
    )
    assert len(rows) > 2
    all_n, all_seconds, all_weighted, all_amount = 0, 0, 0, 0
    for who, n, seconds, weighted, amount in rows:
        days = (Decimal(seconds) / 86400 / n).quantize(Decimal("0.1"))
        assert per[who].average_days_to_close == days
        # scaled integers: APR in millionths of a percent, amounts in fen
        apr = (Decimal(weighted) / Decimal(amount) / 10**6).quantize(Decimal("0.01"))
        assert per[who].average_apr == apr
        all_n += n
        all_seconds += seconds
        all_weighted += weighted
        all_amount += amount
    s = report.summary
    assert s.average_days_to_close == (Decimal(all_seconds) / 86400 / all_n).quantize(
        Decimal("0.1")
    )
    assert s.average_apr == (Decimal(all_weighted) / Decimal(all_amount) / 10**6).quantize(
        Decimal("0.01")
    )
    assert report.product_total.average_apr == s.average_apr
    (simple,) = _sql(store, f"SELECT AVG(p.apr) {SIGNED_PLANS}")
    assert s.average_apr != (Decimal(simple[0]) / 10**6).quantize(Decimal("0.01"))


def test_product_mix_against_sql(store: Database) -> None:
    report = build_report(store, PERIOD, now=NOW)
    rows = _sql(
        store,
        f"""
        SELECT p.product_code, COUNT(*), SUM(p.amount), SUM(p.apr * p.amount)
        {SIGNED_PLANS} GROUP BY p.product_code""",
    )
    n_all = sum(r[1] for r in rows)
    amount_all = sum(r[2] for r in rows)
    expected = {
        code: (
            n,
            Decimal(amount) / 100,
            (Decimal(weighted) / Decimal(amount) / 10**6).quantize(Decimal("0.01")),
            _rate(n, n_all),
            (Decimal(amount * 100) / amount_all).quantize(Decimal("0.01")),
        )
        for code, n, amount, weighted in rows
    }
    assert {
        p.product_code: (p.loans, p.amount, p.average_apr, p.loan_share, p.amount_share)
        for p in report.products
    } == expected
    assert len(report.products) == len({p.product_code for p in report.products})
    assert sum(p.loans for p in report.product_details) == n_all
