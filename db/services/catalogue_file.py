"""The catalogue file's shape and words: its format, limits, refusals and headings.

Shared by :mod:`db.services.catalogue_io` (export, check, import) and
:mod:`db.services.catalogue_read` (reading a .json or .xlsx file): the format
name and version, the size caps, the refusal :data:`MESSAGES` (Reasons, context
``CatalogueIO``), :class:`CatalogueFileError` with its problems as text, the
tables' and columns' headings in Chinese and English, and :class:`StoreSetUp`,
what a file carries.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from db.services import settings as settings_service
from db.services.catalogue_rows import (
    CatalogueData,
    Problem,
)
from lending.errors import UserError
from lending.reasons import Reason
from lending.settings import (
    REGISTRY,
)
from resources.i18n import translator

TR_CONTEXT = "CatalogueIO"
FORMAT = "loandesk-catalogue"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 5_000_000
MAX_UNPACKED_BYTES = 50_000_000
MAX_ZIP_ENTRIES = 200
JSON_LISTS = ("lenders", "products", "consumer_credit", "card_instalments", "add_ons")
"""The lists of a .json export's catalogue (a workbook has no card instalments)."""
MAX_ROWS = 2000
"""Rows of one table (products, lenders, add-ons, rates by grade)."""
MAX_COLUMNS = 200
SUFFIXES = (".json", ".xlsx")
PROFILE_KEYS = tuple(
    s.key
    for s in REGISTRY
    if s.section == "store"
    and s.key not in (settings_service.NAME_KEY, settings_service.CATALOGUE_CONFIRMED)
)
"""The store's profile: taken from a file only when asked (``with_profile``)."""

MESSAGES: dict[str, str] = {
    "catio.suffix": "The file name must end in .json or .xlsx.",
    "catio.not_ours": "This is not a LoanDesk catalogue file.",
    "catio.newer": "This file was made by a newer LoanDesk (format {version}); update "
    "LoanDesk first.",
    "catio.bad_version": "The file's format version '{version}' is not one LoanDesk knows.",
    "catio.not_json": "The file is not readable JSON: {why}",
    "catio.key_twice": "The key '{given}' appears twice in one object.",
    "catio.not_workbook": "The file is not an Excel workbook (.xlsx).",
    "catio.unpacks_big": "The workbook unpacks to more than {mb} MB; it is not a catalogue.",
    "catio.missing_part": "'{part}' is missing.",
    "catio.not_list": "This must be a list.",
    "catio.too_many_rows": "At most {n} rows.",
    "catio.missing_sheet": "The sheet '{sheet}' is missing.",
    "catio.missing_column": "The column '{column}' is missing.",
    "catio.unknown_column": "'{column}' is not a column of this sheet.",
    "catio.column_twice": "The column '{column}' appears twice.",
    "catio.lender_name": "A lender needs a name of at most {n} characters.",
    "catio.lender_twice": "The lender '{given}' is listed twice.",
    "catio.lender_unknown": "The lender '{given}' is not on the lenders list.",
    "catio.lender_value": "This column takes {kind}.",
    "catio.unknown_field": "'{given}' is not a known field.",
    "catio.kind_changed": "The product '{given}' is under {kind} in this store; it cannot "
    "move to another kind.",
    "catio.setting_unknown": "'{given}' is not a setting LoanDesk knows.",
    "catio.setting_unreadable": "The value cannot be read as this setting.",
    "catio.exists": "{path} exists and is not a catalogue export; choose another file name.",
    "catio.catalogue": "{text}",
    "catio.illegal_char": "Row {row} of the sheet '{sheet}' holds a control character a "
    "workbook cannot keep; export as .json, or correct the name.",
}


def _t(text: str, lang: str | None = None) -> str:
    return translator(lang)(TR_CONTEXT, text)


