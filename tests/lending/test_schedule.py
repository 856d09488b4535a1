"""Schedules: worked figures from DOMAIN.md and properties of every method.

Expected values are computed independently here with exact fractions (closed
forms), never by calling the code under test twice.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lending.schedule import (
    InvalidTerms,
    LoanTerms,
    RepaymentMethod,
    add_months,
    build_schedule,
)

D = Decimal
START = date(2026, 11, 22)


def fen(x: Fraction) -> Decimal:
    return (D(x.numerator) / D(x.denominator)).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def annuity(amount: int, annual_percent: Fraction, months: int) -> Fraction:
    r = annual_percent / 1200
    g = (1 + r) ** months
    return amount * r * g / (g - 1)


# ---- worked figures (DOMAIN.md) -------------------------------------------------


def test_used_car_example_equal_installment() -> None:
    s = build_schedule(LoanTerms(D(105000), D(6), 36, RepaymentMethod.EQUAL_INSTALLMENT), START)
    assert s.first_payment == D("3194.30")
    assert fen(annuity(105000, Fraction(6), 36)) == D("3194.30")
    assert all(r.payment == D("3194.30") for r in s.rows[:-1])


def test_mortgage_equal_installment() -> None:
    s = build_schedule(
        LoanTerms(D(1000000), D("4.9"), 360, RepaymentMethod.EQUAL_INSTALLMENT), START
    )
    assert s.first_payment == D("5307.27")
    textbook = fen(annuity(1000000, Fraction(49, 10), 360) * 360 - 1000000)
    assert textbook == D("910616.19")
    # Interest is charged on the actual balance after a rounded payment, so the
    # schedule's total is within a couple of yuan of the textbook figure.
    assert abs(s.total_interest - textbook) < D("2.00")
    assert s.total_interest == sum(r.interest for r in s.rows)


def half_up(x: Fraction) -> int:
    """Round a non-negative fraction to the nearest integer, halves up."""
    return int((x + Fraction(1, 2)) // 1)


def equal_principal_reference(
    amount: str, annual_percent: str, months: int
) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(payment, principal, interest) per period, in whole fen, written independently:
    one share round(amount / n) every period, the last repaying what is left."""
    cents = int(Fraction(amount) * 100)
    r = Fraction(annual_percent) / 1200
    share = half_up(Fraction(cents, months))
    balance, out = cents, []
    for k in range(1, months + 1):
        interest = half_up(balance * r)
        principal = balance if k == months else min(share, balance)
        balance -= principal
        out.append((D(principal + interest) / 100, D(principal) / 100, D(interest) / 100))
    return out


@pytest.mark.parametrize(
    ("amount", "rate", "months", "share", "last_share", "first_payment", "total_interest"),
    [
        # Apache Fineract's equal-principal scenario (issue 12)
        ("5000", "12", 18, "277.78", "277.74", "327.78", "475.00"),
        ("10001", "6", 8, "1250.13", "1250.09", None, None),
        ("1000000", "4.9", 360, "2777.78", "2776.98", "6861.11", None),
        # the 100,000 / 60 / 4.8 %: the last share 0.20 below the others
        ("100000", "4.8", 60, "1666.67", "1666.47", None, None),
    ],
)
def test_equal_principal_one_rounded_share(
    amount: str,
    rate: str,
    months: int,
    share: str,
    last_share: str,
    first_payment: str | None,
    total_interest: str | None,
) -> None:
    """Old behaviour (cumulative rounding: 1,666.67 / 1,666.66 / ...) was wrong (issue 12)."""
    s = build_schedule(
        LoanTerms(D(amount), D(rate), months, RepaymentMethod.EQUAL_PRINCIPAL), START
    )
    assert [r.principal for r in s.rows] == [D(share)] * (months - 1) + [D(last_share)]
    assert sum(r.principal for r in s.rows) == D(amount)
    ref = equal_principal_reference(amount, rate, months)
    assert [(r.payment, r.principal, r.interest) for r in s.rows] == ref
    if first_payment is not None:
        assert s.first_payment == D(first_payment)
    if total_interest is not None:
        assert s.total_interest == D(total_interest)


def test_equal_principal_interest_vector_5000_over_18() -> None:
    s = build_schedule(LoanTerms(D(5000), D(12), 18, RepaymentMethod.EQUAL_PRINCIPAL), START)
    interest = [r.interest for r in s.rows]
    # 1 % a month on the balance: 50.00, 47.22, ... 2.78 (within a fen per row)
    for k, value in enumerate(interest):
        expected = Fraction(5000, 100) * Fraction(18 - k, 18)
        assert abs(value - fen(expected)) <= D("0.01")
    assert interest[0] == D("50.00") and interest[1] == D("47.22")
    assert interest[-1] == D("2.78")
    assert s.total_interest == D("475.00")


