"""Benchmark: bulk loading consultations, and finding a customer among a million.

    python bench/db.py [--consultations 100000] [--customers 1000000] [--lookups 500]

1. Bulk load.  The rows of ``--consultations`` demo consultations (about
   nine rows each over eleven tables; the checklists of signed contracts,
   which ``demo-data`` fills with one ``INSERT ... SELECT``, are not part of
   this comparison) are generated once, untimed.  Then
   they are written twice into fresh database files that have LoanDesk's
   schema, indexes and connection settings (WAL, synchronous=FULL, foreign
   keys on, 256 MiB page cache):

   * ours: ``db.bulk_writer.BulkWriter`` - the data layer's bulk path (the one
     demo data, imports and the tests use), starting from
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

3. Concurrent counters (``--sections concurrency``).  ``--writers`` (8)
   processes, each logged in as its own consultant, save new consultations
   through the services for ``--seconds`` (30) at once: one save is one unit
   of work that opens a consultation for one of the writer's customers
   (blacklist and duplicate checks) and saves its reception step, then
   commits.  Run against one PostgreSQL server (``--pg-url``, else
   ``LOANDESK_TEST_PG_URL``, else a temporary server started here when the
   PostgreSQL binaries are installed; a URL's role needs CREATEDB: the bench
   uses a fresh database and drops it) and against one SQLite file in WAL
   mode.  Printed: saves/s, p50 / p99 save latency, failed saves, and the
   check that every save a writer was told succeeded is in the database
   exactly once and nothing else is (0 lost, 0 duplicated).
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
from db.demo import vocabulary

KEY = b"\x42" * 32


def _fresh(folder: Path, name: str) -> Database:
    return open_database(folder / name, key=KEY)


def _gen_rows(database: Database, n: int) -> tuple[dict[str, list[Any]], int]:
    """Every row of ``n`` demo consultations, Python values with final ids."""
    store_id, _ = demo.ensure_store(database)
    ctx = demo.store_context(database, store_id)
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
            demo.bulk_pragmas(conn)  # what load_demo_data does: a big page cache
            w = demo.demo_writer(conn.dialect)
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
    writer = demo.demo_writer(template_db.engine.dialect)
    template_db.close()
    converted = writer.convert_all(rows)  # untimed for the raw path
    sqls = {name: writer.statement(name) for name in demo.TABLE_ORDER}
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


_SURNAMES = vocabulary.SURNAMES
_GIVEN = vocabulary.GIVEN


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
                cons.save_signing(uow, actor, v.id, checklist, sign=True)
                cons.mark_stage(uow, actor, v.id, FunnelStage.DISBURSED)
                cons.mark_stage(uow, actor, v.id, FunnelStage.DELIVERED)
            uow.commit()
        return (time.perf_counter() - start) / n
    finally:
        database.close()


# ---------------------------------------------------------------------------
# 3. concurrent counters
# ---------------------------------------------------------------------------

BENCH_TAG = "bench-save"


def _writer(
    url: str,
    actor: Any,
    customer_ids: list[int],
    tag: int,
    ready: Any,
    go: Any,
    seconds: float,
    out: Any,
) -> None:
    """One counter: save consultations until the time is up; report what was saved."""
    from db.services import consultations as cons

    saved: list[tuple[int, str]] = []
    latencies: list[float] = []
    failures: dict[str, int] = {}
    database = open_database(url, key=KEY)
    try:
        cons.list_consultations(database, actor, limit=1)  # connect and warm up before the start
        ready.release()
        go.wait()
        deadline = time.perf_counter() + seconds
        n = 0
        while time.perf_counter() < deadline:
            n += 1
            purpose = f"{BENCH_TAG} w{tag} #{n}"
            customer_id = customer_ids[n % len(customer_ids)]
            start = time.perf_counter()
            try:
                with database.unit_of_work() as uow:
                    v = cons.open_consultation(uow, actor, customer_id, source_channel="walk_in")
                    cons.save_reception(
                        uow, actor, v.id, source_channel="walk_in", intent_level="medium",
                        purpose=purpose, budget="150000.00",
                    )  # fmt: skip
                    uow.commit()
            except Exception as exc:  # a failed save is counted, the counter goes on
                key = type(exc).__name__ + ": " + " ".join(str(exc).split())[:120]
                failures[key] = failures.get(key, 0) + 1
                continue
            latencies.append(time.perf_counter() - start)
            saved.append((v.id, purpose))
    finally:
        database.close()
    out.put((tag, saved, latencies, failures))


def _prepare_store(url: str, writers: int, customers_each: int) -> list[tuple[Any, list[int]]]:
    """Owner, one consultant per writer, and each writer's customers (bulk path)."""
    from db.models.enums import Role
    from db.services import bulk
    from db.services import staff as staff_service

    database = open_database(url, key=KEY)
    try:
        owner = staff_service.create_owner(database, "Bench store", "owner", "bench-pass-1")
        result = []
        for w in range(writers):
            view = staff_service.add_staff(
                database, owner, f"counter{w}", "bench-pass-1", Role.CONSULTANT
            )
            actor = staff_service.actor_for(database, view.id)
            records = [
                bulk.CustomerRecord(name=f"客户{w}-{i}", phone=f"13{w}{i:08d}")
                for i in range(customers_each)
            ]
            result.append((actor, bulk.add_customers(database, actor, records)))
        return result
    finally:
        database.close()


