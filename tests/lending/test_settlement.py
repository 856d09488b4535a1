"""lending.settlement: paying a loan off early on or between due dates, and its limits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
from lending.settlement import SettlementError, early_settlement

D = Decimal
START = date(2026, 1, 15)


def schedule(months: int = 36, fee_rate: Decimal = Decimal(0)) -> Schedule:
    return build_schedule(
        LoanTerms(
            D(105000), D(6), months, RepaymentMethod.EQUAL_INSTALLMENT, monthly_fee_rate=fee_rate
        ),
        START,
    )


def test_settle_on_a_due_date() -> None:
    s = schedule()
    e = early_settlement(s, 12, D(2))
    remaining = s.rows[11].balance
    assert e.remaining_principal == remaining
    assert e.accrued_interest == D("0.00")
    assert e.early_repayment_fee == (remaining * D("0.02")).quantize(D("0.01"))
    assert e.total_due == remaining + e.early_repayment_fee
    assert e.interest_saved == sum(r.interest for r in s.rows[12:])
    assert e.net_saving == e.interest_saved - e.early_repayment_fee


def test_settle_between_due_dates_accrues_daily_interest() -> None:
    s = schedule()
    when = date(2027, 1, 25)  # 10 days after the 12th due date (2027-01-15)
    e = early_settlement(s, 12, D(0), when)
    expected = (s.rows[11].balance * D("0.06") / 360 * 10).quantize(D("0.01"))
    assert e.accrued_interest == expected
    assert e.total_due == s.rows[11].balance + expected


def test_settle_before_the_first_payment() -> None:
    s = schedule()
    e = early_settlement(s, 0, D(1))
    assert e.remaining_principal == D("105000.00")
    assert e.early_repayment_fee == D("1050.00")


@pytest.mark.parametrize(
    ("period", "when"), [(-1, None), (36, None), (12, date(2027, 2, 15)), (12, date(2027, 1, 14))]
)
def test_out_of_range(period: int, when: date | None) -> None:
    with pytest.raises(SettlementError) as info:
        early_settlement(schedule(), period, D(2), when)
    assert str(info.value)


def test_negative_fee_refused() -> None:
    with pytest.raises(SettlementError):
        early_settlement(schedule(), 3, D(-1))


@settings(max_examples=60, deadline=None)
@given(k=st.integers(min_value=0, max_value=35), fee=st.integers(min_value=0, max_value=300))
def test_settling_later_never_saves_more(k: int, fee: int) -> None:
    s = schedule(fee_rate=D("0.3"))
    now = early_settlement(s, k, D(fee) / 100)
    assert now.scheduled_fees_after == sum(r.fee for r in s.rows[k:])
    if k < 35:
        later = early_settlement(s, k + 1, D(fee) / 100)
        assert later.interest_saved <= now.interest_saved
        assert later.remaining_principal <= now.remaining_principal
