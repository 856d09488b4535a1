"""Reading a catalogue file (.json or .xlsx) into a :class:`StoreSetUp`, with its caps.

A file, never a device; at most :data:`~db.services.catalogue_file.MAX_FILE_BYTES`;
a workbook unpacking to at most ``MAX_UNPACKED_BYTES`` in at most
``MAX_ZIP_ENTRIES`` parts; at most ``MAX_ROWS`` rows a table.  Every problem is
a :class:`~db.services.catalogue_rows.Problem` (table, row, field, reason) in
:class:`~db.services.catalogue_file.CatalogueFileError`.  Nothing here touches the
database: :mod:`db.services.catalogue_io` checks and imports what was read.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from db.services import catalogue
from db.services.catalogue_file import (
    FORMAT,
    FORMAT_VERSION,
    JSON_LISTS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
    CatalogueFileError,
    StoreSetUp,
    _fail,
    _fold,
    _heading,
    _reason,
    _suffix,
    column_label,
    sheet_title,
    table_labels,
)
from db.services.catalogue_rows import (
    CatalogueData,
    Problem,
    Rows,
    Table,
    catalogue_tables,
    from_rows,
)
from lending.reasons import Reason

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
        document = json.loads(
            data.decode("utf-8-sig"), object_pairs_hook=_no_twice, parse_float=Decimal
        )
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
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise _fail("catio.unpacks_big", mb=MAX_UNPACKED_BYTES // 1_000_000)


def _table_by_title(tables: Sequence[Table]) -> dict[str, Table]:
    out: dict[str, Table] = {}
    for table in (*tables, Table("about", ())):
        title = sheet_title(table.code)
        for name in (
            title,
            table.code,
            table_labels("zh_CN").get(table.code, ""),
            table_labels("en").get(table.code, ""),
        ):
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
            key = next(
                (names[_fold(part)] for part in text.splitlines() if _fold(part) in names), None
            )
        if key is None:
            problems.append(
                Problem(
                    table.code,
                    1,
                    "",
                    _reason("catio.unknown_column", column=parse_shown(text.replace("\n", " "))),
                )
            )
        elif key in seen:
            problems.append(
                Problem(
                    table.code,
                    1,
                    key,
                    _reason("catio.column_twice", column=column_label(table.code, key)),
                )
            )
            key = None
        else:
            seen.add(key)
        keys.append(key)
    for column in table.columns:
        if column.required and column.key not in seen:
            problems.append(
                Problem(
                    table.code,
                    1,
                    column.key,
                    _reason("catio.missing_column", column=column_label(table.code, column.key)),
                )
            )
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, cells in enumerate(rows_iter, start=2):
        values = {k: _cell_value(c) for k, c in zip(keys, cells, strict=False) if k}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                Problem(table.code, None, "", _reason("catio.too_many_rows", n=MAX_ROWS))
            )
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
            problems.append(
                Problem(
                    "file", None, "", _reason("catio.missing_sheet", sheet=sheet_title(table.code))
                )
            )
    data_, origins, cell_problems = from_rows(found)
    missing = {(p.table, p.field) for p in problems if p.reason.code == "catio.missing_column"}
    problems.extend(
        p
        for p in cell_problems  # a missing column is said once, not every row
        if (p.table, p.field) not in missing or p.reason.code != "sheet.required"
    )
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
        raise CatalogueFileError(
            [
                Problem(
                    "file",
                    None,
                    "",
                    Reason(exc.code or "input", "{text}", (("text", exc.message),)),
                )
            ]
        ) from None
    return read_json(data) if suffix == ".json" else read_workbook(data)