def test_mortgage_equal_principal() -> None:
    s = build_schedule(LoanTerms(D(1000000), D("4.9"), 360, RepaymentMethod.EQUAL_PRINCIPAL), START)
    assert s.first_payment == D("6861.11")
    r = Fraction(49, 12000)
    closed = fen(r * 1000000 * 361 / 2)
    assert closed == D("737041.67")
    # One share of 2,777.78 every month leaves the balance a few yuan lower than the
    # exact one, so the total interest is within a yuan of the closed form.
    assert abs(s.total_interest - closed) < D("1.00")
    assert s.total_interest == sum(
        i for _, _, i in equal_principal_reference("1000000", "4.9", 360)
    )


def test_flat_fee_true_apr() -> None:
    s = build_schedule(
        LoanTerms(
            D(100000), D(0), 36, RepaymentMethod.EQUAL_INSTALLMENT, monthly_fee_rate=D("0.35")
        ),
        START,
    )
    assert s.total_fees == D("12600.00")
    assert abs(s.apr - D("7.87")) < D("0.005")
    assert s.effective_annual_rate > s.apr


def test_interest_first_is_a_balloon() -> None:
    s = build_schedule(LoanTerms(D(100000), D(8), 24, RepaymentMethod.INTEREST_FIRST), START)
    assert [r.principal for r in s.rows[:-1]] == [D(0)] * 23
    assert all(r.interest == D("666.67") for r in s.rows)
    assert s.rows[-1].payment == D("100666.67")


