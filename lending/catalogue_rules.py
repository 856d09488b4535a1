"""What the owner's Products and lenders editor checks, as reasons by field.

:func:`product_reasons` checks one car-loan :class:`~lending.products.Product`
as the editor built it: every value inside its bounds (:data:`BOUNDS`, the same
the editor reads the fields with), the lowest of each range not above the
highest, names in English and Chinese, at least one lender, repayment method,
term, grade, kind of car; the rates inside the product's APR range and the
highest rate inside the store's cap; the step-up and balloon details where
those methods are offered; the rate sheet a full grid
(:func:`lending.products.rate_sheet_reasons`); an interest subsidy (贴息) named
in both languages with the lender's rate at least every customer rate
(:func:`customer_rates`).  :func:`consumer_reasons` checks a consumer credit line
(ranges, each grade's rate and monthly fee inside them, the first-loan
promotion), :func:`card_reasons` a bank card instalment (its fee table: each
term once, in order, and no term's true APR - :func:`card_apr`, from
:mod:`lending.deal`'s schedule - above the store's cap).  :func:`lender_reasons`
does the same for a lender.  The result maps a field (a catalogue JSON key, nested ones
as ``fees.upfront_fee``) to the first reason to correct there, in the order of
the form; empty means the record can be saved.

:func:`lending.products.parse_catalogue` stays the guard of what is stored: a
product that passes here passes there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lending import parse
from lending.money import MAX_AMOUNT
from lending.products import (
    CardInstalment,
    ConsumerCreditProduct,
    GradeTerms,
    Product,
    PromotionKind,
    rate_sheet_reasons,
)
from lending.qualification import Grade
from lending.reasons import Reason
from lending.schedule import MAX_TERM_MONTHS, RepaymentMethod
from lending.settings import LendingSettings

MESSAGES: dict[str, str] = {
    "product.name_missing": "Enter the product's name in English.",
    "product.name_zh_missing": "Enter the product's name in Chinese.",
    "product.no_lender": "Choose at least one lender.",
    "product.lender_unknown": "'{name}' is not one of the store's active lenders.",
    "product.min_above_max": "The lowest value ({lo}) is above the highest ({hi}).",
    "product.apr_above_cap": (
        "The store refuses an APR above {cap}% (Store settings); the highest rate cannot be "
        "above it."
    ),
    "product.no_method": "Choose at least one repayment method.",
    "product.no_term": "Enter at least one term in months, e.g. 12, 24, 36.",
    "product.terms_order": "List each term once, from the shortest to the longest.",
    "product.no_vehicle_kind": "Choose new cars, used cars or both.",
    "product.no_energy": "Choose at least one kind of car (petrol, diesel, hybrid, new-energy).",
    "product.no_grade": "Accept at least one risk grade.",
    "product.rate_outside": (
        "The rate {rate}% for grade {grade} is outside the APR range {lo}-{hi}%."
    ),
    "product.likelihood_order": (
        "Grade {grade}: the lower approval likelihood ({lo}%) is above the higher ({hi}%)."
    ),
    "product.likelihood_range": (
        "Grade {grade}: an approval likelihood is a percentage from 0 to 100."
    ),
    "product.step_needed": (
        "Give the step: how much the payment rises (more than 0%) and how often."
    ),
    "product.balloon_needed": "Give the largest balloon (more than 0% of the loan).",
    "subsidy.by_missing": "Enter who pays the subsidy, in English (e.g. FAW-Volkswagen).",
    "subsidy.by_zh_missing": "Enter who pays the subsidy, in Chinese (e.g. 一汽-大众).",
    "subsidy.lender_below": (
        "The lender's rate ({lender}%) is below the customer's rate of {rate}% (grade "
        "{grade}): a subsidy pays the lender the difference, so the customer's rate must be "
        "below the lender's."
    ),
    "subsidy.nothing": (
        "The lender's rate is the customer's rate for every grade: there is nothing to "
        "subsidise. Raise the lender's rate or untick the subsidy."
    ),
    "credit.step_up": "Step-up repayment is not offered for consumer credit.",
    "credit.fee_missing": "Grade {grade}: enter the monthly fee (% of the loan a month).",
    "credit.fee_outside": (
        "Grade {grade}: the monthly fee {fee}% is outside the fee range {lo}-{hi}%."
    ),
    "promotion.discount_needed": "Give the rate discount (more than 0%).",
    "promotion.too_long": (
        "The promotion lasts {periods} months, longer than the longest term ({term} months)."
    ),
    "card.no_fee": "Give at least one term with its fee.",
    "card.months_order": "List each term once, from the shortest to the longest.",
    "card.apr_above_cap": (
        "The {months}-month fee of {fee}% comes to a true APR of {apr}%, above the {cap}% the "
        "store refuses (Store settings)."
    ),
    "lender.name_missing": "Enter the lender's name in English.",
    "lender.name_zh_missing": "Enter the lender's name in Chinese.",
    "lender.name_taken": "Another lender of the store is already called '{name}'.",
    "lender.phone": (
        "A service phone is digits, spaces, - and + only (e.g. 95588 or 400-820-8888)."
    ),
}

BOUNDS: dict[str, tuple[Decimal, Decimal]] = {
    "max_financing_ratio_percent": (Decimal(1), Decimal(100)),
    "apr_min_percent": (Decimal(0), Decimal(100)),
    "apr_max_percent": (Decimal(0), Decimal(100)),
    "approval_days_min": (Decimal(0), Decimal(365)),
    "approval_days_max": (Decimal(0), Decimal(365)),
    "max_vehicle_age_years": (Decimal("0.1"), Decimal(50)),
    "max_mileage_km": (Decimal(1), Decimal(10_000_000)),
    "balloon_min_percent": (Decimal(0), Decimal(99)),
    "balloon_max_percent": (Decimal(0), Decimal(99)),
    "fees.upfront_fee": (Decimal(0), MAX_AMOUNT),
    "fees.upfront_fee_percent": (Decimal(0), Decimal(50)),
    "fees.monthly_fee_rate_percent": (Decimal(0), Decimal(10)),
    "fees.early_repayment_fee_percent": (Decimal(0), Decimal(50)),
    "fees.overdue_penalty_percent_per_day": (Decimal(0), Decimal(10)),
    "step_up.step_percent": (Decimal(0), Decimal(100)),
    "step_up.step_months": (Decimal(1), Decimal(MAX_TERM_MONTHS)),
    "subsidy.lender_rate": (Decimal(0), Decimal(100)),
    "line_min": (Decimal(1), MAX_AMOUNT),
    "line_max": (Decimal(1), MAX_AMOUNT),
    "monthly_fee_rate_min_percent": (Decimal(0), Decimal(10)),
    "monthly_fee_rate_max_percent": (Decimal(0), Decimal(10)),
    "early_repayment_fee_min_percent": (Decimal(0), Decimal(50)),
    "early_repayment_fee_max_percent": (Decimal(0), Decimal(50)),
    "overdue_penalty_min_percent_per_day": (Decimal(0), Decimal(10)),
    "overdue_penalty_max_percent_per_day": (Decimal(0), Decimal(10)),
    "first_loan_promotion.periods": (Decimal(1), Decimal(MAX_TERM_MONTHS)),
    "first_loan_promotion.rate_discount_percent": (Decimal(0), Decimal(100)),
    "card.months": (Decimal(1), Decimal(60)),
    "card.fee_percent": (Decimal(0), Decimal(100)),
    "monthly_fee": (Decimal(0), Decimal(10)),
    "rate": (Decimal(0), Decimal(100)),
    "likelihood": (Decimal(0), Decimal(100)),
    "term_band": (Decimal(1), Decimal(MAX_TERM_MONTHS)),
    "down_band": (Decimal(0), Decimal(99)),
}
"""Each number's range: the editor reads the field with it (:func:`lending.parse.number`)
and :func:`product_reasons` checks it again."""

WHOLE = frozenset(
    {
        "approval_days_min",
        "approval_days_max",
        "max_mileage_km",
        "step_up.step_months",
        "term_band",
        "first_loan_promotion.periods",
        "card.months",
    }
)
"""The fields of :data:`BOUNDS` that take whole numbers."""

AnyProduct = Product | ConsumerCreditProduct | CardInstalment
"""The three kinds of product of the catalogue."""

MAX_NAME = 200
MAX_PHONE = 40
MAX_CHANNEL = 200
MAX_PAYOUT = 500
_PHONE = re.compile(r"^[0-9 +\-()]*[0-9][0-9 +\-()]*$")


def _r(code: str, /, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


def _n(value: Decimal | int) -> str:
    return f"{Decimal(value).normalize():,f}"


def read_number(key: str, text: str) -> Decimal | int:
    """What the editor typed into field ``key`` (:data:`BOUNDS`), or :class:`ParseError`."""
    lo, hi = BOUNDS[key]
    if key in WHOLE:
        return parse.whole(text, lo=int(lo), hi=int(hi))
    if key in ("fees.upfront_fee", "line_min", "line_max"):
        return parse.amount(text, lo=lo)
    return parse.number(text, lo=lo, hi=hi)


class _Found:
    """The first reason of each field, in the order found."""

    def __init__(self) -> None:
        self.reasons: dict[str, Reason] = {}

    def add(self, key: str, reason: Reason) -> None:
        self.reasons.setdefault(key, reason)

    def bounded(self, key: str, value: Decimal | int) -> bool:
        lo, hi = BOUNDS[key]
        if lo <= value <= hi:
            return True
        self.add(
            key,
            Reason.of(parse.MESSAGES, "parse.out_of_range", value=_n(value), lo=_n(lo), hi=_n(hi)),
        )
        return False

    def ordered(self, lo_key: str, lo: Decimal | int, hi_key: str, hi: Decimal | int) -> None:
        both = [self.bounded(lo_key, lo), self.bounded(hi_key, hi)]  # a reason for each
        if all(both) and lo > hi:
            self.add(lo_key, _r("product.min_above_max", lo=_n(lo), hi=_n(hi)))

    def text(self, key: str, value: str, missing: str, limit: int) -> None:
        if not value.strip():
            self.add(key, _r(missing))
            return
        try:
            parse.label(value, max_chars=limit)
        except parse.ParseError as exc:
            self.add(key, exc.reason)


def product_reasons(
    p: Product, settings: LendingSettings, lenders: Iterable[str]
) -> dict[str, Reason]:
    """Every field of ``p`` that cannot be saved, with its first reason (empty: fine).

    ``lenders``: the English names of the store's active lenders."""
    f = _Found()
    _names(f, p, lenders)
    f.bounded("max_financing_ratio_percent", p.max_financing_ratio_percent)
    f.ordered("apr_min_percent", p.apr_min_percent, "apr_max_percent", p.apr_max_percent)
    cap = settings.apr_hard_cap_percent
    if p.apr_max_percent > cap and "apr_max_percent" not in f.reasons:
        f.add("apr_max_percent", _r("product.apr_above_cap", cap=_n(cap)))
    f.ordered("approval_days_min", p.approval_days_min, "approval_days_max", p.approval_days_max)
    if not p.methods:
        f.add("methods", _r("product.no_method"))
    _terms(f, p)
    f.bounded("max_vehicle_age_years", p.max_vehicle_age_years)
    f.bounded("max_mileage_km", p.max_mileage_km)
    if not p.vehicle_kinds:
        f.add("vehicle_kinds", _r("product.no_vehicle_kind"))
    if not p.energies:
        f.add("energies", _r("product.no_energy"))
    _grades(f, p)
    if p.grades and "apr_min_percent" not in f.reasons and "apr_max_percent" not in f.reasons:
        for reason in rate_sheet_reasons(p):
            f.add("rate_sheet", reason)
    for key in (
        "upfront_fee",
        "upfront_fee_percent",
        "monthly_fee_rate_percent",
        "early_repayment_fee_percent",
        "overdue_penalty_percent_per_day",
    ):
        f.bounded(f"fees.{key}", getattr(p.fees, key))
    if RepaymentMethod.STEP_UP in p.methods:
        if p.step_up is None or p.step_up.step_percent <= 0:
            f.add("step_up.step_percent", _r("product.step_needed"))
        else:
            f.bounded("step_up.step_percent", p.step_up.step_percent)
            f.bounded("step_up.step_months", p.step_up.step_months)
    if RepaymentMethod.BALLOON in p.methods:
        f.ordered(
            "balloon_min_percent",
            p.balloon_min_percent,
            "balloon_max_percent",
            p.balloon_max_percent,
        )
        if p.balloon_max_percent <= 0:
            f.add("balloon_max_percent", _r("product.balloon_needed"))
    if p.subsidy is not None:
        _subsidy(f, p)
    return f.reasons


