"""Fraud checks across a dealer group: blacklist and duplicate applications.

Store A (the owner's first store, "Main Street Motors") and store B
("Pudong store") share one database.  A customer blacklisted or applying at
A is flagged at B, but B's staff learn only which store and when - nothing
of A's customer (name, ID, phone, masked or not, note, consultation number).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from db import Database
from db.crypto import mask_id, mask_phone
from db.models.enums import BlacklistReason, BlacklistSource, Role, Step, StepState
from db.services import blacklist, customers, staff, stores
from db.services import consultations as cs
from db.services.base import Actor, NotFound
from db.services.blacklist import local_date_text
from db.services.messages import MESSAGES as SERVICE_MESSAGES
from resources import TRANSLATIONS
from resources.ts_tool import read_ts
from tests.db.conftest import valid_id

EARLIER = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
NAME_A = "王小明"
NAME_B = "李四"
PHONE = "13912345678"
ID_A = valid_id(seq=11)
NOTE_A = "forged payslips from Xuhui"


@dataclass(frozen=True)
class Group:
    a: int
    b: int
    manager_a: Actor
    cons_a: Actor
    manager_b: Actor
    cons_b: Actor


def _staff(database: Database, owner: Actor, store_id: int, name: str, role: Role) -> Actor:
    view = staff.add_staff(database, owner, name, "staff-pass-1", role, store_id=store_id)
    return staff.actor_for(database, view.id)


@pytest.fixture
def g(database: Database, owner: Actor) -> Group:
    b = stores.add_store(database, owner, "Pudong store")
    return Group(
        a=owner.store_id,
        b=b.id,
        manager_a=_staff(database, owner, owner.store_id, "amy", Role.MANAGER),
        cons_a=_staff(database, owner, owner.store_id, "alice", Role.CONSULTANT),
        manager_b=_staff(database, owner, b.id, "bella", Role.MANAGER),
        cons_b=_staff(database, owner, b.id, "bob", Role.CONSULTANT),
    )


def _apply(
    database: Database,
    actor: Actor,
    name: str,
    *,
    phone: str | None = None,
    id_number: str | None = None,
    now: datetime = NOW,
) -> cs.ConsultationView:
    c = customers.create_customer(
        database,
        actor,
        name,
        phone=phone,
        id_number=id_number,
        consent_purpose="Car loan application" if id_number else None,
        now=now,
    )
    return cs.open_consultation(database, actor, c.id, source_channel="walk_in", now=now)


def _secrets_of_a(consultation_a: int | None = None) -> list[str]:
    """What store B must never see of store A's customer."""
    found = [NAME_A, ID_A, mask_id(ID_A), NOTE_A, "Xuhui"]
    if consultation_a is not None:
        found.append(f"consultation {consultation_a}")
    return found


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if s in text]


# ---------------------------------------------------------------------------
# blacklist
# ---------------------------------------------------------------------------


def test_blacklist_entry_of_store_a_blocks_at_store_b(database: Database, g: Group) -> None:
    entry = blacklist.add_entry(
        database,
        g.manager_a,
        id_number=ID_A,
        phone=PHONE,
        reason=BlacklistReason.FAKE_DOCUMENTS,
        note=NOTE_A,
        now=EARLIER,
    )
    # the live check at the reception desk of store B
    hits = blacklist.check(database, g.cons_b, phone=PHONE)
    assert len(hits) == 1
    hit = hits[0]
    assert not hit.own_store and hit.store_id == g.a and hit.store_name == "Main Street Motors"
    assert hit.reason is BlacklistReason.FAKE_DOCUMENTS and hit.matched == "phone"
    assert hit.added_at == EARLIER
    assert _leaks(repr(hit), [*_secrets_of_a(), mask_phone(PHONE)]) == []

    # a consultation at store B (another customer record, same mobile) is blocked
    v = _apply(database, g.cons_b, NAME_B, phone=PHONE)
    assert v.blacklist_hit
    assert v.steps[Step.PLAN] is StepState.BLOCKED
    assert [r.code for r in v.blocked] == ["blacklist.hit_other_store"]
    text = str(v.blocked[0])
    assert f"added at Main Street Motors on {local_date_text(EARLIER)}" in text
    assert "internal blacklist (fake_documents)" in text
    assert _leaks(repr(v), [*_secrets_of_a(), mask_phone(PHONE)]) == []

    # store A's entry is store A's to manage: B neither lists nor removes it
    assert blacklist.list_entries(database, g.manager_b) == []
    with pytest.raises(NotFound):
        blacklist.remove_entry(database, g.manager_b, entry.id)
    assert [e.id for e in blacklist.list_entries(database, g.manager_a)] == [entry.id]


