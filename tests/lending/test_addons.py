"""The add-on catalogue's rules: reading with a reason per field, pricing, round trips."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from lending.addons import (
    FIELDS,
    MAX_ADD_ONS,
    AddOn,
    AddOnKind,
    PriceRule,
    add_on_to_data,
    price_for,
    read_add_on,
    read_add_ons,
)
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, DEFAULT_SETTINGS, OnRoadSettings

GOOD: dict[str, Any] = {
    "code": "warranty_2y",
    "kind": "warranty",
    "name": "Extended warranty",
    "name_zh": "延长保修",
    "rule": "fixed",
    "amount": "3800",
    "required_by": [],
    "financeable": True,
    "active": True,
}


def reasons(data: dict[str, Any], **kw: Any) -> dict[str, str]:
    add_on, found = read_add_on(data, **kw)
    assert (add_on is None) == bool(found)
    return {key: r.code for key, r in found}


def test_a_good_add_on_is_read_with_its_price_to_the_fen() -> None:
    add_on, found = read_add_on(GOOD)
    assert found == [] and add_on is not None
    assert add_on.amount == Decimal("3800.00") and str(add_on.amount) == "3800.00"
    assert add_on.plan_kind == "warranty" and add_on.financeable
    assert price_for(add_on, vehicle_price=Decimal(150000)) == Decimal("3800.00")


def test_every_field_has_its_own_reason() -> None:
    bad = {
        "code": "Warranty 2",
        "kind": "toaster",
        "name": "",
        "name_zh": "x" * 101,
        "rule": "fixed",
        "amount": "12.345",
        "required_by": "ICBC",
        "financeable": "yes",
        "colour": "red",
    }
    assert reasons(bad) == {
        "code": "addon.code",
        "kind": "addon.kind",
        "name": "addon.missing",
        "name_zh": "addon.name_long",
        "amount": "addon.price_range",
        "required_by": "addon.lenders_list",
        "financeable": "addon.not_yes_no",
        "colour": "addon.unknown_field",
    }


def test_a_price_rule_takes_the_amount_it_needs_and_no_other() -> None:
    assert reasons({**GOOD, "amount": None}) == {"amount": "addon.price_needed"}
    pct = {**GOOD, "rule": "percent_of_price"}
    assert reasons({**pct, "amount": None}) == {"amount": "addon.percent_needed"}
    assert reasons({**pct, "amount": "0"}) == {"amount": "addon.percent_range"}
    assert reasons({**pct, "amount": "101"}) == {"amount": "addon.percent_range"}
    assert reasons({**GOOD, "rule": "quoted"}) == {"amount": "addon.no_amount"}
    assert reasons({**GOOD, "amount": "abc"}) == {"amount": "addon.not_number"}
    assert reasons({**GOOD, "amount": "-1"}) == {"amount": "addon.price_range"}
    # the store's own on-road line: only compulsory insurance and GPS have one
    assert reasons({**GOOD, "rule": "on_road", "amount": None}) == {"rule": "addon.on_road_kind"}


def test_prices_by_rule() -> None:
    def add_on(kind: str, rule: str, amount: str | None = None) -> AddOn:
        a, found = read_add_on({**GOOD, "kind": kind, "rule": rule, "amount": amount})
        assert a is not None, found
        return a

    price = Decimal("123456.78")
    assert price_for(
        add_on("commercial_insurance", "percent_of_price", "3.5"), vehicle_price=price
    ) == Decimal("4320.99")
    assert price_for(add_on("commercial_insurance", "quoted"), vehicle_price=price) is None
    jqx = add_on("compulsory_insurance", "on_road")
    assert price_for(jqx, vehicle_price=price, seats=5) == Decimal("950.00")
    assert price_for(jqx, vehicle_price=price, seats=7) == Decimal("1100.00")
    mine = OnRoadSettings(compulsory_insurance=Decimal(990), gps_fee=Decimal(1200))
    assert price_for(jqx, vehicle_price=price, on_road=mine) == Decimal("990.00")
    assert price_for(add_on("gps", "on_road"), vehicle_price=price, on_road=mine) == Decimal(
        "1200.00"
    )
    assert (
        price_for(add_on("gps", "on_road"), vehicle_price=price) == DEFAULT_ON_ROAD_SETTINGS.gps_fee
    )


def test_lenders_must_be_the_stores_and_names_may_not_hold_forbidden_wording() -> None:
    data = {**GOOD, "required_by": ["ICBC", "Nobody", "ICBC"]}
    assert reasons(data, lenders=["ICBC"]) == {"required_by": "addon.lender_unknown"}
    _, found = read_add_on(data, lenders=["ICBC"])
    assert [r.code for _, r in found] == ["addon.lender_twice", "addon.lender_unknown"]
    ok, _ = read_add_on({**GOOD, "required_by": ["ICBC"]}, lenders=["ICBC"])
    assert ok is not None and ok.required_for("ICBC") and not ok.required_for("CCB")
    assert reasons({**GOOD, "name_zh": "零首付 延保"}, settings=DEFAULT_SETTINGS) == {
        "name_zh": "addon.name_forbidden"
    }
    assert reasons({**GOOD, "name": "Interest - Free warranty"}, settings=DEFAULT_SETTINGS) == {
        "name": "addon.name_forbidden"
    }


def test_a_list_refuses_a_code_twice_and_too_many() -> None:
    items, found = read_add_ons([GOOD, {**GOOD, "name": "Other"}])
    assert items == () and [(i, k, r.code) for i, k, r in found] == [
        (1, "code", "addon.code_twice")
    ]
    _, found = read_add_ons([GOOD] * (MAX_ADD_ONS + 1))
    assert [r.code for _, _, r in found] == ["addon.too_many"]


printable = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp")
)
names = st.text(printable, min_size=1, max_size=40).map(lambda s: " ".join(s.split())).filter(bool)


@st.composite
def add_ons(draw: st.DrawFn) -> AddOn:
    kind = draw(st.sampled_from(list(AddOnKind)))
    rules = [PriceRule.FIXED, PriceRule.PERCENT_OF_PRICE, PriceRule.QUOTED]
    if kind in (AddOnKind.COMPULSORY_INSURANCE, AddOnKind.GPS):
        rules.append(PriceRule.ON_ROAD)
    rule = draw(st.sampled_from(rules))
    amount = None
    if rule is PriceRule.FIXED:
        amount = Decimal(draw(st.integers(0, 100_000_000))) / 100
    elif rule is PriceRule.PERCENT_OF_PRICE:
        amount = Decimal(draw(st.integers(1, 10_000))) / 100
    lenders = draw(st.lists(st.sampled_from(["ICBC", "CCB", "CMB"]), unique=True))
    code = draw(st.from_regex(r"[a-z][a-z0-9_]{0,39}", fullmatch=True))
    return AddOn(
        code,
        kind,
        draw(names),
        draw(names),
        rule,
        amount,
        tuple(lenders),
        draw(st.booleans()),
        draw(st.booleans()),
    )


@given(add_ons())
def test_any_valid_add_on_reads_back_as_itself(add_on: AddOn) -> None:
    again, found = read_add_on(add_on_to_data(add_on), lenders=["ICBC", "CCB", "CMB"])
    assert found == [] and again == add_on


cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.text(max_size=30),
    st.decimals(allow_nan=True),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@given(st.dictionaries(st.sampled_from([*FIELDS, "extra"]), cells))
def test_any_data_gives_an_add_on_or_reasons_on_known_keys_never_an_error(
    data: dict[str, Any],
) -> None:
    add_on, found = read_add_on(data, lenders=["ICBC"], settings=DEFAULT_SETTINGS)
    assert (add_on is None) == bool(found)
    assert {key for key, _ in found} <= {*FIELDS, "extra"}
    for _, reason in found:
        assert reason.render()  # every template fills with its parameters
