"""Step 3, vehicle appraisal: the car, its history and what it is worth.

Everything shown comes from ``lending`` with the store's settings, the same
rules ``python main.py appraise`` uses:

* the VIN is checked as it is typed (``lending.identity.check_vin``); a valid
  one shows its manufacturer (in the user's language) and model year
  (``lending.vin``), with a warning when the model year is far from the first
  registration;
* the appraiser says what the reference price is (used-market or new-car
  guide); the value and every adjustment with its reason and amount come
  live from ``lending.appraisal.appraise`` (its ``adjustments``);
* mileage implausible for the car's age is flagged next to the mileage; a
  reference price outside the plausible band or far from the selling price
  must be confirmed before saving;
* an override names its reason from a list and in words; one further from
  the computed value than the store allows needs a manager, who approves or
  refuses it on this screen (:class:`desktop.pages.decisions.ManagerApprovalDialog`,
  their own user name and password) or later from the queue.  Until then the
  value lent on is the computed one and no plan can be chosen
  (``consultations.save_appraisal`` / ``decide_override`` enforce it).
"""

from __future__ import annotations

from collections.abc import Callable
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
from db.services import staff as staff_service
from db.services import stores as store_service
from desktop import style
from desktop.catalogue_labels import energy_label
from desktop.context import AppContext
from desktop.datefield import DateDelegate, DateField
from desktop.labels import vocabulary
from desktop.pages.appraisal_result import ADJUSTMENTS, MILEAGE_FOR_AGE, AppraisalFigures
from desktop.pages.decisions import ManagerApprovalDialog, change_text
from desktop.pages.fields import (
    BLOCK_BANNER,
    OK_STYLE,
    WARN_BANNER,
    Banner,
    Hint,
    read_amount,
)
from desktop.pages.models import MaintenanceModel
from desktop.pages.texts import cny, tr_reason
from lending import appraisal as la
from lending import identity
from lending import vin as lv
from lending.onroad import Energy
from resources import wmi_table

WARN_STYLE = style.WARN_TEXT

# lending codes -> the form field that shows them
APPRAISAL_FIELDS = {
    "input.price_not_positive": "market_price",
    "input.mileage_negative": "mileage_km",
    "input.registered_after_appraisal": "first_registration",
    "override.reason_required": "override_reason",
    "override.reason_code_required": "override_reason_code",
    "override.negative": "override_value",
}


@dataclass(frozen=True)
class AppraisalData:
    consultation: cs.ConsultationView
    saved: cs.AppraisalView | None


