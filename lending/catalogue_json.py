"""The product catalogue as JSON: validated parsing and JSON-ready writing.

:func:`parse_catalogue` turns decoded catalogue JSON (``resources/catalogue.json``
or the owner's edits) into a :class:`lending.product_types.Catalogue`, raising
:class:`CatalogueError` with every problem and its path, each a translatable
Reason (the reader and the refusals: :mod:`lending.catalogue_problems`);
:func:`catalogue_to_data` turns a catalogue back into data it reads again.
JSON keys are exactly the dataclass field names; Decimals may be strings
(preferred: ``"4.50"``) or numbers; percentages are percent.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from lending.catalogue_problems import CatalogueError as CatalogueError  # re-exported
from lending.catalogue_problems import ObjectReader as _Obj
from lending.catalogue_problems import catalogue_problem
from lending.onroad import Energy, VehicleKind
from lending.product_types import (
    CATALOGUE_FORMAT_VERSION,
    CardFee,
    CardInstalment,
    Catalogue,
    ConsumerCreditProduct,
    Fees,
    FirstLoanPromotion,
    GradeTerms,
    Product,
    PromotionKind,
    RateCell,
    StepUp,
    Strictness,
    Subsidy,
    rate_sheet_reasons,
)
from lending.qualification import Grade
from lending.reasons import Reason
from lending.schedule import MAX_TERM_MONTHS, RepaymentMethod

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
T = TypeVar("T")
E = TypeVar("E", bound=Enum)


def _grade_terms(o: _Obj) -> GradeTerms | None:
    grade = o.enum("grade", Grade)
    rate = o.dec("annual_rate", hi=100)
    lmin = o.dec("approval_likelihood_min_percent", hi=100)
    lmax = o.dec("approval_likelihood_max_percent", hi=100)
    fee = o.dec("monthly_fee_rate_percent", hi=100, default=None)
    if o.clean and lmin > lmax:
        o.problem(
            "catalogue.above_plain",
            lo_field="approval_likelihood_min_percent",
            hi_field="approval_likelihood_max_percent",
        )
    if grade is None:
        return None
    return GradeTerms(grade, rate, lmin, lmax, fee)


def _rate_cell(o: _Obj) -> RateCell | None:
    grade = o.enum("grade", Grade)
    cell = RateCell(
        grade=grade or Grade.A,
        term_max_months=o.int_("term_max_months", lo=1, hi=MAX_TERM_MONTHS),
        down_payment_min_percent=o.dec("down_payment_min_percent", hi=99),
        annual_rate=o.dec("annual_rate", hi=100),
    )
    return cell if grade is not None else None


def _fees(o: _Obj) -> Fees:
    return Fees(
        upfront_fee=o.dec("upfront_fee", default=0),
        upfront_fee_percent=o.dec("upfront_fee_percent", hi=50, default=0),
        monthly_fee_rate_percent=o.dec("monthly_fee_rate_percent", hi=10, default=0),
        early_repayment_fee_percent=o.dec("early_repayment_fee_percent", hi=50, default=0),
        overdue_penalty_percent_per_day=o.dec("overdue_penalty_percent_per_day", hi=10, default=0),
    )


def _step_up(o: _Obj) -> StepUp:
    return StepUp(
        o.dec("step_percent", hi=100), o.int_("step_months", lo=1, hi=MAX_TERM_MONTHS, default=12)
    )


def _subsidy(o: _Obj) -> Subsidy:
    by_zh = o._raw("by_zh", "")
    if not isinstance(by_zh, str):
        o.problem("catalogue.text", "by_zh", value=repr(by_zh))
        by_zh = ""
    return Subsidy(lender_rate=o.dec("lender_rate", hi=100), by=o.str_("by"), by_zh=by_zh.strip())


def _check_grades(
    o: _Obj,
    grades: tuple[GradeTerms, ...],
    apr_min: Decimal,
    apr_max: Decimal,
    fee_range: tuple[Decimal, Decimal] | None = None,
    priced_by_sheet: frozenset[Grade] = frozenset(),
) -> None:
    """``priced_by_sheet``: grades the rate sheet prices (their own rate is not used, the
    sheet's cells are checked by :func:`rate_sheet_reasons`)."""
    seen: set[Grade] = set()
    for g in grades:
        if g.grade in seen:
            o.problem("catalogue.grade_twice", "grades", grade=g.grade.value)
        seen.add(g.grade)
        if g.grade not in priced_by_sheet and not apr_min <= g.annual_rate <= apr_max:
            o.problem(
                "catalogue.rate",
                "grades",
                rate=g.annual_rate,
                grade=g.grade.value,
                lo=apr_min,
                hi=apr_max,
            )
        if fee_range is not None:
            lo, hi = fee_range
            if g.monthly_fee_rate_percent is None:
                o.problem("catalogue.fee_needed", "grades", grade=g.grade.value)
            elif not lo <= g.monthly_fee_rate_percent <= hi:
                o.problem(
                    "catalogue.fee_outside",
                    "grades",
                    fee=g.monthly_fee_rate_percent,
                    grade=g.grade.value,
                    lo=lo,
                    hi=hi,
                )


def _ordered(o: _Obj, lo_key: str, lo: Decimal | int, hi_key: str, hi: Decimal | int) -> None:
    if lo > hi:
        o.problem("catalogue.above", lo_field=lo_key, lo=lo, hi_field=hi_key, hi=hi)


def _kinds(o: _Obj, key: str, kind: type[E]) -> tuple[E, ...]:
    """A non-empty list of codes of ``kind`` without repeats; all of them when absent."""
    if key not in o.data:
        o.read.add(key)
        return tuple(kind)
    return o.codes(key, kind)


def _product(o: _Obj) -> Product | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem("catalogue.code", "code", value=repr(code))
    p = Product(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        max_financing_ratio_percent=o.dec("max_financing_ratio_percent", lo=1, hi=100),
        apr_min_percent=o.dec("apr_min_percent", hi=100),
        apr_max_percent=o.dec("apr_max_percent", hi=100),
        approval_days_min=o.int_("approval_days_min", hi=365),
        approval_days_max=o.int_("approval_days_max", hi=365),
        methods=o.methods("methods"),
        term_min_months=o.int_("term_min_months", lo=1, hi=MAX_TERM_MONTHS),
        term_max_months=o.int_("term_max_months", lo=1, hi=MAX_TERM_MONTHS),
        terms=o.term_list("terms"),
        strictness=o.enum("strictness", Strictness) or Strictness.MEDIUM,
        max_vehicle_age_years=o.dec("max_vehicle_age_years", lo=Decimal("0.1"), hi=50),
        max_mileage_km=o.int_("max_mileage_km", lo=1),
        grades=o.objects("grades", _grade_terms),
        fees=o.optional_object("fees", _fees) or Fees(),
        step_up=o.optional_object("step_up", _step_up),
        requires_full_insurance=o.bool_("requires_full_insurance", default=False),
        online_small_loan=o.bool_("online_small_loan", default=False),
        rate_sheet=o.objects("rate_sheet", _rate_cell, non_empty=False)
        if "rate_sheet" in o.data
        else (),
        balloon_min_percent=o.dec("balloon_min_percent", hi=99, default=0),
        vehicle_kinds=_kinds(o, "vehicle_kinds", VehicleKind),
        energies=_kinds(o, "energies", Energy),
        active=o.bool_("active", default=True),
        balloon_max_percent=o.dec("balloon_max_percent", hi=99, default=0),
        subsidy=o.optional_object("subsidy", _subsidy),
        finance_add_ons=o.bool_("finance_add_ons", default=False),
    )
    if not o.clean:
        return None
    _ordered(o, "apr_min_percent", p.apr_min_percent, "apr_max_percent", p.apr_max_percent)
    _ordered(o, "approval_days_min", p.approval_days_min, "approval_days_max", p.approval_days_max)
    _ordered(o, "term_min_months", p.term_min_months, "term_max_months", p.term_max_months)
    outside = [t for t in p.terms if not p.term_min_months <= t <= p.term_max_months]
    if outside:
        o.problem(
            "catalogue.terms_outside",
            "terms",
            terms=", ".join(map(str, outside)),
            lo=p.term_min_months,
            hi=p.term_max_months,
        )
    _check_grades(
        o,
        p.grades,
        p.apr_min_percent,
        p.apr_max_percent,
        priced_by_sheet=frozenset(c.grade for c in p.rate_sheet),
    )
    for reason in rate_sheet_reasons(p):
        o.problem_reason(reason, "rate_sheet")
    _ordered(
        o,
        "balloon_min_percent",
        p.balloon_min_percent,
        "balloon_max_percent",
        p.balloon_max_percent,
    )
    if RepaymentMethod.STEP_UP in p.methods and p.step_up is None:
        o.problem("catalogue.step_up_needed", "step_up")
    if p.step_up is not None and RepaymentMethod.STEP_UP not in p.methods:
        o.problem("catalogue.method_not_allowed", "step_up", method="step_up")
    if p.balloon_max_percent > 0 and RepaymentMethod.BALLOON not in p.methods:
        o.problem("catalogue.method_not_allowed", "balloon_max_percent", method="balloon")
    if p.subsidy is not None:
        below = [g.grade.value for g in p.grades if p.subsidy.lender_rate < g.annual_rate]
        if below:
            o.problem(
                "catalogue.lender_rate_below",
                "subsidy",
                rate=p.subsidy.lender_rate,
                grades="/".join(below),
            )
    return p if o.clean else None


def _promotion(o: _Obj) -> FirstLoanPromotion | None:
    kind = o.enum("kind", PromotionKind)
    promo = FirstLoanPromotion(
        kind=kind or PromotionKind.FEE_WAIVER,
        periods=o.int_("periods", lo=1, hi=MAX_TERM_MONTHS, default=3),
        rate_discount_percent=o.dec("rate_discount_percent", hi=100, default=0),
    )
    if o.clean and promo.kind is PromotionKind.RATE_DISCOUNT and promo.rate_discount_percent <= 0:
        o.problem("catalogue.discount", "rate_discount_percent")
    return promo if kind is not None else None


def _consumer(o: _Obj) -> ConsumerCreditProduct | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem("catalogue.code", "code", value=repr(code))
    c = ConsumerCreditProduct(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        line_min=o.dec("line_min", lo=1),
        line_max=o.dec("line_max", lo=1),
        apr_min_percent=o.dec("apr_min_percent", hi=100),
        apr_max_percent=o.dec("apr_max_percent", hi=100),
        monthly_fee_rate_min_percent=o.dec("monthly_fee_rate_min_percent", hi=10),
        monthly_fee_rate_max_percent=o.dec("monthly_fee_rate_max_percent", hi=10),
        early_repayment_fee_min_percent=o.dec("early_repayment_fee_min_percent", hi=50),
        early_repayment_fee_max_percent=o.dec("early_repayment_fee_max_percent", hi=50),
        overdue_penalty_min_percent_per_day=o.dec("overdue_penalty_min_percent_per_day", hi=10),
        overdue_penalty_max_percent_per_day=o.dec("overdue_penalty_max_percent_per_day", hi=10),
        approval_days_min=o.int_("approval_days_min", hi=365),
        approval_days_max=o.int_("approval_days_max", hi=365),
        methods=o.methods("methods"),
        terms=o.term_list("terms"),
        grades=o.objects("grades", _grade_terms),
        first_loan_promotion=o.optional_object("first_loan_promotion", _promotion),
        online_small_loan=o.bool_("online_small_loan", default=False),
        active=o.bool_("active", default=True),
    )
    if not o.clean:
        return None
    for lo_key in (
        "line_min",
        "apr_min_percent",
        "monthly_fee_rate_min_percent",
        "early_repayment_fee_min_percent",
        "overdue_penalty_min_percent_per_day",
        "approval_days_min",
    ):
        hi_key = lo_key.replace("_min", "_max")
        _ordered(o, lo_key, getattr(c, lo_key), hi_key, getattr(c, hi_key))
    _check_grades(
        o,
        c.grades,
        c.apr_min_percent,
        c.apr_max_percent,
        (c.monthly_fee_rate_min_percent, c.monthly_fee_rate_max_percent),
    )
    if RepaymentMethod.STEP_UP in c.methods:
        o.problem("catalogue.no_step_up", "methods")
    return c if o.clean else None


def _card_fee(o: _Obj) -> CardFee:
    return CardFee(o.int_("months", lo=1, hi=60), o.dec("fee_percent", hi=100))


def _card(o: _Obj) -> CardInstalment | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem("catalogue.code", "code", value=repr(code))
    c = CardInstalment(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        line_max=o.dec("line_max", lo=1),
        fees=o.objects("fees", _card_fee),
        active=o.bool_("active", default=True),
    )
    months = list(c.terms)
    if o.clean and months != sorted(set(months)):
        o.problem("catalogue.order_fees", "fees")
    return c if o.clean else None


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    """Validate decoded catalogue JSON; raise :class:`CatalogueError` listing every problem."""
    problems: list[tuple[str, Reason]] = []
    top = _Obj(data, "", problems)
    version = top.int_("version", lo=1, hi=CATALOGUE_FORMAT_VERSION)
    products = top.objects("products", _product)
    consumer = (
        top.objects("consumer_credit", _consumer, non_empty=False)
        if "consumer_credit" in top.data
        else ()
    )
    top.read.add("consumer_credit")
    cards = (
        top.objects("card_instalments", _card, non_empty=False)
        if "card_instalments" in top.data
        else ()
    )
    top.read.add("card_instalments")
    # Display names of lenders and add-ons (Chinese and English, a lender's service
    # phone): read by the documents through resources.catalogue_names, no rule here.
    top.read.update(("lenders", "add_ons"))
    top.finish()
    seen: set[str] = set()
    for code in [p.code for p in products] + [c.code for c in consumer] + [c.code for c in cards]:
        if code in seen:
            problems.append(
                ("products", catalogue_problem("catalogue.code_twice", value=repr(code)))
            )
        seen.add(code)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(
        version=version, products=products, consumer_credit=consumer, card_instalments=cards
    )


# --- writing ----------------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def catalogue_to_data(catalogue: Catalogue) -> dict[str, Any]:
    """JSON-ready data (Decimals as strings) that :func:`parse_catalogue` reads back."""
    data = _plain(catalogue)
    assert isinstance(data, dict)
    return data
