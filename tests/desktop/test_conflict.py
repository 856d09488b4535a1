"""Two counters on one consultation: the second save is refused inline, the form is kept.

Two windows are two :class:`AppContext` objects, each with its own
``open_database`` on the same SQLite file (as two counter PCs on one
server).  Screenshots of the conflict bar go to
``<artifacts>/screenshots/<lang>/`` (tests/artifacts.py) (for people to look at).
"""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from db import Database
from db.models.enums import Role
from db.services import consultations as cs
from db.services import customers, staff
from db.services import settings as settings_service
from db.services.base import Actor
from desktop.context import AppContext
from desktop.pages.qualification import QualificationPage
from desktop.pages.reception import ReceptionPage
from desktop.tasks import ImmediateRunner
from tests.desktop.pages.conftest import complete_until, save_screenshot

SIZE = (1024, 720)


class Staff:
    def __init__(self, database: Database) -> None:
        owner = staff.create_owner(database, "Main Street Motors", "owner", "owner-pass-1")
        a = staff.add_staff(
            database, owner, "wangfang", "staff-pass-1", Role.CONSULTANT, display_name="王芳"
        )
        b = staff.add_staff(
            database, owner, "lisi", "staff-pass-1", Role.CONSULTANT, display_name="Li Si"
        )
        self.a: Actor = staff.actor_for(database, a.id)
        self.b: Actor = staff.actor_for(database, b.id)


@pytest.fixture
def people(counter: Database) -> Staff:
    return Staff(counter)


def context(database: Database, actor: Actor, language: str, name: str) -> AppContext:
    return AppContext(
        database=database,
        staff=actor,
        runner=ImmediateRunner(),
        language=language,
        settings=settings_service.load_settings(database, actor.store_id),
        store_name="Main Street Motors",
        display_name=name,
    )


@pytest.fixture
def consultation(counter: Database, people: Staff) -> int:
    cust = customers.create_customer(counter, people.a, "赵磊", source_channel="walk_in")
    cid = cs.open_consultation(counter, people.a, cust.id).id
    complete_until(counter, people.a, cid, "qualification")  # reception saved
    return cid


def open_page(qtbot, cls, ctx: AppContext, cid: int):
    page = cls(ctx)
    qtbot.addWidget(page)
    page.resize(*SIZE)
    page.show()
    qtbot.waitExposed(page)
    page.load(cid)
    return page


