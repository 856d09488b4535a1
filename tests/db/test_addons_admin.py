"""The add-on catalogue service: seeded, read by anyone, saved whole by the owner only,
audited before -> after, nothing saved on any problem, never deleted."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import AddOn as AddOnModel
from db.models.enums import AuditAction, Role
from db.services import addons_admin, audit, stores
from db.services import settings as settings_service
from db.services.base import Actor, PermissionDenied, ValidationError
from lending.addons import AddOnKind, PriceRule, add_on_to_data
from tests.db.conftest import make_actor


def items(database: Database, actor: Actor) -> list[dict[str, Any]]:
    return [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(database, actor)]


def catalogue_changes(database: Database, owner: Actor) -> list[audit.AuditView]:
    return [
        e
        for e in reversed(audit.list_entries(database, owner, action=AuditAction.CATALOGUE_CHANGE))
        if e.target_type == "add_ons"
    ]


def test_a_new_store_starts_with_the_sample_add_ons(database: Database, owner: Actor) -> None:
    rows = addons_admin.list_add_ons(database, owner)
    kinds = [r.add_on.kind for r in rows]
    assert kinds[0] is AddOnKind.COMPULSORY_INSURANCE and kinds[-1] is AddOnKind.GPS
    assert {AddOnKind.COMMERCIAL_INSURANCE, AddOnKind.WARRANTY, AddOnKind.MAINTENANCE} <= set(kinds)
    assert all(r.add_on.name and r.add_on.name_zh for r in rows)
    assert rows[0].add_on.rule is PriceRule.ON_ROAD
    assert addons_admin.seed_default_add_ons(database, owner) == 0  # only once
    group = stores.add_store(database, owner, "Second store")
    other = make_actor(database, owner, "m2", Role.MANAGER)
    moved = stores.switch_store(database, owner, group.id)
    assert len(addons_admin.list_add_ons(database, moved)) == len(rows)
    assert addons_admin.list_add_ons(database, other)  # a manager reads them


def test_the_owner_saves_and_each_change_is_audited_before_and_after(
    database: Database, owner: Actor
) -> None:
    data = items(database, owner)
    data[1].update(
        rule="fixed", amount="4500", required_by=["China Construction Bank"], financeable=True
    )
    saved = addons_admin.save_add_ons(database, owner, data)
    changed = saved[1].add_on
    assert (changed.rule, str(changed.amount), changed.required_by, changed.financeable) == (
        PriceRule.FIXED,
        "4500.00",
        ("China Construction Bank",),
        True,
    )
    [entry] = catalogue_changes(database, owner)
    assert entry.username == "owner" and entry.fields == data[1]["code"]
    [change] = entry.detail["changes"]
    assert change["before"]["rule"] == "quoted" and change["after"]["amount"] == "4500.00"
    # the same list again: nothing changes, nothing is audited
    addons_admin.save_add_ons(database, owner, data)
    assert len(catalogue_changes(database, owner)) == 1


def test_one_left_out_is_deactivated_never_deleted(database: Database, owner: Actor) -> None:
    data = items(database, owner)
    gone = data.pop(2)
    rows = addons_admin.save_add_ons(database, owner, data)
    assert [r.code for r in rows][-1] == gone["code"] and not rows[-1].add_on.active
    assert [r.code for r in addons_admin.list_add_ons(database, owner, active_only=True)] == [
        d["code"] for d in data
    ]
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(AddOnModel)) == len(data) + 1


def test_any_problem_saves_nothing_and_names_row_and_field(
    database: Database, owner: Actor
) -> None:
    before = items(database, owner)
    data = [dict(d) for d in before]
    data[0]["name_zh"] = "免息交强险"
    data[2]["required_by"] = ["Nobody Bank"]
    data[3]["amount"] = "abc"
    data.append({**data[1]})  # its code twice
    with pytest.raises(ValidationError) as info:
        addons_admin.save_add_ons(database, owner, data)
    assert {k: r.code for k, r in info.value.reasons.items()} == {
        "0.name_zh": "addon.name_forbidden",
        "2.required_by": "addon.lender_unknown",
        "3.amount": "addon.not_number",
        f"{len(data) - 1}.code": "addon.code_twice",
    }
    assert items(database, owner) == before and catalogue_changes(database, owner) == []


def test_the_stores_own_forbidden_wording_counts(database: Database, owner: Actor) -> None:
    words = (*settings_service.load_settings(database, owner.store_id).forbidden_words, "特惠")
    settings_service.save_store_settings(database, owner, {"lending.forbidden_words": words})
    data = items(database, owner)
    data[0]["name_zh"] = "特惠交强险"
    with pytest.raises(ValidationError) as info:
        addons_admin.save_add_ons(database, owner, data)
    assert info.value.reasons["0.name_zh"].code == "addon.name_forbidden"


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FINANCE, Role.CONSULTANT])
def test_only_the_owner_edits(database: Database, owner: Actor, role: Role) -> None:
    other = make_actor(database, owner, f"u_{role.value}", role)
    data = items(database, other)  # everyone reads
    data[0]["financeable"] = True
    with pytest.raises(PermissionDenied):
        addons_admin.save_add_ons(database, other, data)
    assert not items(database, owner)[0]["financeable"]
    assert audit.list_entries(database, owner, action=AuditAction.CATALOGUE_CHANGE) == []
