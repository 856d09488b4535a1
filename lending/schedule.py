"""Repayment schedules for the four repayment methods.

Rules (ARCHITECTURE.md):

* every amount is rounded to the fen per period (ROUND_HALF_UP);
* interest for a period is ``round(balance * monthly_rate)``;
* the last period repays whatever principal is left, so principal sums to the
  loan amount exactly and the final balance is 0.00;
* a periodic fee is a flat percent of the *original* principal each month;
  an up-front fee is paid (or deducted from the proceeds) at the start;
* due dates fall on the start date's day of month, clamped to month end.

Balloon (弹性尾款): equal payments ``(P - B*v) * r / (1 - v)`` with
``v = (1 + r)^-n`` (``(P - B) / n`` at 0 %), and the balloon ``B`` is paid
with the last payment; the last period absorbs the rounding as usual.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from lending.money import HUNDRED, ZERO, money, monthly_rate, percent_of
from lending.reasons import Reason

MAX_TERM_MONTHS = 480

MESSAGES: dict[str, str] = {
    "terms.amount_not_positive": "The loan amount must be greater than zero.",
    "terms.term_out_of_range": "The term must be between 1 and {max} months.",
    "terms.rate_negative": "The interest rate cannot be negative.",
    "terms.fee_negative": "Fees cannot be negative.",
    "terms.upfront_fee_too_high": "The up-front fee must be less than the loan amount.",
    "terms.step_percent_negative": "The step-up percentage cannot be negative.",
    "terms.step_months_invalid": "Payments can step up every 1 to {max} months.",
    "terms.step_up_params_unused": "Step-up settings only apply to the step-up method.",
    "terms.balloon_negative": "The balloon payment cannot be negative.",
    "terms.balloon_too_high": "The balloon payment must be less than the loan amount.",
    "terms.balloon_unused": "A balloon payment only applies to the balloon method.",
    "terms.balloon_percent_out_of_range": "The balloon must be between 0% and 100% of the loan.",
}


class RepaymentMethod(StrEnum):
    EQUAL_INSTALLMENT = "equal_installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金
    INTEREST_FIRST = "interest_first"  # 先息后本
    STEP_UP = "step_up"  # 递增还款
    BALLOON = "balloon"  # 弹性尾款: equal payments plus a final lump


@dataclass(frozen=True)
class LoanTerms:
    """What the customer borrows and on which terms.

    ``annual_rate`` is the nominal yearly rate in percent; the monthly rate is
    a twelfth of it.  ``monthly_fee_rate`` is a percent of the original
    principal charged every month.  ``step_percent``/``step_months`` are only
    used by :attr:`RepaymentMethod.STEP_UP`: the payment rises by
    ``step_percent`` % every ``step_months`` months.
    """

    amount: Decimal
    annual_rate: Decimal
    months: int
    method: RepaymentMethod
    upfront_fee: Decimal = ZERO
    monthly_fee_rate: Decimal = ZERO
    step_percent: Decimal = ZERO
    step_months: int = 12
    balloon: Decimal = ZERO
    """Balloon method only: the lump paid with the last payment (CNY)."""

    def problems(self) -> list[Reason]:
        """Every reason these terms cannot be scheduled (empty when fine)."""
        found: list[Reason] = []
        if self.amount <= 0:
            found.append(Reason.of(MESSAGES, "terms.amount_not_positive"))
        if not 1 <= self.months <= MAX_TERM_MONTHS:
            found.append(Reason.of(MESSAGES, "terms.term_out_of_range", max=MAX_TERM_MONTHS))
        if self.annual_rate < 0:
            found.append(Reason.of(MESSAGES, "terms.rate_negative"))
        if self.upfront_fee < 0 or self.monthly_fee_rate < 0:
            found.append(Reason.of(MESSAGES, "terms.fee_negative"))
        elif self.amount > 0 and self.upfront_fee >= self.amount:
            found.append(Reason.of(MESSAGES, "terms.upfront_fee_too_high"))
        if self.step_percent < 0:
            found.append(Reason.of(MESSAGES, "terms.step_percent_negative"))
        if not 1 <= self.step_months <= MAX_TERM_MONTHS:
            found.append(Reason.of(MESSAGES, "terms.step_months_invalid", max=MAX_TERM_MONTHS))
        if self.balloon < 0:
            found.append(Reason.of(MESSAGES, "terms.balloon_negative"))
        elif self.balloon > 0 and self.method is not RepaymentMethod.BALLOON:
            found.append(Reason.of(MESSAGES, "terms.balloon_unused"))
        elif self.amount > 0 and self.balloon >= self.amount:
            found.append(Reason.of(MESSAGES, "terms.balloon_too_high"))
        return found


class InvalidTerms(ValueError):
    def __init__(self, reasons: Sequence[Reason]) -> None:
        super().__init__("; ".join(r.render() for r in reasons))
        self.reasons = tuple(reasons)


@dataclass(frozen=True)
class Installment:
    period: int
    due_date: date
    payment: Decimal  # principal + interest + fee
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal  # principal still owed after this payment


@dataclass(frozen=True)
class Schedule:
    terms: LoanTerms
    start_date: date
    rows: tuple[Installment, ...]

    @property
    def first_payment(self) -> Decimal:
        return self.rows[0].payment

    @property
    def max_payment(self) -> Decimal:
        return max(r.payment for r in self.rows)

    @property
    def balloon(self) -> Decimal:
        """The lump paid with the last payment (0.00 unless the balloon method)."""
        return money(self.terms.balloon)

    @property
    def regular_payments(self) -> tuple[Decimal, ...]:
        """Every payment with the balloon taken out of the last one."""
        payments = [r.payment for r in self.rows]
        payments[-1] -= self.balloon
        return tuple(payments)

    @property
    def max_regular_payment(self) -> Decimal:
        """The highest payment, the balloon left apart (what a payment target bounds)."""
        return max(self.regular_payments)

    @cached_property
    def total_interest(self) -> Decimal:
        return sum((r.interest for r in self.rows), ZERO)

    @cached_property
    def total_periodic_fees(self) -> Decimal:
        return sum((r.fee for r in self.rows), ZERO)

    @property
    def total_fees(self) -> Decimal:
        """Up-front fee plus every periodic fee."""
        return money(self.terms.upfront_fee) + self.total_periodic_fees

    @property
    def total_repayment(self) -> Decimal:
        """Everything the customer pays: principal, interest and all fees."""
        return money(self.terms.amount) + self.total_interest + self.total_fees

    @property
    def net_proceeds(self) -> Decimal:
        """What the customer actually receives after the up-front fee."""
        return money(self.terms.amount) - money(self.terms.upfront_fee)

    @cached_property
    def apr(self) -> Decimal:
        """True APR in percent: 12 x monthly IRR of the customer's cash flows."""
        from lending.apr import apr_percent

        return apr_percent(self.net_proceeds, [r.payment for r in self.rows])

    @cached_property
    def effective_annual_rate(self) -> Decimal:
        """(1 + monthly IRR)^12 - 1, in percent."""
        from lending.apr import effective_annual_percent

        return effective_annual_percent(self.apr)


