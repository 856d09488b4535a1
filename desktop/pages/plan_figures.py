"""The finance page's figures: evaluating every product and showing the result.

:class:`PlanFigures` is the base of :class:`desktop.pages.plan.PlanPage`: it reads
the page's request (down payment, term, method, deal, add-ons), runs one
``consultations.evaluate_plan`` on the worker (coalescing moves of the slider
that come while one runs) and fills the comparison, the chosen product, its
payment grid, schedule, settlement, deal and balloon.  The page builds the
widgets (declared below for the type checker) and handles loading and saving.
"""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSlider,
    QTableView,
)

from db.services import consultations as cs
from db.services import deals
from db.services.base import ValidationError
from desktop.pages.base import StepPage
from desktop.pages.card_offers import CardOffersLabel
from desktop.pages.deal_panel import DealPanel
from desktop.pages.fields import (
    MoneySpinBox,
)
from desktop.pages.models import (
    GRID_DOWN_PERCENTS,
    GRID_TERMS,
    ComparisonModel,
    PaymentGridModel,
)
from desktop.pages.plan_addons import AddOnsTab
from desktop.pages.plan_details import (
    ChosenPanel,
    ScheduleTab,
    SettlementTab,
)
from desktop.pages.plan_saving import PlanData
from desktop.pages.texts import cny, tr_reason, validation_texts
from lending.eligibility import ProductEvaluation
from lending.money import money

SLIDER_STEP = 1000  # yuan
"""One step of the down-payment slider and spin box."""


class PlanFigures(StepPage):
    """Evaluation and display of the finance page (the widgets are the page's own)."""

    if TYPE_CHECKING:  # built by PlanPage.__init__
        _data: PlanData | None
        _price: Decimal | None
        _selected: str | None
        _eval_busy: bool
        _eval_pending: bool
        _solve_pending: bool
        _result: cs.PlanEvaluation | None
        _grid_key: tuple[Any, ...] | None
        last_eval_ms: float | None
        deal_panel: DealPanel
        down_slider: QSlider
        down_spin: MoneySpinBox
        term: QComboBox
        method: QComboBox
        balloon_label: QLabel
        comparison: ComparisonModel
        comparison_view: QTableView
        card_offers: CardOffersLabel
        chosen: ChosenPanel
        grid: PaymentGridModel
        grid_view: QTableView
        schedule_tab: ScheduleTab
        settle_tab: SettlementTab
        addons: AddOnsTab

        def _show_percent(self) -> None: ...

        def balloon_percent(self) -> Decimal: ...

    # -- evaluation ------------------------------------------------------------------
    def current_request(self) -> tuple[Decimal, int, str]:
        return (
            Decimal(self.down_spin.value()),
            int(self.term.currentData()),
            str(self.method.currentData()),
        )

    def deal_form(self) -> deals.DealForm:
        """The deal panel's input with the add-ons the customer wants financed."""
        return dataclasses.replace(
            self.deal_panel.form(), financed_add_ons=self.addons.financed_keys()
        )

    def _add_on_prices(self) -> list[tuple[str, Decimal]]:
        """Each ticked add-on's code and price (the financed ones are in the loan)."""
        lines, _ = self.addons.check()
        return [(p.line.code, money(p.line.price or 0)) for p in lines]

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
        # compulsory insurance is priced by seats, a share of the price by the price
        self.addons.set_vehicle(self._price, self.deal_panel.seats.value(), self._data.on_road)
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
        reuse = (
            self._result.grid
            if self._result is not None and self._grid_key == grid_key and not solve
            else None
        )
        started = time.perf_counter()

        def job() -> cs.PlanEvaluation:
            return cs.evaluate_plan(
                db,
                actor,
                cid,
                down_payment=down,
                term_months=term,
                method=method,
                deal=form,
                balloon_percent=balloon,
                add_ons=add_ons,
                grid_product=selected,
                grid_percents=GRID_DOWN_PERCENTS,
                grid_terms=GRID_TERMS,
                solve_for=selected if solve else None,
                grid_reuse=reuse,
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
            if (
                self._eval_pending
                or self._solve_pending
                or (self._selected is not None and self._selected != selected)
            ):
                self._eval_pending = False
                self.refresh()  # newer input, a solve waiting, or the grid of another product

        def failed(exc: BaseException) -> None:
            self._eval_busy = False
            self._eval_pending = False
            self._solve_pending = False
            if cid != self.consultation_id:
                return
            if isinstance(exc, ValidationError):
                self.show_errors(validation_texts(exc))
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
        text = self.tr(
            "Down payment {down} CNY: with {product} every monthly payment is at "
            "most {target} (highest {max})."
        ).format(
            down=cny(result.solved_down),
            product=self.comparison.product_name(e),
            target=cny(result.request.input.target_payment),
            max=cny(s.max_regular_payment),
        )
        if s.balloon:
            text += " " + self.tr("The balloon of {balloon} is paid apart, on {date}.").format(
                balloon=cny(s.balloon), date=s.rows[-1].due_date.isoformat()
            )
        panel.show_target(text)

    def _car_costs(self, result: cs.PlanEvaluation) -> dict[str, Decimal]:
        """Product code -> the total cost of the car with it (lending's Deal.total_cost):
        the down payment, the cash lines, the loan's repayment, and the insurance a lender
        requires for every year of the term."""
        costs: dict[str, Decimal] = {}
        for e in result.evaluations:
            if e.schedule is None:
                continue
            insurance = self.addons.term_insurance(e.product, e.schedule.terms.months)
            costs[e.code] = result.request.deal_for(e.product).total_cost(e.schedule, insurance)
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

    @property
    def settlement(self) -> Any:
        """The early-settlement figures shown (``lending.settlement.EarlySettlement``)."""
        return self.settle_tab.result

    def _show_chosen(self) -> None:
        self.comparison.set_selected(self._selected)
        e = self.selected_evaluation()
        self._update_insurance(e)
        self._show_deal(e)
        self._show_balloon(e)
        self.chosen.show_evaluation(e, self.comparison.product_name(e) if e else "")
        self.schedule_tab.show_evaluation(e)
        self.settle_tab.show_evaluation(e)
        if e is not None:
            self._show_grid(e)

    def _update_insurance(self, e: ProductEvaluation | None) -> None:
        """What the chosen product's lender requires, what it finances (the add-ons)."""
        self.addons.set_product(e.product if e is not None else None)

    def _show_grid(self, e: ProductEvaluation) -> None:
        """The chosen product's grid from the last answer (its rows: shares of the price and
        financed lines, and the current down payment)."""
        result = self._result
        down, term, _ = self.current_request()
        if (
            result is None
            or not result.grid
            or not any(cell.code == e.code for cell in result.grid.values())
        ):
            self.grid.set_cells({}, ())
            return
        base = result.request.for_product(e.product)
        self.grid.set_cells(
            result.grid, result.grid_downs, base=base.vehicle_price, current=base.down_payment
        )
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

    def _show_balloon(self, e: ProductEvaluation | None) -> None:
        s = e.schedule if e is not None else None
        if s is None or not s.balloon:
            self.balloon_label.setText("")
            return
        self.balloon_label.setText(
            self.tr("= {amount} CNY, due {date}").format(
                amount=cny(s.balloon), date=s.rows[-1].due_date.isoformat()
            )
        )