def _names(f: _Found, p: AnyProduct, lenders: Iterable[str]) -> None:
    """The names in both languages and the lenders (the store's active ones)."""
    f.text("name", p.name, "product.name_missing", MAX_NAME)
    f.text("name_zh", p.name_zh, "product.name_zh_missing", MAX_NAME)
    active = set(lenders)
    if not p.example_lenders:
        f.add("example_lenders", _r("product.no_lender"))
    for name in p.example_lenders:
        if name not in active:
            f.add("example_lenders", _r("product.lender_unknown", name=name))


def customer_rates(p: Product) -> dict[Grade, Decimal]:
    """The highest nominal rate a customer of each accepted grade can pay (the sheet's
    cells for a grade it prices, else the grade's one rate)."""
    out: dict[Grade, Decimal] = {}
    for g in p.grades:
        cells = [c.annual_rate for c in p.rate_sheet if c.grade is g.grade]
        out[g.grade] = max(cells) if cells else g.annual_rate
    return out


def _subsidy(f: _Found, p: Product) -> None:
    """贴息: who pays, in both languages; the lender earns more than the customer pays."""
    s = p.subsidy
    assert s is not None
    f.text("subsidy.by", s.by, "subsidy.by_missing", MAX_NAME)
    f.text("subsidy.by_zh", s.by_zh, "subsidy.by_zh_missing", MAX_NAME)
    if not f.bounded("subsidy.lender_rate", s.lender_rate):
        return
    rates = customer_rates(p)
    for grade, rate in rates.items():
        if s.lender_rate < rate:
            f.add(
                "subsidy.lender_rate",
                _r(
                    "subsidy.lender_below",
                    lender=_n(s.lender_rate),
                    rate=_n(rate),
                    grade=grade.value,
                ),
            )
    if rates and all(s.lender_rate == r for r in rates.values()):
        f.add("subsidy.lender_rate", _r("subsidy.nothing"))


