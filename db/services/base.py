"""What every service shares: the actor, permissions, errors, transactions.

Every public service function takes ``target`` first: either a
:class:`~db.database.Database` (the function opens its own unit of work and
commits it) or an open :class:`~db.uow.UnitOfWork` (the function only
flushes; the caller commits).  The second form is the bulk path: demo data
and imports run thousands of service calls in one transaction.

Services return frozen dataclasses, never ORM rows, so results can cross
threads and outlive the session.

Optimistic locking
    Customers and consultations carry a ``version_id`` (SQLAlchemy's
    ``version_id_col``) and who saved them last (``updated_by``, stamped at
    flush time from the actor of the unit of work, see :func:`get_owned`)
    and when (``updated_at``).  A save passes ``expected_version`` (the
    version its form was loaded with); :func:`check_version` refuses a stale
    one with :class:`ConcurrentEditError`, whose :attr:`~ConcurrentEditError.reason`
    names who changed the record and when.  A race between that check and
    the UPDATE is caught by the version column itself (``StaleDataError``).

Connection loss
    An unreachable database (server stopped, network gone, SQLite file
    locked beyond the busy timeout) raises :class:`DatabaseUnavailable` out of
    :func:`transaction`; the unit of work was rolled back, so nothing is half
    written.  :func:`is_connection_error` tells such errors apart (the GUI
    keeps the form and retries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import event, inspect
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from db.database import Database
from db.models.base import Base, utcnow
from db.models.consultation import Consultation
from db.models.customer import Customer
from db.models.enums import Role
from db.models.staff import Staff
from db.uow import UnitOfWork
from lending.errors import UserError
from lending.reasons import Reason

Target = Database | UnitOfWork
M = TypeVar("M", bound=Base)

MESSAGES: dict[str, str] = {
    "concurrent.consultation": (
        "This consultation was changed by {who} at {when}. Reload it to see their changes; "
        "what you typed is still in the form."
    ),
    "concurrent.consultation_unknown": (
        "This consultation was changed at another counter at {when}. Reload it to see the "
        "changes; what you typed is still in the form."
    ),
    "concurrent.customer": (
        "This customer's details were changed by {who} at {when}. Reload them to see their "
        "changes; what you typed is still in the form."
    ),
    "concurrent.customer_unknown": (
        "This customer's details were changed at another counter at {when}. Reload them to "
        "see the changes; what you typed is still in the form."
    ),
    "concurrent.moment_ago": (
        "Someone else saved this record a moment ago. Reload it to see their changes; "
        "what you typed is still in the form."
    ),
    "database.unavailable": (
        "The database cannot be reached right now, so nothing was saved. Try again when it is back."
    ),
}
"""Reason templates of this module (context ``Reason`` in ``db.ts``)."""

ACTOR_KEY = "loandesk.actor_staff_id"
"""``Session.info`` key: the staff id whose unit of work this is (stamps ``updated_by``)."""

_WHAT = {"consultations": "consultation", "customers": "customer"}


class Permission(StrEnum):
    VIEW_PII = "view_pii"
    EDIT_CATALOGUE = "edit_catalogue"
    VIEW_CATALOGUE = "view_catalogue"
    """Read the products, lenders and rate sheets in the owner's editor (manager)."""
    EDIT_SETTINGS = "edit_settings"
    EXPORT_REPORTS = "export_reports"
    MANAGE_STAFF = "manage_staff"
    MANAGE_BLACKLIST = "manage_blacklist"
    APPROVE_EXCEPTIONS = "approve_exceptions"
    VIEW_AUDIT = "view_audit"
    ERASE_PERSONAL_DATA = "erase_personal_data"
    OVERWRITE_EDITS = "overwrite_edits"
    """Save a form over another counter's newer changes (after a conflict)."""
    MANAGE_STORES = "manage_stores"
    """The dealer group: add stores, work in and see every store (the group owner)."""
    MANAGE_KEYS = "manage_keys"
    """Export the encryption key, or install one on a counter."""
    EXPORT_UNMASKED = "export_unmasked"
    """Write full ID numbers, phones and incomes into a report."""
    MANAGE_BACKUPS = "manage_backups"
    """See the automatic backups, set how many are kept, restore one (owner)."""


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
            Permission.OVERWRITE_EDITS,
            Permission.VIEW_CATALOGUE,
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


