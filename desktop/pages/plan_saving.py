"""The finance page's data and its saves: what it loads, what the staff picked, and the
unit of work that keeps a pick as a plan.

* :class:`PlanData`: one read of everything the page shows (the consultation, its
  appraisal and qualification, its plans, the product names, the store's on-road
  defaults, its active add-ons and its lenders' names in the screen's language).
* :class:`Pick`: what is set up on the screen; :func:`pick_of` the same for a saved plan
  (a pick equal to a saved plan is not saved again).
* :func:`save_job`: the worker's job - the plan with the offer as shown
  (``reports.pdf.snapshot.save_plan``), the draft it replaces deleted and, when asked,
  the plan chosen for signing, all in one unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from db.services import addons_admin, catalogue_admin, deals
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services.base import NotFound, ValidationError
from desktop.context import AppContext
from desktop.pages.texts import product_names
from lending.addons import AddOn
from lending.money import ZERO, money
from lending.settings import OnRoadSettings


@dataclass(frozen=True)
class PlanData:
    consultation: cs.ConsultationView
    appraisal: cs.AppraisalView | None
    qualification: cs.QualificationView | None
    plans: tuple[cs.PlanView, ...]
    names: dict[str, str]
    on_road: OnRoadSettings
    add_ons: tuple[AddOn, ...] = ()
    """The store's active add-ons (the owner's catalogue), in its order."""
    lenders: tuple[tuple[str, str], ...] = ()
    """Each lender's English name and its name in the screen's language."""


def fetch(ctx: AppContext, consultation_id: int) -> PlanData:
    """Everything the finance page shows for one consultation (on the worker)."""
    db, actor = ctx.database, ctx.staff
    return PlanData(
        cs.get_consultation(db, actor, consultation_id),
        cs.get_appraisal(db, actor, consultation_id),
        cs.get_qualification(db, actor, consultation_id),
        tuple(cs.list_plans(db, actor, consultation_id)),
        product_names(ctx),
        settings_service.load_on_road_settings(db, actor.store_id),
        tuple(r.add_on for r in addons_admin.list_add_ons(db, actor, active_only=True)),
        tuple(
            (name, (e["name_zh"] or name) if ctx.chinese else name)
            for name, e in catalogue_admin.lender_entries(db, actor.store_id).items()
        ),
    )


@dataclass(frozen=True)
class Pick:
    """What the staff have set up on the screen."""

    product_code: str
    method: str
    term_months: int
    down_payment: Decimal
    add_ons: tuple[cs.AddOnInput, ...]
    balloon_percent: Decimal = ZERO
    deal: deals.DealInput | None = None


def pick_of(p: cs.PlanView) -> Pick:
    """A saved plan as a pick (to tell whether the screen still shows it)."""
    return Pick(
        p.product_code,
        p.method.value,
        p.term_months,
        money(p.down_payment or 0),
        tuple(
            cs.AddOnInput(a.kind.value, a.name, a.price, a.required, a.code, a.name_zh)
            for a in p.add_ons
        ),
        (p.balloon * 100 / p.amount).quantize(Decimal(1)) if p.balloon and p.amount else ZERO,
        p.deal,
    )


def save_job(
    ctx: AppContext,
    cid: int,
    form: cs.PlanForm,
    *,
    existing: int | None,
    draft: int | None,
    choose: bool,
    version: int | None,
) -> Callable[[], tuple[PlanData, int]]:
    """The job that saves ``form`` (or reuses the saved plan ``existing``), deletes the
    unchosen ``draft`` it replaces and, with ``choose``, makes it the plan to sign; it
    returns the page's data after the save and the plan's id."""
    db, actor = ctx.database, ctx.staff

    def job() -> tuple[PlanData, int]:
        # the plan with the offer as shown (what its documents will print); imported
        # here, on the worker, so that start-up does not load ReportLab
        from reports.pdf.snapshot import save_plan

        # one unit of work: the new plan, the draft it replaces and the choice are
        # saved together or not at all (a lost connection rolls all of it back)
        with db.unit_of_work() as uow:
            if existing is not None:
                plan_id = existing
            else:
                plan_id = save_plan(uow, actor, cid, form, expected_version=version).id
                if draft is not None and draft != plan_id:
                    try:
                        old = cs.get_plan(uow, actor, draft)
                        if not old.chosen:
                            cs.delete_plan(uow, actor, draft)
                    except (NotFound, ValidationError):
                        pass  # already gone, or signed meanwhile: keep it
            if choose:
                cs.choose_plan(uow, actor, plan_id, expected_version=version)
            uow.commit()
        return fetch(ctx, cid), plan_id

    return job
