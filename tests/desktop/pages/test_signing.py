"""Signing checklist: 'Mark signed' only with every item ticked; follow-ups after it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.models.enums import FollowUpKind, FunnelStage, Step, StepState
from db.services import consultations as cs
from db.services import followups
from desktop.pages.signing import SigningPage
from tests.desktop.pages.conftest import accept_next_dialog, complete_until, on_next_dialog, tick


def test_needs_a_chosen_plan(qtbot, open_page, consultation, database, consultant):
    complete_until(database, consultant, consultation, "plan")
    page = open_page(SigningPage, consultation)
    assert "Choose the plan" in page.blocked.text()
    assert not page.sign_button.isEnabled()
    assert not page.boxes["doc.id_card"].isEnabled()
    assert page.save() is False
    assert "plan" in page.shown_errors()["general"]


def test_ticks_are_saved_and_mark_signed_needs_all(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "signing")
    page = open_page(SigningPage, consultation)
    states: list[str] = []
    page.state_changed.connect(states.append)
    codes = list(page.boxes)
    for code in codes[:-1]:
        tick(qtbot, page.boxes[code])
    assert not page.sign_button.isEnabled()
    assert page.save() is True
    assert states[-1] == "in_progress"
    saved = cs.get_signing(database, consultant, consultation)
    assert sum(i.done for i in saved.items) == len(codes) - 1 and not saved.complete
    tick(qtbot, page.boxes[codes[-1]])
    assert page.sign_button.isEnabled()
    # saving the complete list (autosave, leaving the page) does not sign behind the
    # staff's back: only "Mark signed" does
    assert page.save() is True
    view = cs.get_consultation(database, consultant, consultation)
    assert view.funnel[FunnelStage.SIGNED] is None
    assert view.steps[Step.SIGNING] is StepState.IN_PROGRESS
    assert cs.get_signing(database, consultant, consultation).complete
    assert page.sign_button.isEnabled()
    # a deliberate action asks first: Cancel changes nothing
    on_next_dialog(lambda dialog: dialog.reject())
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert (
        cs.get_consultation(database, consultant, consultation).funnel[FunnelStage.SIGNED] is None
    )
    accept_next_dialog(qtbot)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert states[-1] == "complete"
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.SIGNING] is StepState.COMPLETE
    assert view.funnel[FunnelStage.SIGNED] is not None
    assert not page.sign_button.isEnabled() and page.after.isVisibleTo(page)
    accept_next_dialog(qtbot)
    qtbot.mouseClick(page.disbursed_button, Qt.MouseButton.LeftButton)
    accept_next_dialog(qtbot)
    qtbot.mouseClick(page.delivered_button, Qt.MouseButton.LeftButton)
    view = cs.get_consultation(database, consultant, consultation)
    assert view.funnel[FunnelStage.DELIVERED] is not None
    assert "Follow-up call due" in page.after_text.text()
    from datetime import date, timedelta

    due = followups.list_due(database, consultant, on=date.today() + timedelta(days=10))
    kinds = {f.kind for f in due if f.consultation_id == consultation}
    assert {FollowUpKind.POST_DISBURSEMENT, FollowUpKind.DELIVERY} <= kinds


def test_the_lenders_decision_and_a_managers_undo(
    qtbot, open_page, consultation, database, consultant, owner
):

    from db.models.enums import AuditAction, Role
    from db.services import audit, staff
    from db.services import settings as settings_service
    from desktop.context import AppContext
    from desktop.tasks import ImmediateRunner

    complete_until(database, consultant, consultation, "signing")
    page = open_page(SigningPage, consultation)
    assert page.decision_box.isVisibleTo(page)
    assert "No decision" in page.decision_label.text()

    def declined_without_reason(dialog) -> None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("declined"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # refused: the reason is missing, shown by the field
        assert dialog._errors["reason_code"].text()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("approved"))
        dialog.amount.setText("88000")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_next_dialog(declined_without_reason)
    qtbot.mouseClick(page.decision_button, Qt.MouseButton.LeftButton)
    view = cs.get_consultation(database, consultant, consultation)
    assert view.lender_decision is not None and view.lender_decision.approved_amount == 88000
    assert "Approved on" in page.decision_label.text() and "88,000.00" in (
        page.decision_label.text()
    )

    for box in page.boxes.values():
        tick(qtbot, box)
    accept_next_dialog(qtbot)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert not page.undo_button.isVisible()  # a consultant cannot undo

    member = staff.add_staff(database, owner, "boss", "staff-pass-1", Role.MANAGER)
    manager = staff.actor_for(database, member.id)
    boss_ctx = AppContext(
        database,
        manager,
        ImmediateRunner(),
        "en",
        settings_service.load_settings(database, manager.store_id),
        "Main Street Motors",
        "Boss",
    )
    boss = open_page(SigningPage, consultation, context=boss_ctx)
    assert boss.signed and boss.undo_button.isVisibleTo(boss)

    def undo(dialog) -> None:
        dialog.why.setText("no")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog._errors["why"].text()
        dialog.why.setText("Customer signed the wrong copy")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_next_dialog(undo)
    qtbot.mouseClick(boss.undo_button, Qt.MouseButton.LeftButton)
    assert not boss.signed and boss.sign_button.isEnabled()
    view = cs.get_consultation(database, consultant, consultation)
    assert view.funnel[FunnelStage.SIGNED] is None
    assert any(
        e.action is AuditAction.STAGE_UNDONE and e.username == "boss"
        for e in audit.list_entries(database, owner)
    )
