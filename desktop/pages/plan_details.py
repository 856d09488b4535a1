"""The finance page's details of the chosen product: what it says about the pick, and
the tabs under the comparison (payment grid, schedule, early settlement, saved plans).

* :class:`ChosenPanel`: the product's name, why it cannot be offered (block), what to
  tell the customer (warnings), the DTI and rate-cap outcome and the subsidy (info).
* :class:`GridTab`: the chosen product's monthly payment for several down payments and
  terms (the model is :class:`desktop.pages.models.PaymentGridModel`).
* :class:`ScheduleTab`: the repayment schedule with its totals and true APR.
* :class:`SettlementTab`: the early-settlement calculator (``lending.settlement``).
* :class:`SavedPlansTab`: the consultation's saved plans, the chosen one in bold.

Each shows what the page hands it; the page (:mod:`desktop.pages.plan`) prices and saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services import consultations as cs
from desktop.pages.fields import BLOCK_BANNER, INFO_BANNER, WARN_BANNER, Banner, FieldError
from desktop.pages.models import PaymentGridModel, ScheduleModel
from desktop.pages.texts import cny, tr_reason
from lending.compliance import RateLevel
from lending.deal import DealError, subsidy_value
from lending.eligibility import ProductEvaluation
from lending.money import rate2
from lending.schedule import RepaymentMethod
from lending.settlement import EarlySettlement, SettlementError, early_settlement


def _bold(label: QLabel) -> QLabel:
    f = label.font()
    f.setBold(True)
    label.setFont(f)
    return label


class ChosenPanel(QWidget):
    """The chosen product in words: name, blocks, warnings, information."""

    def __init__(self, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chinese = chinese
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = _bold(QLabel())
        self.blocks = Banner(BLOCK_BANNER)
        self.warnings = Banner(WARN_BANNER)
        self.info = Banner(INFO_BANNER)
        for w in (self.label, self.blocks, self.warnings, self.info):
            layout.addWidget(w)

    def show_evaluation(self, e: ProductEvaluation | None, name: str) -> None:
        if e is None:
            self.label.setText(self.tr("No product chosen."))
            for banner in (self.blocks, self.warnings, self.info):
                banner.set_lines([])
            return
        self.label.setText(
            self.tr("Chosen product: {name}").format(name=name)
            if e.eligible
            else self.tr("Chosen product: {name} (cannot be offered as set up)").format(name=name)
        )
        self.blocks.set_lines([tr_reason(r) for r in e.reasons])
        self.warnings.set_lines([tr_reason(r) for r in e.warnings])
        info: list[str] = []
        if e.dti is not None and e.dti.ok:
            info.append(tr_reason(e.dti.reason))
        if e.rate_check is not None and e.rate_check.level is RateLevel.OK:
            info.append(tr_reason(e.rate_check.reason))
        info.append(self.subsidy_line(e))
        self.info.set_lines(info)

    def subsidy_line(self, e: ProductEvaluation) -> str:
        """ "Subsidised by …": who pays the lender the difference, and what it is worth."""
        sub, s = e.product.subsidy, e.schedule
        if sub is None or s is None:
            return ""
        who = sub.by_zh if self.chinese and sub.by_zh else sub.by
        try:
            value = subsidy_value(s, sub.lender_rate)
        except DealError:
            return ""
        return self.tr(
            "Subsidised by {by}: the customer pays {rate}% a year (APR {apr}% with the fees), "
            "the lender earns {lender}%; the subsidy is worth {value} CNY."
        ).format(
            by=who,
            rate=s.terms.annual_rate.normalize(),
            apr=e.apr,
            lender=sub.lender_rate.normalize(),
            value=cny(value),
        )


class GridTab(QWidget):
    """The chosen product's payment grid; a click on a cell picks it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PaymentGridModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        legend = QLabel(
            self.tr(
                "Monthly payment of the chosen product. Green: can be offered; grey: cannot (point "
                "at the cell to see why). Click a cell to use its down payment and term."
            )
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)
        layout.addWidget(self.view, 1)


class ScheduleTab(QWidget):
    """The chosen product's repayment schedule and its totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ScheduleModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view, 1)

    def show_evaluation(self, e: ProductEvaluation | None) -> None:
        s = e.schedule if e is not None else None
        self.model.set_schedule(s)
        if e is None:
            self.summary.clear()
            return
        if s is None:
            self.summary.setText(self.tr("This product cannot be priced as set up."))
            return
        self.summary.setText(
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


class SettlementTab(QWidget):
    """Early settlement after a chosen payment: what is left, the fee, what it saves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: EarlySettlement | None = None
        self._evaluation: ProductEvaluation | None = None
        form = QFormLayout(self)
        self.after = QSpinBox()
        self.after.setRange(0, 0)
        self.after.setMaximumWidth(120)
        form.addRow(self.tr("Settle after payment no."), self.after)
        self.fee = QLabel()
        form.addRow(self.tr("Early-repayment fee"), self.fee)
        self.rows: dict[str, QLabel] = {}
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
            self.rows[key] = label
            form.addRow(text, label)
        self.error = FieldError()
        form.addRow(self.error)
        self.after.valueChanged.connect(self.update_figures)

    def clear(self) -> None:
        self.after.setRange(0, 0)

    def show_evaluation(self, e: ProductEvaluation | None) -> None:
        """The chosen product (its schedule's payments); a fresh one starts a year in."""
        self._evaluation = e
        s = e.schedule if e is not None else None
        if s is not None:
            self.after.blockSignals(True)
            last = max(len(s.rows) - 1, 0)
            fresh = self.after.maximum() == 0
            self.after.setRange(0, last)
            if fresh:
                self.after.setValue(min(12, last))  # a year in: the usual question
            self.after.blockSignals(False)
        self.update_figures()

    def update_figures(self, *_: object) -> None:
        e = self._evaluation
        s = e.schedule if e else None
        if e is None or s is None:
            for label in self.rows.values():
                label.setText("–")
            self.fee.setText("–")
            return
        fee = e.product.fees.early_repayment_fee_percent
        self.fee.setText(self.tr("{fee}% of the remaining principal").format(fee=fee.normalize()))
        try:
            result = early_settlement(s, self.after.value(), fee)
        except SettlementError as exc:
            self.error.show_text(tr_reason(exc.reason))
            return
        self.error.show_text("")
        self.rows["remaining"].setText(cny(result.remaining_principal))
        self.rows["accrued"].setText(cny(result.accrued_interest))
        self.rows["fee"].setText(cny(result.early_repayment_fee))
        self.rows["total"].setText(cny(result.total_due))
        self.rows["saved"].setText(cny(result.interest_saved))
        self.rows["net"].setText(cny(result.net_saving))
        self.result = result


class SavedPlansTab(QWidget):
    """The consultation's saved plans, one line each; the chosen one first in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)

    def show_plans(
        self,
        plans: Iterable[cs.PlanView],
        names: Mapping[str, str] | None,
        method_label: Callable[[RepaymentMethod], str],
    ) -> None:
        self.list.clear()
        for p in plans:
            text = self.tr(
                "{mark}{product}: loan {amount}, {term} months, {method}, monthly {monthly}, "
                "APR {apr}%"
            ).format(
                mark=self.tr("[chosen] ") if p.chosen else "",
                product=(names or {}).get(p.product_code, p.product_name),
                amount=cny(p.amount),
                term=p.term_months,
                method=method_label(p.method),
                monthly=cny(p.first_payment),
                apr=rate2(p.apr) if p.apr is not None else "–",
            )
            item = QListWidgetItem(text)
            if p.chosen:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.list.addItem(item)
