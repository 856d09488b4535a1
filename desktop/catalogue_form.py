"""The car-loan form of the Products and lenders editor (:mod:`desktop.catalogue_editor`).

One car-loan product in tabs (general, repayment, vehicles, fees, rates, subsidy
and add-ons).  Each field is read with its bounds
(:data:`lending.catalogue_rules.BOUNDS`) and checked with
:func:`lending.catalogue_rules.product_reasons` as soon as it is left; the reason
stands under the field (:class:`desktop.catalogue_fields.FieldsForm`).  The rates
tab holds the accepted grades with their approval likelihood and the rate sheet
editable in place (:mod:`desktop.catalogue_models`); a sheet of one band of each
is stored as each grade's one rate.  The subsidy tab holds the manufacturer's or
dealer's interest subsidy (贴息: the lender's rate, who pays it in English and
Chinese) and whether the lender may finance the add-ons.
:meth:`ProductForm.read` gives the product and every reason.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.catalogue_admin import ProductEntry
from desktop.catalogue_fields import (
    GREY,
    FieldsForm,
    _band,
    _num,
    _parts,
    hint_label,
)
from desktop.catalogue_labels import energy_label, strictness_label, vehicle_kind_label
from desktop.catalogue_models import GradesModel, RateSheetModel
from desktop.labels import method_label
from desktop.pages.texts import tr_reason
from lending import parse
from lending.catalogue_rules import product_reasons, read_number
from lending.onroad import Energy, VehicleKind
from lending.products import Fees, GradeTerms, Product, StepUp, Strictness, Subsidy
from lending.qualification import Grade
from lending.reasons import ReasonsError
from lending.schedule import RepaymentMethod
from lending.settings import LendingSettings

__all__ = ["GREY", "ProductForm", "blank_product"]

SUBSIDY_TAB = 5


def blank_product(settings: LendingSettings) -> Product:
    """What a new product starts from (the store's vehicle limits; rates to fill in)."""
    return Product(
        code="",
        name="",
        name_zh="",
        example_lenders=(),
        max_financing_ratio_percent=Decimal(70),
        apr_min_percent=Decimal("4.00"),
        apr_max_percent=Decimal("12.00"),
        approval_days_min=1,
        approval_days_max=3,
        methods=(RepaymentMethod.EQUAL_INSTALLMENT,),
        term_min_months=12,
        term_max_months=36,
        terms=(12, 24, 36),
        strictness=Strictness.MEDIUM,
        max_vehicle_age_years=settings.max_vehicle_age_years,
        max_mileage_km=settings.max_vehicle_mileage_km,
        grades=(
            GradeTerms(Grade.A, Decimal(0), Decimal(90), Decimal(98)),
            GradeTerms(Grade.B, Decimal(0), Decimal(70), Decimal(80)),
        ),
        fees=Fees(),
        step_up=None,
        requires_full_insurance=False,
        online_small_loan=False,
        active=True,
    )


# --- grades and the rate sheet -------------------------------------------------------------


# --- the product form ----------------------------------------------------------------------


class ProductForm(FieldsForm):
    """One car-loan product in tabs; :meth:`read` gives the product and every reason."""

    def __init__(
        self, settings: LendingSettings, chinese: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, chinese, parent)
        self.base: Product = blank_product(settings)
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._repayment(), self.tr("Repayment"))
        self.tabs.addTab(self._vehicles(), self.tr("Vehicles"))
        self.tabs.addTab(self._fees(), self.tr("Fees"))
        self.tabs.addTab(self._rates(), self.tr("Rates"))
        self.tabs.addTab(self._subsidy(), self.tr("Subsidy and add-ons"))
        self._connect_lines()

    # -- building ---------------------------------------------------------------
    def _general(self) -> QWidget:
        page, form = self._page()
        form.addRow(self.tr("Name in English"), self._field("name", 0, wide=True))
        form.addRow(self.tr("Name in Chinese"), self._field("name_zh", 0, wide=True))
        form.addRow(self.tr("Lenders"), self._lender_field(0))
        self.strictness = QComboBox()
        for s in Strictness:
            self.strictness.addItem(strictness_label(s), s.value)
        self.strictness.currentIndexChanged.connect(lambda _i: self.changed.emit())
        form.addRow(self.tr("Strictness"), self.strictness)
        form.addRow(
            self.tr("Approval time"),
            self._pair("approval_days_min", "approval_days_max", 0, self.tr("working days")),
        )
        self.active = self._check_box("active", self.tr("Offered in new plans"))
        form.addRow(self.active)
        return page

    def _repayment(self) -> QWidget:
        page, form = self._page()
        holder, self.method_boxes = self._checks(
            "methods", 1, ((m, method_label(m.value)) for m in RepaymentMethod), columns=3
        )
        form.addRow(self.tr("Repayment methods"), holder)
        form.addRow(
            self.tr("Terms"),
            self._field("terms", 1, self.tr("months"), self.tr("e.g. 12, 24, 36"), wide=True),
        )
        form.addRow(
            self.tr("Step-up: the payment rises by"), self._field("step_up.step_percent", 1, "%")
        )
        form.addRow(self.tr("… every"), self._field("step_up.step_months", 1, self.tr("months")))
        form.addRow(
            self.tr("Balloon: from"),
            self._pair("balloon_min_percent", "balloon_max_percent", 1, self.tr("% of the loan")),
        )
        for method in (RepaymentMethod.STEP_UP, RepaymentMethod.BALLOON):
            self.method_boxes[method].toggled.connect(lambda _on: self._enable_details())
        return page

    def _vehicles(self) -> QWidget:
        page, form = self._page()
        form.addRow(
            self.tr("Lends at most"),
            self._field("max_financing_ratio_percent", 2, self.tr("% of the appraised value")),
        )
        holder, self.kind_boxes = self._checks(
            "vehicle_kinds", 2, ((k, vehicle_kind_label(k)) for k in VehicleKind)
        )
        form.addRow(self.tr("Finances"), holder)
        holder, self.energy_boxes = self._checks(
            "energies", 2, ((e, energy_label(e)) for e in Energy), columns=4
        )
        form.addRow(self.tr("Kinds of car"), holder)
        form.addRow(
            self.tr("Oldest car"), self._field("max_vehicle_age_years", 2, self.tr("years"))
        )
        form.addRow(self.tr("Highest mileage"), self._field("max_mileage_km", 2, self.tr("km")))
        self.full_insurance = self._check_box(
            "requires_full_insurance",
            self.tr(
                "Requires full insurance with the lender as first beneficiary (the customer picks "
                "the insurer)"
            ),
        )
        self.online = self._check_box(
            "online_small_loan",
            self.tr("An online small loan (the store's amount and term limits apply)"),
        )
        for box in (self.full_insurance, self.online):
            form.addRow(box)
        return page

    def _fees(self) -> QWidget:
        page, form = self._page()
        form.addRow(self.tr("Up-front fee"), self._field("fees.upfront_fee", 3, self.tr("CNY")))
        form.addRow(
            self.tr("… plus"), self._field("fees.upfront_fee_percent", 3, self.tr("% of the loan"))
        )
        form.addRow(
            self.tr("Account management fee"),
            self._field("fees.monthly_fee_rate_percent", 3, self.tr("% of the loan a month")),
        )
        form.addRow(
            self.tr("Early repayment fee"),
            self._field(
                "fees.early_repayment_fee_percent", 3, self.tr("% of the principal repaid early")
            ),
        )
        form.addRow(
            self.tr("Overdue penalty"),
            self._field(
                "fees.overdue_penalty_percent_per_day", 3, self.tr("% of the overdue amount a day")
            ),
        )
        form.addRow(
            hint_label(
                self.tr(
                    "Every fee is in the APR the customer is shown and on the disclosure sheet."
                )
            )
        )
        return page

    def _rates(self) -> QWidget:
        page, form = self._page(stretch=False)
        form.addRow(
            self.tr("Rates from"),
            self._pair("apr_min_percent", "apr_max_percent", 4, self.tr("% a year")),
        )
        self.grades_model = GradesModel(self)
        self.grades_view = QTableView()
        self.grades_view.setObjectName("grades")
        self.grades_view.setModel(self.grades_model)
        self.grades_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grades_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.grades_view.verticalHeader().setDefaultSectionSize(
            self.grades_view.fontMetrics().height() + 10
        )
        self.grades_view.setFixedHeight((self.grades_view.fontMetrics().height() + 10) * 4 + 6)
        self.grades_model.accepted_changed.connect(self._grades_changed)
        self.grades_model.dataChanged.connect(lambda *_: self.changed.emit())
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grades_view)
        column.addWidget(self._error("grades", 4, self.grades_view))
        form.addRow(self.tr("Grades"), holder)
        form.addRow(
            self.tr("Term bands"),
            self._field(
                "term_bands",
                4,
                self.tr("months (the longest term of each band)"),
                self.tr("e.g. 24, 36, 60"),
                wide=True,
            ),
        )
        form.addRow(
            self.tr("Down-payment bands"),
            self._field(
                "down_bands",
                4,
                self.tr("% of the price (where each band starts)"),
                self.tr("e.g. 0, 30, 50"),
                wide=True,
            ),
        )
        self.lines["term_bands"].editingFinished.connect(self._bands_changed)
        self.lines["down_bands"].editingFinished.connect(self._bands_changed)
        self.sheet = RateSheetModel(self)
        self.sheet.dataChanged.connect(lambda *_: self.changed.emit())
        self.sheet_view = QTableView()
        self.sheet_view.setObjectName("rate_sheet")
        self.sheet_view.setModel(self.sheet)
        self.sheet_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.sheet_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.sheet_view.setMinimumHeight(130)
        self.sheet_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        hint = hint_label(
            self.tr(
                "Nominal rate a year, in percent. A customer gets the rate of the first term band "
                "that holds the term and of the highest down-payment band the down payment "
                "reaches. One band of each: one rate per grade."
            )
        )
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sheet_view)
        column.addWidget(self._error("rate_sheet", 4, self.sheet_view))
        column.addWidget(hint)
        form.addRow(self.tr("Rate sheet"), holder)
        return page

    def _subsidy(self) -> QWidget:
        page, form = self._page()
        self.subsidised = self._check_box(
            "subsidised",
            self.tr("Interest subsidy (贴息): someone else pays the lender part of the interest"),
        )
        self.subsidised.toggled.connect(lambda _on: self._enable_details())
        self.subsidised.toggled.connect(lambda _on: self.check("subsidy.lender_rate"))
        form.addRow(self.subsidised)
        form.addRow(
            self.tr("The lender earns"),
            self._field("subsidy.lender_rate", SUBSIDY_TAB, self.tr("% a year")),
        )
        form.addRow(
            self.tr("Paid by (English)"),
            self._field(
                "subsidy.by", SUBSIDY_TAB, placeholder=self.tr("e.g. FAW-Volkswagen"), wide=True
            ),
        )
        form.addRow(
            self.tr("Paid by (Chinese)"),
            self._field(
                "subsidy.by_zh", SUBSIDY_TAB, placeholder=self.tr("e.g. 一汽-大众"), wide=True
            ),
        )
        form.addRow(
            hint_label(
                self.tr(
                    "The customer pays the rates of the Rates tab (0% for an interest-free offer); "
                    "the lender earns its own rate and the payer above covers the difference. The "
                    "finance page shows both and what the subsidy is worth."
                )
            )
        )
        self.finance_add_ons = self._check_box(
            "finance_add_ons",
            self.tr("The lender may finance the optional add-ons (insurance, warranty, services)"),
        )
        form.addRow(self.finance_add_ons)
        return page

    # -- showing ----------------------------------------------------------------
    def show_product(
        self, product: Product, entry: ProductEntry | None, blank: bool = False
    ) -> None:
        self.base, self.entry = product, entry
        p = product
        texts: dict[str, str] = {
            "name": p.name,
            "name_zh": p.name_zh,
            "approval_days_min": _num(p.approval_days_min),
            "approval_days_max": _num(p.approval_days_max),
            "terms": ", ".join(str(t) for t in p.terms),
            "step_up.step_percent": _num(p.step_up.step_percent) if p.step_up else "",
            "step_up.step_months": str(p.step_up.step_months) if p.step_up else "12",
            "balloon_min_percent": _num(p.balloon_min_percent),
            "balloon_max_percent": _num(p.balloon_max_percent),
            "max_financing_ratio_percent": _num(p.max_financing_ratio_percent),
            "max_vehicle_age_years": _num(p.max_vehicle_age_years),
            "max_mileage_km": _num(p.max_mileage_km),
            "apr_min_percent": _num(p.apr_min_percent),
            "apr_max_percent": _num(p.apr_max_percent),
            "subsidy.lender_rate": _num(p.subsidy.lender_rate) if p.subsidy else "",
            "subsidy.by": p.subsidy.by if p.subsidy else "",
            "subsidy.by_zh": p.subsidy.by_zh if p.subsidy else "",
        }
        for key in (
            "upfront_fee",
            "upfront_fee_percent",
            "monthly_fee_rate_percent",
            "early_repayment_fee_percent",
            "overdue_penalty_percent_per_day",
        ):
            texts[f"fees.{key}"] = _num(getattr(p.fees, key))
        self.blockSignals(True)
        for key, text in texts.items():
            self.lines[key].setText(text)
        self._fill_lenders(p.example_lenders)
        self.strictness.setCurrentIndex(max(self.strictness.findData(p.strictness.value), 0))
        self.active.setChecked(p.active)
        for boxes, chosen in (
            (self.method_boxes, p.methods),
            (self.kind_boxes, p.vehicle_kinds),
            (self.energy_boxes, p.energies),
        ):
            for code, box in boxes.items():
                box.blockSignals(True)
                box.setChecked(code in chosen)
                box.blockSignals(False)
        self.full_insurance.setChecked(p.requires_full_insurance)
        self.online.setChecked(p.online_small_loan)
        self.subsidised.setChecked(p.subsidy is not None)
        self.finance_add_ons.setChecked(p.finance_add_ons)
        self.grades_model.set_grades(p.grades)
        self.sheet.show_product(p, blank=blank)
        self.lines["term_bands"].setText(", ".join(str(t) for t in self.sheet.terms))
        self.lines["down_bands"].setText(", ".join(_band(d) for d in self.sheet.downs))
        self.blockSignals(False)
        self._clear_errors()
        self._enable_details()
        self._show_heading(
            (p.name_zh or p.name) if self.chinese else p.name, entry, self.tr("New product")
        )

    def set_editable(self, on: bool) -> None:
        self.editable = on
        for line in self.lines.values():
            line.setReadOnly(not on)
        for boxes in (self.method_boxes, self.kind_boxes, self.energy_boxes):
            for box in boxes.values():
                box.setEnabled(on)
        for widget in (
            self.strictness,
            self.active,
            self.full_insurance,
            self.online,
            self.subsidised,
            self.finance_add_ons,
        ):
            widget.setEnabled(on)
        self.grades_model.editable = on
        self.sheet.editable = on
        self._set_lenders_editable(on)
        if on:
            self._enable_details()

    def _enable_details(self) -> None:
        step = self.method_boxes[RepaymentMethod.STEP_UP].isChecked() and self.editable
        balloon = self.method_boxes[RepaymentMethod.BALLOON].isChecked() and self.editable
        for key in ("step_up.step_percent", "step_up.step_months"):
            self.lines[key].setEnabled(step)
        for key in ("balloon_min_percent", "balloon_max_percent"):
            self.lines[key].setEnabled(balloon)
        subsidy = self.subsidised.isChecked() and self.editable
        for key in ("subsidy.lender_rate", "subsidy.by", "subsidy.by_zh"):
            self.lines[key].setEnabled(subsidy)

    def _grades_changed(self) -> None:
        self.sheet.reshape(grades=self.grades_model.accepted_grades())
        self.check("grades")

    def _bands_changed(self) -> None:
        terms, downs, errors = self._bands()
        if not errors:
            self.sheet.reshape(terms=terms, downs=downs)

    # -- reading ----------------------------------------------------------------
    def _bands(self) -> tuple[list[int], list[Decimal], dict[str, str]]:
        errors: dict[str, str] = {}
        terms: list[int] = []
        downs: list[Decimal] = []
        for key, kind in (("term_bands", "term_band"), ("down_bands", "down_band")):
            try:
                values = [
                    Decimal(read_number(kind, part)) for part in _parts(self.lines[key].text())
                ]
            except ReasonsError as exc:
                errors[key] = tr_reason(exc.reason)
                continue
            if not values:
                errors[key] = self.tr("Give at least one band.")
            elif values != sorted(set(values)):
                errors[key] = self.tr("List each band once, from the lowest to the highest.")
            if key == "term_bands":
                terms.extend(int(v) for v in values)
            else:
                downs.extend(values)
        return terms, downs, errors

    def read(self) -> tuple[Product, dict[str, str]]:
        """The product as the form holds it and every reason by field (user's language)."""
        errors: dict[str, str] = {}
        base = self.base

        def number(key: str, default: Decimal | int) -> Any:
            return self._number(errors, key, default)

        methods = tuple(m for m, b in self.method_boxes.items() if b.isChecked())
        terms: list[int] = []
        try:
            terms = [parse.term(part) for part in _parts(self.lines["terms"].text())]
        except ReasonsError as exc:
            errors["terms"] = tr_reason(exc.reason)
        bands_terms, bands_downs, band_errors = self._bands()
        errors.update(band_errors)
        if not band_errors and (bands_terms, bands_downs) != (self.sheet.terms, self.sheet.downs):
            self.sheet.reshape(terms=bands_terms, downs=bands_downs)  # typed, not yet left
        sheet, problem = self.sheet.read()
        if problem:
            errors["rate_sheet"] = problem
        one_band = len(self.sheet.terms) * len(self.sheet.downs) == 1
        rates = (
            {c.grade: c.annual_rate for c in sheet}
            if one_band
            else {
                g: min(c.annual_rate for c in sheet if c.grade is g)
                for g in {c.grade for c in sheet}
            }
        )
        grades, grade_problem = self.grades_model.read(rates)
        if grade_problem:
            errors["grades"] = grade_problem
        step = RepaymentMethod.STEP_UP in methods
        balloon = RepaymentMethod.BALLOON in methods
        fees = Fees(
            **{
                key: number(f"fees.{key}", getattr(base.fees, key))
                for key in (
                    "upfront_fee",
                    "upfront_fee_percent",
                    "monthly_fee_rate_percent",
                    "early_repayment_fee_percent",
                    "overdue_penalty_percent_per_day",
                )
            }
        )
        product = dataclasses.replace(
            base,
            name=" ".join(self.lines["name"].text().split()),
            name_zh=" ".join(self.lines["name_zh"].text().split()),
            example_lenders=self.chosen_lenders(),
            strictness=Strictness(self.strictness.currentData()),
            approval_days_min=number("approval_days_min", base.approval_days_min),
            approval_days_max=number("approval_days_max", base.approval_days_max),
            active=self.active.isChecked(),
            methods=methods,
            terms=tuple(terms),
            term_min_months=min(terms, default=base.term_min_months),
            term_max_months=max(terms, default=base.term_max_months),
            step_up=StepUp(
                number("step_up.step_percent", Decimal(0)), number("step_up.step_months", 12)
            )
            if step
            else None,
            balloon_min_percent=number("balloon_min_percent", Decimal(0))
            if balloon
            else Decimal(0),
            balloon_max_percent=number("balloon_max_percent", Decimal(0))
            if balloon
            else Decimal(0),
            max_financing_ratio_percent=number(
                "max_financing_ratio_percent", base.max_financing_ratio_percent
            ),
            vehicle_kinds=tuple(k for k, b in self.kind_boxes.items() if b.isChecked()),
            energies=tuple(e for e, b in self.energy_boxes.items() if b.isChecked()),
            max_vehicle_age_years=number("max_vehicle_age_years", base.max_vehicle_age_years),
            max_mileage_km=number("max_mileage_km", base.max_mileage_km),
            requires_full_insurance=self.full_insurance.isChecked(),
            online_small_loan=self.online.isChecked(),
            fees=fees,
            apr_min_percent=number("apr_min_percent", base.apr_min_percent),
            apr_max_percent=number("apr_max_percent", base.apr_max_percent),
            grades=grades,
            rate_sheet=() if one_band else sheet,
            subsidy=Subsidy(
                number(
                    "subsidy.lender_rate", base.subsidy.lender_rate if base.subsidy else Decimal(0)
                ),
                " ".join(self.lines["subsidy.by"].text().split()),
                " ".join(self.lines["subsidy.by_zh"].text().split()),
            )
            if self.subsidised.isChecked()
            else None,
            finance_add_ons=self.finance_add_ons.isChecked(),
        )
        # the rules on what could be read (a field that could not keeps its own reason)
        active = [lender.name for lender in self.lenders if lender.active]
        for key, reason in product_reasons(product, self.settings, active).items():
            errors.setdefault(key, tr_reason(reason))
        return product, errors
