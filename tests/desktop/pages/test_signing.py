"""Signing checklist: 'Mark signed' only with every item ticked; follow-ups after it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.models.enums import FollowUpKind, FunnelStage, Step, StepState
from db.services import consultations as cs
from db.services import followups
from desktop.pages.signing import SigningPage
from tests.desktop.pages.conftest import complete_until, tick


def test_needs_a_chosen_plan(qtbot, open_page, consultation, database, consultant):
    complete_until(database, consultant, consultation, "plan")
    page = open_page(SigningPage, consultation)
    assert "Choose the plan" in page.blocked.text()
    assert not page.sign_button.isEnabled()
    assert not page.boxes["doc.id_card"].isEnabled()
    assert page.save() is False
    assert "plan" in page.shown_errors()["general"]


def test_ticks_are_saved_and_mark_signed_needs_all(qtbot, open_page, consultation, database,
                                                  consultant):
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
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert states[-1] == "complete"
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.SIGNING] is StepState.COMPLETE
    assert view.funnel[FunnelStage.SIGNED] is not None
    assert not page.sign_button.isEnabled() and page.after.isVisibleTo(page)
    qtbot.mouseClick(page.disbursed_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.delivered_button, Qt.MouseButton.LeftButton)
    view = cs.get_consultation(database, consultant, consultation)
    assert view.funnel[FunnelStage.DELIVERED] is not None
    assert "Follow-up call due" in page.after_text.text()
    from datetime import date, timedelta

    due = followups.list_due(database, consultant, on=date.today() + timedelta(days=10))
    kinds = {f.kind for f in due if f.consultation_id == consultation}
    assert {FollowUpKind.POST_DISBURSEMENT, FollowUpKind.DELIVERY} <= kinds
