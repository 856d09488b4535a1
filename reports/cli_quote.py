"""``python main.py quote``: one plan's schedule, APR and totals, headless.

The JSON form is a contract (ARCHITECTURE.md, including "The whole deal":
``--method balloon`` with ``--balloon``/``--balloon-percent``,
``--lender-rate`` for a subsidised rate, ``--price`` with
``--target-payment`` to solve the down payment); the table form is for
people.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from db import cli_args as arg
from db.cli_args import display_width, reasons_text
from lending.deal import DealError, solve_down_payment, subsidy_value
from lending.errors import UserError
from lending.money import ZERO, money, percent_of, rate2
from lending.schedule import (
    MAX_TERM_MONTHS,
    InvalidTerms,
    LoanTerms,
    RepaymentMethod,
    Schedule,
    build_schedule,
)
from reports.formatting import formatter
from resources.i18n import translator

TR_CONTEXT = "cli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "quote",
        parents=[common],
        help="repayment schedule, true APR and totals for one plan",
    )
    p.add_argument(
        "--amount",
        type=arg.signed_amount,
        help="loan amount in CNY (or --price with --target-payment)",
    )
    p.add_argument("--term", required=True, type=arg.term, help="term in months (1-480)")
    p.add_argument(
        "--annual-rate", required=True, type=arg.percent, help="nominal annual rate in percent"
    )
    p.add_argument(
        "--method",
        required=True,
        type=arg.choice(RepaymentMethod),
        help="one of: " + ", ".join(m.value for m in RepaymentMethod),
    )
    p.add_argument("--upfront-fee", default="0", type=arg.amount, help="fee paid at the start, CNY")
    p.add_argument(
        "--monthly-fee-rate",
        default="0",
        type=arg.percent,
        help="monthly fee, percent of the original principal",
    )
    p.add_argument("--step-percent", type=arg.percent, help="step-up: payment rise in percent")
    p.add_argument(
        "--step-months",
        type=arg.whole(1, MAX_TERM_MONTHS),
        help="step-up: months between rises (default 12)",
    )
    p.add_argument("--balloon", type=arg.amount, help="balloon: the final lump in CNY")
    p.add_argument(
        "--balloon-percent", type=arg.percent, help="balloon: the final lump in percent of the loan"
    )
    p.add_argument(
        "--lender-rate",
        type=arg.percent,
        help="subsidised loan: the annual rate the lender earns, in percent",
    )
    p.add_argument(
        "--price", type=arg.amount, help="vehicle price, with --target-payment instead of --amount"
    )
    p.add_argument(
        "--target-payment",
        type=arg.amount,
        help="solve the smallest whole-yuan down payment so that every payment is at most this",
    )
    p.add_argument("--start-date", type=arg.day, help="loan start date YYYY-MM-DD (default today)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run_quote)


@dataclass(frozen=True)
class QuoteRequest:
    """What the options ask for: the terms for any loan amount, and how to find it."""

    base: LoanTerms
    """The terms with ``amount`` set (the loan, or the price when solving)."""
    start: date
    balloon: Decimal | None = None
    balloon_percent: Decimal | None = None
    lender_rate: Decimal | None = None
    price: Decimal | None = None
    target: Decimal | None = None

    def terms_for(self, amount: Decimal) -> LoanTerms:
        balloon = ZERO
        if self.balloon is not None:
            balloon = money(self.balloon)
        elif self.balloon_percent is not None:
            balloon = percent_of(amount, self.balloon_percent)
        return dataclasses.replace(self.base, amount=amount, balloon=balloon)


def _balloon_options(
    args: argparse.Namespace, method: RepaymentMethod
) -> tuple[Decimal | None, Decimal | None]:
    given = args.balloon is not None, args.balloon_percent is not None
    if method is not RepaymentMethod.BALLOON:
        if any(given):
            raise UserError(_t("--balloon and --balloon-percent only apply to the balloon method."))
        return None, None
    if given == (False, False) or given == (True, True):
        raise UserError(_t("The balloon method needs either --balloon or --balloon-percent."))
    if args.balloon is not None:
        return args.balloon, None
    percent: Decimal = args.balloon_percent
    if percent >= 100:
        raise UserError(_t("--balloon-percent must be at least 0 and below 100."))
    return None, percent


def _loan_or_price(args: argparse.Namespace) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """(amount to check the terms with, price, target)."""
    if args.target_payment is None:
        if args.price is not None:
            raise UserError(_t("--price goes with --target-payment; give --amount for a loan."))
        if args.amount is None:
            raise UserError(_t("Give --amount, or --price with --target-payment."))
        return args.amount, None, None
    if args.amount is not None:
        raise UserError(_t("--target-payment solves the loan amount: give --price, not --amount."))
    if args.price is None:
        raise UserError(_t("--target-payment needs the vehicle price (--price)."))
    price, target = args.price, args.target_payment
    if price <= 0 or target <= 0:
        raise UserError(_t("--price and --target-payment must be greater than zero."))
    return price, price, target


def request_from_args(args: argparse.Namespace) -> QuoteRequest:
    """Read and check the options; raises UserError with one clear sentence."""
    method: RepaymentMethod = args.method
    checked_amount, price, target = _loan_or_price(args)
    rate: Decimal = args.annual_rate
    step_percent = Decimal(0)
    step_months = 12
    if method is RepaymentMethod.STEP_UP:
        if args.step_percent is None:
            raise UserError(
                _t("The step_up method needs --step-percent (and optionally --step-months).")
            )
        step_percent = args.step_percent
        if args.step_months is not None:
            step_months = args.step_months
    elif args.step_percent is not None or args.step_months is not None:
        raise UserError(_t("--step-percent and --step-months only apply to the step_up method."))
    balloon, balloon_percent = _balloon_options(args, method)
    start = args.start_date or date.today()
    lender_rate = args.lender_rate
    if lender_rate is not None and lender_rate < rate:
        raise UserError(
            _t(
                "--lender-rate ({lender}%) cannot be below the customer's --annual-rate "
                "({customer}%)."
            ).format(lender=lender_rate, customer=rate)
        )
    request = QuoteRequest(
        base=LoanTerms(
            amount=checked_amount,
            annual_rate=rate,
            months=args.term,
            method=method,
            upfront_fee=args.upfront_fee,
            monthly_fee_rate=args.monthly_fee_rate,
            step_percent=step_percent,
            step_months=step_months,
        ),
        start=start,
        balloon=balloon,
        balloon_percent=balloon_percent,
        lender_rate=lender_rate,
        price=price,
        target=target,
    )
    problems = request.terms_for(checked_amount).problems()
    if problems:
        raise UserError(reasons_text(problems))
    return request


def check_caps(schedule: Schedule) -> str | None:
    """Refuse (UserError) a plan above the hard APR cap; return a warning text or None."""
    from lending.compliance import RateLevel, check_rate
    from lending.settings import DEFAULT_SETTINGS

    verdict = check_rate(schedule.apr, DEFAULT_SETTINGS)
    if verdict.level is RateLevel.REFUSE:
        assert verdict.reason is not None
        raise UserError(verdict.reason.render(translator().reason))
    if verdict.level is RateLevel.WARN and verdict.reason is not None:
        return verdict.reason.render(translator().reason)
    return None


def schedule_json(schedule: Schedule) -> dict[str, Any]:
    terms = schedule.terms
    return {
        "method": terms.method.value,
        "amount": str(money(terms.amount)),
        "term_months": terms.months,
        "annual_rate": str(rate2(terms.annual_rate)),
        "first_payment": str(schedule.first_payment),
        "total_interest": str(schedule.total_interest),
        "total_fees": str(schedule.total_fees),
        "total_repayment": str(schedule.total_repayment),
        "apr": str(rate2(schedule.apr)),
        "effective_annual_rate": str(rate2(schedule.effective_annual_rate)),
        "schedule": [
            {
                "period": r.period,
                "due_date": r.due_date.isoformat(),
                "payment": str(r.payment),
                "principal": str(r.principal),
                "interest": str(r.interest),
                "fee": str(r.fee),
                "balance": str(r.balance),
            }
            for r in schedule.rows
        ],
    }


def schedule_table(schedule: Schedule, extra: list[tuple[str, str]] | None = None) -> str:
    terms = schedule.terms
    f = formatter(translator().language)
    summary = [
        (_t("Loan amount"), f.money(terms.amount)),
        (_t("Term"), f.months(terms.months)),
        (_t("Repayment method"), f.method(terms.method)),
        (_t("Nominal annual rate"), f.percent(terms.annual_rate)),
        (_t("First payment"), f.money(schedule.first_payment)),
        (_t("Total interest"), f.money(schedule.total_interest)),
        (_t("Total fees"), f.money(schedule.total_fees)),
        (_t("Total repayment"), f.money(schedule.total_repayment)),
        (_t("APR (true annual rate, IRR)"), f.percent(schedule.apr)),
        (_t("Effective annual rate"), f.percent(schedule.effective_annual_rate)),
    ]
    lines = [f"{label}: {value}" for label, value in [*(extra or []), *summary]]
    heads = [
        _t("Period"),
        _t("Due date"),
        _t("Payment"),
        _t("Principal"),
        _t("Interest"),
        _t("Fee"),
        _t("Balance"),
    ]
    body = [
        [
            str(r.period),
            r.due_date.isoformat(),
            f.money(r.payment),
            f.money(r.principal),
            f.money(r.interest),
            f.money(r.fee),
            f.money(r.balance),
        ]
        for r in schedule.rows
    ]
    widths = [max(display_width(h), *(len(row[i]) for row in body)) for i, h in enumerate(heads)]
    lines.append("")
    lines.append("  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)))
    for row in body:
        lines.append("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    return " " * (width - display_width(text)) + text


def _solve(request: QuoteRequest) -> tuple[Decimal | None, LoanTerms]:
    """The down payment (when solving) and the loan terms."""
    if request.price is None or request.target is None:
        return None, request.terms_for(request.base.amount)
    try:
        down = solve_down_payment(request.price, request.target, request.terms_for, request.start)
    except DealError as exc:
        raise UserError(reasons_text(exc.reasons)) from None
    return money(down), request.terms_for(money(request.price) - down)


def deal_json(
    schedule: Schedule, request: QuoteRequest, down_payment: Decimal | None
) -> dict[str, Any]:
    """``schedule_json`` plus the whole-deal keys ARCHITECTURE.md adds."""
    data = schedule_json(schedule)
    rows = data.pop("schedule")
    if schedule.terms.method is RepaymentMethod.BALLOON:
        data["balloon"] = str(schedule.balloon)
    if request.lender_rate is not None:
        data["lender_rate"] = str(rate2(request.lender_rate))
        data["subsidy"] = str(subsidy_value(schedule, request.lender_rate))
    if down_payment is not None and request.price is not None:
        data["price"] = str(money(request.price))
        data["down_payment"] = str(down_payment)
    data["schedule"] = rows
    return data


def deal_lines(
    schedule: Schedule, request: QuoteRequest, down_payment: Decimal | None
) -> list[tuple[str, str]]:
    """The readable lines the whole deal adds above the summary."""
    lines: list[tuple[str, str]] = []
    if down_payment is not None and request.price is not None:
        lines.append((_t("Vehicle price"), f"{money(request.price):,.2f}"))
        lines.append((_t("Down payment"), f"{down_payment:,.2f}"))
        lines.append((_t("Target monthly payment"), f"{money(request.target or 0):,.2f}"))
    if schedule.terms.method is RepaymentMethod.BALLOON:
        lines.append((_t("Balloon (with the last payment)"), f"{schedule.balloon:,.2f}"))
    if request.lender_rate is not None:
        lines.append((_t("Lender's rate"), f"{rate2(request.lender_rate)}%"))
        lines.append((_t("Subsidy value"), f"{subsidy_value(schedule, request.lender_rate):,.2f}"))
    return lines


def run_quote(args: argparse.Namespace) -> int:
    request = request_from_args(args)
    down_payment, terms = _solve(request)
    try:
        schedule = build_schedule(terms, request.start)
    except InvalidTerms as exc:  # problems() already ran; kept for safety
        raise UserError(reasons_text(exc.reasons)) from None
    warning = check_caps(schedule)
    if warning:
        print(f"loandesk: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(deal_json(schedule, request, down_payment), ensure_ascii=False))
    else:
        extra = deal_lines(schedule, request, down_payment)
        print(schedule_table(schedule, extra))
    return 0