def test_blacklist_hit_matches_the_id_number_across_stores(database: Database, g: Group) -> None:
    blacklist.add_entry(database, g.manager_a, id_number=ID_A, reason=BlacklistReason.FRAUD)
    v = _apply(database, g.cons_b, NAME_B, id_number=ID_A.lower(), phone="13700001111")
    assert v.blacklist_hit and [r.code for r in v.blocked] == ["blacklist.hit_other_store"]
    assert v.steps[Step.PLAN] is StepState.BLOCKED


def test_owner_removes_an_entry_in_its_store_and_the_hit_goes(
    database: Database, owner: Actor, g: Group
) -> None:
    entry = blacklist.add_entry(database, g.manager_a, phone=PHONE)
    v = _apply(database, g.cons_b, NAME_B, phone=PHONE)
    assert v.blacklist_hit
    # the owner working in store B does not see A's entry; switched to A it does
    in_b = stores.switch_store(database, owner, g.b)
    with pytest.raises(NotFound):
        blacklist.remove_entry(database, in_b, entry.id)
    in_a = stores.switch_store(database, in_b, g.a)
    blacklist.remove_entry(database, in_a, entry.id)
    again = cs.get_consultation(database, g.cons_b, v.id)
    assert not again.blacklist_hit and again.blocked == ()
    assert again.steps[Step.PLAN] is not StepState.BLOCKED


def test_industry_list_imported_at_two_stores_reads_once(
    database: Database, owner: Actor, g: Group
) -> None:
    csv = f"phone,reason\n{PHONE},serious_default\n"
    blacklist.import_industry_csv(database, g.manager_a, csv, now=EARLIER)
    blacklist.import_industry_csv(database, g.manager_b, csv, now=EARLIER)
    v = _apply(database, g.cons_b, NAME_B, phone=PHONE)
    # own store's entry first (unchanged wording), A's import once
    assert [r.code for r in v.blocked] == ["blacklist.hit", "blacklist.hit_other_store"]
    assert v.blocked[0].template == SERVICE_MESSAGES["blacklist.hit"]
    assert dict(v.blocked[0].params) == {
        "source": BlacklistSource.INDUSTRY.value,
        "reason": BlacklistReason.SERIOUS_DEFAULT.value,
    }
    # store C without its own import: A's and B's imports, one sentence each
    c = stores.add_store(database, owner, "Hongqiao store")
    cons_c = _staff(database, owner, c.id, "carl", Role.CONSULTANT)
    vc = _apply(database, cons_c, NAME_B, phone=PHONE)
    assert [r.code for r in vc.blocked] == ["blacklist.hit_other_store"] * 2
    assert {dict(r.params)["store"] for r in vc.blocked} == {"Main Street Motors", "Pudong store"}


# ---------------------------------------------------------------------------
# duplicate applications
# ---------------------------------------------------------------------------


