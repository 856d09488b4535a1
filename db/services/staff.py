"""Staff accounts: first-run owner, login with lock-out, roles.

Passwords are hashed with argon2id at argon2-cffi's default cost (RFC 9106's
low-memory profile: 64 MiB, 3 passes, 4 lanes; :data:`PASSWORD_COST`) and
must pass :func:`db.passwords.password_problem`.  The test suite swaps in a
cheap hasher with :func:`set_password_hasher` (``tests/conftest.py``; one
test asserts the production cost); nothing in the application calls it.
After ``MAX_FAILED_LOGINS`` wrong passwords in a row the account is locked
for ``LOCK_MINUTES``; the message says until when.

Failures are counted by one ``UPDATE staff SET failed_logins =
failed_logins + 1 ... RETURNING`` per wrong password, so attempts made at
the same moment (several counters, a script) each count; the password is
checked outside any transaction, so a slow hash never holds a lock.  A
disabled account answers a wrong password exactly like an active one (and
counts it); only the right password learns that it is disabled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import argon2
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import case, func, select, update

from db.database import Database
from db.models import Staff, Store
from db.models.enums import AuditAction, Role
from db.passwords import MIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH  # re-exported
from db.passwords import password_problem
from db.services import audit
from db.services.base import (
    Actor,
    NotFound,
    Permission,
    PermissionDenied,
    Target,
    ValidationError,
    get_owned,
    now_or,
    require,
    transaction,
)
from db.services.stores import is_group_owner, require_owner
from db.uow import UnitOfWork
from lending.errors import UserError
from lending.reasons import Reason

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MAX_DISPLAY_NAME = 100

PASSWORD_COST = argon2.profiles.RFC_9106_LOW_MEMORY
"""The argon2id parameters every new password hash is made with."""

_hasher = PasswordHasher.from_parameters(PASSWORD_COST)


def set_password_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Use ``hasher`` for new hashes and checks; returns the previous one.

    For tests only (cheap argon2 parameters keep them fast: production cost
    spends 0.2-0.5 s per account); ``PasswordHasher.from_parameters(PASSWORD_COST)``
    is the application's own.  A hash made with other parameters still
    verifies, and is renewed at the next login.
    """
    global _hasher
    previous, _hasher = _hasher, hasher
    _DUMMY.clear()
    return previous


class LoginError(UserError):
    """Wrong user name or password, or a locked / disabled account.

    ``locked_until`` (aware UTC) is set when the account is locked, so the
    login dialog can say until when in the user's language and time zone;
    ``attempts_left`` after a wrong password of a known account.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        locked_until: datetime | None = None,
        attempts_left: int | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.locked_until = locked_until
        self.attempts_left = attempts_left


@dataclass(frozen=True)
class StaffView:
    id: int
    store_id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_hasher.hash("loandesk-no-such-user"))
    return _DUMMY[0]


def _view(s: Staff) -> StaffView:
    return StaffView(
        id=s.id,
        store_id=s.store_id,
        username=s.username,
        display_name=s.display_name,
        role=Role(s.role),
        active=s.active,
        locked_until=s.locked_until,
        last_login_at=s.last_login_at,
    )


def actor_of(s: Staff) -> Actor:
    return Actor(staff_id=s.id, store_id=s.store_id, username=s.username, role=Role(s.role))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_new_account(username: str, password: str) -> dict[str, str | Reason]:
    """What is wrong with a new account's user name and password (empty: nothing)."""
    errors: dict[str, str | Reason] = {}
    u = username.strip()
    if not u:
        errors["username"] = "Enter a user name."
    elif len(u) > 64 or any(ch.isspace() for ch in u):
        errors["username"] = "A user name has at most 64 characters and no spaces."
    problem = password_problem(password)
    if problem is not None:
        errors["password"] = problem
    return errors


def _check_new_password(password: str, field: str = "password") -> None:
    problem = password_problem(password)
    if problem is not None:
        raise ValidationError({field: problem})


def needs_setup(target: Target) -> bool:
    """True until the first (owner) account exists: the GUI shows the setup page."""
    with transaction(target) as uow:
        return not uow.session.scalar(select(func.count()).select_from(Staff))


