"""Catalogue shapes of the whole deal: an interest subsidy (贴息), add-ons financed, and the
loan terms a payment-target solver varies (the same as eligibility's)."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lending.deal import subsidy_value
from lending.eligibility import (
    CustomerProfile,
    PlanRequest,
    VehicleProfile,
    evaluate_product,
    loan_terms,
)
from lending.products import CatalogueError, catalogue_to_data, parse_catalogue
from lending.qualification import Grade
from lending.schedule import RepaymentMethod
from tests.deal_product import CODE, SPEC

D = Decimal
CATALOGUE_JSON = Path(__file__).resolve().parents[2] / "resources" / "catalogue.json"
START = date(2026, 12, 1)


def data_with(spec: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(CATALOGUE_JSON.read_text(encoding="utf-8"))
    data["products"].append(copy.deepcopy(spec))
    return data


def test_a_subsidy_and_financed_add_ons_parse_and_write_back() -> None:
    catalogue = parse_catalogue(data_with(SPEC))
    p = catalogue.product(CODE)
    assert p.subsidy is not None and p.subsidy.lender_rate == D("6.5")
    assert (p.subsidy.by, p.subsidy.by_zh) == ("FAW-Volkswagen", "一汽-大众")
    assert p.finance_add_ons and p.balloon_max_percent == D(40)
    assert parse_catalogue(catalogue_to_data(catalogue)) == catalogue
    # the default catalogue's products: only its manufacturer product is subsidised and
    # finances the add-ons (from the car maker, the customer's rate 1.99 % for grade A)
    others = [q for q in catalogue.products if q.code != CODE]
    assert [q.code for q in others if q.subsidy or q.finance_add_ons] == ["manufacturer_balloon"]
    maker = catalogue.product("manufacturer_balloon")
    assert maker.subsidy is not None and maker.subsidy.by_zh == "汽车厂家"


def test_a_lender_rate_below_the_customers_is_refused() -> None:
    spec = dict(SPEC, subsidy={"lender_rate": "2", "by": "X"})  # grade B pays 3.99 %
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(data_with(spec))
    assert any(
        "lender_rate 2% is below the customer's rate of grade B" in p for p in caught.value.problems
    )
    with pytest.raises(CatalogueError):
        parse_catalogue(data_with(dict(SPEC, subsidy={"lender_rate": "7", "by": ""})))


@settings(max_examples=40, deadline=None)
@given(
    amount=st.integers(5000, 300000),
    fee=st.integers(0, 4000),
    balloon=st.integers(0, 40),
    method=st.sampled_from([RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.BALLOON]),
)
def test_loan_terms_are_the_evaluations_own(
    amount: int, fee: int, balloon: int, method: RepaymentMethod
) -> None:
    product = parse_catalogue(data_with(SPEC)).product(CODE)
    request = PlanRequest(
        D(amount) + 10000,
        D(10000),
        36,
        method,
        START,
        balloon_percent=D(balloon),
        extra_upfront_fee=D(fee),
    )
    e = evaluate_product(
        product, CustomerProfile(Grade.A, D(50000)), VehicleProfile(D(400000), D(0), 10), request
    )
    terms = loan_terms(product, Grade.A, request, D(amount))
    assert e.schedule is not None and terms == e.schedule.terms
    assert terms.upfront_fee == product.fees.upfront_fee_for(D(amount)) + fee
    assert loan_terms(product, Grade.C, request, D(amount)) is None  # no rate for grade C
    # the subsidy's value at the lender's rate, and the customer's APR with the fee
    assert subsidy_value(e.schedule, product.subsidy.lender_rate) > 0
    if fee:
        assert e.schedule.apr > terms.annual_rate


@settings(max_examples=30, deadline=None)
@given(balloon=st.integers(1, 60))
def test_a_product_without_the_balloon_says_only_that(balloon: int) -> None:
    """Asked for a balloon, a product that offers none is refused for that one reason:
    no "at most 0 %" of a balloon it never offers, no balloon final-payment note."""
    catalogue = parse_catalogue(data_with(SPEC))
    request = PlanRequest(
        D(150000), D(40000), 36, RepaymentMethod.BALLOON, START, balloon_percent=D(balloon)
    )
    for product in catalogue.products:
        e = evaluate_product(
            product,
            CustomerProfile(Grade.A, D(50000)),
            VehicleProfile(D(150000), D(0), 10),
            request,
        )
        codes = {r.template for r in (*e.reasons, *e.warnings)}
        if RepaymentMethod.BALLOON not in product.methods:
            assert not e.eligible
            assert not any("balloon" in c.lower() for c in codes), (product.code, codes)
        elif balloon > product.balloon_max_percent:
            assert any("at most" in c for c in codes)
