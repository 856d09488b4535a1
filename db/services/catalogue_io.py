"""Copy a store's set-up: the catalogue and settings out to a file, and in again.

Two kinds of file, chosen by the name's ending:

* ``.json`` - everything, versioned::

      {"format": "loandesk-catalogue", "version": 1, "exported_at": "...",
       "store": "...", "catalogue": {"lenders": [...], "products": [...],
       "consumer_credit": [...], "card_instalments": [...], "add_ons": [...]},
       "settings": {"lending.lpr_1y_percent": "3.00", ...}}

  ``products`` / ``consumer_credit`` / ``card_instalments`` are the specs as the
  catalogue keeps them (a file without ``card_instalments``, written before they
  were kept, leaves the store's own as they are)
  (:func:`lending.products.parse_catalogue` reads them), ``add_ons`` as
  :func:`lending.addons.read_add_on` reads them, ``settings`` every value of
  the settings registry but the store's name (:func:`lending.settings.to_plain`);
* ``.xlsx`` - the catalogue only, one sheet per table with headers in Chinese
  and English, for a person to edit (:mod:`db.services.catalogue_rows`); the
  first sheet says what the file is and which codes the columns take.  It has no
  sheet for bank card instalments: importing a workbook leaves them as they are.

Export (:func:`export_catalogue`) reads (never writes the database but for
the audit row of the export), writes the file atomically through
:func:`db.files.replacing`, and replaces an existing file only when that is
a catalogue export itself.  Import (:func:`import_catalogue`) reads the file
with size caps (a file, never a device; at most :data:`MAX_FILE_BYTES`, an
.xlsx unpacking to at most :data:`MAX_UNPACKED_BYTES`, at most
:data:`MAX_ROWS` rows a table), checks *everything* before writing anything
- each cell, each product with the catalogue's own rules, the add-ons, the
lenders named, every setting - and then changes the store in one
transaction: every problem is a :class:`~db.services.catalogue_rows.Problem`
(table, row, field, reason) in :class:`CatalogueFileError`, and nothing is
changed.  Products, lenders and add-ons that the file does not hold are
deactivated, never deleted (saved plans keep what they used).  The store's
name is never taken from a file; its profile (address, phone, licence,
logo, complaint channel) only with ``with_profile``.  Audited: each change
as the services audit it (catalogue, add-ons, settings before -> after) and
one ``import`` row summing it up.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.cli_args import display_width
from db.models import Lender, Product
from db.models.enums import AuditAction
from db.services import addons_admin, audit, catalogue
from db.services import settings as settings_service
from db.services.base import Actor, Permission, Target, reading, require, transaction
from db.services.catalogue_rows import (
    PRODUCT_KINDS,
    CatalogueData,
    Problem,
    Rows,
    Table,
    catalogue_tables,
    from_rows,
    lender_table_columns,
    to_rows,
)
from lending.addons import MAX_ADD_ONS, add_on_to_data, read_add_ons
from lending.errors import UserError
from lending.products import CatalogueError, parse_catalogue
from lending.reasons import Reason
from lending.settings import (
    REGISTRY,
    SPECS,
    SettingsError,
    build_store_settings,
    from_plain,
    to_plain,
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
PROFILE_KEYS = tuple(s.key for s in REGISTRY if s.section == "store"
                     and s.key not in (settings_service.NAME_KEY,
                                       settings_service.CATALOGUE_CONFIRMED))
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


def _fail(code: str, table: str = "file", row: int | None = None, field: str = "",
          **params: object) -> CatalogueFileError:
    return CatalogueFileError([Problem(table, row, field, _reason(code, **params))])


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
    return (labels.get(f"{table}.{key}") or labels.get(key) or table_labels(lang).get(key)
            or key)


def _heading(zh: str, en: str) -> str:
    return zh if zh == en else f"{zh}\n{en}"


def sheet_title(table: str) -> str:
    zh, en = table_labels("zh_CN").get(table, table), table_labels("en").get(table, table)
    return (en if zh == en else f"{zh} {en}")[:31]


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# --- problems as text ---------------------------------------------------------------


def problem_text(p: Problem, lang: str | None = None,
                 field_label: Callable[[str, str], str | None] | None = None) -> str:
    """``Car loans, row 3, APR from (%): must be at least 0`` in ``lang``.

    ``field_label(table, field)``: the caller's own name for a field (None: the usual one)."""
    tr = translator(lang)
    where = [table_labels(lang).get(p.table, p.table)] if p.table != "file" else []
    if p.row is not None:
        where.append(_t("row {row}", lang).format(row=p.row))
    if p.field:
        label = field_label(p.table, p.field) if field_label else None
        where.append(label or column_label(p.table, p.field, lang))
    reason = Reason(p.reason.code, p.reason.template, tuple(  # codes among them, as read
        (k, _param_label(p, k, v, lang)) for k, v in p.reason.params))
    text = reason.render(tr.reason)
    return _t("{where}: {text}", lang).format(where=_t(", ", lang).join(where), text=text) \
        if where else text


