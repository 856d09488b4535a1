"""The bulk path: many rows per statement, for imports, demo data, the benchmark and tests.

One module, two levels:

* :class:`BulkWriter` writes rows whose ids are already known (``db.demo``
  numbers its rows itself; ``bench/db.py`` times this path against raw
  ``sqlite3``).  Each table's ``INSERT`` is compiled once; the rows' Python
  values go through each column type's own bind processing (with quicker
  equivalents checked against it, :func:`fast_processor`), then one DBAPI
  ``executemany`` per table and batch.
* :func:`add_customers` / :func:`add_consultations` take *records* (imports,
  tests, the benchmark's counters), check them with the same rules as the
  one-at-a-time services (ID / phone validated through ``lending.identity``,
  money through ``lending.money``, a consent record for every stored ID
  number) and return the new ids.

A customer row and its consent record are built once, by
:func:`customer_values` and :func:`consent_values`, for both levels: personal
fields encrypted, look-up hashes, who recorded it and when.

New ids (records): on SQLite they are the last ``len(rows)`` ids up to the largest id
read right *after* the insert: from its first row on, the transaction holds
SQLite's write lock, so the batch got consecutive ids (max + 1, ...) and no
other writer can interleave (reading max(id) *before* the insert would race
with another counter committing in between).  On a server
(PostgreSQL) other counters insert at the same time, so the ids come from
``INSERT ... RETURNING`` with ``sort_by_parameter_order`` (SQLAlchemy batches
that as multi-row VALUES there, in parameter order).

The consent records are written in the same transaction as the customers, so
no committed state ever holds an ID number without its consent record.
Blacklist and duplicate checks are *not* run (history being imported already
happened); run :func:`db.services.consultations.open_consultation` for live
consultations.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, func, insert, select

from db.crypto import FieldCipher
from db.models import ConsentRecord, Consultation, Customer
from db.models.enums import Channel, ConsultationStatus, Intent, StepState, Tier
from db.services.base import Actor, Target, ValidationError, now_or, transaction
from lending import identity
from lending.money import MoneyError, parse_money

T = TypeVar("T")
BATCH = 5000


@dataclass(frozen=True)
class CustomerRecord:
    name: str
    phone: str | None = None
    id_number: str | None = None
    tier: str = Tier.POTENTIAL.value
    source_channel: str | None = None
    consent_purpose: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class ConsultationRecord:
    """Reception data of one consultation (the later steps use the normal services)."""

    customer_id: int
    source_channel: str | None = None
    intent_level: str | None = None
    purpose: str | None = None
    budget: Decimal | str | None = None
    wished_down_payment: Decimal | str | None = None
    wished_monthly_payment: Decimal | str | None = None
    contact_at: datetime | None = None
    reception_complete: bool = True


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_many(
    conn: Connection, model: type[Customer] | type[Consultation], rows: Sequence[dict[str, Any]]
) -> list[int]:
    """executemany, then the new ids in insertion order (see the module docstring)."""
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        result = conn.execute(
            insert(model).returning(model.id, sort_by_parameter_order=True), list(rows)
        )
        return list(result.scalars())
    conn.execute(insert(model), list(rows))
    last = conn.execute(select(func.max(model.id))).scalar_one()
    return list(range(last - len(rows) + 1, last + 1))


def _money(value: Decimal | str | None, where: str, errors: dict[str, str]) -> Decimal | None:
    if value is None:
        return None
    try:
        d = parse_money(str(value))
    except MoneyError:
        errors[where] = "Enter an amount in yuan with at most two decimals."
        return None
    if d < 0:
        errors[where] = "The amount cannot be negative."
    return d


def add_customers(
    target: Target, actor: Actor, records: Iterable[CustomerRecord], *, batch_size: int = BATCH
) -> list[int]:
    """Insert customers (and their consent records); returns the new ids in order.

    Every problem is collected first (``field`` is ``"[row].name"``); with any
    problem nothing is written.
    """
    items = list(records)
    errors: dict[str, str] = {}
    channels, tiers = set(Channel), set(Tier)
    moment = now_or(None)
    prepared: list[tuple[CustomerRecord, str | None, str | None]] = []
    for i, r in enumerate(items):
        nphone = nid = None
        if not r.name.strip():
            errors[f"[{i}].name"] = "Enter the customer's name."
        if r.phone:
            pc = identity.check_mobile(r.phone)
            if pc.valid:
                nphone = pc.normalized
            else:
                errors[f"[{i}].phone"] = str(pc.reason)
        if r.id_number:
            ic = identity.check_resident_id(r.id_number)
            if ic.valid:
                nid = ic.normalized
            else:
                errors[f"[{i}].id_number"] = str(ic.reason)
            if not (r.consent_purpose and r.consent_purpose.strip()):
                errors[f"[{i}].consent"] = "An ID number needs a consent record."
        if r.tier not in tiers:
            errors[f"[{i}].tier"] = "Choose VIP, regular or potential."
        if r.source_channel is not None and r.source_channel not in channels:
            errors[f"[{i}].source_channel"] = "Choose a source channel from the list."
        prepared.append((r, nphone, nid))
    if errors:
        raise ValidationError(errors)
    ids: list[int] = []
    with transaction(target) as uow:
        cipher = uow.cipher
        conn = uow.session.connection()
        for chunk in _chunks(prepared, batch_size):
            rows: list[dict[str, Any]] = []
            for r, nphone, nid in chunk:
                rows.append(
                    customer_values(
                        cipher, actor.store_id, actor.staff_id, name=r.name.strip(),
                        phone=nphone, id_number=nid, tier=r.tier,
                        source_channel=r.source_channel, at=r.created_at or moment,
                    )
                )
            new_ids = _insert_many(conn, Customer, rows)
            consents = [
                consent_values(
                    actor.store_id, actor.staff_id, cid, r.consent_purpose.strip(),
                    r.created_at or moment,
                )
                for cid, (r, _, _) in zip(new_ids, chunk, strict=True)
                if r.consent_purpose and r.consent_purpose.strip()
            ]
            if consents:
                conn.execute(insert(ConsentRecord), consents)
            ids.extend(new_ids)
    return ids


def add_consultations(
    target: Target,
    actor: Actor,
    records: Iterable[ConsultationRecord],
    *,
    batch_size: int = BATCH,
) -> list[int]:
    """Insert consultations at the reception stage; returns the new ids in order."""
    items = list(records)
    errors: dict[str, str] = {}
    channels, intents = set(Channel), set(Intent)
    moment = now_or(None)
    rows: list[dict[str, Any]] = []
    for i, r in enumerate(items):
        if r.source_channel is not None and r.source_channel not in channels:
            errors[f"[{i}].source_channel"] = "Choose a source channel from the list."
        if r.intent_level is not None and r.intent_level not in intents:
            errors[f"[{i}].intent_level"] = "Choose high, medium or low."
        complete = r.reception_complete and bool(r.source_channel and r.intent_level)
        at = r.contact_at or moment
        rows.append(
            {
                "store_id": actor.store_id,
                "customer_id": r.customer_id,
                "consultant_id": actor.staff_id,
                "status": ConsultationStatus.OPEN.value,
                "source_channel": r.source_channel,
                "intent_level": r.intent_level,
                "purpose": r.purpose,
                "budget": _money(r.budget, f"[{i}].budget", errors),
                "wished_down_payment": _money(
                    r.wished_down_payment, f"[{i}].wished_down_payment", errors
                ),
                "wished_monthly_payment": _money(
                    r.wished_monthly_payment, f"[{i}].wished_monthly_payment", errors
                ),
                "reception_state": (
                    StepState.COMPLETE if complete else StepState.IN_PROGRESS
                ).value,
                "qualification_state": StepState.NOT_STARTED.value,
                "appraisal_state": StepState.NOT_STARTED.value,
                "plan_state": StepState.NOT_STARTED.value,
                "signing_state": StepState.NOT_STARTED.value,
                "contact_at": at,
                "needs_confirmed_at": at if complete else None,
                "blacklist_hit": False,
                "created_at": at,
                "updated_at": at,
                "version_id": 1,
            }
        )
    if errors:
        raise ValidationError(errors)
    ids: list[int] = []
    with transaction(target) as uow:
        conn = uow.session.connection()
        for chunk in _chunks(rows, batch_size):
            ids.extend(_insert_many(conn, Consultation, chunk))
    return ids


# ---------------------------------------------------------------------------
# one customer row, one consent record (both levels)
# ---------------------------------------------------------------------------


def customer_values(
    cipher: FieldCipher,
    store_id: int,
    staff_id: int,
    *,
    name: str,
    phone: str | None,
    id_number: str | None,
    tier: str,
    source_channel: str | None,
    at: datetime,
) -> dict[str, Any]:
    """A new customer's columns: phone and ID number encrypted, with their look-up hashes.

    ``phone`` / ``id_number`` are already normalised (``lending.identity``)."""
    return {
        "store_id": store_id,
        "name": name,
        "phone_enc": cipher.encrypt("customers", "phone", phone) if phone else None,
        "phone_hmac": cipher.phone_hash(phone) if phone else None,
        "id_number_enc": cipher.encrypt("customers", "id_number", id_number)
        if id_number
        else None,
        "id_hmac": cipher.id_hash(id_number) if id_number else None,
        "tier": tier,
        "source_channel": source_channel,
        "created_by": staff_id,
        "created_at": at,
        "updated_at": at,
        "version_id": 1,
    }


def consent_values(
    store_id: int, staff_id: int, customer_id: int, purpose: str, at: datetime
) -> dict[str, Any]:
    """The consent record every stored ID number needs."""
    return {
        "store_id": store_id,
        "customer_id": customer_id,
        "purpose": purpose,
        "recorded_by": staff_id,
        "recorded_at": at,
    }


# ---------------------------------------------------------------------------
# rows with known ids: BulkWriter
# ---------------------------------------------------------------------------


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

    def convert_all(
        self, rows: Mapping[str, Sequence[Mapping[str, Any]]]
    ) -> dict[str, list[Any]]:
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
