"""The consumer credit and bank card instalment forms of the Products and lenders editor.

* :class:`ConsumerCreditForm` - an unsecured consumer credit line
  (:class:`lending.products.ConsumerCreditProduct`): names, lenders, approval
  time; the credit line, APR and fee ranges, methods and terms; each accepted
  grade's rate, monthly fee and approval likelihood (a table edited in place);
  the first-loan promotion (a rate discount or the fees waived for the first
  periods).  Checked by :func:`lending.catalogue_rules.consumer_reasons`.
* :class:`CardInstalmentForm` - a bank card instalment (信用卡分期,
  :class:`lending.products.CardInstalment`): names, lenders, the card's limit and
  the fee table edited in place (a term, its flat fee and the true APR that fee
  comes to, computed by :mod:`lending`).  Checked by
  :func:`lending.catalogue_rules.card_reasons`.

Both read each field with its bounds and show the reason under it as soon as it is
left (:class:`desktop.catalogue_fields.FieldsForm`).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.catalogue_admin import ProductEntry
from desktop.catalogue_fields import FieldsForm, _num, _parts, _t, hint_label
from desktop.catalogue_models import CardFeeModel, GradesModel
from desktop.labels import method_label
from desktop.pages.texts import tr_reason
from lending import parse
from lending.catalogue_rules import card_reasons, consumer_reasons
from lending.products import (
    CardFee,
    CardInstalment,
    ConsumerCreditProduct,
    FirstLoanPromotion,
    GradeTerms,
    PromotionKind,
)
from lending.qualification import Grade
from lending.reasons import ReasonsError
from lending.schedule import RepaymentMethod
from lending.settings import LendingSettings

CREDIT_METHODS = (
    RepaymentMethod.EQUAL_INSTALLMENT,
    RepaymentMethod.EQUAL_PRINCIPAL,
    RepaymentMethod.INTEREST_FIRST,
)
"""The methods a consumer credit line may offer (no step-up, no balloon)."""
RANGES = (
    ("line_min", "line_max"),
    ("apr_min_percent", "apr_max_percent"),
    ("monthly_fee_rate_min_percent", "monthly_fee_rate_max_percent"),
    ("early_repayment_fee_min_percent", "early_repayment_fee_max_percent"),
    ("overdue_penalty_min_percent_per_day", "overdue_penalty_max_percent_per_day"),
    ("approval_days_min", "approval_days_max"),
)
"""A consumer credit line's ranges, as (lowest, highest) fields."""


def blank_consumer() -> ConsumerCreditProduct:
    """What a new consumer credit line starts from (rates and fees to fill in)."""
    D = Decimal
    return ConsumerCreditProduct(
        code="",
        name="",
        name_zh="",
        example_lenders=(),
        line_min=D(10_000),
        line_max=D(200_000),
        apr_min_percent=D("8.00"),
        apr_max_percent=D("18.00"),
        monthly_fee_rate_min_percent=D(0),
        monthly_fee_rate_max_percent=D("0.50"),
        early_repayment_fee_min_percent=D(0),
        early_repayment_fee_max_percent=D(3),
        overdue_penalty_min_percent_per_day=D(0),
        overdue_penalty_max_percent_per_day=D("0.05"),
        approval_days_min=0,
        approval_days_max=1,
        methods=(RepaymentMethod.EQUAL_INSTALLMENT,),
        terms=(12, 24, 36),
        grades=(GradeTerms(Grade.A, D(0), D(90), D(98), None),),
        first_loan_promotion=None,
        online_small_loan=False,
        active=True,
    )


def blank_card() -> CardInstalment:
    """What a new card instalment starts from (the fee table to fill in)."""
    return CardInstalment(
        code="",
        name="",
        name_zh="",
        example_lenders=(),
        line_max=Decimal(200_000),
        fees=(),
        active=True,
    )


def promotion_label(kind: PromotionKind) -> str:
    return {
        PromotionKind.RATE_DISCOUNT: _t("A discount on the rate"),
        PromotionKind.FEE_WAIVER: _t("The monthly fees waived"),
    }[kind]


