"""Documents for a saved consultation, loaded through the ``db`` services.

:func:`make_document` is what the GUI's worker thread and ``print-quote``
call: it loads everything in its own units of work (never sharing a session
across threads), builds the data with :mod:`reports.pdf.data` and returns
the PDF bytes.  Every figure comes from ``lending`` (``db`` rebuilds each
saved plan's schedule with :func:`lending.schedule.build_schedule`).

Saving or printing a document is an export of personal data (masked): call
:func:`record_document_export` when the user saves or prints it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from db.services import audit, catalogue, consultations
from db.services import settings as settings_service
from db.services.base import Actor, Target
from db.services.consultations import AppraisalView, PlanView
from db.services.documents import DocumentInputs, document_inputs
from lending.errors import UserError
from lending.products import Product
from lending.schedule import Schedule
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports.pdf.data import (
    AddOnLine,
    CustomerInfo,
    DisclosureData,
    PlanSummary,
    QuoteData,
    RepaymentPlanData,
    StoreInfo,
    VehicleInfo,
    build_disclosure_data,
    build_plan_data,
    build_quote_data,
    dti_for,
    plan_summary,
)
from reports.pdf.disclosure import render_disclosure
from reports.pdf.fonts import FontSet, default_fonts
from reports.pdf.plan import render_plan
from reports.pdf.quote import render_quote
from resources.i18n import translator

TR_CONTEXT = "pdf"

PDF_FONT_SETTING = "pdf.font"
"""App setting (``db.services.settings.get_app_setting``): a font file, ``FILE#INDEX`` or
``builtin``; empty means search the system."""

def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


DocumentData = QuoteData | RepaymentPlanData | DisclosureData


class DocumentKind(StrEnum):
    QUOTE = "quote"
    PLAN = "plan"
    DISCLOSURE = "disclosure"


def _store(inputs: DocumentInputs) -> StoreInfo:
    s = inputs.store
    return StoreInfo(name=s.name, address=s.address, phone=s.phone,
                     complaint_channel=s.complaint_channel, sample=not s.catalogue_confirmed,
                     licence_no=s.licence_no, logo=s.logo)


def _customer(inputs: DocumentInputs) -> CustomerInfo:
    c = inputs.customer
    return CustomerInfo(c.name, c.id_number_masked, c.phone_masked)


def _vehicle(a: AppraisalView | None) -> VehicleInfo | None:
    if a is None:
        return None
    return VehicleInfo(
        brand=a.brand, model=a.model, vin=a.vin or "", first_registration=a.first_registration,
        mileage_km=a.mileage_km, colour=a.colour or "", condition=a.condition or "",
        vehicle_price=a.price, reference_price=a.market_price, appraisal_value=a.value,
        computed_value=a.computed_value, overridden=a.override_value is not None,
    )


def _add_ons(plan: PlanView) -> tuple[AddOnLine, ...]:
    return tuple(AddOnLine(str(a.kind.value), a.name, a.price, a.required) for a in plan.add_ons)


def _summary(plan: PlanView, schedule: Schedule, product: Product | None,
             settings: LendingSettings) -> PlanSummary:
    return plan_summary(
        schedule,
        product_name=product.name if product is not None else plan.product_name,
        product_name_zh=product.name_zh if product is not None else "",
        lender=plan.lender_name,
        vehicle_price=plan.vehicle_price,
        down_payment=plan.down_payment,
        chosen=plan.chosen,
        approval_days=(product.approval_days_min, product.approval_days_max)
        if product is not None else None,
        warnings=plan.warnings,
        settings=settings,
    )


def _document_no(prefix: str, consultation_id: int, plan_id: int) -> str:
    return f"{prefix}-{consultation_id:06d}-{plan_id}"


def load_document_data(
    target: Target,
    actor: Actor,
    consultation_id: int,
    kind: DocumentKind | str,
    *,
    plan_id: int | None = None,
    issued_on: date | None = None,
) -> DocumentData:
    """The data of one document: ``plan_id``, else the chosen plan, else the latest.

    The quote compares every plan of the consultation (the chosen one
    highlighted); the plan and the disclosure describe the one plan.
    Raises :class:`lending.errors.UserError` (``NotFound``) for unknown ids.
    """
    kind = DocumentKind(kind)
    issued_on = issued_on or date.today()
    inputs = document_inputs(target, actor, consultation_id, plan_id=plan_id)
    plan = inputs.plan
    store, customer = _store(inputs), _customer(inputs)
    summary = _summary(plan, inputs.schedule, inputs.product, inputs.settings)
    dti = dti_for(inputs.schedule, inputs.monthly_income, inputs.existing_monthly_debt,
                  inputs.settings)
    consultant = consultations.consultant_name(target, actor, inputs.consultation.consultant_id)
    if kind is DocumentKind.PLAN:
        return build_plan_data(inputs.schedule, summary, store=store, customer=customer,
                               issued_on=issued_on,
                               document_no=_document_no("P", consultation_id, plan.id))
    if kind is DocumentKind.DISCLOSURE:
        if inputs.product is None:
            raise UserError(_t("The product of this plan is no longer in the catalogue, so its "
                               "fees cannot be disclosed. Save the plan again with a current "
                               "product."))
        return build_disclosure_data(
            inputs.schedule, summary, inputs.product, store=store, customer=customer,
            consultant=consultant, issued_on=issued_on,
            document_no=_document_no("D", consultation_id, plan.id), add_ons=_add_ons(plan),
            dti=dti, vehicle=_vehicle(inputs.vehicle), settings=inputs.settings,
        )
    products = {p.code: p for p in
                catalogue.load_catalogue(target, actor.store_id, include_inactive=True).products}
    summaries = _all_summaries(target, actor, consultation_id, plan, summary, products,
                               inputs.settings)
    return build_quote_data(
        summaries, store=store, customer=customer, consultant=consultant, issued_on=issued_on,
        document_no=_document_no("Q", consultation_id, plan.id),
        vehicle=_vehicle(inputs.vehicle), add_ons=_add_ons(plan),
        insurance_required=bool(inputs.product and inputs.product.requires_full_insurance)
        or any(a.required for a in plan.add_ons if a.kind.value == "insurance"),
        dti=dti, settings=inputs.settings,
    )


def _all_summaries(
    target: Target,
    actor: Actor,
    consultation_id: int,
    main: PlanView,
    main_summary: PlanSummary,
    products: dict[str, Product],
    settings: LendingSettings,
) -> Sequence[PlanSummary]:
    out = []
    for p in consultations.list_plans(target, actor, consultation_id):
        if p.id == main.id:
            out.append(main_summary)
        else:
            schedule = consultations.plan_schedule(target, actor, p.id)
            out.append(_summary(p, schedule, products.get(p.product_code), settings))
    return out


def document_fonts(target: Target, actor: Actor) -> FontSet:
    """The store's configured PDF font, else the system's, else STSong-Light."""
    configured = settings_service.get_app_setting(target, actor.store_id, PDF_FONT_SETTING)
    return default_fonts(str(configured) if configured else None)


def render_document(
    kind: DocumentKind | str,
    data: DocumentData,
    lang: str | None = None,
    *,
    fonts: FontSet | None = None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> bytes:
    kind = DocumentKind(kind)
    if kind is DocumentKind.QUOTE and isinstance(data, QuoteData):
        return render_quote(data, lang, fonts=fonts, settings=settings)
    if kind is DocumentKind.PLAN and isinstance(data, RepaymentPlanData):
        return render_plan(data, lang, fonts=fonts, settings=settings)
    if kind is DocumentKind.DISCLOSURE and isinstance(data, DisclosureData):
        return render_disclosure(data, lang, fonts=fonts, settings=settings)
    raise TypeError(f"{type(data).__name__} is not the data of a {kind.value} document")


def make_document(
    target: Target,
    actor: Actor,
    consultation_id: int,
    kind: DocumentKind | str,
    lang: str | None = None,
    *,
    plan_id: int | None = None,
    issued_on: date | None = None,
) -> bytes:
    """Load, build and render one document of a saved consultation (thread-safe when
    ``target`` is a Database: each call opens its own units of work)."""
    data = load_document_data(target, actor, consultation_id, kind, plan_id=plan_id,
                              issued_on=issued_on)
    store_settings = settings_service.load_settings(target, actor.store_id)
    return render_document(kind, data, lang, fonts=document_fonts(target, actor),
                           settings=store_settings)


def record_document_export(
    target: Target,
    actor: Actor,
    consultation_id: int,
    kind: DocumentKind | str,
    *,
    how: str,
    plan_id: int | None = None,
) -> None:
    """Audit row for a saved or printed document (``how``: "save", "print", "cli")."""
    audit.record_export(target, actor, what="document", detail={
        "document": DocumentKind(kind).value, "consultation": consultation_id,
        "plan": plan_id, "how": how})
