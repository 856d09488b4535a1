"""Internal blacklist and the imported industry list.

Entries keep only keyed hashes of the ID number / phone (plus masked forms
for display), so the list itself reveals nobody.  A hit blocks the
consultation from reaching a finance plan.

Industry list CSV: a header row naming the columns ``id_number`` and/or
``phone`` (also accepted: 身份证号 / 证件号码, 手机号 / 电话), optional
``reason`` and ``note``; UTF-8 (with or without BOM) or GB18030.

Dealer groups (several stores in one database)
    The blacklist is **group-wide**: an entry added (or imported) at any store
    applies at every store, so a fraudster turned away at store A is flagged
    at store B too.  Managing entries (list, remove, re-import) stays with the
    store that added them: its manager, or the owner working in that store
    (:func:`db.services.stores.switch_store`).  A hit on another store's entry
    reveals only that store's name and the date the entry was added - never
    the entry's masked ID/phone or note, which are that store's data (see
    :func:`hit_reason`).  The duplicate-application check in
    :mod:`db.services.consultations` works the same way across stores; its
    cross-store wording lives in :data:`MESSAGES` here too.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, or_, select

from db.crypto import mask_id, mask_phone
from db.models import BlacklistEntry, Store
from db.models.enums import AuditAction, BlacklistReason, BlacklistSource
from db.services import audit
from db.services.base import (
    Actor,
    Permission,
    Target,
    ValidationError,
    get_owned,
    now_or,
    reading,
    require,
    transaction,
)
from db.services.messages import reason as service_reason
from db.uow import UnitOfWork
from lending import identity
from lending.reasons import Reason

MESSAGES: dict[str, str] = {
    "blacklist.hit_other_store": (
        "This customer matches an entry on the {source} blacklist ({reason}) added at "
        "{store} on {date}. The consultation cannot go on to a finance plan; "
        "please refer to the manager."
    ),
    "duplicate.id_number_other_store": (
        "The same ID number was used on an application at {store} on {date} "
        "(within the last {days} days). Check that this is not a duplicate application."
    ),
    "duplicate.phone_other_store": (
        "The same mobile number was used on an application at {store} on {date} "
        "(within the last {days} days). Check that this is not a duplicate application."
    ),
    "blacklist.file_unreadable": "The file cannot be read: {why}.",
    "blacklist.file_encoding": "The file is not UTF-8 or GB18030 text.",
    "blacklist.file_empty": "The file is empty.",
    "blacklist.file_kind": "Choose a .csv or .xlsx file.",
    "blacklist.file_header": (
        "The first row must name an id_number (身份证号) and/or a phone (手机号) column."
    ),
    "blacklist.row_empty": "Neither an ID number nor a mobile number.",
    "blacklist.lift_reason": "Say why the entry is lifted.",
    "blacklist.lift_reason_long": "At most {n} characters.",
}
"""Cross-store fraud-check reasons and the import's (context ``Reason`` in ``db.ts``).  Only the
other store's name and a date are filled in: nothing about its customer."""

_ID_COLUMNS = ("id_number", "id", "身份证号", "身份证号码", "证件号码")
_PHONE_COLUMNS = ("phone", "mobile", "手机号", "手机号码", "电话")


@dataclass(frozen=True)
class BlacklistHit:
    entry_id: int
    source: BlacklistSource
    reason: BlacklistReason
    matched: str
    """``"id_number"`` or ``"phone"``."""
    store_id: int | None = None
    """The store that added the entry."""
    store_name: str = ""
    added_at: datetime | None = None
    own_store: bool = True
    """False when the entry was added at another store of the group."""


@dataclass(frozen=True)
class BlacklistEntryView:
    id: int
    source: BlacklistSource
    reason: BlacklistReason
    id_masked: str | None
    phone_masked: str | None
    note: str | None
    import_batch: str | None
    added_at: datetime


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    """Rows repeating an earlier row of the same file."""
    errors: tuple[tuple[int, Reason | str], ...] = field(default=())
    """(line number, problem) for rows that were not imported."""
    replaced: int = 0
    """Entries of the earlier industry list that were removed."""
    batch: str = ""


