"""Step 4: finance plans - saving a plan with its snapshot, listing, choosing and deleting.

What can be offered (every product evaluated for the customer, the car and the deal,
``lending.eligibility``) is in :mod:`db.services.consultations.offers`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from db.models import (
    DocumentPrint,
    Plan,
    PlanAddOn,
)
from db.models.enums import (
    AddOnKind,
    FunnelStage,
    Step,
    StepState,
)
from db.services import catalogue
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
    _stamp,
    _step_state,
    _view,
)

# ---------------------------------------------------------------------------
# step 4: finance plans
# ---------------------------------------------------------------------------
from db.services.consultations.offers import (
    _deal_request,
    _offered_products,
    _plan_context,
    _read_request,
    _with_car,
)
from db.services.consultations.views import (
    RATE_PLACES,
    AddOnView,
    ConsultationView,
    PlanForm,
    PlanView,
)
from db.services.deals import (
    DealInput,
    deal_from_json,
    deal_to_json,
    read_deal,
)
from db.services.forms import Form
from db.services.messages import reason
from db.uow import UnitOfWork
from lending import eligibility as lending_eligibility
from lending.deal import Deal
from lending.money import money
from lending.products import Product
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule

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
