"""The finance page's deal panel: the whole deal as a Chinese dealership quotes it.

Vehicle price -> on-road lines (the store's defaults, each editable for this
deal and marked financed or paid in cash) -> trade-in (value - loan still
owed + subsidy lines) -> paid today and financed; and the target monthly
payment, which solves the down payment (``lending.deal.solve_down_payment``,
through ``consultations.evaluate_plan``).

The panel only reads the staff's input (:meth:`DealPanel.form`, checked with
``db.services.deals.read_deal``: every problem under its field) and shows
what ``lending`` worked out for it (:meth:`DealPanel.show_deal`); it computes
no figure itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.services.base import ValidationError
from db.services.deals import MAX_SUBSIDY_LINES, DealForm, DealInput, read_deal
from desktop.pages.fields import ERROR_STYLE, FieldError
from desktop.pages.texts import cny, tr_reason, validation_texts
from lending.deal import Deal
from lending.money import format_cny
from lending.onroad import LINE_CODES, MESSAGES, Energy, VehicleKind
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, OnRoadSettings

SUBSIDY_ROWS = 2
assert SUBSIDY_ROWS <= MAX_SUBSIDY_LINES


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _amount_text(value: Decimal | None) -> str:
    return "" if value is None else format_cny(value)


class LineRow:
    """One on-road line: its name, this deal's amount (empty: the default), financed."""

    def __init__(self, code: str, financed_text: str) -> None:
        self.code = code
        self.name = QLabel(tr_reason(MESSAGES[f"onroad.{code}"]))
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setMaximumWidth(130)
        self.financed = QCheckBox(financed_text)
        self.error = FieldError()
        self.error.watch(self.amount)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.amount, self.financed, self.error)

    def set_visible(self, visible: bool) -> None:
        for w in self.widgets()[:3]:
            w.setVisible(visible)


