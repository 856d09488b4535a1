"""Reception: full mobile / ID only for roles allowed (each view audited); a duplicate
application found when the mobile is added later is shown on the page."""

from __future__ import annotations

import pytest

from db.models.enums import AuditAction, Role
from db.services import audit, customers, staff
from db.services import consultations as cs
from db.services import settings as settings_service
from desktop.context import AppContext
from desktop.pages.reception import ReceptionPage
from desktop.tasks import ImmediateRunner
from tests.desktop.pages.conftest import ID_NUMBER, PHONE, complete_until, save_screenshot


def _ctx(database, actor) -> AppContext:
    return AppContext(
        database=database,
        staff=actor,
        runner=ImmediateRunner(),
        language="en",
        settings=settings_service.load_settings(database, actor.store_id),
        store_name="Main Street Motors",
        display_name=actor.username,
    )


def _views(database, owner) -> list:
    return audit.list_entries(database, owner, action=AuditAction.VIEW_PII)


def test_consultant_always_sees_masked_numbers(
    qtbot, open_page, consultation, database, consultant, owner
):
    complete_until(database, consultant, consultation, "qualification")
    page = open_page(ReceptionPage, consultation)
    assert "138****5678" in page.phone.placeholderText()
    assert "110105********" in page.id_number.placeholderText()
    assert ID_NUMBER not in page.id_number.placeholderText()
    assert not page.reveal_button.isVisibleTo(page)
    page.reveal()  # even when called directly: nothing shown, nothing read
    assert PHONE not in page.phone.placeholderText()
    assert _views(database, owner) == []


@pytest.mark.parametrize("role", [Role.FINANCE, Role.MANAGER, Role.OWNER])
def test_allowed_roles_reveal_and_each_view_is_audited(
    qtbot, open_page, consultation, database, consultant, owner, role
):
    complete_until(database, consultant, consultation, "qualification")
    if role is Role.OWNER:
        actor = owner
    else:
        made = staff.add_staff(database, owner, f"u_{role.value}", "staff-pass-1", role)
        actor = staff.actor_for(database, made.id)
    page = open_page(ReceptionPage, consultation, context=_ctx(database, actor))
    # masked until asked for, and loading the page is no unmasked view
    assert "138****5678" in page.phone.placeholderText()
    assert page.reveal_button.isVisibleTo(page)
    assert _views(database, owner) == []
    page.reveal_button.click()
    assert PHONE in page.phone.placeholderText()
    assert ID_NUMBER in page.id_number.placeholderText()
    assert not page.reveal_button.isVisibleTo(page)
    assert "recorded" in page.reveal_note.text()
    rows = _views(database, owner)
    assert [(r.staff_id, r.target_type, r.fields) for r in rows] == [
        (actor.staff_id, "customer", "id_number,phone")
    ]
    if role is Role.MANAGER:
        save_screenshot(page, "en", "reception_revealed")
    # shown again after a reload: masked, and a second reveal is a second audit row
    page.load(consultation)
    assert "138****5678" in page.phone.placeholderText()
    page.reveal_button.click()
    assert len(_views(database, owner)) == 2


def test_duplicate_shown_when_the_mobile_is_added_later(
    qtbot, open_page, consultation, database, consultant
):
    other = customers.create_customer(database, consultant, "Earlier Customer", phone=PHONE)
    earlier = cs.open_consultation(database, consultant, other.id)
    page = open_page(ReceptionPage, consultation)
    assert not page.notes.isVisibleTo(page)
    page.phone.setText(PHONE)
    page.channel.setCurrentIndex(page.channel.findData("walk_in"))
    page.intent.setCurrentIndex(page.intent.findData("low"))
    assert page.save() is True
    assert page.notes.isVisibleTo(page)
    assert "same mobile number" in page.notes.text()
    assert f"consultation {earlier.id}" in page.notes.text()
