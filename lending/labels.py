"""One vocabulary: the English label of every code a person reads, one table per enum.

``lending`` never translates: screens, documents, workbooks and the command
line translate these labels in the ``Vocabulary`` context (the zh_CN ``.ts``
holds each once) through :mod:`reports.formatting`.  ``TR_STRINGS`` lists
the same labels literally for the translation tool; a test keeps both equal.
"""

from __future__ import annotations

from collections.abc import Mapping

from lending.appraisal import Condition
from lending.schedule import RepaymentMethod

TR_CONTEXT = "Vocabulary"

METHOD: Mapping[str, str] = {
    RepaymentMethod.EQUAL_INSTALLMENT: "Equal installment",
    RepaymentMethod.EQUAL_PRINCIPAL: "Equal principal",
    RepaymentMethod.INTEREST_FIRST: "Interest first",
    RepaymentMethod.STEP_UP: "Step-up",
    RepaymentMethod.BALLOON: "Balloon",
}

CONDITION: Mapping[str, str] = {
    Condition.EXCELLENT: "Excellent",
    Condition.GOOD: "Good",
    Condition.FAIR: "Fair",
    Condition.POOR: "Poor",
}

ADD_ON_KIND: Mapping[str, str] = {
    "insurance": "Insurance",
    "warranty": "Extended warranty",
    "service": "Service package",
    "other": "Other",
}

TABLES: Mapping[str, Mapping[str, str]] = {
    "method": METHOD,
    "condition": CONDITION,
    "add_on_kind": ADD_ON_KIND,
}

TR_STRINGS = (
    "Equal installment",
    "Equal principal",
    "Interest first",
    "Step-up",
    "Balloon",
    "Excellent",
    "Good",
    "Fair",
    "Poor",
    "Insurance",
    "Extended warranty",
    "Service package",
    "Other",
)


def english(table: str, code: str | None) -> str:
    """The English label of ``code`` in ``table`` ('' for no code, the code itself
    only for a value no table knows - a test keeps every enum value covered)."""
    if not code:
        return ""
    return TABLES[table].get(code, code)
