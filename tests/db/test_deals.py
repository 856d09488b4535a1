"""The whole deal through the services: kept with the plan, checked field by field, priced
with the store's on-road defaults; the target solver's down payment; the page's grid."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import Database
from db.models import StoreSetting
from db.services import consultations as cs
from db.services import deals
from db.services import settings as settings_service
from db.services.base import Actor, ValidationError, transaction
from lending.onroad import Energy, VehicleKind
from tests.db.test_consultations import ready_for_plan
from tests.deal_product import CODE, add_balloon_product

PRICE = Decimal(120000)  # the selling price ready_for_plan saves


def deal(**changes: object) -> deals.DealForm:
    base: dict[str, object] = dict(
        vehicle_kind="new",
        energy="nev",
        overrides={"finance_service_fee": "1500"},
        financed={"finance_service_fee": True, "registration": True},
        trade_in_value="30000",
        trade_in_owed="12000",
        subsidies=[("Scrap-and-buy", "8000")],
        target_payment="3000",
    )
    base.update(changes)
    return deals.DealForm(**base)  # type: ignore[arg-type]


def test_a_plan_keeps_its_deal_and_balloon(database: Database, owner: Actor) -> None:
    add_balloon_product(database, owner)
    v = ready_for_plan(database, owner)
    plan = cs.save_plan(
        database,
        owner,
        v.id,
        cs.PlanForm(
            product_code=CODE,
            method="balloon",
            term_months=36,
            down_payment="40000",
            balloon_percent="25",
            deal=deal(),
        ),
    )
    # financed: the price, the service fee and registration (500) less the down payment
    assert plan.amount == PRICE + 1500 + 500 - 40000
    assert plan.balloon == (plan.amount / 4).quantize(Decimal("0.01"))
    assert plan.upfront_fee == Decimal(1500)  # the product's fee is 0; the service fee: APR
    assert plan.deal == deals.read_deal(deal())
    assert plan.deal.vehicle_kind is VehicleKind.NEW and plan.deal.energy is Energy.NEV
    [again] = cs.list_plans(database, owner, v.id)
    assert again.deal == plan.deal and again.balloon == plan.balloon
    schedule = cs.plan_schedule(database, owner, plan.id)
    assert schedule.balloon == plan.balloon and schedule.rows[-1].balance == 0
    the_deal = cs.plan_deal(database, owner, plan.id)
    assert the_deal is not None and the_deal.loan_amount == plan.amount
    assert the_deal.trade_in_credit == Decimal(30000 - 12000 + 8000)
    assert (
        the_deal.paid_today == 40000 - the_deal.trade_in_credit + the_deal.on_road.cash_lines_total
    )


def test_a_bad_deal_is_refused_by_field_and_nothing_is_written(
    database: Database, owner: Actor
) -> None:
    v = ready_for_plan(database, owner)
    bad = deal(
        trade_in_owed="-5",
        seats="0",
        overrides={"gps": "abc"},
        subsidies=[("", "100")],
        target_payment="0",
    )
    with pytest.raises(ValidationError) as caught:
        cs.save_plan(
            database,
            owner,
            v.id,
            cs.PlanForm(
                product_code="finance_company",
                method="equal_installment",
                term_months=36,
                down_payment="50000",
                deal=bad,
            ),
        )
    assert {
        "deal.trade_in_owed",
        "deal.seats",
        "deal.line.gps",
        "deal.subsidies[0].name",
        "deal.target_payment",
    } <= set(caught.value.errors)
    assert all(k in caught.value.reasons for k in ("deal.seats", "deal.target_payment"))
    assert cs.list_plans(database, owner, v.id) == []


def test_the_store_defaults_of_the_on_road_lines(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    with transaction(database) as uow:
        uow.session.add(
            StoreSetting(
                store_id=owner.store_id,
                key="onroad.gps_fee",
                value="1800",
                updated_by=owner.staff_id,
            )
        )
        uow.session.add(
            StoreSetting(
                store_id=owner.store_id,
                key="onroad.financed_lines",
                value=["gps"],
                updated_by=owner.staff_id,
            )
        )
    on_road = settings_service.load_on_road_settings(database, owner.store_id)
    assert on_road.gps_fee == Decimal(1800) and on_road.financed_lines == ("gps",)
    result = cs.evaluate_plan(
        database,
        owner,
        v.id,
        down_payment="50000",
        term_months=36,
        method="equal_installment",
        deal=deals.DealForm(),
    )
    gps = result.request.deal.on_road.line("gps")
    assert (gps.amount, gps.financed) == (Decimal(1800), True)
    assert all(e.loan_amount == PRICE + 1800 - 50000 for e in result.evaluations)


def test_the_grid_has_the_current_down_payment_and_reuses_its_cells(
    database: Database, owner: Actor
) -> None:
    v = ready_for_plan(database, owner)
    first = cs.evaluate_plan(
        database,
        owner,
        v.id,
        down_payment="41234",
        term_months=36,
        method="equal_installment",
        grid_product="finance_company",
        grid_percents=(20, 30, 40, 50),
        grid_terms=(12, 24, 36),
    )
    assert Decimal(41234) in first.grid_downs and len(first.grid_downs) == 5
    mine = next(e for e in first.evaluations if e.code == "finance_company")
    assert first.grid[(Decimal(41234), 36)] is mine
    moved = cs.evaluate_plan(
        database,
        owner,
        v.id,
        down_payment="45000",
        term_months=36,
        method="equal_installment",
        grid_product="finance_company",
        grid_percents=(20, 30, 40, 50),
        grid_terms=(12, 24, 36),
        grid_reuse=first.grid,
    )
    # the shares' cells come back as they were; the new row is evaluated
    share = Decimal(int(PRICE * 30 / 100))
    assert moved.grid[(share, 24)] is first.grid[(share, 24)]
    assert (Decimal(45000), 12) in moved.grid and (Decimal(41234), 12) not in moved.grid


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(target=st.integers(1900, 5000), credit=st.integers(0, 60000), fee=st.integers(0, 3000))
def test_the_solved_down_payment_is_the_smallest_that_meets_the_target(
    database: Database, owner: Actor, target: int, credit: int, fee: int
) -> None:
    v = _ready(database, owner)
    form = deal(
        trade_in_value=str(credit),
        trade_in_owed=None,
        subsidies=[],
        overrides={"finance_service_fee": str(fee)},
        target_payment=str(target),
    )
    result = cs.evaluate_plan(
        database,
        owner,
        v,
        down_payment="0",
        term_months=36,
        method="equal_installment",
        deal=form,
        solve_for="finance_company",
    )
    if result.solved_down is None:
        assert result.solve_problem is not None
        return
    down = result.solved_down
    e = next(x for x in result.evaluations if x.code == "finance_company")
    assert e.schedule is not None and e.schedule.max_regular_payment <= target
    assert down >= credit and down >= e.min_down_payment.to_integral_value(rounding="ROUND_CEILING")
    lowest = max(Decimal(credit), e.min_down_payment)
    # one yuan less (and its neighbours below) breaks the target
    for less in (down - 1, down - 2, down - 5):
        if less >= lowest:
            lower = cs.evaluate_products(
                database,
                owner,
                v,
                down_payment=less,
                term_months=36,
                method="equal_installment",
                deal=form,
            )
            x = next(y for y in lower if y.code == "finance_company")
            assert x.schedule.max_regular_payment > target


_READY: dict[int, int] = {}


def _ready(database: Database, owner: Actor) -> int:
    """One consultation per database for the property test's examples."""
    key = id(database)
    if key not in _READY:
        _READY[key] = ready_for_plan(database, owner).id
    return _READY[key]