def _param_label(p: Problem, key: str, value: str, lang: str | None) -> str:
    if key in ("lo_field", "hi_field"):
        return column_label(p.table, value, lang)
    if p.reason.code == "catio.kind_changed" and key == "kind":
        return table_labels(lang).get(value, value)
    return value


def problems_line(problems: Sequence[Problem], lang: str | None = None, *, shown: int = 3,
                  field_label: Callable[[str, str], str] | None = None) -> str:
    """One line: how many problems, the first ``shown`` of them, that nothing changed."""
    if len(problems) == 1:
        return _t("{problem} Nothing was changed.", lang).format(
            problem=problem_text(problems[0], lang, field_label))
    parts = [problem_text(p, lang, field_label) for p in problems[:shown]]
    more = len(problems) - shown
    tail = _t(" (and {n} more)", lang).format(n=more) if more > 0 else ""
    return _t("{n} problems, nothing was changed: {problems}", lang).format(
        n=len(problems), problems=_t("; ", lang).join(parts) + tail)


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


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _lender_data(row: Lender) -> dict[str, Any]:
    return {c.name: _plain(getattr(row, c.key)) for c in lender_table_columns()}


def store_set_up(target: Target, actor: Actor) -> StoreSetUp:
    """The actor's store as an export holds it (the owner's: ``edit_catalogue``)."""
    require(actor, Permission.EDIT_CATALOGUE)
    with reading(target) as uow:
        lenders = [_lender_data(r) for r in uow.session.scalars(
            select(Lender).where(Lender.store_id == actor.store_id).order_by(Lender.id))]
        data = CatalogueData(lenders=lenders, card_instalments=[])
        for row in catalogue.list_products(uow, actor):
            getattr(data, row.kind).append(dict(row.spec))
        data.add_ons = [add_on_to_data(r.add_on)
                        for r in addons_admin.list_add_ons(uow, actor)]
        current = settings_service.load_store_settings(uow, actor.store_id)
        values = {s.key: to_plain(s.key, current.value(s.key)) for s in REGISTRY
                  if s.key != settings_service.NAME_KEY}
        return StoreSetUp(data, values, current.profile.name)


# --- writing ------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    counts: Mapping[str, int]


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail("catio.suffix")
    return suffix


def is_catalogue_export(path: Path) -> bool:
    """Is ``path`` a file this module wrote (so an export may replace it)?"""
    from db.files import InputFileError, read_small_file

    try:
        data = read_small_file(path, limit=MAX_FILE_BYTES)
    except InputFileError:
        return False
    if path.suffix.lower() == ".json":
        try:
            return bool(json.loads(data.decode("utf-8")).get("format") == FORMAT)
        except (ValueError, AttributeError, RecursionError):
            return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return FORMAT.encode() in z.read("docProps/core.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def export_target(out: Path | str, *, protect: Iterable[Path | None] = (),
                  lang: str | None = None) -> Path:
    """Where an export may go: a .json or .xlsx name that is new or a catalogue export
    already, in a folder that exists, not a device nor LoanDesk's own files."""
    from db import files

    path = files.check_output(out, protect=protect, lang=lang)
    tr = translator(lang).reason
    if path.suffix.lower() not in SUFFIXES:
        raise UserError(_reason("catio.suffix").render(tr), code="bad_suffix")
    if path.exists() and not is_catalogue_export(path):
        raise UserError(_reason("catio.exists", path=path).render(tr), code="file_exists")
    return path


