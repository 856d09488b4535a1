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
  (``lending.settlement``) and the saved plans (:mod:`desktop.pages.plan_details`),
  and the DTI / rate-cap outcome as a block or a warning.
* The store's add-ons (:mod:`desktop.pages.plan_addons`): each with its own price;
  what the chosen product's lender requires is ticked and kept, never bundled.

Saving keeps the current pick as a plan (:mod:`desktop.pages.plan_saving`:
``reports.pdf.snapshot.save_plan``, the plan with the offer as shown, which its
documents print; refused with the reasons when the product cannot be offered);
"Choose for signing" marks it the one the customer signs (``choose_plan``).
This module puts the page together and keeps its figures in step.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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

from db.services import consultations as cs
from db.services import deals
from db.services.base import ValidationError
from desktop.context import AppContext
from desktop.documents import DocumentsButton
from desktop.labels import method_label
from desktop.pages.card_offers import CardOffersLabel
from desktop.pages.deal_panel import DealPanel
from desktop.pages.fields import (
    BLOCK_BANNER,
    Banner,
    FieldError,
    MoneySpinBox,
)
from desktop.pages.models import (
    ComparisonModel,
)
from desktop.pages.plan_addons import AddOnsTab
from desktop.pages.plan_details import (
    ChosenPanel,
    GridTab,
    SavedPlansTab,
    ScheduleTab,
    SettlementTab,
)
from desktop.pages.plan_figures import SLIDER_STEP, PlanFigures
from desktop.pages.plan_saving import Pick, PlanData, fetch, pick_of, save_job
from desktop.pages.texts import cny
from lending.money import ZERO, money, percent_of
from lending.onroad import VehicleKind
from lending.products import STANDARD_TERMS
from lending.schedule import RepaymentMethod

NEW_CAR_MAX_KM = 1000
"""A car with fewer km than this is taken for a new car (the deal panel says so; staff
can change it)."""


