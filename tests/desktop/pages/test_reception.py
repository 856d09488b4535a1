"""Reception: live checks, consent before the ID, blacklist hits; bad input saves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.models.enums import BlacklistReason, Step, StepState
from db.services import blacklist, customers
from db.services import consultations as cs
from desktop.pages.reception import ReceptionPage
from tests.desktop.pages.conftest import ID_NUMBER, PHONE, tick


def test_live_id_check_shows_age_and_reasons(qtbot, open_page, consultation):
    page = open_page(ReceptionPage, consultation)
    qtbot.keyClicks(page.id_number, "11010519910517")
    assert "14 of 18" in page.id_hint.text()
    assert not page.error_label("id_number").text()
    qtbot.keyClicks(page.id_number, "1234")
    assert "check" in page.error_label("id_number").text()  # bad check character
    page.id_number.setText(ID_NUMBER)
    assert "1991-05-17" in page.id_hint.text() and "years old" in page.id_hint.text()
    # consent is asked for as soon as a valid ID is there
    assert "consent" in page.error_label("consent").text().lower()
    page.phone.setText("12345")
    assert "5 of 11" in page.phone_hint.text()
    page.phone.setText("12812345678")
    assert "start with 13 to 19" in page.error_label("phone").text()


def test_bad_input_shows_reasons_and_saves_nothing(
    qtbot, open_page, consultation, database, consultant
):
    page = open_page(ReceptionPage, consultation)
    before = cs.get_consultation(database, consultant, consultation)
    page.name.clear()
    page.phone.setText("1381234567x")
    page.id_number.setText(ID_NUMBER)  # valid, but no consent
    page.budget.setText("12.345")
    assert page.save() is False
    shown = page.shown_errors()
    assert "name" in shown and "phone" in shown and "consent" in shown
    # fix the local problems: the service still refuses channel/intent/budget
    page.name.setText("Wang Fang")
    page.phone.setText(PHONE)
    page.consent.setChecked(True)
    assert page.save() is False
    shown = page.shown_errors()
    assert {"source_channel", "intent_level", "budget"} <= set(shown)
    after = cs.get_consultation(database, consultant, consultation)
    assert after.version_id == before.version_id
    cust = customers.get_customer(database, consultant, after.customer_id)
    assert cust.phone == "" and cust.id_number == "" and not cust.has_consent


def test_good_input_saves_customer_consent_and_needs(
    qtbot, open_page, consultation, database, consultant
):
    page = open_page(ReceptionPage, consultation)
    states: list[str] = []
    page.state_changed.connect(states.append)
    qtbot.keyClicks(page.phone, PHONE)
    page.consent.ensurePolished()
    tick(qtbot, page.consent)
    assert page.consent.isChecked()
    qtbot.keyClicks(page.id_number, ID_NUMBER)
    page.channel.setCurrentIndex(page.channel.findData("referral"))
    page.intent.setCurrentIndex(page.intent.findData("high"))
    page.tier.setCurrentIndex(page.tier.findData("vip"))
    qtbot.keyClicks(page.budget, "150,000")
    qtbot.keyClicks(page.wished_down, "40000")
    qtbot.keyClicks(page.wished_monthly, "3500")
    assert page.dirty
    assert page.save() is True
    assert not page.dirty
    assert states[-1] == "complete"
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.RECEPTION] is StepState.COMPLETE
    assert str(view.budget) == "150000.00" and str(view.wished_monthly_payment) == "3500.00"
    cust = customers.get_customer(database, consultant, view.customer_id)
    assert cust.has_consent and cust.id_number.endswith(ID_NUMBER[-4:])
    assert cust.tier.value == "vip" and cust.phone.endswith("5678")
    # reloading shows what was saved; the ID stays masked
    page2 = open_page(ReceptionPage, consultation)
    assert page2.budget.text() == "150,000.00"
    assert page2.consent.isChecked() and not page2.consent.isEnabled()
    assert "1991-05-17" in page2.id_hint.text()


def test_blacklist_hit_is_shown(qtbot, open_page, consultation, database, owner):
    blacklist.add_entry(database, owner, phone=PHONE, reason=BlacklistReason.FRAUD)
    page = open_page(ReceptionPage, consultation)
    page.phone.setText(PHONE)
    page.phone.editingFinished.emit()
    assert page.alerts.isVisibleTo(page)
    assert "Blacklist" in page.alerts.text() and "fraud" in page.alerts.text()


def test_enter_moves_to_the_next_field(qtbot, open_page, consultation):
    page = open_page(ReceptionPage, consultation)
    # offscreen windows are never active: check the page's own focus widget
    page.name.setFocus()
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert page.focusWidget() is page.phone


def test_new_customer_bad_input_creates_nothing(qtbot, ctx, open_page, database, consultant):
    page = open_page(ReceptionPage, None)
    assert page.consultation_id is None and page.name.text() == ""
    qtbot.keyClicks(page.id_number, ID_NUMBER)  # no consent, no name, no channel
    qtbot.keyClicks(page.budget, "abc")
    assert page.dirty
    assert page.save() is False
    shown = page.shown_errors()
    assert {"name", "consent", "source_channel", "intent_level", "budget"} <= set(shown)
    assert customers.find_customers(database, consultant, id_number=ID_NUMBER) == []
    assert cs.list_consultations(database, consultant) == []


def test_new_customer_good_input_creates_customer_and_consultation(
    qtbot, open_page, database, consultant, owner
):
    blacklist.add_entry(database, owner, id_number=ID_NUMBER, reason=BlacklistReason.FAKE_DOCUMENTS)
    page = open_page(ReceptionPage, None)
    states: list[str] = []
    page.state_changed.connect(states.append)
    qtbot.keyClicks(page.name, "Zhao Lei")
    qtbot.keyClicks(page.phone, PHONE)
    tick(qtbot, page.consent)
    qtbot.keyClicks(page.id_number, ID_NUMBER)
    page.channel.setCurrentIndex(page.channel.findData("online"))
    page.intent.setCurrentIndex(page.intent.findData("medium"))
    assert page.save() is True
    assert states == ["complete"] and page.consultation_id is not None
    view = cs.get_consultation(database, consultant, page.consultation_id)
    assert view.customer_name == "Zhao Lei" and view.blacklist_hit
    cust = customers.get_customer(database, consultant, view.customer_id)
    assert cust.has_consent and cust.id_number.endswith(ID_NUMBER[-4:])
    # the blacklist hit is shown plainly on the page
    assert page.alerts.isVisibleTo(page) and "blacklist" in page.alerts.text().lower()
    # saving again updates the same consultation
    qtbot.keyClicks(page.budget, "99000")
    assert page.save() is True
    assert len(cs.list_consultations(database, consultant)) == 1


def test_another_stores_blacklist_entry_names_that_store(
    qtbot, open_page, consultation, database, owner, consultant
):
    from db.services import stores

    pudong = stores.add_store(database, owner, "Pudong store").id
    owner_at_pudong = stores.switch_store(database, owner, pudong)
    blacklist.add_entry(database, owner_at_pudong, phone=PHONE, reason=BlacklistReason.FRAUD)

    page = open_page(ReceptionPage, consultation)  # a consultant of the first store
    page.phone.setText(PHONE)
    page.phone.editingFinished.emit()  # the live check at the desk
    assert page.alerts.isVisibleTo(page)
    assert "Pudong store" in page.alerts.text() and "fraud" in page.alerts.text()

    view = cs.get_consultation(database, consultant, consultation)
    customers.update_customer(database, consultant, view.customer_id, phone=PHONE)
    assert cs.get_consultation(database, consultant, consultation).blacklist_hit
    again = open_page(ReceptionPage, consultation)  # what was stored, on reopening
    assert "Pudong store" in again.alerts.text() and "fraud" in again.alerts.text()
