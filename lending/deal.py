"""The whole deal: subsidy value, payment-target solver, trade-in, card instalment.

DOMAIN.md "The whole deal, as a Chinese dealership quotes it".

* **Subsidy** (贴息): the customer pays ``terms.annual_rate``, the lender
  earns ``lender_rate``; the subsidiser pays the lender
  ``amount - PV(customer's principal + interest payments at lender_rate/1200
  a month)``.  Fees are left out; a lender rate below the customer's is
  refused.
* **Payment target**: the smallest whole-yuan down payment such that every
  payment, fees included (for the balloon method: every *regular* payment,
  the balloon apart), is at most the target.  Rounding to the fen makes the
  highest payment non-monotone in the loan amount by a fen or so near the
  boundary, so after the bisection the solver walks down through the
  neighbours until a whole window of them breaks the target.
* **Trade-in** (置换): the old car's value less the loan still owed on it,
  plus owner-set subsidy lines, goes towards the down payment.
* **Bank card instalment** (信用卡分期): no interest, a flat fee of
  ``fee_percent`` % of the amount spread over the months; its true APR by
  IRR is far above the flat figure.
* :func:`deal_terms`: the loan a deal needs, with every loan-related fee (the
  product's up-front fee and the finance service fee) in the up-front fee
  so that it is in the APR.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from lending.eligibility import (
    CustomerProfile,
    PlanRequest,
    ProductEvaluation,
    VehicleProfile,
    evaluate_product,
)
from lending.money import HUNDRED, ZERO, money, monthly_rate
from lending.onroad import OnRoadQuote
from lending.products import CardInstalment, Product
from lending.reasons import Reason, ReasonsError
from lending.schedule import (
    Installment,
    InvalidTerms,
    LoanTerms,
    RepaymentMethod,
    Schedule,
    build_schedule,
    due_dates,
)
from lending.settings import DEFAULT_SETTINGS, LendingSettings

MESSAGES: dict[str, str] = {
    "subsidy.lender_rate_below_customer": (
        "The lender's rate ({lender}%) cannot be below the customer's rate ({customer}%)."
    ),
    "target.not_positive": "The target monthly payment must be greater than zero.",
    "target.unreachable": (
        "No down payment reaches a monthly payment of {target} or less with these terms."
    ),
    "target.price_not_positive": "The vehicle price must be greater than zero.",
    "tradein.value_negative": "The trade-in value cannot be negative.",
    "tradein.owed_negative": "The loan still owed on the trade-in cannot be negative.",
    "card.fee_negative": "The instalment fee cannot be negative.",
    "card.amount_not_positive": "The instalment amount must be greater than zero.",
    "card.term_invalid": "The instalment term must be between 1 and 60 months.",
    "card.term_not_offered": "The card instalment offers {terms} months, not {months}.",
    "card.above_line": "The amount {amount} CNY is above the card's limit of {line} CNY.",
    "deal.down_payment_out_of_range": (
        "The down payment must be at least 0 and less than the financed total {total}."
    ),
}

# How many whole yuan below a down payment that meets the target the solver
# still looks at.  A payment moves by at least ~1/term per yuan of loan, and
# the rounding noise of the highest payment is a few fen, so a window of
# this size covers it for every term up to MAX_TERM_MONTHS.
NEIGHBOUR_WINDOW_YUAN = 60


class DealError(ReasonsError):
    """The deal cannot be worked out; ``reasons`` says why."""


def _refuse(code: str, **params: object) -> DealError:
    return DealError([Reason.of(MESSAGES, code, **params)])


# --- subsidy (贴息) -----------------------------------------------------------


def subsidy_value(schedule: Schedule, lender_rate: Decimal) -> Decimal:
    """amount - PV of the customer's principal + interest at ``lender_rate``/1200 a month."""
    customer = schedule.terms.annual_rate
    if lender_rate < customer:
        raise _refuse("subsidy.lender_rate_below_customer", lender=lender_rate, customer=customer)
    with localcontext() as ctx:
        ctx.prec = 34
        discount = 1 / (1 + monthly_rate(lender_rate))
        present = Decimal(0)
        v = Decimal(1)
        for row in schedule.rows:
            v *= discount
            present += (row.principal + row.interest) * v
        return money(money(schedule.terms.amount) - present)


