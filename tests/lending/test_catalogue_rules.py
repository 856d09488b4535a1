"""The editor's checks (lending.catalogue_rules) against the catalogue's own parser: a
product the editor lets through is one the catalogue stores and reads back unchanged."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lending.catalogue_rules import (
    BOUNDS,
    LenderDetails,
    card_apr,
    card_reasons,
    consumer_reasons,
    lender_reasons,
    product_reasons,
)
from lending.deal import card_instalment_schedule
from lending.onroad import Energy, VehicleKind
from lending.products import (
    CardFee,
    CardInstalment,
    Catalogue,
    Fees,
    FirstLoanPromotion,
    GradeTerms,
    PromotionKind,
    RateCell,
    StepUp,
    Subsidy,
    catalogue_to_data,
    parse_catalogue,
)
from lending.qualification import Grade
from lending.schedule import RepaymentMethod
from lending.settings import DEFAULT_SETTINGS
from tests.catalogue_sample import LENDER, PRODUCT

D = Decimal
LENDERS = [LENDER.name]


def dec(lo: float | int, hi: float | int, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=D(str(lo)), max_value=D(str(hi)), places=places)


@st.composite
def products(draw):
    """Products whose every field is sound most of the time, now and then one is not
    (so that both what passes and what is refused are tried)."""

    def maybe(good: st.SearchStrategy, bad: st.SearchStrategy):
        return draw(bad) if draw(st.integers(0, 24)) == 0 else draw(good)

    apr_lo = maybe(dec(0, 10), dec(-5, 120))
    apr_hi = maybe(dec(max(apr_lo, 0), max(min(apr_lo + 8, 24), apr_lo)), dec(-5, 120))
    days_lo = maybe(st.integers(0, 30), st.integers(-2, 400))
    methods = tuple(
        maybe(
            st.lists(st.sampled_from(list(RepaymentMethod)), unique=True, min_size=1, max_size=3),
            st.just([]),
        )
    )
    terms = maybe(
        st.lists(st.integers(1, 120), unique=True, min_size=1, max_size=5).map(sorted),
        st.lists(st.integers(-1, 500), max_size=5),
    )
    grades = maybe(
        st.lists(st.sampled_from(list(Grade)), unique=True, min_size=1, max_size=3), st.just([])
    )
    rate = dec(apr_lo, max(apr_lo, apr_hi)) if apr_lo <= apr_hi else dec(0, 24)
    grade_terms = []
    for g in grades:
        lo = maybe(dec(0, 100), dec(-5, 120))
        hi = maybe(dec(min(max(lo, 0), 100), 100), dec(-5, 120))
        grade_terms.append(GradeTerms(g, maybe(rate, dec(0, 100)), lo, hi))
    sheet: tuple[RateCell, ...] = ()
    if draw(st.booleans()):
        longest = max(*terms, 1) if terms else 12
        bands = sorted({longest, *draw(st.lists(st.integers(1, longest), max_size=2))})
        downs = sorted({D(0), *draw(st.lists(dec(1, 95, 0), max_size=2))})
        sheet = tuple(
            RateCell(g, t, d, maybe(rate, dec(0, 100)))
            for g in grades
            for t in bands
            for d in downs
        )
        if sheet and draw(st.integers(0, 24)) == 0:
            sheet = sheet[1:]  # a cell missing
    balloon = RepaymentMethod.BALLOON in methods
    b_lo = maybe(dec(0, 30), dec(-5, 120)) if balloon else D(0)
    b_hi = maybe(dec(min(max(b_lo, D("0.01")), 99), 99), dec(-5, 120)) if balloon else D(0)
    return dataclasses.replace(
        PRODUCT,
        code="loan_a",
        name=maybe(st.just("Loan A"), st.sampled_from(["", " "])),
        name_zh=maybe(st.just("贷款甲"), st.just("")),
        example_lenders=maybe(st.just((LENDER.name,)), st.sampled_from([(), ("Other",)])),
        max_financing_ratio_percent=maybe(dec(1, 100), dec(-5, 120)),
        apr_min_percent=apr_lo,
        apr_max_percent=apr_hi,
        approval_days_min=days_lo,
        approval_days_max=maybe(
            st.integers(max(days_lo, 0), 365) if days_lo <= 365 else st.integers(0, 365),
            st.integers(-2, 400),
        ),
        methods=methods,
        terms=tuple(terms),
        term_min_months=min(terms, default=12),
        term_max_months=max(terms, default=12),
        max_vehicle_age_years=maybe(dec("0.1", 50, 1), dec(0, 60, 1)),
        max_mileage_km=maybe(st.integers(1, 1_000_000), st.integers(-1, 20_000_000)),
        vehicle_kinds=tuple(
            maybe(
                st.lists(st.sampled_from(list(VehicleKind)), unique=True, min_size=1, max_size=2),
                st.just([]),
            )
        ),
        energies=tuple(
            maybe(
                st.lists(st.sampled_from(list(Energy)), unique=True, min_size=1, max_size=4),
                st.just([]),
            )
        ),
        grades=tuple(grade_terms),
        rate_sheet=sheet,
        fees=Fees(
            maybe(dec(0, 5000), dec(-1, 5000)),
            maybe(dec(0, 50), dec(-5, 120)),
            maybe(dec(0, 10), dec(-5, 120)),
            maybe(dec(0, 50), dec(-5, 120)),
            maybe(dec(0, 10), dec(-5, 120)),
        ),
        step_up=StepUp(
            maybe(dec("0.01", 100), dec(-5, 120)), maybe(st.integers(1, 480), st.integers(-2, 600))
        )
        if RepaymentMethod.STEP_UP in methods
        else None,
        balloon_min_percent=b_lo,
        balloon_max_percent=b_hi,
    )


@settings(max_examples=300, deadline=None)
@given(product=products())
def test_what_the_editor_lets_through_the_catalogue_stores(product) -> None:
    reasons = product_reasons(product, DEFAULT_SETTINGS, LENDERS)
    if reasons:
        assert set(reasons) <= set(BOUNDS) | {
            "name",
            "name_zh",
            "example_lenders",
            "methods",
            "terms",
            "vehicle_kinds",
            "energies",
            "grades",
            "rate_sheet",
        }
        return
    data = catalogue_to_data(Catalogue(1, (product,)))
    assert parse_catalogue(data).products == (product,)


def test_the_sample_passes_and_each_broken_field_is_named() -> None:
    assert product_reasons(PRODUCT, DEFAULT_SETTINGS, LENDERS) == {}
    broken = dataclasses.replace(
        PRODUCT,
        max_financing_ratio_percent=D(0),
        approval_days_min=9,
        approval_days_max=3,
        vehicle_kinds=(),
        energies=(),
        terms=(36, 24),
    )
    assert {k: r.code for k, r in product_reasons(broken, DEFAULT_SETTINGS, LENDERS).items()} == {
        "max_financing_ratio_percent": "parse.out_of_range",
        "approval_days_min": "product.min_above_max",
        "terms": "product.terms_order",
        "vehicle_kinds": "product.no_vehicle_kind",
        "energies": "product.no_energy",
    }


@given(phone=st.text(max_size=45))
def test_a_service_phone_is_digits_and_separators(phone) -> None:
    reasons = lender_reasons(dataclasses.replace(LENDER, service_phone=phone), [])
    cleaned = phone.strip()
    fine = not cleaned or (
        len(cleaned) <= 40
        and any(c in "0123456789" for c in cleaned)
        and all(c in "0123456789 +-()" for c in cleaned)
    )
    assert ("service_phone" not in reasons) is fine


def test_lender_names() -> None:
    assert lender_reasons(LENDER, ["Other bank"]) == {}
    assert lender_reasons(LenderDetails(" ", "海港"), [])["name"].code == "lender.name_missing"
    assert (
        lender_reasons(dataclasses.replace(LENDER, name="harbour city BANK"), [LENDER.name])[
            "name"
        ].code
        == "lender.name_taken"
    )


# --- the subsidy, consumer credit and card instalments -----------------------------------


SAMPLE = dataclasses.replace(PRODUCT, code="sample")


def _stored(catalogue: Catalogue) -> Catalogue:
    return parse_catalogue(catalogue_to_data(catalogue))


@settings(max_examples=150, deadline=None)
@given(
    lender=dec(0, 12),
    by=st.sampled_from(["", "FAW-Volkswagen"]),
    by_zh=st.sampled_from(["", "一汽-大众"]),
)
def test_a_subsidy_the_editor_lets_through_is_stored(lender, by, by_zh) -> None:
    product = dataclasses.replace(SAMPLE, subsidy=Subsidy(lender, by, by_zh))
    reasons = product_reasons(product, DEFAULT_SETTINGS, LENDERS)
    highest = max(c.annual_rate for c in PRODUCT.rate_sheet)
    assert ("subsidy.lender_rate" in reasons) == (lender < highest)
    assert ("subsidy.by" in reasons) == (by == "")
    assert ("subsidy.by_zh" in reasons) == (by_zh == "")
    if not reasons:
        assert _stored(Catalogue(1, (product,))).products == (product,)


@settings(max_examples=200, deadline=None)
@given(
    fees=st.lists(st.tuples(st.integers(-1, 70), dec(-2, 110)), max_size=4), line=dec(-1, 10**6, 0)
)
def test_a_card_instalment_the_editor_lets_through_is_stored(fees, line) -> None:
    card = CardInstalment(
        "card", "Card", "卡", tuple(LENDERS), line, tuple(CardFee(m, f) for m, f in fees)
    )
    reasons = card_reasons(card, DEFAULT_SETTINGS, LENDERS)
    if not reasons:
        assert all(
            card_apr(f.months, f.fee_percent) <= DEFAULT_SETTINGS.apr_hard_cap_percent
            for f in card.fees
        )
        assert _stored(Catalogue(1, (SAMPLE,), card_instalments=(card,))).card_instalments == (
            card,
        )
    else:
        assert set(reasons) <= {"fees", "line_max"}


def test_a_card_fee_above_the_cap_is_named_with_its_true_apr() -> None:
    card = CardInstalment(
        "card", "Card", "卡", tuple(LENDERS), D(100000), (CardFee(12, D(4)), CardFee(24, D(40)))
    )
    reason = card_reasons(card, DEFAULT_SETTINGS, LENDERS)["fees"]
    apr = card_instalment_schedule(D(100000), 24, D(40), date(2026, 1, 1)).apr
    assert reason.code == "card.apr_above_cap" and dict(reason.params)["apr"] == f"{apr:.2f}"
    assert apr > DEFAULT_SETTINGS.apr_hard_cap_percent


@settings(max_examples=200, deadline=None)
@given(
    rate=dec(0, 30),
    fee=st.one_of(st.none(), dec(0, 1)),
    periods=st.integers(0, 40),
    discount=dec(0, 100),
    kind=st.sampled_from(list(PromotionKind)),
    methods=st.lists(st.sampled_from(list(RepaymentMethod)), max_size=2, unique=True),
)
def test_consumer_credit_the_editor_lets_through_is_stored(
    rate, fee, periods, discount, kind, methods
) -> None:
    base = parse_catalogue(_sample_data()).consumer_credit[0]
    credit = dataclasses.replace(
        base,
        methods=tuple(methods),
        grades=(GradeTerms(Grade.A, rate, D(90), D(98), fee),),
        first_loan_promotion=FirstLoanPromotion(kind, periods, discount),
    )
    reasons = consumer_reasons(credit, DEFAULT_SETTINGS, list(base.example_lenders))
    if not reasons:
        assert _stored(Catalogue(1, (SAMPLE,), consumer_credit=(credit,))).consumer_credit == (
            credit,
        )
    if fee is None:
        assert "grades" in reasons
    if periods > max(base.terms):
        assert "first_loan_promotion.periods" in reasons


def _sample_data() -> dict:
    from resources import default_catalogue_data

    return default_catalogue_data()
