"""Everything a printed quote, repayment plan or disclosure sheet needs, in one call.

Personal data arrives masked; the monthly income is only used to state the
debt-to-income line and never printed by this layer.  The caller writes the
audit row for the export (``audit.record_export``) when the document is saved
or printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from db.crypto import mask_id, mask_phone
from db.models import Consultation, Customer, Plan, Qualification
from db.services import catalogue, consultations
from db.services import settings as settings_service
from db.services.base import Actor, NotFound, Target, get_owned, reading
from db.services.consultations import AppraisalView, ConsultationView, PlanView
from db.services.customers import decrypt_customer
from db.services.settings import StoreView
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


def document_inputs(
    target: Target, actor: Actor, consultation_id: int, *, plan_id: int | None = None
) -> DocumentInputs:
    """Inputs for the documents of one plan: ``plan_id``, else the chosen plan, else the
    most recent one."""
    with reading(target) as uow:
        c = get_owned(uow, Consultation, consultation_id, actor, "Consultation")
        if plan_id is None:
            plan_id = uow.session.scalar(
                select(Plan.id)
                .where(Plan.consultation_id == c.id)
                .order_by(Plan.chosen.desc(), Plan.id.desc())
                .limit(1)
            )
        if plan_id is None:
            raise NotFound(
                f"Consultation {consultation_id} has no finance plan yet.", code="no_plan"
            )
        plan = consultations.get_plan(uow, actor, plan_id)
        if plan.consultation_id != c.id:
            raise NotFound(f"Plan {plan_id} is not part of this consultation.", code="not_found")
        customer = uow.session.get(Customer, c.customer_id)
        assert customer is not None
        plain = decrypt_customer(uow, customer)
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
            customer=CustomerLine(
                name=customer.name,
                id_number_masked=mask_id(plain.id_number) if plain.id_number else "",
                phone_masked=mask_phone(plain.phone) if plain.phone else "",
            ),
            consultation=consultations.get_consultation(uow, actor, c.id),
            plan=plan,
            product=product,
            schedule=consultations.plan_schedule(uow, actor, plan_id),
            vehicle=consultations.get_appraisal(uow, actor, c.id),
            grade=Grade(q.grade) if q is not None and q.grade else None,
            monthly_income=Decimal(income_text) if income_text else None,
            existing_monthly_debt=q.monthly_debt_payments if q is not None else Decimal(0),
            settings=settings_service.load_settings(uow, actor.store_id),
        )