def json_bytes(set_up: StoreSetUp, exported_by: str, now: datetime | None = None) -> bytes:
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "exported_by": exported_by,
        "store": set_up.store,
        "catalogue": {
            "lenders": set_up.catalogue.lenders,
            "products": set_up.catalogue.products,
            "consumer_credit": set_up.catalogue.consumer_credit,
            "card_instalments": set_up.catalogue.card_instalments or [],
            "add_ons": set_up.catalogue.add_ons,
        },
        "settings": set_up.settings or {},
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_workbook(set_up: StoreSetUp, out: Path, exported_by: str,
                   now: datetime | None = None) -> None:
    """The catalogue as an .xlsx: an About sheet, then one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import IllegalCharacterError
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.properties.keywords = FORMAT
    book.properties.subject = f"{FORMAT} {FORMAT_VERSION}"
    book.properties.creator = "LoanDesk"
    about = book.active
    assert about is not None
    about.title = sheet_title("about")
    _about_sheet(about, set_up, exported_by, now)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    rows = to_rows(set_up.catalogue)
    for table in catalogue_tables():
        sheet = book.create_sheet(sheet_title(table.code))
        for i, column in enumerate(table.columns, start=1):
            heading = _heading(column_label(table.code, column.key, "zh_CN"),
                               column_label(table.code, column.key, "en"))
            cell = sheet.cell(1, i, heading)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            texts = [*heading.splitlines(), *(str(r[i - 1]) for r in rows[table.code]
                                              if r[i - 1] is not None)]
            width = max(display_width(t) for t in texts) + 2
            sheet.column_dimensions[get_column_letter(i)].width = min(max(width, 10), 45)
        for r, values in enumerate(rows[table.code], start=2):
            for i, value in enumerate(values, start=1):
                try:
                    sheet.cell(r, i, value)
                except IllegalCharacterError:
                    raise UserError(_reason("catio.illegal_char", sheet=sheet.title, row=r)
                                    .render(translator().reason), code="illegal_char") from None
        sheet.freeze_panes = "B2"
        sheet.row_dimensions[1].height = 45
        last = max(len(rows[table.code]) + 200, 500)
        for i, column in enumerate(table.columns, start=1):
            choices = (("TRUE", "FALSE") if column.kind == "flag"
                       else column.choices if column.kind == "choice" else ())
            if choices and len(",".join(choices)) < 250:
                check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                       allow_blank=True)
                letter = get_column_letter(i)
                check.add(f"{letter}2:{letter}{last}")
                sheet.add_data_validation(check)
    book.save(out)


def _about_texts(lang: str) -> list[str]:
    """The About sheet's labels and notes, in one language (the order of :func:`_about_sheet`)."""
    return [
        _t("Store", lang), _t("Exported by", lang), _t("Exported at", lang),
        _t("How to edit", lang),
        _t("Change, add or remove rows on the other sheets and import the file again. A "
           "product, lender or add-on left out is deactivated, never deleted. Keep the "
           "first row of each sheet; the columns may be in any order.", lang),
        _t("Rates by grade", lang),
        _t("One row per product and risk grade: the product's code, the grade and the "
           "annual rate every customer of that grade gets.", lang),
        _t("Lists", lang),
        _t("Several methods or terms in one cell are separated by commas (12, 24, 36); "
           "several lenders by semicolons.", lang),
        _t("Settings", lang),
        _t("This workbook holds the catalogue only; the store settings travel in the .json "
           "export.", lang),
    ]


