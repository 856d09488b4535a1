"""What every service shares: the actor, permissions, errors, transactions.

Every public service function takes ``target`` first: either a
:class:`~db.database.Database` (the function opens its own unit of work and
commits it) or an open :class:`~db.uow.UnitOfWork` (the function only
flushes; the caller commits).  The second form is the bulk path: demo data
and imports run thousands of service calls in one transaction.

Services return frozen dataclasses, never ORM rows, so results can cross
threads and outlive the session.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy.orm.exc import StaleDataError

from db.database import Database
from db.models.base import Base, utcnow
from db.models.enums import Role
from db.uow import UnitOfWork
from lending.errors import UserError
from lending.reasons import Reason

Target = Database | UnitOfWork
M = TypeVar("M", bound=Base)


class Permission(StrEnum):
    VIEW_PII = "view_pii"
    EDIT_CATALOGUE = "edit_catalogue"
    EDIT_SETTINGS = "edit_settings"
    EXPORT_REPORTS = "export_reports"
    MANAGE_STAFF = "manage_staff"
    MANAGE_BLACKLIST = "manage_blacklist"
    APPROVE_EXCEPTIONS = "approve_exceptions"
    VIEW_AUDIT = "view_audit"
    ERASE_PERSONAL_DATA = "erase_personal_data"


ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.CONSULTANT: frozenset(),
    Role.FINANCE: frozenset({Permission.VIEW_PII}),
    Role.MANAGER: frozenset(
        {
            Permission.VIEW_PII,
            Permission.EXPORT_REPORTS,
            Permission.MANAGE_BLACKLIST,
            Permission.APPROVE_EXCEPTIONS,
            Permission.VIEW_AUDIT,
            Permission.ERASE_PERSONAL_DATA,
        }
    ),
    Role.OWNER: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in member of staff on whose behalf a service runs."""

    staff_id: int
    store_id: int
    username: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


class PermissionDenied(UserError):
    pass


class NotFound(UserError):
    pass


class ConcurrentEditError(UserError):
    """Someone else saved the same record since it was loaded; reload and retry."""


class ValidationError(UserError):
    """Input refused; nothing was written.

    ``errors`` maps a field name to an English sentence; ``reasons`` holds the
    same as :class:`Reason` objects for translation (where one exists).
    """

    def __init__(
        self,
        errors: Mapping[str, str | Reason],
        *,
        message: str | None = None,
    ) -> None:
        self.reasons: dict[str, Reason] = {k: v for k, v in errors.items() if isinstance(v, Reason)}
        self.errors: dict[str, str] = {k: str(v) for k, v in errors.items()}
        first = next(iter(self.errors.items()), ("", ""))
        super().__init__(
            message or "; ".join(self.errors.values()) or "Invalid input.",
            field=first[0] or None,
            code="validation",
        )


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            f"Your role ({actor.role.value}) may not do this ({permission.value}). "
            "Ask a manager or the owner.",
            code="permission_denied",
        )


@contextmanager
def transaction(target: Target) -> Iterator[UnitOfWork]:
    """A unit of work: committed at the end when we opened it; flushed otherwise."""
    try:
        if isinstance(target, Database):
            with target.unit_of_work() as uow:
                yield uow
                uow.commit()
        else:
            yield target
            target.flush()
    except StaleDataError:
        raise ConcurrentEditError(
            "Someone else saved this record a moment ago. Reload it and try again.",
            code="concurrent_edit",
        ) from None


def get_owned(uow: UnitOfWork, model: type[M], key: Any, actor: Actor, what: str) -> M:
    """Load a row by primary key that must belong to the actor's store."""
    row = uow.session.get(model, key)
    if row is None or getattr(row, "store_id", actor.store_id) != actor.store_id:
        raise NotFound(f"{what} {key} does not exist.", code="not_found")
    return row


def check_version(row: Any, expected: int | None) -> None:
    if expected is not None and row.version_id != expected:
        raise ConcurrentEditError(
            "Someone else saved this record since you opened it. Reload it and try again.",
            code="concurrent_edit",
        )


def now_or(now: datetime | None) -> datetime:
    return utcnow() if now is None else now


def reason_to_json(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "template": reason.template, "params": dict(reason.params)}


def reason_from_json(data: Mapping[str, Any]) -> Reason:
    params = tuple((str(k), str(v)) for k, v in dict(data.get("params", {})).items())
    return Reason(str(data["code"]), str(data["template"]), params)


def reasons_to_json(reasons: Any) -> list[dict[str, Any]]:
    return [reason_to_json(r) for r in reasons]


def reasons_from_json(data: Any) -> tuple[Reason, ...]:
    return tuple(reason_from_json(d) for d in (data or []))
