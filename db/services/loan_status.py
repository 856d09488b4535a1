"""Import the lenders' post-loan status (CSV or Excel) and match it to our signed loans.

    mapping = load_mapping("icbc")                       # or read_mapping(Path("x.json"))
    result = import_loan_status(database, actor, Path("icbc-2026-11.xlsx"), mapping,
                                progress=lambda done, total: ...)
    result.matched, result.unmatched                     # what was stored, what was not

* The file says, per loan, its reference, a status (current / overdue /
  settled) and/or the days overdue, and the date the figures are as of (a
  column, or ``as_of=`` for the whole file).  Which column holds what, and
  which words mean which status, is the lender's *mapping*
  (``resources/loan_status_mappings.json``; README "Overdue rate").
* The reference is the plan number LoanDesk printed on the quote, plan and
  disclosure (``P-000123-45``: consultation 123, plan 45; the ``Q-``/``D-``
  prefix or none is accepted too), which the store gives the lender as its
  order reference.  A row matches when that plan is the signed plan of a
  signed consultation of the store (and, if the mapping names its lenders,
  with one of them); every other row is reported as unmatched with the reason,
  and stored nowhere.
* A malformed file (unreadable, a column missing, a status or a date that
  cannot be read, the same loan twice for one date) changes nothing: the
  error names the line and the column.  Otherwise every matched row is
  written in one transaction; a row for a loan and date already imported
  replaces it.
* No personal data is read or stored.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import delete, select, tuple_

from db.files import InputFileError, read_small_file
from db.models import Consultation, LoanStatus, Plan
from db.models.enums import AuditAction
from db.services import audit
from db.services.base import Actor, Permission, Target, now_or, require, transaction
from lending.reasons import Reason, ReasonsError

if TYPE_CHECKING:
    from sqlalchemy import CursorResult

MAPPINGS_FILE = Path(__file__).resolve().parents[2] / "resources" / "loan_status_mappings.json"
MAX_MAPPING_BYTES = 1_000_000
"""A mapping of the owner's own is read up to this size (``db.files.read_small_file``)."""

Progress = Callable[[int, int], None]

MESSAGES: dict[str, str] = {
    "loan_status.unreadable": "The file {name} cannot be read: {why}.",
    "loan_status.kind": "{name} is neither a CSV file nor an Excel workbook (.csv, .xlsx).",
    "loan_status.encoding": "{name} is not UTF-8 or GB18030 text.",
    "loan_status.empty": "{name} holds no rows under its headings.",
    "loan_status.no_header": "{name} has no heading row.",
    "loan_status.missing_column": (
        "{name} has no column for {field} (the {lender} mapping looks for: {headings})."
    ),
    "loan_status.no_status_column": (
        "{name} has neither a status column nor an overdue-days column (the {lender} "
        "mapping looks for: {headings})."
    ),
    "loan_status.bad_status": (
        "Line {line}: the status '{value}' is not one the {lender} mapping knows ({known})."
    ),
    "loan_status.bad_days": "Line {line}: the overdue days '{value}' are not a whole number.",
    "loan_status.overdue_without_days": (
        "Line {line}: the loan is overdue but the file gives no overdue days."
    ),
    "loan_status.bad_date": "Line {line}: '{value}' is not a date (write it like 2026-11-30).",
    "loan_status.no_as_of": (
        "Line {line}: no as-of date; the file has no date column, so give the date with --as-of."
    ),
    "loan_status.no_reference": "Line {line}: the reference is empty.",
    "loan_status.duplicate": (
        "Line {line}: the loan {reference} is on line {first} already for the same date."
    ),
    "loan_status.unknown_lender": ("There is no column mapping called '{key}'; known: {known}."),
    "loan_status.bad_mapping": "The column mapping {name} cannot be used: {why}.",
    # why a row did not match (reported, the row is skipped)
    "loan_status.not_a_reference": ("not a LoanDesk plan reference (like P-000123-45)"),
    "loan_status.no_such_plan": "no plan with this reference in this store",
    "loan_status.not_signed": "the plan is not the signed plan of a signed consultation",
    "loan_status.other_lender": "the loan is with {lender}, not a lender of this mapping",
}


def _reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, f"loan_status.{code}", **params)


class LoanStatusFileError(ReasonsError):
    """The file cannot be imported; nothing was changed."""


def _fail(code: str, **params: object) -> LoanStatusFileError:
    return LoanStatusFileError([_reason(code, **params)])


class LoanState(StrEnum):
    CURRENT = "current"
    OVERDUE = "overdue"
    SETTLED = "settled"


FIELDS = ("reference", "status", "overdue_days", "as_of")


