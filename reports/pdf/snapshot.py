"""The offer as it was shown: one versioned snapshot per saved plan.

Saving a plan (:func:`save_plan`) keeps, beside the plan's row, everything its
three documents print: the quote (this plan alone: the comparison is put
together from each plan's own snapshot), the repayment plan with every
installment and the disclosure sheet, i.e. schedule, totals, APR, the checks
and their outcomes (DTI, rate notice, final-payment notice, warnings), the
quote's date and validity, the store's letterhead, the vehicle, the add-ons,
the catalogue names in both languages as they were, and the settings in
force (LPR, caps, DTI limit, cooling-off...).  Documents render that
snapshot (:mod:`reports.pdf.saved`), never a recomputation with today's
settings, catalogue or code; only labels (method, condition, reasons) are
translated at render time, from the codes kept here.

Personal data is not copied into the snapshot: the customer's name and the
masked ID and phone are read when the document is printed (an erased
customer stays erased on every reprint).

The stored form is JSON (:func:`to_json` / :func:`from_json`, done by
``cattrs``: dataclasses in, plain dicts out, Decimals as strings, dates in ISO
form) with a ``schema`` number.

Extending it (on-road lines, trade-in, balloon, ...): add the field, with a
default, to the document data in :mod:`reports.pdf.data` (it is then kept
automatically) or to :class:`PlanSnapshot`, and fill it in
:func:`build_snapshot` - the one place that assembles a snapshot.  Older
snapshots read the default.  When a stored field changes its meaning, raise
:data:`SCHEMA` and add a step to :data:`UPGRADES` that rewrites the older form.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from db.services import catalogue_admin, consultations, documents
from db.services.base import Actor, Target, transaction
from db.services.consultations import AppraisalView, PlanForm, PlanView
from db.services.documents import DocumentInputs, document_inputs
from lending.errors import UserError
from lending.settings import LendingSettings, settings_from_dict, settings_to_dict
from reports.lenders import kept_names
from reports.pdf.data import (
    AddOnLine,
    CustomerInfo,
    DisclosureData,
    QuoteData,
    RepaymentPlanData,
    StoreInfo,
    VehicleInfo,
    build_disclosure_data,
    build_plan_data,
    build_quote_data,
    deal_info,
    dti_for,
    plan_summary,
)
from resources.i18n import translator

SCHEMA = 1
"""The version of the stored form; raise it (with an upgrade step) when a field changes
its meaning."""

UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``schema n -> n + 1``: rewrites an older stored snapshot into the next form."""

NO_CUSTOMER = CustomerInfo(name="")
"""Stands in for the customer in a snapshot (personal data is read at print time)."""

TR_CONTEXT = "pdf"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


@dataclass(frozen=True)
class PlanSnapshot:
    """What the three documents of one plan print, as it was when the plan was saved."""

    taken_at: datetime
    settings: LendingSettings
    quote: QuoteData
    """The quote of this plan alone (one summary: the comparison joins several)."""
    plan: RepaymentPlanData
    disclosure: DisclosureData | None
    """None when the product had left the catalogue (a plan from before snapshots)."""
    rebuilt: bool = False
    """Built at the first print from the data of that day, for a plan saved before
    snapshots existed (its figures are that day's, its date the plan's own)."""
    schema: int = SCHEMA

    @property
    def quote_date(self) -> date:
        return self.quote.issued_on

    @property
    def valid_until(self) -> date:
        return self.quote.valid_until


# --- JSON ------------------------------------------------------------------------------


def _converter() -> cattrs.Converter:
    c = cattrs.Converter()
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))
    c.register_unstructure_hook(date, date.isoformat)
    c.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
    c.register_unstructure_hook(datetime, datetime.isoformat)
    c.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
    c.register_unstructure_hook(LendingSettings, settings_to_dict)
    c.register_structure_hook(LendingSettings, lambda v, _: _settings(v))
    # the logo (up to 256 KB) is not copied into every plan: documents print the store's
    # current one (reports.pdf.saved), like the customer's name
    c.register_unstructure_hook(
        StoreInfo, make_dict_unstructure_fn(StoreInfo, c, logo=override(omit=True))
    )
    return c


def _settings(data: Mapping[str, Any]) -> LendingSettings:
    """The stored settings; a setting added since keeps its default, one removed is
    ignored (the snapshot is read, not validated against today's settings screen)."""
    known = {f.name for f in dataclasses.fields(LendingSettings)}
    return settings_from_dict({k: v for k, v in data.items() if k in known})


_CONVERTER = _converter()


class SnapshotError(UserError):
    """A stored snapshot this version cannot read (written by a newer LoanDesk)."""


def to_json(snapshot: PlanSnapshot) -> dict[str, Any]:
    data: dict[str, Any] = _CONVERTER.unstructure(snapshot)
    return data


def from_json(data: Mapping[str, Any]) -> PlanSnapshot:
    form = dict(data)
    schema = int(form.get("schema", 1))
    if schema > SCHEMA:
        raise SnapshotError(
            _t(
                "This plan was saved by a newer version of LoanDesk; update the program to "
                "print it."
            ),
            code="snapshot_newer",
        )
    while schema < SCHEMA:
        form = UPGRADES[schema](form)
        schema += 1
    form["schema"] = SCHEMA
    return _CONVERTER.structure(form, PlanSnapshot)


# --- building ------------------------------------------------------------------------------


def _store(inputs: DocumentInputs) -> StoreInfo:
    s = inputs.store
    return StoreInfo(
        name=s.name,
        address=s.address,
        phone=s.phone,
        complaint_channel=s.complaint_channel,
        sample=not s.catalogue_confirmed,
        licence_no=s.licence_no,
    )