def consumer_reasons(
    c: ConsumerCreditProduct, settings: LendingSettings, lenders: Iterable[str]
) -> dict[str, Reason]:
    """Every field of the consumer credit line ``c`` that cannot be saved (empty: fine)."""
    f = _Found()
    _names(f, c, lenders)
    f.ordered("line_min", c.line_min, "line_max", c.line_max)
    f.ordered("apr_min_percent", c.apr_min_percent, "apr_max_percent", c.apr_max_percent)
    cap = settings.apr_hard_cap_percent
    if c.apr_max_percent > cap and "apr_max_percent" not in f.reasons:
        f.add("apr_max_percent", _r("product.apr_above_cap", cap=_n(cap)))
    for key in ("monthly_fee_rate", "early_repayment_fee", "overdue_penalty"):
        suffix = "_percent_per_day" if key == "overdue_penalty" else "_percent"
        lo_key, hi_key = f"{key}_min{suffix}", f"{key}_max{suffix}"
        f.ordered(lo_key, getattr(c, lo_key), hi_key, getattr(c, hi_key))
    f.ordered("approval_days_min", c.approval_days_min, "approval_days_max", c.approval_days_max)
    if not c.methods:
        f.add("methods", _r("product.no_method"))
    if RepaymentMethod.STEP_UP in c.methods:
        f.add("methods", _r("credit.step_up"))
    _term_list(f, c.terms)
    if not c.grades:
        f.add("grades", _r("product.no_grade"))
    lo, hi = c.monthly_fee_rate_min_percent, c.monthly_fee_rate_max_percent
    for g in c.grades:
        _likelihood(f, g)
        if not c.apr_min_percent <= g.annual_rate <= c.apr_max_percent:
            f.add(
                "grades",
                _r(
                    "product.rate_outside",
                    rate=_n(g.annual_rate),
                    grade=g.grade.value,
                    lo=_n(c.apr_min_percent),
                    hi=_n(c.apr_max_percent),
                ),
            )
        if g.monthly_fee_rate_percent is None:
            f.add("grades", _r("credit.fee_missing", grade=g.grade.value))
        elif not lo <= g.monthly_fee_rate_percent <= hi:
            f.add(
                "grades",
                _r(
                    "credit.fee_outside",
                    grade=g.grade.value,
                    fee=_n(g.monthly_fee_rate_percent),
                    lo=_n(lo),
                    hi=_n(hi),
                ),
            )
    promo = c.first_loan_promotion
    if promo is not None:
        f.bounded("first_loan_promotion.periods", promo.periods)
        if promo.kind is PromotionKind.RATE_DISCOUNT:
            if promo.rate_discount_percent <= 0:
                f.add("first_loan_promotion.rate_discount_percent", _r("promotion.discount_needed"))
            else:
                f.bounded("first_loan_promotion.rate_discount_percent", promo.rate_discount_percent)
        if c.terms and promo.periods > max(c.terms):
            f.add(
                "first_loan_promotion.periods",
                _r("promotion.too_long", periods=promo.periods, term=max(c.terms)),
            )
    return f.reasons