class PlanPage(PlanFigures):
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
        hint = QLabel(
            self.tr(
                "All products for this customer and this car. Click a column to choose a product."
            )
        )
        tl.addWidget(hint)
        self.comparison = ComparisonModel(self, chinese=ctx.chinese)
        self.comparison_view = QTableView()
        self.comparison_view.setModel(self.comparison)
        self.comparison_view.setWordWrap(True)
        self.comparison_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparison_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
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
        self.chosen = ChosenPanel(ctx.chinese)  # name, blocks, warnings, information
        bl.addWidget(self.chosen)
        self.chosen_label = self.chosen.label
        self.blocks, self.warnings, self.info = (
            self.chosen.blocks,
            self.chosen.warnings,
            self.chosen.info,
        )
        self.tabs = QTabWidget()
        self.tabs.setMinimumHeight(330)
        bl.addWidget(self.tabs)
        bottom.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(bottom)
        self._bottom = bottom
        outer.addStretch(1)

        # the details of the chosen product (desktop.pages.plan_details)
        self.grid_tab = GridTab()
        self.grid, self.grid_view = self.grid_tab.model, self.grid_tab.view
        self.tabs.addTab(self.grid_tab, self.tr("Monthly payment grid"))
        self.schedule_tab = ScheduleTab()
        self.schedule, self.schedule_view = self.schedule_tab.model, self.schedule_tab.view
        self.schedule_summary = self.schedule_tab.summary
        self.tabs.addTab(self.schedule_tab, self.tr("Repayment schedule"))
        self.settle_tab = SettlementTab()
        self.settle_after, self.settle_fee = self.settle_tab.after, self.settle_tab.fee
        self.settle_rows, self.settle_error = self.settle_tab.rows, self.settle_tab.error
        self.tabs.addTab(self.settle_tab, self.tr("Early settlement"))

        # add-ons: the store's catalogue (desktop.pages.plan_addons)
        self.addons = AddOnsTab(ctx.chinese)
        self.tabs.addTab(self.addons, self.tr("Add-ons"))

        self.saved_tab = SavedPlansTab()
        self.saved_list = self.saved_tab.list
        self.tabs.addTab(self.saved_tab, self.tr("Saved plans"))

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
        self.addons.changed.connect(self._addons_changed)
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
        return fetch(self.ctx, consultation_id)

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
        self.addons.reset()  # the next customer starts with nothing ticked

    def _show(self, data: PlanData) -> None:
        self._data = data
        self._draft_id = None
        self._result = None
        last = next((p for p in data.plans if p.chosen), data.plans[-1] if data.plans else None)
        a = data.appraisal
        self._price = a.price if a is not None and a.price is not None else None
        problems: list[str] = []
        if data.consultation.blacklist_hit:
            problems.append(
                self.tr(
                    "The customer is on a blacklist: no plan can be offered. "
                    "Please refer to the manager."
                )
            )
        if data.qualification is None or data.qualification.grade is None:
            problems.append(
                self.tr(
                    "Complete the qualification step first: the rate depends "
                    "on the customer's grade."
                )
            )
        if a is None or a.value is None:
            problems.append(self.tr("Complete the vehicle appraisal first."))
        elif a.override_pending:
            problems.append(
                self.tr(
                    "The appraiser's value of the car ({value}) is more than the store allows away "
                    "from the computed value ({computed}), so a manager has to approve it first. "
                    "Ask a manager to approve or refuse it on the appraisal page, or under Tools, "
                    "Overrides awaiting approval; then the plan can be chosen."
                ).format(value=cny(a.override_value), computed=cny(a.computed_value))
            )
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
            self.tr("(selling price from the appraisal)") if self._price is not None else "–"
        )
        for w in (self.down_slider, self.down_spin):
            w.blockSignals(True)
            w.setRange(0, max(top, int(last.down_payment or 0)) if last is not None else top)
        self.down_slider.setPageStep(max(SLIDER_STEP, top // 20))
        self.deal_panel.set_defaults(data.on_road)
        self.addons.set_catalogue(data.add_ons, dict(data.lenders))
        for key in [k for k in self._errors if k.startswith("addon_")]:
            del self._errors[key]
        self._errors.update(self.addons.errors())
        self.addons.set_vehicle(self._price, None, data.on_road)
        wished_monthly = data.consultation.wished_monthly_payment
        solve_now = False
        if last is not None:
            down = int(last.down_payment or 0)
            self._selected = last.product_code
            self._set_combo(self.term, last.term_months)
            self._set_combo(self.method, last.method.value)
            if last.balloon and last.amount:
                self.balloon.setValue(int((last.balloon * 100 / last.amount).quantize(Decimal(1))))
            self.addons.show_saved(last.add_ons, last.deal.financed_add_ons if last.deal else ())
            if last.deal is not None:
                self.deal_panel.set_deal(last.deal)
            else:
                self.deal_panel.set_target(wished_monthly)
        else:
            wished = data.consultation.wished_down_payment
            defaults = self.ctx.settings
            down = (
                int(wished)
                if wished is not None
                else int(percent_of(price, defaults.default_down_payment_percent))
            )
            self._set_combo(self.term, defaults.default_term_months)
            # a car delivered with (almost) no km is a new car: purchase tax, no transfer
            new = a is not None and (a.mileage_km or 0) < NEW_CAR_MAX_KM
            self.deal_panel.set_kind(
                VehicleKind.NEW if new else VehicleKind.USED, a.energy if a is not None else None
            )
            self.deal_panel.set_target(wished_monthly)
            self.addons.reset()
            # "I can pay 3,000 a month": without a wished down payment, the target sets it
            solve_now = wished is None and wished_monthly is not None
        self.down_slider.setValue(down)
        self.down_spin.setValue(down)
        for w in (self.down_slider, self.down_spin):
            w.blockSignals(False)
        self._show_percent()
        self._show_saved(data.plans)
        self._saved_pick = pick_of(last) if last is not None else None
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

    def _show_saved(self, plans: Any) -> None:
        self.saved_tab.show_plans(
            plans, self._data.names if self._data else None, self.method_labels().__getitem__
        )

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
                self.tr("Enter the monthly payment the customer can afford."), problem=True
            )
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
        if not self.addons.check()[1]:
            self.refresh()  # financed add-ons are in the loan; insurance in the car's cost

    # -- saving ------------------------------------------------------------------
    def current_pick(self) -> Pick | None:
        if self._selected is None:
            return None
        lines, _ = self.addons.check()
        down, term, method = self.current_request()
        try:
            deal = deals.read_deal(self.deal_form())
        except ValidationError:
            deal = None
        return Pick(
            self._selected,
            method,
            term,
            money(down),
            tuple(p.line for p in lines),
            self.balloon_percent(),
            deal,
        )

    def _validate_locally(self) -> dict[str, str]:
        _, errors = self.addons.check()
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
        draft = None if keep else self._draft_id
        existing = next(
            (p for p in (self._data.plans if self._data else ()) if pick_of(p) == pick),
            None,
        )
        form = cs.PlanForm(
            product_code=pick.product_code,
            method=pick.method,
            term_months=pick.term_months,
            down_payment=pick.down_payment,
            add_ons=pick.add_ons,
            balloon_percent=pick.balloon_percent,
            deal=self.deal_form(),
        )
        self._pending_flags = (keep, choose, existing is None)
        return save_job(
            self.ctx,
            self.consultation_id,
            form,
            existing=existing.id if existing is not None else None,
            draft=draft,
            choose=choose,
            version=self.expected_version(),
        )

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
