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

The file's format, limits, refusals and headings are in
:mod:`db.services.catalogue_file`, reading a file in :mod:`db.services.catalogue_read`;
this module gathers them (``__all__``) with exporting, checking and importing.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.cli_args import display_width
from db.models import Lender, Product
from db.models.enums import AuditAction
from db.services import addons_admin, audit, catalogue
from db.services import settings as settings_service
from db.services.base import Actor, Permission, Target, reading, require, transaction
from db.services.catalogue_file import (
    FORMAT,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    PROFILE_KEYS,
    SUFFIXES,
    CatalogueFileError,
    StoreSetUp,
    _heading,
    _reason,
    _t,
    column_label,
    problem_text,
    problems_line,
    sheet_title,
)
from db.services.catalogue_read import read_catalogue_file, read_json, read_workbook
from db.services.catalogue_rows import (
    PRODUCT_KINDS,
    CatalogueData,
    Problem,
    catalogue_tables,
    lender_table_columns,
    to_rows,
)
from lending.addons import MAX_ADD_ONS, add_on_to_data, read_add_ons
from lending.errors import UserError
from lending.products import CatalogueError, parse_catalogue
from lending.settings import (
    REGISTRY,
    SPECS,
    SettingsError,
    build_store_settings,
    from_plain,
    to_plain,
)
from resources.i18n import translator

__all__ = [  # the set-up copy's API: this module, and what it gathers from its two helpers
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "SUFFIXES",
    "CatalogueFileError",
    "ExportResult",
    "ImportResult",
    "StoreSetUp",
    "catalogue_tables",
    "check_set_up",
    "column_label",
    "export_catalogue",
    "export_target",
    "import_catalogue",
    "is_catalogue_export",
    "json_bytes",
    "problem_text",
    "problems_line",
    "read_catalogue_file",
    "read_json",
    "read_workbook",
    "sheet_title",
    "store_set_up",
    "write_workbook",
]


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
        lenders = [
            _lender_data(r)
            for r in uow.session.scalars(
                select(Lender).where(Lender.store_id == actor.store_id).order_by(Lender.id)
            )
        ]
        data = CatalogueData(lenders=lenders, card_instalments=[])
        for row in catalogue.list_products(uow, actor):
            getattr(data, row.kind).append(dict(row.spec))
        data.add_ons = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(uow, actor)]
        current = settings_service.load_store_settings(uow, actor.store_id)
        values = {
            s.key: to_plain(s.key, current.value(s.key))
            for s in REGISTRY
            if s.key != settings_service.NAME_KEY
        }
        return StoreSetUp(data, values, current.profile.name)


# --- writing ------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    counts: Mapping[str, int]


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


def export_target(
    out: Path | str, *, protect: Iterable[Path | None] = (), lang: str | None = None
) -> Path:
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


def write_workbook(
    set_up: StoreSetUp, out: Path, exported_by: str, now: datetime | None = None
) -> None:
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
            heading = _heading(
                column_label(table.code, column.key, "zh_CN"),
                column_label(table.code, column.key, "en"),
            )
            cell = sheet.cell(1, i, heading)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            texts = [
                *heading.splitlines(),
                *(str(r[i - 1]) for r in rows[table.code] if r[i - 1] is not None),
            ]
            width = max(display_width(t) for t in texts) + 2
            sheet.column_dimensions[get_column_letter(i)].width = min(max(width, 10), 45)
        for r, values in enumerate(rows[table.code], start=2):
            for i, value in enumerate(values, start=1):
                try:
                    sheet.cell(r, i, value)
                except IllegalCharacterError:
                    raise UserError(
                        _reason("catio.illegal_char", sheet=sheet.title, row=r).render(
                            translator().reason
                        ),
                        code="illegal_char",
                    ) from None
        sheet.freeze_panes = "B2"
        sheet.row_dimensions[1].height = 45
        last = max(len(rows[table.code]) + 200, 500)
        for i, column in enumerate(table.columns, start=1):
            choices = (
                ("TRUE", "FALSE")
                if column.kind == "flag"
                else column.choices
                if column.kind == "choice"
                else ()
            )
            if choices and len(",".join(choices)) < 250:
                check = DataValidation(
                    type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True
                )
                letter = get_column_letter(i)
                check.add(f"{letter}2:{letter}{last}")
                sheet.add_data_validation(check)
    book.save(out)


