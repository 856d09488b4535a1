"""Stores of a dealer group sharing one database.

Who sees what:

* Staff belong to one store (``Staff.store_id``) and every service scopes
  its queries to ``actor.store_id`` (see ``db.services.base.get_owned``), so a
  consultant of store B never finds, opens or loads store A's data.
* The **owner** (role ``owner``) is the group owner: may add stores, add
  staff to any store, and see every store.  The owner works in one store at a
  time - :func:`switch_store` returns the same actor with another
  ``store_id`` (the GUI asks at login which store to work in) - so every
  service keeps its single-store scoping and nothing can mix two stores'
  customers by accident.  Reports are the exception: :func:`report_store_ids`
  gives the owner the whole group unless one store is asked for.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from db.models import Staff, Store
from db.models.base import Base
from db.models.enums import AuditAction
from db.services import audit
from db.services.base import (
    Actor,
    NotFound,
    Permission,
    PermissionDenied,
    Target,
    ValidationError,
    reading,
    transaction,
)
from db.uow import UnitOfWork
from lending.parse import ParseError, record_id

MAX_STORE_NAME = 200


@dataclass(frozen=True)
class StoreSummary:
    id: int
    name: str
    created_at: datetime
    staff_count: int


def is_group_owner(actor: Actor) -> bool:
    return actor.can(Permission.MANAGE_STORES)


def require_owner(actor: Actor) -> None:
    if not is_group_owner(actor):
        raise PermissionDenied(
            f"Your role ({actor.role.value}) may not do this (manage stores). Ask the owner.",
            code="permission_denied",
        )


def _check_name(uow: UnitOfWork, name: str, exclude: int | None = None) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError({"name": "Enter the store's name."})
    if len(clean) > MAX_STORE_NAME:
        raise ValidationError({"name": f"A store name has at most {MAX_STORE_NAME} characters."})
    q = select(Store.id).where(func.lower(Store.name) == clean.lower())
    if exclude is not None:
        q = q.where(Store.id != exclude)
    if uow.session.scalar(q.limit(1)) is not None:
        raise ValidationError({"name": "A store with this name already exists."})
    return clean


def _summaries(uow: UnitOfWork, ids: list[int] | None) -> list[StoreSummary]:
    counts: dict[int, int] = {
        int(sid): int(n)
        for sid, n in uow.session.execute(
            select(Staff.store_id, func.count(Staff.id))
            .where(Staff.active.is_(True))
            .group_by(Staff.store_id)
        )
    }
    q = select(Store).order_by(Store.id)
    if ids is not None:
        q = q.where(Store.id.in_(ids))
    return [
        StoreSummary(s.id, s.name, s.created_at, int(counts.get(s.id, 0)))
        for s in uow.session.scalars(q)
    ]


def list_stores(target: Target, actor: Actor) -> list[StoreSummary]:
    """The owner: every store of the group; anyone else: their own store."""
    with reading(target) as uow:
        return _summaries(uow, None if is_group_owner(actor) else [actor.store_id])


def store_names(target: Target) -> list[tuple[int, str]]:
    """(id, name) of every store, oldest first - for the login dialog's store picker.

    Store names are not personal data; nothing else is revealed.
    """
    with reading(target) as uow:
        rows = uow.session.execute(select(Store.id, Store.name).order_by(Store.id))
        return [(int(i), str(n)) for i, n in rows]


def add_store(
    target: Target, actor: Actor, name: str, *, seed_catalogue: bool = True
) -> StoreSummary:
    """Owner: add a store to the group (with the default product catalogue)."""
    require_owner(actor)
    with transaction(target) as uow:
        clean = _check_name(uow, name)
        store = Store(name=clean)
        uow.session.add(store)
        uow.session.flush()
        audit.record(
            uow,
            store_id=store.id,
            action=AuditAction.SETTINGS_CHANGE,
            actor=actor,
            target_type="store",
            target_id=store.id,
            detail={"event": "store_added"},
        )
        if seed_catalogue:
            from db.services import addons_admin, catalogue

            in_store = dataclasses.replace(actor, store_id=store.id)
            catalogue.seed_default_catalogue(uow, in_store)
            addons_admin.seed_default_add_ons(uow, in_store)
        uow.session.flush()
        return _summaries(uow, [store.id])[0]


def find_store(target: Target, text: str) -> StoreSummary:
    """A store by its number or its name (case-insensitive), for ``--store``."""
    wanted = " ".join(str(text).split())
    with reading(target) as uow:
        row: Store | None = None
        if wanted.isascii() and wanted.isdigit():
            with contextlib.suppress(ParseError):  # 2^63 and more: no store has that number
                row = uow.session.get(Store, record_id(wanted))
        if row is None and wanted:
            row = uow.session.scalar(
                select(Store).where(func.lower(Store.name) == wanted.lower()).limit(1)
            )
        if row is None:
            raise NotFound(f"There is no store '{wanted}'.", code="store_not_found")
        return _summaries(uow, [row.id])[0]


def switch_store(target: Target, actor: Actor, store_id: int) -> Actor:
    """The actor working in ``store_id``: the owner may pick any store, others only their own."""
    if store_id == actor.store_id:
        return actor
    require_owner(actor)
    with transaction(target) as uow:
        if uow.session.get(Store, store_id) is None:
            raise NotFound(f"Store {store_id} does not exist.", code="store_not_found")
    return dataclasses.replace(actor, store_id=store_id)


def owner_in_store_of(target: Target, actor: Actor, model: type[Base], key: Any) -> Actor:
    """The group owner switched to the store that row ``key`` of ``model`` belongs to.

    For headless commands that run as the owner and are given a row id
    (``print-quote --consultation ID``): the row is then found whichever
    store it is in.  Anyone else, or a row that does not exist, gets
    ``actor`` unchanged (the service then says "does not exist" as usual).
    """
    if not is_group_owner(actor):
        return actor
    with transaction(target) as uow:
        row = uow.session.get(model, key)
        store_id = getattr(row, "store_id", None)
    return actor if store_id is None else dataclasses.replace(actor, store_id=int(store_id))


def can_see_store(actor: Actor, store_id: int) -> bool:
    return is_group_owner(actor) or store_id == actor.store_id


def allowed_store_ids(actor: Actor, store_ids: Iterable[int]) -> tuple[int, ...]:
    """``store_ids`` as a tuple, if the actor may see every one of them (else PermissionDenied)."""
    wanted = tuple(dict.fromkeys(int(i) for i in store_ids))
    if not all(can_see_store(actor, i) for i in wanted):
        raise PermissionDenied(
            "You may export reports of your own store only.", code="permission_denied"
        )
    return wanted


def report_store_ids(target: Target, actor: Actor, store_id: int | None = None) -> tuple[int, ...]:
    """Which stores a report covers.

    One store when ``store_id`` is given (the owner: any store; others: only
    their own, else :class:`PermissionDenied`).  Without it the owner gets
    the whole group and anyone else their own store.
    """
    with transaction(target) as uow:
        if store_id is not None:
            if uow.session.get(Store, store_id) is None:
                raise NotFound(f"Store {store_id} does not exist.", code="store_not_found")
            if not can_see_store(actor, store_id):
                raise PermissionDenied(
                    "You may export reports of your own store only.", code="permission_denied"
                )
            return (store_id,)
        if not is_group_owner(actor):
            return (actor.store_id,)
        return tuple(uow.session.scalars(select(Store.id).order_by(Store.id)))
