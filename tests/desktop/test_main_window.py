"""Main window: the step list, moving between steps, resume, language switch, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db.models.enums import Role, Step, StepState
from db.services import consultations as cs
from db.services import customers, staff
from desktop.app import Application, make_application
from desktop.context import AppContext
from desktop.dialogs import NewConsultationDialog, SettingsDialog
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.steps import STEPS, StepList
from lending.settings import DEFAULT_SETTINGS
from tests.desktop.pages.conftest import complete_until


def make_ctx(database, actor, runner) -> AppContext:
    return AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, "Hengtong", "Wang Li")


@pytest.fixture
def consultant(database, owner):
    view = staff.add_staff(database, owner, "lin", "lin2026xx", Role.CONSULTANT)
    return staff.actor_for(database, view.id)


@pytest.fixture
def window_factory(qtbot, database):
    made: list[MainWindow] = []

    def make(actor, runner) -> MainWindow:
        w = MainWindow(make_ctx(database, actor, runner), Preferences())
        made.append(w)
        w.resize(1180, 800)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield make
    for w in made:
        w.close_for_rebuild()
        w.deleteLater()


def test_step_list_shows_every_state(qapp):
    steps = StepList()
    steps.set_states(
        {
            Step.RECEPTION: StepState.COMPLETE,
            Step.QUALIFICATION: StepState.BLOCKED,
            Step.APPRAISAL: StepState.IN_PROGRESS,
        }
    )
    texts = [steps.item(i).text() for i in range(steps.count())]
    assert texts == [
        "1. Reception\nComplete",
        "2. Qualification\nBlocked",
        "3. Vehicle appraisal\nIn progress",
        "4. Finance plan\nNot started",
        "5. Signing checklist\nNot started",
    ]
    assert steps.step_state(Step.QUALIFICATION) is StepState.BLOCKED
    chosen: list[str] = []
    steps.step_chosen.connect(chosen.append)
    steps.setCurrentRow(3)
    assert chosen == ["plan"]
    steps.select_step(Step.SIGNING)  # programmatic: no signal
    assert chosen == ["plan"]


def test_new_consultation_dialog(qtbot, database, consultant, runner):
    ctx = make_ctx(database, consultant, runner)
    dialog = NewConsultationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.name_error.text() == "Enter the customer's name."
    dialog.name.setText("Zhou Min")
    dialog.phone.setText("12345")
    dialog.ok_button.click()
    assert dialog.phone_error.isVisible() and dialog.phone_error.text()
    assert customers.find_customers(database, consultant, name="Zhou") == []
    dialog.phone.setText("139 0000 1111")
    dialog.ok_button.click()
    assert dialog.result() == 1 and not dialog.reused
    view = dialog.result_view
    assert view.customer_name == "Zhou Min"
    assert view.steps[Step.RECEPTION] is StepState.IN_PROGRESS
    # the same mobile number again: the known customer is reused
    again = NewConsultationDialog(ctx)
    qtbot.addWidget(again)
    again.name.setText("Zhou M.")
    again.phone.setText("13900001111")
    again.ok_button.click()
    assert again.reused and again.result_view.customer_id == view.customer_id
    assert again.result_view.id != view.id


def test_walk_the_steps_then_resume_after_reopen(
    qtbot, database, consultant, window_factory, runner
):
    c = customers.create_customer(database, consultant, "Wang Fang")
    cid = cs.open_consultation(database, consultant, c.id).id
    complete_until(database, consultant, cid, "appraisal")

    window = window_factory(consultant, runner)
    assert window.central.currentWidget() is window.home
    window.open_consultation(cid)
    flow = window.flow
    assert window.central.currentWidget() is flow
    # opens at the first step that is not complete
    assert flow.current_step is Step.APPRAISAL
    assert flow.steps.step_state(Step.RECEPTION) is StepState.COMPLETE
    assert flow.steps.step_state(Step.QUALIFICATION) is StepState.COMPLETE
    assert flow.steps.step_state(Step.APPRAISAL) is StepState.NOT_STARTED
    assert flow.title.text() == f"Consultation {cid} — Wang Fang"
    # back to any step through the list
    flow.steps.setCurrentRow(0)
    assert flow.current_step is Step.RECEPTION
    assert not flow.back_button.isEnabled()
    flow.next_button.click()  # saves reception (valid) and moves on
    assert flow.current_step is Step.QUALIFICATION
    flow.back_button.click()
    assert flow.current_step is Step.RECEPTION
    flow.steps.setCurrentRow(4)
    assert flow.current_step is Step.SIGNING
    assert flow.next_button.text() == "Save"
    flow.steps.setCurrentRow(1)
    assert flow.current_step is Step.QUALIFICATION
    assert flow.next_button.autoDefault() and flow.next_button.isDefault()
    # close mid-consultation; a new window for the same user resumes it
    window.close()
    again = window_factory(consultant, runner)
    assert again.resume()
    assert again.central.currentWidget() is again.flow
    assert again.flow.consultation_id == cid
    assert again.flow.current_step is Step.QUALIFICATION
    # going home on purpose forgets it
    again.go_home()
    assert again.central.currentWidget() is again.home
    assert not again.resume()


def test_blocked_consultation_shows_the_reason(
    qtbot, database, owner, consultant, window_factory, runner
):
    from db.services import blacklist

    c = customers.create_customer(database, consultant, "Qian Wu", phone="13711112222")
    blacklist.add_entry(database, owner, phone="13711112222")
    cid = cs.open_consultation(database, consultant, c.id).id
    window = window_factory(consultant, runner)
    window.open_consultation(cid)
    banner = window.flow.blocked_banner
    assert not banner.isHidden()
    assert "blacklist" in banner.text()


def test_export_only_for_managers_and_owner(
    qtbot, database, owner, consultant, window_factory, runner, tmp_path
):
    assert not window_factory(consultant, runner).export_action.isVisible()
    window = window_factory(owner, runner)
    assert window.export_action.isVisible()
    from desktop.export import ExportDialog

    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.unmasked.isVisibleTo(dialog)  # owner may export unmasked
    out = tmp_path / "report.xlsx"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    assert dialog.written == out.resolve() and out.exists()
    assert "Saved" in dialog.message.text()


def test_status_bar_names_user_role_and_store(qtbot, database, consultant, window_factory, runner):
    window = window_factory(consultant, runner)
    assert window.user_label.text() == "Signed in: Wang Li (Sales consultant)"
    assert window.store_label.text() == "Store: Hengtong"


@pytest.fixture
def english_again(qapp):
    yield
    from desktop.i18n import Translators

    Translators(qapp).install("en")


def test_language_switch_rebuilds_the_window_in_chinese(
    qtbot, database, owner, runner, english_again, monkeypatch
):
    ctl = Application(make_application(), database=database, runner=runner)
    assert ctl.language == "en"
    ctl.context = ctl.build_context(owner)
    window = ctl.show_main(resume=False)
    c = customers.create_customer(database, owner, "Zhao Liu")
    cid = cs.open_consultation(database, owner, c.id).id
    window.open_consultation(cid)
    window.flow.steps.setCurrentRow(1)

    def choose_chinese():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.accept()

    QTimer.singleShot(0, choose_chinese)
    window.open_settings()
    new = ctl.window
    try:
        assert new is not window
        assert ctl.language == "zh_CN" and Preferences().language == "zh_CN"
        assert new.home_action.text() == "首页"
        assert new.flow.steps.item(0).text().startswith("1. 接待")
        # the consultation stays open at the same step
        assert new.flow.consultation_id == cid
        assert new.flow.current_step is Step.QUALIFICATION
    finally:
        ctl.translators.install("en")
        Preferences().language = ""
        ctl._drop_window()


def test_runner_errors_without_handler_show_a_message(
    qtbot, database, consultant, window_factory, runner, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from lending.errors import UserError

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    window_factory(consultant, runner)

    def job():
        raise UserError("The customer was changed by someone else.")

    runner.run(job)
    assert shown == ["The customer was changed by someone else."]


def test_steps_constant_matches_db():
    assert [s.value for s in STEPS] == [
        "reception",
        "qualification",
        "appraisal",
        "plan",
        "signing",
    ]
    assert Path(__file__).exists()


def test_threaded_runner_end_to_end(qtbot, database, owner):
    """The real worker thread: home loads, a consultation opens, saves come back."""
    from desktop.tasks import TaskRunner

    c = customers.create_customer(database, owner, "Sun Qi")
    cid = cs.open_consultation(database, owner, c.id).id
    runner = TaskRunner()
    ctl = Application(make_application(), database=database, runner=runner)
    try:
        ctl.context = ctl.build_context(owner)
        window = ctl.show_main(resume=False)
        qtbot.waitUntil(lambda: window.home.recent_model.rowCount() == 1, timeout=5000)
        window.open_consultation(cid)
        qtbot.waitUntil(lambda: window.flow.title.text().endswith("Sun Qi"), timeout=5000)
        assert window.flow.current_step is Step.RECEPTION
        reception = window.flow.current_page()
        qtbot.waitUntil(lambda: reception.name.text() == "Sun Qi", timeout=5000)
        window.go_home()
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    finally:
        ctl._drop_window()
        runner.shutdown()


def test_new_consultation_by_keyboard_only(qtbot, database, consultant, runner):
    from PySide6.QtCore import Qt

    dialog = NewConsultationDialog(make_ctx(database, consultant, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Zhou Min")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.phone
    qtbot.keyClicks(dialog.phone, "13900002222")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert dialog.result_view.customer_name == "Zhou Min"