# --- payment target ------------------------------------------------------------


def meets_target(schedule: Schedule, target: Decimal) -> bool:
    """Every payment (fees included, a balloon apart) is at most ``target``."""
    return schedule.max_regular_payment <= target


TermsFor = Callable[[Decimal], LoanTerms]
"""The loan terms for a given loan amount (fees and balloon may depend on it)."""


def _schedule(terms_for: TermsFor, amount: Decimal, start: date) -> Schedule | None:
    """The schedule for a loan of ``amount``, or None when such a loan cannot exist."""
    if amount < 1:
        return None
    try:
        return build_schedule(terms_for(amount), start)
    except InvalidTerms:
        return None


def _last_true(pred: Callable[[int], bool], lo: int, hi: int) -> int:
    """The largest x in [lo, hi] with pred(x), given pred(lo) and pred monotone falling."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pred(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def solve_down_payment(
    price: Decimal,
    target: Decimal,
    terms_for: TermsFor,
    start: date,
    *,
    min_down_payment: int = 0,
) -> int:
    """The smallest whole-yuan down payment (>= ``min_down_payment``) meeting ``target``.

    The loan is ``price - down payment`` and must be a loan ``terms_for``
    accepts (at least 1 yuan, more than the up-front fee); raises
    :class:`DealError` when no down payment works.
    """
    if price <= 0:
        raise _refuse("target.price_not_positive")
    if target <= 0:
        raise _refuse("target.not_positive")
    price = money(price)

    def valid(down: int) -> bool:
        return _schedule(terms_for, price - down, start) is not None

    def ok(down: int) -> bool:
        schedule = _schedule(terms_for, price - down, start)
        return schedule is not None and meets_target(schedule, target)

    unreachable = _refuse("target.unreachable", target=money(target))
    lowest, highest = max(min_down_payment, 0), int(price - 1)
    if lowest > highest or not valid(lowest):
        raise unreachable
    if ok(lowest):
        return lowest
    # Loans are valid from the largest down to some smallest amount: find it.
    top = _last_true(valid, lowest, highest)
    # The smallest loan should meet the target if any does; rounding noise aside.
    hi = next(
        (d for d in range(top, max(lowest, top - NEIGHBOUR_WINDOW_YUAN) - 1, -1) if ok(d)), None
    )
    if hi is None:
        raise unreachable
    lo = lowest  # not ok
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    # Non-monotone by a fen: walk down until a whole window below the best fails.
    best, down = hi, hi - 1
    while down > lowest and down >= best - NEIGHBOUR_WINDOW_YUAN:
        if ok(down):
            best = down
        down -= 1
    return best


def solve_term(
    target: Decimal,
    terms_for_months: Callable[[int], LoanTerms],
    terms: Iterable[int],
    start: date,
) -> int | None:
    """The shortest of ``terms`` whose every payment meets ``target`` (None: none does)."""
    for months in sorted(terms):
        try:
            schedule = build_schedule(terms_for_months(months), start)
        except InvalidTerms:
            continue
        if meets_target(schedule, target):
            return months
    return None


# --- trade-in (置换) ------------------------------------------------------------


@dataclass(frozen=True)
class SubsidyLine:
    """An owner-set trade-in subsidy (e.g. scrap-and-buy NEV 12 % of the price, up to 20,000)."""

    code: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class TradeIn:
    value: Decimal
    """What the dealer pays for the old car."""
    loan_owed: Decimal = ZERO
    """Principal still owed on the old car; the dealer settles it."""
    subsidies: tuple[SubsidyLine, ...] = ()

    def problems(self) -> list[Reason]:
        found: list[Reason] = []
        if self.value < 0:
            found.append(Reason.of(MESSAGES, "tradein.value_negative"))
        if self.loan_owed < 0:
            found.append(Reason.of(MESSAGES, "tradein.owed_negative"))
        return found

    @property
    def credit(self) -> Decimal:
        """value - loan still owed + subsidies: what goes towards the down payment.

        Negative when more is owed than the car is worth (negative equity).
        """
        subsidies = sum((money(s.amount) for s in self.subsidies), ZERO)
        return money(self.value) - money(self.loan_owed) + subsidies


def percent_subsidy(
    code: str, label: str, price: Decimal, percent: Decimal, cap: Decimal | None
) -> SubsidyLine:
    """A subsidy of ``percent`` % of ``price``, at most ``cap`` (None: no cap)."""
    amount = money(price * percent / HUNDRED)
    if cap is not None:
        amount = min(amount, money(cap))
    return SubsidyLine(code=code, label=label, amount=amount)


# --- the deal --------------------------------------------------------------------


@dataclass(frozen=True)
class Deal:
    """Price, on-road lines, trade-in and down payment -> what is financed, paid today."""

    on_road: OnRoadQuote
    down_payment: Decimal
    """Everything put towards the car and the financed lines: cash plus trade-in credit."""
    trade_in: TradeIn | None = None
    financed_add_ons: Decimal = ZERO
    """Optional add-ons (insurance, warranty ...) the lender finances with the car."""

    @property
    def financed_total(self) -> Decimal:
        """Price plus the financed lines and add-ons: what the down payment and the loan
        cover."""
        return self.on_road.price + self.on_road.financed_lines_total + money(self.financed_add_ons)

    @property
    def service_fee(self) -> Decimal:
        """The finance service fee (金融服务费), financed or not: a loan fee (in the APR)."""
        return next(
            (line.amount for line in self.on_road.lines if line.code == "finance_service_fee"), ZERO
        )

    def total_cost(self, schedule: Schedule, required_insurance: Decimal = ZERO) -> Decimal:
        """The total cost of the car with this loan: the down payment, every cash line,
        the loan's total repayment and the lender-required insurance.

        The finance service fee is in the schedule's up-front fee (so in its total
        repayment) and also a line of the deal (cash, or financed in the loan): it is
        counted once.
        """
        return (
            money(self.down_payment)
            + self.on_road.cash_lines_total
            + schedule.total_repayment
            - self.service_fee
            + money(required_insurance)
        )

    @property
    def loan_amount(self) -> Decimal:
        return self.financed_total - money(self.down_payment)

    @property
    def trade_in_credit(self) -> Decimal:
        return ZERO if self.trade_in is None else self.trade_in.credit

    @property
    def down_payment_cash(self) -> Decimal:
        """The part of the down payment the trade-in does not cover (may be negative)."""
        return money(self.down_payment) - self.trade_in_credit

    @property
    def paid_today(self) -> Decimal:
        """Down payment (less the trade-in credit) plus every cash line."""
        return self.down_payment_cash + self.on_road.cash_lines_total

    def problems(self) -> list[Reason]:
        found = [] if self.trade_in is None else self.trade_in.problems()
        if not 0 <= self.down_payment < self.financed_total:
            found.append(
                Reason.of(MESSAGES, "deal.down_payment_out_of_range", total=self.financed_total)
            )
        return found


def deal_terms(deal: Deal, base: LoanTerms) -> LoanTerms:
    """The deal's loan: ``base`` with the deal's amount and every loan-related fee.

    The finance service fee is loan-related: it joins the up-front fee
    (whether it is financed or paid in cash), so the APR includes it.
    """
    return dataclasses.replace(
        base, amount=deal.loan_amount, upfront_fee=money(base.upfront_fee) + deal.service_fee
    )


# --- bank card instalment (信用卡分期) ---------------------------------------------


def card_schedule(
    product: CardInstalment, amount: Decimal, months: int, start: date
) -> Schedule | None:
    """The card product's schedule for ``months``; None when it does not offer that term."""
    fee = product.fee_percent(months)
    return None if fee is None else card_instalment_schedule(amount, months, fee, start)


