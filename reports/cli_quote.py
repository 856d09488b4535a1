"""``python main.py quote``: one plan's schedule, APR and totals, headless.

The JSON form is a contract (ARCHITECTURE.md); the table form is for people.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal
from typing import Any

from lending.errors import UserError
from lending.money import MoneyError, money, parse_decimal, rate2
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
    p.add_argument("--amount", required=True, help="loan amount in CNY")
    p.add_argument("--term", required=True, help="term in months (1-480)")
    p.add_argument("--annual-rate", required=True, help="nominal annual rate in percent")
    p.add_argument(
        "--method",
        required=True,
        help="one of: " + ", ".join(m.value for m in RepaymentMethod),
    )
    p.add_argument("--upfront-fee", default="0", help="fee paid at the start, CNY")
    p.add_argument(
        "--monthly-fee-rate", default="0", help="monthly fee, percent of the original principal"
    )
    p.add_argument("--step-percent", help="step-up: payment rise in percent")
    p.add_argument("--step-months", help="step-up: months between rises (default 12)")
    p.add_argument("--start-date", help="loan start date YYYY-MM-DD (default today)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run_quote)


def _number(text: str, option: str) -> Decimal:
    try:
        return parse_decimal(text, field=option)
    except MoneyError:
        raise UserError(
            _t("{option} must be a number, got '{value}'.").format(option=option, value=text)
        ) from None


def _integer(text: str, option: str) -> int:
    value = _number(text, option)
    if value != value.to_integral_value():
        raise UserError(
            _t("{option} must be a whole number of months, got '{value}'.").format(
                option=option, value=text
            )
        )
    return int(value)


def terms_from_args(args: argparse.Namespace) -> tuple[LoanTerms, date]:
    """Read and check the options; raises UserError with one clear sentence."""
    try:
        method = RepaymentMethod(args.method.strip().lower())
    except ValueError:
        raise UserError(
            _t("Unknown repayment method '{value}'; use one of: {choices}.").format(
                value=args.method, choices=", ".join(m.value for m in RepaymentMethod)
            )
        ) from None
    amount = _number(args.amount, "--amount")
    if amount != money(amount):
        raise UserError(_t("--amount can have at most two decimals (fen)."))
    months = _integer(args.term, "--term")
    if not 1 <= months <= MAX_TERM_MONTHS:
        raise UserError(
            _t("--term must be between 1 and {max} months, got {value}.").format(
                max=MAX_TERM_MONTHS, value=months
            )
        )
    rate = _number(args.annual_rate, "--annual-rate")
    upfront = _number(args.upfront_fee, "--upfront-fee")
    fee_rate = _number(args.monthly_fee_rate, "--monthly-fee-rate")
    step_percent = Decimal(0)
    step_months = 12
    if method is RepaymentMethod.STEP_UP:
        if args.step_percent is None:
            raise UserError(
                _t("The step_up method needs --step-percent (and optionally --step-months).")
            )
        step_percent = _number(args.step_percent, "--step-percent")
        if args.step_months is not None:
            step_months = _integer(args.step_months, "--step-months")
    elif args.step_percent is not None or args.step_months is not None:
        raise UserError(_t("--step-percent and --step-months only apply to the step_up method."))
    start = date.today()
    if args.start_date:
        try:
            start = date.fromisoformat(args.start_date.strip())
        except ValueError:
            raise UserError(
                _t("--start-date must be a date like 2026-11-22, got '{value}'.").format(
                    value=args.start_date
                )
            ) from None
    terms = LoanTerms(
        amount=amount,
        annual_rate=rate,
        months=months,
        method=method,
        upfront_fee=upfront,
        monthly_fee_rate=fee_rate,
        step_percent=step_percent,
        step_months=step_months,
    )
    problems = terms.problems()
    if problems:
        raise UserError(
            " ".join(translator().reason(r.template).format(**dict(r.params)) for r in problems)
        )
    if upfront != money(upfront):
        raise UserError(_t("--upfront-fee can have at most two decimals (fen)."))
    return terms, start


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


def schedule_table(schedule: Schedule) -> str:
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
    lines = [f"{label}: {value}" for label, value in summary]
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
    widths = [max(_width(h), *(len(row[i]) for row in body)) for i, h in enumerate(heads)]
    lines.append("")
    lines.append("  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)))
    for row in body:
        lines.append("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return " " * (width - _width(text)) + text


def run_quote(args: argparse.Namespace) -> int:
    terms, start = terms_from_args(args)
    try:
        schedule = build_schedule(terms, start)
    except InvalidTerms as exc:  # problems() already ran; kept for safety
        raise UserError(str(exc)) from None
    warning = check_caps(schedule)
    if warning:
        print(f"loandesk: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(schedule_json(schedule), ensure_ascii=False))
    else:
        print(schedule_table(schedule))
    return 0