def _view(e: BlacklistEntry) -> BlacklistEntryView:
    return BlacklistEntryView(
        id=e.id,
        source=BlacklistSource(e.source),
        reason=BlacklistReason(e.reason),
        id_masked=e.id_masked,
        phone_masked=e.phone_masked,
        note=e.note,
        import_batch=e.import_batch,
        added_at=e.added_at,
    )


def group_store_ids(uow: UnitOfWork) -> list[int]:
    """Every store of the database (a dealer group has a handful).

    Filtering on ``store_id IN (...all stores...)`` keeps the (store_id, hmac)
    indexes usable for a lookup across the whole group.
    """
    return [int(i) for i in uow.session.scalars(select(Store.id).order_by(Store.id))]


def store_name_map(uow: UnitOfWork, store_ids: set[int] | list[int]) -> dict[int, str]:
    if not store_ids:
        return {}
    rows = uow.session.execute(select(Store.id, Store.name).where(Store.id.in_(list(store_ids))))
    return {int(i): str(n) for i, n in rows}


def local_date_text(moment: datetime | None) -> str:
    """``2026-11-20``: the date of ``moment`` on this computer's clock (language-neutral)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # stored naive on some engines: it is UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date().isoformat()


def hits_for_hashes(
    uow: UnitOfWork, store_id: int, id_hmac: str | None, phone_hmac: str | None
) -> list[BlacklistHit]:
    """Hits on the group's blacklist; ``store_id`` is the store asking (its own
    entries first, then other stores' entries, each in the order added)."""
    conds = []
    if id_hmac:
        conds.append(BlacklistEntry.id_hmac == id_hmac)
    if phone_hmac:
        conds.append(BlacklistEntry.phone_hmac == phone_hmac)
    if not conds:
        return []
    rows = list(
        uow.session.scalars(
            select(BlacklistEntry)
            .where(BlacklistEntry.store_id.in_(group_store_ids(uow)), or_(*conds))
            .order_by(BlacklistEntry.id)
        )
    )
    rows.sort(key=lambda e: e.store_id != store_id)  # stable: own store first
    names = store_name_map(uow, {e.store_id for e in rows})
    return [
        BlacklistHit(
            entry_id=e.id,
            source=BlacklistSource(e.source),
            reason=BlacklistReason(e.reason),
            matched="id_number" if id_hmac and e.id_hmac == id_hmac else "phone",
            store_id=e.store_id,
            store_name=names.get(e.store_id, ""),
            added_at=e.added_at,
            own_store=e.store_id == store_id,
        )
        for e in rows
    ]


def hit_reason(hit: BlacklistHit) -> Reason:
    """What blocks the consultation: ``blacklist.hit`` for the store's own entry;
    ``blacklist.hit_other_store`` (store name and date only) for another store's."""
    if hit.own_store:
        return service_reason("blacklist.hit", source=hit.source.value, reason=hit.reason.value)
    return Reason.of(
        MESSAGES,
        "blacklist.hit_other_store",
        source=hit.source.value,
        reason=hit.reason.value,
        store=hit.store_name,
        date=local_date_text(hit.added_at),
    )


def hit_reasons(hits: list[BlacklistHit]) -> list[Reason]:
    """:func:`hit_reason` of each hit; the same sentence about another store once only
    (e.g. the industry list imported at several stores)."""
    own = [hit_reason(h) for h in hits if h.own_store]
    other = list(dict.fromkeys(hit_reason(h) for h in hits if not h.own_store))
    return [*own, *other]


def check(
    target: Target, actor: Actor, *, id_number: str | None = None, phone: str | None = None
) -> list[BlacklistHit]:
    """Blacklist hits for an ID number and/or phone (exact, normalised), across the group."""
    with reading(target) as uow:
        return hits_for_hashes(
            uow,
            actor.store_id,
            uow.cipher.id_hash(id_number) if id_number else None,
            uow.cipher.phone_hash(phone) if phone else None,
        )