class DealPanel(QGroupBox):
    """On-road lines, trade-in, paid today / financed, and the target payment."""

    changed = Signal()
    """An input changed (the deal must be priced again)."""
    solve_requested = Signal()
    """The target payment was typed, or Solve clicked: solve the down payment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The whole deal (on-the-road price)"))
        self._settings: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS
        self._deal: Deal | None = None
        self.errors: dict[str, FieldError] = {}
        outer = QHBoxLayout(self)

        # -- the car and its on-road lines ------------------------------------------
        car = QGridLayout()
        outer.addLayout(car, 1)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("New car"), VehicleKind.NEW.value)
        self.kind.addItem(self.tr("Used car"), VehicleKind.USED.value)
        self.energy = QComboBox()
        for energy, text in (
            (Energy.PETROL, self.tr("Petrol")),
            (Energy.DIESEL, self.tr("Diesel")),
            (Energy.HYBRID, self.tr("Hybrid (not plug-in)")),
            (Energy.NEV, self.tr("New energy (NEV)")),
        ):
            self.energy.addItem(text, energy.value)
        self.seats = QSpinBox()
        self.seats.setRange(1, 60)
        self.seats.setValue(DEFAULT_ON_ROAD_SETTINGS.default_seats)
        self.seats.setSuffix(self.tr(" seats"))
        self.displacement = QLineEdit()
        self.displacement.setMaximumWidth(70)
        self.displacement.setPlaceholderText(
            f"{DEFAULT_ON_ROAD_SETTINGS.default_displacement_litres}"
        )
        head = QHBoxLayout()
        head.addWidget(self.kind)
        head.addWidget(self.energy)
        head.addWidget(self.seats)
        head.addWidget(QLabel(self.tr("Litres")))
        head.addWidget(self.displacement)
        head.addStretch(1)
        car.addLayout(head, 0, 0, 1, 3)
        self.errors["deal.seats"] = FieldError()
        self.errors["deal.displacement"] = FieldError()
        self.errors["deal.displacement"].watch(self.displacement)
        car.addWidget(self.errors["deal.seats"], 1, 0, 1, 3)
        car.addWidget(self.errors["deal.displacement"], 2, 0, 1, 3)
        self.price = _bold(QLabel())
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price.setMaximumWidth(130)
        car.addWidget(QLabel(self.tr("Vehicle price")), 3, 0)
        car.addWidget(self.price, 3, 1)
        self.lines: dict[str, LineRow] = {}
        row = 4
        for code in LINE_CODES:
            line = LineRow(code, self.tr("Financed"))
            self.lines[code] = line
            car.addWidget(line.name, row, 0)
            car.addWidget(line.amount, row, 1)
            car.addWidget(line.financed, row, 2)
            car.addWidget(line.error, row + 1, 0, 1, 3)
            self.errors[f"deal.line.{code}"] = line.error
            row += 2
        self.on_road_total = _bold(QLabel())
        self.on_road_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.on_road_total.setMaximumWidth(130)
        car.addWidget(_bold(QLabel(self.tr("On-the-road price"))), row, 0)
        car.addWidget(self.on_road_total, row, 1)
        car.setColumnStretch(0, 1)
        car.setRowStretch(row + 1, 1)  # the lines stay together when the right side is taller

        # -- trade-in -----------------------------------------------------------------
        right = QVBoxLayout()
        outer.addLayout(right, 4)
        trade = QGridLayout()
        right.addLayout(trade)
        trade.addWidget(_bold(QLabel(self.tr("Trade-in"))), 0, 0, 1, 2)
        self.trade_value = QLineEdit()
        self.trade_value.setPlaceholderText(self.tr("Value in CNY"))
        self.trade_owed = QLineEdit()
        self.trade_owed.setPlaceholderText("0")
        trade.addWidget(QLabel(self.tr("Trade-in value")), 1, 0)
        trade.addWidget(self.trade_value, 1, 1)
        self.errors["deal.trade_in_value"] = FieldError()
        self.errors["deal.trade_in_value"].watch(self.trade_value)
        trade.addWidget(self.errors["deal.trade_in_value"], 2, 0, 1, 2)
        trade.addWidget(QLabel(self.tr("Loan still owed on it")), 3, 0)
        trade.addWidget(self.trade_owed, 3, 1)
        self.errors["deal.trade_in_owed"] = FieldError()
        self.errors["deal.trade_in_owed"].watch(self.trade_owed)
        trade.addWidget(self.errors["deal.trade_in_owed"], 4, 0, 1, 2)
        self.subsidies: list[tuple[QLineEdit, QLineEdit]] = []
        for i in range(SUBSIDY_ROWS):
            name, amount = QLineEdit(), QLineEdit()
            name.setPlaceholderText(self.tr("Subsidy (e.g. scrap-and-buy)"))
            amount.setPlaceholderText(self.tr("Amount"))
            amount.setMaximumWidth(110)
            trade.addWidget(name, 5 + i, 0)
            trade.addWidget(amount, 5 + i, 1)
            self.subsidies.append((name, amount))
        self.errors["deal.subsidies"] = FieldError()
        trade.addWidget(self.errors["deal.subsidies"], 5 + SUBSIDY_ROWS, 0, 1, 2)
        self.trade_credit = _bold(QLabel())
        trade.addWidget(QLabel(self.tr("Towards the down payment")), 6 + SUBSIDY_ROWS, 0)
        trade.addWidget(self.trade_credit, 6 + SUBSIDY_ROWS, 1)

        # -- what it comes to, and the target -------------------------------------------
        summary = QVBoxLayout()
        right.addLayout(summary)
        figures = QGridLayout()
        summary.addLayout(figures)
        self.figures: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(
            (
                ("cash_lines", self.tr("On-road lines paid in cash")),
                ("financed_lines", self.tr("On-road lines financed")),
                ("down_payment", self.tr("Down payment (trade-in included)")),
                ("financed_total", self.tr("Price and financed lines")),
                ("loan", self.tr("Financed (loan amount)")),
                ("paid_today", self.tr("Paid today")),
            )
        ):
            label = QLabel(text)
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key in ("paid_today", "loan"):
                _bold(label)
                _bold(value)
            figures.addWidget(label, i, 0)
            figures.addWidget(value, i, 1)
            self.figures[key] = value
        self.paid_note = QLabel()
        self.paid_note.setWordWrap(True)
        summary.addWidget(self.paid_note)
        summary.addWidget(_bold(QLabel(self.tr("Target monthly payment"))))
        target_row = QHBoxLayout()
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("e.g. 3,000"))
        self.target.setMinimumWidth(100)
        target_row.addWidget(self.target, 1)
        self.solve_button = QPushButton(self.tr("Solve the down payment"))
        target_row.addWidget(self.solve_button)
        summary.addLayout(target_row)
        self.errors["deal.target_payment"] = FieldError()
        self.errors["deal.target_payment"].watch(self.target)
        summary.addWidget(self.errors["deal.target_payment"])
        self.target_status = QLabel()
        self.target_status.setWordWrap(True)
        summary.addWidget(self.target_status)
        self.errors["deal"] = FieldError()
        summary.addWidget(self.errors["deal"])
        summary.addStretch(1)

        # -- signals ------------------------------------------------------------------------
        for combo in (self.kind, self.energy):
            combo.currentIndexChanged.connect(self._edited)
        self.seats.valueChanged.connect(self._edited)
        for edit in (
            self.displacement,
            self.trade_value,
            self.trade_owed,
            *(w for pair in self.subsidies for w in pair),
        ):
            edit.textEdited.connect(self._edited)
        for line in self.lines.values():
            line.amount.textEdited.connect(self._edited)
            line.financed.toggled.connect(self._edited)
        self.target.textEdited.connect(self._target_edited)
        self.solve_button.clicked.connect(self.solve_requested.emit)

    # -- input ---------------------------------------------------------------------------
    def _edited(self, *_: object) -> None:
        if self.check():
            self.changed.emit()

    def _target_edited(self, *_: object) -> None:
        if self.check() and self.target.text().strip():
            self.solve_requested.emit()

    def form(self) -> DealForm:
        """What is typed, as the service reads it."""
        overrides = {
            code: line.amount.text()
            for code, line in self.lines.items()
            if line.amount.text().strip()
        }
        return DealForm(
            vehicle_kind=str(self.kind.currentData()),
            energy=str(self.energy.currentData()),
            seats=self.seats.value(),
            displacement=self.displacement.text() or None,
            overrides=overrides,
            financed={code: line.financed.isChecked() for code, line in self.lines.items()},
            trade_in_value=self.trade_value.text() or None,
            trade_in_owed=self.trade_owed.text() or None,
            subsidies=[
                (name.text(), amount.text())
                for name, amount in self.subsidies
                if name.text().strip() or amount.text().strip()
            ],
            target_payment=self.target.text() or None,
        )

    def problems(self) -> dict[str, str]:
        """Every problem of what is typed (field key -> sentence in the user's language)."""
        try:
            read_deal(self.form())
        except ValidationError as exc:
            return {key.split("[")[0]: text for key, text in validation_texts(exc).items()}
        return {}

    def check(self) -> bool:
        """Show each problem under its field; True when there is none."""
        problems = self.problems()
        for key, label in self.errors.items():
            label.show_text(problems.get(key, ""))
        return not problems

    def target_payment(self) -> Decimal | None:
        try:
            return read_deal(self.form()).target_payment
        except ValidationError:
            return None

    # -- loading ----------------------------------------------------------------------------
    def set_defaults(self, settings: OnRoadSettings) -> None:
        """The store's defaults: financed lines, seats and displacement."""
        self._settings = settings
        for w in self._inputs():
            w.blockSignals(True)
        try:
            for code, line in self.lines.items():
                line.financed.setChecked(code in settings.financed_lines)
            self.seats.setValue(settings.default_seats)
            self.displacement.setPlaceholderText(f"{settings.default_displacement_litres}")
        finally:
            for w in self._inputs():
                w.blockSignals(False)

    def set_deal(self, deal: DealInput) -> None:
        """Show a saved deal (signals blocked: loading is not an edit)."""
        for w in self._inputs():
            w.blockSignals(True)
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(deal.vehicle_kind.value), 0))
            self.energy.setCurrentIndex(max(self.energy.findData(deal.energy.value), 0))
            self.seats.setValue(deal.seats or self._settings.default_seats)
            self.displacement.setText(
                "" if deal.displacement is None else f"{deal.displacement.normalize():f}"
            )
            overrides = dict(deal.overrides)
            financed = dict(deal.financed)
            for code, line in self.lines.items():
                line.amount.setText(_amount_text(overrides.get(code)))
                line.financed.setChecked(financed.get(code, code in self._settings.financed_lines))
            self.trade_value.setText(_amount_text(deal.trade_in_value))
            self.trade_owed.setText(_amount_text(deal.trade_in_owed))
            for i, (name, amount) in enumerate(self.subsidies):
                line_i = deal.subsidies[i] if i < len(deal.subsidies) else None
                name.setText(line_i[0] if line_i else "")
                amount.setText(_amount_text(line_i[1]) if line_i else "")
            self.set_target(deal.target_payment)
        finally:
            for w in self._inputs():
                w.blockSignals(False)

    def set_price_note(self, text: str) -> None:
        self.price.setToolTip(text)

    def set_target(self, target: Decimal | None) -> None:
        self.target.setText(_amount_text(target))

    def set_kind(self, kind: VehicleKind, energy: str | None = None) -> None:
        """New or used (and the energy, when the appraisal says it) for a new deal."""
        for combo, value in ((self.kind, kind.value), (self.energy, energy)):
            if value:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(value), 0))
                combo.blockSignals(False)

    def _inputs(self) -> list[QWidget]:
        return [
            self.kind,
            self.energy,
            self.seats,
            self.displacement,
            self.trade_value,
            self.trade_owed,
            self.target,
            *(w for pair in self.subsidies for w in pair),
            *(w for line in self.lines.values() for w in (line.amount, line.financed)),
        ]

    def clear(self) -> None:
        """Nothing of a consultation shown before (the editors are reset by the page)."""
        self._deal = None
        self._settings = DEFAULT_ON_ROAD_SETTINGS
        self.price.setToolTip("")
        for label in (
            self.price,
            self.on_road_total,
            self.trade_credit,
            self.paid_note,
            self.target_status,
            *self.figures.values(),
        ):
            label.clear()
        for error in self.errors.values():
            error.show_text("")

    # -- what lending worked out -----------------------------------------------------------
    @property
    def deal(self) -> Deal | None:
        return self._deal

    def show_deal(self, deal: Deal) -> None:
        """Every figure of ``deal`` (lending's), each line's default as its placeholder."""
        self._deal = deal
        q = deal.on_road
        self.price.setText(cny(q.price))
        present = {line.code: line for line in q.lines}
        for code, row in self.lines.items():
            line = present.get(code)
            row.set_visible(line is not None)
            if line is not None:
                row.amount.setPlaceholderText(cny(line.amount))
        self.on_road_total.setText(cny(q.total))
        self.trade_credit.setText(cny(deal.trade_in_credit))
        values = {
            "cash_lines": q.cash_lines_total,
            "financed_lines": q.financed_lines_total,
            "down_payment": deal.down_payment,
            "financed_total": deal.financed_total,
            "loan": deal.loan_amount,
            "paid_today": deal.paid_today,
        }
        for key, value in values.items():
            self.figures[key].setText(cny(value))
        notes = [
            self.tr(
                "Paid today = down payment {down} − trade-in {trade} + cash lines {cash}."
            ).format(
                down=cny(deal.down_payment),
                trade=cny(deal.trade_in_credit),
                cash=cny(q.cash_lines_total),
            )
        ]
        if deal.paid_today < 0:
            notes.append(
                self.tr(
                    "The trade-in is worth more than the down payment: raise "
                    "the down payment or pay the difference to the customer."
                )
            )
        if deal.service_fee:
            notes.append(
                self.tr(
                    "The finance service fee of {fee} is a loan fee: it is in every product's APR."
                ).format(fee=cny(deal.service_fee))
            )
        self.paid_note.setText(" ".join(notes))

    def show_target(self, text: str, problem: bool = False) -> None:
        self.target_status.setStyleSheet(ERROR_STYLE if problem else "")
        self.target_status.setText(text)

    def line_amounts(self) -> Mapping[str, Decimal]:
        """Each shown line's amount for this deal (from lending's last answer)."""
        if self._deal is None:
            return {}
        return {line.code: line.amount for line in self._deal.on_road.lines}
