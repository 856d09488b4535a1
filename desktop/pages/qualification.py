"""Step 2, qualification: documents, credit facts, income, existing debt.

The grade (A/B/C), the score and every reason are recomputed by
``lending.qualification.qualify`` on each keystroke, so the consultant sees
why while typing; a failed hard requirement is shown in plain words the
customer can be told.  Saving goes through ``consultations.save_qualification``
which grades again with the same function and the store's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import FunnelStage
from db.services import catalogue, customers
from db.services import consultations as cs
from db.services.base import Permission
from desktop import style
from desktop.context import AppContext
from desktop.pages.base import StepPage
from desktop.pages.fields import BLOCK_BANNER, INFO_BANNER, WARN_BANNER, Banner, read_amount
from desktop.pages.texts import cny, tr_reason
from lending import qualification as lq
from lending.money import MoneyError, parse_decimal
from lending.products import Catalogue

GRADE_COLOURS = {"A": style.GREEN, "B": style.ORANGE, "C": style.RED}


@dataclass(frozen=True)
class QualificationData:
    consultation: cs.ConsultationView
    customer: customers.CustomerView
    saved: cs.QualificationView | None
    catalogue: Catalogue | None = None
    """The store's active products: the approval likelihood of each grade is theirs."""


def narrow_form(box: QWidget) -> QFormLayout:
    """A form whose long rows put the field under its label when the page is narrow, so the
    page fits the default window (1180 px) in every language without sideways scrolling."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class QualificationPage(StepPage):
    step = "qualification"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._data: QualificationData | None = None
        self.result: lq.Qualification | None = None

        outer = QHBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 3)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)

        self.needs_id = Banner(BLOCK_BANNER)
        lay.addWidget(self.needs_id)

        docs = QGroupBox(self.tr("Documents"))
        dform = narrow_form(docs)
        # never pre-ticked: the consultant confirms having seen the card
        self.id_seen = QCheckBox(self.tr("ID card seen and matches the ID number"))
        self.add_row(dform, "id_valid", self.tr("ID card"), self.id_seen)
        self.proof_months = QSpinBox()
        self.proof_months.setRange(0, 36)
        self.proof_months.setSuffix(self.tr(" months"))
        self.add_row(
            dform,
            "income_proof_months",
            self.tr("Income proof (payslips or bank statements)"),
            self.proof_months,
        )
        self.residence = QCheckBox(self.tr("Property deed or lease"))
        self.add_row(dform, "residence_proof", self.tr("Residence proof"), self.residence)
        self.work = QCheckBox(self.tr("Labour contract or business licence"))
        self.add_row(dform, "work_proof", self.tr("Work proof"), self.work)
        lay.addWidget(docs)

        income = QGroupBox(self.tr("Income"))
        iform = narrow_form(income)
        self.monthly_income = QLineEdit()
        self.monthly_income.setPlaceholderText(self.tr("CNY per month"))
        self.add_row(iform, "monthly_income", self.tr("Monthly income (CNY)"), self.monthly_income)
        self.statement_income = QLineEdit()
        self.statement_income.setPlaceholderText(self.tr("Average on the bank statements"))
        self.add_row(
            iform,
            "statement_average_income",
            self.tr("Bank statement average (CNY)"),
            self.statement_income,
        )
        self.declared_age = QLineEdit()
        self.declared_age.setPlaceholderText(self.tr("Age the customer gave (optional)"))
        self.add_row(iform, "declared_age", self.tr("Declared age"), self.declared_age)
        lay.addWidget(income)

        credit = QGroupBox(self.tr("Credit report"))
        cform = narrow_form(credit)
        self.overdue_count = QSpinBox()
        self.overdue_count.setRange(0, 99)
        self.add_row(
            cform, "overdue_count_24m", self.tr("Overdue payments (24 months)"), self.overdue_count
        )
        self.worst_overdue = QSpinBox()
        self.worst_overdue.setRange(0, 3650)
        self.worst_overdue.setSuffix(self.tr(" days"))
        self.add_row(cform, "worst_overdue_days", self.tr("Worst overdue"), self.worst_overdue)
        self.current_debt = QLineEdit("0")
        self.add_row(cform, "current_debt", self.tr("Outstanding debt (CNY)"), self.current_debt)
        self.monthly_debt = QLineEdit("0")
        self.add_row(
            cform,
            "monthly_debt_payments",
            self.tr("Existing monthly debt payments (CNY)"),
            self.monthly_debt,
        )
        self.utilisation = QLineEdit("0")
        self.add_row(
            cform, "card_utilisation_percent", self.tr("Card utilisation (%)"), self.utilisation
        )
        self.applications = QSpinBox()
        self.applications.setRange(0, 99)
        self.add_row(
            cform,
            "recent_applications_3m",
            self.tr("Credit applications (3 months)"),
            self.applications,
        )
        self.history_years = QLineEdit()
        self.history_years.setPlaceholderText(self.tr("Years (optional)"))
        self.add_row(
            cform, "history_years", self.tr("Length of credit history"), self.history_years
        )
        self.credit_kinds = QLineEdit()
        self.credit_kinds.setPlaceholderText(self.tr("Card, mortgage, car loan ... (optional)"))
        self.add_row(cform, "credit_kinds", self.tr("Kinds of credit accounts"), self.credit_kinds)
        lay.addWidget(credit)
        lay.addWidget(self.error_label("general"))
        lay.addStretch(1)

        # result panel, always visible on the right
        panel = QWidget()
        panel.setMinimumWidth(320)
        right = QVBoxLayout(panel)
        head = QGridLayout()
        self.grade = QLabel("–")
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade.setMinimumSize(72, 72)
        self._style_grade(None)
        head.addWidget(self.grade, 0, 0, 2, 1)
        self.grade_caption = QLabel(self.tr("Risk grade"))
        self.score = QLabel()
        self.score.setWordWrap(True)
        head.addWidget(self.grade_caption, 0, 1, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.score, 1, 1, Qt.AlignmentFlag.AlignTop)
        head.setHorizontalSpacing(12)
        head.setColumnStretch(1, 1)
        right.addLayout(head)
        self.likelihood = QLabel()
        self.likelihood.setWordWrap(True)
        right.addWidget(self.likelihood)
        self.failures = Banner(BLOCK_BANNER)
        right.addWidget(self.failures)
        self.warnings = Banner(WARN_BANNER)
        right.addWidget(self.warnings)
        self.advice = Banner(INFO_BANNER)
        right.addWidget(self.advice)
        self.reasons_title = QLabel(self.tr("Why this grade"))
        f = self.reasons_title.font()
        f.setBold(True)
        self.reasons_title.setFont(f)
        right.addWidget(self.reasons_title)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.reasons)
        right.addStretch(1)
        outer.addWidget(panel, 2)

        for edit in (
            self.monthly_income,
            self.statement_income,
            self.declared_age,
            self.current_debt,
            self.monthly_debt,
            self.utilisation,
            self.history_years,
            self.credit_kinds,
        ):
            edit.textEdited.connect(self.mark_dirty)
            edit.textChanged.connect(self.recompute)
        for spin in (self.proof_months, self.overdue_count, self.worst_overdue, self.applications):
            spin.valueChanged.connect(self.mark_dirty)
            spin.valueChanged.connect(self.recompute)
        for box in (self.id_seen, self.residence, self.work):
            box.toggled.connect(self.mark_dirty)
            box.toggled.connect(self.recompute)

    def title(self) -> str:
        return self.tr("Qualification")

    def _style_grade(self, grade: str | None) -> None:
        colour = GRADE_COLOURS.get(grade or "", style.GREY)
        self.grade.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 8px; "
            "font-size: 36px; font-weight: bold;"
        )

    # -- loading -----------------------------------------------------------------
    def _fetch(self, consultation_id: int) -> QualificationData:
        db, actor = self.ctx.database, self.ctx.staff
        view = cs.get_consultation(db, actor, consultation_id)
        cust = customers.get_customer(db, actor, view.customer_id)
        saved = cs.get_qualification(
            db, actor, consultation_id, unmasked=actor.can(Permission.VIEW_PII)
        )
        return QualificationData(view, cust, saved, catalogue.load_catalogue(db, actor.store_id))

    def _clear(self) -> None:
        self._data = None
        self.result = None
        self.needs_id.set_lines([])
        self._show_result(None, None, (), (), (), ())

    def _show(self, data: QualificationData) -> None:
        self._data = data
        q = data.saved
        if data.customer.birth_date is None:
            self.needs_id.set_lines(
                [
                    self.tr(
                        "The customer's ID number is not stored yet. Record the consent and "
                        "the ID number in Reception first: the age comes from the ID."
                    )
                ]
            )
        else:
            self.needs_id.set_lines([])
        if q is None:
            return self.recompute()
        self.id_seen.setChecked(q.id_valid)
        self.proof_months.setValue(q.income_proof_months)
        self.residence.setChecked(q.residence_proof)
        self.work.setChecked(q.work_proof)
        for edit, shown, empty in (
            (self.monthly_income, q.monthly_income, self.tr("CNY per month")),
            (
                self.statement_income,
                q.statement_average_income,
                self.tr("Average on the bank statements"),
            ),
        ):
            if q.masked:
                edit.clear()
                edit.setPlaceholderText(
                    self.tr("Saved: {masked} (hidden for your role; type to change)").format(
                        masked=shown
                    )
                    if shown
                    else empty
                )
            else:
                edit.setText(shown)
        self.declared_age.setText("" if q.declared_age is None else str(q.declared_age))
        self.overdue_count.setValue(q.overdue_count_24m)
        self.worst_overdue.setValue(q.worst_overdue_days)
        self.current_debt.setText(cny(q.current_debt))
        self.monthly_debt.setText(cny(q.monthly_debt_payments))
        self.utilisation.setText(format(q.card_utilisation_percent.normalize(), "f"))
        self.applications.setValue(q.recent_applications_3m)
        self.history_years.setText(
            "" if q.history_years is None else format(q.history_years.normalize(), "f")
        )
        self.credit_kinds.setText("" if q.credit_kinds is None else str(q.credit_kinds))
        self.recompute()

    # -- reading the form --------------------------------------------------------
    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Typed values and the fields that cannot be read (translated reasons)."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}

        def amount(key: str, edit: QLineEdit, default: Decimal | None) -> None:
            text = edit.text().strip()
            if not text:
                values[key] = default
                return
            values[key], problem = read_amount(text)
            if problem is not None:
                errors[key] = problem

        def number(key: str, edit: QLineEdit, whole: bool) -> None:
            text = edit.text().strip()
            if not text:
                values[key] = None
                return
            try:
                d = parse_decimal(text)
            except MoneyError:
                errors[key] = self.tr("Enter a number.")
                return
            if d < 0 or (whole and d != d.to_integral_value()):
                errors[key] = (
                    self.tr("Enter a whole number of 0 or more.")
                    if whole
                    else self.tr("Enter a number of 0 or more.")
                )
                return
            values[key] = int(d) if whole else d

        amount("monthly_income", self.monthly_income, None)
        amount("statement_average_income", self.statement_income, None)
        amount("current_debt", self.current_debt, Decimal(0))
        amount("monthly_debt_payments", self.monthly_debt, Decimal(0))
        number("card_utilisation_percent", self.utilisation, whole=False)
        number("history_years", self.history_years, whole=False)
        number("credit_kinds", self.credit_kinds, whole=True)
        number("declared_age", self.declared_age, whole=True)
        return values, errors

    def recompute(self, *_: object) -> None:
        """Grade what is on the screen with ``lending.qualification`` (live)."""
        values, errors = self._read()
        for key in (
            "monthly_income",
            "statement_average_income",
            "current_debt",
            "monthly_debt_payments",
            "card_utilisation_percent",
            "history_years",
            "credit_kinds",
            "declared_age",
        ):
            self.error_label(key).show_text(errors.get(key, ""))
        data = self._data
        birth = data.customer.birth_date if data else None
        saved = data.saved if data else None
        typed_income = bool(self.monthly_income.text().strip())
        if birth is None or errors or (not typed_income and saved is not None and saved.masked):
            self.result = None
            self._show_saved(saved)
            return
        contact = data.consultation.funnel.get(FunnelStage.CONTACT) if data else None
        application_day = contact.astimezone().date() if contact else date.today()
        q_in = lq.QualificationInput(
            documents=lq.Documents(
                income_proof_months=self.proof_months.value(),
                residence_proof=self.residence.isChecked(),
                work_proof=self.work.isChecked(),
                id_valid=self.id_seen.isChecked(),
            ),
            credit=lq.CreditFacts(
                overdue_count_24m=self.overdue_count.value(),
                worst_overdue_days=self.worst_overdue.value(),
                current_debt=values["current_debt"],
                monthly_debt_payments=values["monthly_debt_payments"],
                card_utilisation_percent=values["card_utilisation_percent"] or Decimal(0),
                recent_applications_3m=self.applications.value(),
                history_years=values["history_years"],
                credit_kinds=values["credit_kinds"],
            ),
            monthly_income=values["monthly_income"],
            birth_date=birth,
            application_date=application_day,
            declared_age=values["declared_age"],
            statement_average_income=values["statement_average_income"],
        )
        self.result = lq.qualify(q_in, self.ctx.settings)
        r = self.result
        self._show_result(
            r.grade.value if r.grade else None,
            r.score,
            r.hard_failures,
            r.reasons,
            r.warnings,
            r.recommendations,
        )

    def _show_saved(self, saved: cs.QualificationView | None) -> None:
        if saved is None:
            self._show_result(None, None, (), (), (), ())
            return
        self._show_result(
            saved.grade.value if saved.grade else None,
            saved.score,
            saved.hard_failures,
            saved.reasons,
            saved.warnings,
            saved.recommendations,
        )

    def _show_result(
        self,
        grade: str | None,
        score: int | None,
        failures: Any,
        reasons: Any,
        warnings: Any,
        advice: Any,
    ) -> None:
        self.grade.setText(grade or "–")
        self._style_grade(grade)
        if grade is None and failures:
            # a score beside no grade reads like a pass: say why there is no grade
            self.score.setText(self.tr("No grade until the requirements below are met."))
        else:
            self.score.setText(
                self.tr("Score {score} of 100").format(score=score) if score is not None else ""
            )
        self.likelihood.setText(self._likelihood_text(grade))
        fail_lines = [tr_reason(x) for x in failures]
        if fail_lines:
            # the heading is no bullet of its own
            self.failures.setText(
                "\n".join(
                    [self.tr("Not eligible yet. Tell the customer:")]
                    + [f"• {line}" for line in fail_lines]
                )
            )
            self.failures.setVisible(True)
        else:
            self.failures.set_lines([])
        self.warnings.set_lines(tr_reason(x) for x in warnings)
        self.advice.set_lines(tr_reason(x) for x in advice)
        self.reasons.setText("\n".join(f"• {tr_reason(x)}" for x in reasons))
        self.reasons_title.setVisible(bool(reasons))

    # -- saving ------------------------------------------------------------------
    def _likelihood_text(self, grade: str | None) -> str:
        """The catalogue's approval likelihood for ``grade``, for each product that offers
        it (the owner edits these figures with the products; none are kept here)."""
        cat = self._data.catalogue if self._data is not None else None
        if grade is None or cat is None:
            return ""
        lines = cat.likelihoods(lq.Grade(grade))
        if not lines:
            return self.tr(
                "No product in the catalogue is offered to grade {grade}: there is no loan "
                "to offer this customer."
            ).format(grade=grade)
        head = self.tr("Approval likelihood for grade {grade} (product catalogue):").format(
            grade=grade
        )
        rows = [
            self.tr("{product}: {low}-{high}%").format(
                product=line.product.name_zh
                if self.ctx.chinese and line.product.name_zh
                else line.product.name,
                low=format(line.min_percent.normalize(), "f"),
                high=format(line.max_percent.normalize(), "f"),
            )
            for line in lines
        ]
        return "\n".join([head, *(f"• {r}" for r in rows)])

    def _keeps_saved(self, edit: QLineEdit, shown: str) -> bool:
        """An empty field over a masked saved amount: the service keeps the saved one."""
        saved = self._data.saved if self._data else None
        return bool(saved is not None and saved.masked and shown and not edit.text().strip())

    def _validate_locally(self) -> dict[str, str]:
        _, errors = self._read()
        saved = self._data.saved if self._data else None
        keeps = saved is not None and self._keeps_saved(self.monthly_income, saved.monthly_income)
        if not self.monthly_income.text().strip() and not keeps:
            errors["monthly_income"] = self.tr("Enter the customer's monthly income.")
        return errors

    def _save_job(self) -> Any:
        db, actor = self.ctx.database, self.ctx.staff
        cid = self.consultation_id
        assert cid is not None
        saved = self._data.saved if self._data else None
        keep_income = saved is not None and self._keeps_saved(
            self.monthly_income, saved.monthly_income
        )
        keep_statement = saved is not None and self._keeps_saved(
            self.statement_income, saved.statement_average_income
        )
        form = cs.QualificationForm(
            # None keeps the saved (masked) amount
            monthly_income=None if keep_income else self.monthly_income.text(),
            statement_average_income=None if keep_statement else self.statement_income.text(),
            income_proof_months=self.proof_months.value(),
            residence_proof=self.residence.isChecked(),
            work_proof=self.work.isChecked(),
            id_valid=None if self.id_seen.isChecked() else False,
            overdue_count_24m=self.overdue_count.value(),
            worst_overdue_days=self.worst_overdue.value(),
            current_debt=self.current_debt.text() or "0",
            monthly_debt_payments=self.monthly_debt.text() or "0",
            card_utilisation_percent=self.utilisation.text() or "0",
            recent_applications_3m=self.applications.value(),
            history_years=self.history_years.text() or None,
            credit_kinds=self.credit_kinds.text() or None,
            declared_age=self.declared_age.text() or None,
        )

        version = self.expected_version()

        def job() -> QualificationData:
            cs.save_qualification(db, actor, cid, form, expected_version=version)
            view = cs.get_consultation(db, actor, cid)
            cust = customers.get_customer(db, actor, view.customer_id)
            saved = cs.get_qualification(db, actor, cid, unmasked=actor.can(Permission.VIEW_PII))
            products = catalogue.load_catalogue(db, actor.store_id)
            return QualificationData(view, cust, saved, products)

        return job

    def _saved(self, result: QualificationData) -> None:
        typed = self.monthly_income.text()
        self._loading = True
        try:
            self._show(result)
            if result.saved is not None and result.saved.masked and typed.strip():
                self.monthly_income.setText(typed)  # keep what the staff typed on screen
                self.recompute()
        finally:
            self._loading = False
        self.emit_consultation(result.consultation)
