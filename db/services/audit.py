"""The audit log: logins, every view of unmasked personal data, every export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.models import AuditEntry
from db.models.enums import AuditAction
from db.services.base import Actor, Permission, Target, now_or, reading, require, transaction
from db.uow import UnitOfWork


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    staff_id: int | None
    username: str
    action: AuditAction
    target_type: str
    target_id: int | None
    fields: str
    detail: Any


def record(
    uow: UnitOfWork,
    *,
    store_id: int,
    action: AuditAction,
    actor: Actor | None = None,
    username: str = "",
    staff_id: int | None = None,
    target_type: str = "",
    target_id: int | None = None,
    fields: str = "",
    detail: Any = None,
    now: datetime | None = None,
) -> None:
    """Add one audit row in the caller's transaction.  Never pass personal data."""
    uow.session.add(
        AuditEntry(
            store_id=store_id,
            at=now_or(now),
            staff_id=actor.staff_id if actor else staff_id,
            username=actor.username if actor else username,
            action=action.value,
            target_type=target_type,
            target_id=target_id,
            fields=fields,
            detail=detail,
        )
    )


def record_export(
    target: Target,
    actor: Actor,
    *,
    what: str,
    detail: Any = None,
    now: datetime | None = None,
) -> None:
    """Reports and documents call this for every export (the caller checks permission)."""
    with transaction(target) as uow:
        record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.EXPORT,
            actor=actor,
            target_type=what,
            detail=detail,
            now=now,
        )


def list_entries(
    target: Target,
    actor: Actor,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    action: AuditAction | None = None,
    limit: int = 500,
) -> list[AuditView]:
    require(actor, Permission.VIEW_AUDIT)
    with reading(target) as uow:
        q = select(AuditEntry).where(AuditEntry.store_id == actor.store_id)
        if since is not None:
            q = q.where(AuditEntry.at >= since)
        if until is not None:
            q = q.where(AuditEntry.at < until)
        if action is not None:
            q = q.where(AuditEntry.action == action.value)
        q = q.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        return [
            AuditView(
                id=e.id,
                at=e.at,
                staff_id=e.staff_id,
                username=e.username,
                action=AuditAction(e.action),
                target_type=e.target_type,
                target_id=e.target_id,
                fields=e.fields,
                detail=e.detail,
            )
            for e in uow.session.scalars(q)
        ]
