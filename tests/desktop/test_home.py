"""Home page: search (masked by role), follow-ups, recent consultations, Ctrl+F."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QAbstractItemModelTester

from db.models.enums import AuditAction, Role, Step, StepState, Tier
from db.services import audit, consultations, customers, followups, staff
from db.services.consultations import ConsultationSummary
from db.services.customers import CustomerSummary
from desktop.context import AppContext
from desktop.home import HomePage, search_criteria
from desktop.models import (
    ROW_ROLE,
    CustomerSearchModel,
    FollowUpModel,
    RecentConsultationsModel,
)
from lending.settings import DEFAULT_SETTINGS
from tests.desktop.pages.conftest import accept_next_dialog

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


def make_ctx(database, actor, runner) -> AppContext:
    return AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, "Hengtong", actor.username)


@pytest.fixture
def people(database, owner):
    consultant = staff.add_staff(database, owner, "lin", "lin2026xx", Role.CONSULTANT)
    manager = staff.add_staff(database, owner, "zhao", "zhao2026xx", Role.MANAGER)
    c = customers.create_customer(
        database,
        owner,
        "Zhang San",
        phone=PHONE,
        id_number=ID_NUMBER,
        consent_purpose=customers.DEFAULT_CONSENT_PURPOSE,
        tier=Tier.VIP,
    )
    customers.create_customer(database, owner, "Zhang Wei", phone="13900001111")
    customers.create_customer(database, owner, "Li Si")
    return {
        "owner": owner,
        "consultant": staff.actor_for(database, consultant.id),
        "manager": staff.actor_for(database, manager.id),
        "customer": c,
    }


@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_eleven_digit_mobile_is_a_phone_search(number: str) -> None:
    assert search_criteria(number) == {"phone": number}
    spaced = f"{number[:3]} {number[3:7]} {number[7:]}"
    assert search_criteria(spaced) == {"phone": number}


@given(st.from_regex(r"\d{17}[\dXx]", fullmatch=True))
def test_eighteen_characters_are_an_id_search(idn: str) -> None:
    assert search_criteria(idn) == {"id_number": idn}


@given(st.text(alphabet="张王李赵abcdefg ", min_size=1).filter(lambda t: t.strip()))
def test_anything_else_is_a_name_search(text: str) -> None:
    assert search_criteria(text) == {"name": text.strip(), "contains": True}


def _summary(**kw) -> CustomerSummary:
    base = dict(
        id=1,
        name="Zhang San",
        phone_masked="138****5678",
        id_number_masked="110105********002X",
        tier=Tier.VIP,
        created_at=datetime.now(UTC),
    )
    base.update(kw)
    return CustomerSummary(**base)


def test_search_model_without_a_view(qapp, database, people):
    model = CustomerSearchModel(people["consultant"])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0 and model.columnCount() == 4
    model.set_rows(
        [_summary(), _summary(id=2, name="Zhang Wei", phone_masked="", tier=Tier.REGULAR)]
    )
    assert model.rowCount() == 2
    assert model.index(0, model.PHONE).data() == "138****5678"
    assert model.index(0, model.ID_NUMBER).data() == "110105********002X"
    assert model.index(0, model.TIER).data() == "VIP"
    assert model.index(1, model.PHONE).data() == ""
    assert model.index(1, 0).data(ROW_ROLE).name == "Zhang Wei"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Mobile"
    # a consultant cannot reveal, even when handed an unmasked view
    view = customers.get_customer(database, people["owner"], people["customer"].id, unmasked=True)
    model.set_rows([_summary(id=view.id)])
    model.reveal(view)
    assert model.index(0, model.PHONE).data() == "138****5678"


def test_consultant_sees_masked_results_and_cannot_reveal(
    qtbot, database, people, runner, screenshot
):
    page = HomePage(make_ctx(database, people["consultant"], runner))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.keyClicks(page.search, "Zhang")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    model = page.search_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Zhang San", "Zhang Wei"]
    assert model.index(0, model.PHONE).data() == "138****5678"
    assert model.index(0, model.ID_NUMBER).data() == "110105********002X"
    assert page.search_status.text().startswith("2 customer(s) found")
    assert not page.reveal_button.isVisible()
    screenshot(page, "home_search_consultant")
    # by phone and by ID number (exact, via the keyed hash)
    page.search.setText("138 1234 5678")
    page.run_search()
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Zhang San"
    page.search.setText(ID_NUMBER.lower())
    page.run_search()
    assert model.rowCount() == 1
    page.search.setText("Nobody")
    page.run_search()
    assert model.rowCount() == 0 and page.search_status.text().startswith("No customer found")


def test_manager_reveals_one_customer_and_it_is_audited(qtbot, database, people, runner):
    page = HomePage(make_ctx(database, people["manager"], runner))
    qtbot.addWidget(page)
    page.show()
    page.search.setText("Zhang San")
    page.run_search()
    model = page.search_model
    assert model.index(0, model.PHONE).data() == "138****5678"
    assert page.reveal_button.isVisible() and page.reveal_button.isEnabled()
    page.reveal_button.click()
    assert model.index(0, model.PHONE).data() == PHONE
    assert model.index(0, model.ID_NUMBER).data() == ID_NUMBER
    assert not page.reveal_button.isEnabled()
    entries = audit.list_entries(database, people["owner"], action=AuditAction.VIEW_PII)
    assert [(e.username, e.target_id) for e in entries] == [("zhao", people["customer"].id)]
    # a new search masks again
    page.run_search()
    assert model.index(0, model.PHONE).data() == "138****5678"


def test_ctrl_f_focuses_search(qtbot, database, people, runner):
    from desktop.main_window import MainWindow
    from desktop.preferences import Preferences

    window = MainWindow(make_ctx(database, people["consultant"], runner), Preferences())
    qtbot.addWidget(window)
    window.show()
    window.home.new_button.setFocus()
    assert window.focusWidget() is window.home.new_button
    # the offscreen platform in pytest never activates windows, so key presses
    # cannot reach window shortcuts; check the binding, then trigger it
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.find_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    window.find_action.trigger()
    assert window.focusWidget() is window.home.search


def test_follow_ups_and_recent_consultations(qtbot, database, people, runner, screenshot):
    owner, cust = people["owner"], people["customer"]
    view = consultations.open_consultation(database, owner, cust.id)
    now = datetime.now(UTC)
    followups.add_manual(
        database,
        owner,
        cust.id,
        now - timedelta(days=2),
        consultation_id=view.id,
        note="Bring the bank statements",
    )
    followups.add_manual(database, owner, cust.id, now, consultation_id=view.id)
    followups.add_manual(database, owner, cust.id, now + timedelta(days=3))  # in 3 days
    followups.add_manual(database, owner, cust.id, now + timedelta(days=9))  # beyond the week
    page = HomePage(make_ctx(database, owner, runner))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.refresh()
    fm = page.followup_model
    assert fm.rowCount() == 3  # overdue, today, in 3 days (not the one in 9 days)
    assert fm.index(2, fm.DUE).data().endswith("(coming)")
    assert fm.index(0, fm.DUE).data().endswith("(overdue)")
    assert fm.index(0, fm.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert fm.index(0, fm.KIND).data() == "Bring the bank statements"
    assert fm.index(1, fm.KIND).data() == "Follow-up"
    assert fm.index(1, fm.DUE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert fm.index(0, fm.PHONE).data() == "138****5678"
    rm = page.recent_model
    assert rm.rowCount() == 1
    assert rm.index(0, rm.CUSTOMER).data() == "Zhang San"
    assert rm.index(0, rm.STAGE).data() == "Reception"
    assert not page.recent_empty.isVisible()
    screenshot(page, "home_followups")
    # double-click a follow-up opens its consultation
    opened: list[int] = []
    page.open_consultation.connect(opened.append)
    page.followups.selectRow(0)
    page._followup_activated(page.followups.currentIndex())
    assert opened == [view.id]
    # mark as done, with what came of it
    accept_next_dialog(qtbot, lambda dialog: dialog.outcome.setText("called, no answer"))
    page.done_button.click()
    assert fm.rowCount() == 2


def test_recent_model_stage_texts(qapp):
    now = datetime.now(UTC)

    def summary(states, status="open"):
        return ConsultationSummary(1, 1, "A", status, states, now, now, None)

    all_done = {s: StepState.COMPLETE for s in Step}
    blocked = {**all_done, Step.APPRAISAL: StepState.BLOCKED, Step.PLAN: StepState.NOT_STARTED}
    model = RecentConsultationsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([summary(all_done), summary(blocked), summary(all_done, "lost")])
    assert [model.index(r, model.STAGE).data() for r in range(3)] == [
        "Signed",
        "Blocked at: Vehicle appraisal",
        "Lost",
    ]
    FollowUpModel()
