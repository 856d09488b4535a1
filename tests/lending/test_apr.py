"""APR by IRR: checked against an independent NPV computed with fractions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lending.apr import IrrError, apr_percent, effective_annual_percent, monthly_irr
from lending.schedule import LoanTerms, RepaymentMethod, build_schedule

D = Decimal


def npv(flows: list[Decimal], monthly: Fraction) -> Fraction:
    """Net present value, evaluated directly (no Horner) at 60 digits."""
    with localcontext() as ctx:
        ctx.prec = 60
        rate = D(monthly.numerator) / D(monthly.denominator)
        factor = 1 / (1 + rate)
        total, discount = D(0), D(1)
        for c in flows:
            total += c * discount
            discount *= factor
        return Fraction(total)


def test_simple_irr_known_value() -> None:
    # Borrow 1000, repay 1100 a month later: 10 % a month, APR 120 %.
    assert monthly_irr([D(1000), D(-1100)]) == D("0.1")
    assert apr_percent(D(1000), [D(1100)]) == D("120.00000000")


def test_zero_rate_gives_zero_apr() -> None:
    assert apr_percent(D(1200), [D(100)] * 12) == D(0)


def test_flat_rate_looks_cheaper_than_it_is() -> None:
    # 100,000 over 36 months with 0.35 %/month on the original principal.
    payments = [D(100000) / 36 + D(350)] * 36
    apr = apr_percent(D(100000), payments)
    assert D("7.86") < apr < D("7.88")


def test_effective_annual_rate() -> None:
    assert effective_annual_percent(D(12)) == D("12.68250301")
    assert effective_annual_percent(D(0)) == D(0)


@pytest.mark.parametrize("flows", [[D(1)], [D(100), D(10)], [D(-100), D(-10)], []])
def test_no_irr(flows: list[Decimal]) -> None:
    with pytest.raises(IrrError):
        monthly_irr(flows)


def test_non_conventional_flows_fall_back_to_bisection() -> None:
    # A flow with two sign changes and a root at exactly 10 %.
    flows = [D(-100), D(230), D(-132)]
    r = monthly_irr(flows)
    assert abs(npv(flows, Fraction(r))) < Fraction(1, 10**6)


@settings(max_examples=80, deadline=None)
@given(
    amount=st.integers(min_value=1_000, max_value=3_000_000).map(D),
    rate=st.integers(min_value=0, max_value=10000).map(lambda bp: D(bp) / 100),
    months=st.integers(min_value=1, max_value=480),
    method=st.sampled_from(list(RepaymentMethod)),
)
def test_apr_equals_nominal_without_fees(
    amount: Decimal, rate: Decimal, months: int, method: RepaymentMethod
) -> None:
    step = D(5) if method is RepaymentMethod.STEP_UP else D(0)
    s = build_schedule(LoanTerms(amount, rate, months, method, step_percent=step), date(2026, 1, 1))
    # Only per-period rounding separates the two: well under a basis point
    # for these amounts once the payment is at least a few yuan.
    tolerance = D("0.01") if s.max_payment > 50 else D("0.5")
    assert abs(s.apr - rate) < tolerance


@settings(max_examples=80, deadline=None)
@given(
    net=st.integers(min_value=1_000, max_value=1_000_000),
    months=st.integers(min_value=1, max_value=480),
    monthly_bp=st.integers(min_value=0, max_value=833),  # 0-100 % a year
    fee=st.integers(min_value=0, max_value=200),
)
def test_irr_zeroes_the_npv(net: int, months: int, monthly_bp: int, fee: int) -> None:
    r = Fraction(monthly_bp, 10000)
    pay = Fraction(net) * r / (1 - (1 + r) ** (-months)) if r else Fraction(net, months)
    payment = D(round(pay * 100 + fee)) / 100
    flows = [D(net), *([-payment] * months)]
    found = monthly_irr(flows)
    assert abs(npv(flows, Fraction(found))) < Fraction(net, 10**7)
    # And it is the unique root: NPV changes sign across found ± 1e-8.
    eps = Fraction(1, 10**8)
    assert npv(flows, Fraction(found) - eps) < 0 < npv(flows, Fraction(found) + eps)
