"""Subsidy value, payment-target solver, trade-in, card instalment, the deal's APR."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lending.deal import (
    Deal,
    DealError,
    SubsidyLine,
    TradeIn,
    card_instalment_schedule,
    card_offer,
    card_schedule,
    deal_terms,
    percent_subsidy,
    solve_down_payment,
    solve_term,
    subsidy_value,
)
from lending.onroad import Energy, VehicleKind, on_road_costs
from lending.products import CardFee, CardInstalment
from lending.schedule import (
    InvalidTerms,
    LoanTerms,
    RepaymentMethod,
    Schedule,
    build_schedule,
)
from tests.lending.exact import fen

D = Decimal
START = date(2026, 12, 1)
EI = RepaymentMethod.EQUAL_INSTALLMENT


def pv(schedule: Schedule, annual: Decimal) -> Fraction:
    """PV of principal + interest at annual/1200 a month, exactly."""
    r = Fraction(annual) / 1200
    return sum(
        (Fraction(row.principal + row.interest) / (1 + r) ** row.period for row in schedule.rows),
        Fraction(0),
    )


# --- subsidy ---------------------------------------------------------------------------


def test_domain_subsidy_figure() -> None:
    s = build_schedule(LoanTerms(D(100000), D(0), 36, EI), START)
    assert s.first_payment == D("2777.78") and s.rows[-1].payment == D("2777.70")
    assert subsidy_value(s, D(6)) == D("8691.62")


def test_lender_rate_below_the_customers_is_refused() -> None:
    s = build_schedule(LoanTerms(D(100000), D(3), 36, EI), START)
    with pytest.raises(DealError) as err:
        subsidy_value(s, D("2.99"))
    assert err.value.reasons[0].code == "subsidy.lender_rate_below_customer"
    # same rate: nothing to subsidise but the fen roundings of 36 interest amounts
    assert abs(subsidy_value(s, D(3))) <= D("0.05")


@given(
    amount=st.decimals(min_value=1000, max_value=1_000_000, places=2),
    customer=st.decimals(min_value=0, max_value=8, places=2),
    extra=st.decimals(min_value=0, max_value=10, places=2),
    months=st.integers(1, 60),
    method=st.sampled_from(list(RepaymentMethod)),
    fee=st.decimals(min_value=0, max_value=1, places=2),
)
def test_subsidy_equals_an_independent_pv(
    amount: Decimal,
    customer: Decimal,
    extra: Decimal,
    months: int,
    method: RepaymentMethod,
    fee: Decimal,
) -> None:
    step = D(5) if method is RepaymentMethod.STEP_UP else D(0)
    balloon = (amount / 4).quantize(D("0.01")) if method is RepaymentMethod.BALLOON else D(0)
    s = build_schedule(
        LoanTerms(
            amount,
            customer,
            months,
            method,
            monthly_fee_rate=fee,
            step_percent=step,
            balloon=balloon,
        ),
        START,
    )
    lender = customer + extra
    assert subsidy_value(s, lender) == fen(Fraction(amount) - pv(s, lender))


# --- payment target ------------------------------------------------------------------


def regular_max(s: Schedule) -> Decimal:
    """Highest payment with the balloon taken out of the last one (written out here)."""
    last = s.rows[-1].payment - s.terms.balloon
    return max([r.payment for r in s.rows[:-1]] + [last])


def payment_for(terms_for: Callable[[Decimal], LoanTerms], amount: Decimal) -> Decimal | None:
    try:
        return regular_max(build_schedule(terms_for(amount), START))
    except InvalidTerms:
        return None


def test_three_thousand_a_month_on_150000() -> None:
    def terms(a: Decimal) -> LoanTerms:
        return LoanTerms(a, D(6), 36, EI)

    down = solve_down_payment(D(150000), D(3000), terms, START)
    # the largest annuity for 3,000 at 0.5 % over 36: 3000 (1 - 1.005^-36) / 0.005 = 98,613.32
    r = Fraction(1, 200)
    limit = Fraction(3000) * (1 - 1 / (1 + r) ** 36) / r
    assert int(limit) == 98613
    assert down == 150000 - 98613
    assert payment_for(terms, D(98613)) == D("3000.00")
    assert payment_for(terms, D(98614)) == D("3000.03")


def test_unreachable_and_already_affordable() -> None:
    def terms(a: Decimal) -> LoanTerms:
        return LoanTerms(a, D(6), 36, EI, upfront_fee=D(500))

    with pytest.raises(DealError) as err:
        solve_down_payment(D(150000), D(10), terms, START)  # 501 yuan costs more than 10/month
    assert err.value.reasons[0].code == "target.unreachable"
    assert solve_down_payment(D(20000), D(3000), terms, START) == 0
    assert solve_down_payment(D(20000), D(3000), terms, START, min_down_payment=4000) == 4000
    with pytest.raises(DealError):
        solve_down_payment(D(150000), D(0), terms, START)


METHODS = st.sampled_from(list(RepaymentMethod))


@settings(max_examples=40, deadline=None)
@given(
    price=st.decimals(min_value=20000, max_value=600000, places=2),
    target=st.integers(800, 12000),
    annual=st.decimals(min_value=0, max_value=15, places=2),
    months=st.sampled_from([12, 24, 36, 48, 60]),
    method=METHODS,
    upfront=st.integers(0, 3000),
    upfront_percent=st.decimals(min_value=0, max_value=3, places=1),
    monthly_fee=st.decimals(min_value=0, max_value="0.5", places=2),
    balloon_percent=st.integers(0, 40),
)
def test_solver_returns_the_smallest_down_payment(
    price: Decimal,
    target: int,
    annual: Decimal,
    months: int,
    method: RepaymentMethod,
    upfront: int,
    upfront_percent: Decimal,
    monthly_fee: Decimal,
    balloon_percent: int,
) -> None:
    def terms(a: Decimal) -> LoanTerms:
        fee = D(upfront) + (a * upfront_percent / 100).quantize(D("0.01"), ROUND_HALF_UP)
        balloon = D(0)
        if method is RepaymentMethod.BALLOON:
            balloon = (a * balloon_percent / 100).quantize(D("0.01"), ROUND_HALF_UP)
        return LoanTerms(
            a,
            annual,
            months,
            method,
            upfront_fee=fee,
            monthly_fee_rate=monthly_fee,
            balloon=balloon,
            step_percent=D(5) if method is RepaymentMethod.STEP_UP else D(0),
        )

    try:
        down = solve_down_payment(price, D(target), terms, START)
    except DealError as exc:
        assert exc.reasons[0].code == "target.unreachable"
        # even the smallest loans the terms allow are above the target
        for d in range(int(price) - 1, int(price) - 200, -1):
            p = payment_for(terms, price - d)
            assert p is None or p > target
        return
    met = payment_for(terms, price - down)
    assert met is not None and met <= target
    # one yuan less breaks the target, and so does every neighbour below
    for less in range(1, 31):
        if down - less < 0:
            break
        p = payment_for(terms, price - (down - less))
        assert p is None or p > target, (down, less, p)


def test_which_term_for_a_fixed_down_payment() -> None:
    def terms(months: int) -> LoanTerms:
        return LoanTerms(D(100000), D(6), months, EI)

    # 100,000 at 0.5 %: 36 months -> 3,042.19; 48 -> 2,348.50; 60 -> 1,933.28
    assert solve_term(D(2500), terms, (12, 24, 36, 48, 60), START) == 48
    assert solve_term(D("3043"), terms, (60, 36, 48), START) == 36
    assert solve_term(D(1000), terms, (12, 24, 36, 48, 60), START) is None


# --- trade-in and the deal -----------------------------------------------------------


def test_trade_in_credit_and_paid_today() -> None:
    # the journey: an NEV bought today, a trade-in with 20,000 still owed
    on_road = on_road_costs(
        D(200000),
        VehicleKind.NEW,
        Energy.NEV,
        date(2026, 12, 1),
        overrides={"finance_service_fee": D(2000)},
        financed={"finance_service_fee": True},
    )
    scrap = percent_subsidy(
        "scrap_and_buy", "Scrap-and-buy NEV subsidy", D(200000), D(12), D(20000)
    )
    assert scrap.amount == D("20000.00")  # 12 % of 200,000 = 24,000, capped at 20,000
    trade = TradeIn(value=D(60000), loan_owed=D(20000), subsidies=(scrap,))
    assert trade.credit == D("60000.00")
    deal = Deal(on_road=on_road, down_payment=D(70000), trade_in=trade)
    # financed: price + the financed service fee; the loan is that less the down payment
    assert deal.financed_total == D("202000.00")
    assert deal.loan_amount == D("132000.00")
    # purchase tax 8,849.56, 交强险 950, registration 500, GPS 1,000 are cash (NEV: no vessel tax)
    cash = D("8849.56") + 950 + 500 + 1000
    assert deal.paid_today == D(70000) - D(60000) + cash
    terms = deal_terms(deal, LoanTerms(D(1), D(6), 36, EI, upfront_fee=D(500)))
    assert (terms.amount, terms.upfront_fee) == (D("132000.00"), D("2500.00"))
    assert deal.problems() == []
    assert [r.code for r in Deal(on_road, D(202000)).problems()] == [
        "deal.down_payment_out_of_range"
    ]
    assert [r.code for r in TradeIn(D(-1), D(-1)).problems()] == [
        "tradein.value_negative",
        "tradein.owed_negative",
    ]


def test_service_fee_is_in_the_apr() -> None:
    on_road = on_road_costs(
        D(100000), VehicleKind.NEW, Energy.PETROL, START, overrides={"finance_service_fee": D(3000)}
    )
    deal = Deal(on_road=on_road, down_payment=D(30000))
    base = LoanTerms(D(1), D(6), 36, EI)
    with_fee = build_schedule(deal_terms(deal, base), START)
    without = build_schedule(dataclasses.replace(base, amount=D(70000)), START)
    assert with_fee.terms.upfront_fee == D("3000.00")
    assert with_fee.first_payment == without.first_payment
    # the customer receives 67,000 and pays the 70,000 loan's payments back
    r = with_fee.apr / 1200
    npv = sum(row.payment / (1 + r) ** row.period for row in with_fee.rows) - D(67000)
    assert abs(npv) < D("0.01")
    assert with_fee.apr > D("8")  # far above the nominal 6 %


# --- bank card instalment -------------------------------------------------------------


def test_card_instalment_true_apr() -> None:
    product = CardInstalment(
        "card",
        "Card instalment",
        "信用卡分期",
        ("A bank",),
        D(300000),
        (CardFee(12, D(4)), CardFee(24, D(8))),
    )
    assert product.fee_percent(24) == D(8) and product.fee_percent(36) is None
    assert card_schedule(product, D(100000), 36, START) is None
    s = card_schedule(product, D(100000), 24, START)
    assert s is not None
    assert [r.payment for r in s.rows[:-1]] == [D("4166.67") + D("333.33")] * 23
    assert sum(r.principal for r in s.rows) == D(100000)
    assert s.total_fees == D("8000.00") and s.total_interest == 0
    # independent check of the IRR: the payments discounted at apr/1200 are the amount
    r = s.apr / 1200
    npv = sum(row.payment / (1 + r) ** row.period for row in s.rows) - D(100000)
    assert abs(npv) < D("0.01")
    assert s.apr > D(7)  # a flat fee of "4 % a year" costs over 7 % a year
    with pytest.raises(DealError):
        card_instalment_schedule(D(0), 0, D(-1), START)


def test_card_offer_for_the_amount_and_term_or_why_not() -> None:
    product = CardInstalment(
        "card",
        "Card instalment",
        "信用卡分期",
        ("A bank",),
        D(150000),
        (CardFee(12, D(4)), CardFee(24, D(8))),
    )
    offer = card_offer(product, D(100000), 24, START)
    assert offer.reason is None and offer.schedule == card_schedule(product, D(100000), 24, START)
    assert offer.apr == offer.schedule.apr
    above = card_offer(product, D("150000.01"), 24, START)
    assert above.schedule is None and above.apr is None
    assert above.reason.render() == (
        "The amount 150,000.01 CNY is above the card's limit of 150,000.00 CNY."
    )
    assert card_offer(product, D(100000), 36, START).reason.render() == (
        "The card instalment offers 12/24 months, not 36."
    )
    assert card_offer(product, D(0), 12, START).reason.code == "card.amount_not_positive"


def test_subsidy_line_is_owner_set() -> None:
    line = SubsidyLine("local", "City trade-in subsidy", D("5000"))
    assert TradeIn(D(0), subsidies=(line,)).credit == D("5000.00")


# --- the finance page's grid ------------------------------------------------------------


def test_payment_grid_reuses_the_current_cell() -> None:
    import json
    from pathlib import Path

    from lending.deal import grid_down_payments, payment_grid
    from lending.eligibility import CustomerProfile, PlanRequest, VehicleProfile, evaluate_product
    from lending.products import parse_catalogue
    from lending.qualification import Grade

    data = json.loads(
        (Path(__file__).resolve().parents[2] / "resources" / "catalogue.json").read_text("utf-8")
    )
    product = parse_catalogue(data).product("finance_company")
    customer = CustomerProfile(Grade.A, D(15000))
    vehicle = VehicleProfile(D(160000), D(2), 40000)
    request = PlanRequest(D(150000), D(40000), 36, EI, START)
    downs = grid_down_payments(D(150000), (20, 30, 40, 50), request.down_payment)
    assert downs == (D(30000), D(40000), D(45000), D(60000), D(75000))
    known = evaluate_product(product, customer, vehicle, request)
    cells = payment_grid(product, customer, vehicle, request, downs, (12, 24, 36), known=known)
    assert len(cells) == 15
    assert cells[(D(40000), 36)] is known
    cell = cells[(D(60000), 24)]
    assert cell.loan_amount == D(90000) and cell.schedule is not None
    assert cell.schedule.terms.months == 24


def test_the_default_catalogue_has_a_card_instalment_product() -> None:
    import json
    from pathlib import Path

    from lending.products import CatalogueError, parse_catalogue

    path = Path(__file__).resolve().parents[2] / "resources" / "catalogue.json"
    data = json.loads(path.read_text("utf-8"))
    card = parse_catalogue(data).card_instalments[0]
    assert card.terms == (12, 24, 36) and card.fee_percent(24) == D(8)
    data["card_instalments"][0]["fees"] = [
        {"months": 24, "fee_percent": "8"},
        {"months": 12, "fee_percent": "-1"},
    ]
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(data)
    assert err.value.problems == (
        "card_instalments[0].fees[1].fee_percent: must be at least 0, got -1",
    )


@settings(max_examples=30, deadline=None)
@given(
    amount=st.decimals(min_value=20000, max_value=500000, places=2),
    annual=st.decimals(min_value=0, max_value=12, places=2),
    target=st.integers(500, 20000),
    method=METHODS,
)
def test_solve_term_is_the_shortest_term_that_fits(
    amount: Decimal, annual: Decimal, target: int, method: RepaymentMethod
) -> None:
    def terms(months: int) -> LoanTerms:
        return LoanTerms(
            amount,
            annual,
            months,
            method,
            balloon=(amount / 5).quantize(D("0.01")) if method is RepaymentMethod.BALLOON else D(0),
            step_percent=D(5) if method is RepaymentMethod.STEP_UP else D(0),
        )

    offered = (12, 24, 36, 48, 60)
    found = solve_term(D(target), terms, offered, START)
    fits = [m for m in offered if regular_max(build_schedule(terms(m), START)) <= target]
    assert found == (fits[0] if fits else None)


@given(
    price=st.decimals(min_value=50000, max_value=500000, places=2),
    fee=st.integers(1, 8000),
    share=st.integers(10, 60),
)
def test_the_finance_service_fee_raises_the_apr(price: Decimal, fee: int, share: int) -> None:
    q = on_road_costs(
        price, VehicleKind.NEW, Energy.PETROL, START, overrides={"finance_service_fee": D(fee)}
    )
    deal = Deal(on_road=q, down_payment=(price * share / 100).quantize(D(1)))
    base = LoanTerms(D(1), D(5), 36, EI)
    with_fee = build_schedule(deal_terms(deal, base), START)
    assert with_fee.terms.upfront_fee == D(fee)
    no_fee = build_schedule(dataclasses.replace(base, amount=deal.loan_amount), START)
    assert [r.payment for r in with_fee.rows] == [r.payment for r in no_fee.rows]
    assert with_fee.apr > no_fee.apr
    # paid today: the down payment and every cash line (all of them, none financed)
    assert deal.paid_today == deal.down_payment + q.total - q.price