def _check_rows(url: str, saved: list[tuple[int, str]]) -> tuple[int, int, int]:
    """(lost, duplicated, unexpected): the writers' record against the database."""
    from sqlalchemy import select

    from db.models import Consultation

    database = open_database(url, key=KEY)
    try:
        with database.engine.connect() as conn:
            rows = list(
                conn.execute(
                    select(Consultation.id, Consultation.purpose).where(
                        Consultation.purpose.like(f"{BENCH_TAG} %")
                    )
                )
            )
    finally:
        database.close()
    in_db: dict[str, list[int]] = {}
    for cid, purpose in rows:
        in_db.setdefault(purpose, []).append(cid)
    told = dict((purpose, cid) for cid, purpose in saved)
    lost = sum(1 for purpose, cid in told.items() if in_db.get(purpose) != [cid])
    duplicated = sum(len(ids) - 1 for ids in in_db.values() if len(ids) > 1)
    duplicated += len(saved) - len(told)  # a writer told twice of one save
    unexpected = sum(1 for purpose in in_db if purpose not in told)
    return lost, duplicated, unexpected


def run_writers(url: str, writers: int, seconds: float) -> dict[str, Any]:
    """``writers`` processes saving for ``seconds`` against ``url``; figures and the row check."""
    import multiprocessing

    prepared = _prepare_store(url, writers, customers_each=200)
    ctx = multiprocessing.get_context("spawn")  # each counter its own fresh process
    ready, go, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(url, actor, ids, w, ready, go, seconds, out))
        for w, (actor, ids) in enumerate(prepared)
    ]
    for p in procs:
        p.start()
    for _ in procs:  # every writer started, connected and warmed up
        if not ready.acquire(timeout=180):
            for p in procs:
                p.terminate()
            raise RuntimeError("a writer process did not start")
    start = time.perf_counter()
    go.set()
    results = [out.get(timeout=seconds + 180) for _ in procs]
    elapsed = time.perf_counter() - start
    for p in procs:
        p.join()
    saved = [s for r in results for s in r[1]]
    latencies = sorted(x for r in results for x in r[2])
    failures: dict[str, int] = {}
    for r in results:
        for k, v in r[3].items():
            failures[k] = failures.get(k, 0) + v
    lost, duplicated, unexpected = _check_rows(url, saved)
    p50, p99 = _percentiles(latencies) if latencies else (float("nan"), float("nan"))
    return {
        "saves": len(saved),
        "elapsed": elapsed,
        "rate": len(saved) / seconds,
        "p50": p50 * 1000,
        "p99": p99 * 1000,
        "failed": sum(failures.values()),
        "failures": failures,
        "lost": lost,
        "duplicated": duplicated,
        "unexpected": unexpected,
    }