def _reason(code: str, /, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


class CatalogueFileError(UserError):
    """The file cannot be used; ``problems`` lists each one (table, row, field, reason).
    Nothing was changed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(problems_line(self.problems, "en"), code=problems[0].reason.code)

    def line(self, lang: str | None = None, **kw: Any) -> str:
        return problems_line(self.problems, lang, **kw)


def _fail(
    code: str, table: str = "file", row: int | None = None, field: str = "", **params: object
) -> CatalogueFileError:
    return CatalogueFileError([Problem(table, row, field, _reason(code, **params))])


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail("catio.suffix")
    return suffix


# --- labels -----------------------------------------------------------------------


@lru_cache(maxsize=4)
def table_labels(lang: str | None = None) -> dict[str, str]:
    return {
        "about": _t("About", lang),
        "lenders": _t("Lenders", lang),
        "products": _t("Car loans", lang),
        "consumer_credit": _t("Consumer credit", lang),
        "grades": _t("Rates by grade", lang),
        "add_ons": _t("Add-ons", lang),
        "rate_sheet": _t("Rate sheet", lang),
        "settings": _t("Store settings", lang),
        "file": _t("The file", lang),
    }


@lru_cache(maxsize=4)
def column_labels(lang: str | None = None) -> dict[str, str]:
    """Column labels by ``table.key`` or ``key`` (the first found is used)."""
    return {
        "lenders.name": _t("Lender name", lang),
        "lenders.service_phone": _t("Service phone", lang),
        "lenders.complaint_channel": _t("Complaint channel", lang),
        "lenders.payout_rules": _t("Payout account rules", lang),
        "code": _t("Code", lang),
        "name": _t("Name (English)", lang),
        "name_zh": _t("Name (Chinese)", lang),
        "active": _t("Active", lang),
        "example_lenders": _t("Lenders (separated by ;)", lang),
        "max_financing_ratio_percent": _t("Financing ratio up to (%)", lang),
        "apr_min_percent": _t("APR from (%)", lang),
        "apr_max_percent": _t("APR up to (%)", lang),
        "approval_days_min": _t("Approval from (working days)", lang),
        "approval_days_max": _t("Approval up to (working days)", lang),
        "methods": _t("Repayment methods", lang),
        "term_min_months": _t("Shortest term (months)", lang),
        "term_max_months": _t("Longest term (months)", lang),
        "terms": _t("Terms offered (months)", lang),
        "strictness": _t("Strictness", lang),
        "max_vehicle_age_years": _t("Oldest vehicle (years)", lang),
        "max_mileage_km": _t("Highest mileage (km)", lang),
        "fees.upfront_fee": _t("Up-front fee (CNY)", lang),
        "fees.upfront_fee_percent": _t("Up-front fee (% of the loan)", lang),
        "fees.monthly_fee_rate_percent": _t("Monthly fee (% of the loan)", lang),
        "fees.early_repayment_fee_percent": _t("Early repayment fee (%)", lang),
        "fees.overdue_penalty_percent_per_day": _t("Overdue penalty (% a day)", lang),
        "step_up.step_percent": _t("Step-up: rise (%)", lang),
        "step_up.step_months": _t("Step-up: every (months)", lang),
        "requires_full_insurance": _t("Requires full insurance", lang),
        "subsidy.lender_rate": _t("Subsidy: the lender's rate (%)", lang),
        "subsidy.by": _t("Subsidy paid by (English)", lang),
        "subsidy.by_zh": _t("Subsidy paid by (Chinese)", lang),
        "finance_add_ons": _t("Finances the add-ons", lang),
        "online_small_loan": _t("Online small loan", lang),
        "balloon_max_percent": _t("Balloon up to (% of the loan)", lang),
        "balloon_min_percent": _t("Balloon from (% of the loan)", lang),
        "vehicle_kinds": _t("New or used (separated by ;)", lang),
        "energies": _t("Fuel types (separated by ;)", lang),
        "rate_sheet.down_payment_min_percent": _t("Down payment from (%)", lang),
        "line_min": _t("Credit line from (CNY)", lang),
        "line_max": _t("Credit line up to (CNY)", lang),
        "monthly_fee_rate_min_percent": _t("Monthly fee from (%)", lang),
        "monthly_fee_rate_max_percent": _t("Monthly fee up to (%)", lang),
        "early_repayment_fee_min_percent": _t("Early repayment fee from (%)", lang),
        "early_repayment_fee_max_percent": _t("Early repayment fee up to (%)", lang),
        "overdue_penalty_min_percent_per_day": _t("Overdue penalty from (% a day)", lang),
        "overdue_penalty_max_percent_per_day": _t("Overdue penalty up to (% a day)", lang),
        "first_loan_promotion.kind": _t("First-loan promotion", lang),
        "first_loan_promotion.periods": _t("Promotion periods", lang),
        "first_loan_promotion.rate_discount_percent": _t("Promotion rate discount (%)", lang),
        "product": _t("Product code", lang),
        "grade": _t("Grade", lang),
        "annual_rate": _t("Annual rate (%)", lang),
        "approval_likelihood_min_percent": _t("Approval likelihood from (%)", lang),
        "approval_likelihood_max_percent": _t("Approval likelihood up to (%)", lang),
        "grades.monthly_fee_rate_percent": _t("Monthly fee for the grade (%)", lang),
        "kind": _t("Kind", lang),
        "rule": _t("Price rule", lang),
        "amount": _t("Price (CNY) or percentage", lang),
        "required_by": _t("Required by lenders (separated by ;)", lang),
        "financeable": _t("May be financed", lang),
    }


def column_label(table: str, key: str, lang: str | None = None) -> str:
    labels = column_labels(lang)
    return labels.get(f"{table}.{key}") or labels.get(key) or table_labels(lang).get(key) or key


def _heading(zh: str, en: str) -> str:
    return zh if zh == en else f"{zh}\n{en}"


def sheet_title(table: str) -> str:
    zh, en = table_labels("zh_CN").get(table, table), table_labels("en").get(table, table)
    return (en if zh == en else f"{zh} {en}")[:31]


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# --- problems as text ---------------------------------------------------------------


def problem_text(
    p: Problem, lang: str | None = None, field_label: Callable[[str, str], str | None] | None = None
) -> str:
    """``Car loans, row 3, APR from (%): must be at least 0`` in ``lang``.

    ``field_label(table, field)``: the caller's own name for a field (None: the usual one)."""
    tr = translator(lang)
    where = [table_labels(lang).get(p.table, p.table)] if p.table != "file" else []
    if p.row is not None:
        where.append(_t("row {row}", lang).format(row=p.row))
    if p.field:
        label = field_label(p.table, p.field) if field_label else None
        where.append(label or column_label(p.table, p.field, lang))
    reason = Reason(
        p.reason.code,
        p.reason.template,
        tuple(  # codes among them, as read
            (k, _param_label(p, k, v, lang)) for k, v in p.reason.params
        ),
    )
    text = reason.render(tr.reason)
    return (
        _t("{where}: {text}", lang).format(where=_t(", ", lang).join(where), text=text)
        if where
        else text
    )


def _param_label(p: Problem, key: str, value: str, lang: str | None) -> str:
    if key in ("lo_field", "hi_field"):
        return column_label(p.table, value, lang)
    if p.reason.code == "catio.kind_changed" and key == "kind":
        return table_labels(lang).get(value, value)
    return value


def problems_line(
    problems: Sequence[Problem],
    lang: str | None = None,
    *,
    shown: int = 3,
    field_label: Callable[[str, str], str] | None = None,
) -> str:
    """One line: how many problems, the first ``shown`` of them, that nothing changed."""
    if len(problems) == 1:
        return _t("{problem} Nothing was changed.", lang).format(
            problem=problem_text(problems[0], lang, field_label)
        )
    parts = [problem_text(p, lang, field_label) for p in problems[:shown]]
    more = len(problems) - shown
    tail = _t(" (and {n} more)", lang).format(n=more) if more > 0 else ""
    return _t("{n} problems, nothing was changed: {problems}", lang).format(
        n=len(problems), problems=_t("; ", lang).join(parts) + tail
    )


# --- what a store has -------------------------------------------------------------


@dataclass(frozen=True)
class StoreSetUp:
    """A store's catalogue and settings as a file carries them (plain data)."""

    catalogue: CatalogueData
    settings: dict[str, Any] | None
    """Stored values by registry key (None: the file holds no settings - an .xlsx)."""
    store: str = ""
    origins: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    """Where each record was in the file (see :func:`catalogue_rows.from_rows`)."""