def card_apr(months: int, fee_percent: Decimal) -> Decimal:
    """The true APR of a card instalment's flat fee (:func:`lending.deal.card_instalment_schedule`
    on 100,000 CNY; the APR hardly depends on the amount)."""
    from lending.deal import card_instalment_schedule

    return card_instalment_schedule(Decimal(100_000), months, fee_percent, date(2026, 1, 1)).apr


def card_reasons(
    c: CardInstalment, settings: LendingSettings, lenders: Iterable[str]
) -> dict[str, Reason]:
    """Every field of the card instalment ``c`` that cannot be saved (empty: fine): its fee
    table has each term once, in order, and no term's true APR above the store's cap."""
    f = _Found()
    _names(f, c, lenders)
    f.bounded("line_max", c.line_max)
    if not c.fees:
        f.add("fees", _r("card.no_fee"))
    months = [fee.months for fee in c.fees]
    if months != sorted(set(months)):
        f.add("fees", _r("card.months_order"))
    cap = settings.apr_hard_cap_percent
    for fee in c.fees:
        if not (BOUNDS["card.months"][0] <= fee.months <= BOUNDS["card.months"][1]):
            f.bounded("card.months", fee.months)
            f.add("fees", f.reasons.pop("card.months"))
            continue
        if not f.bounded("card.fee_percent", fee.fee_percent):
            f.add("fees", f.reasons.pop("card.fee_percent"))
            continue
        apr = card_apr(fee.months, fee.fee_percent)
        if apr > cap:
            f.add(
                "fees",
                _r(
                    "card.apr_above_cap",
                    months=fee.months,
                    fee=_n(fee.fee_percent),
                    apr=f"{apr:.2f}",
                    cap=_n(cap),
                ),
            )
    return f.reasons


