"""Follow-ups: created by the flow, listed as today's due and overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from db.crypto import mask_phone
from db.models import Customer, FollowUp
from db.models.enums import FollowUpKind
from db.services.base import Actor, Target, ValidationError, get_owned, now_or, reading, transaction
from db.services.messages import reason
from db.uow import UnitOfWork


@dataclass(frozen=True)
class FollowUpView:
    id: int
    kind: FollowUpKind
    due_at: datetime
    overdue: bool
    done_at: datetime | None
    customer_id: int
    customer_name: str
    phone_masked: str
    consultation_id: int | None
    assigned_to: int | None
    note: str | None
    upcoming: bool = False
    """Due after the end of the day asked for (shown ahead of time)."""


def schedule(
    uow: UnitOfWork,
    actor: Actor,
    *,
    customer_id: int,
    consultation_id: int | None,
    kind: FollowUpKind,
    due_at: datetime,
    assigned_to: int | None = None,
    note: str | None = None,
) -> FollowUp:
    """Add a follow-up in the caller's transaction (one open per kind and consultation)."""
    if consultation_id is not None:
        existing = uow.session.scalar(
            select(FollowUp).where(
                FollowUp.consultation_id == consultation_id,
                FollowUp.kind == kind.value,
                FollowUp.done_at.is_(None),
            )
        )
        if existing is not None:
            existing.due_at = due_at
            return existing
    f = FollowUp(
        store_id=actor.store_id,
        customer_id=customer_id,
        consultation_id=consultation_id,
        kind=kind.value,
        due_at=due_at,
        assigned_to=assigned_to if assigned_to is not None else actor.staff_id,
        note=note,
    )
    uow.session.add(f)
    return f


def _local_day_end(day: date) -> datetime:
    """End of ``day`` in the machine's local time zone, as aware UTC."""
    local = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return local.astimezone(UTC)


def _local_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def list_due(
    target: Target,
    actor: Actor,
    *,
    on: date | None = None,
    days_ahead: int = 0,
    mine_only: bool = False,
    now: datetime | None = None,
) -> list[FollowUpView]:
    """Open follow-ups due by the end of ``on`` (default: today, local time), oldest first;
    with ``days_ahead`` also those of the following days (``upcoming``).

    ``overdue`` is true for those due before the start of that day.
    """
    moment = now_or(now)
    day = on or moment.astimezone().date()
    today_end, start = _local_day_end(day), _local_day_start(day)
    end = _local_day_end(day + timedelta(days=max(0, days_ahead)))
    with reading(target) as uow:
        q = (
            select(FollowUp, Customer)
            .join(Customer, Customer.id == FollowUp.customer_id)
            .where(
                FollowUp.store_id == actor.store_id,
                FollowUp.done_at.is_(None),
                FollowUp.due_at < end,
            )
            .order_by(FollowUp.due_at, FollowUp.id)
        )
        if mine_only:
            q = q.where(FollowUp.assigned_to == actor.staff_id)
        out = []
        for f, c in uow.session.execute(q):
            phone = uow.cipher.decrypt_optional("customers", "phone", c.phone_enc)
            out.append(
                FollowUpView(
                    id=f.id,
                    kind=FollowUpKind(f.kind),
                    due_at=f.due_at,
                    overdue=f.due_at < start,
                    done_at=f.done_at,
                    customer_id=c.id,
                    customer_name=c.name,
                    phone_masked=mask_phone(phone) if phone else "",
                    consultation_id=f.consultation_id,
                    assigned_to=f.assigned_to,
                    note=f.note,
                    upcoming=f.due_at >= today_end,
                )
            )
        return out


def complete(
    target: Target,
    actor: Actor,
    follow_up_id: int,
    *,
    outcome: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> None:
    """Mark a follow-up done, with what came of it (``outcome``; ``note`` is the old name)."""
    text = (outcome if outcome is not None else note or "").strip()
    if len(text) > 500:
        raise ValidationError({"outcome": reason("followup.outcome_too_long")})
    with transaction(target) as uow:
        f = get_owned(uow, FollowUp, follow_up_id, actor, "Follow-up")
        if f.done_at is not None:
            raise ValidationError({"follow_up": reason("followup.already_done")})
        f.done_at = now_or(now)
        f.done_by = actor.staff_id
        f.outcome = text or None


def add_manual(
    target: Target,
    actor: Actor,
    customer_id: int,
    due_at: datetime,
    *,
    consultation_id: int | None = None,
    note: str | None = None,
) -> int:
    with transaction(target) as uow:
        get_owned(uow, Customer, customer_id, actor, "Customer")
        f = FollowUp(
            store_id=actor.store_id,
            customer_id=customer_id,
            consultation_id=consultation_id,
            kind=FollowUpKind.MANUAL.value,
            due_at=due_at,
            assigned_to=actor.staff_id,
            note=note,
        )
        uow.session.add(f)
        uow.session.flush()
        return f.id
