"""Benchmark: bulk loading consultations, and finding a customer among a million.

    python bench/db.py [--consultations 100000] [--customers 1000000] [--lookups 500]

1. Bulk load.  The rows of ``--consultations`` demo consultations (about
   nine rows each over eleven tables; the checklists of signed contracts,
   which ``demo-data`` fills with one ``INSERT ... SELECT``, are not part of
   this comparison) are generated once, untimed.  Then
   they are written twice into fresh database files that have LoanDesk's
   schema, indexes and connection settings (WAL, synchronous=FULL, foreign
   keys on, 256 MiB page cache):

   * ours: ``db.demo.BulkWriter`` - the data layer's bulk path, starting from
     the Python values (Decimal money, aware datetimes, JSON reasons) and
     converting them with each column type's bind processing, through the
     SQLAlchemy connection, one transaction;
   * raw: the same rows already converted to SQLite values, straight into
     ``sqlite3.Cursor.executemany``, one transaction (the fastest possible
     way).

   The ratio ours / raw is printed (target <= 3), best of ``--repeat`` runs.
   The wall time of the whole ``python main.py demo-data`` command
   (generation in worker processes + write) is printed too (target < 60 s),
   and, for scale, a sample of consultations walked through every step with
   the per-row ORM services.

2. Look-up.  ``--customers`` customers (encrypted phone and ID number,
   HMAC look-up columns, random Chinese names) are bulk inserted, then
   ``db.services.customers.find_customers`` is timed by phone (exact, HMAC
   index) and by name (prefix, ``(store_id, name)`` index), each result
   decrypted and masked as the GUI gets it.  Median and p99 are printed
   (target < 20 ms).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import (
    Database,
    demo,
    open_database,
)

KEY = b"\x42" * 32


def _fresh(folder: Path, name: str) -> Database:
    return open_database(folder / name, key=KEY)


def _gen_rows(database: Database, n: int) -> tuple[dict[str, list[Any]], int]:
    """Every row of ``n`` demo consultations, Python values with final ids."""
    store_id, _ = demo._ensure_store(database)
    ctx = demo._store_context(database, store_id)
    today = date.today()
    gen = demo.DemoGenerator(
        database.cipher, ctx, seed="bench", today=today, first_ids=ctx.next_ids
    )
    rows = gen.generate(demo.contact_times(1, today, n), industry_entries=20)
    total = sum(len(v) for v in rows.values())
    return rows, total


def _empty_copy(template: Path, folder: Path, name: str) -> Path:
    """A fresh file with the schema, store, staff and catalogue (a copy of ``template``)."""
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    target.write_bytes(template.read_bytes())
    return target


def _write_ours(path: Path, rows: dict[str, list[Any]]) -> float:
    database = open_database(path, key=KEY)
    try:
        start = time.perf_counter()
        with database.engine.begin() as conn:
            demo._bulk_pragmas(conn)  # what load_demo_data does: a big page cache
            w = demo.BulkWriter(conn.dialect)
            w.write(conn, w.convert_all(rows))
        return time.perf_counter() - start
    finally:
        database.close()


def _write_raw(path: Path, sqls: dict[str, str], converted: dict[str, list[Any]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in (
            "busy_timeout = 10000",
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            "cache_size = -262144",
        ):
            conn.execute(f"PRAGMA {pragma}")
        start = time.perf_counter()
        conn.execute("BEGIN")
        for name in demo.TABLE_ORDER:
            if converted[name]:
                conn.executemany(sqls[name], converted[name])
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def bench_bulk(folder: Path, n: int, repeat: int) -> dict[str, float]:
    """Best of ``repeat`` alternating runs of each path, each into a fresh copy."""
    print(f"generating {n:,} consultations (untimed) ...", file=sys.stderr, flush=True)
    template_db = _fresh(folder, "template.sqlite3")
    rows, total = _gen_rows(template_db, n)
    template = template_db.path
    assert template is not None
    writer = demo.BulkWriter(template_db.engine.dialect)
    template_db.close()
    converted = writer.convert_all(rows)  # untimed for the raw path
    sqls = {name: writer._plans[name][0] for name in demo.TABLE_ORDER}
    ours: list[float] = []
    raw: list[float] = []
    for i in range(repeat):
        print(f"run {i + 1}: data layer ...", file=sys.stderr, flush=True)
        ours.append(_write_ours(_empty_copy(template, folder, "ours.sqlite3"), rows))
        print(f"run {i + 1}: raw executemany ...", file=sys.stderr, flush=True)
        raw.append(_write_raw(_empty_copy(template, folder, "raw.sqlite3"), sqls, converted))
    return {"rows": float(total), "ours": min(ours), "raw": min(raw)}


def bench_demo_data(folder: Path, n: int) -> float:
    """Wall time of the real command, ``python main.py demo-data``, in a fresh process."""
    import subprocess

    print(f"demo-data end to end ({n:,} consultations) ...", file=sys.stderr, flush=True)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "LOANDESK_HOME": str(folder / "demo-home"), "LOANDESK_LANG": "en"}
    env.pop("LOANDESK_DATABASE_URL", None)
    env.pop("LOANDESK_KEY_FILE", None)
    command = [sys.executable, str(root / "main.py"), "demo-data"]
    command += ["--db", str(folder / "demo.sqlite3"), "--consultations", str(n)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


_SURNAMES = demo._SURNAMES
_GIVEN = demo._GIVEN


def build_customers(database: Database, n: int) -> tuple[list[str], list[str]]:
    """``n`` customers by raw bulk insert; returns some phones and names to look up."""
    from db.services import staff as staff_service

    if staff_service.needs_setup(database):
        staff_service.create_owner(database, "Bench store", "owner", "bench-pass-1")
    actor = staff_service.owner_actor(database)
    rng = random.Random(7)
    cipher = database.cipher
    # a pool of real ciphertexts: every row decrypts (results are unmasked-then-masked)
    pool = [
        (
            cipher.encrypt("customers", "phone", f"139{i:08d}"),
            cipher.encrypt("customers", "id_number", "11010519491231002X"),
        )
        for i in range(512)
    ]
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    sample_phones: list[str] = []
    sample_names: list[str] = []
    path = database.path
    assert path is not None
    database.engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    batch: list[tuple[Any, ...]] = []
    sql = (
        "INSERT INTO customers (id, store_id, name, id_number_enc, phone_enc, id_hmac, "
        "phone_hmac, tier, source_channel, created_by, created_at, updated_at, version_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'potential', 'walk_in', ?, ?, ?, 1)"
    )
    phones = rng.sample(range(10**8), n)
    for i in range(n):
        phone = f"13{rng.randint(0, 9)}{phones[i]:08d}"
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if i % 3 else "")
        enc_phone, enc_id = pool[i % len(pool)]
        batch.append(
            (
                i + 1,
                actor.store_id,
                name,
                enc_id,
                enc_phone,
                cipher.id_hash(f"{i:017d}X"),
                cipher.phone_hash(phone),
                actor.staff_id,
                now,
                now,
            )
        )
        if i % (n // 200 or 1) == 0:
            sample_phones.append(phone)
            sample_names.append(name[:2])
        if len(batch) >= 50_000:
            conn.executemany(sql, batch)
            batch.clear()
            print(f"  {i + 1:,} customers", file=sys.stderr, flush=True)
    if batch:
        conn.executemany(sql, batch)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return sample_phones, sample_names


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def bench_lookup(folder: Path, n: int, lookups: int) -> dict[str, tuple[float, float, float]]:
    from db.services import customers as customer_service
    from db.services import staff as staff_service

    print(f"building {n:,} customers (raw bulk insert, untimed) ...", file=sys.stderr, flush=True)
    database = _fresh(folder, "customers.sqlite3")
    phones, names = build_customers(database, n)
    database.close()
    database = _fresh(folder, "customers.sqlite3")
    actor = staff_service.owner_actor(database)
    rng = random.Random(3)
    results: dict[str, tuple[float, float, float]] = {}
    for kind, values in (("phone", phones), ("name", names)):
        times: list[float] = []
        found = 0
        for i in range(lookups):
            value = rng.choice(values)
            start = time.perf_counter()
            hits = customer_service.find_customers(database, actor, **{kind: value})
            times.append(time.perf_counter() - start)
            found += len(hits)
            if i == 0:
                times.clear()  # first call warms caches and compiles statements
        median, p99 = _percentiles(times)
        results[kind] = (median * 1000, p99 * 1000, found / lookups)
    database.close()
    return results


def bench_services(folder: Path, n: int) -> float:
    """Seconds per consultation walked through every step with the ORM services, one UoW."""
    from db.models.enums import FunnelStage
    from db.services import consultations as cons
    from db.services import customers as customer_service
    from db.services import staff as staff_service
    from lending.identity import generate_resident_id, generate_vin

    print(f"{n} consultations through the per-row services ...", file=sys.stderr, flush=True)
    database = _fresh(folder, "services.sqlite3")
    try:
        staff_service.create_owner(database, "Bench store", "owner", "bench-pass-1")
        actor = staff_service.owner_actor(database)
        rng = random.Random(1)
        checklist = {code: True for code, _, _ in cons.SIGNING_ITEMS}
        start = time.perf_counter()
        with database.unit_of_work() as uow:
            for i in range(n):
                birth = date(1990, 1, 1) + timedelta(days=i)
                idn = generate_resident_id("310101", birth, rng.randint(0, 999))
                c = customer_service.create_customer(
                    uow, actor, f"客户{i}", phone=f"139{i:08d}", id_number=idn,
                    consent_purpose="vehicle financing",
                )  # fmt: skip
                v = cons.open_consultation(
                    uow, actor, c.id, source_channel="walk_in", intent_level="high"
                )
                cons.save_reception(
                    uow, actor, v.id, source_channel="walk_in", intent_level="high", budget="150000"
                )
                cons.save_qualification(
                    uow, actor, v.id,
                    cons.QualificationForm(
                        monthly_income="15000", statement_average_income="15000",
                        income_proof_months=6, residence_proof=True, work_proof=True,
                        history_years="6", credit_kinds=2,
                    ),
                )  # fmt: skip
                cons.save_appraisal(
                    uow, actor, v.id,
                    cons.VehicleForm(
                        brand="Toyota", model="Camry", first_registration=date(2023, 1, 10),
                        vin=generate_vin(f"LVGBE40K{i:08d}"), mileage_km=40000,
                        condition="good", registration_matches=True,
                        market_price="180000", price="130000",
                    ),
                )  # fmt: skip
                plan = cons.save_plan(
                    uow, actor, v.id,
                    cons.PlanForm(
                        product_code="finance_company", method="equal_installment",
                        term_months=36, down_payment="70000",
                    ),
                )  # fmt: skip
                cons.choose_plan(uow, actor, plan.id)
                cons.mark_stage(uow, actor, v.id, FunnelStage.APPROVED)
                cons.save_signing(uow, actor, v.id, checklist)
                cons.mark_stage(uow, actor, v.id, FunnelStage.DISBURSED)
                cons.mark_stage(uow, actor, v.id, FunnelStage.DELIVERED)
            uow.commit()
        return (time.perf_counter() - start) / n
    finally:
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultations", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2, help="bulk runs per path (best kept)")
    parser.add_argument("--services", type=int, default=200, help="sample for the per-row path")
    parser.add_argument(
        "--sections",
        default="bulk,demo,lookup,services",
        help="comma-separated subset of: bulk, demo, lookup, services",
    )
    args = parser.parse_args()
    os.environ.setdefault("LOANDESK_HOME", tempfile.mkdtemp(prefix="loandesk-bench-home-"))
    sections = {x.strip() for x in args.sections.split(",") if x.strip()}
    with tempfile.TemporaryDirectory(prefix="loandesk-bench-") as tmp:
        folder = Path(tmp)
        bulk = bench_bulk(folder, args.consultations, args.repeat) if "bulk" in sections else None
        demo_s = bench_demo_data(folder, args.consultations) if "demo" in sections else None
        per_row = bench_services(folder, args.services) if "services" in sections else None
        lookup = (
            bench_lookup(folder, args.customers, args.lookups) if "lookup" in sections else None
        )

    if bulk is not None:
        print(
            f"Bulk load of {args.consultations:,} consultations ({bulk['rows']:,.0f} rows), "
            f"best of {args.repeat}:"
        )
        print(f"  data layer (BulkWriter, SQLAlchemy)   {bulk['ours']:8.2f} s")
        print(f"  raw sqlite3.executemany               {bulk['raw']:8.2f} s")
        ratio = bulk["ours"] / bulk["raw"]
        print(f"  ratio ours / raw                      {ratio:8.2f}  (target <= 3)")
    if demo_s is not None:
        print(
            f"python main.py demo-data --consultations {args.consultations:,} (whole command): "
            f"{demo_s:.1f} s  (target < 60 s)"
        )
    if per_row is not None:
        print(f"Per-row ORM services, one unit of work ({args.services} full consultations):")
        print(
            f"  {per_row * 1000:.1f} ms per consultation; "
            f"{args.consultations:,} would take {per_row * args.consultations / 60:.0f} min"
        )
        if bulk is not None:
            raw_each = bulk["raw"] / args.consultations
            print(f"  ratio per-row services / raw          {per_row / raw_each:8.0f}")
    if lookup is not None:
        print(f"Customer look-up among {args.customers:,} customers ({args.lookups} each):")
        for kind, (median, p99, per) in lookup.items():
            print(
                f"  by {kind:<5}  median {median:6.2f} ms   p99 {p99:6.2f} ms   "
                f"({per:.1f} results/look-up; target < 20 ms)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