# ---------------------------------------------------------------------------
# mappings
# ---------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Headings and status words compare without case, spaces or full-width forms."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        out.append(ch)
    return re.sub(r"[\s_]+", " ", "".join(out)).strip().casefold()


@dataclass(frozen=True)
class LenderMapping:
    """How one lender's export reads (an entry of ``loan_status_mappings.json``)."""

    key: str
    name: str
    columns: Mapping[str, tuple[str, ...]]
    """Field (``reference``, ``status``, ``overdue_days``, ``as_of``) -> headings it may have."""
    status_values: Mapping[str, tuple[str, ...]]
    """``current`` / ``overdue`` / ``settled`` -> the lender's words for it."""
    date_formats: tuple[str, ...] = ("%Y-%m-%d",)
    lenders: tuple[str, ...] = ()
    """Catalogue names of the lenders this mapping is for (empty: any lender)."""
    name_zh: str = ""

    def title(self, lang: str | None) -> str:
        """The mapping's name in the reader's language."""
        return self.name_zh if (lang or "").startswith("zh") and self.name_zh else self.name

    @classmethod
    def from_json(cls, key: str, data: Any, source: str = "") -> LenderMapping:
        where = source or key
        try:
            columns = {f: tuple(str(h) for h in data["columns"].get(f, ())) for f in FIELDS}
            values = {
                s.value: tuple(str(v) for v in data.get("status_values", {}).get(s.value, ()))
                for s in LoanState
            }
            mapping = cls(
                key=key,
                name=str(data.get("name") or key),
                columns=columns,
                status_values=values,
                date_formats=tuple(str(f) for f in data.get("date_formats") or ("%Y-%m-%d",)),
                lenders=tuple(str(n) for n in data.get("lenders") or ()),
                name_zh=str(data.get("name_zh") or ""),
            )
        except (AttributeError, KeyError, TypeError) as exc:
            raise _fail("bad_mapping", name=where, why=f"{type(exc).__name__}: {exc}") from None
        if not mapping.columns["reference"]:
            raise _fail("bad_mapping", name=where, why="no 'reference' headings")
        return mapping

    def status_of(self, word: str) -> LoanState | None:
        folded = _fold(word)
        for state, words in self.status_values.items():
            if folded in {_fold(w) for w in words} or folded == state:
                return LoanState(state)
        return None