def test_step_up_rises_every_step() -> None:
    terms = LoanTerms(
        D(120000), D(9), 36, RepaymentMethod.STEP_UP, step_percent=D(10), step_months=12
    )
    s = build_schedule(terms, START)
    first, second, third = s.rows[0].payment, s.rows[12].payment, s.rows[24].payment
    assert all(r.payment == first for r in s.rows[:12])
    assert all(r.payment == second for r in s.rows[12:24])
    assert second == (first * D("1.1")).quantize(D("0.01")) or abs(second - first * D("1.1")) < D(
        "0.02"
    )
    assert third > second > first
    # Base payment from the closed form sum(A * 1.1^tier / (1+r)^k) = amount.
    r = Fraction(9, 1200)
    pv = sum(Fraction(11, 10) ** ((k - 1) // 12) / (1 + r) ** k for k in range(1, 37))
    assert first == fen(120000 / pv)


def test_due_dates_clamp_to_month_end_without_drifting() -> None:
    s = build_schedule(
        LoanTerms(D(1000), D(5), 4, RepaymentMethod.EQUAL_INSTALLMENT), date(2027, 1, 31)
    )
    assert [r.due_date for r in s.rows] == [
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]
    assert add_months(date(2027, 12, 15), 1) == date(2028, 1, 15)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


@pytest.mark.parametrize(
    "terms",
    [
        LoanTerms(D(0), D(5), 12, RepaymentMethod.EQUAL_INSTALLMENT),
        LoanTerms(D(-1), D(5), 12, RepaymentMethod.EQUAL_INSTALLMENT),
        LoanTerms(D(1000), D(5), 0, RepaymentMethod.EQUAL_INSTALLMENT),
        LoanTerms(D(1000), D(5), 481, RepaymentMethod.EQUAL_INSTALLMENT),
        LoanTerms(D(1000), D(-1), 12, RepaymentMethod.EQUAL_INSTALLMENT),
        LoanTerms(D(1000), D(5), 12, RepaymentMethod.EQUAL_INSTALLMENT, upfront_fee=D(1000)),
        LoanTerms(D(1000), D(5), 12, RepaymentMethod.EQUAL_INSTALLMENT, monthly_fee_rate=D(-1)),
        LoanTerms(D(1000), D(5), 12, RepaymentMethod.EQUAL_INSTALLMENT, step_percent=D(5)),
        LoanTerms(D(1000), D(5), 12, RepaymentMethod.STEP_UP, step_percent=D(5), step_months=0),
    ],
)
def test_bad_terms_are_refused_with_reasons(terms: LoanTerms) -> None:
    with pytest.raises(InvalidTerms) as info:
        build_schedule(terms, START)
    assert info.value.reasons
    assert all(r.render() for r in info.value.reasons)


# ---- properties -----------------------------------------------------------------

amounts = st.integers(min_value=100_00, max_value=5_000_000_00).map(lambda c: D(c) / 100)
rates = st.integers(min_value=0, max_value=3600).map(lambda bp: D(bp) / 100)
fee_rates = st.integers(min_value=0, max_value=100).map(lambda bp: D(bp) / 100)


@st.composite
def loan_terms(draw: st.DrawFn) -> LoanTerms:
    method = draw(st.sampled_from(list(RepaymentMethod)))
    step = D(0)
    step_months = 12
    if method is RepaymentMethod.STEP_UP:
        step = D(draw(st.integers(min_value=0, max_value=2000))) / 100
        step_months = draw(st.integers(min_value=1, max_value=24))
    amount = draw(amounts)
    upfront = D(draw(st.integers(min_value=0, max_value=int(amount * 5)))) / 100  # < 5 %
    return LoanTerms(
        amount=amount,
        annual_rate=draw(rates),
        months=draw(st.integers(min_value=1, max_value=480)),
        method=method,
        upfront_fee=upfront,
        monthly_fee_rate=draw(fee_rates),
        step_percent=step,
        step_months=step_months,
    )


@settings(max_examples=150, deadline=None)
@given(loan_terms())
def test_schedule_invariants(terms: LoanTerms) -> None:
    s = build_schedule(terms, START)
    assert len(s.rows) == terms.months
    assert sum(r.principal for r in s.rows) == terms.amount
    assert s.rows[-1].balance == D("0.00")
    previous = terms.amount
    for r in s.rows:
        assert r.payment == r.principal + r.interest + r.fee
        assert r.principal >= 0 and r.interest >= 0 and r.fee >= 0
        assert r.balance == previous - r.principal
        assert r.balance <= previous
        assert r.payment.as_tuple().exponent == -2
        previous = r.balance
    assert s.total_repayment == terms.amount + s.total_interest + s.total_fees
    assert s.total_fees == terms.upfront_fee + sum(r.fee for r in s.rows)


@settings(max_examples=100, deadline=None)
@given(
    amount=st.integers(min_value=10_000, max_value=2_000_000).map(D),
    rate=st.integers(min_value=1, max_value=2400).map(lambda bp: D(bp) / 100),
    months=st.integers(min_value=1, max_value=360),
)
def test_equal_installment_matches_closed_form(amount: Decimal, rate: Decimal, months: int) -> None:
    s = build_schedule(LoanTerms(amount, rate, months, RepaymentMethod.EQUAL_INSTALLMENT), START)
    expected = fen(annuity(int(amount), Fraction(str(rate)), months))
    assert all(r.payment == expected for r in s.rows[:-1])
    # The last payment only absorbs rounding: at most half a fen of payment
    # and half a fen of interest per period, each carried forward at the rate.
    r = Fraction(str(rate)) / 1200
    carried = Fraction(1, 100) * ((1 + r) ** months - 1) / r
    assert abs(s.rows[-1].payment - expected) <= fen(carried) + D("0.01")


@settings(max_examples=100, deadline=None)
@given(
    amount=st.integers(min_value=1_000, max_value=2_000_000).map(D),
    rate=st.integers(min_value=0, max_value=2400).map(lambda bp: D(bp) / 100),
    months=st.integers(min_value=1, max_value=360),
)
def test_equal_principal_payments_fall(amount: Decimal, rate: Decimal, months: int) -> None:
    s = build_schedule(LoanTerms(amount, rate, months, RepaymentMethod.EQUAL_PRINCIPAL), START)
    shares = [r.principal for r in s.rows]
    share = fen(Fraction(int(amount), months))
    # one share every period but the last, which repays what is left
    assert shares[:-1] == [share] * (months - 1)
    assert sum(shares) == amount
    assert abs(shares[-1] - share) <= D("0.005") * months
    payments = [r.payment for r in s.rows]
    assert all(b <= a for a, b in itertools.pairwise(payments[:-1]))
    assert [(r.payment, r.principal, r.interest) for r in s.rows] == equal_principal_reference(
        str(amount), str(rate), months
    )
    r = Fraction(str(rate)) / 1200
    closed = r * int(amount) * (months + 1) / 2
    # the last share can differ from the others by up to n x half a fen
    # (the balance is at most k x half a fen off in period k), plus a fen per row
    slack = D("0.01") * months + fen(r * months * months / 200)
    assert abs(s.total_interest - fen(closed)) <= slack