class AppraisalPage(AppraisalFigures):
    step = "appraisal"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result: la.Appraisal | None = None
        self._stored: cs.AppraisalView | None = None
        self._confirm_key: tuple[Any, ...] = ()
        self._wmi = wmi_table()

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
        self.vin_hint = Hint()
        self.add_row(form, "vin", self.tr("VIN"), self.vin, self.vin_hint)
        self.brand = QLineEdit()
        self.brand.setPlaceholderText(self.tr("e.g. Volkswagen"))
        self.add_row(form, "brand", self.tr("Brand"), self.brand)
        self.model_name = QLineEdit()
        self.model_name.setPlaceholderText(self.tr("e.g. Lavida 1.5L"))
        self.add_row(form, "model", self.tr("Model"), self.model_name)
        self.colour = QLineEdit()
        self.add_row(form, "colour", self.tr("Colour"), self.colour)
        self.energy = QComboBox()  # products may finance only some (NEV-only, no diesel...)
        self.energy.addItem(self.tr("Choose..."), "")
        for energy in Energy:
            self.energy.addItem(energy_label(energy), energy.value)
        self.add_row(form, "energy", self.tr("Energy"), self.energy)
        self.first_registration = DateField()
        self.first_registration.setToolTip(
            self.tr("Type the date or pick it from the calendar (the arrow)")
        )
        self.add_row(
            form, "first_registration", self.tr("First registration"), self.first_registration
        )
        self.mileage = QLineEdit()
        self.mileage.setPlaceholderText(self.tr("km on the odometer today"))
        self.mileage_hint = Hint()
        self.mileage_hint.setStyleSheet(WARN_STYLE)
        self.add_row(form, "mileage_km", self.tr("Mileage (km)"), self.mileage, self.mileage_hint)
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
        self.reference_kind = QComboBox()
        for kind in la.ReferenceKind:
            self.reference_kind.addItem(vocabulary("reference", kind.value), kind.value)
        self.reference_hint = Hint()
        self.reference_hint.setStyleSheet(style.HINT_TEXT)
        self.add_row(
            pform,
            "reference",
            self.tr("The reference price is"),
            self.reference_kind,
            self.reference_hint,
        )
        self.market_price = QLineEdit()
        self.market_price.setPlaceholderText(self.tr("in CNY"))
        self.add_row(pform, "market_price", self.tr("Reference price"), self.market_price)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("What the customer pays for the car"))
        self.add_row(pform, "price", self.tr("Selling price"), self.price)
        self.sanity = Banner(WARN_BANNER)
        pform.addRow(self.sanity)
        self.confirm_figures = QCheckBox(self.tr("I have checked these figures"))
        self.confirm_figures.hide()
        pform.addRow(self.confirm_figures)
        pform.addRow(self.error_label("confirm_figures"))
        lay.addWidget(prices)

        history = QGroupBox(self.tr("Maintenance mileage history"))
        hl = QVBoxLayout(history)
        self.records = MaintenanceModel(self)
        self.records_view = QTableView()
        self.records_view.setModel(self.records)
        self.records_view.setItemDelegateForColumn(MaintenanceModel.DATE, DateDelegate(self))
        self.records_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
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
        panel.setMinimumWidth(340)
        right = QVBoxLayout(panel)
        value_box = QGroupBox(self.tr("Appraisal value"))
        grid = QGridLayout(value_box)
        self._lines: dict[str, tuple[QLabel, QLabel]] = {}
        self._percents: dict[str, QLabel] = {}
        right_aligned = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        for i, key in enumerate(("reference", *ADJUSTMENTS, "computed")):
            name = QLabel()
            name.setWordWrap(True)
            percent = QLabel()
            percent.setAlignment(right_aligned)
            value = QLabel()
            value.setAlignment(right_aligned)
            grid.addWidget(name, i, 0)
            grid.addWidget(percent, i, 1)
            grid.addWidget(value, i, 2)
            self._lines[key] = (name, value)
            self._percents[key] = percent
        self._lines["computed"][0].setText(self.tr("Computed value"))
        bold = self._lines["computed"][1].font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.3)
        self._lines["computed"][1].setFont(bold)
        grid.setColumnStretch(0, 1)
        right.addWidget(value_box)

        override = QGroupBox(self.tr("Override (appraiser)"))
        oform = QFormLayout(override)
        self.override_value = QLineEdit()
        self.override_value.setPlaceholderText(self.tr("Leave empty to use the computed value"))
        self.override_change = Hint()
        self.add_row(
            oform, "override_value", self.tr("Value"), self.override_value, self.override_change
        )
        self.override_reason_code = QComboBox()
        self.override_reason_code.addItem(self.tr("Choose..."), "")
        for why in la.OverrideReason:
            self.override_reason_code.addItem(vocabulary("override_reason", why.value), why.value)
        self.add_row(oform, "override_reason_code", self.tr("Why"), self.override_reason_code)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(self.tr("In your words, required with an override"))
        self.add_row(oform, "override_reason", self.tr("Details"), self.override_reason)
        self.approval = Banner(WARN_BANNER)
        oform.addRow(self.approval)
        self.approve_button = QPushButton(self.tr("Manager approval…"))
        self.approve_button.setAutoDefault(False)
        self.approve_button.hide()
        oform.addRow(self.approve_button)
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
        right.addWidget(self.error_label("override"))
        right.addStretch(1)
        outer.addWidget(panel, 2)

        for edit in (
            self.vin,
            self.brand,
            self.model_name,
            self.colour,
            self.mileage,
            self.market_price,
            self.price,
            self.override_value,
            self.override_reason,
        ):
            edit.textEdited.connect(self.mark_dirty)
            edit.textChanged.connect(self.recompute)
        self.first_registration.day_changed.connect(self.mark_dirty)
        self.first_registration.day_changed.connect(self.recompute)
        self.first_registration.lineEdit().textEdited.connect(self.recompute)
        for combo in (
            self.registration,
            self.condition,
            self.reference_kind,
            self.override_reason_code,
            self.energy,
        ):
            combo.currentIndexChanged.connect(self.mark_dirty)
            combo.currentIndexChanged.connect(self.recompute)
        for box in (self.accident, self.flood, self.fire):
            box.toggled.connect(self.mark_dirty)
            box.toggled.connect(self.recompute)
        self.confirm_figures.toggled.connect(self.mark_dirty)
        self.confirm_figures.toggled.connect(
            lambda on: self.error_label("confirm_figures").show_text("") if on else None
        )
        self.records.edited.connect(self.mark_dirty)
        self.records.edited.connect(self.recompute)
        self.add_record.clicked.connect(self._add_record)
        self.remove_record.clicked.connect(self._remove_record)
        self.approve_button.clicked.connect(self.request_approval)
        self.recompute()

    def title(self) -> str:
        return self.tr("Vehicle appraisal")

    def _condition_labels(self) -> dict[la.Condition, str]:
        return {c: vocabulary("condition", c.value) for c in la.Condition}

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
        self.first_registration.set_day(None)
        self.result = None
        self._stored = None
        self._confirm_key = ()

    def _show(self, data: AppraisalData) -> None:
        a = data.saved
        self._stored = a
        if a is None:
            self.recompute()
            return
        self.vin.setText(a.vin or "")
        self.brand.setText(a.brand)
        self.model_name.setText(a.model)
        self.colour.setText(a.colour or "")
        self.energy.setCurrentIndex(max(self.energy.findData(a.energy or ""), 0))
        self.first_registration.set_day(a.first_registration)
        self.mileage.setText("" if a.mileage_km is None else str(a.mileage_km))
        self.registration.setCurrentIndex({None: 0, True: 1, False: 2}[a.registration_matches])
        self.condition.setCurrentIndex(max(self.condition.findData(a.condition or ""), 0))
        self.accident.setChecked(a.accident)
        self.flood.setChecked(a.flood)
        self.fire.setChecked(a.fire)
        self.reference_kind.setCurrentIndex(max(self.reference_kind.findData(a.reference), 0))
        self.market_price.setText(cny(a.market_price))
        self.price.setText(cny(a.price))
        self.records.set_records(a.maintenance_records)
        self.override_value.setText(cny(a.override_value))
        self.override_reason_code.setCurrentIndex(
            max(self.override_reason_code.findData(a.override_reason_code or ""), 0)
        )
        self.override_reason.setText(a.override_reason or "")
        self.recompute()
        if self._to_confirm():
            self.confirm_figures.setChecked(True)  # it was saved: the figures were confirmed

    # -- live checks -------------------------------------------------------------
    def _check_vin(self, registered: date | None) -> None:
        text = self.vin.text()
        err = self.error_label("vin")
        if not text.strip():
            err.show_text("")
            self.vin_hint.clear()
            return
        result = identity.check_vin(text)
        if result.valid:
            err.show_text("")
            self._show_vin(result.normalized, registered)
        elif (
            result.reason is not None
            and result.reason.code == "vin.wrong_length"
            and len(result.normalized) < identity.VIN_LENGTH
        ):
            err.show_text("")
            self.vin_hint.setStyleSheet("")
            self.vin_hint.setText(self.tr("{n} of 17 characters").format(n=len(result.normalized)))
        else:
            self.vin_hint.clear()
            err.show_text(tr_reason(result.reason) if result.reason else "")

    def _show_vin(self, vin: str, registered: date | None) -> None:
        """Manufacturer (user's language) and model year; a warning when far from the
        first registration (``lending.vin``)."""
        info = lv.decode_vin(vin, self._wmi, date.today())
        assert info is not None
        m = info.manufacturer
        if m is None:
            maker = self.tr("manufacturer code {wmi} not in the table").format(wmi=info.wmi)
        else:
            maker = m.name_zh if self.ctx.chinese else m.name_en
        line = self.tr("Valid VIN: {manufacturer}, model year {year}").format(
            manufacturer=maker, year=info.model_year
        )
        warnings = lv.vin_warnings_for_year(info.model_year, registered, self.ctx.settings)
        self.vin_hint.setStyleSheet(WARN_STYLE if warnings or m is None else OK_STYLE)
        self.vin_hint.setText("\n".join([line, *(tr_reason(w) for w in warnings)]))

    def _show_mileage_flag(self, values: dict[str, Any]) -> None:
        """Mileage implausible for the car's age, next to the field (as soon as both are in)."""
        km, registered = values.get("mileage_km"), values.get("first_registration")
        if km is None or registered is None or registered > date.today():
            self.mileage_hint.clear()
            return
        age = la.vehicle_age_years(registered, date.today()).quantize(Decimal("0.0001"))
        flags = la.odometer_flags(km, age, (), date.today(), self.ctx.settings)
        self.mileage_hint.setText(
            "\n".join(tr_reason(r) for r in flags if r.code in MILEAGE_FOR_AGE)
        )

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        day = self.first_registration.day()
        if day is not None:
            values["first_registration"] = day
        elif self.first_registration.typed_text().strip():
            errors["first_registration"] = self.tr(
                "This is not a date: type it like 2023-03-01 or pick it from the calendar."
            )
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
            value, problem = read_amount(text)
            if problem is not None:
                errors[key] = problem
            else:
                values[key] = value
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
        for key in ("override_reason", "override_reason_code"):
            self.error_label(key).show_text("")
        self._check_vin(values.get("first_registration"))
        self._show_mileage_flag(values)
        kind = la.ReferenceKind(self.reference_kind.currentData())
        self.reference_hint.setText(
            self.tr(
                "The price of this model and year with typical mileage: only mileage "
                "and condition adjust it."
            )
            if kind is la.ReferenceKind.USED_MARKET
            else self.tr("The price of the car new: its age is taken off as well.")
        )
        self.result = None
        condition = self.condition.currentData()
        needed = ("first_registration", "mileage_km", "market_price")
        if errors or not condition or any(k not in values for k in needed):
            self._show_result()
            return
        try:
            self.result = la.appraise(self._input(values, condition), self.ctx.settings)
        except la.AppraisalError as exc:
            overriding = bool(self.override_value.text().strip())
            for r in exc.reasons:
                key = APPRAISAL_FIELDS.get(r.code, "appraisal")
                if not key.startswith("override_reason") or overriding:
                    self.error_label(key).show_text(tr_reason(r))
        self._show_result()

    def _input(self, values: dict[str, Any], condition: str) -> la.AppraisalInput:
        why = self.override_reason_code.currentData()
        vin = identity.check_vin(self.vin.text())
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
            override_reason_code=la.OverrideReason(why) if why else None,
            reference=la.ReferenceKind(self.reference_kind.currentData()),
            deal_price=values.get("price"),
            vin=vin.normalized if vin.valid else "",
        )

    # -- the manager's approval on this screen ---------------------------------------
    def request_approval(self) -> bool:
        """A manager approves or refuses the override here, with their own password.

        Unsaved edits are saved with the decision in one unit of work (both or neither).
        """
        r = self.result
        if r is None or not r.needs_manager_approval or self.consultation_id is None:
            return False
        local = self._validate_locally()
        if local:
            self.show_errors(local)
            return False
        why = vocabulary("override_reason", self.override_reason_code.currentData())
        summary = self.tr(
            "The appraiser's value {value} is {change} from the computed {computed} "
            "({reason}: {details}). A manager of this store approves or refuses it with their "
            "own user name and password."
        ).format(
            value=cny(r.value),
            change=change_text(r.override_percent),
            computed=cny(r.computed_value),
            reason=why,
            details=r.override_reason,
        )
        dialog = ManagerApprovalDialog(summary, self)
        # unsaved edits are saved with the decision; a saved form is not saved again (the
        # appraiser stays who entered it: a manager opening it cannot approve their "own")
        form = self._form() if self.dirty or self._stored is None else None
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            v = dialog.values()

            def build(version: int | None) -> Callable[[], AppraisalData]:
                def job() -> AppraisalData:
                    manager = staff_service.login(db, v["username"], v["password"])
                    manager = store_service.switch_store(db, manager, actor.store_id)
                    with db.unit_of_work() as uow:
                        if form is not None:
                            cs.save_appraisal(uow, actor, cid, form, expected_version=version)
                        cs.decide_override(
                            uow,
                            manager,
                            cid,
                            approve=v["approve"],
                            note=v["note"],
                            expected_version=None if form else version,
                        )
                        uow.commit()
                    return self._fetch(cid)

                return job

            self.write(build, self._after_write(done), failed)

        dialog.run_with(submit)
        accepted = bool(dialog.exec())
        self.focus_first_field()
        return accepted

    def _after_write(
        self, done: Callable[[AppraisalData], None]
    ) -> Callable[[AppraisalData], None]:
        """A dialog's write came back: show what it wrote (nothing left to save), then ``done``."""

        def written(result: AppraisalData) -> None:
            self._saved(result)
            self._set_dirty(False)
            done(result)

        return written

    # -- saving ------------------------------------------------------------------
    def _validate_locally(self) -> dict[str, str]:
        _, errors = self._read()
        vin = identity.check_vin(self.vin.text())
        if not vin.valid and vin.reason is not None:
            errors["vin"] = tr_reason(vin.reason)
        if self._to_confirm() and not self.confirm_figures.isChecked():
            errors["confirm_figures"] = self.tr(
                "Check the flagged figures, then tick the box to confirm them."
            )
        return errors

    def _form(self) -> cs.VehicleForm:
        values, _ = self._read()
        return cs.VehicleForm(
            brand=self.brand.text(),
            model=self.model_name.text(),
            first_registration=values.get("first_registration"),
            vin=self.vin.text(),
            mileage_km=values.get("mileage_km"),
            colour=self.colour.text() or None,
            energy=self.energy.currentData() or None,
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
            reference=self.reference_kind.currentData(),
            override_reason_code=self.override_reason_code.currentData() or None,
        )

    def _save_job(self) -> Any:
        db, actor = self.ctx.database, self.ctx.staff
        cid = self.consultation_id
        assert cid is not None
        form = self._form()
        version = self.expected_version()

        def job() -> AppraisalData:
            saved = cs.save_appraisal(db, actor, cid, form, expected_version=version)
            return AppraisalData(cs.get_consultation(db, actor, cid), saved)

        return job

    def _saved(self, result: AppraisalData) -> None:
        self._stored = result.saved
        self.emit_consultation(result.consultation)
        self.recompute()

    @property
    def value(self) -> Decimal | None:
        """The value lent on: an override beyond the limit only once a manager approved it."""
        r = self.result
        if r is None:
            return None
        if r.needs_manager_approval and self._decision(r) is not cs.OverrideStatus.APPROVED:
            return r.computed_value
        return r.value