def add_months(start: date, months: int) -> date:
    """``start`` moved by ``months``, its day clamped to the month's end."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_dates(start: date, months: int) -> list[date]:
    return [add_months(start, k) for k in range(1, months + 1)]


def _level_payment(amount: Decimal, rate: Decimal, months: int) -> Decimal:
    """Annuity payment (unrounded) for ``amount`` over ``months`` at ``rate``/month."""
    if rate == 0:
        return amount / months
    growth = (1 + rate) ** months
    return amount * rate * growth / (growth - 1)


def _balloon_payment(amount: Decimal, balloon: Decimal, rate: Decimal, months: int) -> Decimal:
    """(P - B*v) * r / (1 - v), v = (1+r)^-n; (P - B) / n at 0 % (unrounded)."""
    if rate == 0:
        return (amount - balloon) / months
    v = 1 / (1 + rate) ** months
    return (amount - balloon * v) * rate / (1 - v)


def balloon_for_percent(amount: Decimal, percent: Decimal) -> Decimal:
    """A balloon of ``percent`` % of the loan, to the fen; refuses percent outside 0-100."""
    if not 0 <= percent < HUNDRED:
        raise InvalidTerms([Reason.of(MESSAGES, "terms.balloon_percent_out_of_range")])
    return percent_of(amount, percent)


def _step_factors(months: int, step_percent: Decimal, step_months: int) -> list[Decimal]:
    step = 1 + step_percent / HUNDRED
    return [step ** ((k - 1) // step_months) for k in range(1, months + 1)]


def _base_step_payment(amount: Decimal, rate: Decimal, factors: Sequence[Decimal]) -> Decimal:
    """First-tier payment A such that sum(A * f_k / (1+r)^k) == amount."""
    discount = 1 / (1 + rate)
    present = Decimal(0)
    v = Decimal(1)
    for factor in factors:
        v *= discount
        present += factor * v
    return amount / present


def _planned_principal(terms: LoanTerms) -> list[Decimal] | None:
    """Per-period principal for the methods that fix it in advance."""
    n = terms.months
    amount = money(terms.amount)
    if terms.method is RepaymentMethod.EQUAL_PRINCIPAL:
        # Round the *cumulative* principal, not each share: the balance then
        # never drifts more than half a fen from the exact one, shares differ
        # by at most one fen, and total interest matches the closed form.
        cumulative = [money(amount * k / n) for k in range(n + 1)]
        return [cumulative[k] - cumulative[k - 1] for k in range(1, n + 1)]
    if terms.method is RepaymentMethod.INTEREST_FIRST:
        return [ZERO] * (n - 1) + [amount]
    return None


def _planned_payment(terms: LoanTerms, rate: Decimal) -> list[Decimal]:
    """Per-period principal+interest for the methods that fix the payment."""
    amount = money(terms.amount)
    if terms.method is RepaymentMethod.EQUAL_INSTALLMENT:
        return [money(_level_payment(amount, rate, terms.months))] * terms.months
    if terms.method is RepaymentMethod.BALLOON:
        level = _balloon_payment(amount, money(terms.balloon), rate, terms.months)
        return [money(level)] * terms.months
    factors = _step_factors(terms.months, terms.step_percent, terms.step_months)
    base = _base_step_payment(amount, rate, factors)
    return [money(base * f) for f in factors]


def build_schedule(terms: LoanTerms, start: date) -> Schedule:
    """The full repayment schedule; raises :class:`InvalidTerms` for bad terms."""
    problems = terms.problems()
    if terms.method is not RepaymentMethod.STEP_UP and terms.step_percent != 0:
        problems.append(Reason.of(MESSAGES, "terms.step_up_params_unused"))
    if problems:
        raise InvalidTerms(problems)

    rate = monthly_rate(terms.annual_rate)
    fee = percent_of(terms.amount, terms.monthly_fee_rate)
    balance = money(terms.amount)
    principal_plan = _planned_principal(terms)
    payment_plan = None if principal_plan is not None else _planned_payment(terms, rate)

    rows: list[Installment] = []
    for period, due in enumerate(due_dates(start, terms.months), start=1):
        interest = money(balance * rate)
        if period == terms.months:
            principal = balance
        elif principal_plan is not None:
            principal = min(principal_plan[period - 1], balance)
        else:
            assert payment_plan is not None
            # A payment below the interest would grow the balance; never
            # schedule negative amortisation, never overpay the balance.
            principal = min(max(payment_plan[period - 1] - interest, ZERO), balance)
        balance -= principal
        rows.append(
            Installment(
                period=period,
                due_date=due,
                payment=principal + interest + fee,
                principal=principal,
                interest=interest,
                fee=fee,
                balance=balance,
            )
        )
    return Schedule(terms=terms, start_date=start, rows=tuple(rows))
