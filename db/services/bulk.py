"""The bulk path: many rows per statement, for imports, demo data, the benchmark and tests.

Two levels:

* :class:`db.bulk_writer.BulkWriter` writes rows whose ids are already known
  (``db.demo``, ``bench/db.py``), without checks, through driver-level statements;
* :func:`add_customers` / :func:`add_consultations` take *records* (imports,
  tests, the benchmark's counters), check them with the same rules as the
  one-at-a-time services (ID / phone validated through ``lending.identity``,
  money through ``lending.money``, a consent record for every stored ID
  number) and return the new ids.

A customer row and its consent record are built once, by
:func:`customer_values` and :func:`consent_values`, for both levels: personal
fields encrypted, look-up hashes, who recorded it and when.

New ids (records): on SQLite they are the last ``len(rows)`` ids up to the largest id
read right *after* the insert: from its first row on, the transaction holds
SQLite's write lock, so the batch got consecutive ids (max + 1, ...) and no
other writer can interleave (reading max(id) *before* the insert would race
with another counter committing in between).  On a server
(PostgreSQL) other counters insert at the same time, so the ids come from
``INSERT ... RETURNING`` with ``sort_by_parameter_order`` (SQLAlchemy batches
that as multi-row VALUES there, in parameter order).

The consent records are written in the same transaction as the customers, so
no committed state ever holds an ID number without its consent record.
Blacklist and duplicate checks are *not* run (history being imported already
happened); run :func:`db.services.consultations.open_consultation` for live
consultations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Connection, func, insert, select

from db.crypto import FieldCipher
from db.models import ConsentRecord, Consultation, Customer
from db.models.enums import Channel, ConsultationStatus, Intent, StepState, Tier
from db.services.base import Actor, Target, ValidationError, now_or, transaction
from lending import identity
from lending.money import MoneyError, parse_money

T = TypeVar("T")
BATCH = 5000


@dataclass(frozen=True)
class CustomerRecord:
    name: str
    phone: str | None = None
    id_number: str | None = None
    tier: str = Tier.POTENTIAL.value
    source_channel: str | None = None
    consent_purpose: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class ConsultationRecord:
    """Reception data of one consultation (the later steps use the normal services)."""

    customer_id: int
    source_channel: str | None = None
    intent_level: str | None = None
    purpose: str | None = None
    budget: Decimal | str | None = None
    wished_down_payment: Decimal | str | None = None
    wished_monthly_payment: Decimal | str | None = None
    contact_at: datetime | None = None
    reception_complete: bool = True


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_many(
    conn: Connection, model: type[Customer] | type[Consultation], rows: Sequence[dict[str, Any]]
) -> list[int]:
    """executemany, then the new ids in insertion order (see the module docstring)."""
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        result = conn.execute(
            insert(model).returning(model.id, sort_by_parameter_order=True), list(rows)
        )
        return list(result.scalars())
    conn.execute(insert(model), list(rows))
    last = conn.execute(select(func.max(model.id))).scalar_one()
    return list(range(last - len(rows) + 1, last + 1))


def _money(value: Decimal | str | None, where: str, errors: dict[str, str]) -> Decimal | None:
    if value is None:
        return None
    try:
        d = parse_money(str(value))
    except MoneyError:
        errors[where] = "Enter an amount in yuan with at most two decimals."
        return None
    if d < 0:
        errors[where] = "The amount cannot be negative."
    return d


def add_customers(
    target: Target, actor: Actor, records: Iterable[CustomerRecord], *, batch_size: int = BATCH
) -> list[int]:
    """Insert customers (and their consent records); returns the new ids in order.

    Every problem is collected first (``field`` is ``"[row].name"``); with any
    problem nothing is written.
    """
    items = list(records)
    errors: dict[str, str] = {}
    channels, tiers = set(Channel), set(Tier)
    moment = now_or(None)
    prepared: list[tuple[CustomerRecord, str | None, str | None]] = []
    for i, r in enumerate(items):
        nphone = nid = None
        if not r.name.strip():
            errors[f"[{i}].name"] = "Enter the customer's name."
        if r.phone:
            pc = identity.check_mobile(r.phone)
            if pc.valid:
                nphone = pc.normalized
            else:
                errors[f"[{i}].phone"] = str(pc.reason)
        if r.id_number:
            ic = identity.check_resident_id(r.id_number)
            if ic.valid:
                nid = ic.normalized
            else:
                errors[f"[{i}].id_number"] = str(ic.reason)
            if not (r.consent_purpose and r.consent_purpose.strip()):
                errors[f"[{i}].consent"] = "An ID number needs a consent record."
        if r.tier not in tiers:
            errors[f"[{i}].tier"] = "Choose VIP, regular or potential."
        if r.source_channel is not None and r.source_channel not in channels:
            errors[f"[{i}].source_channel"] = "Choose a source channel from the list."
        prepared.append((r, nphone, nid))
    if errors:
        raise ValidationError(errors)
    ids: list[int] = []
    with transaction(target) as uow:
        cipher = uow.cipher
        conn = uow.session.connection()
        for chunk in _chunks(prepared, batch_size):
            rows: list[dict[str, Any]] = []
            for r, nphone, nid in chunk:
                rows.append(
                    customer_values(
                        cipher,
                        actor.store_id,
                        actor.staff_id,
                        name=r.name.strip(),
                        phone=nphone,
                        id_number=nid,
                        tier=r.tier,
                        source_channel=r.source_channel,
                        at=r.created_at or moment,
                    )
                )
            new_ids = _insert_many(conn, Customer, rows)
            consents = [
                consent_values(
                    actor.store_id,
                    actor.staff_id,
                    cid,
                    r.consent_purpose.strip(),
                    r.created_at or moment,
                )
                for cid, (r, _, _) in zip(new_ids, chunk, strict=True)
                if r.consent_purpose and r.consent_purpose.strip()
            ]
            if consents:
                conn.execute(insert(ConsentRecord), consents)
            ids.extend(new_ids)
    return ids


def add_consultations(
    target: Target,
    actor: Actor,
    records: Iterable[ConsultationRecord],
    *,
    batch_size: int = BATCH,
) -> list[int]:
    """Insert consultations at the reception stage; returns the new ids in order."""
    items = list(records)
    errors: dict[str, str] = {}
    channels, intents = set(Channel), set(Intent)
    moment = now_or(None)
    rows: list[dict[str, Any]] = []
    for i, r in enumerate(items):
        if r.source_channel is not None and r.source_channel not in channels:
            errors[f"[{i}].source_channel"] = "Choose a source channel from the list."
        if r.intent_level is not None and r.intent_level not in intents:
            errors[f"[{i}].intent_level"] = "Choose high, medium or low."
        complete = r.reception_complete and bool(r.source_channel and r.intent_level)
        at = r.contact_at or moment
        rows.append(
            {
                "store_id": actor.store_id,
                "customer_id": r.customer_id,
                "consultant_id": actor.staff_id,
                "status": ConsultationStatus.OPEN.value,
                "source_channel": r.source_channel,
                "intent_level": r.intent_level,
                "purpose": r.purpose,
                "budget": _money(r.budget, f"[{i}].budget", errors),
                "wished_down_payment": _money(
                    r.wished_down_payment, f"[{i}].wished_down_payment", errors
                ),
                "wished_monthly_payment": _money(
                    r.wished_monthly_payment, f"[{i}].wished_monthly_payment", errors
                ),
                "reception_state": (
                    StepState.COMPLETE if complete else StepState.IN_PROGRESS
                ).value,
                "qualification_state": StepState.NOT_STARTED.value,
                "appraisal_state": StepState.NOT_STARTED.value,
                "plan_state": StepState.NOT_STARTED.value,
                "signing_state": StepState.NOT_STARTED.value,
                "contact_at": at,
                "needs_confirmed_at": at if complete else None,
                "blacklist_hit": False,
                "created_at": at,
                "updated_at": at,
                "version_id": 1,
            }
        )
    if errors:
        raise ValidationError(errors)
    ids: list[int] = []
    with transaction(target) as uow:
        conn = uow.session.connection()
        for chunk in _chunks(rows, batch_size):
            ids.extend(_insert_many(conn, Consultation, chunk))
    return ids


# ---------------------------------------------------------------------------
# one customer row, one consent record (both levels)
# ---------------------------------------------------------------------------


def customer_values(
    cipher: FieldCipher,
    store_id: int,
    staff_id: int,
    *,
    name: str,
    phone: str | None,
    id_number: str | None,
    tier: str,
    source_channel: str | None,
    at: datetime,
) -> dict[str, Any]:
    """A new customer's columns: phone and ID number encrypted, with their look-up hashes.

    ``phone`` / ``id_number`` are already normalised (``lending.identity``)."""
    return {
        "store_id": store_id,
        "name": name,
        "phone_enc": cipher.encrypt("customers", "phone", phone) if phone else None,
        "phone_hmac": cipher.phone_hash(phone) if phone else None,
        "id_number_enc": cipher.encrypt("customers", "id_number", id_number) if id_number else None,
        "id_hmac": cipher.id_hash(id_number) if id_number else None,
        "tier": tier,
        "source_channel": source_channel,
        "created_by": staff_id,
        "created_at": at,
        "updated_at": at,
        "version_id": 1,
    }


def consent_values(
    store_id: int, staff_id: int, customer_id: int, purpose: str, at: datetime
) -> dict[str, Any]:
    """The consent record every stored ID number needs."""
    return {
        "store_id": store_id,
        "customer_id": customer_id,
        "purpose": purpose,
        "recorded_by": staff_id,
        "recorded_at": at,
    }
