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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, or_, select

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
}
"""Cross-store fraud-check reasons (context ``Reason`` in ``db.ts``).  Only the
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
    errors: tuple[tuple[int, str], ...] = field(default=())
    """(line number, problem) for rows that were not imported."""


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
) -> tuple[str | None, str | None, dict[str, str]]:
    errors: dict[str, str] = {}
    nid = nphone = None
    if id_number and id_number.strip():
        ic = identity.check_resident_id(id_number)
        if ic.valid:
            nid = ic.normalized
        else:
            errors["id_number"] = str(ic.reason) if ic.reason else "Not a valid ID number."
    if phone and phone.strip():
        pc = identity.check_mobile(phone)
        if pc.valid:
            nphone = pc.normalized
        else:
            errors["phone"] = str(pc.reason) if pc.reason else "Not a valid mobile number."
    if not errors and nid is None and nphone is None:
        errors["id_number"] = "Enter an ID number or a phone number."
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
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.BLACKLIST_CHANGE,
            actor=actor,
            target_type="blacklist",
            target_id=e.id,
            detail={"event": "added"},
        )
        return _view(e)


def remove_entry(target: Target, actor: Actor, entry_id: int) -> None:
    """Remove one of the actor's store's entries (another store's entry: NotFound;
    the owner switches to that store first)."""
    require(actor, Permission.MANAGE_BLACKLIST)
    with transaction(target) as uow:
        e = get_owned(uow, BlacklistEntry, entry_id, actor, "Blacklist entry")
        uow.session.delete(e)
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.BLACKLIST_CHANGE,
            actor=actor,
            target_type="blacklist",
            target_id=entry_id,
            detail={"event": "removed"},
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


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValidationError({"file": "The file is not UTF-8 or GB18030 text."})


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for n in names:
        if n in lowered:
            return lowered.index(n)
    return None


def import_industry_csv(
    target: Target,
    actor: Actor,
    source: Path | str | bytes,
    *,
    batch: str | None = None,
    replace_previous: bool = True,
    now: datetime | None = None,
) -> ImportResult:
    """Import the industry blacklist from CSV (a path, or the file's bytes/text).

    With ``replace_previous`` the earlier industry entries are replaced, so
    the list matches the latest file.  Bad rows are reported, not fatal; a
    file without a usable header imports nothing.
    """
    require(actor, Permission.MANAGE_BLACKLIST)
    if isinstance(source, Path):
        try:
            text = _decode(source.read_bytes())
        except OSError as exc:
            raise ValidationError({"file": f"The file cannot be read: {exc.strerror}."}) from None
    elif isinstance(source, bytes):
        text = _decode(source)
    else:
        text = source
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ValidationError({"file": "The file is empty."})
    header = rows[0]
    id_col = _column(header, _ID_COLUMNS)
    phone_col = _column(header, _PHONE_COLUMNS)
    reason_col = _column(header, ("reason", "原因"))
    note_col = _column(header, ("note", "备注"))
    if id_col is None and phone_col is None:
        raise ValidationError({"file": "The first row must name an id_number and/or phone column."})
    moment = now_or(now)
    batch = batch or moment.strftime("industry-%Y%m%d-%H%M%S")
    errors: list[tuple[int, str]] = []
    added = skipped = 0

    def cell(row: list[str], col: int | None) -> str | None:
        return row[col].strip() if col is not None and col < len(row) else None

    with transaction(target) as uow:
        if replace_previous:
            uow.session.execute(
                delete(BlacklistEntry).where(
                    BlacklistEntry.store_id == actor.store_id,
                    BlacklistEntry.source == BlacklistSource.INDUSTRY.value,
                )
            )
        seen: set[tuple[str | None, str | None]] = set()
        for line_no, row in enumerate(rows[1:], start=2):
            if not any(c.strip() for c in row):
                continue
            nid, nphone, problems = _normalise(cell(row, id_col), cell(row, phone_col))
            if problems:
                errors.append((line_no, "; ".join(problems.values())))
                continue
            if (nid, nphone) in seen:
                skipped += 1
                continue
            seen.add((nid, nphone))
            raw_reason = (cell(row, reason_col) or "").lower()
            reason = (
                BlacklistReason(raw_reason)
                if raw_reason in set(BlacklistReason)
                else BlacklistReason.INDUSTRY_LIST
            )
            uow.session.add(
                _entry(
                    uow,
                    actor,
                    nid,
                    nphone,
                    source=BlacklistSource.INDUSTRY,
                    reason=reason,
                    note=cell(row, note_col) or None,
                    batch=batch,
                    now=moment,
                )
            )
            added += 1
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.BLACKLIST_CHANGE,
            actor=actor,
            target_type="blacklist",
            detail={"event": "industry_import", "batch": batch, "added": added},
        )
    return ImportResult(added=added, skipped=skipped, errors=tuple(errors))
