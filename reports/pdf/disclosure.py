"""The disclosure sheet (key facts statement) handed over before signing."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lending.cost import car_cost
from lending.money import ZERO
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports.pdf.base import CustomerDocument
from reports.pdf.data import DisclosureData
from reports.pdf.fonts import FontSet
from reports.pdf.plan import summary_table
from reports.pdf.quote import key_figures, total_cost_text
from reports.pdf.styles import (
    RULE,
    WARN,
    WARN_LIGHT,
    ZEBRA,
    grid_table_style,
    table_style,
)

TR_CONTEXT = "pdf"


class DisclosureDocument(CustomerDocument):
    title = "Key facts statement"

    def __init__(self, data: DisclosureData, **kwargs: object) -> None:
        super().__init__(
            store=data.store,
            document_no=data.document_no,
            issued_on=data.issued_on,
            reprinted_on=data.reprinted_on,
            names=data.names,
            **kwargs,  # type: ignore[arg-type]
        )
        self.data = data
        self._number = 0

    def section(self, text: str) -> Paragraph:
        self._number += 1
        return self.para(f"{self._number}. {text}", "Section")

    def price(self) -> list[Flowable]:
        p, _t = self.data.plan, self._t
        return [
            self.section(_t("Price of the loan")),
            key_figures(
                self,
                [
                    (_t("APR (IRR)"), self.percent(p.apr), _t("true annual rate")),
                    (_t("Total interest"), self.money(p.total_interest), _t("CNY")),
                    (_t("Total fees"), self.money(p.total_fees), _t("CNY")),
                    (_t("Total repayment"), self.money(p.total_repayment), _t("CNY")),
                ],
            ),
            Spacer(1, 1.5 * mm),
            self.para(
                _t(
                    "The nominal annual rate is {rate}. The APR of {apr} is the true "
                    "annual cost: it is worked out by the IRR method from what you actually "
                    "receive ({net}, the loan less the up-front fee) and every payment "
                    "including fees."
                ).format(
                    rate=self.percent(p.annual_rate),
                    apr=self.percent(p.apr),
                    net=self.cny(p.net_proceeds),
                )
                + self.space
                + _t(
                    "The effective annual rate with monthly compounding, "
                    "{ear}, is for reference only; compare loans by the "
                    "APR."
                ).format(ear=self.percent(p.effective_annual_rate)),
                "Note",
            ),
            *(
                [self.para(self.reason(self.data.rate_notice), "Note")]
                if self.data.rate_notice is not None
                else []
            ),
        ]

    def loan(self) -> list[Flowable]:
        d, p, _t = self.data, self.data.plan, self._t
        method_notes = {
            "equal_installment": _t("The same payment every month.")
            if p.payments_equal
            else _t("The same payment every month except the last, which settles the rounding."),
            "equal_principal": _t(
                "The same principal every month (the last one settles the "
                "rounding); the payment falls over time."
            ),
            "interest_first": _t(
                "Interest only each month; the whole principal is repaid with the last payment."
            ),
            "step_up": _t("The payment rises by {percent} every {months} months.").format(
                percent=self.percent(p.step_percent), months=p.step_months
            ),
            "balloon": _t(
                "The same payment every month, and a balloon of {balloon} paid with "
                "the last payment on {date}."
            ).format(balloon=self.cny(p.balloon), date=self.date(p.balloon_due)),
        }
        payments = _t(
            "First payment {first}; highest payment {max}; last payment {last}, due {date}."
        ).format(
            first=self.cny(p.first_payment),
            max=self.cny(p.max_payment),
            last=self.cny(p.last_payment),
            date=self.date(p.last_due_date),
        )
        return [
            self.section(_t("Lender, product and loan")),
            summary_table(self, p, d.customer.name, d.customer.id_number_masked),
            Spacer(1, 1.5 * mm),
            self.para(
                f"{self.method(p.method)}{self.colon}{method_notes[p.method.value]} {payments}",
                "Note",
            ),
        ]

    def fees(self) -> list[Flowable]:
        f, p, _t = self.data.fees, self.data.plan, self._t
        none = _t("Not charged for this loan.")
        if f.upfront_fee == 0:
            upfront_formula = none
        elif f.upfront_fee_percent == 0:
            upfront_formula = _t("A fixed {fixed}, paid at the start").format(
                fixed=self.cny(f.upfront_fee_fixed)
            )
        elif f.upfront_fee_fixed == 0:
            upfront_formula = _t("{percent} of the loan amount, paid at the start").format(
                percent=self.percent(f.upfront_fee_percent)
            )
        else:
            upfront_formula = _t(
                "{fixed} + {percent} of the loan amount, paid at the start"
            ).format(
                fixed=self.cny(f.upfront_fee_fixed), percent=self.percent(f.upfront_fee_percent)
            )
        monthly_formula = (
            none
            if f.monthly_fee == 0
            else _t(
                "{percent} of the original principal every month; {total} over the term"
            ).format(
                percent=self.percent(f.monthly_fee_rate_percent),
                total=self.cny(f.total_periodic_fees),
            )
        )
        service_formula = ""
        if f.finance_service_fee:
            service_formula = (
                _t("Charged by the dealer for arranging the loan; financed with the loan")
                if f.finance_service_fee_financed
                else _t("Charged by the dealer for arranging the loan; paid at the start")
            ) + _t("; a loan fee, included in the APR")
        ex = f.early_settlement_example
        if f.early_repayment_fee_percent == 0:
            early_formula = none
        else:
            early_formula = _t("{percent} of the principal repaid early").format(
                percent=self.percent(f.early_repayment_fee_percent)
            )
            if ex is not None:
                early_formula += _t(
                    "; e.g. settling after payment {period}: {principal} principal, fee {fee}"
                ).format(
                    period=ex.after_period,
                    principal=self.cny(ex.remaining_principal),
                    fee=self.cny(ex.early_repayment_fee),
                )
        if f.overdue_penalty_percent_per_day == 0:
            overdue_formula = none
        else:
            overdue_formula = _t("{percent} of the overdue amount per day").format(
                percent=self.percent(f.overdue_penalty_percent_per_day)
            )
            if f.overdue_example_amount is not None and f.overdue_example_penalty is not None:
                overdue_formula += _t("; e.g. {amount} overdue for {days} days: {penalty}").format(
                    amount=self.cny(f.overdue_example_amount),
                    days=f.overdue_example_days,
                    penalty=self.cny(f.overdue_example_penalty),
                )
        rows: list[list[object]] = [
            [_t("Fee"), _t("Amount"), _t("How it is worked out")],
            [
                self.para(_t("Up-front account fee"), "Cell"),
                self.money(f.upfront_fee),
                self.para(upfront_formula, "Cell"),
            ],
            [
                self.para(_t("Account management fee"), "Cell"),
                _t("{amount} / month").format(amount=self.money(f.monthly_fee)),
                self.para(monthly_formula, "Cell"),
            ],
            [
                self.para(_t("Early repayment fee"), "Cell"),
                _t("by formula"),
                self.para(early_formula, "Cell"),
            ],
            [
                self.para(_t("Overdue penalty interest"), "Cell"),
                _t("by formula"),
                self.para(overdue_formula, "Cell"),
            ],
        ]
        if f.finance_service_fee:
            rows.insert(
                2,
                [
                    self.para(_t("Finance service fee (dealer)"), "Cell"),
                    self.money(f.finance_service_fee),
                    self.para(service_formula, "Cell"),
                ],
            )
        w = self.content_width
        table = Table(rows, colWidths=[w * 0.24, w * 0.18, w * 0.58], repeatRows=1)
        cmds = grid_table_style(self.fonts)
        cmds += [
            ("ALIGN", (1, 1), (1, -1), "RIGHT"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ]
        table.setStyle(table_style(cmds))
        return [
            self.section(_t("Fees")),
            table,
            Spacer(1, 1.5 * mm),
            self.para(
                _t("Total fees over the loan: {total}. No other fee is charged.").format(
                    total=self.cny(p.total_fees)
                ),
                "Note",
            ),
        ]

    def insurance(self) -> list[Flowable]:
        d, p, _t = self.data, self.data.plan, self._t
        out: list[Flowable] = [self.section(_t("Insurance and add-ons"))]
        required = [a for a in d.add_ons if a.required_insurance]
        if required:
            items = self.semicolon.join(
                _t("{name}: {price} a year × {years} years = {total}").format(
                    name=self.add_on_name(a),
                    price=self.cny(a.price),
                    years=p.insurance_years,
                    total=self.cny(car_cost(ZERO, ZERO, p.term_months, a.price).required_insurance),
                )
                for a in required
            )
            out.append(
                self.para(
                    _t(
                        "Required by the lender for the whole term, with the lender "
                        "as first beneficiary; you choose the insurer: {items}."
                    ).format(items=items),
                    "Note",
                )
            )
        elif d.insurance_required:
            out.append(
                self.para(
                    _t(
                        "The lender requires full vehicle insurance for the whole "
                        "term, with the lender as first beneficiary. You choose "
                        "the insurer."
                    ),
                    "Note",
                )
            )
        else:
            out.append(
                self.para(_t("The lender does not require any insurance for this loan."), "Note")
            )
        other_required = [a for a in d.add_ons if a.required and not a.required_insurance]
        if other_required:
            items = self.semicolon.join(
                f"{self.add_on_name(a)} {self.cny(a.price)}" for a in other_required
            )
            out.append(
                self.para(
                    _t("Required by the lender, quoted for you: {items}.").format(items=items),
                    "Note",
                )
            )
        optional = [a for a in d.add_ons if not a.required]
        if optional:
            items = self.semicolon.join(
                f"{self.add_on_name(a)} "
                + (
                    _t("{amount} a year").format(amount=self.cny(a.price))
                    if a.per_year
                    else self.cny(a.price)
                )
                for a in optional
            )
            out.append(
                self.para(
                    _t("Optional add-ons offered to you: {items}.").format(items=items), "Note"
                )
            )
            out.append(
                self.para(
                    _t(
                        "Items marked optional are not required: declining them "
                        "does not change the approval or the rate of your loan."
                    ),
                    "Note",
                )
            )
        if p.total_cost is not None:
            out.append(self.para(total_cost_text(self, p), "Note"))
        return out

    def cooling_off(self) -> list[Flowable]:
        d, _t = self.data, self._t
        if d.cooling_off_days:
            period = _t("{n} days").format(n=d.cooling_off_days)
        else:
            period = _t("{n} hours").format(n=d.cooling_off_hours)
        return [
            self.section(_t("Cooling-off period")),
            self.para(
                _t(
                    "You may withdraw from the loan within {period} after signing, without "
                    "giving a reason, by telling the store or the lender."
                ).format(period=period),
                "Note",
            ),
        ]

    def affordability(self) -> list[Flowable]:
        d, _t = self.data, self._t
        out: list[Flowable] = [
            self.section(_t("Affordability")),
            self.para(
                _t(
                    "Your monthly debt payments, this loan included, should not exceed "
                    "{limit}% of your monthly income."
                ).format(limit=self.plain_number(d.max_dti_percent))
                + self.space
                + self.largest_payment_text(d.plan),
                "Note",
            ),
        ]
        warnings = []
        if d.dti is not None and not d.dti.ok:
            warnings.append(_t("Warning: {reason}").format(reason=self.reason(d.dti.reason)))
        elif d.dti is not None:
            out.append(self.para(self.reason(d.dti.reason), "Note"))
        for w in (*d.plan.warnings, *([d.plan.final_notice] if d.plan.final_notice else [])):
            warnings.append(self.reason(w))
        if warnings:
            box = Table(
                [[self.para(w, "Warning")] for w in warnings], colWidths=[self.content_width]
            )
            box.setStyle(
                table_style(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), WARN_LIGHT),
                        ("BOX", (0, 0), (-1, -1), 0.8, WARN),
                    ]
                )
            )
            out.append(box)
        return out

    def complaints(self) -> list[Flowable]:
        # The default channels, printed when the store has not configured its own.
        _t, d = self._t, self.data
        channel = d.store.complaint_channel or _t(
            "Ask the store manager on duty first. You can also call the lender's customer "
            "service, or the consumer hotline of the financial regulator, 12378."
        )
        phones = []
        if d.store.phone:
            phones.append(_t("{store}: {phone}").format(store=d.store.name, phone=d.store.phone))
        lender_tel = self.lender_phone(d.plan.lender)
        if lender_tel:
            phones.append(
                _t("{lender} customer service: {phone}").format(
                    lender=self.lender_name(d.plan.lender), phone=lender_tel
                )
            )
        if phones:
            channel += self.space + _t("Phone: {phones}.").format(
                phones=self.semicolon.join(phones)
            )
        return [self.section(_t("Complaints")), self.para(channel, "Note")]

    def signatures(self) -> Flowable:
        _t = self._t
        rows: list[list[Any]] = [
            [
                self.para(
                    _t("I have read and understood these key facts and received a copy."), "Note"
                ),
                "",
            ],
            [
                self.para(_t("Customer signature: ____________________"), "Signature"),
                self.para(_t("Date: ____________"), "Signature"),
            ],
            [
                self.para(
                    _t("Consultant: {name}   Signature: ______________").format(
                        name=self.data.consultant
                    ),
                    "Signature",
                ),
                self.para(_t("Date: ____________"), "Signature"),
            ],
        ]
        w = self.content_width
        table = Table(rows, colWidths=[w * 0.62, w * 0.38])
        table.setStyle(
            table_style(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table

    def story(self) -> list[Flowable]:
        self._number = 0
        story: list[Flowable] = [
            *self.loan(),
            *self.price(),
            *self.fees(),
            *self.insurance(),
            *self.cooling_off(),
            *self.affordability(),
        ]
        # The signatures never stand alone on a page: they keep the last section with them.
        story.append(
            KeepTogether(
                [
                    *self.complaints(),
                    *[self.para(text, "Note") for text in self.data.extra],
                    Spacer(1, 3 * mm),
                    self.signatures(),
                ]
            )
        )
        return story


def render_disclosure(
    data: DisclosureData,
    lang: str | None = None,
    *,
    fonts: FontSet | None = None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> bytes:
    """The key facts statement as PDF bytes; refuses forbidden wording."""
    return DisclosureDocument(data, lang=lang, fonts=fonts, settings=settings).render()
