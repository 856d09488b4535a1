"""Step 3, vehicle appraisal: the car, its history and what it is worth.

The VIN is checked as it is typed (``lending.identity.check_vin``); the
value and its breakdown (age, mileage, condition), the odometer flags and
the exclusions come live from ``lending.appraisal.appraise`` with the
store's settings.  An override needs a written reason (lending refuses it
otherwise).  ``consultations.save_appraisal`` values the car again when it
stores it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services import consultations as cs
from desktop.context import AppContext
from desktop.pages.base import (
    BLOCK_BANNER,
    OK_STYLE,
    WARN_BANNER,
    Banner,
    StepPage,
    cny,
    tr_reason,
)
from desktop.pages.models import MaintenanceModel
from lending import appraisal as la
from lending import identity
from lending.money import MoneyError, parse_money

# lending codes -> the form field that shows them
APPRAISAL_FIELDS = {
    "input.price_not_positive": "market_price",
    "input.mileage_negative": "mileage_km",
    "input.registered_after_appraisal": "first_registration",
    "override.reason_required": "override_reason",
    "override.negative": "override_value",
}


@dataclass(frozen=True)
class AppraisalData:
    consultation: cs.ConsultationView
    saved: cs.AppraisalView | None


class AppraisalPage(StepPage):
    step = "appraisal"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result: la.Appraisal | None = None

        outer = QHBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 3)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)

        car = QGroupBox(self.tr("Vehicle"))
        form = QFormLayout(car)
        self.vin = QLineEdit()
        self.vin.setMaxLength(30)
        self.vin.setPlaceholderText(self.tr("17 characters, from the registration certificate"))
        self.vin_hint = QLabel()
        self.add_row(form, "vin", self.tr("VIN"), self.vin, self.vin_hint)
        self.brand = QLineEdit()
        self.brand.setPlaceholderText(self.tr("e.g. Volkswagen"))
        self.add_row(form, "brand", self.tr("Brand"), self.brand)
        self.model_name = QLineEdit()
        self.model_name.setPlaceholderText(self.tr("e.g. Lavida 1.5L"))
        self.add_row(form, "model", self.tr("Model"), self.model_name)
        self.colour = QLineEdit()
        self.add_row(form, "colour", self.tr("Colour"), self.colour)
        self.first_registration = QLineEdit()
        self.first_registration.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.add_row(
            form, "first_registration", self.tr("First registration"), self.first_registration
        )
        self.mileage = QLineEdit()
        self.mileage.setPlaceholderText(self.tr("km on the odometer today"))
        self.add_row(form, "mileage_km", self.tr("Mileage (km)"), self.mileage)
        self.registration = QComboBox()
        self.registration.addItem(self.tr("Not checked yet"), None)
        self.registration.addItem(self.tr("Matches the car"), True)
        self.registration.addItem(self.tr("Does NOT match the car"), False)
        self.add_row(
            form, "registration_matches", self.tr("Registration certificate"), self.registration
        )
        self.condition = QComboBox()
        self.condition.addItem(self.tr("Choose..."), "")
        for condition, text in self._condition_labels().items():
            self.condition.addItem(text, condition.value)
        self.add_row(form, "condition", self.tr("Condition"), self.condition)
        flags = QWidget()
        fl = QHBoxLayout(flags)
        fl.setContentsMargins(0, 0, 0, 0)
        self.accident = QCheckBox(self.tr("Accident"))
        self.flood = QCheckBox(self.tr("Flood"))
        self.fire = QCheckBox(self.tr("Fire"))
        for box in (self.accident, self.flood, self.fire):
            fl.addWidget(box)
        fl.addStretch(1)
        self.add_row(form, "damage", self.tr("Damage history"), flags)
        lay.addWidget(car)

        prices = QGroupBox(self.tr("Prices"))
        pform = QFormLayout(prices)
        self.market_price = QLineEdit()
        self.market_price.setPlaceholderText(self.tr("Market reference price in CNY"))
        self.add_row(pform, "market_price", self.tr("Market reference price"), self.market_price)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("What the customer pays for the car"))
        self.add_row(pform, "price", self.tr("Selling price"), self.price)
        lay.addWidget(prices)

        history = QGroupBox(self.tr("Maintenance mileage history"))
        hl = QVBoxLayout(history)
        self.records = MaintenanceModel(self)
        self.records_view = QTableView()
        self.records_view.setModel(self.records)
        self.records_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.records_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records_view.setMinimumHeight(130)
        hl.addWidget(self.records_view)
        buttons = QHBoxLayout()
        self.add_record = QPushButton(self.tr("Add record"))
        self.remove_record = QPushButton(self.tr("Remove selected"))
        buttons.addWidget(self.add_record)
        buttons.addWidget(self.remove_record)
        buttons.addStretch(1)
        hl.addLayout(buttons)
        hl.addWidget(self.error_label("maintenance_records"))
        lay.addWidget(history)
        lay.addWidget(self.error_label("general"))
        lay.addStretch(1)

        # the valuation, always in view on the right
        panel = QWidget()
        panel.setMinimumWidth(330)
        right = QVBoxLayout(panel)
        value_box = QGroupBox(self.tr("Appraisal value"))
        grid = QGridLayout(value_box)
        self._lines: dict[str, tuple[QLabel, QLabel]] = {}
        self._percents: dict[str, QLabel] = {}
        rows = [
            ("reference", self.tr("Market reference price")),
            ("age", self.tr("Age")),
            ("mileage", self.tr("Mileage")),
            ("condition", self.tr("Condition")),
            ("computed", self.tr("Computed value")),
        ]
        right_aligned = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, (key, text) in enumerate(rows):
            name = QLabel(text)
            percent = QLabel()
            percent.setAlignment(right_aligned)
            value = QLabel()
            value.setAlignment(right_aligned)
            grid.addWidget(name, i, 0)
            grid.addWidget(percent, i, 1)
            grid.addWidget(value, i, 2)
            self._lines[key] = (name, value)
            self._percents[key] = percent
        bold = self._lines["computed"][1].font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.3)
        self._lines["computed"][1].setFont(bold)
        grid.setColumnStretch(2, 1)
        right.addWidget(value_box)

        override = QGroupBox(self.tr("Override (appraiser)"))
        oform = QFormLayout(override)
        self.override_value = QLineEdit()
        self.override_value.setPlaceholderText(self.tr("Leave empty to use the computed value"))
        self.add_row(oform, "override_value", self.tr("Value"), self.override_value)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(self.tr("Required with an override"))
        self.add_row(oform, "override_reason", self.tr("Reason"), self.override_reason)
        right.addWidget(override)
        self.final_value = QLabel()
        self.final_value.setWordWrap(True)
        f = self.final_value.font()
        f.setBold(True)
        self.final_value.setFont(f)
        right.addWidget(self.final_value)
        self.exclusions = Banner(BLOCK_BANNER)
        right.addWidget(self.exclusions)
        self.flags = Banner(WARN_BANNER)
        right.addWidget(self.flags)
        right.addWidget(self.error_label("appraisal"))
        right.addStretch(1)
        outer.addWidget(panel, 2)

        for edit in (
            self.vin,
            self.brand,
            self.model_name,
            self.colour,
            self.first_registration,
            self.mileage,
            self.market_price,
            self.price,
            self.override_value,
            self.override_reason,
        ):
            edit.textEdited.connect(self.mark_dirty)
            edit.textChanged.connect(self.recompute)
        for combo in (self.registration, self.condition):
            combo.currentIndexChanged.connect(self.mark_dirty)
            combo.currentIndexChanged.connect(self.recompute)
        for box in (self.accident, self.flood, self.fire):
            box.toggled.connect(self.mark_dirty)
            box.toggled.connect(self.recompute)
        self.vin.textChanged.connect(self._check_vin)
        self.records.edited.connect(self.mark_dirty)
        self.records.edited.connect(self.recompute)
        self.add_record.clicked.connect(self._add_record)
        self.remove_record.clicked.connect(self._remove_record)
        self.recompute()

    def title(self) -> str:
        return self.tr("Vehicle appraisal")

    def _condition_labels(self) -> dict[la.Condition, str]:
        return {
            la.Condition.EXCELLENT: self.tr("Excellent"),
            la.Condition.GOOD: self.tr("Good"),
            la.Condition.FAIR: self.tr("Fair"),
            la.Condition.POOR: self.tr("Poor"),
        }

    def _add_record(self) -> None:
        row = self.records.add_row()
        index = self.records.index(row, MaintenanceModel.DATE)
        self.records_view.setCurrentIndex(index)
        self.records_view.edit(index)

    def _remove_record(self) -> None:
        index = self.records_view.currentIndex()
        if index.isValid():
            self.records.remove_row(index.row())

    # -- loading -----------------------------------------------------------------
    def _fetch(self, consultation_id: int) -> AppraisalData:
        db, actor = self.ctx.database, self.ctx.staff
        return AppraisalData(
            cs.get_consultation(db, actor, consultation_id),
            cs.get_appraisal(db, actor, consultation_id),
        )

    def _clear(self) -> None:
        self.records.set_records([])
        self.result = None

    def _show(self, data: AppraisalData) -> None:
        a = data.saved
        if a is None:
            self.recompute()
            return
        self.vin.setText(a.vin or "")
        self.brand.setText(a.brand)
        self.model_name.setText(a.model)
        self.colour.setText(a.colour or "")
        self.first_registration.setText(a.first_registration.isoformat()
                                        if a.first_registration else "")
        self.mileage.setText("" if a.mileage_km is None else str(a.mileage_km))
        self.registration.setCurrentIndex(
            {None: 0, True: 1, False: 2}[a.registration_matches]
        )
        self.condition.setCurrentIndex(max(self.condition.findData(a.condition or ""), 0))
        self.accident.setChecked(a.accident)
        self.flood.setChecked(a.flood)
        self.fire.setChecked(a.fire)
        self.market_price.setText(cny(a.market_price))
        self.price.setText(cny(a.price))
        self.records.set_records(a.maintenance_records)
        self.override_value.setText(cny(a.override_value))
        self.override_reason.setText(a.override_reason or "")
        self.recompute()

    # -- live checks -------------------------------------------------------------
    def _check_vin(self) -> None:
        text = self.vin.text()
        err = self.error_label("vin")
        if not text.strip():
            err.show_text("")
            self.vin_hint.clear()
            return
        result = identity.check_vin(text)
        if result.valid:
            err.show_text("")
            self.vin_hint.setStyleSheet(OK_STYLE)
            self.vin_hint.setText(self.tr("VIN is valid (check digit correct)."))
        elif result.reason is not None and result.reason.code == "vin.wrong_length" and len(
            result.normalized
        ) < identity.VIN_LENGTH:
            err.show_text("")
            self.vin_hint.setStyleSheet("")
            self.vin_hint.setText(self.tr("{n} of 17 characters").format(n=len(result.normalized)))
        else:
            self.vin_hint.clear()
            err.show_text(tr_reason(result.reason) if result.reason else "")

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        text = self.first_registration.text().strip().replace("/", "-")
        if text:
            try:
                values["first_registration"] = date.fromisoformat(text)
            except ValueError:
                errors["first_registration"] = self.tr("Enter the date as YYYY-MM-DD.")
        text = self.mileage.text().strip().replace(",", "")
        if text:
            if text.isdigit():
                values["mileage_km"] = int(text)
            else:
                errors["mileage_km"] = self.tr("Enter the mileage in whole km, e.g. 45000.")
        for key, edit in (
            ("market_price", self.market_price),
            ("price", self.price),
            ("override_value", self.override_value),
        ):
            text = edit.text().strip()
            if not text:
                continue
            try:
                values[key] = parse_money(text)
            except MoneyError:
                errors[key] = self.tr("Enter an amount in yuan, e.g. 120,000.")
        problems = self.records.problems()
        if problems:
            errors["maintenance_records"] = "\n".join(
                self.tr("Row {row}: {problem}").format(row=row, problem=text)
                for row, text in problems.items()
            )
        return values, errors

    def recompute(self, *_: object) -> None:
        """Value what is on the screen with ``lending.appraisal`` (live)."""
        values, errors = self._read()
        for key in (
            "first_registration",
            "mileage_km",
            "market_price",
            "price",
            "override_value",
            "maintenance_records",
        ):
            self.error_label(key).show_text(errors.get(key, ""))
        self.error_label("override_reason").show_text("")
        self.result = None
        condition = self.condition.currentData()
        needed = ("first_registration", "mileage_km", "market_price")
        if errors or not condition or any(k not in values for k in needed):
            self._show_result()
            return
        try:
            self.result = la.appraise(self._input(values, condition), self.ctx.settings)
        except la.AppraisalError as exc:
            for r in exc.reasons:
                key = APPRAISAL_FIELDS.get(r.code, "appraisal")
                if key != "override_reason" or self.override_reason.hasFocus() or \
                        self.override_value.text().strip():
                    self.error_label(key).show_text(tr_reason(r))
        self._show_result()

    def _input(self, values: dict[str, Any], condition: str) -> la.AppraisalInput:
        return la.AppraisalInput(
            market_reference_price=values["market_price"],
            first_registration=values["first_registration"],
            appraisal_date=date.today(),
            mileage_km=values["mileage_km"],
            condition=la.Condition(condition),
            accident=self.accident.isChecked(),
            flood=self.flood.isChecked(),
            fire=self.fire.isChecked(),
            maintenance_records=tuple(self.records.records()),
            override_value=values.get("override_value"),
            override_reason=self.override_reason.text(),
        )

    def _show_result(self) -> None:
        r = self.result
        if r is None:
            for _, value in self._lines.values():
                value.setText("–")
            for label in self._percents.values():
                label.clear()
            self.final_value.setText(
                self.tr("Enter first registration, mileage, condition and the market price "
                        "to see the value.")
            )
            self.exclusions.set_lines([])
            self.flags.set_lines([])
            self.records.set_flags([])
            return

        for key, adj in (
            ("age", r.age),
            ("mileage", r.mileage),
            ("condition", r.condition_adjustment),
        ):
            # a reduction shows "−", low mileage or excellent condition add value: "+"
            sign = "+" if adj.amount < 0 else "−" if adj.amount > 0 else ""
            self._percents[key].setText(f"{sign}{abs(adj.percent)}%")
            self._lines[key][1].setText(f"{sign}{cny(abs(adj.amount))}")
        self._lines["reference"][1].setText(cny(r.reference_price))
        self._lines["age"][0].setText(
            self.tr("Age {years} years").format(years=r.age_years.quantize(Decimal("0.1")))
        )
        self._lines["mileage"][0].setText(
            self.tr("Mileage {km} km").format(km=f"{r.mileage_km:,}")
        )
        self._lines["condition"][0].setText(
            self.tr("Condition: {grade}").format(grade=self._condition_labels()[r.condition])
        )
        self._lines["computed"][1].setText(cny(r.computed_value))
        if r.overridden:
            self.final_value.setText(
                self.tr("Value used for lending: {value} (override; computed {computed})").format(
                    value=cny(r.value), computed=cny(r.computed_value)
                )
            )
        else:
            self.final_value.setText(
                self.tr("Value used for lending: {value}").format(value=cny(r.value))
            )
        blocks = [tr_reason(x) for x in r.exclusion_reasons]
        if self.registration.currentData() is False:
            blocks.append(
                self.tr("The registration certificate does not match the car: it cannot be "
                        "financed until this is cleared up.")
            )
        self.exclusions.set_lines(blocks)
        self.flags.set_lines(tr_reason(x) for x in (*r.odometer_flags, *r.limit_reasons))
        self.records.set_flags(r.odometer_flags)

    # -- saving ------------------------------------------------------------------
    def _validate_locally(self) -> dict[str, str]:
        _, errors = self._read()
        vin = identity.check_vin(self.vin.text())
        if not vin.valid and vin.reason is not None:
            errors["vin"] = tr_reason(vin.reason)
        return errors

    def _save_job(self) -> Any:
        db, actor = self.ctx.database, self.ctx.staff
        cid = self.consultation_id
        assert cid is not None
        values, _ = self._read()
        form = cs.VehicleForm(
            brand=self.brand.text(),
            model=self.model_name.text(),
            first_registration=values.get("first_registration"),
            vin=self.vin.text(),
            mileage_km=values.get("mileage_km"),
            colour=self.colour.text() or None,
            registration_matches=self.registration.currentData(),
            condition=self.condition.currentData() or None,
            accident=self.accident.isChecked(),
            flood=self.flood.isChecked(),
            fire=self.fire.isChecked(),
            market_price=values.get("market_price"),
            price=values.get("price"),
            maintenance_records=tuple(self.records.records()),
            override_value=values.get("override_value"),
            override_reason=self.override_reason.text(),
        )

        version = self.expected_version()

        def job() -> AppraisalData:
            saved = cs.save_appraisal(db, actor, cid, form, expected_version=version)
            return AppraisalData(cs.get_consultation(db, actor, cid), saved)

        return job

    def _saved(self, result: AppraisalData) -> None:
        self.emit_consultation(result.consultation)

    @property
    def value(self) -> Decimal | None:
        return self.result.value if self.result else None
