"""Reasons the services show to staff (translated by the GUI like lending's)."""

from __future__ import annotations

from lending.reasons import Reason

MESSAGES: dict[str, str] = {
    "blacklist.hit": (
        "This customer matches an entry on the {source} blacklist ({reason}). "
        "The consultation cannot go on to a finance plan; please refer to the manager."
    ),
    "duplicate.id_number": (
        "The same ID number was used on another application in the last {days} days "
        "(consultation {other}). Check that this is not a duplicate application."
    ),
    "duplicate.phone": (
        "The same mobile number was used on another application in the last {days} days "
        "(consultation {other}). Check that this is not a duplicate application."
    ),
    "qualification.failed": "The customer does not meet the basic requirements yet.",
    "appraisal.excluded": "The vehicle cannot be financed: {why}.",
    "appraisal.override_pending": (
        "The appraiser's value of {value} ({percent}% from the computed {computed}) awaits a "
        "manager's approval: no finance plan can be chosen until a manager approves or "
        "refuses it."
    ),
    "override.not_pending": "No override of the vehicle value is waiting for approval.",
    "override.own": (
        "You entered this override yourself: another manager has to approve or refuse it."
    ),
    "plan.blacklisted": "A finance plan cannot be offered while the blacklist hit is open.",
    "plan.needs_qualification": "Complete the qualification step first.",
    "signing.needs_plan": "Choose the plan the customer signs first.",
    "money.invalid": (
        "Enter the amount in yuan, e.g. 150000, 150,000 or 15万, with at most two decimals."
    ),
    "money.negative": "The amount cannot be negative.",
    "number.invalid": "Enter a whole number.",
    "number.negative": "The number cannot be negative.",
    "choice.invalid": "Choose one of the listed options.",
    "required": "This field is required.",
    "text.too_long": "At most {max} characters.",
    "date.invalid": "Enter a date as YYYY-MM-DD.",
    # customers
    "customer.name_missing": "Enter the customer's name.",
    "customer.name_too_long": "A name has at most 100 characters.",
    "customer.phone_invalid": "This is not a valid mobile number.",
    "customer.id_invalid": "This is not a valid ID number.",
    "customer.tier_invalid": "Choose VIP, regular or potential.",
    "customer.channel_invalid": "Choose a source channel from the list.",
    "customer.consent_missing": (
        "Record the customer's consent to personal-information processing before storing "
        "the ID number."
    ),
    "customer.consent_purpose_missing": "Say what the consent is for.",
    "customer.id_exists": "A customer with this ID number already exists (customer {other}).",
    # reception
    "reception.down_above_budget": "The down payment cannot be more than the budget.",
    # qualification
    "qualification.utilisation_range": "Enter the utilisation in percent (0-1000).",
    "qualification.needs_id": (
        "Store the customer's ID number (with consent) before the qualification."
    ),
    # appraisal
    "appraisal.vin_invalid": "This is not a valid VIN.",
    # plans
    "plan.needs_price": "Enter the vehicle price (or save it in the appraisal step).",
    "plan.needs_appraisal": "Complete the vehicle appraisal first.",
    "plan.product_unknown": "Choose an active product from the catalogue.",
    "plan.cannot_price": "This plan cannot be priced.",
    "plan.add_on_required": ("{lender} requires {add_on} with every loan: keep it in the plan."),
    "plan.add_on_not_financeable": (
        "{add_on} may not be financed: it is paid apart from the loan."
    ),
    "plan.balloon_percent_invalid": "The balloon must be at least 0% and below 100% of the loan.",
    "plan.target_no_rate": (
        "This product has no rate for the customer's grade, so no down payment can be worked "
        "out for the target."
    ),
    "plan.signed_cannot_delete": "The signed plan cannot be deleted.",
    "plan.printed_cannot_delete": (
        "This plan's documents were printed for the customer, so the plan is kept."
    ),
    "plan.already_signed": "The contract is already signed.",
    # signing
    "signing.unknown_item": "Unknown checklist item.",
    "signing.item_missing": "Tick this item before the contract is marked signed.",
    "signing.already_signed": "The contract is already signed.",
    "stage.not_recorded_here": "Only approval, disbursement and delivery are recorded here.",
    "stage.lost": "The consultation is marked lost; reopen it first.",
    "stage.needs_signing": "Complete the signing checklist first.",
    # lost consultations
    "lost.delivered": "A delivered consultation cannot be marked lost.",
    "lost.already_lost": "The consultation is already marked lost.",
    "lost.note_required": "Say in a few words why the customer was lost.",
    "lost.price": "Price or monthly payment too high",
    "lost.lender_rejected": "Rejected by the lender",
    "lost.bought_elsewhere": "Bought elsewhere",
    "lost.not_interested": "No longer interested",
    "lost.other": "Other reason",
    "lost.refused_eligibility": "Refused by us (eligibility)",
    "lost.refused_fraud": "Refused by us (suspected fraud)",
    "lost.blacklist_needs_number": (
        "The customer has no ID number or mobile on file to put on the blacklist."
    ),
    # deliberate actions: dates and undo
    "date.future": "The date cannot be in the future.",
    "date.before_contact": "The date cannot be before the customer's first contact ({day}).",
    "stage.not_recorded": "This step was not recorded, so there is nothing to undo.",
    "stage.undo_later_first": "Undo the later step first ({later}).",
    "stage.undo_reason": "Say why this is undone (at least 5 characters).",
    "stage.not_undoable": "Only signing, disbursement and delivery can be undone.",
    # the lender's decision
    "decision.outcome": "Choose the lender's decision.",
    "decision.reason_required": "Choose why the lender declined.",
    "decision.needs_plan": "Choose the plan that was submitted to the lender first.",
    "decision.after_signing": "The contract is already signed; undo the signing first.",
    "decision.declined_credit": "Credit history",
    "decision.declined_income": "Income or debt too high",
    "decision.declined_documents": "Documents missing or inconsistent",
    "decision.declined_vehicle": "Vehicle not accepted",
    "decision.declined_policy": "Lender policy (region, age, profession)",
    "decision.declined_other": "Other reason",
    # follow-ups
    "followup.already_done": "This follow-up is already done.",
    "followup.outcome_too_long": "Keep the outcome under 500 characters.",
    "followup.due_past": "Choose a day from today on.",
    "followup.note_required": "Say what the follow-up is for.",
}


def reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)
