"""Rows whose ids are already known, written many per statement: :class:`BulkWriter`.

``db.demo`` numbers its rows itself and ``bench/db.py`` times this path
against raw ``sqlite3``.  Each table's ``INSERT`` is compiled once for the
engine's dialect (so it runs on SQLite and PostgreSQL alike); the rows'
Python values go through each column type's own bind processing (with
quicker equivalents checked against it, :func:`fast_processor`), then one
DBAPI ``executemany`` per table and batch.  It sits beside the engine, not
among the services: it writes driver-level statements, which the services
never do (tests/db/test_portability.py).  Records that need checking
(imports, tests) go through :mod:`db.services.bulk` instead.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert


def row_template(t: Table) -> dict[str, Any]:
    """Every column of ``t`` (scalar defaults filled, else None): a full row to update."""
    row: dict[str, Any] = {}
    for col in t.columns:
        d = col.default
        row[col.key] = d.arg if d is not None and d.is_scalar else None  # type: ignore[attr-defined]
    return row


@contextmanager
def no_gc() -> Iterator[None]:
    """No cyclic garbage collection while building millions of acyclic rows.

    The rows (dicts, tuples, Decimals, datetimes) hold no reference cycles, so
    reference counting frees them; the collector would only rescan the
    growing heap again and again (about a third of the demo's generation time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fast_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        value = value.astimezone(UTC)
    text = value.isoformat(" ")  # "YYYY-MM-DD HH:MM:SS[.ffffff]+00:00"
    return text[:19] + ".000000" if value.microsecond == 0 else text[:26]


def _fast_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _fast_scaled(places: int) -> Callable[[Decimal | None], int | None]:
    def process(value: Decimal | None) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            if isinstance(value, float):
                raise TypeError("floats are refused for money and rates; use Decimal")
            value = Decimal(value)
        scaled = value.scaleb(places)
        whole = int(scaled)
        if whole != scaled:
            raise ValueError(f"value has more than {places} decimal places")
        return whole

    return process


def _fast_json(generic: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """JSON text, encoding a list object the generator shares between rows only once."""
    seen: dict[int, tuple[Any, Any]] = {}

    def process(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list):
            if not value:
                return "[]"
            hit = seen.get(id(value))
            if hit is not None and hit[0] is value:
                return hit[1]
            text = generic(value)
            if len(seen) > 50_000:
                seen.clear()
            seen[id(value)] = (value, text)  # holding ``value`` keeps its id unique
            return text
        return generic(value)

    return process


_SAMPLES: Mapping[str, tuple[Any, ...]] = {
    "datetime": (
        datetime(2026, 3, 1, 8, 5, 9, tzinfo=UTC),
        datetime(2025, 12, 31, 23, 59, 59, 123456, tzinfo=UTC),
        datetime(2026, 3, 1, 8, 5, 9, tzinfo=timezone(timedelta(hours=8))),
        None,
    ),
    "date": (date(2026, 2, 28), date(1999, 1, 1), None),
    "scaled": (Decimal("12345.67"), Decimal("0"), Decimal("-3.5"), Decimal("7"), None),
    "json": ([], None, [{"code": "x", "params": {"a": "1"}}]),
    "bytes": (b"\x01abc", b"", None),
    "bool": (True, False, None),
}


def _same(value: Any) -> Any:
    return value


def fast_processor(type_: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """A quicker bind processor for the types bulk rows use.

    Each fast path is used only if it gives exactly what the column type's own
    processor gives for a set of sample values on this dialect; otherwise the
    type's processor is used as it is.
    """
    from sqlalchemy import Boolean as SABoolean
    from sqlalchemy import Date as SADate
    from sqlalchemy import LargeBinary

    from db.models.base import JSONText, ScaledDecimal, UTCDateTime

    generic: Callable[[Any], Any] | None = type_._cached_bind_processor(dialect)
    fast: Callable[[Any], Any] | None = None
    kind = ""
    if isinstance(type_, UTCDateTime):
        fast, kind = _fast_datetime, "datetime"
    elif isinstance(type_, ScaledDecimal):
        fast, kind = _fast_scaled(type_.places), "scaled"
    elif isinstance(type_, JSONText) and generic is not None:
        fast, kind = _fast_json(generic), "json"
    elif isinstance(type_, SADate):
        fast, kind = _fast_date, "date"
    elif isinstance(type_, LargeBinary):
        fast, kind = _same, "bytes"  # plain bytes also cross process boundaries
    elif isinstance(type_, SABoolean):
        fast, kind = _same, "bool"
    if fast is None or generic is None:
        return generic
    try:
        same = all(fast(v) == generic(v) for v in _SAMPLES[kind])
    except Exception:
        same = False
    if not same:
        return generic
    return None if fast is _same else fast  # None: the value goes to the driver as it is


class BulkWriter:
    """Core inserts without per-row statement overhead.

    Each table's ``INSERT`` is compiled once for the dialect; the rows' Python
    values go through each column type's own bind processor (the same
    conversion an ORM flush does: Decimal to scaled integer, aware datetime to
    UTC, JSON to text, ...), then one DBAPI ``executemany`` per table and
    batch.  Portable: nothing here is specific to SQLite.

    Rows may carry *local* ids (numbered from 1 by a generator task):
    :meth:`shift` moves every primary and foreign key into the range the
    database has free.
    """

    def __init__(self, dialect: Any, tables: Sequence[Table]) -> None:
        self.dialect = dialect
        self.order = tuple(t.name for t in tables)
        """Insert order: the tables as given (parents first)."""
        self._plans: dict[str, tuple[str, list[str], list[Any], bool]] = {}
        self._keys: dict[str, list[tuple[int, str]]] = {}
        for t in tables:
            name = t.name
            compiled = insert(t).compile(dialect=dialect)
            positional = bool(compiled.positional)
            keys = list(compiled.positiontup or []) if positional else [c.key for c in t.columns]
            procs = [fast_processor(t.c[k].type, dialect) for k in keys]
            self._plans[name] = (str(compiled), keys, procs, positional)
            self._keys[name] = [
                (i, target)
                for i, k in enumerate(keys)
                if (target := _id_target(t, k, self.order)) is not None
            ]

    def convert(self, name: str, rows: Sequence[Mapping[str, Any]]) -> list[Any]:
        """Python values -> driver values, in the statement's parameter order."""
        _sql, keys, procs, positional = self._plans[name]
        if not rows:
            return []
        if not positional:
            pairs = list(zip(keys, procs, strict=True))
            return [{k: (p(r[k]) if p is not None else r[k]) for k, p in pairs} for r in rows]
        # column by column: map() runs the processors without a Python-level loop per value
        getter = itemgetter(*keys)
        raw = list(map(getter, rows)) if len(keys) > 1 else [(getter(r),) for r in rows]
        if all(p is None for p in procs):
            return raw
        columns: list[Iterable[Any]] = list(zip(*raw, strict=True))
        for i, p in enumerate(procs):
            if p is not None:
                columns[i] = map(p, columns[i])
        return list(zip(*columns, strict=True))

    def convert_all(self, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, list[Any]]:
        """:meth:`convert` for every table (those without rows give empty lists)."""
        with no_gc():  # millions of new tuples, no cycles among them
            return {name: self.convert(name, rows.get(name, [])) for name in self.order}

    def statement(self, name: str) -> str:
        """The compiled ``INSERT`` for table ``name`` (the driver's parameter style)."""
        return self._plans[name][0]

    def columns(self, name: str) -> list[str]:
        """The column keys of table ``name``'s statement, in its parameter order."""
        return self._plans[name][1]

    def index_of(self, name: str, key: str) -> int | str:
        """Where column ``key`` sits in a converted row (index, or the dict key)."""
        _sql, keys, _procs, positional = self._plans[name]
        return keys.index(key) if positional else key

    def shift(self, name: str, rows: list[Any], offsets: Mapping[str, int]) -> list[Any]:
        """Add ``offsets[table]`` to every id column that refers to ``table``."""
        moves = [(i, offsets[target]) for i, target in self._keys[name] if offsets.get(target)]
        if not moves or not rows:
            return rows
        positional = self._plans[name][3]
        if not positional:
            keys = self._plans[name][1]
            for r in rows:
                for i, off in moves:
                    k = keys[i]
                    if r[k] is not None:
                        r[k] += off
            return rows
        columns = list(zip(*rows, strict=True))
        for i, off in moves:
            columns[i] = tuple(None if v is None else v + off for v in columns[i])
        return list(zip(*columns, strict=True))

    def write(self, conn: Connection, converted: Mapping[str, list[Any]]) -> dict[str, int]:
        """Insert converted rows, parents first; returns rows written per table."""
        counts: dict[str, int] = {}
        for name in self.order:
            batch = converted.get(name)
            if batch:
                conn.exec_driver_sql(self._plans[name][0], batch)
                counts[name] = len(batch)
        return counts


def _id_target(t: Table, key: str, written: Sequence[str]) -> str | None:
    """The written table an id column points at (its own table for the primary key)."""
    col = t.c[key]
    for fk in col.foreign_keys:
        target = fk.column.table.name
        return target if target in written else None
    if col.primary_key and len(t.primary_key.columns) == 1:
        return t.name
    return None