def _table(model: object, name: str) -> QTableView:
    """A table edited in place: type into a cell, Tab and the arrows move on."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


class _OfferForm(FieldsForm):
    """What both forms have first: names, lenders, offered or not."""

    def _names_rows(self, form: QFormLayout) -> None:
        form.addRow(_t("Name in English"), self._field("name", 0, wide=True))
        form.addRow(_t("Name in Chinese"), self._field("name_zh", 0, wide=True))
        form.addRow(_t("Lenders"), self._lender_field(0))
        self.active = self._check_box("active", _t("Offered in new plans"))

    def _show_common(
        self,
        name: str,
        name_zh: str,
        lenders: tuple[str, ...],
        active: bool,
        entry: ProductEntry | None,
        new: str,
    ) -> None:
        self.entry = entry
        self.lines["name"].setText(name)
        self.lines["name_zh"].setText(name_zh)
        self._fill_lenders(lenders)
        self.active.setChecked(active)
        self._clear_errors()
        self._show_heading((name_zh or name) if self.chinese else name, entry, new)

    def _common_editable(self, on: bool) -> None:
        self.editable = on
        for line in self.lines.values():
            line.setReadOnly(not on)
        self.active.setEnabled(on)
        self._set_lenders_editable(on)

    def _text(self, key: str) -> str:
        return " ".join(self.lines[key].text().split())


class ConsumerCreditForm(_OfferForm):
    """One consumer credit line in tabs; :meth:`read` gives it and every reason."""

    def __init__(
        self, settings: LendingSettings, chinese: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, chinese, parent)
        self.base = blank_consumer()
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._limits(), self.tr("Limits and fees"))
        self.tabs.addTab(self._grades(), self.tr("Rates"))
        self.tabs.addTab(self._promotion(), self.tr("Promotion"))
        self._connect_lines()

    def _general(self) -> QWidget:
        page, form = self._page()
        self._names_rows(form)
        form.addRow(
            self.tr("Approval time"),
            self._pair("approval_days_min", "approval_days_max", 0, self.tr("working days")),
        )
        self.online = self._check_box(
            "online_small_loan",
            self.tr("An online small loan (the store's amount and term limits apply)"),
        )
        form.addRow(self.online)
        form.addRow(self.active)
        return page

    def _limits(self) -> QWidget:
        page, form = self._page()
        for (lo, hi), label, unit in zip(
            RANGES[:5],
            (
                self.tr("Credit line"),
                self.tr("Rates from"),
                self.tr("Monthly fee"),
                self.tr("Early repayment fee"),
                self.tr("Overdue penalty"),
            ),
            (
                self.tr("CNY"),
                self.tr("% a year"),
                self.tr("% of the loan a month"),
                self.tr("% of the principal repaid early"),
                self.tr("% of the overdue amount a day"),
            ),
            strict=True,
        ):
            form.addRow(label, self._pair(lo, hi, 1, unit))
        holder, self.method_boxes = self._checks(
            "methods", 1, ((m, method_label(m.value)) for m in CREDIT_METHODS), columns=3
        )
        form.addRow(self.tr("Repayment methods"), holder)
        form.addRow(
            self.tr("Terms"),
            self._field("terms", 1, self.tr("months"), self.tr("e.g. 12, 24, 36"), wide=True),
        )
        return page

    def _grades(self) -> QWidget:
        page, form = self._page()
        self.grades_model = GradesModel(self, priced=True)
        self.grades_view = _table(self.grades_model, "grades")
        self.grades_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.grades_view.setFixedHeight((self.grades_view.fontMetrics().height() + 10) * 4 + 6)
        self.grades_model.accepted_changed.connect(lambda: self.check("grades"))
        self.grades_model.dataChanged.connect(lambda *_: self.changed.emit())
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grades_view)
        column.addWidget(self._error("grades", 2, self.grades_view))
        column.addWidget(
            hint_label(
                self.tr(
                    "Each accepted grade's nominal rate a year (inside the APR range) and monthly "
                    "fee (inside the fee range): every customer of the same grade gets the same "
                    "price."
                )
            )
        )
        form.addRow(self.tr("Grades"), holder)
        return page

    def _promotion(self) -> QWidget:
        page, form = self._page()
        self.promoted = self._check_box(
            "promoted", self.tr("A first-loan promotion for new customers")
        )
        self.promoted.toggled.connect(lambda _on: self._enable_details())
        form.addRow(self.promoted)
        self.promotion_kind = QComboBox()
        self.promotion_kind.setObjectName("first_loan_promotion.kind")
        for kind in PromotionKind:
            self.promotion_kind.addItem(promotion_label(kind), kind.value)
        self.promotion_kind.currentIndexChanged.connect(lambda _i: self._enable_details())
        self.promotion_kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        form.addRow(self.tr("Promotion"), self.promotion_kind)
        form.addRow(
            self.tr("For the first"),
            self._field("first_loan_promotion.periods", 3, self.tr("months")),
        )
        form.addRow(
            self.tr("Rate discount"),
            self._field(
                "first_loan_promotion.rate_discount_percent",
                3,
                self.tr("% off the rate (50: half the rate)"),
            ),
        )
        form.addRow(
            hint_label(
                self.tr("For a customer's first loan with this lender, during the months given.")
            )
        )
        return page

    def show_product(
        self, product: ConsumerCreditProduct, entry: ProductEntry | None, blank: bool = False
    ) -> None:
        self.base = p = product
        self.blockSignals(True)
        for lo, hi in RANGES:
            self.lines[lo].setText(_num(getattr(p, lo)))
            self.lines[hi].setText(_num(getattr(p, hi)))
        self.lines["terms"].setText(", ".join(str(t) for t in p.terms))
        promo = p.first_loan_promotion
        self.lines["first_loan_promotion.periods"].setText(str(promo.periods if promo else 3))
        self.lines["first_loan_promotion.rate_discount_percent"].setText(
            _num(promo.rate_discount_percent) if promo else "0"
        )
        self.promoted.setChecked(promo is not None)
        kind = promo.kind if promo else PromotionKind.FEE_WAIVER
        self.promotion_kind.setCurrentIndex(max(self.promotion_kind.findData(kind.value), 0))
        for code, box in self.method_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in p.methods)
            box.blockSignals(False)
        self.online.setChecked(p.online_small_loan)
        self.grades_model.set_grades(() if blank else p.grades)
        self._show_common(
            p.name,
            p.name_zh,
            p.example_lenders,
            p.active,
            entry,
            self.tr("New consumer credit line"),
        )
        self.blockSignals(False)
        self._enable_details()

    def set_editable(self, on: bool) -> None:
        self._common_editable(on)
        for widget in (
            *self.method_boxes.values(),
            self.online,
            self.promoted,
            self.promotion_kind,
        ):
            widget.setEnabled(on)
        self.grades_model.editable = on
        if on:
            self._enable_details()

    def _enable_details(self) -> None:
        promo = self.promoted.isChecked() and self.editable
        self.promotion_kind.setEnabled(promo)
        self.lines["first_loan_promotion.periods"].setEnabled(promo)
        discount = promo and self.promotion_kind.currentData() == PromotionKind.RATE_DISCOUNT
        self.lines["first_loan_promotion.rate_discount_percent"].setEnabled(discount)

    def read(self) -> tuple[ConsumerCreditProduct, dict[str, str]]:
        errors: dict[str, str] = {}
        base = self.base
        values = {
            key: self._number(errors, key, getattr(base, key)) for pair in RANGES for key in pair
        }
        terms: list[int] = []
        try:
            terms = [parse.term(part) for part in _parts(self.lines["terms"].text())]
        except ReasonsError as exc:
            errors["terms"] = tr_reason(exc.reason)
        grades, problem = self.grades_model.read()
        if problem:
            errors["grades"] = problem
        promotion = None
        if self.promoted.isChecked():
            kind = PromotionKind(self.promotion_kind.currentData())
            discount = (
                self._number(errors, "first_loan_promotion.rate_discount_percent", Decimal(0))
                if kind is PromotionKind.RATE_DISCOUNT
                else Decimal(0)
            )
            promotion = FirstLoanPromotion(
                kind, self._number(errors, "first_loan_promotion.periods", 3), discount
            )
        product = dataclasses.replace(
            base,
            name=self._text("name"),
            name_zh=self._text("name_zh"),
            example_lenders=self.chosen_lenders(),
            active=self.active.isChecked(),
            online_small_loan=self.online.isChecked(),
            methods=tuple(m for m, b in self.method_boxes.items() if b.isChecked()),
            terms=tuple(terms),
            grades=grades,
            first_loan_promotion=promotion,
            **values,
        )
        active = [lender.name for lender in self.lenders if lender.active]
        for key, reason in consumer_reasons(product, self.settings, active).items():
            errors.setdefault(key, tr_reason(reason))
        return product, errors


class CardInstalmentForm(_OfferForm):
    """One bank card instalment: names, lenders, limit and the fee table in place."""

    def __init__(
        self, settings: LendingSettings, chinese: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(settings, chinese, parent)
        self.base = blank_card()
        page, form = self._page(stretch=False)
        self._names_rows(form)
        form.addRow(self.tr("Card limit"), self._field("line_max", 0, self.tr("CNY")))
        self.fee_model = CardFeeModel(self)
        self.fee_model.dataChanged.connect(lambda *_: self.changed.emit())
        self.fee_model.dataChanged.connect(lambda *_: self.check("fees"))
        self.fee_model.rowsInserted.connect(lambda *_: self.changed.emit())
        self.fee_model.rowsRemoved.connect(lambda *_: self.changed.emit())
        self.fee_view = _table(self.fee_model, "card_fees")
        self.fee_view.setMinimumHeight(150)
        self.add_fee_button = QPushButton(self.tr("Add term"))
        self.remove_fee_button = QPushButton(self.tr("Remove term"))
        for button in (self.add_fee_button, self.remove_fee_button):
            button.setAutoDefault(False)
        self.add_fee_button.clicked.connect(self.add_fee)
        self.remove_fee_button.clicked.connect(self.remove_fee)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.fee_view)
        row = QHBoxLayout()
        row.addWidget(self.add_fee_button)
        row.addWidget(self.remove_fee_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error("fees", 0, self.fee_view))
        column.addWidget(
            hint_label(
                self.tr(
                    "No interest: the bank charges a flat fee for the whole term, in equal parts "
                    "with each payment. The true APR is what that fee costs a year on the money "
                    "still owed; the customer is shown it, and a term above the store's cap cannot "
                    "be saved."
                )
            )
        )
        form.addRow(self.tr("Terms and fees"), holder)
        form.addRow(self.active)
        self.tabs.addTab(page, self.tr("Card instalment"))
        self.tabs.tabBar().hide()
        self._connect_lines()

    def add_fee(self) -> None:
        """A new row at the end, its term cell ready for typing."""
        if not self.editable:
            return
        row = self.fee_model.add_row()
        self.fee_view.setFocus()
        self.fee_view.setCurrentIndex(self.fee_model.index(row, 0))

    def remove_fee(self) -> None:
        index = self.fee_view.currentIndex()
        if self.editable and index.isValid():
            self.fee_model.remove_row(index.row())
            self.check("fees")

    def show_product(
        self, product: CardInstalment, entry: ProductEntry | None, blank: bool = False
    ) -> None:
        self.base = p = product
        self.blockSignals(True)
        self.lines["line_max"].setText(_num(p.line_max))
        self.fee_model.set_fees(p.fees)
        self._show_common(
            p.name, p.name_zh, p.example_lenders, p.active, entry, self.tr("New card instalment")
        )
        self.blockSignals(False)

    def set_editable(self, on: bool) -> None:
        self._common_editable(on)
        self.fee_model.editable = on
        self.add_fee_button.setVisible(on)
        self.remove_fee_button.setVisible(on)

    def read(self) -> tuple[CardInstalment, dict[str, str]]:
        errors: dict[str, str] = {}
        fees: tuple[CardFee, ...]
        fees, problem = self.fee_model.read()
        if problem:
            errors["fees"] = problem
        product = dataclasses.replace(
            self.base,
            name=self._text("name"),
            name_zh=self._text("name_zh"),
            example_lenders=self.chosen_lenders(),
            active=self.active.isChecked(),
            line_max=self._number(errors, "line_max", self.base.line_max),
            fees=fees if not problem else self.base.fees,
        )
        active = [lender.name for lender in self.lenders if lender.active]
        for key, reason in card_reasons(product, self.settings, active).items():
            errors.setdefault(key, tr_reason(reason))
        return product, errors