def _terms(f: _Found, p: Product) -> None:
    _term_list(f, p.terms)


def _term_list(f: _Found, terms: tuple[int, ...]) -> None:
    if not terms:
        f.add("terms", _r("product.no_term"))
        return
    for t in terms:
        if not 1 <= t <= MAX_TERM_MONTHS:
            f.add(
                "terms",
                Reason.of(parse.MESSAGES, "parse.term_out_of_range", value=t, max=MAX_TERM_MONTHS),
            )
    if list(terms) != sorted(set(terms)):
        f.add("terms", _r("product.terms_order"))


def _likelihood(f: _Found, g: GradeTerms) -> None:
    lo, hi = g.approval_likelihood_min_percent, g.approval_likelihood_max_percent
    if not (0 <= lo <= 100 and 0 <= hi <= 100):
        f.add("grades", _r("product.likelihood_range", grade=g.grade.value))
    elif lo > hi:
        f.add("grades", _r("product.likelihood_order", grade=g.grade.value, lo=_n(lo), hi=_n(hi)))


def _grades(f: _Found, p: Product) -> None:
    if not p.grades:
        f.add("grades", _r("product.no_grade"))
    for g in p.grades:
        _likelihood(f, g)
        priced_by_sheet = any(c.grade is g.grade for c in p.rate_sheet)  # as the parser
        if not priced_by_sheet and not p.apr_min_percent <= g.annual_rate <= p.apr_max_percent:
            f.add(
                "rate_sheet",
                _r(
                    "product.rate_outside",
                    rate=_n(g.annual_rate),
                    grade=g.grade.value,
                    lo=_n(p.apr_min_percent),
                    hi=_n(p.apr_max_percent),
                ),
            )


