"""Everything a printed quote, repayment plan or disclosure sheet needs, in one call.

Personal data arrives masked; the monthly income is only used to state the
debt-to-income line and never printed by this layer.  The caller writes the
audit row for the export (``audit.record_export``) when the document is saved
or printed.

Each plan also keeps the offer as it was shown (``Plan.snapshot``, opaque JSON
here: ``reports.pdf.snapshot`` builds and reads it), and every printed document
of a plan is a :class:`~db.models.DocumentPrint` row: the first one, then the
reprints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from db.crypto import mask_id, mask_phone
from db.models import Consultation, Customer, DocumentPrint, Plan, Qualification
from db.services import catalogue, consultations
from db.services import settings as settings_service
from db.services.base import (
    Actor,
    NotFound,
    Target,
    ValidationError,
    get_owned,
    now_or,
    reading,
    transaction,
)
from db.services.consultations import AppraisalView, ConsultationView, PlanView
from db.services.customers import decrypt_customer
from db.services.settings import StoreView
from db.uow import UnitOfWork
from lending.deal import Deal
from lending.products import Product
from lending.qualification import Grade
from lending.schedule import Schedule
from lending.settings import LendingSettings


@dataclass(frozen=True)
class CustomerLine:
    name: str
    id_number_masked: str
    phone_masked: str


@dataclass(frozen=True)
class DocumentInputs:
    store: StoreView
    customer: CustomerLine
    consultation: ConsultationView
    plan: PlanView
    product: Product | None
    """None when the product was deleted from the catalogue since."""
    schedule: Schedule
    vehicle: AppraisalView | None
    grade: Grade | None
    monthly_income: Decimal | None
    existing_monthly_debt: Decimal
    settings: LendingSettings
    deal: Deal | None = None
    """The whole deal the plan was priced with (None: saved before deals were kept)."""


def _main_plan_id(uow: UnitOfWork, actor: Actor, c: Consultation, plan_id: int | None) -> int:
    if plan_id is None:
        plan_id = uow.session.scalar(
            select(Plan.id)
            .where(Plan.consultation_id == c.id)
            .order_by(Plan.chosen.desc(), Plan.id.desc())
            .limit(1)
        )
    if plan_id is None:
        raise NotFound(f"Consultation {c.id} has no finance plan yet.", code="no_plan")
    p = get_owned(uow, Plan, plan_id, actor, "Plan")
    if p.consultation_id != c.id:
        raise NotFound(f"Plan {plan_id} is not part of this consultation.", code="not_found")
    return p.id


def main_plan_id(
    target: Target, actor: Actor, consultation_id: int, plan_id: int | None = None
) -> int:
    """``plan_id`` when it belongs to the consultation, else the chosen plan, else the most
    recent one; :class:`NotFound` (code ``no_plan``) when there is none."""
    with reading(target) as uow:
        c = get_owned(uow, Consultation, consultation_id, actor, "Consultation")
        return _main_plan_id(uow, actor, c, plan_id)


def customer_line(target: Target, actor: Actor, consultation_id: int) -> CustomerLine:
    """The customer of a consultation as documents print it (ID and phone masked)."""
    with reading(target) as uow:
        c = get_owned(uow, Consultation, consultation_id, actor, "Consultation")
        customer = uow.session.get(Customer, c.customer_id)
        assert customer is not None
        plain = decrypt_customer(uow, customer)
        return CustomerLine(
            name=customer.name,
            id_number_masked=mask_id(plain.id_number) if plain.id_number else "",
            phone_masked=mask_phone(plain.phone) if plain.phone else "",
        )


def document_inputs(
    target: Target, actor: Actor, consultation_id: int, *, plan_id: int | None = None
) -> DocumentInputs:
    """Inputs for the documents of one plan: ``plan_id``, else the chosen plan, else the
    most recent one."""
    with reading(target) as uow:
        c = get_owned(uow, Consultation, consultation_id, actor, "Consultation")
        plan_id = _main_plan_id(uow, actor, c, plan_id)
        plan = consultations.get_plan(uow, actor, plan_id)
        q = uow.session.get(Qualification, c.id)
        income_text = (
            uow.cipher.decrypt_optional("qualifications", "monthly_income", q.monthly_income_enc)
            if q is not None
            else None
        )
        cat = catalogue.load_catalogue(uow, actor.store_id, include_inactive=True)
        product = next((p for p in cat.products if p.code == plan.product_code), None)
        return DocumentInputs(
            store=settings_service.get_store(uow, actor.store_id),
            customer=customer_line(uow, actor, c.id),
            consultation=consultations.get_consultation(uow, actor, c.id),
            plan=plan,
            product=product,
            schedule=consultations.plan_schedule(uow, actor, plan_id),
            vehicle=consultations.get_appraisal(uow, actor, c.id),
            grade=Grade(q.grade) if q is not None and q.grade else None,
            monthly_income=Decimal(income_text) if income_text else None,
            existing_monthly_debt=q.monthly_debt_payments if q is not None else Decimal(0),
            settings=settings_service.load_settings(uow, actor.store_id),
            deal=consultations.plan_deal(uow, actor, plan_id),
        )


# --- the offer as it was shown, and its prints --------------------------------------


@dataclass(frozen=True)
class StoredPlan:
    """One plan of a consultation with its stored snapshot (None: saved before snapshots)."""

    plan_id: int
    chosen: bool
    created_at: datetime
    snapshot: Any


def stored_plans(target: Target, actor: Actor, consultation_id: int) -> list[StoredPlan]:
    """Every plan of the consultation, oldest first, with its snapshot as stored."""
    with reading(target) as uow:
        c = get_owned(uow, Consultation, consultation_id, actor, "Consultation")
        rows = uow.session.execute(
            select(Plan.id, Plan.chosen, Plan.created_at, Plan.snapshot)
            .where(Plan.consultation_id == c.id)
            .order_by(Plan.id)
        )
        return [StoredPlan(r.id, r.chosen, r.created_at, r.snapshot) for r in rows]


def store_plan_snapshot(
    target: Target, actor: Actor, plan_id: int, snapshot: Mapping[str, Any]
) -> None:
    """Keep the offer of ``plan_id`` as it was shown.  Written once: a plan's snapshot is
    never replaced (a changed offer is a new plan)."""
    with transaction(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        if p.snapshot is not None:
            raise ValidationError({"plan": "This plan's offer is already kept."})
        p.snapshot = dict(snapshot)


def print_count(target: Target, actor: Actor, plan_id: int, document: str) -> int:
    """How often ``document`` of ``plan_id`` was printed or saved so far."""
    with reading(target) as uow:
        get_owned(uow, Plan, plan_id, actor, "Plan")
        return int(
            uow.session.scalar(
                select(func.count(DocumentPrint.id)).where(
                    DocumentPrint.plan_id == plan_id, DocumentPrint.document == document
                )
            )
            or 0
        )


def first_printed_at(target: Target, actor: Actor, plan_id: int, document: str) -> datetime | None:
    """When ``document`` of ``plan_id`` was first printed or saved (None: never)."""
    with reading(target) as uow:
        get_owned(uow, Plan, plan_id, actor, "Plan")
        return uow.session.scalar(
            select(func.min(DocumentPrint.printed_at)).where(
                DocumentPrint.plan_id == plan_id, DocumentPrint.document == document
            )
        )


@dataclass(frozen=True)
class PrintView:
    document: str
    reprint: bool
    how: str
    printed_at: datetime
    printed_by: int | None


def record_print(
    target: Target,
    actor: Actor,
    plan_id: int,
    document: str,
    *,
    how: str,
    now: datetime | None = None,
) -> PrintView:
    """One more print of ``document`` of ``plan_id``: the first, or a reprint."""
    moment = now_or(now)
    with transaction(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        earlier = print_count(uow, actor, p.id, document)
        row = DocumentPrint(
            store_id=actor.store_id,
            plan_id=p.id,
            document=document,
            reprint=earlier > 0,
            how=how,
            printed_at=moment,
            printed_by=actor.staff_id,
        )
        uow.session.add(row)
        uow.session.flush()
        return PrintView(row.document, row.reprint, row.how, row.printed_at, row.printed_by)


def list_prints(target: Target, actor: Actor, plan_id: int) -> list[PrintView]:
    """Every print of every document of ``plan_id``, first first."""
    with reading(target) as uow:
        get_owned(uow, Plan, plan_id, actor, "Plan")
        rows = uow.session.scalars(
            select(DocumentPrint)
            .where(DocumentPrint.plan_id == plan_id)
            .order_by(DocumentPrint.printed_at, DocumentPrint.id)
        )
        return [PrintView(r.document, r.reprint, r.how, r.printed_at, r.printed_by) for r in rows]
