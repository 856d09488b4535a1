"""The report model against a hand-built store (tests/reports/test_report_model_data.py).

Every expected figure below is worked out by hand from the rows in the data
module; the comments say how.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.models.enums import AuditAction
from db.services import audit, customers
from db.services.base import PermissionDenied
from reports.model import (
    KpiTargets,
    PeriodError,
    ReportPeriod,
    build_report,
    iter_consultation_rows,
    mask_name,
    targets_from_json,
)
from tests.reports.test_report_model_data import NOW, Dataset, build_dataset

D = Decimal
JAN = ReportPeriod(date(2026, 1, 1), date(2026, 1, 31), UTC)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dataset]:
    ds = build_dataset(tmp_path_factory.mktemp("report-model") / "store.sqlite3")
    yield ds
    ds.database.close()


@pytest.fixture(scope="module")
def jan(data: Dataset):  # type: ignore[no-untyped-def]
    return build_report(data.database, JAN, now=NOW)


# ---------------------------------------------------------------------------
# period
# ---------------------------------------------------------------------------


def test_period_parse_and_errors() -> None:
    p = ReportPeriod.parse(" 2026-01-01", "2026-12-31 ", UTC)
    assert (p.start, p.end, p.days) == (date(2026, 1, 1), date(2026, 12, 31), 365)
    assert p.month_equivalents() == D("12.0000")
    with pytest.raises(PeriodError, match="before the start"):
        ReportPeriod.parse("2026-02-01", "2026-01-31")
    with pytest.raises(PeriodError, match="is not a date"):
        ReportPeriod.parse("2026-02-30", "2026-03-01")
    with pytest.raises(PeriodError, match="ten years"):
        ReportPeriod(date(2000, 1, 1), date(2026, 1, 1))


def test_period_bounds_follow_the_store_clock() -> None:
    shanghai = ReportPeriod(date(2026, 1, 1), date(2026, 1, 31), ZoneInfo("Asia/Shanghai"))
    lo, hi = shanghai.bounds()
    assert lo == datetime(2025, 12, 31, 16, 0, tzinfo=UTC)
    assert hi == datetime(2026, 1, 31, 16, 0, tzinfo=UTC)
    assert shanghai.local(datetime(2026, 1, 31, 23, 0, tzinfo=UTC)) == datetime(2026, 2, 1, 7)


def test_month_equivalents_pro_rata() -> None:
    assert ReportPeriod(date(2026, 2, 1), date(2026, 2, 28)).month_equivalents() == 1
    # 15 of January's 31 days
    assert ReportPeriod(date(2026, 1, 1), date(2026, 1, 15)).month_equivalents() == D("0.4839")
    # all of January (1) + 14 of February's 28 days (0.5)
    assert ReportPeriod(date(2026, 1, 1), date(2026, 2, 14)).month_equivalents() == D("1.5")


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
    length=st.integers(min_value=0, max_value=800),
)
def test_month_buckets_cover_the_period_exactly(start: date, length: int) -> None:
    p = ReportPeriod(start, start + timedelta(days=length), UTC)
    months = p.months()
    assert months[0].first_day == p.start and months[-1].last_day == p.end
    assert sum((m.last_day - m.first_day).days + 1 for m in months) == p.days
    for a, b in pairwise(months):
        assert a.hi == b.lo and a.last_day + timedelta(days=1) == b.first_day
    assert p.days / 31 - 0.001 <= float(p.month_equivalents()) <= p.days / 28 + 0.001


# ---------------------------------------------------------------------------
# summary
# ---------------------------------------------------------------------------


def test_summary(jan) -> None:  # type: ignore[no-untyped-def]
    s = jan.summary
    assert s.store_name == "Jinqiao Used Cars"
    # contacted in January: c1 c2 c3 c5 c6 c7 c9 c10 (c4 December, c8 February)
    assert s.consultations == 8
    assert s.plans_offered == 4  # c1 c2 c3 c6 (c4's plan was offered in December)
    assert s.plans_priced == 5  # c1 c2 c3 c6 c6b
    assert s.approved == 3  # c1 c2 c6
    assert s.signed == 4  # c1 c2 c4 c6 (c4 signed 3 January)
    assert s.delivered == 1  # c1 (c6 is delivered in February)
    assert s.lost == 2  # c3 c5
    assert s.loan_amount == D("350000.00")  # 100,000 + 80,000 + 50,000 + 120,000
    # weighted by amount: (6 x 100,000 + 8 x 80,000 + 10 x 50,000 + 5.5 x 120,000) / 350,000
    assert s.average_apr == D("6.86")
    assert s.required_insurance_rate == D("75.00")  # c1 c4 c6 of 4
    assert s.add_on_attach_rate == D("75.00")  # the optional warranty on c1 c4 c6, not c2
    assert dict(s.add_on_attach_by_kind) == {
        "insurance": D("0.00"),
        "warranty": D("75.00"),
        "service": D("0.00"),
        "other": D("0.00"),
    }
    # c3: declined by the lender (c5 bought elsewhere: neither a decline nor a refusal)
    assert (s.approved, s.declined, s.withdrawn, s.refused) == (3, 1, 0, 0)
    assert s.approval_rate == D("75.00")
    assert s.average_days_to_close == D("9.8")  # (5 + 10 + 14 + 10) / 4 = 9.75
    assert jan.consultation_rows == 8


# ---------------------------------------------------------------------------
# KPIs
# ---------------------------------------------------------------------------


def _kpi(row) -> dict[str, tuple]:  # type: ignore[no-untyped-def,type-arg]
    return {x.code: (x.target, x.actual, x.achievement, x.points) for x in row.lines}


def test_kpis_per_salesperson(jan) -> None:  # type: ignore[no-untyped-def]
    rows = jan.kpis.rows
    assert [r.name for r in rows] == ["Alice", "Bob", "Unassigned"]
    assert jan.kpis.months == 1
    alice, bob, nobody = rows
    # Alice: signed c1 c2 c4; approved c1 c2, declined c3 (the lender declined it);
    # satisfaction 95 and 85; insurance on c1 and c4 of 3; referral c2.
    assert _kpi(alice) == {
        "loans_closed": (D("15.0"), D(3), D("20.00"), D("6.00")),
        "loan_amount": (D("1500000.00"), D("230000.00"), D("15.33"), D("3.83")),
        "approval_rate": (D(85), D("66.67"), D("78.44"), D("11.77")),
        "satisfaction": (D(90), D("90.00"), D("100.00"), D("10.00")),
        "insurance_attach": (D(70), D("66.67"), D("95.24"), D("9.52")),
        "referrals": (D("3.0"), D(1), D("33.33"), D("3.33")),
    }
    assert alice.score == D("44.45")
    assert (alice.approved, alice.declined, alice.satisfaction_responses) == (2, 1, 2)
    # contact to signing: c1 5 days, c2 10 days, c4 14 days -> 9.67 days
    assert alice.average_days_to_close == D("9.7")
    assert alice.average_apr == D("7.57")  # (600,000 + 640,000 + 500,000) / 230,000
    # Bob: one loan (c6), over-achievement is capped at 100 % in the points
    assert _kpi(bob) == {
        "loans_closed": (D("15.0"), D(1), D("6.67"), D("2.00")),
        "loan_amount": (D("1500000.00"), D("120000.00"), D("8.00"), D("2.00")),
        "approval_rate": (D(85), D("100.00"), D("117.65"), D("15.00")),
        "satisfaction": (D(90), D("100.00"), D("111.11"), D("10.00")),
        "insurance_attach": (D(70), D("100.00"), D("142.86"), D("10.00")),
        "referrals": (D("3.0"), D(0), D("0.00"), D("0.00")),
    }
    assert bob.score == D("39.00")
    # c9 has no consultant: no rates (None = no data), zero points
    assert nobody.staff_id is None
    assert _kpi(nobody)["approval_rate"] == (D(85), None, None, D("0.00"))
    assert nobody.score == 0


def test_kpi_totals_row(jan) -> None:  # type: ignore[no-untyped-def]
    total = jan.kpis.total
    # two salespeople: count and amount targets doubled; rates not
    assert _kpi(total) == {
        "loans_closed": (D("30.0"), D(4), D("13.33"), D("4.00")),
        "loan_amount": (D("3000000.00"), D("350000.00"), D("11.67"), D("2.92")),
        "approval_rate": (D(85), D("75.00"), D("88.24"), D("13.24")),
        "satisfaction": (D(90), D("93.33"), D("103.70"), D("10.00")),
        "insurance_attach": (D(70), D("75.00"), D("107.14"), D("10.00")),
        "referrals": (D("6.0"), D(1), D("16.67"), D("1.67")),
    }
    assert total.score == D("41.83")


def test_targets_scale_with_the_period_and_come_from_settings(data: Dataset) -> None:
    two_months = ReportPeriod(date(2026, 1, 1), date(2026, 2, 28), UTC)
    r = build_report(data.database, two_months, now=NOW)
    alice = r.kpis.rows[0]
    assert r.kpis.months == 2
    assert alice.line("loans_closed").target == D("30.0")
    assert alice.line("approval_rate").target == D(85)
    custom = targets_from_json(
        {
            "loans_closed": "3",
            "approval_rate": "bad",
            "weights": {"referrals": "0", "loans_closed": "40"},
        }
    )
    assert custom.loans_closed == 3 and custom.approval_rate == D(85)
    assert custom.weight("referrals") == 0 and custom.weight("loans_closed") == 40
    r = build_report(data.database, JAN, now=NOW, targets=custom)
    line = r.kpis.rows[0].line("loans_closed")
    # 3 of 3 = 100 % x 40
    assert (line.achievement, line.points) == (D("100.00"), D("40.00"))
    assert r.kpis.rows[0].line("referrals").points == 0
    assert targets_from_json(None) == KpiTargets()


# ---------------------------------------------------------------------------
# funnel, products, rejections, channels, follow-ups
# ---------------------------------------------------------------------------


def test_funnel_cohort(jan) -> None:  # type: ignore[no-untyped-def]
    f = jan.funnel
    counts = [s.count for s in f.overall]
    # contact 8; needs confirmed: all but c9; qualified/plan: c1 c2 c3 c6; approved/signed:
    # c1 c2 c6; disbursed and delivered: c1 c6 (c6 delivered in February still counts)
    assert counts == [8, 7, 4, 4, 3, 3, 2, 2]
    assert [s.step_conversion for s in f.overall] == [
        None,
        D("87.50"),
        D("57.14"),
        D("100.00"),
        D("75.00"),
        D("100.00"),
        D("66.67"),
        D("100.00"),
    ]
    assert [s.overall_conversion for s in f.overall] == [
        D("100.00"),
        D("87.50"),
        D("50.00"),
        D("50.00"),
        D("37.50"),
        D("37.50"),
        D("25.00"),
        D("25.00"),
    ]
    assert [m.label for m in f.by_month] == ["2026-01"]


def test_funnel_by_month(data: Dataset) -> None:
    r = build_report(
        data.database, ReportPeriod(date(2025, 12, 1), date(2026, 2, 28), UTC), now=NOW
    )
    months = {m.label: [s.count for s in m.steps] for m in r.funnel.by_month}
    assert months == {
        "2025-12": [1, 1, 1, 1, 1, 1, 0, 0],  # c4
        "2026-01": [8, 7, 4, 4, 3, 3, 2, 2],
        "2026-02": [1, 0, 0, 0, 0, 0, 0, 0],  # c8
    }
    assert [s.count for s in r.funnel.overall] == [10, 8, 5, 5, 4, 4, 2, 2]


def test_store_time_zone_moves_late_contacts(data: Dataset) -> None:
    # c9 came in at 23:00 UTC on 31 January: 07:00 on 1 February in Shanghai
    p = ReportPeriod(date(2026, 1, 1), date(2026, 1, 31), ZoneInfo("Asia/Shanghai"))
    assert build_report(data.database, p, now=NOW).summary.consultations == 7


def test_products(jan) -> None:  # type: ignore[no-untyped-def]
    # the mix: one line per product, APR weighted by amount, shares of all signed loans
    got = [
        (
            p.product_code,
            p.product_name,
            p.lender,
            p.method,
            p.loans,
            p.amount,
            p.average_apr,
            p.average_term,
            p.loan_share,
            p.amount_share,
        )
        for p in jan.products
    ]
    assert got == [
        # c1 (100,000, 36 months, 6 %), c4 (50,000, 12, 10 %), c6 (120,000, 60, 5.5 %):
        # (600,000 + 500,000 + 660,000) / 270,000 = 6.5185
        (
            "bank_mortgage",
            "Bank mortgage loan",
            "",
            "",
            3,
            D("270000.00"),
            D("6.52"),
            D("36.0"),
            D("75.00"),
            D("77.14"),
        ),
        (
            "finance_company",
            "Finance-company loan",
            "",
            "",
            1,
            D("80000.00"),
            D("8.00"),
            D("24.0"),
            D("25.00"),
            D("22.86"),
        ),
    ]
    got = [
        (p.product_code, p.lender, p.method, p.loans, p.amount, p.average_apr, p.average_term)
        for p in jan.product_details
    ]
    assert got == [
        # c1 and c4: (600,000 + 500,000) / 150,000
        ("bank_mortgage", "ICBC", "equal_installment", 2, D("150000.00"), D("7.33"), D("24.0")),
        ("bank_mortgage", "ICBC", "equal_principal", 1, D("120000.00"), D("5.50"), D("60.0")),
        ("finance_company", "Ping An", "equal_installment", 1, D("80000.00"), D("8.00"), D("24.0")),
    ]
    t = jan.product_total
    # terms 36 + 24 + 12 + 60 = 132 / 4
    assert (t.loans, t.amount, t.average_apr, t.average_term, t.loan_share) == (
        4,
        D("350000.00"),
        D("6.86"),
        D("33.0"),
        D("100.00"),
    )


def test_rejections(jan) -> None:  # type: ignore[no-untyped-def]
    got = [(r.kind, r.code, r.count, r.share) for r in jan.rejections]
    assert got == [
        ("lost", "Monthly payment too high", 1, D("50.00")),  # typed, no category
        ("lost", "lost.bought_elsewhere", 1, D("50.00")),  # by the category picked
        ("qualification", "hard.income_proof_short", 1, D("50.00")),
        ("qualification", "hard.no_work_proof", 1, D("50.00")),
        # the odometer remark on the same appraisal is not an exclusion
        ("vehicle", "excluded.accident", 1, D("100.00")),
        # c3: the lender declined (no reason recorded with the decision)
        ("lender", "decision.declined_other", 1, D("100.00")),
        ("blacklist", "blacklist.hit", 1, D("100.00")),
    ]


def test_channels(jan) -> None:  # type: ignore[no-untyped-def]
    got = [(c.channel, c.leads, c.signed, c.conversion, c.amount) for c in jan.channels]
    assert got == [
        ("walk_in", 3, 2, D("66.67"), D("220000.00")),  # c1 c5 c6
        ("online", 1, 0, D("0.00"), D("0.00")),
        ("referral", 1, 1, D("100.00"), D("80000.00")),
        ("partner_dealer", 1, 0, D("0.00"), D("0.00")),
        ("social_media", 1, 0, D("0.00"), D("0.00")),
        ("", 1, 0, D("0.00"), D("0.00")),  # c9: not recorded
    ]
    t = jan.channel_total
    assert (t.leads, t.signed, t.conversion, t.amount) == (8, 3, D("37.50"), D("300000.00"))


def test_follow_ups(jan, data: Dataset) -> None:  # type: ignore[no-untyped-def]
    got = [
        (f.name, f.due, f.on_time, f.late, f.missed, f.open, f.on_time_rate)
        for f in (*jan.follow_ups, jan.follow_up_total)
    ]
    assert got == [
        ("Alice", 3, 1, 1, 1, 0, D("33.33")),
        ("Bob", 2, 1, 0, 0, 1, D("100.00")),
        ("Total", 5, 2, 1, 1, 1, D("50.00")),
    ]
    # two weeks later Bob's open follow-up of 31 January is missed
    later = build_report(data.database, JAN, now=NOW + timedelta(days=14))
    bob = later.follow_ups[1]
    assert (bob.missed, bob.open, bob.on_time_rate) == (1, 0, D("50.00"))


def test_empty_period(data: Dataset) -> None:
    r = build_report(data.database, ReportPeriod(date(2030, 1, 1), date(2030, 1, 31), UTC))
    assert r.summary.consultations == 0 and r.summary.loan_amount == 0
    assert r.summary.average_apr is None and r.summary.average_days_to_close is None
    assert [s.count for s in r.funnel.overall] == [0] * 8
    assert r.products == () and r.channels == () and r.follow_ups == ()
    assert [k.name for k in r.kpis.rows] == ["Alice", "Bob"]  # active consultants
    assert r.kpis.total.score == 0


# ---------------------------------------------------------------------------
# consultation rows and masking
# ---------------------------------------------------------------------------


def test_rows_are_masked_by_default(data: Dataset) -> None:
    rows = list(iter_consultation_rows(data.database, JAN))
    assert [r.id for r in rows] == [
        data.ids[k] for k in ("c1", "c5", "c2", "c10", "c3", "c6", "c7", "c9")
    ]
    first = rows[0]
    assert (first.customer_name, first.phone, first.id_number, first.monthly_income) == (
        "王**",
        "138****5671",
        "110105********0117",
        "10,000–15,000",
    )
    # the same masking the customer service shows on screen
    shown = customers.get_customer(data.database, data.manager, data.customer_ids["c1"])
    assert (first.phone, first.id_number) == (shown.phone, shown.id_number)
    assert first.stage == "delivered" and first.insurance is True
    assert first.amount == D("100000.00") and first.term_months == 36
    assert first.contact_at == datetime(2026, 1, 5, 10, 0)
    assert rows[1].stage == "needs_confirmed" and rows[1].insurance is None
    assert rows[-1].consultant == "" and rows[-1].stage == "contact"


def test_unmasked_rows_are_for_the_owner_and_audited(data: Dataset) -> None:
    for who in (data.manager, data.alice, None):
        with pytest.raises(PermissionDenied):
            list(iter_consultation_rows(data.database, JAN, unmasked=True, actor=who))
    before = len(audit.list_entries(data.database, data.owner, action=AuditAction.VIEW_PII))
    rows = list(iter_consultation_rows(data.database, JAN, unmasked=True, actor=data.owner))
    first = rows[0]
    assert (first.customer_name, first.phone, first.monthly_income) == (
        "王小明",
        "13812345671",
        D("12345.67"),
    )
    assert first.id_number.startswith("11010519900101") and "*" not in first.id_number
    entries = audit.list_entries(data.database, data.owner, action=AuditAction.VIEW_PII)
    assert len(entries) == before + 1
    assert entries[0].username == "boss" and "id_number" in entries[0].fields


def test_mask_name() -> None:
    assert mask_name("王小明") == "王**"
    assert mask_name("Li") == "L*"
    assert mask_name("王") == "*"
    assert mask_name("") == ""
