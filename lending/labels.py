"""One vocabulary: the English label of every code a person reads, one table per enum.

``lending`` never translates: screens, documents, workbooks and the command
line translate these labels in the ``Vocabulary`` context (the zh_CN ``.ts``
holds each once) through :mod:`reports.formatting`.  ``TR_STRINGS`` lists
the same labels literally for the translation tool; a test keeps both equal.
"""

from __future__ import annotations

from collections.abc import Mapping

from lending.appraisal import Condition, OverrideReason, ReferenceKind
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

REFERENCE: Mapping[str, str] = {
    ReferenceKind.USED_MARKET: "Used-car market price (this model and year)",
    ReferenceKind.NEW_GUIDE: "New-car guide price",
}

OVERRIDE_REASON: Mapping[str, str] = {
    OverrideReason.SERVICE_HISTORY: "Full service history",
    OverrideReason.COMPARABLE_SALES: "Recent sales of the same car",
    OverrideReason.EQUIPMENT: "Options or equipment",
    OverrideReason.CONDITION: "Condition not covered by the grade",
    OverrideReason.DAMAGE: "Repairs or damage found",
    OverrideReason.OTHER: "Other",
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
    "reference": REFERENCE,
    "override_reason": OVERRIDE_REASON,
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
    "Used-car market price (this model and year)",
    "New-car guide price",
    "Full service history",
    "Recent sales of the same car",
    "Options or equipment",
    "Condition not covered by the grade",
    "Repairs or damage found",
    "Other",
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
