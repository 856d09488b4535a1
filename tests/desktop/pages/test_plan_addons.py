"""The finance page's add-ons from the owner's catalogue, the car's kind and energy against
the products' limits, and the plan's lender (issue 13, the parts the catalogue editors left
open): driven through the real page and checked against the saved plan."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import update

from db.models import Lender
from db.services import addons_admin, catalogue, catalogue_admin, deals
from db.services import consultations as cs
from db.services.base import ValidationError
from desktop.pages.models import ComparisonModel
from desktop.pages.plan import PlanPage
from lending.addons import add_on_to_data
from tests.deal_product import CODE, SPEC, add_balloon_product
from tests.desktop.pages.conftest import complete_until, save_screenshot

LENDER = "Volkswagen Finance (China)"  # the balloon product's one lender
GPS = {
    "code": "lender_gps",
    "kind": "gps",
    "name": "Lender's GPS tracker",
    "name_zh": "资金方 GPS 定位器",
    "rule": "fixed",
    "amount": "1800",
    "required_by": [LENDER],
}
TYRES = {
    "code": "tyre_care",
    "kind": "service",
    "name": "Tyre and rim care",
    "name_zh": "轮胎轮毂保障",
    "rule": "fixed",
    "amount": "2400",
    "financeable": True,
}


def add_add_ons(database, owner, *extra) -> None:
    """The owner's catalogue: the sample add-ons, then ``extra``."""
    items = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(database, owner)]
    addons_admin.save_add_ons(database, owner, [*items, *extra])


def open_plan(open_page, database, consultant, owner, cid) -> PlanPage:
    add_balloon_product(database, owner)
    add_add_ons(database, owner, GPS, TYRES)
    complete_until(database, consultant, cid, "plan")
    page = open_page(PlanPage, cid, size=(1180, 1400))
    page._column_clicked(page.comparison.column_of(CODE))
    return page


