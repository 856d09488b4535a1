"""lending.products: the catalogue parsed from resources/catalogue.json and written back, its
rules.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.compliance import find_forbidden_wording
from lending.products import (
    Catalogue,
    CatalogueError,
    PromotionKind,
    Strictness,
    catalogue_to_data,
    parse_catalogue,
)
from lending.qualification import Grade
from lending.schedule import RepaymentMethod

D = Decimal
CATALOGUE_JSON = Path(__file__).resolve().parents[2] / "resources" / "catalogue.json"


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CATALOGUE_JSON.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def catalogue(raw: dict[str, Any]) -> Catalogue:
    return parse_catalogue(raw)


def test_default_catalogue_has_the_four_domain_products(catalogue: Catalogue) -> None:
    table = {
        # code: ratio, apr min, apr max, days, methods, term range, strictness
        "bank_mortgage": (
            "80",
            "4.50",
            "6.00",
            (7, 15),
            {RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL},
            (12, 60),
            Strictness.STRICT,
        ),
        "finance_company": (
            "70",
            "6.00",
            "9.00",
            (1, 3),
            {RepaymentMethod.EQUAL_INSTALLMENT},
            (12, 36),
            Strictness.MEDIUM,
        ),
        "credit_mortgage_mixed": (
            "60",
            "8.00",
            "12.00",
            (0, 0),
            {RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.INTEREST_FIRST},
            (12, 36),
            Strictness.LENIENT,
        ),
        "ultra_low_down_payment": (
            "90",
            "9.00",
            "15.00",
            (2, 5),
            {RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.STEP_UP},
            (12, 60),
            Strictness.MEDIUM,
        ),
        "manufacturer_balloon": (
            "80",
            "0",
            "9",
            (1, 2),
            {RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.BALLOON},
            (12, 48),
            Strictness.MEDIUM,
        ),
    }
    assert [p.code for p in catalogue.products] == list(table)
    for code, (ratio, lo, hi, days, methods, terms, strict) in table.items():
        p = catalogue.product(code)
        assert p.max_financing_ratio_percent == D(ratio)
        assert (p.apr_min_percent, p.apr_max_percent) == (D(lo), D(hi))
        assert (p.approval_days_min, p.approval_days_max) == days
        assert set(p.methods) == methods
        assert (p.term_min_months, p.term_max_months) == terms
        assert p.terms == tuple(t for t in (12, 24, 36, 48, 60) if terms[0] <= t <= terms[1])
        assert p.strictness is strict
        assert p.name and p.name_zh and p.example_lenders
        assert p.max_vehicle_age_years <= 8 and p.max_mileage_km <= 150000
        for g in p.grades:
            assert p.apr_min_percent <= g.annual_rate <= p.apr_max_percent


def test_likelihoods_are_the_grade_terms_of_products_that_offer_the_grade(
    catalogue: Catalogue,
) -> None:
    lines = catalogue.likelihoods(Grade.C)
    assert [(x.product.code, x.min_percent, x.max_percent) for x in lines] == [
        ("credit_mortgage_mixed", D(30), D(50)),
        ("ultra_low_down_payment", D(30), D(50)),
    ]
    assert [x.product.code for x in catalogue.likelihoods(Grade.A)] == [
        p.code for p in catalogue.products
    ]
    assert catalogue.likelihoods(None) == ()
    # the owner's figures, as edited; an inactive product has none
    edited = dataclasses.replace(
        catalogue.product("finance_company"),
        grades=(
            dataclasses.replace(
                catalogue.product("finance_company").grades[1],
                approval_likelihood_min_percent=D(61),
                approval_likelihood_max_percent=D("72.5"),
            ),
        ),
    )
    off = dataclasses.replace(catalogue.product("ultra_low_down_payment"), active=False)
    other = dataclasses.replace(
        catalogue, products=(edited, off, catalogue.product("credit_mortgage_mixed"))
    )
    assert [(x.product.code, x.min_percent, x.max_percent) for x in other.likelihoods(Grade.B)] == [
        ("finance_company", D(61), D("72.5")),
        ("credit_mortgage_mixed", D(70), D(80)),
    ]


def test_grade_likelihoods_follow_domain(catalogue: Catalogue) -> None:
    expected = {Grade.A: (95, 99), Grade.B: (70, 80), Grade.C: (30, 50)}
    for p in catalogue.products:
        for g in p.grades:
            assert (
                g.approval_likelihood_min_percent,
                g.approval_likelihood_max_percent,
            ) == expected[g.grade]
    assert catalogue.product("bank_mortgage").accepted_grades == (Grade.A,)
    assert catalogue.product("ultra_low_down_payment").accepted_grades == (
        Grade.A,
        Grade.B,
        Grade.C,
    )
    ultra = catalogue.product("ultra_low_down_payment")
    rates = [g.annual_rate for g in ultra.grades]
    assert rates == sorted(rates)  # worse grade, higher rate


def test_fees_and_flags(catalogue: Catalogue) -> None:
    bank = catalogue.product("bank_mortgage")
    assert bank.fees.monthly_fee_rate_percent == 0
    assert bank.requires_full_insurance
    ultra = catalogue.product("ultra_low_down_payment")
    assert ultra.step_up is not None and ultra.step_up.step_months == 12
    # 1 % of 100,000 up front
    assert ultra.fees.upfront_fee_for(D(100000)) == D("1000.00")
    assert catalogue.product("finance_company").fees.upfront_fee_for(D(100000)) == D("500.00")
    # 3 % of 50,000 remaining; 0.10 %/day of 3,000 for 10 days = 30.00
    assert ultra.fees.early_repayment_fee_for(D(50000)) == D("1500.00")
    assert ultra.fees.overdue_penalty_for(D(3000), 10) == D("30.00")
    assert catalogue.product("credit_mortgage_mixed").online_small_loan
    assert bank.max_loan(D("123456.78")) == D("98765.42")  # 80 % rounded half up


def test_consumer_credit_family(catalogue: Catalogue) -> None:
    (cc,) = catalogue.consumer_credit
    assert (cc.line_min, cc.line_max) == (D(10000), D(500000))
    assert (cc.apr_min_percent, cc.apr_max_percent) == (D(8), D(24))
    assert (cc.monthly_fee_rate_min_percent, cc.monthly_fee_rate_max_percent) == (
        D("0.30"),
        D("0.80"),
    )
    assert (cc.early_repayment_fee_min_percent, cc.early_repayment_fee_max_percent) == (1, 3)
    assert (cc.overdue_penalty_min_percent_per_day, cc.overdue_penalty_max_percent_per_day) == (
        D("0.05"),
        D("0.10"),
    )
    promo = cc.first_loan_promotion
    assert promo is not None
    assert (promo.kind, promo.periods) == (PromotionKind.FEE_WAIVER, 3)
    g = cc.grade_terms(Grade.B)
    assert g is not None and g.monthly_fee_rate_percent == D("0.50")


def test_catalogue_names_have_no_forbidden_wording(raw: dict[str, Any]) -> None:
    assert find_forbidden_wording(json.dumps(raw, ensure_ascii=False)) == []


def test_round_trip(catalogue: Catalogue) -> None:
    data = catalogue_to_data(catalogue)
    json.dumps(data)  # JSON-ready
    assert parse_catalogue(json.loads(json.dumps(data))) == catalogue


def test_numbers_may_be_json_numbers(raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["products"][0]["apr_max_percent"] = 6.0
    data["products"][0]["max_financing_ratio_percent"] = 80
    p = parse_catalogue(data).products[0]
    assert p.apr_max_percent == D("6.0")
    assert p.max_financing_ratio_percent == D(80)


def _problems(data: dict[str, Any]) -> tuple[str, ...]:
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(data)
    assert str(len(err.value.problems)) in err.value.message
    return err.value.problems


def test_lists_every_problem_with_its_path(raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    bank = data["products"][0]
    del bank["name_zh"]
    bank["methods"] = ["equal_installment", "bullet"]
    bank["max_financing_ratio_percent"] = "eighty"
    bank["colour"] = "blue"
    data["products"][1]["grades"][0]["grade"] = "D"
    problems = _problems(data)
    assert problems == (
        "products[0].name_zh: is missing",
        "products[0].max_financing_ratio_percent: must be a number, got 'eighty'",
        "products[0].methods[1]: must be one of equal_installment, equal_principal, "
        "interest_first, step_up, balloon, got 'bullet'",
        "products[0].colour: is not a known field",
        "products[1].grades[0].grade: must be one of A, B, C, got 'D'",
    )


def test_cross_field_checks(raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    ultra = data["products"][3]
    ultra["step_up"] = None
    ultra["terms"] = [12, 24, 72]
    ultra["grades"][2]["annual_rate"] = "18"
    ultra["apr_min_percent"] = "16"
    data["products"][2]["code"] = "bank_mortgage"
    problems = _problems(data)
    assert problems == (
        "products[3]: apr_min_percent (16) is above apr_max_percent (15.00)",
        "products[3].terms: terms [72] are outside 12-60 months",
        "products[3].grades: rate 9.80% for grade A is outside the APR range 16-15.00%",
        "products[3].grades: rate 12.00% for grade B is outside the APR range 16-15.00%",
        "products[3].grades: rate 18% for grade C is outside the APR range 16-15.00%",
        "products[3].step_up: is required when step_up is an allowed method",
        "products: code 'bank_mortgage' is used twice",
    )


def test_structural_errors() -> None:
    assert _problems({}) == ("version: is missing", "products: is missing")
    assert _problems({"version": 1, "products": "x"}) == ("products: must be a list, got 'x'",)
    assert _problems({"version": 1, "products": [3]}) == (
        "products[0]: must be an object, got int",
    )


def test_consumer_grade_fee_must_be_in_range(raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["consumer_credit"][0]["grades"][0]["monthly_fee_rate_percent"] = "0.9"
    assert _problems(data) == (
        "consumer_credit[0].grades: monthly fee 0.9% for grade A is outside 0.30-0.80%",
    )


@given(
    path=st.sampled_from(
        [
            "apr_min_percent",
            "term_min_months",
            "max_mileage_km",
            "terms",
            "grades",
            "methods",
            "code",
            "requires_full_insurance",
        ]
    ),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 5),
        st.text(max_size=3),
        st.lists(st.integers(-1, 1), max_size=2),
    ),
)
def test_garbage_never_crashes(raw: dict[str, Any], path: str, value: object) -> None:
    data = copy.deepcopy(raw)
    data["products"][0][path] = value
    try:
        parse_catalogue(data)
    except CatalogueError as err:
        assert err.problems


def test_balloon_limit_needs_the_balloon_method(raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    finance = data["products"][1]
    finance["balloon_max_percent"] = "40"
    assert _problems(data) == (
        "products[1].balloon_max_percent: is given but balloon is not an allowed method",
    )
    finance["methods"] = ["equal_installment", "balloon"]
    product = parse_catalogue(data).product(finance["code"])
    assert product.balloon_max_percent == Decimal(40)
    assert parse_catalogue(json.loads(json.dumps(catalogue_to_data(parse_catalogue(data))))) == (
        parse_catalogue(data)
    )


def test_every_refusal_is_a_structured_reason(raw: dict[str, Any]) -> None:
    """Each problem comes with its field's path and a Reason (code, parameters, a
    template the screens translate): nothing downstream reads the English back."""
    from lending.catalogue_problems import MESSAGES, PHRASES

    data = copy.deepcopy(raw)
    product = data["products"][0]
    product["apr_min_percent"] = "-1"
    product["methods"] = ["equal_installment", "nonsense"]
    product["subsidy"] = {"lender_rate": "0.5", "by": "Maker"}
    data["products"].append(copy.deepcopy(data["products"][1]))
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(data)
    found = {(where, r.code): dict(r.params) for where, r in err.value.reasons}
    assert found[("products[0].apr_min_percent", "catalogue.at_least")] == {
        "lo": "0",
        "value": "-1",
    }
    assert found[("products[0].methods[1]", "catalogue.one_of")]["value"] == "'nonsense'"
    code = data["products"][1]["code"]
    assert found[("products", "catalogue.code_twice")] == {"value": repr(code)}
    assert len(err.value.problems) == len(err.value.reasons)
    assert "products[0].apr_min_percent: must be at least 0, got -1" in err.value.problems
    assert set(MESSAGES) == set(PHRASES)
    for _, r in err.value.reasons:
        assert r.template in MESSAGES.values() or not r.code.startswith("catalogue.")
