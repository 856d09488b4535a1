"""A whole consultation, reception to signed, typed and clicked like staff do; then the DB.

The five pages sit in a stacked widget as in the main window: moving to the
next page hides the current one, which saves it (nothing is saved by hand
except the decisions: choosing the plan and "Mark signed").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStackedWidget

from db.models.enums import FollowUpKind, FunnelStage, Step, StepState
from db.services import consultations as cs
from db.services import customers, followups
from desktop.pages import PAGES
from desktop.pages.appraisal import AppraisalPage
from desktop.pages.plan import PlanPage
from desktop.pages.qualification import QualificationPage
from desktop.pages.reception import ReceptionPage
from desktop.pages.signing import SigningPage
from tests.desktop.pages.conftest import ID_NUMBER, PHONE, VIN, accept_next_dialog, tick


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def choose(qtbot, combo, text: str) -> None:
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def test_reception_to_signed(qtbot, ctx, consultation, database, consultant):
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    pages = [cls(ctx) for cls in PAGES]
    states: dict[str, list[str]] = {p.step: [] for p in pages}
    for p in pages:
        stack.addWidget(p)
        p.state_changed.connect(states[p.step].append)
    stack.resize(1024, 1000)
    stack.show()
    qtbot.waitExposed(stack)

    def go(index: int):
        page = pages[index]
        page.load(consultation)
        stack.setCurrentIndex(index)  # hides (and so saves) the page we leave
        return page

    # 1. reception
    r: ReceptionPage = go(0)
    assert r.name.text() == "Wang Fang"
    type_into(qtbot, r.phone, PHONE)
    tick(qtbot, r.consent)
    type_into(qtbot, r.id_number, ID_NUMBER)
    choose(qtbot, r.channel, "Referral")
    choose(qtbot, r.intent, "High")
    type_into(qtbot, r.budget, "160000")
    type_into(qtbot, r.wished_down, "70000")
    type_into(qtbot, r.wished_monthly, "2500")
    assert r.dirty

    # 2. qualification
    q: QualificationPage = go(1)
    assert states["reception"][-1] == "complete" and not r.dirty
    type_into(qtbot, q.monthly_income, "20000")
    type_into(qtbot, q.proof_months, "6")
    tick(qtbot, q.residence)
    tick(qtbot, q.work)
    tick(qtbot, q.id_seen)  # never pre-ticked: the consultant saw the card
    type_into(qtbot, q.history_years, "8")
    type_into(qtbot, q.credit_kinds, "3")
    assert q.grade.text() == "A"

    # 3. appraisal
    a: AppraisalPage = go(2)
    assert states["qualification"][-1] == "complete"
    type_into(qtbot, a.vin, VIN)
    type_into(qtbot, a.brand, "Toyota")
    type_into(qtbot, a.model_name, "Corolla")
    type_into(qtbot, a.first_registration, date(date.today().year - 2, 5, 1).isoformat())
    type_into(qtbot, a.mileage, "32000")
    choose(qtbot, a.registration, "Matches")
    choose(qtbot, a.condition, "Excellent")
    type_into(qtbot, a.market_price, "150000")
    type_into(qtbot, a.price, "140000")
    assert a.result is not None and not a.result.excluded

    # 4. plan
    p: PlanPage = go(3)
    assert states["appraisal"][-1] == "complete"
    assert p.current_request()[0] == 70000  # the wished down payment
    header = p.comparison_view.horizontalHeader()
    column = p.comparison.column_of("bank_mortgage")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert p._selected == "bank_mortgage"
    choose(qtbot, p.term, "48")
    e = p.selected_evaluation()
    assert e is not None and e.eligible, [str(x) for x in e.reasons]
    qtbot.mouseClick(p.choose_button, Qt.MouseButton.LeftButton)
    assert states["plan"][-1] == "complete"

    # 5. signing
    s: SigningPage = go(4)
    assert not s.sign_button.isEnabled()
    for box in s.boxes.values():
        tick(qtbot, box)
    assert s.sign_button.isEnabled()
    accept_next_dialog(qtbot)  # "Mark signed" asks first, with the day (today)
    qtbot.mouseClick(s.sign_button, Qt.MouseButton.LeftButton)
    assert states["signing"][-1] == "complete"

    # the database
    view = cs.get_consultation(database, consultant, consultation)
    assert all(view.steps[step] is StepState.COMPLETE for step in Step)
    assert view.funnel[FunnelStage.SIGNED] is not None
    assert view.intent_level.value == "high" and view.source_channel.value == "referral"
    cust = customers.get_customer(database, consultant, view.customer_id)
    assert cust.has_consent and cust.birth_date == date(1991, 5, 17)
    qual = cs.get_qualification(database, consultant, consultation)
    assert qual is not None and qual.grade.value == "A"
    appraisal = cs.get_appraisal(database, consultant, consultation)
    assert appraisal.vin == VIN and appraisal.value == a.result.value
    plans = cs.list_plans(database, consultant, consultation)
    chosen = [x for x in plans if x.chosen]
    assert len(chosen) == 1 and chosen[0].product_code == "bank_mortgage"
    assert chosen[0].term_months == 48 and chosen[0].first_payment == e.schedule.first_payment
    signing = cs.get_signing(database, consultant, consultation)
    assert signing.complete and all(i.done for i in signing.items)
    due = followups.list_due(
        database, consultant, on=date.today() + __import__("datetime").timedelta(days=3)
    )
    assert any(
        f.kind is FollowUpKind.HIGH_INTENT and f.consultation_id == consultation for f in due
    )
    for page in pages:
        page.close()


def test_closing_mid_consultation_resumes(qtbot, open_page, consultation, database, consultant):
    page = open_page(ReceptionPage, consultation)
    type_into(qtbot, page.phone, PHONE)
    choose(qtbot, page.channel, "Phone")
    choose(qtbot, page.intent, "Medium")
    type_into(qtbot, page.budget, "90000")
    assert page.dirty
    page.close()  # the window closes: leaving the page saves it
    assert not page.dirty
    again = open_page(ReceptionPage, consultation)
    assert again.channel.currentData() == "phone" and again.intent.currentData() == "medium"
    assert again.budget.text() == "90,000.00"
    assert "138****5678" in again.phone.placeholderText()


def test_autosave_after_a_pause(qtbot, open_page, consultation, database, consultant):
    page = open_page(ReceptionPage, consultation)
    choose(qtbot, page.channel, "Walk")
    choose(qtbot, page.intent, "Low")
    type_into(qtbot, page.phone, PHONE)
    with qtbot.waitSignal(page.dirty_changed, timeout=5000, check_params_cb=lambda d: not d):
        pass  # the debounce timer fires and saves
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.RECEPTION] is StepState.COMPLETE
