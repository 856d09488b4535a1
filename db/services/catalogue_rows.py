"""The catalogue as tables a person edits in Excel, and back (no file I/O here).

:mod:`db.services.catalogue_io` writes and reads the workbook; this module
decides what is in it.  One table per kind of record:

* ``lenders`` - the store's lenders (one column per column of the table);
* ``products`` and ``consumer_credit`` - one row per product; a nested
  object becomes columns ``fees.upfront_fee`` ...; a list of numbers, codes
  or names one cell (``12, 24, 36``; names separated by ``;``);
* ``grades`` - one row per product and risk grade (the rate sheet), and one
  more table for any other list of records a product holds (found from the
  product's fields, so a field added to :mod:`lending.products` gets its
  columns without a change here);
* ``add_ons`` - the add-on catalogue (:mod:`lending.addons`).

The columns come from the dataclasses of :mod:`lending.products` (their type
hints) and :data:`lending.addons.FIELDS`.  :func:`to_rows` turns specs (the
JSON the catalogue keeps) into rows of cell values; :func:`from_rows` turns
rows back into specs, each cell read by its column's kind, every problem a
:class:`Problem` naming the table, the row and the field.  Whether the specs
make a valid catalogue is then :func:`lending.products.parse_catalogue`'s
and :func:`lending.addons.read_add_ons`' to say.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from lending import addons, parse
from lending.products import ConsumerCreditProduct, Product
from lending.reasons import Reason, ReasonsError

MAX_CELL_CHARS = 2000
"""A longer cell is not something a person typed into the catalogue."""

MESSAGES: dict[str, str] = {
    "sheet.not_number": "'{value}' is not a number.",
    "sheet.not_whole": "'{value}' is not a whole number.",
    "sheet.not_yes_no": "Enter yes or no (TRUE / FALSE, 是 / 否), not '{value}'.",
    "sheet.not_choice": "'{value}' is not one of: {choices}.",
    "sheet.not_text": "Enter text here, not '{value}'.",
    "sheet.not_json": "'{value}' is not readable here (JSON).",
    "sheet.too_long": "The cell holds more than {n} characters.",
    "sheet.required": "This cannot be left empty.",
    "sheet.no_parent": "There is no product '{given}' on the product sheets.",
}

PRODUCT_KINDS: Mapping[str, type] = {"products": Product, "consumer_credit": ConsumerCreditProduct}
"""The product tables and the dataclass each row is (the catalogue's JSON keys)."""
PARENT = "product"
"""The first column of a child table: the product's code."""


def _reason(code: str, /, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


@dataclass(frozen=True)
class Column:
    key: str
    """``code``, ``fees.upfront_fee`` ... (a nested object's keys joined by dots)."""
    kind: str
    """``text``, ``decimal``, ``whole``, ``flag``, ``choice``, ``numbers`` (a list of whole
    numbers), ``choices`` (a list of codes), ``texts`` (a list of names) or ``json``."""
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    code: str
    columns: tuple[Column, ...]
    field: str = ""
    """Child tables: the list field of the product specs whose items the rows are."""

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass(frozen=True)
class Problem:
    table: str
    """A table code, ``settings``, or ``file`` (the file as a whole)."""
    row: int | None
    """The row as the reader counts it (a sheet's row number, a list's item number)."""
    field: str
    reason: Reason


@dataclass
class CatalogueData:
    """A catalogue as plain data: the lists a file holds, each item a JSON-friendly dict."""

    lenders: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    consumer_credit: list[dict[str, Any]] = field(default_factory=list)
    add_ons: list[dict[str, Any]] = field(default_factory=list)
    card_instalments: list[dict[str, Any]] | None = None
    """Bank card instalments (a .json file holds them; None: the file cannot - a
    workbook - and the store's own stay as they are on import)."""


# --- the columns -----------------------------------------------------------------


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return (args[0] if len(args) == 1 else Any), True
    return hint, False


def _kind_of(hint: Any) -> tuple[str, tuple[str, ...]]:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "choice", tuple(str(m.value) for m in hint)
    if hint is bool:
        return "flag", ()
    if hint is int:
        return "whole", ()
    if hint is Decimal:
        return "decimal", ()
    if hint is str:
        return "text", ()
    if typing.get_origin(hint) is tuple:
        (item, *_rest) = typing.get_args(hint)
        if isinstance(item, type) and issubclass(item, Enum):
            return "choices", tuple(str(m.value) for m in item)
        if item is int:
            return "numbers", ()
        if item is str:
            return "texts", ()
    return "json", ()


def _record_list(hint: Any) -> type | None:
    """The dataclass of a ``tuple[SomeDataclass, ...]`` field, else None."""
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            return item
    return None


def _required(f: dataclasses.Field[Any], optional: bool) -> bool:
    return (
        not optional
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    )


def _columns(cls: type, prefix: str = "") -> tuple[list[Column], dict[str, type]]:
    """The flat columns of a dataclass and its list-of-records fields (name -> dataclass)."""
    hints = typing.get_type_hints(cls)
    columns: list[Column] = []
    children: dict[str, type] = {}
    for f in dataclasses.fields(cls):
        hint, optional = _unwrap(hints[f.name])
        record = _record_list(hint)
        if record is not None and not prefix:
            children[f.name] = record
            continue
        if dataclasses.is_dataclass(hint) and isinstance(hint, type) and not prefix:
            nested, _ = _columns(hint, f"{f.name}.")
            columns.extend(dataclasses.replace(c, required=False) for c in nested)
            continue
        kind, choices = _kind_of(hint)
        # a yes/no the parser defaults (requires_full_insurance) may be left empty
        required = _required(f, optional) and not prefix and kind != "flag"
        columns.append(Column(prefix + f.name, kind, required, choices))
    return columns, children


def _lender_columns() -> tuple[Column, ...]:
    """The lenders table's own columns (a column added to it is exported too)."""
    return tuple(
        Column(c.name, _kind_of(_python_type(c))[0], required=not c.nullable and c.default is None)
        for c in lender_table_columns()
    )


def lender_table_columns() -> list[Any]:
    """The ``lenders`` columns a file carries: all but the keys and the bookkeeping."""
    from db.models import Lender

    return [
        c
        for c in Lender.__table__.columns
        if c.name not in ("id", "store_id", "updated_at", "updated_by", "created_at")
        and not c.foreign_keys
    ]


def _python_type(column: Any) -> Any:
    try:
        return column.type.python_type
    except NotImplementedError:
        return Any


_ADD_ON_KINDS: Mapping[str, Column] = {
    "code": Column("code", "text", True),
    "kind": Column("kind", "choice", True, tuple(k.value for k in addons.AddOnKind)),
    "name_zh": Column("name_zh", "text", True),
    "name": Column("name", "text", True),
    "rule": Column("rule", "choice", True, tuple(r.value for r in addons.PriceRule)),
    "amount": Column("amount", "decimal"),
    "required_by": Column("required_by", "texts"),
    "financeable": Column("financeable", "flag"),
    "active": Column("active", "flag"),
}


def catalogue_tables() -> tuple[Table, ...]:
    """Every table of the workbook, in order: lenders, the product kinds, their child
    tables (``grades`` first), the add-ons."""
    tables = [Table("lenders", _lender_columns())]
    children: dict[str, type] = {}
    for code, cls in PRODUCT_KINDS.items():
        columns, kids = _columns(cls)
        tables.append(Table(code, tuple(columns)))
        for name, record in kids.items():
            children.setdefault(name, record)
    for name, record in sorted(children.items(), key=lambda kv: kv[0] != "grades"):
        columns, _ = _columns(record)
        tables.append(Table(name, (Column(PARENT, "text", True), *columns), field=name))
    tables.append(Table("add_ons", tuple(_ADD_ON_KINDS[k] for k in addons.FIELDS)))
    return tuple(tables)


# --- specs -> rows ---------------------------------------------------------------


def _get(spec: Mapping[str, Any], key: str) -> Any:
    value: Any = spec
    for part in key.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _cell(column: Column, value: Any) -> Any:
    """A spec value as the cell shows it."""
    if value is None:
        return None
    if column.kind == "decimal":
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return str(value)
    if column.kind in ("numbers", "choices"):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if column.kind == "texts":
        return "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if column.kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def to_rows(data: CatalogueData) -> dict[str, list[list[Any]]]:
    """Every table's rows (cells in the order of :func:`catalogue_tables`' columns)."""
    out: dict[str, list[list[Any]]] = {}
    products = [*data.products, *data.consumer_credit]
    for table in catalogue_tables():
        if table.field:
            rows = []
            for spec in products:
                for item in spec.get(table.field) or []:
                    rows.append(
                        [
                            spec.get("code"),
                            *(_cell(c, _get(item, c.key)) for c in table.columns[1:]),
                        ]
                    )
            out[table.code] = rows
            continue
        items = getattr(data, table.code)
        out[table.code] = [[_cell(c, _get(item, c.key)) for c in table.columns] for item in items]
    return out


# --- rows -> specs ---------------------------------------------------------------


class CellError(ReasonsError):
    pass


def _shown(value: Any) -> str:
    return parse.shown(str(value))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        raise CellError([_reason("sheet.not_text", value=value)])
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        raise CellError([_reason("sheet.not_text", value=value)])
    text = str(value)
    if len(text) > MAX_CELL_CHARS:
        raise CellError([_reason("sheet.too_long", n=MAX_CELL_CHARS)])
    return text.strip()


def _decimal(value: Any) -> str:
    if isinstance(value, (bool, datetime, date)):
        raise CellError([_reason("sheet.not_number", value=_shown(value))])
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        d = Decimal(repr(value)) if isinstance(value, float) else value
        if not d.is_finite():
            raise CellError([_reason("sheet.not_number", value=_shown(value))])
        return format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")
    text = _text(value).removesuffix("%").strip()
    return format(parse.number(text), "f")


def _whole(value: Any) -> int:
    if isinstance(value, (bool, datetime, date)):
        raise CellError([_reason("sheet.not_whole", value=_shown(value))])
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer() or abs(value) > 1e15:
            raise CellError([_reason("sheet.not_whole", value=_shown(value))])
        return int(value)
    return parse.whole(_text(value), lo=-(10**15), hi=10**15)


YES = {"true", "yes", "y", "1", "是", "对", "√", "✓", "x"}
NO = {"false", "no", "n", "0", "否", "不", "×", ""}


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = unicodedata.normalize("NFKC", _text(value)).casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError([_reason("sheet.not_yes_no", value=_shown(value))])


def _choice(value: Any, choices: Sequence[str]) -> str:
    text = unicodedata.normalize("NFKC", _text(value)).strip()
    for c in choices:
        if c.casefold() == text.casefold():
            return c
    raise CellError([_reason("sheet.not_choice", value=_shown(value), choices=", ".join(choices))])


def _split(value: Any, separators: str) -> list[str]:
    """The parts between any of the separators (the text itself is kept as typed:
    a name's full-width brackets stay full-width)."""
    text = _text(value)
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


def read_cell(column: Column, value: Any) -> Any:
    """A cell's value as the spec holds it (``None``: empty); :class:`CellError` or
    :class:`lending.parse.ParseError` says what is wrong with it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = column.kind
    if kind == "text":
        return _text(value)
    if kind == "decimal":
        return _decimal(value)
    if kind == "whole":
        return _whole(value)
    if kind == "flag":
        return _flag(value)
    if kind == "choice":
        return _choice(value, column.choices) if column.choices else _text(value)
    if kind == "numbers":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [_whole(value)]
        return [_whole(part) for part in _split(value, ",;，；、 \n")]
    if kind == "choices":
        return [
            _choice(part, column.choices) if column.choices else part
            for part in _split(value, ",;，；、 \n")
        ]
    if kind == "texts":
        return _split(value, ";；\n")
    try:
        return json.loads(_text(value))
    except (ValueError, RecursionError):
        raise CellError([_reason("sheet.not_json", value=_shown(value))]) from None


def _put(spec: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    target = spec
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


Rows = Sequence[tuple[int, Mapping[str, Any]]]
"""A table's rows as read: (row number, {column key: cell value})."""


def _read_row(
    table: Table, number: int, cells: Mapping[str, Any], problems: list[Problem]
) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    for column in table.columns:
        raw = cells.get(column.key)
        try:
            value = read_cell(column, raw)
        except ReasonsError as exc:
            problems.append(Problem(table.code, number, column.key, exc.reason))
            continue
        if value is None:
            if column.required:
                problems.append(Problem(table.code, number, column.key, _reason("sheet.required")))
            continue
        _put(spec, column.key, value)
    return spec


def from_rows(
    tables: Mapping[str, Rows],
) -> tuple[CatalogueData, dict[str, tuple[str, int]], list[Problem]]:
    """Specs from the rows of each table, where each came from, and every cell's problem.

    The origins map a spec's path as :func:`lending.products.parse_catalogue`
    names it (``products[2]``, ``products[2].grades[0]``, ``add_ons[4]``) to
    (table, row number), so its problems can name the row.
    """
    data = CatalogueData()
    origins: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    by_code: dict[str, dict[str, Any]] = {}
    paths: dict[str, str] = {}
    for table in catalogue_tables():
        rows = tables.get(table.code, ())
        if table.field:
            counts: dict[str, int] = {}
            for number, cells in rows:
                spec = _read_row(table, number, cells, problems)
                code = spec.pop(PARENT, None)
                if code is None:
                    continue
                parent = by_code.get(code)
                if parent is None:
                    problems.append(
                        Problem(table.code, number, PARENT, _reason("sheet.no_parent", given=code))
                    )
                    continue
                index = counts.get(code, 0)
                counts[code] = index + 1
                parent.setdefault(table.field, []).append(spec)
                origins[f"{paths[code]}.{table.field}[{index}]"] = (table.code, number)
            continue
        items: list[dict[str, Any]] = getattr(data, table.code)
        for number, cells in rows:
            spec = _read_row(table, number, cells, problems)
            path = f"{table.code}[{len(items)}]"
            origins[path] = (table.code, number)
            items.append(spec)
            if table.code in PRODUCT_KINDS and isinstance(spec.get("code"), str):
                by_code.setdefault(spec["code"], spec)
                paths.setdefault(spec["code"], path)
    for code in PRODUCT_KINDS:  # a product whose sheet lists no grade: none
        cls_children = _columns(PRODUCT_KINDS[code])[1]
        for spec in getattr(data, code):
            for name in cls_children:
                spec.setdefault(name, [])
    return data, origins, problems