class TempPostgres:
    """A throw-away PostgreSQL cluster (default durability: fsync and synchronous commit on)."""

    def __init__(self) -> None:
        import glob
        import shutil
        import socket
        import subprocess

        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = candidates[-1] if candidates else shutil.which("initdb")
        if not initdb:
            raise RuntimeError("no PostgreSQL binaries (initdb) found")
        self.bin = Path(initdb).parent
        self.folder = Path(tempfile.mkdtemp(prefix="loandesk-bench-pg-"))
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.folder, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self._run, self._devnull = subprocess.run, subprocess.DEVNULL
        data = str(self.folder / "data")
        self._cmd("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8")
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=100"
        log = str(self.folder / "server.log")
        self._cmd("pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start")
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _cmd(self, program: str, *args: str) -> None:
        self._run(
            [*self.as_user, str(self.bin / program), *args],
            check=True,
            cwd=self.folder,
            stdout=self._devnull,
        )

    def stop(self) -> None:
        import shutil

        try:
            self._cmd("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _scratch_pg_database(admin_url: str) -> tuple[str, Any]:
    """A new database on the server of ``admin_url``; returns its URL and a drop function."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    base = make_url(admin_url)
    name = f"loandesk_bench_{os.getpid()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        settings = {
            k: conn.execute(text(f"SHOW {k}")).scalar()
            for k in ("server_version", "fsync", "synchronous_commit")
        }

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    url = base.set(database=name).render_as_string(hide_password=False)
    return url, (drop, settings)


def bench_concurrency(
    folder: Path, writers: int, seconds: float, pg_url: str | None
) -> dict[str, Any]:
    results: dict[str, Any] = {"load": os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0}
    server: TempPostgres | None = None
    try:
        if not pg_url:
            print("starting a temporary PostgreSQL server ...", file=sys.stderr, flush=True)
            server = TempPostgres()
            pg_url = server.admin_url
        url, (drop, settings) = _scratch_pg_database(pg_url)
        try:
            print(
                f"PostgreSQL: {writers} writers for {seconds:g} s ...", file=sys.stderr, flush=True
            )
            results["postgresql"] = run_writers(url, writers, seconds)
            results["postgresql"]["settings"] = settings
        finally:
            drop()
    except Exception as exc:
        results["postgresql_error"] = f"{type(exc).__name__}: {exc}"
    finally:
        if server is not None:
            server.stop()
    print(f"SQLite WAL: {writers} writers for {seconds:g} s ...", file=sys.stderr, flush=True)
    results["sqlite"] = run_writers(str(folder / "counters.sqlite3"), writers, seconds)
    return results


def _print_concurrency(results: dict[str, Any], writers: int, seconds: float) -> None:
    print(f"Concurrent counters: {writers} writer processes saving consultations for {seconds:g} s")
    print(
        f"  (clients and server share this machine: {os.cpu_count()} CPUs, load average "
        f"{results['load']:.1f} before the run; a save = 1 unit of work, ~16 statements, 1 commit)"
    )
    for engine in ("postgresql", "sqlite"):
        r = results.get(engine)
        if r is None:
            print(f"  PostgreSQL not run: {results.get('postgresql_error')}")
            continue
        label = "PostgreSQL" if engine == "postgresql" else "SQLite WAL"
        if engine == "postgresql":
            st = r["settings"]
            label += f" {st['server_version'].split()[0]}"
        print(
            f"  {label:<16} {r['rate']:8.1f} saves/s   p50 {r['p50']:7.1f} ms   "
            f"p99 {r['p99']:7.1f} ms   {r['saves']:,} saved, {r['failed']} failed"
        )
        print(
            f"  {'':<16} rows: {r['lost']} lost, {r['duplicated']} duplicated, "
            f"{r['unexpected']} unexpected"
            + ("  OK" if r["lost"] == r["duplicated"] == r["unexpected"] == 0 else "  WRONG")
        )
        for what, n in sorted(r["failures"].items(), key=lambda kv: -kv[1])[:3]:
            print(f"  {'':<16} {n} x {what}")
        if engine == "postgresql":
            print(
                f"  {'':<16} (server fsync={st['fsync']}, "
                f"synchronous_commit={st['synchronous_commit']})"
            )
    pg, lite = results.get("postgresql"), results.get("sqlite")
    if pg and lite and lite["rate"]:
        print(f"  ratio PostgreSQL / SQLite WAL saves/s {pg['rate'] / lite['rate']:8.2f}")
        print(f"  ratio PostgreSQL / SQLite WAL p99     {pg['p99'] / lite['p99']:8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultations", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2, help="bulk runs per path (best kept)")
    parser.add_argument("--services", type=int, default=200, help="sample for the per-row path")
    parser.add_argument("--writers", type=int, default=8, help="concurrent counters")
    parser.add_argument("--seconds", type=float, default=30.0, help="concurrency run length")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("LOANDESK_TEST_PG_URL"),
        help="PostgreSQL server for the concurrency run (default: LOANDESK_TEST_PG_URL, "
        "else a temporary server)",
    )
    parser.add_argument(
        "--sections",
        default="bulk,demo,lookup,services,concurrency",
        help="comma-separated subset of: bulk, demo, lookup, services, concurrency",
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
        concurrency = (
            bench_concurrency(folder, args.writers, args.seconds, args.pg_url)
            if "concurrency" in sections
            else None
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
    if concurrency is not None:
        _print_concurrency(concurrency, args.writers, args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