def _normalise(
    id_number: str | None, phone: str | None
) -> tuple[str | None, str | None, dict[str, Reason | str]]:
    errors: dict[str, Reason | str] = {}
    nid = nphone = None
    if id_number and id_number.strip():
        ic = identity.check_resident_id(id_number)
        if ic.valid:
            nid = ic.normalized
        else:
            errors["id_number"] = ic.reason or "Not a valid ID number."
    if phone and phone.strip():
        pc = identity.check_mobile(phone)
        if pc.valid:
            nphone = pc.normalized
        else:
            errors["phone"] = pc.reason or "Not a valid mobile number."
    if not errors and nid is None and nphone is None:
        errors["id_number"] = Reason.of(MESSAGES, "blacklist.row_empty")
    return nid, nphone, errors


def _entry(
    uow: UnitOfWork,
    actor: Actor,
    nid: str | None,
    nphone: str | None,
    *,
    source: BlacklistSource,
    reason: BlacklistReason,
    note: str | None,
    batch: str | None,
    now: datetime,
) -> BlacklistEntry:
    return BlacklistEntry(
        store_id=actor.store_id,
        source=source.value,
        reason=reason.value,
        id_hmac=uow.cipher.id_hash(nid) if nid else None,
        phone_hmac=uow.cipher.phone_hash(nphone) if nphone else None,
        id_masked=mask_id(nid) if nid else None,
        phone_masked=mask_phone(nphone) if nphone else None,
        note=note,
        import_batch=batch,
        added_by=actor.staff_id,
        added_at=now,
    )


def add_entry(
    target: Target,
    actor: Actor,
    *,
    id_number: str | None = None,
    phone: str | None = None,
    reason: BlacklistReason = BlacklistReason.FRAUD,
    note: str | None = None,
    now: datetime | None = None,
) -> BlacklistEntryView:
    """Add a person to the internal blacklist (manager or owner)."""
    require(actor, Permission.MANAGE_BLACKLIST)
    nid, nphone, errors = _normalise(id_number, phone)
    if errors:
        raise ValidationError(errors)
    with transaction(target) as uow:
        e = _entry(
            uow,
            actor,
            nid,
            nphone,
            source=BlacklistSource.INTERNAL,
            reason=BlacklistReason(reason),
            note=(note or "").strip() or None,
            batch=None,
            now=now_or(now),
        )
        uow.session.add(e)
        uow.session.flush()
        _audit(uow, actor, {"event": "added"}, e.id)
        return _view(e)


def _audit(
    uow: UnitOfWork, actor: Actor, detail: dict[str, Any], entry_id: int | None = None
) -> None:
    audit.record(
        uow,
        store_id=actor.store_id,
        action=AuditAction.BLACKLIST_CHANGE,
        actor=actor,
        target_type="blacklist",
        target_id=entry_id,
        detail=detail,
    )


def list_entries(
    target: Target, actor: Actor, *, source: BlacklistSource | None = None, limit: int = 1000
) -> list[BlacklistEntryView]:
    """The entries the actor's store added (they apply group-wide, but other stores'
    masked IDs and notes are theirs to see)."""
    with reading(target) as uow:
        q = select(BlacklistEntry).where(BlacklistEntry.store_id == actor.store_id)
        if source is not None:
            q = q.where(BlacklistEntry.source == source.value)
        q = q.order_by(BlacklistEntry.added_at.desc(), BlacklistEntry.id.desc()).limit(limit)
        return [_view(e) for e in uow.session.scalars(q)]


# ---------------------------------------------------------------------------
# the industry list: CSV or Excel, imported in short batches
# ---------------------------------------------------------------------------

ID_COLUMNS = _ID_COLUMNS
PHONE_COLUMNS = _PHONE_COLUMNS
REASON_COLUMNS = ("reason", "原因")
NOTE_COLUMNS = ("note", "备注")
REASON_WORDS: dict[str, BlacklistReason] = {
    "欺诈": BlacklistReason.FRAUD,
    "严重违约": BlacklistReason.SERIOUS_DEFAULT,
    "虚假材料": BlacklistReason.FAKE_DOCUMENTS,
    "伪造材料": BlacklistReason.FAKE_DOCUMENTS,
    "行业名单": BlacklistReason.INDUSTRY_LIST,
    "其他": BlacklistReason.OTHER,
}
"""Chinese words accepted in the reason column besides the codes (``fraud`` ...)."""
MAX_NOTE = 500
LOCK_BUDGET_MS = 50
"""How long one batch may hold the database's write lock (measured, adapted)."""


