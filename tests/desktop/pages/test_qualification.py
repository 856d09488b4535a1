"""Qualification: grade and reasons live, hard failures in words, bad input saves nothing."""

from __future__ import annotations

from db.models.enums import Step, StepState
from db.services import consultations as cs
from desktop.pages.qualification import QualificationPage
from tests.desktop.pages.conftest import complete_until, tick


def test_grade_updates_live_while_typing(qtbot, open_page, consultation, database, consultant):
    complete_until(database, consultant, consultation, "qualification")
    page = open_page(QualificationPage, consultation)
    assert page.result is not None and page.result.grade is None  # nothing entered yet
    assert "income above zero" in page.failures.text()
    qtbot.keyClicks(page.monthly_income, "18000")
    # documents missing: no grade, the hard requirements in words
    assert page.result is not None and page.result.grade is None
    assert "residence" in page.failures.text().lower()
    page.proof_months.setValue(6)
    tick(qtbot, page.residence)
    tick(qtbot, page.work)
    assert page.result.grade is None  # the ID card is never ticked for the consultant
    assert not page.id_seen.isChecked()
    tick(qtbot, page.id_seen)
    assert page.result.grade is not None
    assert page.grade.text() == page.result.grade.value == "A"
    assert "Payment history" in page.reasons.text()
    page.worst_overdue.setValue(45)
    page.overdue_count.setValue(2)
    assert page.grade.text() == "C"
    assert "45 days" in page.reasons.text()
    assert page.advice.isVisibleTo(page)  # grade C: higher down payment, shorter term


def test_bad_input_shows_reasons_and_saves_nothing(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "qualification")
    page = open_page(QualificationPage, consultation)
    qtbot.keyClicks(page.monthly_income, "12k")
    page.current_debt.setText("-5")
    page.credit_kinds.setText("1.5")
    assert page.save() is False
    shown = page.shown_errors()
    assert {"monthly_income", "current_debt", "credit_kinds"} <= set(shown)
    assert cs.get_qualification(database, consultant, consultation) is None
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.QUALIFICATION] is StepState.NOT_STARTED


def test_good_input_saves_grade_and_blocked_when_requirements_fail(
    qtbot, open_page, consultation, database, consultant, owner
):
    complete_until(database, consultant, consultation, "qualification")
    page = open_page(QualificationPage, consultation)
    states: list[str] = []
    page.state_changed.connect(states.append)
    qtbot.keyClicks(page.monthly_income, "18000")
    assert page.save() is True
    assert states[-1] == "blocked"
    saved = cs.get_qualification(database, consultant, consultation)
    assert saved is not None and not saved.passed
    page.proof_months.setValue(6)
    tick(qtbot, page.residence)
    tick(qtbot, page.work)
    tick(qtbot, page.id_seen)
    page.history_years.setText("6")
    assert page.save() is True
    assert states[-1] == "complete"
    saved = cs.get_qualification(database, consultant, consultation)
    assert saved is not None and saved.grade is not None
    assert saved.grade == page.result.grade and saved.score == page.result.score
    # a consultant cannot see the saved income; an empty field keeps it (the other
    # facts can still be updated without asking the customer again)
    again = open_page(QualificationPage, consultation)
    assert again.monthly_income.text() == "" and "hidden" in again.monthly_income.placeholderText()
    assert again.grade.text() == saved.grade.value
    again.overdue_count.setValue(1)
    assert again.save() is True
    kept = cs.get_qualification(database, owner, consultation, unmasked=True)
    assert kept is not None and kept.monthly_income == "18000.00"
    assert kept.overdue_count_24m == 1
    assert again.monthly_income.text() == "" and "hidden" in again.monthly_income.placeholderText()


def _grade_a(qtbot, page) -> None:
    qtbot.keyClicks(page.monthly_income, "18000")
    page.proof_months.setValue(6)
    tick(qtbot, page.residence)
    tick(qtbot, page.work)
    tick(qtbot, page.id_seen)
    page.history_years.setText("6")


def test_likelihood_is_the_catalogues_for_the_products_of_the_grade(
    qtbot, open_page, consultation, database, consultant, owner
):
    from db.services import catalogue

    complete_until(database, consultant, consultation, "qualification")
    page = open_page(QualificationPage, consultation)
    assert page.likelihood.text() == ""  # no grade, no likelihood
    _grade_a(qtbot, page)
    assert page.grade.text() == "A"
    lines = page.likelihood.text().splitlines()
    assert lines[0] == "Approval likelihood for grade A (product catalogue):"
    assert lines[1:] == [
        "• Bank mortgage loan: 95-99%",
        "• Finance-company loan: 95-99%",
        "• Credit/mortgage mixed loan: 95-99%",
        "• Ultra-low down payment loan: 95-99%",
        "• Manufacturer finance (balloon, subsidised): 95-99%",
    ]
    # the owner edits a product's grade terms and retires another: the page follows
    spec = dict(
        next(
            r for r in catalogue.list_products(database, owner) if r.code == "finance_company"
        ).spec
    )
    spec["grades"] = [
        dict(g, approval_likelihood_min_percent="88", approval_likelihood_max_percent="93.5")
        if g["grade"] == "A"
        else g
        for g in spec["grades"]
    ]
    catalogue.save_product(database, owner, spec)
    catalogue.set_product_active(database, owner, "bank_mortgage", False)
    again = open_page(QualificationPage, consultation)
    _grade_a(qtbot, again)
    assert again.likelihood.text().splitlines()[1:] == [
        "• Finance-company loan: 88-93.5%",
        "• Credit/mortgage mixed loan: 95-99%",
        "• Ultra-low down payment loan: 95-99%",
        "• Manufacturer finance (balloon, subsidised): 95-99%",
    ]
    # grade C with no product offering it: no figure at all, and it says so
    for code in ("credit_mortgage_mixed", "ultra_low_down_payment"):
        catalogue.set_product_active(database, owner, code, False)
    third = open_page(QualificationPage, consultation)
    _grade_a(qtbot, third)
    third.worst_overdue.setValue(45)
    third.overdue_count.setValue(2)
    assert third.grade.text() == "C"
    assert third.likelihood.text() == (
        "No product in the catalogue is offered to grade C: there is no loan to offer "
        "this customer."
    )
    assert "%" not in third.likelihood.text()