def mappings(path: Path = MAPPINGS_FILE) -> dict[str, LenderMapping]:
    """The built-in mappings, by key."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: LenderMapping.from_json(k, v) for k, v in data.items() if not k.startswith("_")}


def load_mapping(key: str) -> LenderMapping:
    known = mappings()
    if key not in known:
        raise _fail("unknown_lender", key=key, known=", ".join(sorted(known)))
    return known[key]


def read_mapping(path: Path) -> LenderMapping:
    """A mapping of the owner's own: a JSON file with one entry like the built-in ones
    (either the entry itself or ``{"key": {...}}``)."""
    try:  # size-capped, never a FIFO or a device (a mapping is a few hundred bytes)
        data = json.loads(read_small_file(path, limit=MAX_MAPPING_BYTES).decode("utf-8"))
    except InputFileError as exc:
        raise _fail("bad_mapping", name=Path(path).name, why=exc.message.rstrip(".")) from None
    except (OSError, ValueError) as exc:
        raise _fail("bad_mapping", name=Path(path).name, why=str(exc)) from None
    if isinstance(data, dict) and "columns" not in data and len(data) == 1:
        ((key, data),) = data.items()
    else:
        key = Path(path).stem
    return LenderMapping.from_json(str(key), data, Path(path).name)


# ---------------------------------------------------------------------------
# reading the file
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRow:
    line: int
    """The line (CSV) or row (Excel) number in the file, headings counted."""
    reference: str
    state: LoanState
    overdue_days: int
    as_of: date


def _table(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(line number, cells) of every row of the file, headings first."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # zip, XML or openpyxl errors: all "cannot be read"
            raise _fail("unreadable", name=name, why=type(exc).__name__) from None
        try:
            ws = wb.worksheets[0]
            for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
                yield i, list(row)
        finally:
            wb.close()
        return
    if suffix not in (".csv", ".txt"):
        raise _fail("kind", name=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail("unreadable", name=name, why=exc.strerror or type(exc).__name__) from None
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise _fail("encoding", name=name)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for i, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        yield i, cells


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _find_columns(header: Sequence[Any], mapping: LenderMapping) -> dict[str, int]:
    folded = [_fold(_cell_text(h)) for h in header]
    found: dict[str, int] = {}
    for f in FIELDS:
        for heading in mapping.columns.get(f, ()):
            h = _fold(heading)
            if h and h in folded:
                found[f] = folded.index(h)
                break
    return found


def _parse_day(value: Any, formats: Sequence[str]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value)
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_days(value: Any) -> int | None:
    text = _cell_text(value).replace(",", "")
    if not text:
        return 0
    try:
        d = Decimal(text)
    except InvalidOperation:
        return None
    if not d.is_finite() or d != d.to_integral_value() or d < 0:
        return None
    return int(d)


def read_status_file(
    path: Path, mapping: LenderMapping, *, as_of: date | None = None
) -> list[StatusRow]:
    """Every row of the file, checked; raises :class:`LoanStatusFileError` on the first
    problem (so a malformed file is never half-imported)."""
    path = Path(path)
    name = path.name
    rows = _table(path)
    header: list[Any] | None = None
    for _, cells in rows:
        if any(_cell_text(c) for c in cells):
            header = cells
            break
    if header is None:
        raise _fail("no_header", name=name)
    cols = _find_columns(header, mapping)
    if "reference" not in cols:
        raise _fail(
            "missing_column",
            name=name,
            field="reference",
            lender=mapping.key,
            headings=" / ".join(mapping.columns["reference"]),
        )
    if "status" not in cols and "overdue_days" not in cols:
        raise _fail(
            "no_status_column",
            name=name,
            lender=mapping.key,
            headings=" / ".join((*mapping.columns["status"], *mapping.columns["overdue_days"])),
        )
    known = ", ".join(w for words in mapping.status_values.values() for w in words)
    out: list[StatusRow] = []
    seen: dict[tuple[object, date], int] = {}

    def cell(cells: list[Any], f: str) -> Any:
        i = cols.get(f)
        return cells[i] if i is not None and i < len(cells) else None

    for line, cells in rows:
        if not any(_cell_text(c) for c in cells):
            continue
        reference = _cell_text(cell(cells, "reference"))
        if not reference:
            raise _fail("no_reference", line=line)
        state = None
        if "status" in cols:
            word = _cell_text(cell(cells, "status"))
            state = mapping.status_of(word) if word else None
            if state is None and (word or "overdue_days" not in cols):
                raise _fail("bad_status", line=line, value=word, lender=mapping.key, known=known)
        days = _parse_days(cell(cells, "overdue_days"))
        if days is None:
            raise _fail("bad_days", line=line, value=_cell_text(cell(cells, "overdue_days")))
        if state is None:
            state = LoanState.OVERDUE if days > 0 else LoanState.CURRENT
        elif state is LoanState.CURRENT and days > 0:
            state = LoanState.OVERDUE  # the days say more than the word
        if state is LoanState.OVERDUE and days <= 0:
            raise _fail("overdue_without_days", line=line)
        if state is not LoanState.OVERDUE:
            days = 0
        day: date | None = as_of
        if "as_of" in cols and _cell_text(cell(cells, "as_of")):
            day = _parse_day(cell(cells, "as_of"), mapping.date_formats)
            if day is None:
                raise _fail("bad_date", line=line, value=_cell_text(cell(cells, "as_of")))
        if day is None:
            raise _fail("no_as_of", line=line)
        key = (parse_reference(reference) or _fold(reference), day)
        if key in seen:
            raise _fail("duplicate", line=line, reference=reference, first=seen[key])
        seen[key] = line
        out.append(StatusRow(line, reference, state, days, day))
    if not out:
        raise _fail("empty", name=name)
    return out


# ---------------------------------------------------------------------------
# matching and storing
# ---------------------------------------------------------------------------

_REFERENCE = re.compile(r"^(?:[A-Za-z]{1,3}\s*-\s*)?0*(\d{1,9})\s*-\s*(\d{1,9})$")


def parse_reference(text: str) -> tuple[int, int] | None:
    """``'P-000123-45'`` -> (consultation 123, plan 45); None for anything else."""
    m = _REFERENCE.match(_fold(text).replace(" ", "").upper())
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2))


@dataclass(frozen=True)
class Unmatched:
    line: int
    reference: str
    reason: Reason


@dataclass(frozen=True)
class ImportResult:
    rows: int
    """Rows read from the file."""
    matched: int
    """Rows stored (new or replacing an earlier import for the same loan and date)."""
    replaced: int
    unmatched: tuple[Unmatched, ...]
    by_state: Mapping[str, int] = field(default_factory=dict)
    """Matched rows per status."""
    as_of: tuple[date, ...] = ()
    """The as-of dates the file held."""


def _lender_names(names: Iterable[str]) -> set[str]:
    """The names folded, with the catalogue's other-language name of each known lender,
    so a plan saved as 中国工商银行 matches a mapping for "Industrial and Commercial Bank"."""
    from resources import catalogue_names

    both = {}
    for entry in catalogue_names()["lenders"]:
        pair = {_fold(entry.get("name", "")), _fold(entry.get("name_zh", ""))} - {""}
        for n in pair:
            both[n] = pair
    out: set[str] = set()
    for n in names:
        out |= both.get(_fold(n), {_fold(n)})
    return out


def import_loan_status(
    target: Target,
    actor: Actor,
    path: Path,
    mapping: LenderMapping,
    *,
    as_of: date | None = None,
    store_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Read, check, match and store a lender's post-loan file (see the module doc)."""
    require(actor, Permission.EXPORT_REPORTS)
    stores = tuple(store_ids) if store_ids else (actor.store_id,)
    rows = read_status_file(path, mapping, as_of=as_of)
    total = len(rows) * 2
    tick = progress or (lambda done, total: None)
    tick(len(rows), total)
    refs = {i: parse_reference(r.reference) for i, r in enumerate(rows)}
    wanted = {v for v in refs.values() if v is not None}
    unmatched: list[Unmatched] = []
    lenders = _lender_names(mapping.lenders) if mapping.lenders else None
    moment = now_or(now)
    with transaction(target) as uow:
        s = uow.session
        plans: dict[tuple[int, int], tuple[int, bool, bool, str]] = {}
        pairs = sorted(wanted)
        for start in range(0, len(pairs), 500):
            chunk = pairs[start : start + 500]
            for cid, pid, store, chosen, signed, lender in s.execute(
                select(
                    Plan.consultation_id,
                    Plan.id,
                    Consultation.store_id,
                    Plan.chosen,
                    Consultation.signed_at.is_not(None),
                    Plan.lender_name,
                )
                .join(Consultation, Consultation.id == Plan.consultation_id)
                .where(tuple_(Plan.consultation_id, Plan.id).in_(chunk))
            ):
                if store in stores:
                    plans[(cid, pid)] = (store, bool(chosen), bool(signed), lender or "")
        keep: list[tuple[StatusRow, int, int, int]] = []
        for i, row in enumerate(rows):
            ref = refs[i]
            why = None
            if ref is None:
                why = _reason("not_a_reference")
            elif ref not in plans:
                why = _reason("no_such_plan")
            else:
                store, chosen, signed, lender = plans[ref]
                if not (chosen and signed):
                    why = _reason("not_signed")
                elif lenders is not None and not (_lender_names([lender]) & lenders):
                    why = _reason("other_lender", lender=lender)
            if why is not None:
                unmatched.append(Unmatched(row.line, row.reference, why))
                continue
            assert ref is not None
            keep.append((row, ref[0], ref[1], plans[ref][0]))
        keys = [(cid, row.as_of) for row, cid, _, _ in keep]
        replaced = 0
        for start in range(0, len(keys), 500):
            chunk_keys = keys[start : start + 500]
            deleted = cast(
                "CursorResult[Any]",
                s.execute(
                    delete(LoanStatus).where(
                        tuple_(LoanStatus.consultation_id, LoanStatus.as_of).in_(chunk_keys)
                    )
                ),
            )
            replaced += deleted.rowcount or 0
        by_state: dict[str, int] = {}
        for n, (row, cid, pid, store) in enumerate(keep, start=1):
            s.add(
                LoanStatus(
                    store_id=store,
                    consultation_id=cid,
                    plan_id=pid,
                    reference=row.reference[:100],
                    lender=mapping.key[:60],
                    status=row.state.value,
                    overdue_days=row.overdue_days,
                    as_of=row.as_of,
                    imported_at=moment,
                    imported_by=actor.staff_id,
                )
            )
            by_state[row.state.value] = by_state.get(row.state.value, 0) + 1
            if n % 1000 == 0:
                s.flush()
                tick(len(rows) + n, total)
        days = tuple(sorted({row.as_of for row, *_ in keep}))
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.IMPORT,
            actor=actor,
            target_type="loan_status",
            detail={
                "file": Path(path).name,
                "lender": mapping.key,
                "rows": len(rows),
                "matched": len(keep),
                "unmatched": len(unmatched),
                "as_of": [d.isoformat() for d in days],
            },
            now=moment,
        )
    tick(total, total)
    return ImportResult(
        rows=len(rows),
        matched=len(keep),
        replaced=replaced,
        unmatched=tuple(unmatched),
        by_state=by_state,
        as_of=days,
    )
