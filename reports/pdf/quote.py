"""The quote: customer, vehicle, plans side by side, the chosen one highlighted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lending.schedule import RepaymentMethod
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports.pdf.base import CustomerDocument, escape
from reports.pdf.data import AddOnLine, PlanSummary, QuoteData
from reports.pdf.fonts import FontSet
from reports.pdf.styles import (
    ACCENT_LIGHT,
    CHOSEN,
    CHOSEN_EDGE,
    GRID,
    RULE,
    TABLE_SIZE,
    ZEBRA,
    grid_table_style,
    table_style,
)

TR_CONTEXT = "pdf"


class StrongParagraph(Paragraph):
    """A paragraph that reads as bold with any font: with a font set that has no bold face
    (one CJK TrueType file), the glyphs are filled and outlined (PDF text render mode 2)."""

    def __init__(self, text: str, style: Any, fake_bold: bool) -> None:
        super().__init__(text, style)
        self.fake_bold = fake_bold

    def draw(self) -> None:
        if not self.fake_bold:
            super().draw()
            return
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(0.35)
        canvas._code.append("2 Tr")  # type: ignore[attr-defined]  # fill and stroke; the text state ends with restoreState
        super().draw()
        canvas.restoreState()


def strong(doc: CustomerDocument, text: str, style: str) -> StrongParagraph:
    """``text`` in the bold face of ``style`` (or drawn bold when the fonts have none)."""
    return StrongParagraph(
        escape(text), doc.styles[style], fake_bold=doc.fonts.bold == doc.fonts.regular
    )


def info_grid(doc: CustomerDocument, pairs: list[tuple[str, str, str, str]]) -> Table:
    """Label/value, label/value rows on a light background."""
    rows = [
        [doc.para(a, "Label"), doc.para(b, "Value"), doc.para(c, "Label"), doc.para(d, "Value")]
        for a, b, c, d in pairs
    ]
    w = doc.content_width
    table = Table(rows, colWidths=[w * 0.17, w * 0.33, w * 0.17, w * 0.33])
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


def key_figures(doc: CustomerDocument, figures: list[tuple[str, str, str]]) -> Table:
    """A row of big numbers: (label, value, unit/sub-line)."""
    cells = [
        [doc.para(label, "KeyLabel") for label, _, _ in figures],
        [doc.para(value, "KeyValue") for _, value, _ in figures],
        [doc.para(unit, "KeyUnit") for _, _, unit in figures],
    ]
    n = len(figures)
    table = Table(cells, colWidths=[doc.content_width / n] * n)
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), CHOSEN),
                ("BOX", (0, 0), (-1, -1), 1.2, CHOSEN_EDGE),
                ("LINEAFTER", (0, 0), (-2, -1), 0.5, CHOSEN_EDGE),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
                ("TOPPADDING", (0, 1), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -2), 0),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def add_on_notes(doc: CustomerDocument, add_ons: Sequence[AddOnLine]) -> list[str]:
    """What is required and what is optional, never contradicting a row (quote and
    disclosure)."""
    _t = doc._t
    out: list[str] = []
    if any(a.required_insurance for a in add_ons):
        out.append(
            _t(
                "Required: full vehicle insurance for every year of the loan, the lender "
                "as first beneficiary; prices are for one year."
            )
        )
    optional = [a for a in add_ons if not a.required]
    if optional:
        out.append(
            _t(
                "Optional items can be declined without changing the approval or the "
                "rate of your loan."
            )
        )
    return out


def total_cost_text(doc: CustomerDocument, p: PlanSummary) -> str:
    """ "Total cost of the car X = down payment + total repayment + required insurance"
    (+ the on-road lines paid in cash, the finance service fee counted once)."""
    if p.deal_costs or p.finance_service_fee:
        text = doc._t(
            "Total cost of the car {total} = down payment {down} + total repayment "
            "{repayment} + on-road lines paid in cash {cash}"
        ).format(
            total=doc.cny(p.total_cost),
            down=doc.cny(p.down_payment),
            repayment=doc.cny(p.total_repayment),
            cash=doc.cny(p.deal_costs + p.finance_service_fee),
        )
        if p.required_insurance:
            text += doc._t(" + required insurance {insurance} ({years} years)").format(
                insurance=doc.cny(p.required_insurance), years=p.insurance_years
            )
        if p.finance_service_fee:
            text += doc._t(
                " - the finance service fee {fee}, which is in the loan's fees and counted once"
            ).format(fee=doc.cny(p.finance_service_fee))
        return text + doc._t(". Optional items are not included.")
    if p.required_insurance:
        return doc._t(
            "Total cost of the car {total} = down payment {down} + total repayment "
            "{repayment} + required insurance {insurance} ({years} years). Optional "
            "items are not included."
        ).format(
            total=doc.cny(p.total_cost),
            down=doc.cny(p.down_payment),
            repayment=doc.cny(p.total_repayment),
            insurance=doc.cny(p.required_insurance),
            years=p.insurance_years,
        )
    return doc._t(
        "Total cost of the car {total} = down payment {down} + total repayment "
        "{repayment}. Optional items are not included."
    ).format(
        total=doc.cny(p.total_cost),
        down=doc.cny(p.down_payment),
        repayment=doc.cny(p.total_repayment),
    )


class QuoteDocument(CustomerDocument):
    title = "Car loan quote"

    def __init__(self, data: QuoteData, **kwargs: object) -> None:
        super().__init__(
            store=data.store,
            document_no=data.document_no,
            issued_on=data.issued_on,
            reprinted_on=data.reprinted_on,
            names=data.names,
            **kwargs,  # type: ignore[arg-type]
        )
        self.data = data

    def section(self, text: str) -> Paragraph:
        return self.para(text, "Section")

    def parties(self) -> Table:
        d, _t = self.data, self._t
        return info_grid(
            self,
            [
                (_t("Customer"), d.customer.name, _t("Consultant"), d.consultant or "-"),
                (
                    _t("ID number"),
                    d.customer.id_number_masked or "-",
                    _t("Quote date"),
                    self.date(d.issued_on),
                ),
                (
                    _t("Mobile"),
                    d.customer.phone_masked or "-",
                    _t("Valid until"),
                    self.date(d.valid_until),
                ),
            ],
        )

    def vehicle(self) -> list[Flowable]:
        v, _t = self.data.vehicle, self._t
        if v is None:
            return []
        appraised = self.cny(v.appraisal_value)
        if v.overridden:
            appraised += " " + _t("(set by the appraiser)")
        mileage = "-" if v.mileage_km is None else _t("{km} km").format(km=f"{v.mileage_km:,}")
        return [
            self.section(_t("Vehicle and appraisal")),
            info_grid(
                self,
                [
                    (_t("Vehicle"), f"{v.brand} {v.model}".strip(), _t("VIN"), v.vin or "-"),
                    (
                        _t("First registration"),
                        self.date(v.first_registration),
                        _t("Mileage"),
                        mileage,
                    ),
                    (
                        _t("Condition"),
                        self.label("condition", v.condition),
                        _t("Reference price"),
                        self.cny(v.reference_price),
                    ),
                    (
                        _t("Appraised value"),
                        appraised,
                        _t("Vehicle price"),
                        self.cny(v.vehicle_price),
                    ),
                ],
            ),
        ]

    def deal(self) -> list[Flowable]:
        """The on-the-road price line by line, the trade-in, paid today and financed."""
        d, _t = self.data.deal, self._t
        if d is None:
            return []
        cash, financed = _t("paid in cash"), _t("financed")
        rows: list[list[object]] = [[_t("Item"), _t("Amount (CNY)"), _t("How it is paid")]]
        rows.append(
            [
                self.para(_t("Vehicle price"), "Cell"),
                self.para(self.money(d.vehicle_price), "CellRight"),
                self.para(_t("down payment and loan"), "Cell"),
            ]
        )
        for line in d.lines:
            rows.append(
                [
                    self.para(self.tr.reason(line.label), "Cell"),
                    self.para(self.money(line.amount), "CellRight"),
                    self.para(financed if line.financed else cash, "Cell"),
                ]
            )
        bold_rows = [len(rows)]
        rows.append(
            [
                strong(self, _t("On-the-road price"), "CellBold"),
                strong(self, self.money(d.on_road_total), "CellBoldRight"),
                "",
            ]
        )
        if d.financed_add_ons:
            rows.append(
                [
                    self.para(_t("Add-ons financed with the loan"), "Cell"),
                    self.money(d.financed_add_ons),
                    self.para(financed, "Cell"),
                ]
            )
        if d.has_trade_in:
            rows.append(
                [self.para(_t("Trade-in value"), "Cell"), self.money(d.trade_in_value or 0), ""]
            )
            if d.trade_in_owed:
                rows.append(
                    [
                        self.para(
                            _t("Loan still owed on the trade-in (settled by the dealer)"), "Cell"
                        ),
                        f"-{self.money(d.trade_in_owed)}",
                        "",
                    ]
                )
            for name, amount in d.trade_in_subsidies:
                rows.append([self.para(name, "Cell"), self.money(amount), ""])
            rows.append(
                [
                    self.para(_t("Trade-in towards the down payment"), "Cell"),
                    self.money(d.trade_in_credit),
                    "",
                ]
            )
        rows.append(
            [
                self.para(_t("Down payment (trade-in included)"), "Cell"),
                self.money(d.down_payment),
                "",
            ]
        )
        bold_rows.append(len(rows))
        rows.append(
            [
                strong(self, _t("Financed (loan amount)"), "CellBold"),
                strong(self, self.money(d.loan_amount), "CellBoldRight"),
                self.para(
                    _t("price and financed lines {total} - down payment").format(
                        total=self.money(d.financed_total)
                    ),
                    "Cell",
                ),
            ]
        )
        bold_rows.append(len(rows))
        rows.append(
            [
                strong(self, _t("Paid today"), "CellBold"),
                strong(self, self.money(d.paid_today), "CellBoldRight"),
                self.para(_t("down payment - trade-in + lines paid in cash"), "Cell"),
            ]
        )
        w = self.content_width
        table = Table(rows, colWidths=[w * 0.45, w * 0.2, w * 0.35], repeatRows=1)
        cmds = grid_table_style(self.fonts)
        cmds += [
            ("ALIGN", (1, 1), (1, -1), "RIGHT"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ]
        for row in bold_rows:
            cmds.append(("BACKGROUND", (0, row), (-1, row), CHOSEN))
        table.setStyle(table_style(cmds))
        return [self.section(_t("On-the-road price and what you pay today")), table]

    def balloon_text(self, p: PlanSummary) -> str:
        return self._t("Balloon {amount}, due {date} with the last payment").format(
            amount=self.cny(p.balloon), date=self.date(p.balloon_due)
        )

    def subsidy_text(self, p: PlanSummary) -> str:
        """ "Subsidised by …": who pays the difference; the customer's own rate and APR."""
        by = p.subsidised_by_zh if self.zh and p.subsidised_by_zh else p.subsidised_by
        return self._t(
            "The rate of {product} is subsidised by {by}: you pay a nominal "
            "{rate} a year, an APR of {apr} with every fee; {by} pays the lender "
            "the difference."
        ).format(
            product=p.name(self.lang),
            by=by,
            rate=self.percent(p.annual_rate),
            apr=self.percent(p.apr),
        )

    def headline(self, plan: PlanSummary) -> list[Flowable]:
        _t = self._t
        if plan.payments_equal:
            monthly_unit = _t("every month")
        elif plan.method is RepaymentMethod.EQUAL_INSTALLMENT and not plan.final_notice:
            monthly_unit = _t("last payment {last}").format(last=self.money(plan.last_payment))
        else:
            monthly_unit = _t("first month, then see the plan")
        label = _t("Chosen plan") if plan.chosen else _t("Plan")
        caption = f"{label}{self.colon}{plan.name(self.lang)}"
        if plan.lender:
            caption += f" / {self.lender_name(plan.lender)}"
        out: list[Flowable] = [
            self.section(caption),
            key_figures(
                self,
                [
                    (_t("Monthly payment"), self.money(plan.first_payment), monthly_unit),
                    (_t("Down payment"), self.money(plan.down_payment), _t("CNY")),
                    (_t("Term"), str(plan.term_months), _t("months")),
                    (
                        _t("APR (IRR)"),
                        self.percent(plan.apr),
                        _t("nominal rate {rate}").format(rate=self.percent(plan.annual_rate)),
                    ),
                ],
            ),
        ]
        if plan.balloon:
            out += [Spacer(1, 1.5 * mm), strong(self, self.balloon_text(plan), "Emphasis")]
        if plan.subsidised_by:
            out += [Spacer(1, 1 * mm), self.para(self.subsidy_text(plan), "Note")]
        return out

    def comparison(self) -> list[Flowable]:
        d, _t = self.data, self._t
        plans = d.plans
        metric: list[tuple[str, Callable[[PlanSummary], str | Paragraph]]] = [
            (_t("Lender"), lambda p: self.para(self.lender_name(p.lender) or "-", "CellRight")),
            (_t("Repayment method"), lambda p: self.method(p.method)),
            (_t("Monthly payment"), self.payment_text),
            (_t("Down payment"), lambda p: self.money(p.down_payment)),
            (_t("Loan amount"), lambda p: self.money(p.loan_amount)),
            (_t("Term"), lambda p: self.months(p.term_months)),
            (_t("Nominal annual rate"), lambda p: self.percent(p.annual_rate)),
            (_t("APR (true annual rate, IRR)"), lambda p: self.percent(p.apr)),
            (_t("Total interest"), lambda p: self.money(p.total_interest)),
            (_t("Total fees"), lambda p: self.money(p.total_fees)),
            (_t("Total repayment"), lambda p: self.money(p.total_repayment)),
        ]
        if any(p.balloon for p in plans):
            metric.insert(3, (_t("Balloon (with the last payment)"), self.balloon_cell))
        if any(p.subsidised_by for p in plans):
            metric.append(
                (
                    _t("Subsidised by"),
                    lambda p: self.para(
                        (p.subsidised_by_zh if self.zh and p.subsidised_by_zh else p.subsidised_by)
                        or "-",
                        "CellRight",
                    ),
                )
            )
        if any(p.required_insurance for p in plans):
            metric.append((_t("Required insurance (a year × years)"), self.insurance_text))
        metric += [
            (_t("Total cost of the car"), lambda p: self.money(p.total_cost)),
            (_t("Approval time"), lambda p: self.approval(p)),
        ]
        head = [self.para(_t("Amounts in CNY"), "Cell")]
        for p in plans:
            name = p.name(self.lang)
            if p.chosen:
                name += "\n" + _t("(chosen)")
            head.append(self.para(name, "CellHead"))
        rows: list[list[Any]] = [head]
        for label, value in metric:
            rows.append([self.para(label, "Cell"), *[value(p) for p in plans]])
        w = self.content_width
        label_w = w * 0.27
        col_w = (w - label_w) / max(len(plans), 1)
        table = Table(rows, colWidths=[label_w] + [col_w] * len(plans), repeatRows=1)
        cmds = grid_table_style(self.fonts)
        cmds += [
            ("BACKGROUND", (0, 0), (0, 0), colors.white),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.25, GRID),
        ]
        for row, (label, _) in enumerate(metric, start=1):
            if label in (
                _t("APR (true annual rate, IRR)"),
                _t("Monthly payment"),
                _t("Total cost of the car"),
                _t("Balloon (with the last payment)"),
            ):
                cmds.append(
                    ("FONT", (1, row), (-1, row), self.fonts.bold, TABLE_SIZE, TABLE_SIZE * 1.3)
                )
        for col, p in enumerate(plans, start=1):
            if p.chosen:
                cmds += [
                    ("BACKGROUND", (col, 1), (col, -1), CHOSEN),
                    ("BACKGROUND", (col, 0), (col, 0), CHOSEN_EDGE),
                    ("BOX", (col, 0), (col, -1), 1.4, CHOSEN_EDGE),
                ]
        table.setStyle(table_style(cmds))
        return [self.section(_t("Plans compared")), table]

    def balloon_cell(self, p: PlanSummary) -> str:
        if not p.balloon:
            return "-"
        return f"{self.money(p.balloon)}\n{self.date(p.balloon_due)}"

    def payment_text(self, p: PlanSummary) -> str:
        """The monthly payment; how it changes for the methods where it does."""
        _t, first = self._t, self.money(p.first_payment)
        if p.method is RepaymentMethod.EQUAL_PRINCIPAL:
            return _t("{first} first, falling to {last}").format(
                first=first, last=self.money(p.last_payment)
            )
        if p.method is RepaymentMethod.STEP_UP:
            return _t("{first} first, rising to {max}").format(
                first=first, max=self.money(p.max_payment)
            )
        if p.method is RepaymentMethod.INTEREST_FIRST:
            return _t("{first}; last payment {last}").format(
                first=first, last=self.money(p.last_payment)
            )
        if p.balloon:
            return _t("{first}; balloon {balloon} at the end").format(
                first=first, balloon=self.money(p.balloon)
            )
        return first

    def insurance_text(self, p: PlanSummary) -> Paragraph:
        """ "6,800.00 × 3 = 20,400.00": the price per year times the years of the term."""
        return self.para(
            f"{self.money(p.required_insurance_per_year)} × {p.insurance_years}"
            f" = {self.money(p.required_insurance)}",
            "CellRight",
        )

    def approval(self, p: PlanSummary) -> str:
        if p.approval_days is None:
            return "-"
        lo, hi = p.approval_days
        if hi == 0:
            return self._t("same day")
        return self._t("{min}-{max} working days").format(min=lo, max=hi)

    def add_ons(self) -> list[Flowable]:
        d, _t = self.data, self._t
        if not d.add_ons:
            return []
        rows: list[list[object]] = [[_t("Item"), _t("Type"), _t("Price (CNY)"), _t("Status")]]
        for a in d.add_ons:
            status = (
                _t("required by the lender; you choose the insurer")
                if a.required_insurance
                else (_t("required by the lender") if a.required else _t("optional"))
            )
            price = (
                _t("{amount} a year").format(amount=self.money(a.price))
                if a.per_year
                else self.money(a.price)
            )
            rows.append(
                [
                    self.para(self.add_on_name(a), "Cell"),
                    self.label("add_on_kind", a.kind),
                    price,
                    self.para(status, "Cell"),
                ]
            )
        w = self.content_width
        table = Table(rows, colWidths=[w * 0.36, w * 0.11, w * 0.17, w * 0.36], repeatRows=1)
        cmds = grid_table_style(self.fonts)
        cmds += [
            ("ALIGN", (2, 1), (2, -1), "RIGHT"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ]
        table.setStyle(table_style(cmds))
        return [
            self.section(_t("Insurance and add-ons (priced separately)")),
            table,
            Spacer(1, 1.5 * mm),
            self.para(self.space.join(add_on_notes(self, d.add_ons)), "Note"),
        ]

    def notes(self) -> list[Flowable]:
        d, _t = self.data, self._t
        afford = (
            _t(
                "Affordability: your monthly debt payments, this loan included, should "
                "not exceed {limit}% of your monthly income."
            ).format(limit=self.plain_number(d.max_dti_percent))
            + self.space
            + self.largest_payment_text(d.chosen or d.plans[0])
        )
        if d.dti is not None:
            afford += self.space + self.reason(d.dti.reason)
        lines: list[tuple[str, str]] = [
            (afford, "Note" if d.dti is None or d.dti.ok else "Warning")
        ]
        chosen = d.chosen or d.plans[0]
        if d.insurance_required and not any(a.required_insurance for a in d.add_ons):
            lines.append(
                (
                    _t(
                        "The lender requires full vehicle insurance with the lender as "
                        "first beneficiary. You choose the insurer."
                    ),
                    "Note",
                )
            )
        if chosen.total_cost is not None:
            lines.append((total_cost_text(self, chosen), "Note"))
        for p in d.plans:
            if p.subsidised_by and p is not chosen:
                lines.append((self.subsidy_text(p), "Note"))
            for w in (*p.warnings, *([p.final_notice] if p.final_notice else [])):
                lines.append((f"{p.name(self.lang)}{self.colon}{self.reason(w)}", "Warning"))
            if p.rate_notice is not None:
                lines.append(
                    (f"{p.name(self.lang)}{self.colon}{self.reason(p.rate_notice)}", "Note")
                )
        lines += [
            (
                _t(
                    "The APR is the true annual cost of the loan, worked out from the amount you "
                    "actually receive and every payment including fees (IRR method)."
                ),
                "Note",
            ),
            (
                _t(
                    "This quote is valid until {date} and subject to the lender's approval. The "
                    "loan contract governs."
                ).format(date=self.date(d.valid_until)),
                "Note",
            ),
        ]
        body: list[Flowable] = [self.section(_t("Please note"))]
        body += [self.para(f"{n}. {text}", style) for n, (text, style) in enumerate(lines, start=1)]
        return body

    def signatures(self) -> Flowable:
        _t = self._t
        rows = [
            [
                self.para(_t("Consultant: {name}").format(name=self.data.consultant), "Signature"),
                self.para(_t("Customer signature: ____________  Date: ________"), "Signature"),
            ]
        ]
        table = Table(rows, colWidths=[self.content_width / 2] * 2)
        table.setStyle(
            table_style(
                [("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE), ("TOPPADDING", (0, 0), (-1, -1), 6)]
            )
        )
        return table

    def story(self) -> list[Flowable]:
        d = self.data
        chosen = d.chosen or d.plans[0]
        story: list[Flowable] = [
            self.parties(),
            *self.vehicle(),
            *self.deal(),
            *self.headline(chosen),
            *self.comparison(),
            *self.add_ons(),
        ]
        story.append(KeepTogether([*self.notes(), Spacer(1, 2 * mm), self.signatures()]))
        return story


def render_quote(
    data: QuoteData,
    lang: str | None = None,
    *,
    fonts: FontSet | None = None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> bytes:
    """The quote as PDF bytes (Chinese unless ``lang`` is English)."""
    return QuoteDocument(data, lang=lang, fonts=fonts, settings=settings).render()
