"""Reasons the services show to staff (translated by the GUI like lending's)."""

from __future__ import annotations

from lending.reasons import Reason

MESSAGES: dict[str, str] = {
    "blacklist.hit": (
        "This customer matches an entry on the {source} blacklist ({reason}). "
        "The consultation cannot go on to a finance plan; please refer to the manager."
    ),
    "duplicate.recent": (
        "The same {what} was used on another application in the last {days} days "
        "(consultation {other}). Check that this is not a duplicate application."
    ),
    "qualification.failed": "The customer does not meet the basic requirements yet.",
    "appraisal.excluded": "The vehicle cannot be financed: {why}.",
    "plan.blacklisted": "A finance plan cannot be offered while the blacklist hit is open.",
    "plan.needs_qualification": "Complete the qualification step first.",
    "signing.needs_plan": "Choose the plan the customer signs first.",
    "money.invalid": "Enter an amount in yuan with at most two decimals.",
    "money.negative": "The amount cannot be negative.",
    "number.invalid": "Enter a whole number.",
    "number.negative": "The number cannot be negative.",
    "choice.invalid": "Choose one of the listed options.",
    "required": "This field is required.",
}


def reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)