@dataclass(frozen=True)
class CardOffer:
    """A card instalment product for the amount and term asked: its schedule (the true
    APR is the schedule's) or why it cannot be offered."""

    product: CardInstalment
    schedule: Schedule | None
    reason: Reason | None = None

    @property
    def apr(self) -> Decimal | None:
        return self.schedule.apr if self.schedule is not None else None


def card_offer(product: CardInstalment, amount: Decimal, months: int, start: date) -> CardOffer:
    """``product`` for ``amount`` over ``months``: refused above the card's limit or for a
    term it does not offer."""
    if money(amount) > product.line_max:
        return CardOffer(
            product,
            None,
            Reason.of(
                MESSAGES,
                "card.above_line",
                amount=f"{money(amount):,}",
                line=f"{money(product.line_max):,}",
            ),
        )
    if amount <= 0:
        return CardOffer(product, None, Reason.of(MESSAGES, "card.amount_not_positive"))
    schedule = card_schedule(product, amount, months, start)
    if schedule is None:
        return CardOffer(
            product,
            None,
            Reason.of(
                MESSAGES,
                "card.term_not_offered",
                months=months,
                terms="/".join(str(t) for t in product.terms),
            ),
        )
    return CardOffer(product, schedule)


def card_instalment_schedule(
    amount: Decimal, months: int, fee_percent: Decimal, start: date
) -> Schedule:
    """Equal principal shares and the flat fee spread evenly; the last period absorbs both
    roundings, so principal sums to ``amount`` and fees to ``fee_percent`` % of it exactly.
    """
    problems: list[Reason] = []
    if amount <= 0:
        problems.append(Reason.of(MESSAGES, "card.amount_not_positive"))
    if not 1 <= months <= 60:
        problems.append(Reason.of(MESSAGES, "card.term_invalid"))
    if fee_percent < 0:
        problems.append(Reason.of(MESSAGES, "card.fee_negative"))
    if problems:
        raise DealError(problems)
    amount = money(amount)
    total_fee = money(amount * fee_percent / HUNDRED)
    share, fee = money(amount / months), money(total_fee / months)
    terms = LoanTerms(
        amount=amount,
        annual_rate=ZERO,
        months=months,
        method=RepaymentMethod.EQUAL_PRINCIPAL,
        monthly_fee_rate=fee_percent / months,
    )
    rows: list[Installment] = []
    balance, fees_left = amount, total_fee
    for period, due in enumerate(due_dates(start, months), start=1):
        last = period == months
        principal = balance if last else min(share, balance)
        this_fee = fees_left if last else min(fee, fees_left)
        balance -= principal
        fees_left -= this_fee
        rows.append(
            Installment(
                period=period,
                due_date=due,
                payment=principal + this_fee,
                principal=principal,
                interest=ZERO,
                fee=this_fee,
                balance=balance,
            )
        )
    return Schedule(terms=terms, start_date=start, rows=tuple(rows))


