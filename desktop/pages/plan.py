"""Step 4, finance plan: every product side by side, then the customer's pick.

* The comparison is ``consultations.evaluate_products`` (``lending.eligibility``
  for every active catalogue product with this customer's grade, income
  and debt, and this car): eligible or not with every reason, maximum loan,
  down payment, monthly payment, true APR, interest, fees, total cost,
  approval time and likelihood.  Moving the down payment or changing the
  term re-evaluates at once (a few ms: the figures are lending's own).
* Above it, the deal panel (:mod:`desktop.pages.deal_panel`): vehicle price,
  on-road lines (the store's defaults, editable, each financed or paid in
  cash), trade-in, paid today and financed; the target monthly payment
  (pre-filled from reception's wished payment) solves the down payment.
  Financed lines (and the add-ons a product finances) are in the loan, the
  finance service fee in every product's APR; a balloon plan shows its
  balloon and date.  The whole refresh is one ``consultations.evaluate_plan``.
* The payment grid shows the chosen product's monthly payment for a down
  payment of 20-50 % of the price and financed lines, and the current down
  payment, for terms of 12-60 months; clicking a cell picks it.
* The chosen product's schedule, an early-settlement calculator
  (``lending.settlement``), optional add-ons (each with its own price; the
  lender's insurance requirement is marked as such, never bundled), and
  the DTI / rate-cap outcome as a block or a warning.

Saving keeps the current pick as a plan (``reports.pdf.snapshot.save_plan``:
the plan with the offer as shown, which its documents print; refused with the
reasons when the product cannot be offered); "Choose for signing" marks it
the one the customer signs (``choose_plan``).
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import AddOnKind
from db.services import consultations as cs
from db.services import deals
from db.services import settings as settings_service
from db.services.base import NotFound, ValidationError
from desktop.context import AppContext
from desktop.documents import DocumentsButton
from desktop.labels import method_label
from desktop.pages.base import StepPage
from desktop.pages.card_offers import CardOffersLabel
from desktop.pages.deal_panel import DealPanel
from desktop.pages.fields import (
    BLOCK_BANNER,
    INFO_BANNER,
    WARN_BANNER,
    Banner,
    FieldError,
    MoneySpinBox,
)
from desktop.pages.models import (
    GRID_DOWN_PERCENTS,
    GRID_TERMS,
    ComparisonModel,
    PaymentGridModel,
    ScheduleModel,
)
from desktop.pages.texts import cny, product_names, tr_reason, validation_errors
from lending.compliance import RateLevel
from lending.cost import car_cost
from lending.deal import DealError, subsidy_value
from lending.eligibility import ProductEvaluation
from lending.money import ZERO, MoneyError, money, parse_money, percent_of, rate2
from lending.onroad import VehicleKind
from lending.products import STANDARD_TERMS
from lending.schedule import RepaymentMethod
from lending.settings import OnRoadSettings
from lending.settlement import SettlementError, early_settlement

SLIDER_STEP = 1000  # yuan
NEW_CAR_MAX_KM = 1000
"""A car with fewer km than this is taken for a new car (the deal panel says so; staff
can change it)."""


@dataclass(frozen=True)
class PlanData:
    consultation: cs.ConsultationView
    appraisal: cs.AppraisalView | None
    qualification: cs.QualificationView | None
    plans: tuple[cs.PlanView, ...]
    names: dict[str, str]
    on_road: OnRoadSettings


@dataclass(frozen=True)
class Pick:
    """What the staff have set up on the screen."""

    product_code: str
    method: str
    term_months: int
    down_payment: Decimal
    add_ons: tuple[tuple[str, str, Decimal, bool], ...]
    balloon_percent: Decimal = ZERO
    deal: deals.DealInput | None = None


class AddOnRow:
    """One optional line: tick, name, price; its error under it."""

    def __init__(self, kind: AddOnKind, name: str, tick_text: str) -> None:
        self.kind = kind
        self.tick = QCheckBox(tick_text)
        self.name = QLineEdit(name)
        self.price = QLineEdit()
        self.financed = QCheckBox()
        self.error = FieldError()
        self.required = False


class PlanPage(StepPage):
    step = "plan"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._data: PlanData | None = None
        self._price: Decimal | None = None
        self._selected: str | None = None
        self._draft_id: int | None = None
        self._eval_busy = False
        self._eval_pending = False
        self._solve_pending = False
        self._result: cs.PlanEvaluation | None = None
        self._grid_key: tuple[Any, ...] | None = None
        self.last_eval_ms: float | None = None
        self._saved_pick: Pick | None = None
        self._pending_flags = (False, False, True)
        self._save_mode = (False, False)
        self.settlement: Any = None

        page = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        outer = QVBoxLayout(body)
        self.prereq = Banner(BLOCK_BANNER)
        outer.addWidget(self.prereq)

        # -- the whole deal ------------------------------------------------------
        self.deal_panel = DealPanel()
        outer.addWidget(self.deal_panel)
        self._errors.update(self.deal_panel.errors)

        # -- controls -----------------------------------------------------------
        controls = QGridLayout()
        outer.addLayout(controls)
        controls.addWidget(QLabel(self.tr("Down payment")), 1, 0)
        self.down_slider = QSlider(Qt.Orientation.Horizontal)
        self.down_slider.setSingleStep(SLIDER_STEP)
        self.down_slider.setPageStep(SLIDER_STEP * 10)
        self.down_spin = MoneySpinBox()  # 15万 / ¥150,000 typed as at the counter
        self.down_spin.setSingleStep(SLIDER_STEP)
        self.down_spin.setGroupSeparatorShown(True)
        self.down_spin.setSuffix(self.tr(" CNY"))
        self.down_spin.setMinimumWidth(140)
        self.down_percent = QLabel()
        self.down_percent.setMinimumWidth(60)
        controls.addWidget(self.down_slider, 1, 1)
        controls.addWidget(self.down_spin, 1, 2)
        controls.addWidget(self.down_percent, 1, 3)
        self._errors["down_payment"] = FieldError()
        controls.addWidget(self._errors["down_payment"], 2, 1, 1, 3)
        controls.addWidget(QLabel(self.tr("Term")), 3, 0)
        self.term = QComboBox()
        for months in STANDARD_TERMS:
            self.term.addItem(self.tr("{n} months").format(n=months), months)
        self.method = QComboBox()
        for value, text in self.method_labels().items():
            self.method.addItem(text, value.value)
        row = QHBoxLayout()
        row.addWidget(self.term)
        row.addWidget(QLabel(self.tr("Repayment method")))
        row.addWidget(self.method)
        row.addStretch(1)
        controls.addLayout(row, 3, 1, 1, 3)
        self.balloon_caption = QLabel(self.tr("Balloon"))
        self.balloon = QSpinBox()
        self.balloon.setRange(0, 99)
        self.balloon.setValue(25)
        self.balloon.setSuffix(self.tr("% of the loan"))
        self.balloon_label = QLabel()
        f = self.balloon_label.font()
        f.setBold(True)
        self.balloon_label.setFont(f)
        balloon_row = QHBoxLayout()
        balloon_row.addWidget(self.balloon)
        balloon_row.addWidget(self.balloon_label)
        balloon_row.addStretch(1)
        controls.addWidget(self.balloon_caption, 7, 0)
        controls.addLayout(balloon_row, 7, 1, 1, 3)
        self._errors["term_months"] = FieldError()
        self._errors["method"] = FieldError()
        self._errors["balloon_percent"] = FieldError()
        controls.addWidget(self._errors["term_months"], 4, 1, 1, 3)
        controls.addWidget(self._errors["method"], 5, 1, 1, 3)
        controls.addWidget(self._errors["balloon_percent"], 6, 1, 1, 3)
        controls.setColumnStretch(1, 1)

        # -- comparison ----------------------------------------------------------
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("All products for this customer and this car. Click a column to "
                              "choose a product."))
        tl.addWidget(hint)
        self.comparison = ComparisonModel(self, chinese=ctx.chinese)
        self.comparison_view = QTableView()
        self.comparison_view.setModel(self.comparison)
        self.comparison_view.setWordWrap(True)
        self.comparison_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparison_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.comparison_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.comparison_view.horizontalHeader().setSectionsClickable(True)
        self.comparison_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        )
        # long product names wrap onto a second line: leave room for it (the header's own
        # size hint measures one line and would cut the second in half)
        header = self.comparison_view.horizontalHeader()
        header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 8)
        self.comparison_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comparison_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        tl.addWidget(self.comparison_view)
        self.card_offers = CardOffersLabel(ctx.chinese)
        tl.addWidget(self.card_offers)
        top.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(top)
        self._top = top

        # -- chosen product ------------------------------------------------------
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        self.chosen_label = QLabel()
        f = self.chosen_label.font()
        f.setBold(True)
        self.chosen_label.setFont(f)
        bl.addWidget(self.chosen_label)
        self.blocks = Banner(BLOCK_BANNER)
        self.warnings = Banner(WARN_BANNER)
        self.info = Banner(INFO_BANNER)
        bl.addWidget(self.blocks)
        bl.addWidget(self.warnings)
        bl.addWidget(self.info)
        self.tabs = QTabWidget()
        self.tabs.setMinimumHeight(330)
        bl.addWidget(self.tabs)
        bottom.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(bottom)
        self._bottom = bottom
        outer.addStretch(1)

        # grid
        self.grid = PaymentGridModel(self)
        self.grid_view = QTableView()
        self.grid_view.setModel(self.grid)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid_tab = QWidget()
        gl = QVBoxLayout(grid_tab)
        legend = QLabel(self.tr(
            "Monthly payment of the chosen product. Green: can be offered; grey: cannot (point "
            "at the cell to see why). Click a cell to use its down payment and term."
        ))
        legend.setWordWrap(True)
        gl.addWidget(legend)
        gl.addWidget(self.grid_view, 1)
        self.tabs.addTab(grid_tab, self.tr("Monthly payment grid"))

        # schedule
        sched = QWidget()
        sl = QVBoxLayout(sched)
        self.schedule_summary = QLabel()
        self.schedule_summary.setWordWrap(True)
        sl.addWidget(self.schedule_summary)
        self.schedule = ScheduleModel(self)
        self.schedule_view = QTableView()
        self.schedule_view.setModel(self.schedule)
        self.schedule_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.schedule_view.verticalHeader().hide()
        sl.addWidget(self.schedule_view, 1)
        self.tabs.addTab(sched, self.tr("Repayment schedule"))

        # early settlement
        settle = QWidget()
        sform = QFormLayout(settle)
        self.settle_after = QSpinBox()
        self.settle_after.setRange(0, 0)
        self.settle_after.setMaximumWidth(120)
        sform.addRow(self.tr("Settle after payment no."), self.settle_after)
        self.settle_fee = QLabel()
        sform.addRow(self.tr("Early-repayment fee"), self.settle_fee)
        self.settle_rows: dict[str, QLabel] = {}
        for key, text in (
            ("remaining", self.tr("Remaining principal")),
            ("accrued", self.tr("Interest accrued")),
            ("fee", self.tr("Fee")),
            ("total", self.tr("Total to pay")),
            ("saved", self.tr("Interest saved")),
            ("net", self.tr("Net saving")),
        ):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.settle_rows[key] = label
            sform.addRow(text, label)
        self.settle_error = FieldError()
        sform.addRow(self.settle_error)
        self.tabs.addTab(settle, self.tr("Early settlement"))

        # add-ons
        addons = QWidget()
        al = QGridLayout(addons)
        al.addWidget(QLabel(self.tr("Optional lines, each with its own price. The customer "
                                    "may say no to any of them.")), 0, 0, 1, 4)
        self.addons = [
            AddOnRow(AddOnKind.INSURANCE, self.tr("Full vehicle insurance"),
                     self.tr("Insurance")),
            AddOnRow(AddOnKind.WARRANTY, self.tr("Extended warranty"),
                     self.tr("Extended warranty")),
            AddOnRow(AddOnKind.SERVICE, self.tr("Service package"), self.tr("Service package")),
        ]
        for i, a in enumerate(self.addons, start=1):
            a.price.setPlaceholderText(self.tr("Price in CNY"))
            a.financed.setText(self.tr("Finance with the loan"))
            al.addWidget(a.tick, i * 2 - 1, 0)
            al.addWidget(a.name, i * 2 - 1, 1)
            al.addWidget(a.price, i * 2 - 1, 2)
            al.addWidget(a.financed, i * 2 - 1, 3)
            al.addWidget(a.error, i * 2, 1, 1, 2)
            self._errors[f"addon_{a.kind.value}"] = a.error
        self.insurance_note = QLabel()
        self.insurance_note.setWordWrap(True)
        al.addWidget(self.insurance_note, 8, 0, 1, 4)
        self.addons_total = QLabel()
        self.addons_total.setWordWrap(True)
        al.addWidget(self.addons_total, 9, 0, 1, 4)
        al.setColumnStretch(1, 2)
        al.setColumnStretch(2, 1)
        al.setRowStretch(10, 1)
        self.tabs.addTab(addons, self.tr("Add-ons"))

        # saved plans
        saved = QWidget()
        vl = QVBoxLayout(saved)
        self.saved_list = QListWidget()
        vl.addWidget(self.saved_list, 1)
        self.tabs.addTab(saved, self.tr("Saved plans"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label("plan"), 1)
        self.keep_button = QPushButton(self.tr("Keep for comparison"))
        self.choose_button = QPushButton(self.tr("Choose this plan for signing"))
        self.choose_button.setDefault(True)
        self.documents_button = DocumentsButton(self)  # quote, plan, disclosure of the chosen plan
        buttons.addWidget(self.documents_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.choose_button)
        page.addLayout(buttons)
        self._errors["general"] = self._errors["plan"]

        # -- signals -------------------------------------------------------------
        self.down_slider.valueChanged.connect(self._slider_moved)
        self.down_spin.valueChanged.connect(self._spin_changed)
        self.term.currentIndexChanged.connect(self._controls_changed)
        self.method.currentIndexChanged.connect(self._controls_changed)
        self.balloon.valueChanged.connect(self._controls_changed)
        self.deal_panel.changed.connect(self._deal_changed)
        self.deal_panel.solve_requested.connect(self._solve)
        self.comparison_view.horizontalHeader().sectionClicked.connect(self._column_clicked)
        self.comparison_view.clicked.connect(lambda index: self._column_clicked(index.column()))
        # by keyboard: arrows move between products, Enter chooses the one under the cursor
        self.comparison_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._column_clicked(current.column())
        )
        choose_key = QShortcut(QKeySequence("Return"), self.comparison_view)
        choose_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        choose_key.activated.connect(self.choose)
        enter_key = QShortcut(QKeySequence("Enter"), self.comparison_view)
        enter_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter_key.activated.connect(self.choose)
        self.grid_view.clicked.connect(self._grid_clicked)
        self.settle_after.valueChanged.connect(self._update_settlement)
        for a in self.addons:
            a.tick.toggled.connect(self._addons_changed)
            a.financed.toggled.connect(self._addons_changed)
            a.price.textEdited.connect(self._addons_changed)
            a.name.textEdited.connect(self._addons_changed)
        self.keep_button.clicked.connect(self.keep)
        self.choose_button.clicked.connect(self.choose)

    # -- labels ----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Finance plan")

    def method_labels(self) -> dict[RepaymentMethod, str]:
        """The one label table's words (lending.labels), the same as on paper."""
        return {m: method_label(m) for m in RepaymentMethod}

    # -- loading -----------------------------------------------------------------
    def _fetch(self, consultation_id: int) -> PlanData:
        db, actor = self.ctx.database, self.ctx.staff
        return PlanData(
            cs.get_consultation(db, actor, consultation_id),
            cs.get_appraisal(db, actor, consultation_id),
            cs.get_qualification(db, actor, consultation_id),
            tuple(cs.list_plans(db, actor, consultation_id)),
            product_names(self.ctx),
            settings_service.load_on_road_settings(db, actor.store_id),
        )

    def _clear(self) -> None:
        self._data = None
        self._selected = None
        self._draft_id = None
        self._price = None
        self._saved_pick = None
        self._result = None
        self._grid_key = None
        self._solve_pending = False
        self.deal_panel.clear()
        self.balloon_label.clear()
        self.comparison.set_evaluations([])
        self.card_offers.clear()
        self.grid.set_cells({}, ())
        self.schedule.set_schedule(None)
        self.saved_list.clear()
        self.settle_after.setRange(0, 0)

    def _show(self, data: PlanData) -> None:
        self._data = data
        self._draft_id = None
        self._result = None
        last = next((p for p in data.plans if p.chosen), data.plans[-1] if data.plans else None)
        a = data.appraisal
        self._price = a.price if a is not None and a.price is not None else None
        problems: list[str] = []
        if data.consultation.blacklist_hit:
            problems.append(self.tr("The customer is on a blacklist: no plan can be offered. "
                                    "Please refer to the manager."))
        if data.qualification is None or data.qualification.grade is None:
            problems.append(self.tr("Complete the qualification step first: the rate depends "
                                    "on the customer's grade."))
        if a is None or a.value is None:
            problems.append(self.tr("Complete the vehicle appraisal first."))
        elif a.override_pending:
            problems.append(self.tr(
                "The appraiser's value of the car ({value}) is more than the store allows away "
                "from the computed value ({computed}), so a manager has to approve it first. "
                "Ask a manager to approve or refuse it on the appraisal page, or under Tools, "
                "Overrides awaiting approval; then the plan can be chosen."
            ).format(value=cny(a.override_value), computed=cny(a.computed_value)))
        elif self._price is None:
            problems.append(self.tr("Enter the selling price in the vehicle appraisal step."))
        self.prereq.set_lines(problems)
        ready = not problems
        for w in (self._top, self._bottom, self.deal_panel):
            w.setVisible(ready)
        for w in (self.down_slider, self.down_spin, self.term, self.method, self.balloon):
            w.setEnabled(ready)
        price = self._price or Decimal(0)
        top = int(price)
        self.deal_panel.set_price_note(
            self.tr("(selling price from the appraisal)") if self._price is not None else "–")
        for w in (self.down_slider, self.down_spin):
            w.blockSignals(True)
            w.setRange(0, max(top, int(last.down_payment or 0)) if last is not None else top)
        self.down_slider.setPageStep(max(SLIDER_STEP, top // 20))
        self.deal_panel.set_defaults(data.on_road)
        wished_monthly = data.consultation.wished_monthly_payment
        solve_now = False
        if last is not None:
            down = int(last.down_payment or 0)
            self._selected = last.product_code
            self._set_combo(self.term, last.term_months)
            self._set_combo(self.method, last.method.value)
            if last.balloon and last.amount:
                self.balloon.setValue(int((last.balloon * 100 / last.amount).quantize(
                    Decimal(1))))
            self._show_addons(last.add_ons, last.deal)
            if last.deal is not None:
                self.deal_panel.set_deal(last.deal)
            else:
                self.deal_panel.set_target(wished_monthly)
        else:
            wished = data.consultation.wished_down_payment
            defaults = self.ctx.settings
            down = (int(wished) if wished is not None
                    else int(percent_of(price, defaults.default_down_payment_percent)))
            self._set_combo(self.term, defaults.default_term_months)
            # a car delivered with (almost) no km is a new car: purchase tax, no transfer
            new = a is not None and (a.mileage_km or 0) < NEW_CAR_MAX_KM
            self.deal_panel.set_kind(VehicleKind.NEW if new else VehicleKind.USED)
            self.deal_panel.set_target(wished_monthly)
            # "I can pay 3,000 a month": without a wished down payment, the target sets it
            solve_now = wished is None and wished_monthly is not None
        self.down_slider.setValue(down)
        self.down_spin.setValue(down)
        for w in (self.down_slider, self.down_spin):
            w.blockSignals(False)
        self._show_percent()
        self._show_saved(data.plans)
        self._saved_pick = self._pick_of(last) if last is not None else None
        self.choose_button.setEnabled(ready)
        self.keep_button.setEnabled(ready)
        self._show_balloon_controls()
        self._solve_pending = solve_now and ready
        self.refresh()

    @staticmethod
    def _set_combo(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _show_addons(self, add_ons: Any, deal: deals.DealInput | None = None) -> None:
        financed = deal.financed_add_ons if deal is not None else ()
        for row in self.addons:
            match = next((x for x in add_ons if x.kind is row.kind), None)
            if match is not None:
                row.name.setText(match.name)
                row.price.setText(cny(match.price))
            row.tick.setChecked(match is not None)
            row.financed.setChecked(match is not None and row.kind.value in financed)
        self._check_addons()

    def _show_saved(self, plans: Any) -> None:
        self.saved_list.clear()
        for p in plans:
            text = self.tr(
                "{mark}{product}: loan {amount}, {term} months, {method}, monthly {monthly}, "
                "APR {apr}%"
            ).format(
                mark=self.tr("[chosen] ") if p.chosen else "",
                product=self._data.names.get(p.product_code, p.product_name)
                if self._data
                else p.product_name,
                amount=cny(p.amount),
                term=p.term_months,
                method=self.method_labels()[p.method],
                monthly=cny(p.first_payment),
                apr=rate2(p.apr) if p.apr is not None else "–",
            )
            item = QListWidgetItem(text)
            if p.chosen:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.saved_list.addItem(item)

    # -- controls ------------------------------------------------------------------
    def _slider_moved(self, value: int) -> None:
        self.down_spin.blockSignals(True)
        self.down_spin.setValue(value)
        self.down_spin.blockSignals(False)
        self._controls_changed()

    def _spin_changed(self, value: int) -> None:
        self.down_slider.blockSignals(True)
        self.down_slider.setValue(value)
        self.down_slider.blockSignals(False)
        self._controls_changed()

    def _show_percent(self) -> None:
        if self._price:
            share = Decimal(self.down_spin.value()) * 100 / self._price
            self.down_percent.setText(f"{share.quantize(Decimal('1'))}%")
        else:
            self.down_percent.clear()

    def _controls_changed(self, *_: object) -> None:
        self._show_percent()
        self._show_balloon_controls()
        for key in ("down_payment", "term_months", "method", "balloon_percent", "plan"):
            self.error_label(key).show_text("")
        self.mark_dirty()
        self.refresh()

    def _deal_changed(self) -> None:
        self.error_label("plan").show_text("")
        self.mark_dirty()
        self.refresh()

    def _solve(self) -> None:
        """The target payment was typed (or Solve clicked): solve the down payment."""
        if self.deal_panel.target_payment() is None:
            self.deal_panel.show_target(
                self.tr("Enter the monthly payment the customer can afford."), problem=True)
            return
        self._solve_pending = True
        self.mark_dirty()
        self.refresh()

    def _show_balloon_controls(self) -> None:
        balloon = self.method.currentData() == RepaymentMethod.BALLOON.value
        for w in (self.balloon_caption, self.balloon, self.balloon_label):
            w.setVisible(balloon)

    def balloon_percent(self) -> Decimal:
        if self.method.currentData() != RepaymentMethod.BALLOON.value:
            return ZERO
        return Decimal(self.balloon.value())

    def _column_clicked(self, column: int) -> None:
        code = self.comparison.code_at(column)
        if code is not None and code != self._selected:
            self._selected = code
            self.mark_dirty()
            self._show_chosen()
            self.refresh()  # the grid is the chosen product's

    def _grid_clicked(self, index: Any) -> None:
        amount, term = self.grid.request_at(index.row(), index.column())
        if amount is None:
            return
        self.down_spin.blockSignals(True)
        self.down_slider.blockSignals(True)
        self.down_spin.setValue(int(amount))
        self.down_slider.setValue(int(amount))
        self.down_spin.blockSignals(False)
        self.down_slider.blockSignals(False)
        self.term.blockSignals(True)
        self._set_combo(self.term, term)
        self.term.blockSignals(False)
        self._controls_changed()

    def _addons_changed(self, *_: object) -> None:
        self.mark_dirty()
        if not self._check_addons()[1]:
            self.refresh()  # financed add-ons are in the loan; insurance in the car's cost

    def _check_addons(self) -> tuple[list[tuple[str, str, Decimal, bool]], dict[str, str]]:
        lines: list[tuple[str, str, Decimal, bool]] = []
        errors: dict[str, str] = {}
        total = Decimal(0)
        for a in self.addons:
            key = f"addon_{a.kind.value}"
            if not a.tick.isChecked():
                a.error.show_text("")
                continue
            text = a.price.text().strip()
            problem = ""
            if not a.name.text().strip():
                problem = self.tr("Give the line a name.")
            elif not text:
                problem = self.tr("Enter the price of this line.")
            else:
                try:
                    price = parse_money(text)
                    if price < 0:
                        problem = self.tr("The price cannot be negative.")
                except MoneyError:
                    problem = self.tr("Enter an amount in yuan, e.g. 3,500.")
            a.error.show_text(problem)
            if problem:
                errors[key] = problem
                continue
            total += price
            lines.append((a.kind.value, a.name.text().strip(), price, a.required))
        self.addons_total.setText(
            self.tr("Add-ons total: {total} CNY (paid on top of the loan figures above)").format(
                total=cny(money(total))
            )
        )
        return lines, errors

    # -- evaluation ------------------------------------------------------------------
    def current_request(self) -> tuple[Decimal, int, str]:
        return (
            Decimal(self.down_spin.value()),
            int(self.term.currentData()),
            str(self.method.currentData()),
        )

    def deal_form(self) -> deals.DealForm:
        """The deal panel's input with the add-ons the customer wants financed."""
        kinds = tuple(a.kind.value for a in self.addons
                      if a.tick.isChecked() and a.financed.isChecked()
                      and a.financed.isEnabled())
        return dataclasses.replace(self.deal_panel.form(), financed_add_ons=kinds)

    def _add_on_prices(self) -> list[tuple[str, Decimal]]:
        lines, _ = self._check_addons()
        return [(kind, price) for kind, _, price, _ in lines]

    def refresh(self, *, solve: bool = False) -> None:
        """Price the deal and every product for the current down payment, term and method,
        and the chosen product's grid; ``solve``: first solve the down payment for the
        target payment (one ``consultations.evaluate_plan`` on the worker)."""
        solve = solve or self._solve_pending
        if self.consultation_id is None or self._data is None:
            return
        if self._data.appraisal is None or self._price is None:
            self.comparison.set_evaluations([])
            self._show_chosen()
            return
        if not self.deal_panel.check():
            return  # a reason under the field; the figures stay those of the last good input
        if self._eval_busy:
            self._eval_pending = True
            self._solve_pending = self._solve_pending or solve
            return
        if solve and self._selected is None:
            solve = False  # the first answer picks a product; the solve follows
        else:
            self._solve_pending = False
        self._eval_busy = True
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        down, term, method = self.current_request()
        form, balloon, add_ons = self.deal_form(), self.balloon_percent(), self._add_on_prices()
        selected = self._selected
        # the grid's rows of shares stay as they are while only the down payment or the
        # term moves: the cells of the last answer for the same product and deal are reused
        grid_key = (selected, method, balloon, form, tuple(add_ons))
        reuse = self._result.grid if self._result is not None and \
            self._grid_key == grid_key and not solve else None
        started = time.perf_counter()

        def job() -> cs.PlanEvaluation:
            return cs.evaluate_plan(
                db, actor, cid, down_payment=down, term_months=term, method=method,
                deal=form, balloon_percent=balloon, add_ons=add_ons, grid_product=selected,
                grid_percents=GRID_DOWN_PERCENTS, grid_terms=GRID_TERMS,
                solve_for=selected if solve else None, grid_reuse=reuse,
            )

        def done(result: cs.PlanEvaluation) -> None:
            self._eval_busy = False
            if cid != self.consultation_id:
                self._eval_pending = False
                self.refresh()  # the answer was for the consultation shown before
                return
            self._result = result
            self._grid_key = grid_key
            if solve:
                self._show_solved(result)
            evals = list(result.evaluations)
            self.comparison.set_evaluations(evals, self._car_costs(result))
            self.card_offers.show_offers(result.cards)
            self._fit_comparison()
            if self._selected is None or self.comparison.evaluation(self._selected) is None:
                first = next((e for e in evals if e.eligible), evals[0] if evals else None)
                self._selected = first.code if first else None
            self._show_chosen()
            self.last_eval_ms = (time.perf_counter() - started) * 1000
            if self._eval_pending or self._solve_pending or (
                    self._selected is not None and self._selected != selected):
                self._eval_pending = False
                self.refresh()  # newer input, a solve waiting, or the grid of another product

        def failed(exc: BaseException) -> None:
            self._eval_busy = False
            self._eval_pending = False
            self._solve_pending = False
            if cid != self.consultation_id:
                return
            if isinstance(exc, ValidationError):
                self.show_errors(validation_errors(exc))
                return
            raise exc

        self.ctx.runner.run(job, done, failed)

    def _show_solved(self, result: cs.PlanEvaluation) -> None:
        """The down payment the target asked for, in the controls and in words."""
        panel = self.deal_panel
        if result.solve_problem is not None:
            panel.show_target(tr_reason(result.solve_problem), problem=True)
            return
        if result.solved_down is None:
            return
        down = int(result.solved_down)
        for w in (self.down_spin, self.down_slider):
            w.blockSignals(True)
            w.setMaximum(max(w.maximum(), down))
            w.setValue(down)
            w.blockSignals(False)
        self._show_percent()
        e = next((x for x in result.evaluations if x.code == self._selected), None)
        s = e.schedule if e is not None else None
        if e is None or s is None:
            return
        text = self.tr("Down payment {down} CNY: with {product} every monthly payment is at "
                       "most {target} (highest {max}).").format(
            down=cny(result.solved_down), product=self.comparison.product_name(e),
            target=cny(result.request.input.target_payment), max=cny(s.max_regular_payment))
        if s.balloon:
            text += " " + self.tr("The balloon of {balloon} is paid apart, on {date}.").format(
                balloon=cny(s.balloon), date=s.rows[-1].due_date.isoformat())
        panel.show_target(text)

    def _required_insurance_per_year(self) -> Decimal:
        lines, _ = self._check_addons()
        return money(sum((price for kind, _, price, _ in lines
                          if kind == AddOnKind.INSURANCE.value), ZERO))

    def _car_costs(self, result: cs.PlanEvaluation) -> dict[str, Decimal]:
        """Product code -> the total cost of the car with it (lending's Deal.total_cost):
        the down payment, the cash lines, the loan's repayment, and the insurance a lender
        requires for every year of the term."""
        per_year = self._required_insurance_per_year()
        costs: dict[str, Decimal] = {}
        for e in result.evaluations:
            if e.schedule is None:
                continue
            insurance = ZERO
            if e.product.requires_full_insurance and per_year:
                insurance = car_cost(ZERO, ZERO, e.schedule.terms.months,
                                     per_year).required_insurance
            costs[e.code] = result.request.deal_for(e.product).total_cost(e.schedule,
                                                                           insurance)
        return costs

    def _fit_comparison(self) -> None:
        """Give the comparison the height of its rows; the rest goes to the details."""
        view = self.comparison_view
        view.resizeRowsToContents()
        height = view.horizontalHeader().height() + 2 * view.frameWidth()
        height += sum(view.rowHeight(r) for r in range(self.comparison.rowCount()))
        if view.horizontalScrollBar().isVisible():
            height += view.horizontalScrollBar().height()
        view.setFixedHeight(height + 2)

    def selected_evaluation(self) -> ProductEvaluation | None:
        return self.comparison.evaluation(self._selected) if self._selected else None

    def _show_chosen(self) -> None:
        self.comparison.set_selected(self._selected)
        e = self.selected_evaluation()
        self._update_insurance(e)
        self._show_deal(e)
        self._show_balloon(e)
        if e is None:
            self.chosen_label.setText(self.tr("No product chosen."))
            self.blocks.set_lines([])
            self.warnings.set_lines([])
            self.info.set_lines([])
            self.schedule.set_schedule(None)
            self.schedule_summary.clear()
            self._update_settlement()
            return
        name = self.comparison.product_name(e)
        self.chosen_label.setText(
            self.tr("Chosen product: {name}").format(name=name)
            if e.eligible
            else self.tr("Chosen product: {name} (cannot be offered as set up)").format(name=name)
        )
        blocks = [tr_reason(r) for r in e.reasons]
        self.blocks.set_lines(blocks)
        warns = [tr_reason(r) for r in e.warnings]
        self.warnings.set_lines(warns)
        info: list[str] = []
        if e.dti is not None and e.dti.ok:
            info.append(tr_reason(e.dti.reason))
        if e.rate_check is not None and e.rate_check.level is RateLevel.OK:
            info.append(tr_reason(e.rate_check.reason))
        info.append(self._subsidy_line(e))
        self.info.set_lines(info)
        s = e.schedule
        self.schedule.set_schedule(s)
        if s is not None:
            self.schedule_summary.setText(
                self.tr(
                    "Loan {amount} at {rate}% a year, {months} months. Total interest {interest}, "
                    "total fees {fees}, total repayment {total}. True APR {apr}% (effective "
                    "{ear}% a year)."
                ).format(
                    amount=cny(s.terms.amount),
                    rate=s.terms.annual_rate.normalize(),
                    months=s.terms.months,
                    interest=cny(s.total_interest),
                    fees=cny(s.total_fees),
                    total=cny(s.total_repayment),
                    apr=e.apr,
                    ear=rate2(s.effective_annual_rate),
                )
            )
        else:
            self.schedule_summary.setText(self.tr("This product cannot be priced as set up."))
        self.settle_after.blockSignals(True)
        last = max(len(s.rows) - 1, 0) if s else 0
        fresh = self.settle_after.maximum() == 0
        self.settle_after.setRange(0, last)
        if fresh:
            self.settle_after.setValue(min(12, last))  # a year in: the usual question
        self.settle_after.blockSignals(False)
        self._update_settlement()
        self._show_grid(e)

    def _update_insurance(self, e: ProductEvaluation | None) -> None:
        insurance = self.addons[0]
        required = bool(e is not None and e.product.requires_full_insurance)
        insurance.required = required
        if required:
            self.insurance_note.setText(
                self.tr("This lender requires full vehicle insurance with the lender as first "
                        "beneficiary. The customer chooses the insurer; the price is theirs to "
                        "compare.")
            )
        else:
            self.insurance_note.setText("")

    def _update_settlement(self, *_: object) -> None:
        e = self.selected_evaluation()
        s = e.schedule if e else None
        if e is None or s is None:
            for label in self.settle_rows.values():
                label.setText("–")
            self.settle_fee.setText("–")
            return
        fee = e.product.fees.early_repayment_fee_percent
        self.settle_fee.setText(
            self.tr("{fee}% of the remaining principal").format(fee=fee.normalize())
        )
        try:
            result = early_settlement(s, self.settle_after.value(), fee)
        except SettlementError as exc:
            self.settle_error.show_text(tr_reason(exc.reason))
            return
        self.settle_error.show_text("")
        self.settle_rows["remaining"].setText(cny(result.remaining_principal))
        self.settle_rows["accrued"].setText(cny(result.accrued_interest))
        self.settle_rows["fee"].setText(cny(result.early_repayment_fee))
        self.settle_rows["total"].setText(cny(result.total_due))
        self.settle_rows["saved"].setText(cny(result.interest_saved))
        self.settle_rows["net"].setText(cny(result.net_saving))
        self.settlement = result

    def _show_grid(self, e: ProductEvaluation) -> None:
        """The chosen product's grid from the last answer (its rows: shares of the price and
        financed lines, and the current down payment)."""
        result = self._result
        down, term, _ = self.current_request()
        if result is None or not result.grid or not any(
                cell.code == e.code for cell in result.grid.values()):
            self.grid.set_cells({}, ())
            return
        base = result.request.for_product(e.product)
        self.grid.set_cells(result.grid, result.grid_downs, base=base.vehicle_price,
                            current=base.down_payment)
        header = self.grid_view.verticalHeader()
        header.headerDataChanged(Qt.Orientation.Vertical, 0, max(self.grid.rowCount() - 1, 0))
        self.grid_view.updateGeometries()
        self.grid.set_picked(money(down), term if term in GRID_TERMS else None)

    def _show_deal(self, e: ProductEvaluation | None) -> None:
        """The deal panel's figures for the chosen product (the add-ons it finances)."""
        result = self._result
        if result is None:
            return
        request = result.request
        deal = request.deal_for(e.product) if e is not None else request.deal
        self.deal_panel.show_deal(deal)
        top = int(deal.financed_total)
        for w in (self.down_slider, self.down_spin):
            if w.maximum() != top:
                w.blockSignals(True)
                w.setMaximum(max(top, 0))
                w.blockSignals(False)
        self.down_slider.setPageStep(max(SLIDER_STEP, top // 20))
        allows = e is not None and e.product.finance_add_ons
        for a in self.addons:
            a.financed.setEnabled(allows)
            a.financed.setToolTip("" if allows else self.tr(
                "This product does not finance add-ons: they are paid apart."))

    def _show_balloon(self, e: ProductEvaluation | None) -> None:
        s = e.schedule if e is not None else None
        if s is None or not s.balloon:
            self.balloon_label.setText("")
            return
        self.balloon_label.setText(self.tr("= {amount} CNY, due {date}").format(
            amount=cny(s.balloon), date=s.rows[-1].due_date.isoformat()))

    def _subsidy_line(self, e: ProductEvaluation) -> str:
        """"Subsidised by …": who pays the lender the difference, and what it is worth."""
        sub, s = e.product.subsidy, e.schedule
        if sub is None or s is None:
            return ""
        who = sub.by_zh if self.ctx.chinese and sub.by_zh else sub.by
        try:
            value = subsidy_value(s, sub.lender_rate)
        except DealError:
            return ""
        return self.tr(
            "Subsidised by {by}: the customer pays {rate}% a year (APR {apr}% with the fees), "
            "the lender earns {lender}%; the subsidy is worth {value} CNY.").format(
            by=who, rate=s.terms.annual_rate.normalize(), apr=e.apr,
            lender=sub.lender_rate.normalize(), value=cny(value))

    # -- saving ------------------------------------------------------------------
    def current_pick(self) -> Pick | None:
        if self._selected is None:
            return None
        lines, _ = self._check_addons()
        down, term, method = self.current_request()
        try:
            deal = deals.read_deal(self.deal_form())
        except ValidationError:
            deal = None
        return Pick(self._selected, method, term, money(down), tuple(lines),
                    self.balloon_percent(), deal)

    @staticmethod
    def _pick_of(p: cs.PlanView) -> Pick:
        return Pick(
            p.product_code,
            p.method.value,
            p.term_months,
            money(p.down_payment or 0),
            tuple((a.kind.value, a.name, a.price, a.required) for a in p.add_ons),
            (p.balloon * 100 / p.amount).quantize(Decimal(1)) if p.balloon and p.amount
            else ZERO,
            p.deal,
        )

    def _validate_locally(self) -> dict[str, str]:
        _, errors = self._check_addons()
        errors.update(self.deal_panel.problems())
        if self._selected is None:
            errors["plan"] = self.tr("Choose a product in the comparison first.")
        return errors

    def _save_job(self) -> Any:
        keep, choose = self._save_mode
        pick = self.current_pick()
        assert pick is not None and self.consultation_id is not None
        if pick == self._saved_pick and not choose:
            return None
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        draft = None if keep else self._draft_id
        existing = next(
            (p for p in (self._data.plans if self._data else ()) if self._pick_of(p) == pick),
            None,
        )
        form = cs.PlanForm(
            product_code=pick.product_code,
            method=pick.method,
            term_months=pick.term_months,
            down_payment=pick.down_payment,
            add_ons=tuple(cs.AddOnInput(k, n, p, r) for k, n, p, r in pick.add_ons),
            balloon_percent=pick.balloon_percent,
            deal=self.deal_form(),
        )

        version = self.expected_version()

        def job() -> tuple[PlanData, int]:
            # the plan with the offer as shown (what its documents will print); imported
            # here, on the worker, so that start-up does not load ReportLab
            from reports.pdf.snapshot import save_plan

            # one unit of work: the new plan, the draft it replaces and the choice are
            # saved together or not at all (a lost connection rolls all of it back)
            with db.unit_of_work() as uow:
                if existing is not None:
                    plan_id = existing.id
                else:
                    plan_id = save_plan(uow, actor, cid, form, expected_version=version).id
                    if draft is not None and draft != plan_id:
                        try:
                            old = cs.get_plan(uow, actor, draft)
                            if not old.chosen:
                                cs.delete_plan(uow, actor, draft)
                        except (NotFound, ValidationError):
                            pass  # already gone, or signed meanwhile: keep it
                if choose:
                    cs.choose_plan(uow, actor, plan_id, expected_version=version)
                uow.commit()
            return self._fetch(cid), plan_id

        self._pending_flags = (keep, choose, existing is None)
        return job

    def _saved(self, result: tuple[PlanData, int]) -> None:
        data, plan_id = result
        keep, choose, created = self._pending_flags
        self._data = data
        self._saved_pick = self.current_pick()
        self._draft_id = None if (keep or choose or not created) else plan_id
        self._show_saved(data.plans)
        self.emit_consultation(data.consultation)

    def keep(self) -> bool:
        """Save the current pick as a plan to compare (it is not replaced by later edits)."""
        return self._save_with(keep=True)

    def choose(self) -> bool:
        """Save the current pick and make it the plan the customer signs."""
        return self._save_with(choose=True)

    def _save_with(self, *, keep: bool = False, choose: bool = False) -> bool:
        self._save_mode = (keep, choose)
        try:
            return self.save()
        finally:
            self._save_mode = (False, False)
