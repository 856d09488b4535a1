"""One row per consultation, streamed (bounded memory), masked unless the owner asks.

Masking uses ``db.crypto``'s helpers: ID ``110105********002X``, phone
``138****5678``, income as its band ``10,000–15,000``; the name keeps its first character
(``王**``).  Unmasked rows need the owner role and are written to the audit
log (``view_pii``) before the first row is produced.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from db.crypto import income_band, mask_id, mask_phone
from db.database import Database
from db.models import Consultation, Customer, Plan, Product, Qualification, Staff
from db.models.enums import AuditAction
from db.services import audit
from db.services.base import Actor, Permission, PermissionDenied, require
from reports.model.period import ReportPeriod
from reports.model.sql import (
    STAGE_COLUMNS,
    STAGES,
    in_stores,
    insured_plan,
    resolve_stores,
    staff_of,
)
from reports.model.sql import name_zh as _name_zh

C = Consultation
PII_FIELDS = "name,id_number,phone,monthly_income"


def mask_name(name: str) -> str:
    """Keep the first character (the surname, usually): ``'王小明'`` -> ``'王**'``."""
    name = name.strip()
    if len(name) <= 1:
        return "*" * len(name)
    return name[0] + "*" * (len(name) - 1)


@dataclass(frozen=True, slots=True)
class ConsultationRow:
    id: int
    contact_at: datetime | None
    """Local time of the store, naive."""
    customer_name: str
    phone: str
    id_number: str
    monthly_income: Decimal | str | None
    """Decimal when unmasked, a masked string otherwise."""
    tier: str
    channel: str
    intent: str
    consultant: str
    status: str
    stage: str
    """The furthest funnel stage reached."""
    grade: str
    product: str
    lender: str
    method: str
    amount: Decimal | None
    term_months: int | None
    apr: Decimal | None
    first_payment: Decimal | None
    insurance: bool | None
    """Whether the chosen plan carries insurance (None without a chosen plan)."""
    signed_at: datetime | None
    delivered_at: datetime | None
    lost_reason: str
    satisfaction: int | None
    product_zh: str = ""
    lost_reason_code: str = ""
    lender_outcome: str = ""
    """The lender's decision: approved / declined / withdrawn ('' when none recorded)."""
    """The :class:`LostReason` category picked in the GUI ('' when none)."""
    """The product's Chinese name (catalogue ``name_zh``), empty when it has none."""


def check_unmasked(actor: Actor | None) -> Actor:
    """Unmasked personal data in a report is for the owner only."""
    if actor is None or not actor.can(Permission.EXPORT_UNMASKED):
        raise PermissionDenied(
            "Only the owner may export unmasked personal data.", code="permission_denied"
        )
    require(actor, Permission.VIEW_PII)
    return actor


