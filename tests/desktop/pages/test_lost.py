"""Mark a consultation lost with a reason category; reopen it; logout is audited."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from db.models.enums import AuditAction, ConsultationStatus
from db.services import audit
from db.services import consultations as cs
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.steps import LostDialog
from tests.desktop.pages.conftest import install_language, save_screenshot


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx, Preferences())
    w.resize(1180, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close_for_rebuild()
    w.deleteLater()


def _choose(dialog: LostDialog, code: str) -> None:
    dialog.category.setCurrentIndex(dialog.category.findData(code))


def test_dialog_needs_a_category_and_a_note_for_other(qtbot, ctx, consultation, database):
    dialog = LostDialog(ctx, consultation)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()
    assert dialog.category_error.isVisible() and dialog.result_view is None
    assert dialog.category_error.text() == "This field is required."
    _choose(dialog, "other")
    dialog.submit()
    assert not dialog.category_error.isVisible()
    assert dialog.note_error.text() == "Say in a few words why the customer was lost."
    assert cs.get_consultation(database, ctx.staff, consultation).status is ConsultationStatus.OPEN
    dialog.note.setText("moving abroad")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    view = cs.get_consultation(database, ctx.staff, consultation)
    assert view.status is ConsultationStatus.LOST
    assert view.lost_reason_code == "other" and view.lost_note == "moving abroad"


def test_categories_are_listed_in_chinese(qtbot, qapp, ctx, consultation):
    translators = install_language(qapp, "zh_CN")
    try:
        dialog = LostDialog(ctx, consultation)
        qtbot.addWidget(dialog)
        texts = [dialog.category.itemText(i) for i in range(dialog.category.count())]
        assert "已在别处购买" in texts and "被贷款机构拒绝" in texts
        dialog.show()
        save_screenshot(dialog, "zh_CN", "lost_dialog")
    finally:
        translators.install("en")
    dialog = LostDialog(ctx, consultation)
    qtbot.addWidget(dialog)
    dialog.show()
    save_screenshot(dialog, "en", "lost_dialog")


def test_mark_lost_from_the_flow_and_reopen(
    qtbot, window, consultation, database, ctx, monkeypatch
):
    window.open_consultation(consultation)
    flow = window.flow
    assert flow.lost_button.isVisibleTo(window) and not flow.reopen_button.isVisibleTo(window)

    def answer(dialog: LostDialog) -> int:
        _choose(dialog, "lender_rejected")
        dialog.note.setText("bank said no after the credit report")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(LostDialog, "exec", answer)
    flow.lost_button.click()
    view = cs.get_consultation(database, ctx.staff, consultation)
    assert view.status is ConsultationStatus.LOST and view.lost_reason_code == "lender_rejected"
    assert view.lost_reason == "Rejected by the lender: bank said no after the credit report"
    assert flow.lost_banner.isVisibleTo(window)
    assert "Rejected by the lender — bank said no" in flow.lost_banner.text()
    assert flow.reopen_button.isVisibleTo(window) and not flow.lost_button.isVisibleTo(window)
    save_screenshot(window, "en", "flow_lost")
    flow.reopen_button.click()
    assert cs.get_consultation(database, ctx.staff, consultation).status is (
        ConsultationStatus.OPEN
    )
    assert not flow.lost_banner.isVisibleTo(window) and flow.lost_button.isVisibleTo(window)


def test_logout_writes_an_audit_row(qtbot, window, database, ctx, owner):
    emitted: list[bool] = []
    window.logout_requested.connect(lambda: emitted.append(True))
    window.log_out()
    assert emitted == [True]
    rows = audit.list_entries(database, owner, action=AuditAction.LOGOUT)
    assert [(r.staff_id, r.username) for r in rows] == [(ctx.staff.staff_id, "consultant")]


def test_lost_banner_in_chinese(qtbot, qapp, ctx, consultation, database):
    translators = install_language(qapp, "zh_CN")
    try:
        cs.mark_lost(database, ctx.staff, consultation, "bought_elsewhere", "隔壁店便宜两千")
        from dataclasses import replace

        w = MainWindow(replace(ctx, language="zh_CN"), Preferences())
        w.resize(1180, 800)
        w.show()
        qtbot.waitExposed(w)
        w.open_consultation(consultation)
        text = w.flow.lost_banner.text()
        assert "已在别处购买——隔壁店便宜两千" in text and "重新打开" in text
        save_screenshot(w, "zh_CN", "flow_lost")
        w.close_for_rebuild()
        w.deleteLater()
    finally:
        translators.install("en")
