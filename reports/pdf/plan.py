"""The repayment plan: every installment, header repeated on each page, totals."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from lending.money import format_cny
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports.pdf.base import CustomerDocument
from reports.pdf.data import PlanSummary, RepaymentPlanData
from reports.pdf.fonts import FontSet
from reports.pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    GRID,
    RULE,
    TABLE_SIZE,
    ZEBRA,
    table_style,
)

TR_CONTEXT = "pdf"

# Column widths in mm: period, due date, payment, principal, interest, fee, balance.
COLUMNS_MM = (14, 26, 26, 26, 24, 20, 30)


def summary_table(
    doc: CustomerDocument, plan: PlanSummary, customer_name: str, customer_id: str
) -> Table:
    """Two label/value column pairs describing the loan (shared with the disclosure)."""
    _t = doc._t
    pairs = [
        (_t("Customer"), customer_name, _t("ID number"), customer_id or "-"),
        (_t("Product"), plan.name(doc.lang), _t("Lender"), doc.lender_name(plan.lender) or "-"),
        (_t("Loan amount"), doc.cny(plan.loan_amount), _t("Term"), doc.months(plan.term_months)),
        (
            _t("Repayment method"),
            doc.method(plan.method),
            _t("Nominal annual rate"),
            doc.percent(plan.annual_rate),
        ),
        (
            _t("APR (true annual rate, IRR)"),
            doc.percent(plan.apr),
            _t("Effective annual rate"),
            doc.percent(plan.effective_annual_rate),
        ),
        (
            _t("Loan start date"),
            doc.date(plan.start_date),
            _t("First due date"),
            doc.date(plan.first_due_date),
        ),
        (
            _t("Up-front fee"),
            doc.cny(plan.upfront_fee),
            _t("Total repayment"),
            doc.cny(plan.total_repayment),
        ),
    ]
    rows = [
        [doc.para(a, "Label"), doc.para(b, "Value"), doc.para(c, "Label"), doc.para(d, "Value")]
        for a, b, c, d in pairs
    ]
    w = doc.content_width
    table = Table(rows, colWidths=[w * 0.23, w * 0.27, w * 0.23, w * 0.27])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def installment_rows(data: RepaymentPlanData) -> list[list[str]]:
    """Body rows as plain strings (fast to lay out even for 480 periods)."""
    return [
        [
            str(r.period),
            r.due_date.isoformat(),
            format_cny(r.payment),
            format_cny(r.principal),
            format_cny(r.interest),
            format_cny(r.fee),
            format_cny(r.balance),
        ]
        for r in data.rows
    ]


class RepaymentPlanDocument(CustomerDocument):
    title = "Repayment plan"

    def __init__(self, data: RepaymentPlanData, **kwargs: object) -> None:
        super().__init__(
            store=data.store,
            document_no=data.document_no,
            issued_on=data.issued_on,
            reprinted_on=data.reprinted_on,
            names=data.names,
            **kwargs,  # type: ignore[arg-type]
        )
        self.data = data

    def story(self) -> list[Flowable]:
        d, _t = self.data, self._t
        heads = [
            _t("Period"),
            _t("Due date"),
            _t("Payment"),
            _t("Principal"),
            _t("Interest"),
            _t("Fee"),
            _t("Balance"),
        ]
        totals = [
            _t("Total"),
            "",
            format_cny(d.total_payments),
            format_cny(d.total_principal),
            format_cny(d.total_interest),
            format_cny(d.total_fees),
            "",
        ]
        body = installment_rows(d)
        widths = [w * mm for w in COLUMNS_MM]
        scale = self.content_width / sum(widths)
        table = Table([heads, *body, totals], colWidths=[w * scale for w in widths], repeatRows=1)
        last = len(body) + 1
        # Few whole-table commands and no SPAN: ReportLab applies every command to
        # every cell, and re-computes spans at each page split (bench/pdf.py).
        fonts, size, leading = self.fonts, TABLE_SIZE, TABLE_SIZE * 1.3
        cmds: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), fonts.regular, size, leading),
            ("TOPPADDING", (0, 0), (-1, -1), 1.7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.7),
            ("ALIGN", (0, 0), (1, -1), "CENTER"),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, last - 1), [None, ZEBRA]),  # None: nothing drawn
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONT", (0, 0), (-1, 0), fonts.bold, size, leading),
            ("FONT", (0, last), (-1, last), fonts.bold, size, leading),
            ("BACKGROUND", (0, last), (-1, last), ACCENT_LIGHT),
            ("LINEABOVE", (0, last), (-1, last), 1, ACCENT),
        ]
        table.setStyle(table_style(cmds))
        notes = [
            _t(
                "Each payment is due on the date shown. Payment = principal + interest + fee; "
                "the balance is the principal still owed after the payment."
            ),
            _t(
                "Total repayment {total} = the installments above {installments} + the up-front "
                "fee {upfront}."
            ).format(
                total=self.cny(d.plan.total_repayment),
                installments=self.cny(d.total_payments),
                upfront=self.cny(d.plan.upfront_fee),
            ),
            _t("This plan is for reference; the loan contract signed with the lender governs."),
        ]
        return [
            summary_table(self, d.plan, d.customer.name, d.customer.id_number_masked),
            Spacer(1, 3 * mm),
            table,
            Spacer(1, 2 * mm),
            *[self.para(n, "Small") for n in notes],
        ]


def render_plan(
    data: RepaymentPlanData,
    lang: str | None = None,
    *,
    fonts: FontSet | None = None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> bytes:
    """The repayment plan as PDF bytes (Chinese unless ``lang`` is English)."""
    return RepaymentPlanDocument(data, lang=lang, fonts=fonts, settings=settings).render()
