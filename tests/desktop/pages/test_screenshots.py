"""Screenshots of every step page in both languages, for people to look at.

Saved to ``<artifacts>/screenshots/<lang>/<page>.png`` (``$LOANDESK_ARTIFACTS``
or the session's tmp folder: tests/artifacts.py).  Nothing here asserts pixels: the test
asserts the page was drawn and that the Chinese screens use the catalogue.
"""

from __future__ import annotations

from datetime import date

import pytest

from db.services import consultations as cs
from db.services import customers
from desktop.context import AppContext
from desktop.pages import PAGES
from desktop.pages.appraisal import AppraisalPage
from desktop.pages.plan import PlanPage
from desktop.pages.qualification import QualificationPage
from desktop.pages.reception import ReceptionPage
from desktop.pages.signing import SigningPage
from desktop.tasks import ImmediateRunner
from tests.desktop.pages.conftest import (
    ID_NUMBER,
    complete_until,
    install_language,
    save_screenshot,
)

SIZE = (1024, 720)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch):
    monkeypatch.setenv("LOANDESK_LANG", request.param)
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


def test_every_page_in_both_languages(qtbot, language, open_page, database, consultant, ctx):
    zh_ctx = AppContext(
        database=database,
        staff=consultant,
        runner=ImmediateRunner(),
        language=language,
        settings=ctx.settings,
    )
    # a walk-in customer at the reception desk (bad input shown)
    new = customers.create_customer(database, consultant, "王芳")
    fresh = cs.open_consultation(database, consultant, new.id).id
    page = open_page(ReceptionPage, fresh, context=zh_ctx, size=SIZE)
    qtbot.keyClicks(page.phone, "1381234567")
    qtbot.keyClicks(page.id_number, ID_NUMBER)
    page.budget.setText("15万")
    assert page.save() is False
    save_screenshot(page, language, "1_reception_errors")

    other = customers.create_customer(database, consultant, "李强")
    cid = cs.open_consultation(
        database, consultant, other.id, source_channel="referral", intent_level="high"
    ).id
    complete_until(database, consultant, cid, "appraisal")
    cs.save_appraisal(
        database,
        consultant,
        cid,
        cs.VehicleForm(
            brand="大众" if language == "zh_CN" else "Volkswagen",
            model="朗逸 1.5L" if language == "zh_CN" else "Lavida 1.5L",
            first_registration=date(date.today().year - 2, 1, 1),
            vin=__import__("tests.desktop.pages.conftest", fromlist=["VIN"]).VIN,
            mileage_km=30000,
            condition="good",
            market_price="150000",
            price="130000",
            colour="白色" if language == "zh_CN" else "white",
            registration_matches=True,
            maintenance_records=(
                (date(date.today().year - 1, 2, 1), 18000),
                (date(date.today().year - 1, 8, 1), 16000),
            ),
        ),
    )
    plan = cs.save_plan(
        database,
        consultant,
        cid,
        cs.PlanForm(
            product_code="finance_company",
            method="equal_installment",
            term_months=36,
            down_payment="70000",
            add_ons=(cs.AddOnInput("warranty", "Extended warranty 2 years", "3800"),),
        ),
    )
    cs.choose_plan(database, consultant, plan.id)
    cs.save_signing(
        database,
        consultant,
        cid,
        {"doc.id_card": True, "doc.income_proof": True, "clause.amount_term": True},
    )
    names = {
        ReceptionPage: "1_reception",
        QualificationPage: "2_qualification",
        AppraisalPage: "3_appraisal",
        PlanPage: "4_plan",
        SigningPage: "5_signing",
    }
    for cls in PAGES:
        size = (1024, 1000) if cls is PlanPage else SIZE  # a 1080p counter screen
        page = open_page(cls, cid, context=zh_ctx, size=size)
        if cls is QualificationPage:
            qtbot.keyClicks(page.monthly_income, "18000")
            page.id_seen.setChecked(True)
            page.overdue_count.setValue(1)
            page.worst_overdue.setValue(10)
            page.applications.setValue(3)
        if cls is PlanPage:
            page.tabs.setCurrentIndex(0)
        path = save_screenshot(page, language, names[cls])
        assert path.stat().st_size > 10_000
        if language == "zh_CN":
            assert (
                page.title()
                != {
                    ReceptionPage: "Reception",
                    QualificationPage: "Qualification",
                    AppraisalPage: "Vehicle appraisal",
                    PlanPage: "Finance plan",
                    SigningPage: "Signing checklist",
                }[cls]
            )
        if cls is PlanPage:
            page._column_clicked(page.comparison.column_of("ultra_low_down_payment"))
            save_screenshot(page, language, "4_plan_grid_other_product")
            page._column_clicked(page.comparison.column_of("finance_company"))
            for index, name in (
                (1, "4_plan_schedule"),
                (2, "4_plan_settlement"),
                (3, "4_plan_addons"),
            ):
                page.tabs.setCurrentIndex(index)
                save_screenshot(page, language, name)


def test_blocked_states_in_both_languages(
    qtbot, language, open_page, database, consultant, owner, ctx
):
    """What staff see when something stops the flow: blacklist, failed requirements, flood."""
    from db.models.enums import BlacklistReason
    from db.services import blacklist
    from tests.desktop.pages.conftest import PHONE, VIN

    lang_ctx = AppContext(
        database=database,
        staff=consultant,
        runner=ImmediateRunner(),
        language=language,
        settings=ctx.settings,
    )
    blacklist.add_entry(database, owner, phone=PHONE, reason=BlacklistReason.SERIOUS_DEFAULT)
    cust = customers.create_customer(database, consultant, "陈刚", phone=PHONE)
    cid = cs.open_consultation(
        database, consultant, cust.id, source_channel="phone", intent_level="medium"
    ).id
    page = open_page(ReceptionPage, cid, context=lang_ctx, size=SIZE)
    assert page.alerts.isVisibleTo(page)
    save_screenshot(page, language, "blocked_1_reception_blacklist")

    complete_until(database, consultant, cid, "qualification")
    page = open_page(QualificationPage, cid, context=lang_ctx, size=SIZE)
    qtbot.keyClicks(page.monthly_income, "9000")
    page.proof_months.setValue(3)
    assert page.failures.isVisibleTo(page)
    save_screenshot(page, language, "blocked_2_qualification_requirements")

    page = open_page(AppraisalPage, cid, context=lang_ctx, size=SIZE)
    qtbot.keyClicks(page.vin, VIN)
    qtbot.keyClicks(page.brand, "Honda")
    qtbot.keyClicks(page.model_name, "Civic")
    qtbot.keyClicks(page.first_registration, "2015-06-01")
    qtbot.keyClicks(page.mileage, "180000")
    page.condition.setCurrentIndex(page.condition.findData("fair"))
    qtbot.keyClicks(page.market_price, "60000")
    page.flood.setChecked(True)
    assert page.exclusions.isVisibleTo(page)
    save_screenshot(page, language, "blocked_3_appraisal_flood")

    page = open_page(PlanPage, cid, context=lang_ctx, size=(1024, 1000))
    assert page.prereq.isVisibleTo(page)
    save_screenshot(page, language, "blocked_4_plan_prerequisites")