def local_time_text(moment: datetime) -> str:
    """``2026-11-23 14:05`` in this computer's time zone (language-neutral)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ConcurrentEditError(UserError):
    """Someone else saved the same record since it was loaded; reload and retry.

    :attr:`reason` is the translatable sentence (``who`` and ``when`` filled
    in); :attr:`changed_by` / :attr:`changed_at` / :attr:`what` let a screen
    format the time its own way (:meth:`reason_with`).
    """

    def __init__(
        self,
        reason: Reason | str,
        *,
        what: str = "",
        record_id: int | None = None,
        changed_by: str | None = None,
        changed_at: datetime | None = None,
        current_version: int | None = None,
        code: str = "concurrent_edit",
    ) -> None:
        if isinstance(reason, str):
            reason = Reason(code, reason)
        super().__init__(reason.render(), code=code)
        self.reason = reason
        self.what = what
        self.record_id = record_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version

    def reason_with(self, format_time: Callable[[datetime], str]) -> Reason:
        """The same reason with ``when`` formatted by the caller (e.g. in the GUI's language)."""
        if self.changed_at is None or "when" not in dict(self.reason.params):
            return self.reason
        params = {**dict(self.reason.params), "when": format_time(self.changed_at)}
        return Reason(self.reason.code, self.reason.template, tuple(params.items()))


class DatabaseUnavailable(UserError):
    """The database could not be reached (connection refused or lost, file locked).

    Raised by :func:`transaction` after the unit of work was rolled back: nothing
    of the save was written.  Trying again later is the right thing to do.
    """

    def __init__(self, detail: str = "") -> None:
        self.reason = Reason("database.unavailable", MESSAGES["database.unavailable"])
        super().__init__(self.reason.render(), code="database_unavailable")
        self.detail = detail


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
            Reason("concurrent.moment_ago", MESSAGES["concurrent.moment_ago"])
        ) from None
    except (DBAPIError, DisconnectionError, PoolTimeout) as exc:
        if is_connection_error(exc):
            raise DatabaseUnavailable(_first_line(exc)) from exc
        raise


class ReadWroteError(RuntimeError):
    """A read-only unit of work tried to write (a bug: reads never write)."""


def _refuse_flush(session: Session, flush_context: Any, instances: Any) -> None:
    if (
        session.new
        or session.deleted
        or any(session.is_modified(obj, include_collections=False) for obj in session.dirty)
    ):
        changed = sorted(
            {type(o).__name__ for o in (*session.new, *session.deleted, *session.dirty)}
        )
        raise ReadWroteError(f"a read tried to write: {', '.join(changed)}")


@contextmanager
def reading(target: Target) -> Iterator[UnitOfWork]:
    """A unit of work for reads: never committed, and any attempt to write is a bug.

    Loading a page, evaluating products, building the payment grid and
    previewing documents go through here, so they cannot change a row (nor
    its ``version_id``: a read never makes another counter's form stale).
    Inside a caller's unit of work (``target`` a :class:`UnitOfWork`) it is
    that unit of work, with whatever it already changed.
    """
    if not isinstance(target, Database):
        yield target
        return
    try:
        with target.unit_of_work() as uow:
            event.listen(uow.session, "before_flush", _refuse_flush)
            yield uow  # left without commit: rolled back
    except (DBAPIError, DisconnectionError, PoolTimeout) as exc:
        if is_connection_error(exc):
            raise DatabaseUnavailable(_first_line(exc)) from exc
        raise


SQLITE_UNAVAILABLE = (
    "database is locked",
    "database table is locked",
    "unable to open database file",
    "disk i/o error",
    "attempt to write a readonly database",
)
"""SQLite errors that mean "cannot use the file now", not "the SQL is wrong"."""


