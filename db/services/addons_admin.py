"""The add-on catalogue: list (anyone), edit (the owner), seed, replace on import.

An add-on is stored as the JSON ``lending.addons.read_add_on`` reads, one
row per add-on and store (``add_ons``), unique by ``code``.  Every save is
checked whole first - each add-on's fields, the codes unique, each lender
that requires one a lender of the store, no forbidden wording in a name -
and a problem anywhere saves nothing: :class:`ValidationError` carries every
reason keyed ``"<row>.<field>"`` (row = the position in the list saved).
Add-ons are never deleted (a plan may have offered them): one left out of a
save is deactivated.  One audit row per save lists each add-on that changed
with its values before and after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.models import AddOn as AddOnRowModel
from db.models import Lender
from db.models.enums import AuditAction
from db.services import audit
from db.services.base import (
    Actor,
    Permission,
    Target,
    ValidationError,
    reading,
    require,
    transaction,
)
from db.uow import UnitOfWork
from lending.addons import AddOn, add_on_to_data, read_add_ons
from lending.reasons import Reason

DEFAULT_KINDS = {"insurance": "commercial_insurance", "warranty": "warranty"}
"""The sample catalogue's add-on kinds (resources/catalogue.json) as catalogue kinds."""

BUILT_IN: tuple[dict[str, Any], ...] = (
    {
        "code": "compulsory_insurance",
        "kind": "compulsory_insurance",
        "name": "Compulsory traffic insurance",
        "name_zh": "交强险",
        "rule": "on_road",
    },
    {
        "code": "gps_installation",
        "kind": "gps",
        "name": "GPS installation",
        "name_zh": "GPS 安装",
        "rule": "on_road",
        "financeable": True,
    },
)
"""Seeded with the sample add-ons: priced as the store's on-road lines."""


@dataclass(frozen=True)
class AddOnRow:
    id: int
    sort_order: int
    add_on: AddOn

    @property
    def code(self) -> str:
        return self.add_on.code


def key(row: int, field: str) -> str:
    """The key of a problem in :class:`ValidationError`: ``"<row>.<field>"``."""
    return f"{row}.{field}"


def _rows(uow: UnitOfWork, store_id: int) -> list[AddOnRowModel]:
    return list(
        uow.session.scalars(
            select(AddOnRowModel)
            .where(AddOnRowModel.store_id == store_id)
            .order_by(AddOnRowModel.sort_order, AddOnRowModel.id)
        )
    )


def _stored(row: AddOnRowModel) -> dict[str, Any]:
    return {**row.spec, "active": row.active}


def _view(row: AddOnRowModel) -> AddOnRow:
    items, problems = read_add_ons([_stored(row)])
    if problems:  # changed by hand in the database: shown as stored, never as valid
        raise ValidationError({key(0, f): r for _, f, r in problems})
    return AddOnRow(row.id, row.sort_order, items[0])


def list_add_ons(target: Target, actor: Actor, *, active_only: bool = False) -> list[AddOnRow]:
    """The store's add-ons in their order (every member of staff may read them)."""
    with reading(target) as uow:
        return [_view(r) for r in _rows(uow, actor.store_id) if r.active or not active_only]


def lender_names(target: Target, store_id: int) -> list[str]:
    """The store's lenders (active or not) by name, the names an add-on may name."""
    with reading(target) as uow:
        return list(
            uow.session.scalars(
                select(Lender.name).where(Lender.store_id == store_id).order_by(Lender.id)
            )
        )


def check_add_ons(
    target: Target, actor: Actor, items: Sequence[Mapping[str, Any]]
) -> tuple[AddOn, ...]:
    """Every add-on read and checked against the store (lenders, forbidden wording);
    :class:`ValidationError` (keys ``"<row>.<field>"``) on any problem."""
    from db.services.settings import load_settings

    with reading(target) as uow:
        lenders = lender_names(uow, actor.store_id)
        settings = load_settings(uow, actor.store_id)
    add_ons, problems = read_add_ons(items, lenders=lenders, settings=settings)
    if problems:
        errors: dict[str, str | Reason] = {}
        for row, field, reason in problems:
            errors.setdefault(key(row, field), reason)
        raise ValidationError(errors)
    return add_ons


