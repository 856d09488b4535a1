"""Documents for a saved consultation, from the offer as it was shown.

:func:`make_document` is what the GUI's worker thread and ``print-quote``
call: it reads the plan's snapshot (:mod:`reports.pdf.snapshot`, kept when the
plan was saved) in its own unit of work (never sharing a session across
threads), puts in the customer's masked details, and returns the PDF bytes.
Nothing is recomputed: the figures, checks, dates and settings are those of
the day the offer was made.  A document printed before is a reprint: it says
"重印" ("Reprint" in English) with the day it is printed again, and keeps its own date.

Saving or printing a document is an export of personal data (masked) and one
more print of it: call :func:`record_document_export` when the user saves or
prints it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum

from db.models.base import utcnow
from db.services import audit, documents
from db.services import settings as settings_service
from db.services.base import Actor, Target, reading, transaction
from db.services.documents import StoredPlan
from lending.errors import UserError
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports.pdf.data import (
    CustomerInfo,
    DisclosureData,
    QuoteData,
    RepaymentPlanData,
    with_required_insurance,
)
from reports.pdf.disclosure import render_disclosure
from reports.pdf.fonts import FontSet, default_fonts
from reports.pdf.plan import render_plan
from reports.pdf.quote import render_quote
from reports.pdf.snapshot import PlanSnapshot, build_snapshot, from_json, take_snapshot
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


def _snapshot(
    target: Target, actor: Actor, consultation_id: int, stored: StoredPlan
) -> PlanSnapshot:
    """The plan's snapshot; for a plan saved before snapshots existed, one built now from
    the data of today (the only data there is), dated the day the plan was saved.  It is
    kept at the plan's first print (:func:`record_document_export`), so from then on
    every reprint shows the same figures."""
    if stored.snapshot is not None:
        return from_json(stored.snapshot)
    return build_snapshot(
        target,
        actor,
        consultation_id,
        stored.plan_id,
        taken_at=utcnow(),
        quote_date=stored.created_at.astimezone().date(),
        rebuilt=True,
    )


def load_snapshots(
    target: Target, actor: Actor, consultation_id: int, *, plan_id: int | None = None
) -> tuple[PlanSnapshot, list[tuple[StoredPlan, PlanSnapshot]]]:
    """The main plan's snapshot (``plan_id``, else the chosen plan, else the latest) and
    every plan's, oldest first.  Raises ``NotFound`` for unknown ids."""
    with reading(target) as uow:
        main_id = documents.main_plan_id(uow, actor, consultation_id, plan_id)
        plans = [
            (p, _snapshot(uow, actor, consultation_id, p))
            for p in documents.stored_plans(uow, actor, consultation_id)
        ]
        main = next(s for p, s in plans if p.plan_id == main_id)
        return main, plans


def load_document_data(
    target: Target,
    actor: Actor,
    consultation_id: int,
    kind: DocumentKind | str,
    *,
    plan_id: int | None = None,
    printed_on: date | None = None,
) -> DocumentData:
    """The data of one document: ``plan_id``, else the chosen plan, else the latest.

    The quote compares every plan of the consultation (each as its own snapshot has
    it; the chosen one highlighted); the plan and the disclosure describe the one
    plan.  A document printed before comes back as a reprint of ``printed_on``
    (default today).  Raises :class:`lending.errors.UserError` (``NotFound``) for
    unknown ids.
    """
    return _document(target, actor, consultation_id, DocumentKind(kind), plan_id, printed_on)[0]


def _document(
    target: Target,
    actor: Actor,
    consultation_id: int,
    kind: DocumentKind,
    plan_id: int | None,
    printed_on: date | None,
) -> tuple[DocumentData, LendingSettings]:
    """The document's data and the settings in force when its offer was made."""
    with reading(target) as uow:
        main_id = documents.main_plan_id(uow, actor, consultation_id, plan_id)
        main, plans = load_snapshots(uow, actor, consultation_id, plan_id=main_id)
        c = documents.customer_line(uow, actor, consultation_id)
        first = documents.first_printed_at(uow, actor, main_id, kind.value)
        logo = settings_service.get_store(uow, actor.store_id).logo
    customer = CustomerInfo(c.name, c.id_number_masked, c.phone_masked)
    again = (printed_on or date.today()) if first is not None else None
    if first is not None:  # a reprint compares what the first print compared, nothing newer
        plans = [(p, s) for p, s in plans if p.plan_id == main_id or p.created_at <= first]
    data: DocumentData
    if kind is DocumentKind.PLAN:
        data = replace(main.plan, customer=customer, reprinted_on=again)
    elif kind is DocumentKind.DISCLOSURE:
        if main.disclosure is None:
            raise UserError(
                _t(
                    "The product of this plan is no longer in the catalogue, so its "
                    "fees cannot be disclosed. Save the plan again with a current "
                    "product."
                )
            )
        data = replace(main.disclosure, customer=customer, reprinted_on=again)
    else:
        # each plan as its snapshot has it; the chosen plan's add-ons priced into every
        # plan's total cost, as the quote compares them (the same cover for each)
        summaries = tuple(
            with_required_insurance(replace(s.quote.plans[0], chosen=p.chosen), main.quote.add_ons)
            for p, s in plans
        )
        names = tuple(
            dict.fromkeys([*main.quote.names, *(n for _, s in plans for n in s.quote.names)])
        )
        data = replace(
            main.quote, plans=summaries, customer=customer, reprinted_on=again, names=names
        )
    if logo:
        data = replace(data, store=replace(data.store, logo=logo))
    return data, main.settings


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
    printed_on: date | None = None,
) -> bytes:
    """Load and render one document of a saved consultation from its snapshot, with the
    settings of the day the offer was made (thread-safe when ``target`` is a Database:
    each call opens its own units of work).  Reads only."""
    data, settings = _document(
        target, actor, consultation_id, DocumentKind(kind), plan_id, printed_on
    )
    return render_document(kind, data, lang, fonts=document_fonts(target, actor), settings=settings)


def record_document_export(
    target: Target,
    actor: Actor,
    consultation_id: int,
    kind: DocumentKind | str,
    *,
    how: str,
    plan_id: int | None = None,
    now: datetime | None = None,
) -> documents.PrintView:
    """One more print of a document (``how``: "save", "print", "cli") and its audit row.

    A plan saved before snapshots existed gets its snapshot now, from the data of
    today, once (the quote's other plans too): every later print shows those figures.
    """
    kind = DocumentKind(kind)
    moment = now or utcnow()
    with transaction(target) as uow:
        main_id = documents.main_plan_id(uow, actor, consultation_id, plan_id)
        for p in documents.stored_plans(uow, actor, consultation_id):
            if p.snapshot is None and (p.plan_id == main_id or kind is DocumentKind.QUOTE):
                take_snapshot(
                    uow,
                    actor,
                    consultation_id,
                    p.plan_id,
                    taken_at=moment,
                    quote_date=p.created_at.astimezone().date(),
                    rebuilt=True,
                )
        printed = documents.record_print(uow, actor, main_id, kind.value, how=how, now=moment)
        audit.record_export(
            uow,
            actor,
            what="document",
            now=moment,
            detail={
                "document": kind.value,
                "consultation": consultation_id,
                "plan": main_id,
                "how": how,
                "reprint": printed.reprint,
            },
        )
        return printed