def iter_consultation_rows(
    database: Database,
    period: ReportPeriod,
    *,
    store_id: int | None = None,
    store_ids: Sequence[int] | None = None,
    unmasked: bool = False,
    actor: Actor | None = None,
    batch: int = 1000,
) -> Iterator[ConsultationRow]:
    """Consultations first contacted in the period, oldest first, ``batch`` rows at a time.

    ``store_ids`` (a group report) wins over ``store_id``; neither means the
    actor's store (or the first store).
    """
    if unmasked:
        owner = check_unmasked(actor)
    sids = resolve_stores(
        database,
        store_id if store_id is not None else (actor.store_id if actor is not None else None),
        store_ids,
    )
    lo, hi = period.bounds()
    if unmasked:
        with database.unit_of_work() as uow:
            for sid in sids:  # each store's audit trail shows who saw its customers
                audit.record(
                    uow,
                    store_id=sid,
                    action=AuditAction.VIEW_PII,
                    actor=owner,
                    target_type="report",
                    fields=PII_FIELDS,
                    detail={"from": period.start.isoformat(), "to": period.end.isoformat()},
                )
            uow.commit()
    with database.session_factory() as s:
        # (a Result has .keys(), so dict(result) would take it for a mapping)
        staff = {
            i: n for i, n in s.execute(select(Staff.id, Staff.display_name).where(staff_of(sids)))
        }
        products = {
            i: n
            for i, n in s.execute(
                select(Product.id, Product.name).where(in_stores(Product.store_id, sids))
            )
        }
        products_zh = {
            i: _name_zh(spec)
            for i, spec in s.execute(
                select(Product.id, Product.spec).where(in_stores(Product.store_id, sids))
            )
        }
    stmt = (
        select(
            C.id,
            C.contact_at,
            C.source_channel,
            C.intent_level,
            C.consultant_id,
            C.status,
            C.lost_reason,
            C.satisfaction,
            *STAGE_COLUMNS[1:],
            Customer.name,
            Customer.phone_enc,
            Customer.id_number_enc,
            Customer.tier,
            Qualification.grade,
            Qualification.monthly_income_enc,
            Plan.id,
            Plan.product_code,
            Plan.product_id,
            Plan.lender_name,
            Plan.method,
            Plan.amount,
            Plan.term_months,
            Plan.apr,
            Plan.first_payment,
            insured_plan(),
            C.lost_reason_code,
            C.lender_outcome,
        )
        .select_from(C)
        .join(Customer, Customer.id == C.customer_id)
        .outerjoin(Qualification, Qualification.consultation_id == C.id)
        .outerjoin(Plan, (Plan.consultation_id == C.id) & Plan.chosen.is_(True))
        .where(in_stores(C.store_id, sids), C.contact_at >= lo, C.contact_at < hi)
        .order_by(C.contact_at, C.id)
        .execution_options(yield_per=batch)
    )
    cipher = database.cipher
    decrypt = cipher.decrypt
    local = period.local
    last = len(STAGES) - 1
    with database.session_factory() as s:
        for r in s.execute(stmt):
            (
                cid,
                contact,
                channel,
                intent,
                consultant,
                status,
                lost_reason,
                satisfaction,
                *stamps,
            ) = r[: 8 + last]
            (
                name,
                phone_enc,
                id_enc,
                tier,
                grade,
                income_enc,
                plan_id,
                product_code,
                product_id,
                lender,
                method,
                amount,
                term,
                apr,
                first_payment,
                insured,
                lost_code,
                outcome,
            ) = r[8 + last :]
            phone = decrypt("customers", "phone", phone_enc) if phone_enc else ""
            idn = decrypt("customers", "id_number", id_enc) if id_enc else ""
            income_text = (
                decrypt("qualifications", "monthly_income", income_enc) if income_enc else None
            )
            income: Decimal | str | None
            if unmasked:
                income = Decimal(income_text) if income_text else None
            else:
                name = mask_name(name or "")
                phone = mask_phone(phone) if phone else ""
                idn = mask_id(idn) if idn else ""
                income = income_band(income_text) if income_text else None
            stage = STAGES[0]
            for i in range(last, 0, -1):
                if stamps[i - 1] is not None:
                    stage = STAGES[i]
                    break
            signed, delivered = stamps[STAGES.index("signed") - 1], stamps[last - 1]
            yield ConsultationRow(
                id=cid,
                contact_at=local(contact) if contact is not None else None,
                customer_name=name or "",
                phone=phone,
                id_number=idn,
                monthly_income=income,
                tier=tier or "",
                channel=channel or "",
                intent=intent or "",
                consultant=staff.get(consultant, "") if consultant is not None else "",
                status=status or "",
                stage=stage,
                grade=grade or "",
                product=_product_name(products, product_id, product_code),
                product_zh=products_zh.get(product_id, "") if product_id is not None else "",
                lender=lender or "",
                method=method or "",
                amount=amount,
                term_months=term,
                apr=apr,
                first_payment=first_payment,
                insurance=bool(insured) if plan_id is not None else None,
                signed_at=local(signed) if signed is not None else None,
                delivered_at=local(delivered) if delivered is not None else None,
                lost_reason=lost_reason or "",
                lost_reason_code=lost_code or "",
                lender_outcome=outcome or "",
                satisfaction=satisfaction,
            )


def _product_name(products: dict[Any, str], product_id: int | None, code: str | None) -> str:
    if product_id is not None and product_id in products:
        return products[product_id]
    return code or ""
