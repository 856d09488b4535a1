"""Customers and consent.

* The ID number, phone and income are encrypted; look-up by phone or ID
  number uses the keyed hash (exact match on the normalised value).
* A consent record (who, when, what for) must exist before an ID number is
  stored: ``create_customer(..., id_number=..., consent_purpose=...)`` records
  both in one transaction, or call :func:`record_consent` first.
* Results are masked; :func:`get_customer` with ``unmasked=True`` needs the
  ``view_pii`` permission and writes an audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from db.crypto import mask_id, mask_phone
from db.models import ConsentRecord, Customer
from db.models.enums import AuditAction, Channel, Tier
from db.services import audit
from db.services.base import (
    Actor,
    Permission,
    Target,
    ValidationError,
    check_version,
    get_owned,
    now_or,
    reading,
    require,
    transaction,
)
from db.services.messages import reason
from db.uow import UnitOfWork
from lending import identity
from lending.reasons import Reason

T = "customers"
DEFAULT_CONSENT_PURPOSE = (
    "Assess and arrange vehicle financing, and contact the customer about this application."
)
CONSENT_MISSING = reason("customer.consent_missing")


@dataclass(frozen=True)
class CustomerSummary:
    """A search result: never any unmasked personal data."""

    id: int
    name: str
    phone_masked: str
    id_number_masked: str
    tier: Tier
    created_at: datetime


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    phone: str
    """Masked unless the view was opened with ``unmasked=True``."""
    id_number: str
    """Masked unless the view was opened with ``unmasked=True``."""
    masked: bool
    tier: Tier
    source_channel: Channel | None
    birth_date: date | None
    sex: str | None
    has_consent: bool
    consent_recorded_at: datetime | None
    created_at: datetime
    version_id: int


@dataclass(frozen=True)
class Plain:
    """Decrypted personal fields (for documents and checks in the service layer)."""

    phone: str | None
    id_number: str | None


def decrypt_customer(uow: UnitOfWork, c: Customer) -> Plain:
    cipher = uow.cipher
    return Plain(
        phone=cipher.decrypt_optional(T, "phone", c.phone_enc),
        id_number=cipher.decrypt_optional(T, "id_number", c.id_number_enc),
    )


def _summary(uow: UnitOfWork, c: Customer) -> CustomerSummary:
    p = decrypt_customer(uow, c)
    return CustomerSummary(
        id=c.id,
        name=c.name,
        phone_masked=mask_phone(p.phone) if p.phone else "",
        id_number_masked=mask_id(p.id_number) if p.id_number else "",
        tier=Tier(c.tier),
        created_at=c.created_at,
    )


def _active_consent(uow: UnitOfWork, customer_id: int) -> ConsentRecord | None:
    return uow.session.scalar(
        select(ConsentRecord)
        .where(ConsentRecord.customer_id == customer_id, ConsentRecord.withdrawn_at.is_(None))
        .order_by(ConsentRecord.recorded_at.desc())
        .limit(1)
    )


def _view(uow: UnitOfWork, c: Customer, *, masked: bool) -> CustomerView:
    p = decrypt_customer(uow, c)
    birth = sex = None
    if p.id_number:
        chk = identity.check_resident_id(p.id_number)
        birth, sex = chk.birth_date, (chk.sex.value if chk.sex else None)
    consent = _active_consent(uow, c.id)
    phone = p.phone or ""
    idn = p.id_number or ""
    return CustomerView(
        id=c.id,
        name=c.name,
        phone=mask_phone(phone) if masked and phone else phone,
        id_number=mask_id(idn) if masked and idn else idn,
        masked=masked,
        tier=Tier(c.tier),
        source_channel=Channel(c.source_channel) if c.source_channel else None,
        birth_date=birth,
        sex=sex,
        has_consent=consent is not None,
        consent_recorded_at=consent.recorded_at if consent else None,
        created_at=c.created_at,
        version_id=c.version_id,
    )


def _reason_text(found: Reason | None, fallback: Reason) -> Reason:
    return found if found is not None else fallback


def _validate(
    errors: dict[str, Reason | str],
    *,
    name: str | None,
    phone: str | None,
    id_number: str | None,
    tier: str | None,
    source_channel: str | None,
) -> tuple[str | None, str | None]:
    """Check the fields; return the normalised phone and ID number."""
    norm_phone = norm_id = None
    if name is not None and not name.strip():
        errors["name"] = reason("customer.name_missing")
    elif name is not None and len(name.strip()) > 100:
        errors["name"] = reason("customer.name_too_long")
    if phone:
        pc = identity.check_mobile(phone)
        if pc.valid:
            norm_phone = pc.normalized
        else:
            errors["phone"] = _reason_text(pc.reason, reason("customer.phone_invalid"))
    if id_number:
        ic = identity.check_resident_id(id_number)
        if ic.valid:
            norm_id = ic.normalized
        else:
            errors["id_number"] = _reason_text(ic.reason, reason("customer.id_invalid"))
    if tier is not None and tier not in set(Tier):
        errors["tier"] = reason("customer.tier_invalid")
    if source_channel is not None and source_channel not in set(Channel):
        errors["source_channel"] = reason("customer.channel_invalid")
    return norm_phone, norm_id


def _duplicate_id(uow: UnitOfWork, actor: Actor, id_hmac: str, exclude: int | None) -> int | None:
    q = select(Customer.id).where(
        Customer.store_id == actor.store_id,
        Customer.id_hmac == id_hmac,
        Customer.erased_at.is_(None),
    )
    if exclude is not None:
        q = q.where(Customer.id != exclude)
    return uow.session.scalar(q.limit(1))


def create_customer(
    target: Target,
    actor: Actor,
    name: str,
    *,
    phone: str | None = None,
    id_number: str | None = None,
    tier: Tier | str = Tier.POTENTIAL,
    source_channel: Channel | str | None = None,
    consent_purpose: str | None = None,
    now: datetime | None = None,
) -> CustomerView:
    """Create a customer.  Storing an ID number needs consent (``consent_purpose``)."""
    errors: dict[str, Reason | str] = {}
    norm_phone, norm_id = _validate(
        errors,
        name=name,
        phone=phone,
        id_number=id_number,
        tier=str(tier),
        source_channel=str(source_channel) if source_channel else None,
    )
    if id_number and not (consent_purpose and consent_purpose.strip()):
        errors["consent"] = CONSENT_MISSING
    moment = now_or(now)
    with transaction(target) as uow:
        cipher = uow.cipher
        id_hmac = cipher.id_hash(norm_id) if norm_id else None
        if id_hmac and "id_number" not in errors:
            existing = _duplicate_id(uow, actor, id_hmac, None)
            if existing is not None:
                errors["id_number"] = reason("customer.id_exists", other=existing)
        if errors:
            raise ValidationError(errors)
        c = Customer(
            store_id=actor.store_id,
            name=name.strip(),
            tier=str(tier),
            source_channel=str(source_channel) if source_channel else None,
            created_by=actor.staff_id,
            created_at=moment,
            updated_at=moment,
        )
        if norm_phone:
            c.phone_enc = cipher.encrypt(T, "phone", norm_phone)
            c.phone_hmac = cipher.phone_hash(norm_phone)
        uow.session.add(c)
        uow.session.flush()
        if consent_purpose and consent_purpose.strip():
            uow.session.add(
                ConsentRecord(
                    store_id=actor.store_id,
                    customer_id=c.id,
                    purpose=consent_purpose.strip(),
                    recorded_by=actor.staff_id,
                    recorded_at=moment,
                )
            )
            uow.session.flush()
        if norm_id:
            c.id_number_enc = cipher.encrypt(T, "id_number", norm_id)
            c.id_hmac = id_hmac
            uow.session.flush()
        return _view(uow, c, masked=True)


def record_consent(
    target: Target,
    actor: Actor,
    customer_id: int,
    purpose: str = DEFAULT_CONSENT_PURPOSE,
    *,
    now: datetime | None = None,
) -> datetime:
    if not purpose.strip():
        raise ValidationError({"consent": reason("customer.consent_purpose_missing")})
    with transaction(target) as uow:
        get_owned(uow, Customer, customer_id, actor, "Customer")
        at = now_or(now)
        uow.session.add(
            ConsentRecord(
                store_id=actor.store_id,
                customer_id=customer_id,
                purpose=purpose.strip(),
                recorded_by=actor.staff_id,
                recorded_at=at,
            )
        )
        return at


def update_customer(
    target: Target,
    actor: Actor,
    customer_id: int,
    *,
    name: str | None = None,
    phone: str | None = None,
    id_number: str | None = None,
    tier: Tier | str | None = None,
    source_channel: Channel | str | None = None,
    expected_version: int | None = None,
) -> CustomerView:
    """Change the given fields (None = unchanged).  An ID number needs recorded consent."""
    errors: dict[str, Reason | str] = {}
    norm_phone, norm_id = _validate(
        errors,
        name=name,
        phone=phone,
        id_number=id_number,
        tier=str(tier) if tier is not None else None,
        source_channel=str(source_channel) if source_channel else None,
    )
    with transaction(target) as uow:
        c = get_owned(uow, Customer, customer_id, actor, "Customer")
        check_version(c, expected_version)
        cipher = uow.cipher
        if norm_id:
            if _active_consent(uow, c.id) is None:
                errors["consent"] = CONSENT_MISSING
            elif "id_number" not in errors:
                dup = _duplicate_id(uow, actor, cipher.id_hash(norm_id), c.id)
                if dup is not None:
                    errors["id_number"] = reason("customer.id_exists", other=dup)
        if errors:
            raise ValidationError(errors)
        if name is not None:
            c.name = name.strip()
        if norm_phone:
            c.phone_enc = cipher.encrypt(T, "phone", norm_phone)
            c.phone_hmac = cipher.phone_hash(norm_phone)
        if norm_id:
            c.id_number_enc = cipher.encrypt(T, "id_number", norm_id)
            c.id_hmac = cipher.id_hash(norm_id)
        if tier is not None:
            c.tier = str(tier)
        if source_channel is not None:
            c.source_channel = str(source_channel)
        uow.session.flush()
        if norm_phone or norm_id:
            # an ID or mobile added later may match another recent application
            from db.services.consultations import refresh_duplicate_warnings

            refresh_duplicate_warnings(uow, actor, c.id)
        return _view(uow, c, masked=True)


def get_customer(
    target: Target, actor: Actor, customer_id: int, *, unmasked: bool = False
) -> CustomerView:
    """One customer; ``unmasked=True`` needs ``view_pii`` and is written to the audit log."""
    if unmasked:
        require(actor, Permission.VIEW_PII)
    # a masked view only reads; the full numbers are a recorded view (an audit row)
    with transaction(target) if unmasked else reading(target) as uow:
        c = get_owned(uow, Customer, customer_id, actor, "Customer")
        if unmasked:
            audit.record(
                uow,
                store_id=actor.store_id,
                action=AuditAction.VIEW_PII,
                actor=actor,
                target_type="customer",
                target_id=c.id,
                fields="id_number,phone",
            )
        return _view(uow, c, masked=not unmasked)


def find_customers(
    target: Target,
    actor: Actor,
    *,
    name: str | None = None,
    phone: str | None = None,
    id_number: str | None = None,
    contains: bool = False,
    limit: int = 50,
) -> list[CustomerSummary]:
    """Search by name (prefix, or ``contains``), phone or ID number (exact, via HMAC).

    Several criteria are combined with AND.  Results are always masked.
    """
    with reading(target) as uow:
        q = select(Customer).where(
            Customer.store_id == actor.store_id, Customer.erased_at.is_(None)
        )
        if name is not None and name.strip():
            n = name.strip()
            if contains:
                escaped = n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                q = q.where(Customer.name.like(f"%{escaped}%", escape="\\"))
            else:
                # a range, not LIKE: uses the (store_id, name) index on every backend
                q = q.where(Customer.name >= n, Customer.name < n + "\U0010ffff")
        if phone is not None and phone.strip():
            q = q.where(Customer.phone_hmac == uow.cipher.phone_hash(phone))
        if id_number is not None and id_number.strip():
            q = q.where(Customer.id_hmac == uow.cipher.id_hash(id_number))
        exact = bool((phone and phone.strip()) or (id_number and id_number.strip()))
        if exact:
            # few rows: sort here, so the planner uses the hash index instead of
            # walking the name index to avoid a sort
            rows = sorted(uow.session.scalars(q.limit(limit)), key=lambda c: (c.name, c.id))
        else:
            rows = list(uow.session.scalars(q.order_by(Customer.name, Customer.id).limit(limit)))
        return [_summary(uow, c) for c in rows]


def erase_customer(target: Target, actor: Actor, customer_id: int) -> None:
    """Delete personal data on request (PIPL): name, ID, phone and income are wiped.

    The consultation rows stay (anonymous) so store statistics remain correct.
    """
    require(actor, Permission.ERASE_PERSONAL_DATA)
    from db.models import Qualification
    from db.models.consultation import Consultation

    with transaction(target) as uow:
        c = get_owned(uow, Customer, customer_id, actor, "Customer")
        c.name = "(erased)"
        c.id_number_enc = c.phone_enc = None
        c.id_hmac = c.phone_hmac = None
        c.erased_at = now_or(None)
        cids = select(Consultation.id).where(Consultation.customer_id == c.id)
        for q in uow.session.scalars(
            select(Qualification).where(Qualification.consultation_id.in_(cids))
        ):
            q.monthly_income_enc = None
            q.statement_income_enc = None
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.CUSTOMER_ERASED,
            actor=actor,
            target_type="customer",
            target_id=c.id,
        )