def _msg(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


class ImportCancelled(Exception):
    """The import was cancelled: its rows were taken out again, the old list is unchanged."""


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValidationError({"file": _msg("blacklist.file_encoding")})


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for n in names:
        if n in lowered:
            return lowered.index(n)
    return None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number in Excel
    return str(value).strip()


def read_industry_rows(source: Path | str | bytes, *, kind: str | None = None) -> list[list[str]]:
    """Every row of an industry-list file (header first), cells as text.

    ``source``: a path (``.csv``, ``.xlsx``), or the bytes / text of a CSV
    file (``kind="xlsx"`` for an Excel file's bytes).  CSV: UTF-8 (with or
    without BOM) or GB18030.  Excel: the first sheet.
    """
    if isinstance(source, Path):
        kind = kind or source.suffix.lower().lstrip(".")
        if kind not in ("csv", "xlsx", "xlsm"):
            raise ValidationError({"file": _msg("blacklist.file_kind")})
        try:
            data: bytes | str = source.read_bytes()
        except OSError as exc:
            raise ValidationError(
                {"file": _msg("blacklist.file_unreadable", why=exc.strerror or type(exc).__name__)}
            ) from None
    else:
        data = source
    if kind in ("xlsx", "xlsm"):
        return _excel_rows(data if isinstance(data, bytes) else data.encode())
    text = _decode(data) if isinstance(data, bytes) else data
    return list(csv.reader(io.StringIO(text)))


def _excel_rows(data: bytes) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ValidationError(
            {"file": _msg("blacklist.file_unreadable", why=type(exc).__name__)}
        ) from None
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _row_reason(raw: str | None) -> BlacklistReason:
    text = (raw or "").strip()
    if text.lower() in set(BlacklistReason):
        return BlacklistReason(text.lower())
    return REASON_WORDS.get(text, BlacklistReason.INDUSTRY_LIST)


def import_industry_list(
    target: Target,
    actor: Actor,
    source: Path | str | bytes,
    *,
    kind: str | None = None,
    batch: str | None = None,
    replace_previous: bool = True,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    lock_budget_ms: float = LOCK_BUDGET_MS,
) -> ImportResult:
    """Import the industry blacklist from a CSV or Excel file (see :func:`read_industry_rows`).

    The file's rows are checked and hashed *before* any write; they are then
    inserted in batches, each its own short transaction (sized so that one
    holds the write lock for about ``lock_budget_ms``), so another counter's
    save waits at most that long.  Only when every row is in are the earlier
    industry entries removed (``replace_previous``), also in batches: a
    customer on both lists is matched all the time.  ``progress(done, total)``
    only rises: checking the rows fills its first half, inserting them the
    second; when ``cancelled()`` turns true the rows of this import
    are taken out again and :class:`ImportCancelled` is raised - the earlier
    list is as it was.  Bad rows are reported (line number and reason), not
    fatal; a file without a usable header imports nothing.
    """
    require(actor, Permission.MANAGE_BLACKLIST)
    rows = read_industry_rows(source, kind=kind)
    if not rows:
        raise ValidationError({"file": _msg("blacklist.file_empty")})
    header = rows[0]
    id_col = _column(header, ID_COLUMNS)
    phone_col = _column(header, PHONE_COLUMNS)
    reason_col = _column(header, REASON_COLUMNS)
    note_col = _column(header, NOTE_COLUMNS)
    if id_col is None and phone_col is None:
        raise ValidationError({"file": _msg("blacklist.file_header")})
    moment = now_or(now)
    batch = batch or moment.strftime("industry-%Y%m%d-%H%M%S")
    total = len(rows) - 1
    report = progress or (lambda _done, _total: None)
    stop = cancelled or (lambda: False)
    errors: list[tuple[int, Reason | str]] = []
    skipped = 0

    def cell(row: list[str], col: int | None) -> str | None:
        return row[col].strip() if col is not None and col < len(row) else None

    # 1. check and hash every row (no lock held)
    with reading(target) as uow:
        cipher = uow.cipher
        # every entry there is now has an id up to this; this import's rows come after it
        cutoff = int(uow.session.scalar(select(func.max(BlacklistEntry.id))) or 0)
    seen: set[tuple[str | None, str | None]] = set()
    prepared: list[dict[str, Any]] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if line_no % 2000 == 0:
            if stop():
                raise ImportCancelled()
            report(line_no - 1, 2 * total)
        if not any(c.strip() for c in row):
            continue
        nid, nphone, problems = _normalise(cell(row, id_col), cell(row, phone_col))
        if problems:
            errors.append((line_no, next(iter(problems.values()))))
            continue
        if (nid, nphone) in seen:
            skipped += 1
            continue
        seen.add((nid, nphone))
        prepared.append(
            {
                "store_id": actor.store_id,
                "source": BlacklistSource.INDUSTRY.value,
                "reason": _row_reason(cell(row, reason_col)).value,
                "id_hmac": cipher.id_hash(nid) if nid else None,
                "phone_hmac": cipher.phone_hash(nphone) if nphone else None,
                "id_masked": mask_id(nid) if nid else None,
                "phone_masked": mask_phone(nphone) if nphone else None,
                "note": (cell(row, note_col) or "")[:MAX_NOTE] or None,
                "import_batch": batch,
                "added_by": actor.staff_id,
                "added_at": moment,
            }
        )
    # 2. insert in short transactions
    sizer = _BatchSizer(lock_budget_ms)
    done = 0
    try:
        while done < len(prepared):
            if stop():
                raise ImportCancelled()
            chunk = prepared[done : done + sizer.size]
            with sizer.timed(), transaction(target) as uow:
                uow.session.execute(insert(BlacklistEntry), chunk)
            done += len(chunk)
            # one bar for both steps: checking fills the first half, inserting the second
            report(total + done * total // len(prepared), 2 * total)
    except BaseException:
        _delete_batch(
            target,
            actor,
            lambda q: q.where(BlacklistEntry.id > cutoff, BlacklistEntry.import_batch == batch),
            sizer,
        )
        raise
    # 3. the earlier industry list goes, in short transactions too
    replaced = 0
    if replace_previous:
        replaced = _delete_batch(
            target,
            actor,
            lambda q: q.where(
                BlacklistEntry.source == BlacklistSource.INDUSTRY.value,
                BlacklistEntry.id <= cutoff,
            ),
            sizer,
        )
    with transaction(target) as uow:
        _audit(
            uow,
            actor,
            {
                "event": "industry_import",
                "batch": batch,
                "added": len(prepared),
                "replaced": replaced,
                "bad_rows": len(errors),
            },
        )
    return ImportResult(
        added=len(prepared), skipped=skipped, errors=tuple(errors), replaced=replaced, batch=batch
    )


class _BatchSizer:
    """Rows per transaction, adapted so that one takes about ``budget_ms``."""

    def __init__(self, budget_ms: float, first: int = 250) -> None:
        self.budget = budget_ms / 1000
        self.size = first

    @contextmanager
    def timed(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        took = max(time.perf_counter() - started, 1e-4)
        self.size = max(20, min(5000, int(self.size * min(self.budget / took, 2.0))))


def _delete_batch(
    target: Target, actor: Actor, where: Callable[[Any], Any], sizer: _BatchSizer
) -> int:
    """Delete the actor's store's entries matching ``where``, a batch per transaction."""
    removed = 0
    while True:
        with reading(target) as uow:
            ids = list(
                uow.session.scalars(
                    where(
                        select(BlacklistEntry.id).where(BlacklistEntry.store_id == actor.store_id)
                    )
                    .order_by(BlacklistEntry.id)
                    .limit(sizer.size)
                )
            )
        if not ids:
            return removed
        with sizer.timed(), transaction(target) as uow:
            uow.session.execute(delete(BlacklistEntry).where(BlacklistEntry.id.in_(ids)))
        removed += len(ids)


def import_industry_csv(
    target: Target,
    actor: Actor,
    source: Path | str | bytes,
    *,
    batch: str | None = None,
    replace_previous: bool = True,
    now: datetime | None = None,
) -> ImportResult:
    """Import the industry blacklist from CSV (a path, or the file's bytes/text)."""
    return import_industry_list(
        target, actor, source, kind="csv", batch=batch, replace_previous=replace_previous, now=now
    )


# ---------------------------------------------------------------------------
# search and lift
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryPage:
    rows: tuple[BlacklistEntryView, ...]
    total: int
    """How many entries match (``rows`` holds at most ``limit`` of them)."""


def search_entries(
    target: Target,
    actor: Actor,
    text: str = "",
    *,
    source: BlacklistSource | None = None,
    limit: int = 500,
    offset: int = 0,
) -> EntryPage:
    """The store's entries, newest first, matching ``text``.

    A full ID or mobile number is looked up by its keyed hash (the list keeps
    nothing else of it); any other text matches the note, the import batch
    or the visible part of the masked numbers (e.g. the last four digits).
    """
    require(actor, Permission.MANAGE_BLACKLIST)
    with reading(target) as uow:
        conds: list[Any] = [BlacklistEntry.store_id == actor.store_id]
        if source is not None:
            conds.append(BlacklistEntry.source == source.value)
        needle = text.strip()
        if needle:
            ic = identity.check_resident_id(needle)
            pc = identity.check_mobile(needle)
            if ic.valid and ic.normalized:
                conds.append(BlacklistEntry.id_hmac == uow.cipher.id_hash(ic.normalized))
            elif pc.valid and pc.normalized:
                conds.append(BlacklistEntry.phone_hmac == uow.cipher.phone_hash(pc.normalized))
            else:
                like = f"%{needle}%"
                conds.append(
                    or_(
                        BlacklistEntry.note.ilike(like),
                        BlacklistEntry.import_batch.ilike(like),
                        BlacklistEntry.id_masked.ilike(like),
                        BlacklistEntry.phone_masked.ilike(like),
                    )
                )
        total = int(
            uow.session.scalar(select(func.count()).select_from(BlacklistEntry).where(*conds)) or 0
        )
        q = (
            select(BlacklistEntry)
            .where(*conds)
            .order_by(BlacklistEntry.added_at.desc(), BlacklistEntry.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return EntryPage(tuple(_view(e) for e in uow.session.scalars(q)), total)


def lift_entry(target: Target, actor: Actor, entry_id: int, reason: str) -> None:
    """Take an entry of the actor's store off the list, saying why (audited with the reason).

    Another store's entry: NotFound (the owner switches to that store first).
    """
    require(actor, Permission.MANAGE_BLACKLIST)
    why = " ".join(reason.split())
    if not why:
        raise ValidationError({"reason": _msg("blacklist.lift_reason")})
    if len(why) > MAX_NOTE:
        raise ValidationError({"reason": _msg("blacklist.lift_reason_long", n=MAX_NOTE)})
    _remove(target, actor, entry_id, {"event": "lifted", "reason": why})


def remove_entry(target: Target, actor: Actor, entry_id: int) -> None:
    """Remove one of the actor's store's entries (another store's entry: NotFound;
    the owner switches to that store first).  Prefer :func:`lift_entry`."""
    require(actor, Permission.MANAGE_BLACKLIST)
    _remove(target, actor, entry_id, {"event": "removed"})


def _remove(target: Target, actor: Actor, entry_id: int, detail: dict[str, Any]) -> None:
    with transaction(target) as uow:
        e = get_owned(uow, BlacklistEntry, entry_id, actor, "Blacklist entry")
        # what the entry was, without the person: the masked numbers stay out of the log
        detail = {
            **detail,
            "source": e.source,
            "entry_reason": e.reason,
            "added_at": local_date_text(e.added_at),
            "batch": e.import_batch,
        }
        uow.session.delete(e)
        _audit(uow, actor, detail, entry_id)