def _about_sheet(sheet: Any, set_up: StoreSetUp, exported_by: str,
                 now: datetime | None) -> None:
    from openpyxl.styles import Alignment, Font

    t = [_heading(zh, en) for zh, en in zip(_about_texts("zh_CN"), _about_texts("en"),
                                             strict=True)]
    when = (now or datetime.now(UTC)).astimezone().strftime("%Y-%m-%d %H:%M")
    lines: list[tuple[str, Any]] = [
        ("format", FORMAT), ("version", FORMAT_VERSION),
        (t[0], set_up.store), (t[1], exported_by), (t[2], when), ("", ""),
        (t[3], t[4]), (t[5], t[6]), (t[7], t[8]), (t[9], t[10]), ("", ""),
    ]
    for table in catalogue_tables():
        for column in table.columns:
            if column.choices:
                lines.append((f"{sheet_title(table.code)}: "
                              + _heading(column_label(table.code, column.key, "zh_CN"),
                                         column_label(table.code, column.key, "en")),
                              ", ".join(column.choices)))
    for r, (label, value) in enumerate(lines, start=1):
        head = sheet.cell(r, 1, label)
        head.font = Font(bold=True)
        head.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(r, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
        tall = max(len(label.splitlines()) or 1, sum(
            1 + display_width(part) // 88 for part in str(value).splitlines()) or 1)
        sheet.row_dimensions[r].height = 15 * tall  # not every program fits wrapped rows
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 90


def export_catalogue(target: Target, actor: Actor, out: Path | str, *,
                     protect: Iterable[Path | None] = (), lang: str | None = None,
                     now: datetime | None = None) -> ExportResult:
    """Write the store's set-up to ``out`` (.json: catalogue and settings; .xlsx: the
    catalogue); atomic, audited.  An existing file is replaced only when it is a
    catalogue export itself."""
    from db import files

    require(actor, Permission.EDIT_CATALOGUE)
    path = export_target(out, protect=protect, lang=lang)
    suffix = path.suffix.lower()
    set_up = store_set_up(target, actor)
    with files.replacing(path, protect=protect, lang=lang, suffix=suffix + ".part") as tmp:
        if suffix == ".json":
            tmp.write_bytes(json_bytes(set_up, actor.username, now))
        else:
            write_workbook(set_up, tmp, actor.username, now)
    counts = {"lenders": len(set_up.catalogue.lenders),
              "products": len(set_up.catalogue.products)
              + len(set_up.catalogue.consumer_credit)
              + len(set_up.catalogue.card_instalments or []),
              "add_ons": len(set_up.catalogue.add_ons),
              "settings": len(set_up.settings or {}) if suffix == ".json" else 0}
    audit.record_export(target, actor, what="catalogue",
                        detail={"file": path.name, "format": suffix[1:], **counts})
    return ExportResult(path, suffix[1:], counts)


# --- reading ------------------------------------------------------------------------


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _fail("catio.key_twice", given=k)
        out[k] = v
    return out


def _strings(value: Any) -> Any:
    """Decimals read from JSON numbers as the catalogue keeps them: text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list):
        return [_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _strings(v) for k, v in value.items()}
    return value


def _version(raw: Any) -> None:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _fail("catio.bad_version", version=parse_shown(raw))
    if raw > FORMAT_VERSION:
        raise _fail("catio.newer", version=raw)
    if raw < 1:
        raise _fail("catio.bad_version", version=raw)


def parse_shown(value: Any) -> str:
    from lending.parse import shown

    return shown(str(value))


def read_json(data: bytes) -> StoreSetUp:
    """A .json export's contents (cells and records not yet checked)."""
    try:
        document = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_no_twice,
                              parse_float=Decimal)
    except CatalogueFileError:
        raise
    except (ValueError, RecursionError) as exc:
        why = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        raise _fail("catio.not_json", why=why) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _fail("catio.not_ours")
    _version(document.get("version"))
    body = document.get("catalogue")
    if not isinstance(body, dict):
        raise _fail("catio.missing_part", part="catalogue")
    problems: list[Problem] = []
    data_ = CatalogueData()
    origins: dict[str, tuple[str, int]] = {}
    for name in JSON_LISTS:
        if name == catalogue.KIND_CARD and name not in body:
            continue  # an export made before card instalments: the store keeps its own
        items = body.get(name, [])
        if not isinstance(items, list):
            problems.append(Problem(name, None, "", _reason("catio.not_list")))
            continue
        if len(items) > MAX_ROWS:
            problems.append(Problem(name, None, "", _reason("catio.too_many_rows", n=MAX_ROWS)))
            continue
        setattr(data_, name, _strings(items))
        for i in range(len(items)):
            origins[f"{name}[{i}]"] = (name, i + 1)
    for key in body:
        if key not in JSON_LISTS:
            problems.append(Problem("file", None, "", _reason("catio.unknown_field", given=key)))
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        problems.append(Problem("settings", None, "", _reason("catio.not_list")))
        settings = {}
    if problems:
        raise CatalogueFileError(problems)
    return StoreSetUp(data_, _strings(settings), str(document.get("store", "")), origins)


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            entries = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _fail("catio.not_workbook") from None
    if len(entries) > MAX_ZIP_ENTRIES or \
            sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise _fail("catio.unpacks_big", mb=MAX_UNPACKED_BYTES // 1_000_000)


def _table_by_title(tables: Sequence[Table]) -> dict[str, Table]:
    out: dict[str, Table] = {}
    for table in (*tables, Table("about", ())):
        title = sheet_title(table.code)
        for name in (title, table.code, table_labels("zh_CN").get(table.code, ""),
                     table_labels("en").get(table.code, "")):
            if name:
                out.setdefault(_fold(name), table)
    return out


def _column_names(table: Table) -> dict[str, str]:
    out: dict[str, str] = {}
    for column in table.columns:
        zh = column_label(table.code, column.key, "zh_CN")
        en = column_label(table.code, column.key, "en")
        for name in (_heading(zh, en), zh, en, column.key):
            out.setdefault(_fold(name), column.key)
    return out


def _cell_value(cell: Any) -> Any:
    value = cell.value
    fmt = getattr(cell, "number_format", "") or ""
    if "%" in fmt and isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(repr(value)) * 100  # 4.8 typed into a percent cell is 0.048
    if isinstance(value, str) and len(value) > 4 * 2000:
        return value[: 4 * 2000]  # the cell reader refuses it as too long
    return value


def _sheet_rows(sheet: Any, table: Table, problems: list[Problem]) -> Rows:
    names = _column_names(table)
    rows_iter = sheet.iter_rows()
    header = next(rows_iter, ())
    keys: list[str | None] = []
    seen: set[str] = set()
    for cell in list(header)[:MAX_COLUMNS]:
        text = "" if cell.value is None else str(cell.value)
        if not text.strip():
            keys.append(None)
            continue
        key = names.get(_fold(text))
        if key is None:  # a header split over two lines: either language will do
            key = next((names[_fold(part)] for part in text.splitlines()
                        if _fold(part) in names), None)
        if key is None:
            problems.append(Problem(table.code, 1, "", _reason(
                "catio.unknown_column", column=parse_shown(text.replace("\n", " ")))))
        elif key in seen:
            problems.append(Problem(table.code, 1, key, _reason(
                "catio.column_twice", column=column_label(table.code, key))))
            key = None
        else:
            seen.add(key)
        keys.append(key)
    for column in table.columns:
        if column.required and column.key not in seen:
            problems.append(Problem(table.code, 1, column.key, _reason(
                "catio.missing_column", column=column_label(table.code, column.key))))
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, cells in enumerate(rows_iter, start=2):
        values = {k: _cell_value(c) for k, c in zip(keys, cells, strict=False) if k}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(Problem(table.code, None, "",
                                    _reason("catio.too_many_rows", n=MAX_ROWS)))
            break
        rows.append((number, values))
    return rows


def _about_version(sheet: Any) -> None:
    for row in sheet.iter_rows(max_row=20, max_col=2, values_only=True):
        if row and row[0] == "format" and row[1] not in (None, FORMAT):
            raise _fail("catio.not_ours")
        if row and row[0] == "version":
            raw = row[1]
            if isinstance(raw, float) and raw.is_integer():
                raw = int(raw)
            _version(raw)


def read_workbook(data: bytes) -> StoreSetUp:
    """An .xlsx export's catalogue (cells read; records not yet checked)."""
    _check_zip(data)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # zip, XML or openpyxl errors: all "not a workbook"
        raise _fail("catio.not_workbook") from None
    tables = catalogue_tables()
    problems: list[Problem] = []
    by_title = _table_by_title(tables)
    found: dict[str, Rows] = {}
    try:
        for sheet in book.worksheets:
            table = by_title.get(_fold(sheet.title))
            if table is None:
                continue
            if table.code == "about":
                _about_version(sheet)
                continue
            sheet.reset_dimensions()  # the size a sheet claims may be wrong
            found[table.code] = _sheet_rows(sheet, table, problems)
    except CatalogueFileError:
        raise
    except Exception:  # a damaged sheet part
        raise _fail("catio.not_workbook") from None
    finally:
        book.close()
    if not found:
        raise _fail("catio.not_ours")
    for table in tables:
        if table.code not in found and (not table.field or table.field == "grades"):
            problems.append(Problem("file", None, "", _reason(
                "catio.missing_sheet", sheet=sheet_title(table.code))))
    data_, origins, cell_problems = from_rows(found)
    missing = {(p.table, p.field) for p in problems if p.reason.code == "catio.missing_column"}
    problems.extend(p for p in cell_problems  # a missing column is said once, not every row
                    if (p.table, p.field) not in missing or p.reason.code != "sheet.required")
    if problems:
        raise CatalogueFileError(problems)
    return StoreSetUp(data_, None, "", origins)


def read_catalogue_file(path: Path | str) -> StoreSetUp:
    """The file's set-up, its cells read; :class:`CatalogueFileError` says what is wrong."""
    from db.files import InputFileError, read_small_file

    path = Path(path).expanduser()
    suffix = _suffix(path)
    try:
        data = read_small_file(path, limit=MAX_FILE_BYTES)
    except InputFileError as exc:
        raise CatalogueFileError([Problem("file", None, "", Reason(
            exc.code or "input", "{text}", (("text", exc.message),)))]) from None
    return read_json(data) if suffix == ".json" else read_workbook(data)


# --- checking -------------------------------------------------------------------------

_PATH = re.compile(r"^(?P<head>[a-z_]+\[\d+\](?:\.[a-z_]+\[\d+\])?)(?:\.(?P<rest>.+))?$")


def _grade_row(head: str, grade: str, data: CatalogueData) -> str | None:
    """The path of a product's grade row (``products[1].grades[0]``) by its grade."""
    m = re.fullmatch(r"([a-z_]+)\[(\d+)\]", head)
    if m is None or m[1] not in PRODUCT_KINDS:
        return None
    items = getattr(data, m[1])
    spec = items[int(m[2])] if int(m[2]) < len(items) else None
    grades = spec.get("grades") if isinstance(spec, dict) else None
    for i, item in enumerate(grades if isinstance(grades, list) else []):
        if isinstance(item, dict) and str(item.get("grade")) == grade:
            return f"{head}.grades[{i}]"
    return None


def _catalogue_problems(exc: CatalogueError, origins: Mapping[str, tuple[str, int]],
                        data: CatalogueData) -> list[Problem]:
    """parse_catalogue's problems (each a path and a Reason) by sheet row; a rate outside
    the product's range on the row of its grade."""
    out = []
    for where, reason in exc.reasons:
        grade = dict(reason.params).get("grade")
        if grade is not None and where.endswith("].grades"):
            row_path = _grade_row(where.removesuffix(".grades"), grade, data)
            if row_path is not None and row_path in origins:
                sheet, number = origins[row_path]
                field = "annual_rate" if reason.code == "catalogue.rate" else "grade"
                out.append(Problem(sheet, number, field, reason))
                continue
        m = _PATH.match(where)
        row: int | None = None
        table, key = "file", where
        if m is not None:
            head, rest = m["head"], m["rest"] or ""
            origin = origins.get(head)
            if origin is None and "." in head:  # a child list's item not from a sheet row
                origin = origins.get(head.split(".")[0])
                rest = f"{head.split('.', 1)[1].split('[')[0]}.{rest}".rstrip(".")
            if origin is not None:
                table, row = origin
                key = re.sub(r"\[\d+\]", "", rest)
        elif where in PRODUCT_KINDS or where == catalogue.KIND_CARD:
            table, key = where, ""
        out.append(Problem(table, row, key, reason))
    return out


def _fits(value: Any, kind: type) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is str:
        return isinstance(value, str)
    if kind is Decimal:
        try:
            return not isinstance(value, bool) and Decimal(str(value)).is_finite()
        except InvalidOperation:
            return False
    return True


def _check_lenders(items: list[dict[str, Any]], origins: Mapping[str, tuple[str, int]],
                   problems: list[Problem]) -> list[dict[str, Any]]:
    columns = {c.name: c for c in lender_table_columns()}
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        table, row = origins.get(f"lenders[{i}]", ("lenders", i + 1))
        if not isinstance(item, dict):
            problems.append(Problem(table, row, "", _reason("catio.not_list")))
            continue
        clean: dict[str, Any] = {}
        for key, value in item.items():
            column = columns.get(key)
            if column is None:
                problems.append(Problem(table, row, key, _reason("catio.unknown_field",
                                                                 given=key)))
                continue
            kind = column.type.python_type
            if value is None and column.nullable:
                clean[key] = None
            elif not _fits(value, kind):
                problems.append(Problem(table, row, key, _reason(
                    "catio.lender_value", kind=kind.__name__)))
            else:
                clean[key] = Decimal(str(value)) if kind is Decimal else value
        name = " ".join(str(item.get("name") or "").split())
        limit = columns["name"].type.length or 200
        if not name or len(name) > limit or not name.isprintable():
            problems.append(Problem(table, row, "name", _reason("catio.lender_name", n=limit)))
        elif name in seen:
            problems.append(Problem(table, row, "name", _reason("catio.lender_twice",
                                                                given=name)))
        seen.add(name)
        clean["name"] = name
        clean.setdefault("active", True)
        out.append(clean)
    return out


@dataclass(frozen=True)
class _Checked:
    lenders: list[dict[str, Any]]
    products: list[tuple[str, dict[str, Any]]]
    add_ons: tuple[Any, ...]
    settings: dict[str, Any]


def check_set_up(target: Target, actor: Actor, set_up: StoreSetUp, *,
                 with_profile: bool = False) -> _Checked:
    """Everything of the file checked against the rules and this store; raises
    :class:`CatalogueFileError` with every problem.  Writes nothing."""
    problems: list[Problem] = []
    origins = set_up.origins
    data = set_up.catalogue
    lenders = _check_lenders(data.lenders, origins, problems)
    names = {lender["name"] for lender in lenders}
    try:
        parse_catalogue({"version": 1, "products": data.products,
                         "consumer_credit": data.consumer_credit,
                         "card_instalments": data.card_instalments or []})
    except CatalogueError as exc:
        problems.extend(_catalogue_problems(exc, origins, data))
    with reading(target) as uow:
        have = {r.code: r.kind for r in catalogue.list_products(uow, actor)}
        current = settings_service.load_store_settings(uow, actor.store_id)
    products: list[tuple[str, dict[str, Any]]] = []
    for kind in _kinds_of(data):
        for i, spec in enumerate(getattr(data, kind)):
            if not isinstance(spec, dict):
                continue
            table, row = origins.get(f"{kind}[{i}]", (kind, i + 1))
            code = spec.get("code")
            if isinstance(code, str) and have.get(code, kind) != kind:
                problems.append(Problem(table, row, "code", _reason(
                    "catio.kind_changed", given=code, kind=have[code])))
            example = spec.get("example_lenders")
            for lender in example if isinstance(example, list) else []:
                if isinstance(lender, str) and " ".join(lender.split()) not in names:
                    problems.append(Problem(table, row, "example_lenders", _reason(
                        "catio.lender_unknown", given=lender)))
            products.append((kind, spec))
    values = _setting_values(set_up.settings, with_profile, problems)
    try:
        new = build_store_settings(values, current)
    except SettingsError as exc:
        problems.extend(Problem("settings", None, key, r) for key, r in exc.reasons)
        new = current
    if len(data.add_ons) > MAX_ADD_ONS:
        problems.append(Problem("add_ons", None, "", _reason("catio.too_many_rows",
                                                             n=MAX_ADD_ONS)))
        add_ons: tuple[Any, ...] = ()
    else:
        add_ons, found = read_add_ons(data.add_ons, lenders=names, settings=new.lending)
        for i, key, reason in found:
            table, row = origins.get(f"add_ons[{i}]", ("add_ons", i + 1))
            problems.append(Problem(table, row, key, reason))
    if problems:
        raise CatalogueFileError(problems)
    return _Checked(lenders, products, add_ons, values)


def _setting_values(raw: Mapping[str, Any] | None, with_profile: bool,
                    problems: list[Problem]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, plain in (raw or {}).items():
        if key == settings_service.NAME_KEY:
            continue  # the store keeps its own name
        if key not in SPECS:
            problems.append(Problem("settings", None, key,
                                    _reason("catio.setting_unknown", given=key)))
            continue
        if key in PROFILE_KEYS and not with_profile:
            continue
        try:
            values[key] = from_plain(key, plain)
        except (TypeError, ValueError, KeyError, InvalidOperation, AttributeError):
            problems.append(Problem("settings", None, key, _reason("catio.setting_unreadable")))
    return values


# --- importing ------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    lenders: Mapping[str, int]
    """``added``, ``changed``, ``deactivated``."""
    products: Mapping[str, int]
    add_ons: Mapping[str, int]
    settings_changed: int


def _same_product(kind: str, stored: Mapping[str, Any], spec: Mapping[str, Any],
                  carrier: Mapping[str, Any]) -> bool:
    """The same product, however written (``4.80`` or ``4.8``, a default left out).

    ``carrier``: a valid car loan, for a catalogue around a consumer credit product."""

    def parsed(one: Mapping[str, Any]) -> Any:
        data = {"version": 1, "products": [one]} if kind == "products" else {
            "version": 1, "products": [carrier], kind: [one]}
        return getattr(parse_catalogue(data), kind)[0]

    if stored == spec:
        return True
    try:
        return bool(parsed(stored) == parsed(spec))
    except CatalogueError:
        return False


def _apply_lenders(uow: Any, actor: Actor, lenders: list[dict[str, Any]]) -> dict[str, int]:
    rows = {r.name: r for r in uow.session.scalars(
        select(Lender).where(Lender.store_id == actor.store_id))}
    counts = {"added": 0, "changed": 0, "deactivated": 0}
    for item in lenders:
        row = rows.pop(item["name"], None)
        if row is None:
            row = Lender(store_id=actor.store_id, name=item["name"])
            uow.session.add(row)
            counts["added"] += 1
        elif any(getattr(row, k) != v for k, v in item.items()):
            counts["changed"] += 1
        for key, value in item.items():
            setattr(row, key, value)
    for row in rows.values():
        if row.active:
            row.active = False
            counts["deactivated"] += 1
    uow.session.flush()
    return counts


def _kinds_of(data: CatalogueData) -> tuple[str, ...]:
    """The kinds of product the file holds (a workbook holds no card instalments)."""
    cards = (catalogue.KIND_CARD,) if data.card_instalments is not None else ()
    return (*PRODUCT_KINDS, *cards)


def _apply_products(uow: Any, actor: Actor, products: list[tuple[str, dict[str, Any]]],
                    kinds: Sequence[str]) -> dict[str, int]:
    """The file's products saved; the store's products of ``kinds`` that the file does not
    hold deactivated (other kinds stay as they are)."""
    have = {r.code: r for r in catalogue.list_products(uow, actor) if r.kind in kinds}
    counts = {"added": 0, "changed": 0, "deactivated": 0}
    order: list[str] = []
    for kind, spec in products:
        spec = {**spec, "active": bool(spec.get("active", True))}
        row = have.pop(spec["code"], None)
        order.append(spec["code"])
        if row is not None and _same_product(kind, row.spec, spec, products[0][1]):
            continue
        counts["added" if row is None else "changed"] += 1
        catalogue.save_product(uow, actor, spec, kind=kind)
    for code, row in have.items():
        order.append(code)
        if row.active:
            catalogue.set_product_active(uow, actor, code, False)
            counts["deactivated"] += 1
    position = {code: i for i, code in enumerate(order, start=1)}
    for p in uow.session.scalars(select(Product).where(Product.store_id == actor.store_id)):
        if p.code in position and p.sort_order != position[p.code]:
            p.sort_order = position[p.code]
    uow.session.flush()
    return counts


def import_catalogue(
    target: Target,
    actor: Actor,
    source: Path | str | StoreSetUp,
    *,
    with_profile: bool = False,
) -> ImportResult:
    """The store takes the file's catalogue (and settings, from a .json): checked whole
    first, then one transaction; :class:`CatalogueFileError` lists every problem and
    nothing is changed."""
    require(actor, Permission.EDIT_CATALOGUE)
    require(actor, Permission.EDIT_SETTINGS)
    name = "" if isinstance(source, StoreSetUp) else Path(source).name
    set_up = source if isinstance(source, StoreSetUp) else read_catalogue_file(source)
    with transaction(target) as uow:
        checked = check_set_up(uow, actor, set_up, with_profile=with_profile)
        lenders = _apply_lenders(uow, actor, checked.lenders)
        products = _apply_products(uow, actor, checked.products,
                                   _kinds_of(set_up.catalogue))
        changes = addons_admin.apply_add_ons(uow, actor, checked.add_ons)
        addons_admin.audit_add_on_changes(uow, actor, changes, event="import")
        before = settings_service.load_store_settings(uow, actor.store_id)
        after = settings_service.save_store_settings(uow, actor, checked.settings)
        settings_changed = sum(1 for s in REGISTRY if before.value(s.key) != after.value(s.key))
        add_ons = {"added": sum(1 for c in changes if c["before"] is None),
                   "changed": sum(1 for c in changes if c["before"] is not None
                                  and c["after"]["active"]),
                   "deactivated": sum(1 for c in changes if c["before"] is not None
                                      and not c["after"]["active"]
                                      and c["before"]["active"])}
        audit.record(
            uow, store_id=actor.store_id, action=AuditAction.IMPORT, actor=actor,
            target_type="catalogue",
            detail={"file": name, "with_profile": with_profile, "from_store": set_up.store,
                    "lenders": lenders, "products": products, "add_ons": add_ons,
                    "settings_changed": settings_changed},
        )
        return ImportResult(lenders, products, add_ons, settings_changed)
