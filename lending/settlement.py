"""Early settlement: what paying the loan off early costs and saves.

After the customer has paid period ``k`` they may settle the rest on a date
up to the next due date.  They owe the remaining principal, the interest
accrued since the last due date (actual days, daily rate = annual rate /
360, the convention of Chinese lenders), and the early-repayment fee, a
percent of the remaining principal.  Scheduled interest and periodic fees
after period ``k`` are no longer charged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lending.money import HUNDRED, ZERO, money, percent_of
from lending.reasons import Reason
from lending.schedule import Schedule

DAYS_PER_YEAR = Decimal(360)

MESSAGES: dict[str, str] = {
    "settle.period_out_of_range": (
        "Early settlement is possible after period 0 to {last} of this plan."
    ),
    "settle.date_out_of_range": ("The settlement date must be between {earliest} and {latest}."),
    "settle.fee_negative": "The early-repayment fee cannot be negative.",
}


class SettlementError(ValueError):
    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.render())
        self.reason = reason


@dataclass(frozen=True)
class EarlySettlement:
    after_period: int
    settlement_date: date
    remaining_principal: Decimal
    accrued_interest: Decimal
    early_repayment_fee: Decimal
    total_due: Decimal
    scheduled_interest_after: Decimal  # interest the schedule would still charge
    scheduled_fees_after: Decimal  # periodic fees the schedule would still charge
    interest_saved: Decimal  # scheduled interest after k minus accrued interest
    net_saving: Decimal  # interest and fees saved, less the early-repayment fee


def early_settlement(
    schedule: Schedule,
    after_period: int,
    fee_percent: Decimal,
    settlement_date: date | None = None,
) -> EarlySettlement:
    """Pay off ``schedule`` after its ``after_period``-th payment.

    ``settlement_date`` defaults to the due date of ``after_period`` (the
    start date for 0), where no interest has accrued yet.
    """
    last = len(schedule.rows) - 1
    if not 0 <= after_period <= last:
        raise SettlementError(Reason.of(MESSAGES, "settle.period_out_of_range", last=last))
    if fee_percent < 0:
        raise SettlementError(Reason.of(MESSAGES, "settle.fee_negative"))
    previous_due = (
        schedule.start_date if after_period == 0 else schedule.rows[after_period - 1].due_date
    )
    next_due = schedule.rows[after_period].due_date
    when = settlement_date or previous_due
    if not previous_due <= when < next_due:
        raise SettlementError(
            Reason.of(
                MESSAGES,
                "settle.date_out_of_range",
                earliest=previous_due.isoformat(),
                latest=date.fromordinal(next_due.toordinal() - 1).isoformat(),
            )
        )
    remaining = (
        money(schedule.terms.amount)
        if after_period == 0
        else schedule.rows[after_period - 1].balance
    )
    days = (when - previous_due).days
    accrued = money(remaining * schedule.terms.annual_rate / HUNDRED / DAYS_PER_YEAR * days)
    fee = percent_of(remaining, fee_percent)
    later = schedule.rows[after_period:]
    interest_after = sum((r.interest for r in later), ZERO)
    fees_after = sum((r.fee for r in later), ZERO)
    interest_saved = interest_after - accrued
    return EarlySettlement(
        after_period=after_period,
        settlement_date=when,
        remaining_principal=remaining,
        accrued_interest=accrued,
        early_repayment_fee=fee,
        total_due=remaining + accrued + fee,
        scheduled_interest_after=interest_after,
        scheduled_fees_after=fees_after,
        interest_saved=interest_saved,
        net_saving=interest_saved + fees_after - fee,
    )