def click(qtbot, page, name: str) -> None:
    button = page.notice.button(name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_second_counter_sees_who_changed_it_keeps_its_form_and_reloads(
    qtbot, language, counter, other, people, consultation
) -> None:
    cid = consultation
    page_a = open_page(qtbot, ReceptionPage, context(counter, people.a, language, "王芳"), cid)
    page_b = open_page(qtbot, ReceptionPage, context(other, people.b, language, "Li Si"), cid)

    # counter A changes the needs and saves
    page_a.purpose.setText("Family car, seats 7")
    page_a.budget.setText("180000")
    assert page_a.save() is True
    saved = cs.get_consultation(counter, people.a, cid)
    assert saved.budget == Decimal("180000.00")

    # counter B, still showing the old version, types and saves
    page_b.purpose.setText("Commuting to the factory")
    page_b.budget.setText("90000")
    page_b.wished_monthly.setText("2500")
    assert page_b.save() is False

    assert page_b.notice.isVisible() and page_b.notice.kind == "conflict"
    message = page_b.notice.text.text()
    assert "王芳" in message
    assert page_b.conflict is not None and page_b.conflict.changed_at is not None
    local = page_b.conflict.changed_at.astimezone()
    assert f"{local.minute:02d}" in message  # the time, in local time
    if language == "en":
        assert message.startswith("This consultation was changed by 王芳 at ")
        assert "what you typed is still in the form" in message
    else:
        assert message.startswith("这笔咨询已被 王芳 于 ")
        assert "您填写的内容仍保留在表单中" in message
    # every typed value is still there, nothing of A's save was overwritten
    assert page_b.purpose.text() == "Commuting to the factory"
    assert page_b.budget.text() == "90000"
    assert page_b.wished_monthly.text() == "2500"
    assert page_b.dirty
    now = cs.get_consultation(other, people.b, cid)
    assert now.purpose == "Family car, seats 7" and now.budget == Decimal("180000.00")
    assert now.version_id == saved.version_id
    # the bar sits above the form, covering none of it
    top_of_form = min(w.mapTo(page_b, w.rect().topLeft()).y() for w in (page_b.name,))
    assert page_b.notice.geometry().bottom() < top_of_form
    save_screenshot(page_b, language, "conflict_1_changed_by_other_counter")

    # no saving on its own while the conflict is shown (typing, autosave, leaving)
    qtbot.keyClicks(page_b.purpose, " (2)")
    page_b._autosave_now()
    page_b.hide()
    page_b.show()
    assert cs.get_consultation(other, people.b, cid).version_id == saved.version_id
    assert page_b.purpose.text() == "Commuting to the factory (2)"

    # Reload asks first; Cancel keeps everything
    click(qtbot, page_b, "reload")
    assert page_b.notice.kind == "confirm_reload"
    save_screenshot(page_b, language, "conflict_2_confirm_reload")
    click(qtbot, page_b, "cancel_reload")
    assert page_b.notice.kind == "conflict"
    assert page_b.purpose.text() == "Commuting to the factory (2)"

    # confirmed: the other counter's version is shown, the bar is gone
    click(qtbot, page_b, "reload")
    click(qtbot, page_b, "confirm_reload")
    assert page_b.conflict is None
    assert page_b.purpose.text() == "Family car, seats 7"
    assert page_b.budget.text() == "180,000.00"
    assert page_b.wished_monthly.text() != "2500"
    assert not page_b.dirty
    # what the form held is listed (to enter again where it still applies)
    assert page_b.notice.isVisible() and page_b.notice.kind == "typed"
    held = page_b.notice.detail.text()
    assert "Commuting to the factory (2)" in held and "90000" in held and "2500" in held
    assert "赵磊" not in held  # unchanged fields are not listed
    save_screenshot(page_b, language, "conflict_3_reloaded_with_what_was_typed")
    click(qtbot, page_b, "hide_typed")
    assert not page_b.notice.isVisible()

    # B can now save on top of A's version (and A is the one refused next)
    page_b.wished_monthly.setText("3000")
    assert page_b.save() is True
    assert cs.get_consultation(counter, people.a, cid).wished_monthly_payment == Decimal("3000.00")
    page_a.budget.setText("200000")
    assert page_a.save() is False
    assert "Li Si" in page_a.notice.text.text()


def test_customer_details_changed_at_another_counter(
    qtbot, counter, other, people, consultation
) -> None:
    language = os.environ.get("LOANDESK_LANG", "en")
    cid = consultation
    page_a = open_page(qtbot, ReceptionPage, context(counter, people.a, language, "王芳"), cid)
    page_b = open_page(qtbot, ReceptionPage, context(other, people.b, language, "Li Si"), cid)
    page_a.name.setText("赵磊磊")
    assert page_a.save() is True
    page_b.name.setText("Zhao Lei")
    assert page_b.save() is False
    assert "customer's details were changed by 王芳" in page_b.notice.text.text()
    assert page_b.name.text() == "Zhao Lei"
    view = cs.get_consultation(other, people.b, cid)
    assert customers.get_customer(other, people.b, view.customer_id).name == "赵磊磊"


def test_saves_of_this_window_are_no_conflict(qtbot, counter, people, consultation) -> None:
    """Pages of one window follow each other's saves; only another counter's save counts."""
    cid = consultation
    ctx = context(counter, people.a, "en", "王芳")
    reception = open_page(qtbot, ReceptionPage, ctx, cid)
    qualification = open_page(qtbot, QualificationPage, ctx, cid)
    loaded = qualification.expected_version()
    reception.purpose.setText("Family car")
    assert reception.save() is True
    reception.purpose.setText("Family car, 5 seats")  # saved twice by this window
    assert reception.save() is True
    assert qualification.expected_version() is not None
    assert loaded is not None and qualification.expected_version() > loaded  # type: ignore[operator]
    qualification.monthly_income.setText("18000")
    qualification.residence.setChecked(True)
    assert qualification.save() is True, qualification.shown_errors()
    assert not qualification.notice.isVisible()
    saved = cs.get_qualification(counter, people.a, cid)
    assert saved is not None and saved.residence_proof


def test_a_write_outside_the_window_is_a_conflict(qtbot, counter, people, consultation) -> None:
    """The window follows only what its own saves returned (no database listener): a save
    made past it, even through the same Database object, is someone else's."""
    cid = consultation
    ctx = context(counter, people.a, "en", "王芳")
    qualification = open_page(qtbot, QualificationPage, ctx, cid)
    cs.save_reception(
        counter, people.b, cid, source_channel="walk_in", intent_level="high", purpose="Van"
    )
    qualification.monthly_income.setText("18000")
    assert qualification.save() is False
    assert qualification.conflict is not None and "Li Si" in qualification.conflict_text()


@pytest.mark.parametrize("step", ["qualification", "appraisal", "signing"])
def test_every_step_page_refuses_a_stale_save_and_keeps_its_form(
    qtbot, step, counter, other, people, consultation
) -> None:
    from desktop.pages.appraisal import AppraisalPage
    from desktop.pages.signing import SigningPage

    cid = consultation
    complete_until(counter, people.a, cid, "signing")
    cls = {"qualification": QualificationPage, "appraisal": AppraisalPage}.get(step, SigningPage)
    page = open_page(qtbot, cls, context(other, people.b, "en", "Li Si"), cid)
    # counter A saves the consultation meanwhile
    cs.save_reception(
        counter, people.a, cid, source_channel="walk_in", intent_level="high", purpose="A was here"
    )
    before = cs.get_consultation(counter, people.a, cid).version_id
    if step == "qualification":
        page.monthly_income.setText("25000")
        edited = page.monthly_income
    elif step == "appraisal":
        page.mileage.setText("31000")
        edited = page.mileage
    else:
        box = next(iter(page.boxes.values()))
        box.setChecked(True)
        edited = box
    shown = edited.text() if isinstance(edited, QLineEdit) else None
    assert page.save() is False
    assert page.notice.kind == "conflict" and "王芳" in page.notice.text.text()
    assert cs.get_consultation(counter, people.a, cid).version_id == before
    if shown is not None:
        assert edited.text() == shown
    else:
        assert edited.isChecked()
    click(qtbot, page, "reload")
    click(qtbot, page, "confirm_reload")
    assert page.conflict is None and not page.dirty