# --- the finance page's refresh ----------------------------------------------------


def grid_down_payments(
    price: Decimal, percents: Iterable[int], current: Decimal
) -> tuple[Decimal, ...]:
    """Whole-yuan down payments at ``percents`` of the price, plus the current one, sorted."""
    downs = {money(int(price * p / HUNDRED)) for p in percents}
    downs.add(money(current))
    return tuple(sorted(downs))


def payment_grid(
    product: Product,
    customer: CustomerProfile,
    vehicle: VehicleProfile,
    request: PlanRequest,
    down_payments: Iterable[Decimal],
    terms: Iterable[int],
    settings: LendingSettings = DEFAULT_SETTINGS,
    *,
    known: ProductEvaluation | None = None,
    reuse: Mapping[tuple[Decimal, int], ProductEvaluation] | None = None,
) -> dict[tuple[Decimal, int], ProductEvaluation]:
    """One product for every down payment x term; ``known`` (the request's own cell,
    already evaluated for the comparison) is reused, so no schedule is built twice.

    ``reuse``: cells of an earlier grid of the same product, customer, vehicle and request
    (only the down payment and the term differ between cells); those found there are not
    evaluated again (moving the down payment only adds its own row).
    """
    cells: dict[tuple[Decimal, int], ProductEvaluation] = {}
    reuse = reuse or {}
    for down in down_payments:
        for months in terms:
            key = (money(down), months)
            if known is not None and key == (money(request.down_payment), request.term_months):
                cells[key] = known
                continue
            if key in reuse:
                cells[key] = reuse[key]
                continue
            cell = dataclasses.replace(request, down_payment=money(down), term_months=months)
            cells[key] = evaluate_product(product, customer, vehicle, cell, settings)
    return cells