def _about_texts(lang: str) -> list[str]:
    """The About sheet's labels and notes, in one language (the order of :func:`_about_sheet`)."""
    return [
        _t("Store", lang),
        _t("Exported by", lang),
        _t("Exported at", lang),
        _t("How to edit", lang),
        _t(
            "Change, add or remove rows on the other sheets and import the file again. A "
            "product, lender or add-on left out is deactivated, never deleted. Keep the "
            "first row of each sheet; the columns may be in any order.",
            lang,
        ),
        _t("Rates by grade", lang),
        _t(
            "One row per product and risk grade: the product's code, the grade and the "
            "annual rate every customer of that grade gets.",
            lang,
        ),
        _t("Lists", lang),
        _t(
            "Several methods or terms in one cell are separated by commas (12, 24, 36); "
            "several lenders by semicolons.",
            lang,
        ),
        _t("Settings", lang),
        _t(
            "This workbook holds the catalogue only; the store settings travel in the .json "
            "export.",
            lang,
        ),
    ]


def _about_sheet(sheet: Any, set_up: StoreSetUp, exported_by: str, now: datetime | None) -> None:
    from openpyxl.styles import Alignment, Font

    t = [_heading(zh, en) for zh, en in zip(_about_texts("zh_CN"), _about_texts("en"), strict=True)]
    when = (now or datetime.now(UTC)).astimezone().strftime("%Y-%m-%d %H:%M")
    lines: list[tuple[str, Any]] = [
        ("format", FORMAT),
        ("version", FORMAT_VERSION),
        (t[0], set_up.store),
        (t[1], exported_by),
        (t[2], when),
        ("", ""),
        (t[3], t[4]),
        (t[5], t[6]),
        (t[7], t[8]),
        (t[9], t[10]),
        ("", ""),
    ]
    for table in catalogue_tables():
        for column in table.columns:
            if column.choices:
                lines.append(
                    (
                        f"{sheet_title(table.code)}: "
                        + _heading(
                            column_label(table.code, column.key, "zh_CN"),
                            column_label(table.code, column.key, "en"),
                        ),
                        ", ".join(column.choices),
                    )
                )
    for r, (label, value) in enumerate(lines, start=1):
        head = sheet.cell(r, 1, label)
        head.font = Font(bold=True)
        head.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(r, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
        tall = max(
            len(label.splitlines()) or 1,
            sum(1 + display_width(part) // 88 for part in str(value).splitlines()) or 1,
        )
        sheet.row_dimensions[r].height = 15 * tall  # not every program fits wrapped rows
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 90


def export_catalogue(
    target: Target,
    actor: Actor,
    out: Path | str,
    *,
    protect: Iterable[Path | None] = (),
    lang: str | None = None,
    now: datetime | None = None,
) -> ExportResult:
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
    counts = {
        "lenders": len(set_up.catalogue.lenders),
        "products": len(set_up.catalogue.products)
        + len(set_up.catalogue.consumer_credit)
        + len(set_up.catalogue.card_instalments or []),
        "add_ons": len(set_up.catalogue.add_ons),
        "settings": len(set_up.settings or {}) if suffix == ".json" else 0,
    }
    audit.record_export(
        target, actor, what="catalogue", detail={"file": path.name, "format": suffix[1:], **counts}
    )
    return ExportResult(path, suffix[1:], counts)


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


def _catalogue_problems(
    exc: CatalogueError, origins: Mapping[str, tuple[str, int]], data: CatalogueData
) -> list[Problem]:
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


def _check_lenders(
    items: list[dict[str, Any]], origins: Mapping[str, tuple[str, int]], problems: list[Problem]
) -> list[dict[str, Any]]:
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
                problems.append(Problem(table, row, key, _reason("catio.unknown_field", given=key)))
                continue
            kind = column.type.python_type
            if value is None and column.nullable:
                clean[key] = None
            elif not _fits(value, kind):
                problems.append(
                    Problem(table, row, key, _reason("catio.lender_value", kind=kind.__name__))
                )
            else:
                clean[key] = Decimal(str(value)) if kind is Decimal else value
        name = " ".join(str(item.get("name") or "").split())
        limit = columns["name"].type.length or 200
        if not name or len(name) > limit or not name.isprintable():
            problems.append(Problem(table, row, "name", _reason("catio.lender_name", n=limit)))
        elif name in seen:
            problems.append(Problem(table, row, "name", _reason("catio.lender_twice", given=name)))
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


def check_set_up(
    target: Target, actor: Actor, set_up: StoreSetUp, *, with_profile: bool = False
) -> _Checked:
    """Everything of the file checked against the rules and this store; raises
    :class:`CatalogueFileError` with every problem.  Writes nothing."""
    problems: list[Problem] = []
    origins = set_up.origins
    data = set_up.catalogue
    lenders = _check_lenders(data.lenders, origins, problems)
    names = {lender["name"] for lender in lenders}
    try:
        parse_catalogue(
            {
                "version": 1,
                "products": data.products,
                "consumer_credit": data.consumer_credit,
                "card_instalments": data.card_instalments or [],
            }
        )
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
                problems.append(
                    Problem(
                        table,
                        row,
                        "code",
                        _reason("catio.kind_changed", given=code, kind=have[code]),
                    )
                )
            example = spec.get("example_lenders")
            for lender in example if isinstance(example, list) else []:
                if isinstance(lender, str) and " ".join(lender.split()) not in names:
                    problems.append(
                        Problem(
                            table,
                            row,
                            "example_lenders",
                            _reason("catio.lender_unknown", given=lender),
                        )
                    )
            products.append((kind, spec))
    values = _setting_values(set_up.settings, with_profile, problems)
    try:
        new = build_store_settings(values, current)
    except SettingsError as exc:
        problems.extend(Problem("settings", None, key, r) for key, r in exc.reasons)
        new = current
    if len(data.add_ons) > MAX_ADD_ONS:
        problems.append(Problem("add_ons", None, "", _reason("catio.too_many_rows", n=MAX_ADD_ONS)))
        add_ons: tuple[Any, ...] = ()
    else:
        add_ons, found = read_add_ons(data.add_ons, lenders=names, settings=new.lending)
        for i, key, reason in found:
            table, row = origins.get(f"add_ons[{i}]", ("add_ons", i + 1))
            problems.append(Problem(table, row, key, reason))
    if problems:
        raise CatalogueFileError(problems)
    return _Checked(lenders, products, add_ons, values)


def _setting_values(
    raw: Mapping[str, Any] | None, with_profile: bool, problems: list[Problem]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, plain in (raw or {}).items():
        if key == settings_service.NAME_KEY:
            continue  # the store keeps its own name
        if key not in SPECS:
            problems.append(
                Problem("settings", None, key, _reason("catio.setting_unknown", given=key))
            )
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


def _same_product(
    kind: str, stored: Mapping[str, Any], spec: Mapping[str, Any], carrier: Mapping[str, Any]
) -> bool:
    """The same product, however written (``4.80`` or ``4.8``, a default left out).

    ``carrier``: a valid car loan, for a catalogue around a consumer credit product."""

    def parsed(one: Mapping[str, Any]) -> Any:
        data = (
            {"version": 1, "products": [one]}
            if kind == "products"
            else {"version": 1, "products": [carrier], kind: [one]}
        )
        return getattr(parse_catalogue(data), kind)[0]

    if stored == spec:
        return True
    try:
        return bool(parsed(stored) == parsed(spec))
    except CatalogueError:
        return False


def _apply_lenders(uow: Any, actor: Actor, lenders: list[dict[str, Any]]) -> dict[str, int]:
    rows = {
        r.name: r
        for r in uow.session.scalars(select(Lender).where(Lender.store_id == actor.store_id))
    }
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


def _apply_products(
    uow: Any, actor: Actor, products: list[tuple[str, dict[str, Any]]], kinds: Sequence[str]
) -> dict[str, int]:
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
        products = _apply_products(uow, actor, checked.products, _kinds_of(set_up.catalogue))
        changes = addons_admin.apply_add_ons(uow, actor, checked.add_ons)
        addons_admin.audit_add_on_changes(uow, actor, changes, event="import")
        before = settings_service.load_store_settings(uow, actor.store_id)
        after = settings_service.save_store_settings(uow, actor, checked.settings)
        settings_changed = sum(1 for s in REGISTRY if before.value(s.key) != after.value(s.key))
        add_ons = {
            "added": sum(1 for c in changes if c["before"] is None),
            "changed": sum(1 for c in changes if c["before"] is not None and c["after"]["active"]),
            "deactivated": sum(
                1
                for c in changes
                if c["before"] is not None and not c["after"]["active"] and c["before"]["active"]
            ),
        }
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.IMPORT,
            actor=actor,
            target_type="catalogue",
            detail={
                "file": name,
                "with_profile": with_profile,
                "from_store": set_up.store,
                "lenders": lenders,
                "products": products,
                "add_ons": add_ons,
                "settings_changed": settings_changed,
            },
        )
        return ImportResult(lenders, products, add_ons, settings_changed)