def test_required_and_optional_add_ons(qtbot, open_page, consultation, database, consultant, owner):
    page = open_plan(open_page, database, consultant, owner, consultation)
    gps, tyres = page.addons.row("lender_gps"), page.addons.row("tyre_care")
    assert [r.code for r in page.addons.rows][-2:] == ["lender_gps", "tyre_care"]
    assert gps.tick.text() == "Lender's GPS tracker" and gps.kind.text() == "GPS"
    assert gps.price.text() == "1,800.00" and gps.price.isReadOnly()
    # the balloon product's lender requires the tracker: ticked, kept, the reason said
    assert gps.tick.isChecked() and gps.tick.font().bold()
    qtbot.mouseClick(gps.tick, Qt.MouseButton.LeftButton, pos=QPoint(8, gps.tick.height() // 2))
    qtbot.keyClick(gps.tick, Qt.Key.Key_Space)
    assert gps.tick.isChecked()  # neither a click nor the keyboard unticks it
    assert "Required by Volkswagen Finance (China) for this loan" in gps.note.text()
    assert not gps.financed.isEnabled() and "may not be financed" in gps.note.text()
    # GPS installation is a line of the deal's on-road costs: shown, never charged again
    gps_fitting = page.addons.row("gps_installation")
    assert not gps_fitting.tick.isChecked() and not gps_fitting.tick.isEnabled()
    assert "A line of the on-road costs above" in gps_fitting.note.text()
    # the tyre cover is optional and may be financed with this product
    assert not tyres.tick.isChecked() and tyres.tick.isEnabled()
    assert tyres.financed.isEnabled() and tyres.note.text() == "Optional."
    before = page.selected_evaluation().loan_amount
    tyres.tick.setChecked(True)
    assert page.selected_evaluation().loan_amount == before  # paid apart
    tyres.financed.setChecked(True)
    assert page.selected_evaluation().loan_amount == before + Decimal(2400)
    # a product whose lender requires nothing and finances no add-ons
    page._column_clicked(page.comparison.column_of("finance_company"))
    assert not gps.tick.isChecked() and not gps.tick.font().bold()  # not required: off
    assert "Required by Volkswagen Finance (China)." in gps.note.text()
    assert not tyres.financed.isEnabled()
    assert "This product does not finance add-ons" in tyres.note.text()
    assert tyres.tick.isChecked()  # the customer's own choice stays
    page._column_clicked(page.comparison.column_of(CODE))
    assert gps.tick.isChecked()
    assert page.choose() is True
    [plan] = cs.list_plans(database, consultant, consultation)
    assert plan.lender_name == LENDER
    assert [(a.code, a.name, a.name_zh, a.price, a.required) for a in plan.add_ons] == [
        ("lender_gps", "Lender's GPS tracker", "资金方 GPS 定位器", Decimal("1800.00"), True),
        ("tyre_care", "Tyre and rim care", "轮胎轮毂保障", Decimal("2400.00"), False),
    ]
    assert plan.deal.financed_add_ons == ("tyre_care",)
    assert plan.amount == before + Decimal(2400)
    again = open_page(PlanPage, consultation)
    assert again.addons.row("tyre_care").financed.isChecked()
    assert again.addons.row("lender_gps").tick.isChecked()


def test_the_service_keeps_what_the_lender_requires(database, consultant, owner, consultation):
    add_balloon_product(database, owner)
    add_add_ons(database, owner, GPS, TYRES)
    complete_until(database, consultant, consultation, "plan")
    form = cs.PlanForm(
        product_code=CODE,
        method="equal_installment",
        term_months=36,
        down_payment="60000",
        deal=deals.DealForm(),
    )
    with pytest.raises(ValidationError) as refused:
        cs.save_plan(database, consultant, consultation, form)
    assert refused.value.reasons["plan"].code == "plan.add_on_required"
    gps = cs.AddOnInput("service", "typed", "1800", code="lender_gps")
    financed = cs.PlanForm(
        product_code=CODE,
        method="equal_installment",
        term_months=36,
        down_payment="60000",
        add_ons=(gps,),
        deal=deals.DealForm(financed_add_ons=("lender_gps",)),
    )
    with pytest.raises(ValidationError) as refused:
        cs.save_plan(database, consultant, consultation, financed)
    assert refused.value.reasons["plan"].code == "plan.add_on_not_financeable"
    plan = cs.save_plan(
        database,
        consultant,
        consultation,
        cs.PlanForm(
            product_code=CODE,
            method="equal_installment",
            term_months=36,
            down_payment="60000",
            add_ons=(gps,),
            deal=deals.DealForm(),
        ),
    )
    [line] = plan.add_ons  # the catalogue's names and the lender's requirement
    assert (line.name, line.name_zh, line.required) == (GPS["name"], GPS["name_zh"], True)


def test_a_plan_takes_the_first_active_lender(
    qtbot, open_page, database, consultant, owner, consultation
):
    complete_until(database, consultant, consultation, "plan")
    view = catalogue_admin.load_catalogue_view(database, owner)
    first = view.lender("SAIC-GMAC")
    catalogue_admin.set_lender_active(database, owner, first.id, False)
    form = cs.PlanForm(
        product_code="finance_company",
        method="equal_installment",
        term_months=36,
        down_payment="65000",
    )
    plan = cs.save_plan(database, consultant, consultation, form)
    assert plan.lender_name == "Toyota Motor Finance (China)"
    # every lender of the product deactivated (the editor refuses it; a database edited
    # by hand does not): the product is shown as not allowed, a plan is refused
    names = (
        catalogue.load_catalogue(database, owner.store_id)
        .product("finance_company")
        .example_lenders
    )
    with database.unit_of_work() as uow:
        uow.session.execute(update(Lender).where(Lender.name.in_(names)).values(active=False))
        uow.commit()
    page = open_page(PlanPage, consultation)
    page._column_clicked(page.comparison.column_of("finance_company"))
    e = page.selected_evaluation()
    assert not e.eligible and "None of this product's lenders is active" in page.blocks.text()
    with pytest.raises(ValidationError) as refused:
        cs.save_plan(database, consultant, consultation, form)
    assert "None of this product's lenders is active" in str(refused.value)


@pytest.mark.parametrize(
    ("kind", "energy", "why"),
    [
        ("used", "petrol", "This product does not finance used cars."),
        ("new", "petrol", "This product does not finance petrol cars."),
        ("new", "nev", None),
    ],
)
def test_new_used_and_nev_limits(
    qtbot, open_page, database, consultant, owner, consultation, kind, energy, why
):
    """A product for new NEVs only (the owner's catalogue): the car on the finance page
    (new or used, its energy) decides, with the reason in words."""
    catalogue.save_product(database, owner, {**SPEC, "vehicle_kinds": ["new"], "energies": ["nev"]})
    complete_until(database, consultant, consultation, "plan")
    page = open_page(PlanPage, consultation, size=(1180, 1400))
    panel = page.deal_panel
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    panel.energy.setCurrentIndex(panel.energy.findData(energy))
    page._column_clicked(page.comparison.column_of(CODE))
    e = page.selected_evaluation()
    if why is None:
        assert e.eligible, [str(r) for r in e.reasons]
        assert page.choose() is True
        return
    assert not e.eligible and why in page.blocks.text()
    assert why in [str(r) for r in e.reasons]
    assert page.choose() is False
    assert why in page.shown_errors()["plan"]
    assert cs.list_plans(database, consultant, consultation) == []


def test_add_ons_tab_screenshots(
    qtbot, language, open_page, consultation, database, consultant, owner
):
    """The tab in both languages: names, kinds, lenders and notes in the screen's language
    (looked at: tests/artifacts screenshots/<language>/4_plan_addons_catalogue.png)."""
    page = open_plan(open_page, database, consultant, owner, consultation)
    tyres = page.addons.row("tyre_care")
    tyres.tick.setChecked(True)
    tyres.financed.setChecked(True)
    page.tabs.setCurrentWidget(page.addons)
    gps = page.addons.row("lender_gps")
    if language == "zh_CN":
        assert gps.tick.text() == "资金方 GPS 定位器" and tyres.tick.text() == "轮胎轮毂保障"
        assert "大众汽车金融" in gps.note.text() or "Volkswagen" not in gps.note.text()
        assert not re.search(r"[A-Za-z]{4,}", tyres.note.text() + tyres.kind.text())
    else:
        assert gps.tick.text() == "Lender's GPS tracker"
    path = save_screenshot(page.tabs, language, "4_plan_addons_catalogue")
    assert path.stat().st_size > 5_000
    page.tabs.grab().save(f"/tmp/addons_tab_{language}.png")


def test_required_insurance_is_priced_for_every_year_of_the_term(
    qtbot, open_page, consultation, database, consultant, owner
):
    """The lender requires its own cover (commercial insurance, a fixed price a year):
    the car's total cost with that product holds it for every started year of the term,
    as for a product that requires full insurance; another product's does not."""
    add_balloon_product(database, owner)
    add_add_ons(
        database,
        owner,
        {
            "code": "lender_cover",
            "kind": "commercial_insurance",
            "name": "Lender's cover",
            "name_zh": "资金方指定险",
            "rule": "fixed",
            "amount": "950",
            "required_by": [LENDER],
        },
    )
    complete_until(database, consultant, consultation, "plan")
    page = open_page(PlanPage, consultation, size=(1180, 1400))
    page.term.setCurrentIndex(page.term.findData(36))
    page._column_clicked(page.comparison.column_of(CODE))
    row = page.addons.row("lender_cover")
    assert row.tick.isChecked() and row.price.text() == "950.00"
    # the customer's own full cover: what a product requiring full insurance counts
    full = page.addons.row("full_insurance_1y")
    full.tick.setChecked(True)
    qtbot.keyClicks(full.price, "4,000")
    model, row_key = page.comparison, ComparisonModel.ROW_KEYS.index("car_cost")
    result = page._result
    for code, insurance in (
        (CODE, Decimal(950 * 3)),  # required by its lender
        ("finance_company", Decimal(4000 * 3)),
    ):  # full insurance
        e = model.evaluation(code)
        expected = result.request.deal_for(e.product).total_cost(e.schedule, insurance)
        assert model.data(model.index(row_key, model.column_of(code))) == f"{expected:,.2f}"
    full.tick.setChecked(False)
    assert page.choose() is True
    [plan] = cs.list_plans(database, consultant, consultation)
    assert [(a.code, a.kind.value, a.required) for a in plan.add_ons] == [
        ("lender_cover", "insurance", True)
    ]


def test_the_appraisal_says_the_energy_and_the_products_follow(
    qtbot, open_page, consultation, database, consultant, owner
):
    """The appraiser picks the car's energy on the appraisal page; the finance page starts
    from it (a product for NEVs only is offered for an NEV, refused for a petrol car),
    and a service caller without a deal is checked against it too."""
    from desktop.pages.appraisal import AppraisalPage

    catalogue.save_product(database, owner, {**SPEC, "energies": ["nev"]})
    complete_until(database, consultant, consultation, "plan")
    appraisal = open_page(AppraisalPage, consultation, size=(1180, 1400))
    assert appraisal.energy.currentData() == ""  # not said yet
    appraisal.energy.setCurrentIndex(appraisal.energy.findData("nev"))
    assert appraisal.energy.currentText() == "New-energy (NEV)"
    assert appraisal.save() is True
    assert cs.get_appraisal(database, consultant, consultation).energy == "nev"
    page = open_page(PlanPage, consultation, size=(1180, 1400))
    assert page.deal_panel.energy.currentData() == "nev"
    page._column_clicked(page.comparison.column_of(CODE))
    assert page.selected_evaluation().eligible, page.blocks.text()
    request = {"down_payment": "60000", "term_months": 36, "method": "equal_installment"}
    [mine] = [
        e
        for e in cs.evaluate_products(database, consultant, consultation, **request)
        if e.code == CODE
    ]
    assert mine.eligible
    form = appraisal._form()
    cs.save_appraisal(database, consultant, consultation, replace(form, energy="petrol"))
    [mine] = [
        e
        for e in cs.evaluate_products(database, consultant, consultation, **request)
        if e.code == CODE
    ]
    assert "This product does not finance petrol cars." in [str(r) for r in mine.reasons]
    with pytest.raises(ValidationError) as refused:
        cs.save_appraisal(database, consultant, consultation, replace(form, energy="steam"))
    assert "energy" in refused.value.errors


def test_the_total_counts_typed_quotes_after_a_product_change(
    qtbot, open_page, consultation, database, consultant, owner
):
    page = open_plan(open_page, database, consultant, owner, consultation)
    warranty = page.addons.row("extended_warranty_2y")  # quoted at the counter
    warranty.tick.setChecked(True)
    qtbot.keyClicks(warranty.price, "3,000")
    page._column_clicked(page.comparison.column_of("finance_company"))
    # 3,000 typed + the tracker the balloon product's lender required is no longer ticked
    assert "Add-ons total: 3,000.00 CNY, of which 0.00 CNY in the loan" in page.addons.total.text()
    page._column_clicked(page.comparison.column_of(CODE))  # its lender: + 1,800
    assert "Add-ons total: 4,800.00 CNY" in page.addons.total.text()


def test_an_on_road_line_a_lender_requires_is_not_charged_twice(
    qtbot, open_page, consultation, database, consultant, owner
):
    """Compulsory insurance is priced as the deal's on-road line: required by the lender,
    it stays that line (not an add-on on top of it), and the service does not ask for it."""
    add_balloon_product(database, owner)
    items = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(database, owner)]
    for item in items:
        if item["code"] == "compulsory_insurance":
            item["required_by"] = [LENDER]
    addons_admin.save_add_ons(database, owner, items)
    complete_until(database, consultant, consultation, "plan")
    page = open_page(PlanPage, consultation, size=(1180, 1400))
    page._column_clicked(page.comparison.column_of(CODE))
    row = page.addons.row("compulsory_insurance")
    assert not row.tick.isChecked() and not row.tick.isEnabled()
    assert row.note.text() == (
        "Required by Volkswagen Finance (China). A line of the "
        "on-road costs above: charged there, not again here."
    )
    assert "Add-ons total: 0.00 CNY" in page.addons.total.text()
    assert page.choose() is True
    [plan] = cs.list_plans(database, consultant, consultation)
    assert plan.add_ons == ()
