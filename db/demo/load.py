"""Loading demo data: one transaction that fills an empty store (``python main.py demo-data``).

:func:`load_demo_data` creates the store when needed, cuts the visits into
tasks (:mod:`db.demo.tasks`), writes each task's rows with the shared bulk
writer (:class:`db.bulk_writer.BulkWriter`) and finally fills the signed
contracts' checklists with one ``INSERT ... SELECT``.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Connection,
    Integer,
    String,
    and_,
    insert,
    literal,
    select,
    true,
    union_all,
)

from db.bulk_writer import no_gc
from db.database import Database
from db.demo.clock import STORE_TZ, contact_times
from db.demo.store import DemoSummary, ensure_store, store_context
from db.demo.tables import TABLE_ORDER, demo_writer, table
from db.demo.tasks import TASK_SIZE, Assembler, TaskSpec, industry_entries, results
from db.demo.vocabulary import SIGNING_ROWS
from db.engine import after_bulk_load
from lending.errors import UserError


def load_demo_data(
    database: Database,
    consultations: int,
    *,
    seed: int = 1,
    today: date | None = None,
    workers: int | None = None,
    task_size: int = TASK_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty store with ``consultations`` synthetic consultations, in one transaction.

    The visits are cut into tasks of ``task_size``, each with its own random
    stream derived from ``seed``, so the result (for one ``task_size``) is the
    same whether the tasks run here or in ``workers`` forked processes (default:
    one per CPU up to 4, when the platform can fork and the caller is
    single-threaded, e.g. the command line).  Raises :class:`UserError` when the store
    already has customers (demo data never mixes with real data).
    ``progress(done, total)`` is called after each task is written.
    """
    if consultations < 0:
        raise UserError("The number of consultations cannot be negative.")
    started = _time.perf_counter()
    day = today or datetime.now(STORE_TZ).date()
    store_id, created = ensure_store(database)
    ctx = store_context(database, store_id)
    spec = TaskSpec(
        seed=seed, today=day, store=ctx, cipher=database.cipher, dialect=database.engine.dialect
    )
    visits = contact_times(seed, day, consultations)
    if task_size < 1:
        raise ValueError("task_size must be positive")
    tasks = [
        (i, visits[start : start + task_size], industry_entries(consultations) if i == 0 else 0)
        for i, start in enumerate(range(0, consultations, task_size))
    ]
    writer = demo_writer(spec.dialect)
    assembler = Assembler(spec, writer, ctx.next_ids)
    totals: dict[str, int] = {}
    done = 0
    with no_gc(), database.engine.begin() as conn:
        bulk_pragmas(conn)
        for index, converted in results(spec, tasks, workers):
            rows = assembler.take(index, converted)
            for name, n in writer.write(conn, rows).items():
                totals[name] = totals.get(name, 0) + n
            done += len(tasks[index][1])
            if progress is not None and done < consultations:
                progress(done, consultations)
        after_bulk_load(conn, [table(name) for name in TABLE_ORDER])  # PostgreSQL sequences
        n_signed = fill_signed_checklists(conn, ctx.next_ids["consultations"])
        totals["signing_items"] = totals.get("signing_items", 0) + n_signed
        if progress is not None and consultations:
            progress(done, consultations)
    if progress is not None and consultations == 0:
        progress(0, 0)
    return DemoSummary(
        store_id=store_id,
        seed=seed,
        today=day,
        counts=totals,
        seconds=_time.perf_counter() - started,
        staff_created=tuple(created),
    )


def fill_signed_checklists(conn: Connection, first_consultation_id: int) -> int:
    """Every checklist item, done at signing by the plan's finance specialist.

    One portable ``INSERT ... SELECT`` for all signed consultations from
    ``first_consultation_id`` on (the most numerous rows, written by the
    database itself instead of passing through Python); ids in consultation
    and checklist order.
    """
    c, p, si = table("consultations"), table("plans"), table("signing_items")
    codes = union_all(
        *(
            select(
                literal(code, String).label("code"),
                literal(kind, String).label("kind"),
                literal(pos, Integer).label("pos"),
            )
            for pos, (code, kind) in enumerate(SIGNING_ROWS)
        )
    ).subquery("codes")
    chosen = and_(p.c.consultation_id == c.c.id, p.c.chosen.is_(True))
    rows = (
        select(
            c.c.store_id,
            c.c.id,
            codes.c.kind,
            codes.c.code,
            literal(True, Boolean),
            c.c.signed_at,
            p.c.created_by,
        )
        .select_from(c.join(p, chosen).join(codes, true()))
        .where(c.c.signed_at.is_not(None), c.c.id >= first_consultation_id)
        .order_by(c.c.id, codes.c.pos)
    )
    names = ["store_id", "consultation_id", "kind", "code", "done", "done_at", "done_by"]
    result = conn.execute(insert(si).from_select(names, rows))
    return int(result.rowcount or 0)


def bulk_pragmas(conn: Connection) -> None:
    """A bigger page cache for the one big load transaction (SQLite only; harmless)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB, this connection only
