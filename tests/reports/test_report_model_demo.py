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
from db.models.enums import FUNNEL_ORDER, AddOnKind, FunnelStage
from db.services import consultations, customers
from db.services.staff import owner_actor
from reports.model import ReportPeriod, build_report, iter_consultation_rows

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 6, 30)
PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 5, 31), CST)
NOW = datetime(2026, 6, 30, 12, 0, tzinfo=CST)


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
    insured = sum(any(a.kind is AddOnKind.INSURANCE for a in p.add_ons) for p in with_plan)
    assert s.insurance_attach_rate == (Decimal(insured * 100) / len(with_plan)).quantize(
        Decimal("0.01"))
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