def test_application_at_store_a_warns_at_store_b_without_its_details(
    database: Database, g: Group
) -> None:
    first = _apply(database, g.cons_a, NAME_A, phone=PHONE, id_number=ID_A, now=EARLIER)
    v = _apply(database, g.cons_b, NAME_B, phone=PHONE, id_number=ID_A, now=NOW)
    assert {w.code for w in v.warnings} == {
        "duplicate.id_number_other_store",
        "duplicate.phone_other_store",
    }
    by_code = {w.code: str(w) for w in v.warnings}
    when = local_date_text(EARLIER)
    assert (
        f"The same mobile number was used on an application at Main Street Motors on {when}"
        in by_code["duplicate.phone_other_store"]
    )
    assert "ID number" in by_code["duplicate.id_number_other_store"]
    assert v.customer_name == NAME_B
    # nothing of store A's customer or consultation number in B's view
    secrets = [NAME_A, f"consultation {first.id}", f"'other', '{first.id}'"]
    assert _leaks(repr(v), secrets) == []
    assert all("other" not in dict(w.params) for w in v.warnings)
    # B's staff still cannot open A's consultation
    with pytest.raises(NotFound):
        cs.get_consultation(database, g.cons_b, first.id)


def test_store_a_sees_the_later_application_at_store_b(database: Database, g: Group) -> None:
    first = _apply(database, g.cons_a, NAME_A, phone=PHONE, now=EARLIER)
    assert first.warnings == ()
    _apply(database, g.cons_b, NAME_B, phone=PHONE, now=NOW)
    with database.unit_of_work() as uow:
        cs.refresh_duplicate_warnings(uow, g.cons_a, first.customer_id, now=NOW)
        uow.commit()
    again = cs.get_consultation(database, g.cons_a, first.id)
    assert [w.code for w in again.warnings] == ["duplicate.phone_other_store"]
    assert "at Pudong store on " in str(again.warnings[0])
    assert NAME_B not in repr(again)


def test_own_store_and_other_store_both_reported(database: Database, g: Group) -> None:
    _apply(database, g.cons_a, NAME_A, phone=PHONE, now=EARLIER)
    own = _apply(database, g.cons_b, "张三", phone=PHONE, now=EARLIER + timedelta(days=1))
    v = _apply(database, g.cons_b, NAME_B, phone=PHONE, now=NOW)
    assert [w.code for w in v.warnings] == ["duplicate.phone", "duplicate.phone_other_store"]
    # the own store's consultation number is shown, as before
    assert f"consultation {own.id}" in str(v.warnings[0])


def test_no_cross_store_warning_after_the_window(database: Database, g: Group) -> None:
    _apply(database, g.cons_a, NAME_A, phone=PHONE, now=NOW - timedelta(days=31))
    v = _apply(database, g.cons_b, NAME_B, phone=PHONE, now=NOW)
    assert v.warnings == ()


def test_single_store_behaviour_unchanged(database: Database, owner: Actor) -> None:
    """One store only: the original codes, templates and consultation numbers."""
    blacklist.add_entry(database, owner, phone="13700002222", reason=BlacklistReason.FRAUD)
    first = _apply(database, owner, NAME_A, phone=PHONE, now=EARLIER)
    second = _apply(database, owner, NAME_B, phone=PHONE, now=NOW)
    assert [w.code for w in second.warnings] == ["duplicate.phone"]
    assert second.warnings[0].template == SERVICE_MESSAGES["duplicate.phone"]
    assert dict(second.warnings[0].params) == {"days": "30", "other": str(first.id)}
    hit = _apply(database, owner, "张三", phone="13700002222", now=NOW)
    assert [r.code for r in hit.blocked] == ["blacklist.hit"]
    assert hit.blocked[0].template == SERVICE_MESSAGES["blacklist.hit"]
    assert blacklist.check(database, owner, phone="13700002222")[0].own_store


def test_cross_store_templates_are_translated() -> None:
    table = read_ts(TRANSLATIONS / "zh_CN" / "db.ts")
    for template in blacklist.MESSAGES.values():
        done = table.get(("Reason", template))
        assert done, template
        # the same placeholders in the Chinese
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert names == {f for _, f, _, _ in string.Formatter().parse(done) if f}