def _vehicle(a: AppraisalView | None) -> VehicleInfo | None:
    if a is None:
        return None
    return VehicleInfo(
        brand=a.brand,
        model=a.model,
        vin=a.vin or "",
        first_registration=a.first_registration,
        mileage_km=a.mileage_km,
        colour=a.colour or "",
        condition=a.condition or "",
        vehicle_price=a.price,
        reference_price=a.market_price,
        appraisal_value=a.value,
        computed_value=a.computed_value,
        overridden=a.override_value is not None,
    )


def _add_ons(plan: PlanView) -> tuple[AddOnLine, ...]:
    """The plan's add-ons with both names as the store's add-on catalogue had them."""
    return tuple(
        AddOnLine(str(a.kind.value), a.name, a.price, a.required, a.name_zh, a.code)
        for a in plan.add_ons
    )


def document_no(prefix: str, consultation_id: int, plan_id: int) -> str:
    return f"{prefix}-{consultation_id:06d}-{plan_id}"


def build_snapshot(
    target: Target,
    actor: Actor,
    consultation_id: int,
    plan_id: int,
    *,
    taken_at: datetime,
    quote_date: date | None = None,
    rebuilt: bool = False,
) -> PlanSnapshot:
    """The documents of ``plan_id`` from the saved plan and today's data (read only).

    ``quote_date`` defaults to the local day of ``taken_at``.  Called when the plan is
    saved, and once for a plan saved before snapshots existed (``rebuilt``).
    """
    issued = quote_date or taken_at.astimezone().date()
    inputs = document_inputs(target, actor, consultation_id, plan_id=plan_id)
    plan, product, settings, schedule = (
        inputs.plan,
        inputs.product,
        inputs.settings,
        inputs.schedule,
    )
    store = _store(inputs)
    vehicle = _vehicle(inputs.vehicle)
    add_ons = _add_ons(plan)
    consultant = consultations.consultant_name(target, actor, inputs.consultation.consultant_id)
    summary = plan_summary(
        schedule,
        # the names as the catalogue had them when the offer was made
        product_name=product.name if product is not None else plan.product_name,
        product_name_zh=product.name_zh if product is not None else plan.product_name_zh,
        lender=plan.lender_name,
        vehicle_price=plan.vehicle_price,
        down_payment=plan.down_payment,
        approval_days=(product.approval_days_min, product.approval_days_max)
        if product is not None
        else None,
        warnings=plan.warnings,
        settings=settings,
        subsidy=product.subsidy if product is not None else None,
        deal=inputs.deal,
    )
    deal = None
    if inputs.deal is not None and plan.deal is not None:
        deal = deal_info(inputs.deal, plan.deal.trade_in_value, plan.deal.trade_in_owed)
    dti = dti_for(schedule, inputs.monthly_income, inputs.existing_monthly_debt, settings)
    quote = build_quote_data(
        [summary],
        store=store,
        customer=NO_CUSTOMER,
        consultant=consultant,
        issued_on=issued,
        document_no=document_no("Q", consultation_id, plan.id),
        vehicle=vehicle,
        add_ons=add_ons,
        insurance_required=bool(product and product.requires_full_insurance)
        or any(a.required for a in plan.add_ons if a.kind.value == "insurance"),
        dti=dti,
        settings=settings,
        deal=deal,
    )
    repayment = build_plan_data(
        schedule,
        summary,
        store=store,
        customer=NO_CUSTOMER,
        issued_on=issued,
        document_no=document_no("P", consultation_id, plan.id),
    )
    disclosure = None
    if product is not None:
        disclosure = build_disclosure_data(
            schedule,
            summary,
            product,
            store=store,
            customer=NO_CUSTOMER,
            consultant=consultant,
            issued_on=issued,
            document_no=document_no("D", consultation_id, plan.id),
            add_ons=add_ons,
            dti=dti,
            vehicle=vehicle,
            settings=settings,
            deal=deal,
        )
    # the lender's and add-ons' display names (both languages, the lender's phone) as
    # the catalogue has them today: the documents print these, whatever it says later
    # (an add-on line carries its own two names; only one saved before the add-on
    # catalogue is looked up by name)
    names = kept_names(
        [plan.lender_name],
        [a.name for a in plan.add_ons if not a.name_zh],
        catalogue_admin.lender_entries(target, actor.store_id),
    )
    return PlanSnapshot(
        taken_at=taken_at,
        settings=settings,
        quote=replace(quote, names=names),
        plan=replace(repayment, names=names),
        disclosure=replace(disclosure, names=names) if disclosure is not None else None,
        rebuilt=rebuilt,
    )


def take_snapshot(
    target: Target,
    actor: Actor,
    consultation_id: int,
    plan_id: int,
    *,
    taken_at: datetime,
    quote_date: date | None = None,
    rebuilt: bool = False,
) -> PlanSnapshot:
    """Build the snapshot of ``plan_id`` and keep it with the plan (once)."""
    with transaction(target) as uow:
        snap = build_snapshot(
            uow,
            actor,
            consultation_id,
            plan_id,
            taken_at=taken_at,
            quote_date=quote_date,
            rebuilt=rebuilt,
        )
        documents.store_plan_snapshot(uow, actor, plan_id, to_json(snap))
        return snap


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
    """``consultations.save_plan`` and the offer's snapshot, in one unit of work (both are
    kept, or neither)."""
    with transaction(target) as uow:
        view = consultations.save_plan(
            uow,
            actor,
            consultation_id,
            form,
            lender_name=lender_name,
            expected_version=expected_version,
            now=now,
        )
        take_snapshot(uow, actor, consultation_id, view.id, taken_at=view.created_at)
        return view
