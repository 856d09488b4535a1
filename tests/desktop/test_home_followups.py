"""Home: the flow's own follow-ups (due today, overdue) listed, one marked done; both languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import FollowUp
from db.services import consultations, customers, followups
from desktop.context import AppContext
from desktop.home import HomePage
from lending.settings import DEFAULT_SETTINGS
from tests.desktop.pages.conftest import install_language, on_next_dialog, save_screenshot


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


def test_due_and_overdue_follow_ups_and_marking_one_done(qtbot, database, owner, runner, language):
    now = datetime.now(UTC)
    late = customers.create_customer(database, owner, "王强", phone="13811112222")
    today = customers.create_customer(database, owner, "李娜", phone="13933334444")
    # high-intent leads: the 48-hour call, one lead came in three days ago (overdue)
    consultations.open_consultation(
        database, owner, late.id, intent_level="high", now=now - timedelta(days=3)
    )
    consultations.open_consultation(
        database, owner, today.id, intent_level="high", now=now - timedelta(days=2)
    )
    followups.add_manual(database, owner, late.id, now + timedelta(days=5))  # not due yet
    page = HomePage(
        AppContext(database, owner, runner, language, DEFAULT_SETTINGS, "Hengtong", "Wang Li")
    )
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.refresh()
    fm = page.followup_model
    names = [fm.index(r, fm.CUSTOMER).data() for r in range(fm.rowCount())]
    # overdue, today, then the next 7 days (the one set by hand in five days)
    assert names == ["王强", "李娜", "王强"]
    assert fm.index(0, fm.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue
    coming = fm.index(2, fm.DUE).data()
    assert coming.endswith("(coming)" if language == "en" else "（即将到期）"), coming
    assert not page.followup_empty.isVisible()
    save_screenshot(page, language, "home_followups_due_overdue")
    page.followups.selectRow(0)
    assert page.done_button.isEnabled()

    def outcome(dialog) -> None:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog._errors["outcome"].isVisible()  # say what came
        dialog.outcome.setText("Reached; comes back on Saturday")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_next_dialog(outcome)
    page.done_button.click()
    assert "王强" in page.followup_status.text()
    assert [fm.index(r, fm.CUSTOMER).data() for r in range(fm.rowCount())] == ["李娜", "王强"]
    due = followups.list_due(database, owner)
    assert [f.customer_name for f in due] == ["李娜"]
    with database.unit_of_work() as uow:
        done = uow.session.scalars(select(FollowUp).where(FollowUp.done_at.is_not(None))).all()
        assert [f.outcome for f in done] == ["Reached; comes back on Saturday"]
