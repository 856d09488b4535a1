"""English labels for the codes a report shows, translated through the ``ReportModel`` context.

The workbook, and later the GUI dashboard, show the same words: the
dashboard can call ``QCoreApplication.translate("ReportModel", text)`` with
the English text from :func:`english`, the workbook calls :func:`label`.
"""

from __future__ import annotations

from collections.abc import Mapping

from lending import labels as vocabulary
from reports.formatting import formatter
from resources.i18n import translator

TR_CONTEXT = "ReportModel"

TR_STRINGS = (
    # funnel stages
    "Contact",
    "Needs confirmed",
    "Qualified",
    "Plan offered",
    "Approved",
    "Signed",
    "Disbursed",
    "Delivered",
    # KPIs
    "Loans closed",
    "Loan amount",
    "Approval rate",
    "Customer satisfaction",
    "Add-on attach rate",
    "Referrals",
    # channels
    "Walk-in",
    "Phone",
    "Online platform",
    "Referral",
    "Partner dealer",
    "Social media",
    # consultation status
    "Open",
    "Lost",
    # intent
    "High",
    "Medium",
    "Low",
    # rejection kinds
    "Qualification refused",
    "Vehicle refused",
    "Blacklist hit",
    "Declined by the lender",
    "Withdrawn by the customer",
    # the lender's decision
    "Declined",
    # others
    "Not recorded",
    "Unassigned",
    "All salespeople",
    "Total",
)

_LABELS: Mapping[str, Mapping[str, str]] = {
    "stage": {
        "contact": "Contact",
        "needs_confirmed": "Needs confirmed",
        "qualified": "Qualified",
        "plan_offered": "Plan offered",
        "approved": "Approved",
        "signed": "Signed",
        "disbursed": "Disbursed",
        "delivered": "Delivered",
    },
    "kpi": {
        "loans_closed": "Loans closed",
        "loan_amount": "Loan amount",
        "approval_rate": "Approval rate",
        "satisfaction": "Customer satisfaction",
        "insurance_attach": "Add-on attach rate",
        "referrals": "Referrals",
    },
    "channel": {
        "walk_in": "Walk-in",
        "phone": "Phone",
        "online": "Online platform",
        "referral": "Referral",
        "partner_dealer": "Partner dealer",
        "social_media": "Social media",
        "": "Not recorded",
    },
    "status": {"open": "Open", "lost": "Lost", "delivered": "Delivered"},
    "decision": {
        "approved": "Approved",
        "declined": "Declined",
        "withdrawn": "Withdrawn by the customer",
        "": "",
    },
    "intent": {"high": "High", "medium": "Medium", "low": "Low", "": ""},
    "rejection": {
        "lost": "Lost",
        "qualification": "Qualification refused",
        "vehicle": "Vehicle refused",
        "blacklist": "Blacklist hit",
        "lender": "Declined by the lender",
        "withdrawn": "Withdrawn by the customer",
    },
}


# Kinds whose one label table is lending's (lending.labels), translated as "Vocabulary".
_SHARED = {"method": "method", "add_on_kind": "add_on_kind"}


def english(kind: str, code: str | None) -> str:
    """The English label of a code (the code itself when unknown)."""
    code = code or ""
    if kind in _SHARED:
        return vocabulary.english(_SHARED[kind], code)
    return _LABELS.get(kind, {}).get(code, code)


def label(kind: str, code: str | None, lang: str | None = None) -> str:
    """The label of a code in ``lang`` (default: the app language)."""
    if kind in _SHARED:
        return formatter(lang or translator().language).label(_SHARED[kind], code)
    text = english(kind, code)
    return translator(lang)(TR_CONTEXT, text) if text else text


def word(text: str, lang: str | None = None) -> str:
    """Translate one of :data:`TR_STRINGS` directly (e.g. ``"Unassigned"``)."""
    return translator(lang)(TR_CONTEXT, text)
