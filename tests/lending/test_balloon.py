"""Balloon (弹性尾款): DOMAIN.md's worked figures and schedule properties."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.schedule import (
    InvalidTerms,
    LoanTerms,
    RepaymentMethod,
    balloon_for_percent,
    build_schedule,
)
from tests.lending.exact import fen

D = Decimal
START = date(2026, 12, 1)
BALLOON = RepaymentMethod.BALLOON


def expected_payment(amount: Decimal, balloon: Decimal, annual: Decimal, n: int) -> Decimal:
    """(P - B v) r / (1 - v), v = (1+r)^-n, exactly in fractions, then to the fen."""
    r = Fraction(annual) / 1200
    p, b = Fraction(amount), Fraction(balloon)
    if r == 0:
        return fen((p - b) / n)
    v = 1 / (1 + r) ** n
    return fen((p - b * v) * r / (1 - v))


def test_domain_worked_figures() -> None:
    s = build_schedule(LoanTerms(D(210000), D("4.99"), 36, BALLOON, balloon=D(52500)), START)
    assert s.first_payment == D("4938.02")
    assert s.balloon == D("52500.00")
    zero = build_schedule(LoanTerms(D(210000), D(0), 36, BALLOON, balloon=D(52500)), START)
    assert zero.first_payment == D("4375.00")
    # 0 %: exactly (210,000 - 52,500) / 36 every month, the balloon with the last one
    assert zero.rows[-1].payment == D("4375.00") + D("52500.00")


def test_balloon_by_percent_of_the_loan() -> None:
    assert balloon_for_percent(D(210000), D(25)) == D("52500.00")
    assert balloon_for_percent(D("100000.01"), D("33.3")) == D("33300.00")
    with pytest.raises(InvalidTerms):
        balloon_for_percent(D(1000), D(100))
    with pytest.raises(InvalidTerms):
        balloon_for_percent(D(1000), D(-1))


def test_balloon_terms_are_checked() -> None:
    codes = [r.code for r in LoanTerms(D(1000), D(5), 12, BALLOON, balloon=D(1000)).problems()]
    assert codes == ["terms.balloon_too_high"]
    codes = [r.code for r in LoanTerms(D(1000), D(5), 12, BALLOON, balloon=D(-1)).problems()]
    assert codes == ["terms.balloon_negative"]
    other = LoanTerms(D(1000), D(5), 12, RepaymentMethod.EQUAL_INSTALLMENT, balloon=D(10))
    assert [r.code for r in other.problems()] == ["terms.balloon_unused"]


@given(
    amount=st.decimals(min_value=1000, max_value=2_000_000, places=2),
    percent=st.decimals(min_value=0, max_value=40, places=1),
    annual=st.decimals(min_value=0, max_value=24, places=2),
    months=st.integers(1, 60),
    fee=st.decimals(min_value=0, max_value=1, places=2),
)
def test_balloon_schedules_sum_exactly_and_reach_zero(
    amount: Decimal, percent: Decimal, annual: Decimal, months: int, fee: Decimal
) -> None:
    balloon = (amount * percent / 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    terms = LoanTerms(amount, annual, months, BALLOON, monthly_fee_rate=fee, balloon=balloon)
    s = build_schedule(terms, START)
    assert sum(r.principal for r in s.rows) == amount
    assert s.rows[-1].balance == 0
    assert all(r.balance >= 0 for r in s.rows)
    level = expected_payment(amount, balloon, annual, months)
    periodic_fee = (amount * fee / 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    for r in s.rows[:-1]:
        assert r.payment == level + periodic_fee
    assert s.rows[-1].principal >= balloon
    # the last payment is the level one plus the balloon, give or take the rounding
    assert abs(s.regular_payments[-1] - (level + periodic_fee)) <= D("0.01") * months
    assert s.total_repayment == sum(r.payment for r in s.rows)