def create_owner(
    target: Target,
    store_name: str,
    username: str,
    password: str,
    *,
    display_name: str | None = None,
    seed_catalogue: bool = True,
) -> Actor:
    """First run: create the store and its owner account; refuse if one exists."""
    errors = check_new_account(username, password)
    if not store_name.strip():
        errors["store_name"] = "Enter the store's name."
    if errors:
        raise ValidationError(errors)
    with transaction(target) as uow:
        if uow.session.scalar(select(func.count()).select_from(Staff)):
            raise UserError("The owner account already exists.", code="already_set_up")
        store = Store(name=store_name.strip())
        uow.session.add(store)
        uow.session.flush()
        owner = Staff(
            store_id=store.id,
            username=username.strip(),
            display_name=(display_name or username).strip(),
            role=Role.OWNER.value,
            password_hash=hash_password(password),
            active=True,
            failed_logins=0,
        )
        uow.session.add(owner)
        uow.session.flush()
        actor = actor_of(owner)
        audit.record(
            uow,
            store_id=store.id,
            action=AuditAction.STAFF_CHANGE,
            actor=actor,
            target_type="staff",
            target_id=owner.id,
            detail={"event": "owner_created"},
        )
        if seed_catalogue:
            from db.services import addons_admin, catalogue

            catalogue.seed_default_catalogue(uow, actor)
            addons_admin.seed_default_add_ons(uow, actor)
    return actor