def apply_add_ons(uow: UnitOfWork, actor: Actor, add_ons: Sequence[AddOn]) -> list[dict[str, Any]]:
    """Make the store's add-ons ``add_ons`` (in this order) in ``uow``; the ones left
    out are deactivated.  Returns the changes ``{"code", "before", "after"}``
    (``before`` None: added) for the audit log; nothing is audited here."""
    rows = {r.code: r for r in _rows(uow, actor.store_id)}
    changes: list[dict[str, Any]] = []
    order = 0
    for add_on in add_ons:
        order += 1
        data = add_on_to_data(add_on)
        spec = {k: v for k, v in data.items() if k != "active"}
        row = rows.pop(add_on.code, None)
        before = None if row is None else _stored(row)
        if row is None:
            row = AddOnRowModel(store_id=actor.store_id, code=add_on.code)
            uow.session.add(row)
        if before != data:
            changes.append({"code": add_on.code, "before": before, "after": data})
        if before != data or row.sort_order != order:
            row.name, row.active, row.spec = add_on.name, add_on.active, spec
            row.sort_order, row.updated_by = order, actor.staff_id
    for row in rows.values():  # left out: kept (plans may name it), no longer offered
        order += 1
        if row.active:
            before = _stored(row)
            row.active, row.updated_by = False, actor.staff_id
            changes.append({"code": row.code, "before": before, "after": _stored(row)})
        row.sort_order = order
    uow.session.flush()
    return changes


def audit_add_on_changes(
    uow: UnitOfWork, actor: Actor, changes: list[dict[str, Any]], *, event: str = "edit"
) -> None:
    """One audit row naming every add-on that changed, each before and after."""
    if not changes:
        return
    audit.record(
        uow,
        store_id=actor.store_id,
        action=AuditAction.CATALOGUE_CHANGE,
        actor=actor,
        target_type="add_ons",
        fields=",".join(c["code"] for c in changes)[:500],
        detail={"event": event, "changes": changes},
    )


def save_add_ons(
    target: Target, actor: Actor, items: Sequence[Mapping[str, Any]]
) -> list[AddOnRow]:
    """Owner: the store's add-on catalogue becomes ``items`` (JSON-friendly dicts, in
    order); checked whole first, nothing saved on any problem, audited."""
    require(actor, Permission.EDIT_CATALOGUE)
    with transaction(target) as uow:
        add_ons = check_add_ons(uow, actor, items)
        audit_add_on_changes(uow, actor, apply_add_ons(uow, actor, add_ons))
        return [_view(r) for r in _rows(uow, actor.store_id)]


def sample_add_ons() -> list[dict[str, Any]]:
    """The sample add-ons: compulsory insurance, those of resources/catalogue.json, GPS."""
    from resources import catalogue_names

    sample = [
        {
            "code": e["code"],
            "kind": DEFAULT_KINDS.get(
                e.get("kind", ""), ("maintenance" if "maintenance" in e["code"] else "service")
            ),
            "name": e["name"],
            "name_zh": e.get("name_zh") or e["name"],
            "rule": "quoted",
        }
        for e in catalogue_names()["add_ons"]
    ]
    return [dict(BUILT_IN[0]), *sample, dict(BUILT_IN[1])]


def seed_default_add_ons(target: Target, actor: Actor) -> int:
    """A new store's add-ons: the sample list (nothing when the store has any already)."""
    with transaction(target) as uow:
        if _rows(uow, actor.store_id):
            return 0
        add_ons, problems = read_add_ons(sample_add_ons())
        assert not problems, problems
        return len(apply_add_ons(uow, actor, add_ons))
