"""What :func:`lending.products.parse_catalogue` refuses, as Reasons a person can read.

Every problem the catalogue parser finds is recorded once, structured: the
path of the field (``products[2].fees.upfront_fee``), a stable code and its
parameters (:class:`~lending.reasons.Reason`).  The GUI and the command line
translate the Reason (the templates of :data:`MESSAGES`, context ``Reason``);
nothing downstream reads the English back.  :data:`PHRASES` is the same
problem in a developer's words (``must be at least 0, got -1``): only
:class:`~lending.products.CatalogueError`'s message and ``problems`` (logs,
tests) use it.
"""

from __future__ import annotations

from collections.abc import Mapping

from lending.reasons import Reason

MESSAGES: dict[str, str] = {
    "catalogue.object": "This must be a record (an object), not {value}.",
    "catalogue.missing": "This is missing.",
    "catalogue.number": "{value} is not a number.",
    "catalogue.finite": "{value} is not a number.",
    "catalogue.at_least": "Enter at least {lo}, not {value}.",
    "catalogue.at_most": "Enter at most {hi}, not {value}.",
    "catalogue.whole": "{value} is not a whole number.",
    "catalogue.empty_text": "This cannot be left empty.",
    "catalogue.empty_list": "This cannot be left empty.",
    "catalogue.yes_no": "Enter yes or no, not {value}.",
    "catalogue.one_of": "{value} is not one of: {choices}.",
    "catalogue.list": "This must be a list, not {value}.",
    "catalogue.text": "This must be text, not {value}.",
    "catalogue.twice": "{value} is listed twice.",
    "catalogue.term": "A term is a whole number of months from 1 to {max}, not {value}.",
    "catalogue.order": "List each once, in increasing order.",
    "catalogue.order_fees": "List each once, in increasing order.",
    "catalogue.unknown": "This is not a field LoanDesk knows.",
    "catalogue.above_plain": "{lo_field} is above {hi_field}.",
    "catalogue.above": "{lo_field} ({lo}) is above {hi_field} ({hi}).",
    "catalogue.grade_twice": "Grade {grade} is listed twice.",
    "catalogue.rate": "The rate {rate}% for grade {grade} is outside the APR range {lo}-{hi}%.",
    "catalogue.fee_needed": "Grade {grade} needs its monthly fee rate (%).",
    "catalogue.fee_outside": (
        "The monthly fee {fee}% for grade {grade} is outside {lo}-{hi}%."
    ),
    "catalogue.code": "Use lower-case letters, digits and _ (not {value}).",
    "catalogue.code_twice": "The code {value} is used twice.",
    "catalogue.terms_outside": "The terms {terms} are outside {lo}-{hi} months.",
    "catalogue.step_up_needed": "Needed when step-up is one of the repayment methods.",
    "catalogue.method_not_allowed": "Given, but {method} is not one of the repayment methods.",
    "catalogue.lender_rate_below": (
        "The lender's rate {rate}% is below the customer's rate of grade {grades}."
    ),
    "catalogue.discount": "A rate discount needs a discount above 0.",
    "catalogue.no_step_up": "Step-up repayment is not offered for consumer credit.",
}

PHRASES: Mapping[str, str] = {
    "catalogue.object": "must be an object, got {value}",
    "catalogue.missing": "is missing",
    "catalogue.number": "must be a number, got {value}",
    "catalogue.finite": "must be a finite number, got {value}",
    "catalogue.at_least": "must be at least {lo}, got {value}",
    "catalogue.at_most": "must be at most {hi}, got {value}",
    "catalogue.whole": "must be a whole number, got {value}",
    "catalogue.empty_text": "must be a non-empty text, got {value}",
    "catalogue.empty_list": "must not be empty",
    "catalogue.yes_no": "must be true or false, got {value}",
    "catalogue.one_of": "must be one of {choices}, got {value}",
    "catalogue.list": "must be a list, got {value}",
    "catalogue.text": "must be a text, got {value}",
    "catalogue.twice": "lists {value} twice",
    "catalogue.term": "must be a whole number of months 1-{max}, got {value}",
    "catalogue.order": "must be in increasing order without repeats",
    "catalogue.order_fees": "must list each term once, in increasing order",
    "catalogue.unknown": "is not a known field",
    "catalogue.above_plain": "{lo_field} is above {hi_field}",
    "catalogue.above": "{lo_field} ({lo}) is above {hi_field} ({hi})",
    "catalogue.grade_twice": "grade {grade} is listed twice",
    "catalogue.rate": "rate {rate}% for grade {grade} is outside the APR range {lo}-{hi}%",
    "catalogue.fee_needed": "grade {grade} needs monthly_fee_rate_percent",
    "catalogue.fee_outside": "monthly fee {fee}% for grade {grade} is outside {lo}-{hi}%",
    "catalogue.code": "must be lower-case letters, digits and _ (got {value})",
    "catalogue.code_twice": "code {value} is used twice",
    "catalogue.terms_outside": "terms [{terms}] are outside {lo}-{hi} months",
    "catalogue.step_up_needed": "is required when step_up is an allowed method",
    "catalogue.method_not_allowed": "is given but {method} is not an allowed method",
    "catalogue.lender_rate_below": (
        "lender_rate {rate}% is below the customer's rate of grade {grades}"
    ),
    "catalogue.discount": "must be above 0 for a rate discount",
    "catalogue.no_step_up": "step_up is not offered for consumer credit",
}
"""The developer's words for each problem (English only, never shown translated)."""


def catalogue_problem(code: str, **params: object) -> Reason:
    """The Reason of one catalogue problem (``code`` a key of :data:`MESSAGES`)."""
    return Reason.of(MESSAGES, code, **params)


def phrase(reason: Reason) -> str:
    """``reason`` in the developer's words (a Reason of another module: its template)."""
    template = PHRASES.get(reason.code)
    if template is None:
        return reason.render()
    return template.format(**dict(reason.params))