def _locked_message(until: datetime) -> str:
    local = until.astimezone()
    return (
        "This account is locked after too many wrong passwords. "
        f"Try again after {local:%H:%M} ({local:%Y-%m-%d}), or ask the owner to unlock it."
    )


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(stored_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _locked_error(until: datetime) -> LoginError:
    return LoginError(_locked_message(until), code="locked", locked_until=until)


def _bad_credentials(left: int | None = None) -> LoginError:
    if left is None:
        return LoginError("Wrong user name or password.", code="bad_credentials")
    return LoginError(
        f"Wrong user name or password. {left} attempt(s) left before the account "
        f"is locked for {LOCK_MINUTES} minutes.",
        code="bad_credentials",
        attempts_left=left,
    )


def _count_failure(
    database: Database, staff_id: int, store_id: int, username: str, moment: datetime
) -> LoginError:
    """Count one wrong password atomically; the error to raise (locked once the limit is hit).

    One UPDATE adds the failure (starting again from 1 once an earlier lock
    has run out) and returns the new count, so parallel attempts never lose
    one; the attempt that reaches the limit sets the lock.
    """
    expired = Staff.locked_until.is_not(None) & (Staff.locked_until <= moment)
    with database.unit_of_work() as uow:
        count, locked_until = uow.session.execute(
            update(Staff)
            .where(Staff.id == staff_id)
            .values(
                failed_logins=case((expired, 1), else_=Staff.failed_logins + 1),
                locked_until=case((expired, None), else_=Staff.locked_until),
            )
            .returning(Staff.failed_logins, Staff.locked_until)
            .execution_options(synchronize_session=False)
        ).one()
        locked = count >= MAX_FAILED_LOGINS
        if locked and locked_until is None:
            locked_until = moment + timedelta(minutes=LOCK_MINUTES)
            uow.session.execute(
                update(Staff)
                .where(Staff.id == staff_id)
                .values(locked_until=locked_until)
                .execution_options(synchronize_session=False)
            )
        audit.record(
            uow,
            store_id=store_id,
            action=AuditAction.LOGIN_FAILED,
            staff_id=staff_id,
            username=username,
            detail={"locked": locked},
            now=moment,
        )
        uow.commit()
    if locked:
        assert locked_until is not None  # set above when the count reached the limit
        return _locked_error(locked_until)
    return _bad_credentials(MAX_FAILED_LOGINS - count)


@dataclass(frozen=True)
class _Seen:
    """What login read of the account before checking the password (no session needed)."""

    id: int
    store_id: int
    username: str
    password_hash: str
    locked_until: datetime | None


def _refuse_locked(
    database: Database, s: Staff | _Seen, until: datetime, moment: datetime
) -> LoginError:
    with database.unit_of_work() as uow:
        audit.record(
            uow,
            store_id=s.store_id,
            action=AuditAction.LOGIN_LOCKED,
            staff_id=s.id,
            username=s.username,
            now=moment,
        )
        uow.commit()
    return _locked_error(until)


def login(
    database: Database,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    via: str | None = None,
) -> Actor:
    """Check the password; count failures (committed even though login fails).

    ``via`` (e.g. ``"cli"``) is written into the audit row of a successful login.
    """
    moment = now_or(now)
    with database.unit_of_work() as uow:
        row = uow.session.scalar(select(Staff).where(Staff.username == username.strip()))
        found = (
            None
            if row is None
            else _Seen(row.id, row.store_id, row.username, row.password_hash, row.locked_until)
        )
    if found is None:
        # same work as a real check, so timing does not reveal user names
        _verify(_dummy_hash(), password)
        raise _bad_credentials()
    if found.locked_until is not None and found.locked_until > moment:
        raise _refuse_locked(database, found, found.locked_until, moment)
    if not _verify(found.password_hash, password):
        raise _count_failure(database, found.id, found.store_id, found.username, moment)
    with database.unit_of_work() as uow:
        s = uow.session.get(Staff, found.id)
        if s is None or s.password_hash != found.password_hash:
            raise _bad_credentials()  # deleted or given a new password meanwhile
        if s.locked_until is not None and s.locked_until > moment:
            raise _refuse_locked(database, s, s.locked_until, moment)  # by a parallel attempt
        if not s.active:
            raise LoginError("This account is disabled.", code="disabled")
        if _hasher.check_needs_rehash(s.password_hash):
            s.password_hash = hash_password(password)
        s.failed_logins = 0
        s.locked_until = None
        s.last_login_at = moment
        actor = actor_of(s)
        audit.record(
            uow,
            store_id=s.store_id,
            action=AuditAction.LOGIN,
            actor=actor,
            detail={"via": via} if via else None,
            now=moment,
        )
        uow.commit()
        return actor


def logout(target: Target, actor: Actor, *, now: datetime | None = None) -> None:
    """Record that ``actor`` logged out (audit log)."""
    with transaction(target) as uow:
        audit.record(
            uow, store_id=actor.store_id, action=AuditAction.LOGOUT, actor=actor, now=now_or(now)
        )


def actor_for(target: Target, staff_id: int) -> Actor:
    """The actor for a known staff id (command-line tools, tests, background jobs)."""
    with transaction(target) as uow:
        s = uow.session.get(Staff, staff_id)
        if s is None:
            raise NotFound(f"Staff {staff_id} does not exist.", code="not_found")
        return actor_of(s)


def owner_actor(target: Target) -> Actor:
    """The store owner's actor (headless commands run as the owner)."""
    with transaction(target) as uow:
        s = uow.session.scalar(
            select(Staff).where(Staff.role == Role.OWNER.value).order_by(Staff.id).limit(1)
        )
        if s is None:
            raise UserError(
                "LoanDesk is not set up yet: start the program once to create the owner account.",
                code="needs_setup",
            )
        return actor_of(s)


def add_staff(
    target: Target,
    actor: Actor,
    username: str,
    password: str,
    role: Role,
    *,
    display_name: str | None = None,
    store_id: int | None = None,
) -> StaffView:
    """Add an account to the actor's store, or (the group owner) to ``store_id``."""
    require(actor, Permission.MANAGE_STAFF)
    errors = check_new_account(username, password)
    if display_name is not None and len(display_name.strip()) > MAX_DISPLAY_NAME:
        errors["display_name"] = f"A display name has at most {MAX_DISPLAY_NAME} characters."
    home = actor.store_id if store_id is None else store_id
    with transaction(target) as uow:
        if home != actor.store_id:
            require_owner(actor)
            if uow.session.get(Store, home) is None:
                raise NotFound(f"Store {home} does not exist.", code="store_not_found")
        taken = uow.session.scalar(select(Staff.id).where(Staff.username == username.strip()))
        if taken is not None:
            errors["username"] = "This user name is already taken."
        if errors:
            raise ValidationError(errors)
        s = Staff(
            store_id=home,
            username=username.strip(),
            display_name=(display_name or username).strip(),
            role=Role(role).value,
            password_hash=hash_password(password),
            active=True,
            failed_logins=0,
        )
        uow.session.add(s)
        uow.session.flush()
        audit.record(
            uow,
            store_id=home,
            action=AuditAction.STAFF_CHANGE,
            actor=actor,
            target_type="staff",
            target_id=s.id,
            detail={"event": "added", "role": s.role},
        )
        return _view(s)


def list_staff(
    target: Target, actor: Actor, *, store_id: int | None = None, all_stores: bool = False
) -> list[StaffView]:
    """The actor's store's staff; the group owner may ask for another store or all stores."""
    wanted = actor.store_id if store_id is None else store_id
    if (all_stores or wanted != actor.store_id) and not is_group_owner(actor):
        raise PermissionDenied(
            "You may see the staff of your own store only.", code="permission_denied"
        )
    with transaction(target) as uow:
        q = select(Staff).order_by(Staff.username)
        if not all_stores:
            q = q.where(Staff.store_id == wanted)
        return [_view(s) for s in uow.session.scalars(q)]


def _staff_row(uow: UnitOfWork, actor: Actor, staff_id: int) -> Staff:
    """A staff row of the actor's store; the group owner reaches every store."""
    if is_group_owner(actor):
        row = uow.session.get(Staff, staff_id)
        if row is None:
            raise NotFound(f"Staff {staff_id} does not exist.", code="not_found")
        return row
    return get_owned(uow, Staff, staff_id, actor, "Staff")


def update_staff(
    target: Target,
    actor: Actor,
    staff_id: int,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
    unlock: bool = False,
) -> StaffView:
    """Change a staff account: role, active/disabled, display name, unlock.

    Only what differs is changed and audited (one ``staff_change`` row).  The
    actor can neither demote nor disable their own account.
    """
    require(actor, Permission.MANAGE_STAFF)
    with transaction(target) as uow:
        s = _staff_row(uow, actor, staff_id)
        if s.id == actor.staff_id and role is not None and role != Role.OWNER:
            raise ValidationError({"role": "You cannot demote or disable your own account."})
        if s.id == actor.staff_id and active is False:
            raise ValidationError({"active": "You cannot demote or disable your own account."})
        if display_name is not None and len(display_name.strip()) > MAX_DISPLAY_NAME:
            raise ValidationError(
                {"display_name": f"A display name has at most {MAX_DISPLAY_NAME} characters."}
            )
        changes: dict[str, object] = {}
        if role is not None and Role(role).value != s.role:
            s.role = Role(role).value
            changes["role"] = s.role
        if active is not None and active != s.active:
            s.active = active
            changes["active"] = active
        if display_name is not None and display_name.strip():
            s.display_name = display_name.strip()
            changes["display_name"] = True
        if unlock:
            s.locked_until = None
            s.failed_logins = 0
            changes["unlocked"] = True
        if not changes:
            return _view(s)  # nothing to change, nothing to audit
        audit.record(
            uow,
            store_id=s.store_id,
            action=AuditAction.STAFF_CHANGE,
            actor=actor,
            target_type="staff",
            target_id=s.id,
            detail={"event": "updated", **changes},
        )
        return _view(s)


def reset_password(target: Target, actor: Actor, staff_id: int, new_password: str) -> None:
    """Set a new password for a staff account (argon2 hash); also unlocks it; audited."""
    require(actor, Permission.MANAGE_STAFF)
    _check_new_password(new_password)
    with transaction(target) as uow:
        s = _staff_row(uow, actor, staff_id)
        s.password_hash = hash_password(new_password)
        s.failed_logins = 0
        s.locked_until = None
        audit.record(
            uow,
            store_id=s.store_id,
            action=AuditAction.STAFF_CHANGE,
            actor=actor,
            target_type="staff",
            target_id=s.id,
            detail={"event": "password_reset"},
        )


def change_own_password(target: Target, actor: Actor, old_password: str, new_password: str) -> None:
    _check_new_password(new_password, "new_password")
    with transaction(target) as uow:
        s = uow.session.get(Staff, actor.staff_id)  # own account, whichever store is open
        if s is None:
            raise NotFound(f"Staff {actor.staff_id} does not exist.", code="not_found")
        try:
            _hasher.verify(s.password_hash, old_password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise ValidationError({"old_password": "The current password is wrong."}) from None
        s.password_hash = hash_password(new_password)
