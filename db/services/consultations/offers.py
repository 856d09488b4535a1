"""Step 4, what can be offered: every product evaluated for the customer, the car and the deal.

The plan's context (customer, grade, vehicle, settings), the deal request read from the
page or the command line, each product's evaluation (:func:`evaluate_products`,
:func:`evaluate_plan`) and the payment-target solver; saving, choosing and deleting
plans are in :mod:`db.services.consultations.plan`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal

from sqlalchemy import select

from db.models import (
    Appraisal,
    Consultation,
    Customer,
    Lender,
    Qualification,
    Vehicle,
)
from db.services import blacklist, catalogue
from db.services import settings as settings_service
from db.services.base import (
    Actor,
    Target,
    now_or,
    reading,
)
from db.services.consultations.common import (
    _load,
    _settings,
)
from db.services.consultations.views import (
    Q,
)
from db.services.deals import (
    DealForm,
    DealInput,
    checked_on_road,
    read_deal,
)
from db.services.forms import Form, IntIn, MoneyIn
from db.services.messages import reason
from db.uow import UnitOfWork
from lending import appraisal as lending_appraisal
from lending import deal as lending_deal
from lending import eligibility as lending_eligibility
from lending import qualification as lending_qualification
from lending.deal import Deal
from lending.money import money
from lending.onroad import Energy
from lending.products import Product
from lending.reasons import Reason
from lending.schedule import LoanTerms, RepaymentMethod
from lending.settings import LendingSettings

# ---------------------------------------------------------------------------
# step 4: finance plans
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    customer: lending_eligibility.CustomerProfile
    vehicle: lending_eligibility.VehicleProfile | None
    vehicle_price: Decimal | None
    settings: LendingSettings


def _plan_context(
    uow: UnitOfWork,
    actor: Actor,
    c: Consultation,
    moment: datetime,
    *,
    blacklisted: bool | None = None,
) -> _Context:
    q = uow.session.get(Qualification, c.id)
    income = None
    grade = None
    monthly_debt = Decimal(0)
    if q is not None:
        raw = uow.cipher.decrypt_optional(Q, "monthly_income", q.monthly_income_enc)
        income = Decimal(raw) if raw is not None else None
        grade = lending_qualification.Grade(q.grade) if q.grade else None
        monthly_debt = q.monthly_debt_payments
    customer = lending_eligibility.CustomerProfile(
        grade=grade,
        monthly_income=income,
        existing_monthly_debt=monthly_debt,
        blacklisted=c.blacklist_hit if blacklisted is None else blacklisted,
    )
    vehicle = None
    price = None
    v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
    if v is not None:
        a = uow.session.get(Appraisal, v.id)
        price = v.price
        if a is not None and a.final_value is not None and v.first_registration is not None:
            vehicle = lending_eligibility.VehicleProfile(
                appraisal_value=a.final_value,
                age_years=lending_appraisal.vehicle_age_years(
                    v.first_registration, moment.astimezone().date()
                ),
                mileage_km=v.mileage_km or 0,
                excluded=not a.acceptable,
                # as the appraisal says (the finance page's deal may say otherwise)
                energy=Energy(v.energy) if v.energy else None,
            )
    return _Context(customer, vehicle, price, _settings(uow, actor))


def _offered_products(
    uow: UnitOfWork, store_id: int, products: Sequence[Product] | None = None
) -> list[Product]:
    """The store's products (or ``products``) as a new plan offers them: each with its
    active lenders only (``Product.offered_with``; the first is the plan's lender)."""
    inactive = set(
        uow.session.scalars(
            select(Lender.name).where(Lender.store_id == store_id, Lender.active.is_(False))
        )
    )
    if products is None:
        products = catalogue.load_catalogue(uow, store_id).products
    return [p.offered_with(inactive) for p in products]


def _with_car(
    vehicle: lending_eligibility.VehicleProfile, deal: DealInput
) -> lending_eligibility.VehicleProfile:
    """The car as the deal describes it (new or used, its energy): the products'
    ``vehicle_kinds`` and ``energies`` are checked against it."""
    return replace(vehicle, kind=deal.vehicle_kind, energy=deal.energy)


@dataclass(frozen=True)
class DealRequest:
    """The loan a deal asks of each product: the car's price plus the financed lines
    (and, for a product that finances them, the financed add-ons), less the down payment;
    the finance service fee joins the up-front fee (so it is in the APR)."""

    deal: Deal
    """Price, on-road lines, trade-in and down payment (add-ons not included)."""
    input: DealInput
    base: lending_eligibility.PlanRequest
    financed_add_ons: Decimal
    """The price of the add-ons the customer wants financed."""

    def for_product(self, product: Product) -> lending_eligibility.PlanRequest:
        if product.finance_add_ons and self.financed_add_ons:
            return replace(self.base, vehicle_price=self.base.vehicle_price + self.financed_add_ons)
        return self.base

    def deal_for(self, product: Product) -> Deal:
        """The deal with the add-ons this product finances."""
        if product.finance_add_ons and self.financed_add_ons:
            return replace(self.deal, financed_add_ons=self.financed_add_ons)
        return self.deal


def _read_request(
    f: Form, down_payment: MoneyIn, term_months: IntIn, method: str, balloon_percent: MoneyIn
) -> tuple[Decimal | None, int | None, RepaymentMethod | None, Decimal]:
    down = f.money("down_payment", down_payment, required=True)
    term = f.integer("term_months", term_months, required=True)
    m = f.choice("method", method, RepaymentMethod, required=True)
    balloon = f.decimal("balloon_percent", balloon_percent)
    if balloon is not None and balloon >= 100:
        f.error("balloon_percent", reason("plan.balloon_percent_invalid"))
    return down, term, m, (balloon or Decimal(0)) if m is RepaymentMethod.BALLOON else Decimal(0)


def _deal_request(
    uow: UnitOfWork,
    actor: Actor,
    deal: DealForm | DealInput | None,
    *,
    price: Decimal,
    down: Decimal,
    term: int,
    method: RepaymentMethod,
    balloon_percent: Decimal,
    start: date,
    add_ons: Sequence[tuple[str, Decimal]] = (),
) -> DealRequest:
    deal_in = deal if isinstance(deal, DealInput) else read_deal(deal)
    on_road = checked_on_road(
        deal_in, price, start, settings_service.load_on_road_settings(uow, actor.store_id)
    )
    the_deal = Deal(on_road=on_road, down_payment=down, trade_in=deal_in.trade_in)
    financed = money(sum((p for k, p in add_ons if k in deal_in.financed_add_ons), Decimal(0)))
    request = lending_eligibility.PlanRequest(
        vehicle_price=the_deal.financed_total,
        down_payment=down,
        term_months=term,
        method=method,
        start_date=start,
        balloon_percent=balloon_percent,
        extra_upfront_fee=the_deal.service_fee,
    )
    return DealRequest(the_deal, deal_in, request, financed)


@dataclass(frozen=True)
class PlanEvaluation:
    """The finance page's refresh: the deal, every product, the chosen one's grid."""

    request: DealRequest
    evaluations: tuple[lending_eligibility.ProductEvaluation, ...]
    grid: dict[tuple[Decimal, int], lending_eligibility.ProductEvaluation]
    """(down payment, term) -> the grid product's evaluation (empty without a grid)."""
    grid_downs: tuple[Decimal, ...]
    solved_down: Decimal | None = None
    """The down payment the target payment asked for (when solving)."""
    solve_problem: Reason | None = None
    """Why the target cannot be met (when solving)."""
    cards: tuple[lending_deal.CardOffer, ...] = ()
    """Every active bank card instalment product for the amount financed and the term."""


def _evaluation_context(
    uow: UnitOfWork,
    actor: Actor,
    consultation_id: int,
    f: Form,
    price_in: Decimal | None,
    moment: datetime,
) -> tuple[_Context, Decimal]:
    c = _load(uow, actor, consultation_id)
    # the blacklist as it is now (another store may have added an entry since the
    # last save), without storing it: a read never writes
    customer_row = uow.session.get(Customer, c.customer_id)
    assert customer_row is not None
    hits = blacklist.hits_for_hashes(
        uow, actor.store_id, customer_row.id_hmac, customer_row.phone_hmac
    )
    ctx = _plan_context(uow, actor, c, moment, blacklisted=bool(hits))
    price = price_in if price_in is not None else ctx.vehicle_price
    if price is None:
        f.error("vehicle_price", reason("plan.needs_price"))
    if ctx.vehicle is None:
        f.error("appraisal", reason("plan.needs_appraisal"))
    f.raise_if_errors()
    assert price is not None and ctx.vehicle is not None
    return ctx, price


def evaluate_products(
    target: Target,
    actor: Actor,
    consultation_id: int,
    *,
    down_payment: MoneyIn,
    term_months: IntIn,
    method: str,
    vehicle_price: MoneyIn = None,
    start_date: date | None = None,
    now: datetime | None = None,
    deal: DealForm | None = None,
    balloon_percent: MoneyIn = None,
    add_ons: Sequence[tuple[str, Decimal]] = (),
) -> list[lending_eligibility.ProductEvaluation]:
    """Eligibility of every active catalogue product for this consultation and request.

    Each evaluation carries the reasons (in words for the customer), the
    maximum loan, the rate for the customer's grade and the schedule.
    """
    return list(
        evaluate_plan(
            target,
            actor,
            consultation_id,
            down_payment=down_payment,
            term_months=term_months,
            method=method,
            vehicle_price=vehicle_price,
            start_date=start_date,
            now=now,
            deal=deal,
            balloon_percent=balloon_percent,
            add_ons=add_ons,
        ).evaluations
    )


def evaluate_plan(
    target: Target,
    actor: Actor,
    consultation_id: int,
    *,
    down_payment: MoneyIn,
    term_months: IntIn,
    method: str,
    vehicle_price: MoneyIn = None,
    start_date: date | None = None,
    now: datetime | None = None,
    deal: DealForm | None = None,
    balloon_percent: MoneyIn = None,
    add_ons: Sequence[tuple[str, Decimal]] = (),
    grid_product: str | None = None,
    grid_percents: Sequence[int] = (),
    grid_terms: Sequence[int] = (),
    solve_for: str | None = None,
    grid_reuse: Mapping[tuple[Decimal, int], lending_eligibility.ProductEvaluation] | None = None,
) -> PlanEvaluation:
    """What the finance page shows, in one read: the deal (on-road lines, trade-in,
    paid today), every active product for the request, and ``grid_product``'s payment
    grid (``grid_percents`` of the financed total plus the current down payment, x
    ``grid_terms``; the current cell is the comparison's own evaluation).

    With ``solve_for`` (a product code) and the deal's target payment, the down payment
    is first solved (:func:`lending.deal.solve_down_payment`: the smallest whole yuan,
    at least the product's minimum down payment and the trade-in's credit, such that every
    regular payment is at most the target) and everything is evaluated at it.

    ``grid_reuse``: the grid cells of an earlier answer for the same product, method,
    balloon, deal and add-ons (:func:`lending.deal.payment_grid`); only the cells not in
    it are evaluated (moving the down payment adds one row, not a grid).
    """
    f = Form()
    down, term, m, balloon = _read_request(f, down_payment, term_months, method, balloon_percent)
    price_in = f.money("vehicle_price", vehicle_price)
    moment = now_or(now)
    with reading(target) as uow:
        ctx, price = _evaluation_context(uow, actor, consultation_id, f, price_in, moment)
        assert down is not None and term is not None and m is not None
        assert ctx.vehicle is not None
        start = start_date or moment.astimezone().date()
        offered = catalogue.load_catalogue(uow, actor.store_id)
        products = _offered_products(uow, actor.store_id, offered.products)
        request = _deal_request(
            uow,
            actor,
            deal,
            price=price,
            down=down,
            term=term,
            method=m,
            balloon_percent=balloon,
            start=start,
            add_ons=add_ons,
        )
        solved: Decimal | None = None
        problem: Reason | None = None
        solving = next((p for p in products if p.code == solve_for), None)
        goal = request.input.target_payment
        if solving is not None and goal is not None:
            solved, problem = _solve(solving, ctx, request, goal)
            if solved is not None:
                request = _deal_request(
                    uow,
                    actor,
                    request.input,
                    price=price,
                    down=solved,
                    term=term,
                    method=m,
                    balloon_percent=balloon,
                    start=start,
                    add_ons=add_ons,
                )
        # the car as the page describes it (new or used, petrol or NEV...); without a
        # deal (a caller that knows nothing of it) only age, mileage and value are checked
        car = _with_car(ctx.vehicle, request.input) if deal is not None else ctx.vehicle
        evaluations = tuple(
            lending_eligibility.evaluate_product(
                p, ctx.customer, car, request.for_product(p), ctx.settings
            )
            for p in products
            if p.active
        )
        grid: dict[tuple[Decimal, int], lending_eligibility.ProductEvaluation] = {}
        downs: tuple[Decimal, ...] = ()
        known = next((e for e in evaluations if e.code == grid_product), None)
        if known is not None and grid_terms:
            product_request = request.for_product(known.product)
            downs = lending_deal.grid_down_payments(
                product_request.vehicle_price, grid_percents, product_request.down_payment
            )
            grid = lending_deal.payment_grid(
                known.product,
                ctx.customer,
                car,
                product_request,
                downs,
                grid_terms,
                ctx.settings,
                known=known,
                reuse=grid_reuse,
            )
        amount = request.base.vehicle_price - request.base.down_payment
        cards = tuple(
            lending_deal.card_offer(c, amount, term, start)
            for c in offered.card_instalments
            if c.active
        )
        return PlanEvaluation(request, evaluations, grid, downs, solved, problem, cards)


def _solve(
    product: Product, ctx: _Context, request: DealRequest, goal: Decimal
) -> tuple[Decimal | None, Reason | None]:
    """The smallest whole-yuan down payment meeting ``goal`` with ``product``."""
    base = request.for_product(product)
    if product.grade_terms(ctx.customer.grade) is None:
        return None, reason("plan.target_no_rate")
    assert ctx.vehicle is not None
    max_loan = product.max_loan(ctx.vehicle.appraisal_value)
    # the trade-in's credit goes into the down payment (a car loan pays out no cash)
    lowest = max(base.vehicle_price - max_loan, request.deal.trade_in_credit, Decimal(0))

    def terms_for(amount: Decimal) -> LoanTerms:
        terms = lending_eligibility.loan_terms(product, ctx.customer.grade, base, amount)
        assert terms is not None
        return terms

    try:
        down = lending_deal.solve_down_payment(
            base.vehicle_price,
            goal,
            terms_for,
            base.start_date,
            min_down_payment=int(lowest.to_integral_value(rounding=ROUND_CEILING)),
        )
    except lending_deal.DealError as exc:
        return None, exc.reasons[0]
    return money(down), None