@dataclass(frozen=True)
class LenderDetails:
    """A lender as the owner enters it (the English name is how products name it)."""

    name: str
    name_zh: str
    service_phone: str = ""
    complaint_channel: str = ""
    payout_rules: str = ""
    """Where the loan is paid out (the dealer's account only) and what the lender needs."""

    def cleaned(self) -> LenderDetails:
        """Blanks collapsed at both ends and inside the one-line fields."""
        return LenderDetails(
            " ".join(self.name.split()),
            " ".join(self.name_zh.split()),
            " ".join(self.service_phone.split()),
            " ".join(self.complaint_channel.split()),
            self.payout_rules.strip(),
        )


def lender_reasons(lender: LenderDetails, others: Iterable[str]) -> dict[str, Reason]:
    """Every field of ``lender`` that cannot be saved (empty: fine).

    ``others``: the English names of the store's other lenders (active or not)."""
    f = _Found()
    f.text("name", lender.name, "lender.name_missing", MAX_NAME)
    if lender.name.strip() and lender.name.strip().casefold() in {
        o.strip().casefold() for o in others
    }:
        f.add("name", _r("lender.name_taken", name=lender.name.strip()))
    f.text("name_zh", lender.name_zh, "lender.name_zh_missing", MAX_NAME)
    phone = lender.service_phone.strip()
    if len(phone) > MAX_PHONE:
        f.add(
            "service_phone",
            Reason.of(
                parse.MESSAGES, "parse.text_too_long", value=parse.shown(phone), max=MAX_PHONE
            ),
        )
    elif phone and not _PHONE.match(phone):
        f.add("service_phone", _r("lender.phone"))
    for key, value, limit in (
        ("complaint_channel", lender.complaint_channel, MAX_CHANNEL),
        ("payout_rules", lender.payout_rules, MAX_PAYOUT),
    ):
        if len(value.strip()) > limit:
            f.add(
                key,
                Reason.of(
                    parse.MESSAGES,
                    "parse.text_too_long",
                    value=parse.shown(value.strip()),
                    max=limit,
                ),
            )
    return f.reasons
