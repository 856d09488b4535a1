"""The add-on kinds and price rules as staff read them (the editor and the finance page).

A module of its own so that the finance page's Add-ons tab can name a kind
without importing the owner's editor; the strings keep the editor's
translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lending.addons import AddOnKind, PriceRule

TR_CONTEXT = "AddOnEditor"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def kind_label(kind: str) -> str:
    labels: dict[str, str] = {
        AddOnKind.COMPULSORY_INSURANCE: _t("Compulsory insurance"),
        AddOnKind.COMMERCIAL_INSURANCE: _t("Commercial insurance"),
        AddOnKind.WARRANTY: _t("Extended warranty"),
        AddOnKind.GPS: _t("GPS"),
        AddOnKind.MAINTENANCE: _t("Maintenance"),
        AddOnKind.SERVICE: _t("Service"),
        AddOnKind.OTHER: _t("Other"),
    }
    return labels.get(kind, kind)


def rule_label(rule: str) -> str:
    labels: dict[str, str] = {
        PriceRule.FIXED: _t("Fixed price"),
        PriceRule.PERCENT_OF_PRICE: _t("Share of the car price"),
        PriceRule.ON_ROAD: _t("As in the on-road costs"),
        PriceRule.QUOTED: _t("Quoted at the counter"),
    }
    return labels.get(rule, rule)
