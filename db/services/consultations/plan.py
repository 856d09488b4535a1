"""Step 4: finance plans - every product evaluated for the customer and the car
(``lending.eligibility``), the whole deal, saving, choosing and deleting plans.
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
    DocumentPrint,
    Lender,
    Plan,
    PlanAddOn,
    Qualification,
    Vehicle,
)
from db.models.enums import (
    AddOnKind,
    FunnelStage,
    Step,
    StepState,
)
from db.services import blacklist, catalogue
from db.services import settings as settings_service
from db.services.base import (
    Actor,
    Target,
    ValidationError,
    check_version,
    get_owned,
    now_or,
    reading,
    reasons_from_json,
    reasons_to_json,
    transaction,
)
from db.services.consultations.common import (
    _blocked,
    _load,
    _refresh_blocks,
    _set_step,
    _settings,
    _stamp,
    _step_state,
    _view,
)
from db.services.consultations.views import (
    RATE_PLACES,
    AddOnView,
    ConsultationView,
    PlanForm,
    PlanView,
    Q,
)
from db.services.deals import (
    DealForm,
    DealInput,
    checked_on_road,
    deal_from_json,
    deal_to_json,
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
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
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


_PLAN_FIELDS = {
    "term_not_offered": "term_months",
    "method_not_offered": "method",
    "down_payment_negative": "down_payment",
    "nothing_to_finance": "down_payment",
    "above_max_loan": "down_payment",
}


def _plan_view(
    p: Plan, add_ons: Sequence[PlanAddOn], names: tuple[str, str], version: int
) -> PlanView:
    return PlanView(
        id=p.id,
        consultation_id=p.consultation_id,
        product_code=p.product_code,
        product_name=names[0],
        product_name_zh=names[1],
        lender_name=p.lender_name,
        method=RepaymentMethod(p.method),
        vehicle_price=p.vehicle_price,
        down_payment=p.down_payment,
        amount=p.amount,
        term_months=p.term_months,
        annual_rate=p.annual_rate,
        upfront_fee=p.upfront_fee,
        monthly_fee_rate=p.monthly_fee_rate,
        step_percent=p.step_percent,
        step_months=p.step_months,
        start_date=p.start_date,
        bundle=p.bundle,
        first_payment=p.first_payment,
        max_payment=p.max_payment,
        total_interest=p.total_interest,
        total_fees=p.total_fees,
        total_add_ons=p.total_add_ons,
        total_repayment=p.total_repayment,
        apr=p.apr,
        effective_annual_rate=p.effective_annual_rate,
        warnings=reasons_from_json(p.warnings),
        add_ons=tuple(
            AddOnView(AddOnKind(a.kind), a.name, a.price, a.required, a.code or "", a.name_zh or "")
            for a in add_ons
        ),
        chosen=p.chosen,
        created_at=p.created_at,
        consultation_version=version,
        balloon=p.balloon,
        deal=deal_from_json(p.deal),
    )


def _product_names(uow: UnitOfWork, store_id: int) -> dict[str, tuple[str, str]]:
    """Product code -> (English name, Chinese name)."""
    return {
        p.code: (p.name, p.name_zh)
        for p in catalogue.load_catalogue(uow, store_id, include_inactive=True).products
    }


def _checked_add_ons(
    uow: UnitOfWork, actor: Actor, f: Form, lines: list[AddOnView], lender: str, deal: DealInput
) -> list[AddOnView]:
    """The plan's add-on lines against the store's add-on catalogue: an add-on ``lender``
    requires must be there (and is saved as required), one that may not be financed is
    not in the loan (``deal.financed_add_ons``); a line of the catalogue keeps its
    names as the catalogue has them."""
    from db.services import addons_admin
    from lending.addons import PriceRule

    known = {r.code: r.add_on for r in addons_admin.list_add_ons(uow, actor)}
    codes = {line.code for line in lines}
    for listed in known.values():  # (one priced as an on-road line is in the deal's lines)
        if (
            listed.active
            and lender
            and listed.required_for(lender)
            and listed.rule is not PriceRule.ON_ROAD
            and listed.code not in codes
        ):
            f.error(
                "plan",
                reason(
                    "plan.add_on_required",
                    lender=lender,
                    add_on=f"{listed.name_zh} ({listed.name})",
                ),
            )
    out: list[AddOnView] = []
    for line in lines:
        add_on = known.get(line.code) if line.code else None
        if add_on is None:
            out.append(line)
            continue
        if line.code in deal.financed_add_ons and not add_on.financeable:
            f.error(
                "plan",
                reason("plan.add_on_not_financeable", add_on=f"{add_on.name_zh} ({add_on.name})"),
            )
        out.append(
            replace(
                line,
                name=add_on.name,
                name_zh=add_on.name_zh,
                required=line.required or bool(lender and add_on.required_for(lender)),
            )
        )
    return out


def save_plan(
    target: Target,
    actor: Actor,
    consultation_id: int,
    form: PlanForm,
    *,
    lender_name: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> PlanView:
    """Price a plan for one product and keep it (a consultation may compare several).

    Refused (nothing written) when the product is not eligible; every reason
    comes back, keyed by the form field it concerns (``plan`` otherwise).
    """
    f = Form()
    down, term, m, balloon = _read_request(
        f, form.down_payment, form.term_months, form.method, form.balloon_percent
    )
    price_in = f.money("vehicle_price", form.vehicle_price)
    start = f.day("start_date", form.start_date)
    try:
        deal_in = read_deal(form.deal)
    except ValidationError as exc:
        for key, text in exc.errors.items():
            f.error(key, exc.reasons.get(key, text))
        deal_in = DealInput()
    add_ons: list[AddOnView] = []
    for i, ao in enumerate(form.add_ons):
        kind = f.choice(f"add_ons[{i}].kind", str(ao.kind), AddOnKind, required=True)
        name = f.text(f"add_ons[{i}].name", ao.name, required=True, max_len=200)
        price = f.money(f"add_ons[{i}].price", ao.price, required=True)
        if kind and name and price is not None:
            add_ons.append(
                AddOnView(
                    kind,
                    name,
                    price,
                    ao.required,
                    ao.code.strip(),
                    (ao.name_zh or "").strip()[:200],
                )
            )
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        _refresh_blocks(uow, actor, c)  # the list may have changed since the last save
        if c.blacklist_hit:
            f.error("plan", reason("plan.blacklisted"))
        ctx = _plan_context(uow, actor, c, moment)
        if ctx.customer.grade is None:
            f.error("plan", reason("plan.needs_qualification"))
        price_v = price_in if price_in is not None else ctx.vehicle_price
        if price_v is None:
            f.error("vehicle_price", reason("plan.needs_price"))
        if ctx.vehicle is None:
            f.error("appraisal", reason("plan.needs_appraisal"))
        pending = next(
            (r for r in _blocked(uow, c) if r.code == "appraisal.override_pending"), None
        )
        if pending is not None:
            f.error("appraisal", pending)
        product: Product | None = next(
            (p for p in _offered_products(uow, actor.store_id) if p.code == form.product_code), None
        )
        if product is None:
            f.error("product_code", reason("plan.product_unknown"))
        f.raise_if_errors()
        assert product is not None
        # the first of the product's lenders that is active (none: refused below)
        lender = lender_name.strip() or product.plan_lender
        add_ons = _checked_add_ons(uow, actor, f, add_ons, lender, deal_in)
        f.raise_if_errors()
        assert product is not None and ctx.vehicle is not None and price_v is not None
        assert down is not None and term is not None and m is not None
        start_day = start or moment.astimezone().date()
        request = _deal_request(
            uow,
            actor,
            deal_in,
            price=price_v,
            down=down,
            term=term,
            method=m,
            balloon_percent=balloon,
            start=start_day,
            add_ons=[(a.key, a.price) for a in add_ons],
        )
        car = _with_car(ctx.vehicle, deal_in) if form.deal is not None else ctx.vehicle
        ev = lending_eligibility.evaluate_product(
            product, ctx.customer, car, request.for_product(product), ctx.settings
        )
        if not ev.eligible or ev.schedule is None or ev.annual_rate is None:
            for r in ev.reasons:
                # one reason per field (each stays translatable); more go to ``plan``
                field_name = _PLAN_FIELDS.get(r.code, "plan")
                f.error(field_name if field_name not in f.errors else "plan", r)
            if not f.errors:
                f.error("plan", reason("plan.cannot_price"))
            f.raise_if_errors()
        sched = ev.schedule
        assert sched is not None and ev.annual_rate is not None
        total_add_ons = money(sum((a.price for a in add_ons), Decimal(0)))
        p = Plan(
            store_id=actor.store_id,
            consultation_id=c.id,
            product_id=catalogue.product_id_by_code(uow, actor.store_id, product.code),
            product_code=product.code,
            lender_name=lender,
            method=m.value,
            vehicle_price=price_v,
            down_payment=down,
            amount=ev.loan_amount,
            term_months=term,
            annual_rate=ev.annual_rate,
            upfront_fee=sched.terms.upfront_fee,
            monthly_fee_rate=sched.terms.monthly_fee_rate,
            step_percent=sched.terms.step_percent if m is RepaymentMethod.STEP_UP else None,
            step_months=sched.terms.step_months if m is RepaymentMethod.STEP_UP else None,
            start_date=start_day,
            bundle=(form.bundle or None),
            first_payment=sched.first_payment,
            max_payment=sched.max_payment,
            total_interest=sched.total_interest,
            total_fees=sched.total_fees,
            total_add_ons=total_add_ons,
            total_repayment=sched.total_repayment,
            apr=sched.apr.quantize(RATE_PLACES),
            effective_annual_rate=sched.effective_annual_rate.quantize(RATE_PLACES),
            warnings=reasons_to_json(ev.warnings),
            chosen=False,
            created_at=moment,
            created_by=actor.staff_id,
            balloon=sched.balloon if m is RepaymentMethod.BALLOON else None,
            deal=deal_to_json(deal_in) if form.deal is not None else None,
        )
        uow.session.add(p)
        uow.session.flush()
        rows = [
            PlanAddOn(
                store_id=actor.store_id,
                plan_id=p.id,
                kind=a.kind.value,
                name=a.name,
                price=a.price,
                required=a.required,
                code=a.code,
                name_zh=a.name_zh,
            )
            for a in add_ons
        ]
        uow.session.add_all(rows)
        if _step_state(c, Step.PLAN) is not StepState.COMPLETE:
            _set_step(c, Step.PLAN, StepState.IN_PROGRESS)
        _stamp(c, FunnelStage.PLAN_OFFERED, moment)
        c.updated_at = moment
        uow.session.flush()
        return _plan_view(p, rows, (product.name, product.name_zh), c.version_id)


def list_plans(target: Target, actor: Actor, consultation_id: int) -> list[PlanView]:
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        names = _product_names(uow, actor.store_id)
        plans = list(
            uow.session.scalars(select(Plan).where(Plan.consultation_id == c.id).order_by(Plan.id))
        )
        out = []
        for p in plans:
            add_ons = list(
                uow.session.scalars(
                    select(PlanAddOn).where(PlanAddOn.plan_id == p.id).order_by(PlanAddOn.id)
                )
            )
            out.append(
                _plan_view(
                    p, add_ons, names.get(p.product_code, (p.product_code, "")), c.version_id
                )
            )
        return out


def get_plan(target: Target, actor: Actor, plan_id: int) -> PlanView:
    with reading(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        add_ons = list(uow.session.scalars(select(PlanAddOn).where(PlanAddOn.plan_id == p.id)))
        names = _product_names(uow, actor.store_id)
        c = _load(uow, actor, p.consultation_id)
        return _plan_view(p, add_ons, names.get(p.product_code, (p.product_code, "")), c.version_id)


def plan_schedule(target: Target, actor: Actor, plan_id: int) -> Schedule:
    """Rebuild the repayment schedule of a saved plan (for the printed plan)."""
    with reading(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        terms = LoanTerms(
            amount=p.amount,
            annual_rate=p.annual_rate,
            months=p.term_months,
            method=RepaymentMethod(p.method),
            upfront_fee=p.upfront_fee,
            monthly_fee_rate=p.monthly_fee_rate,
            step_percent=p.step_percent or Decimal(0),
            step_months=p.step_months or 12,
            balloon=p.balloon or Decimal(0),
        )
        return build_schedule(terms, p.start_date or p.created_at.astimezone().date())


def plan_deal(target: Target, actor: Actor, plan_id: int) -> Deal | None:
    """The whole deal a saved plan was priced with (on-road lines with the store's
    defaults of today, trade-in, down payment, the add-ons its product finances); None
    for a plan saved before deals were kept."""
    with reading(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        deal_in = deal_from_json(p.deal)
        if deal_in is None or p.vehicle_price is None:
            return None
        add_ons = [
            (a.code or a.kind, a.price)
            for a in uow.session.scalars(select(PlanAddOn).where(PlanAddOn.plan_id == p.id))
        ]
        request = _deal_request(
            uow,
            actor,
            deal_in,
            price=p.vehicle_price,
            down=p.down_payment or Decimal(0),
            term=p.term_months,
            method=RepaymentMethod(p.method),
            balloon_percent=Decimal(0),
            start=p.start_date or p.created_at.astimezone().date(),
            add_ons=add_ons,
        )
        cat = catalogue.load_catalogue(uow, actor.store_id, include_inactive=True)
        product = next((x for x in cat.products if x.code == p.product_code), None)
        return request.deal_for(product) if product is not None else request.deal


def delete_plan(target: Target, actor: Actor, plan_id: int) -> None:
    with transaction(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        c = _load(uow, actor, p.consultation_id)
        if p.chosen and c.signed_at is not None:
            raise ValidationError({"plan": reason("plan.signed_cannot_delete")})
        if uow.session.scalar(select(DocumentPrint.id).where(DocumentPrint.plan_id == p.id)):
            # the customer holds paper that names this plan: it stays
            raise ValidationError({"plan": reason("plan.printed_cannot_delete")})
        # add-ons first, each through the session (so a row already loaded in this
        # session is deleted once, not by a bulk DELETE and again at flush)
        for add_on in uow.session.scalars(select(PlanAddOn).where(PlanAddOn.plan_id == p.id)):
            uow.session.delete(add_on)
        uow.session.flush()
        uow.session.delete(p)
        uow.session.flush()
        remaining = uow.session.scalar(select(Plan.id).where(Plan.consultation_id == c.id))
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if not c.blacklist_hit:
            _set_step(
                c,
                Step.PLAN,
                StepState.COMPLETE
                if chosen
                else StepState.IN_PROGRESS
                if remaining
                else StepState.NOT_STARTED,
            )
        c.updated_at = now_or(None)


def choose_plan(
    target: Target,
    actor: Actor,
    plan_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Mark the plan the customer takes (at most one per consultation)."""
    moment = now_or(now)
    with transaction(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        c = _load(uow, actor, p.consultation_id)
        check_version(c, expected_version)
        _refresh_blocks(uow, actor, c)
        if c.blacklist_hit:
            raise ValidationError({"plan": reason("plan.blacklisted")})
        blocked = reasons_from_json(c.blocked_reasons)
        if blocked:  # e.g. qualification re-done and failed, vehicle found excluded
            raise ValidationError({"plan": blocked[0]})
        if c.signed_at is not None:
            raise ValidationError({"plan": reason("plan.already_signed")})
        for other in uow.session.scalars(
            select(Plan).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        ):
            other.chosen = False
        p.chosen = True
        _set_step(c, Step.PLAN, StepState.COMPLETE)
        if _step_state(c, Step.SIGNING) is StepState.NOT_STARTED:
            _set_step(c, Step.SIGNING, StepState.IN_PROGRESS)
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)