def is_connection_error(exc: BaseException) -> bool:
    """Is this the database being unreachable (retry later) rather than a bug?

    True for :class:`DatabaseUnavailable`, a connection the pool found dead
    or could not hand out in time (``pool_timeout``),
    any server ``OperationalError`` / ``InterfaceError`` (refused, reset,
    server shutting down), and SQLite's locked / cannot-open / I/O errors.
    SQLite's other ``OperationalError`` (e.g. "no such table") is a bug.
    """
    if isinstance(exc, (DatabaseUnavailable, DisconnectionError, PoolTimeout)):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, (OperationalError, InterfaceError)):
        return False
    if type(exc.orig).__module__.startswith("sqlite3"):  # the driver, without importing it
        text = str(exc.orig).lower()
        return any(s in text for s in SQLITE_UNAVAILABLE)
    return True


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split())[:200]


def get_owned(uow: UnitOfWork, model: type[M], key: Any, actor: Actor, what: str) -> M:
    """Load a row by primary key that must belong to the actor's store.

    Also notes the actor on the session: rows it saves are stamped ``updated_by``.
    """
    uow.session.info[ACTOR_KEY] = actor.staff_id
    row = uow.session.get(model, key)
    if row is None or getattr(row, "store_id", actor.store_id) != actor.store_id:
        raise NotFound(f"{what} {key} does not exist.", code="not_found")
    return row


LOADED_VERSIONS = "loandesk.loaded_versions"
"""``Session.info`` key: (table, id) -> the version a row had when this unit of work read it."""


def _note_loaded_version(target: Any, context: Any) -> None:
    seen = context.session.info.setdefault(LOADED_VERSIONS, {})
    seen.setdefault((target.__tablename__, target.id), target.version_id)


for _versioned in (Customer, Consultation):  # the rows with a version column
    event.listen(_versioned, "load", _note_loaded_version)


def check_version(row: Any, expected: int | None) -> None:
    """Refuse a save whose form was loaded at another version of ``row``.

    ``expected`` None skips the check (callers that load and save at once).
    The row's version as this unit of work first read it counts: an earlier
    service call in the same unit of work may already have changed the row
    (e.g. a customer's new mobile refreshing the consultation's warnings).
    """
    if expected is None:
        return
    session = object_session(row)
    seen = session.info.get(LOADED_VERSIONS, {}) if session is not None else {}
    version = seen.get((row.__tablename__, row.id), row.version_id)
    if version != expected:
        raise conflict_error(row)


def conflict_error(row: Any) -> ConcurrentEditError:
    """The error naming who saved ``row`` last and when (local time)."""
    table = getattr(row, "__tablename__", "")
    what = _WHAT.get(table, "consultation")
    session = object_session(row)
    who: str | None = None
    if row.updated_by is not None and session is not None:
        member = session.get(Staff, row.updated_by)
        if member is not None:
            who = member.display_name or member.username
    at: datetime | None = row.updated_at
    when = local_time_text(at) if at is not None else ""
    if who is None:
        reason = Reason.of(MESSAGES, f"concurrent.{what}_unknown", when=when)
    else:
        reason = Reason.of(MESSAGES, f"concurrent.{what}", who=who, when=when)
    return ConcurrentEditError(
        reason,
        what=what,
        record_id=row.id,
        changed_by=who,
        changed_at=at,
        current_version=row.version_id,
    )


@event.listens_for(Session, "before_flush")
def _stamp_updated_by(session: Session, flush_context: Any, instances: Any) -> None:
    """Rows with ``updated_by`` get the unit of work's actor when they change.

    New rows without an actor on the session keep what the service set
    (e.g. ``created_by``); changed rows without one get None ("another
    counter") rather than the previous editor's name.
    """
    staff_id = session.info.get(ACTOR_KEY)
    for obj in session.new:
        if hasattr(obj, "updated_by") and hasattr(obj, "version_id"):
            if staff_id is not None:
                obj.updated_by = staff_id
            elif obj.updated_by is None:
                obj.updated_by = getattr(obj, "created_by", None)
    for obj in session.dirty:
        if (
            hasattr(obj, "updated_by")
            and hasattr(obj, "version_id")
            and session.is_modified(obj, include_collections=False)
            and not inspect(obj).deleted
        ):
            obj.updated_by = staff_id


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
