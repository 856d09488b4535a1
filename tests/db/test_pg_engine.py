"""Engine behaviour that differs between SQLite and PostgreSQL (run on both)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import Database, demo, open_database
from db.engine import make_engine, server_engine_options
from db.models import Consultation, Customer, DbMeta
from db.services import bulk, consultations, customers, staff
from db.services.base import Actor

SHANGHAI = timezone(timedelta(hours=8))


def test_aware_datetimes_round_trip_as_utc(database: Database, owner: Actor) -> None:
    local = datetime(2026, 3, 1, 0, 30, tzinfo=SHANGHAI)  # 2026-02-28 16:30 UTC
    (cid,) = bulk.add_customers(database, owner, [bulk.CustomerRecord("王芳", created_at=local)])
    view = customers.get_customer(database, owner, cid)
    assert view.created_at == local
    assert view.created_at.tzinfo is UTC
    assert view.created_at.day == 28
    with database.unit_of_work() as uow:
        later = uow.session.scalar(
            select(func.count()).select_from(Customer).where(Customer.created_at > local)
        )
        earlier = uow.session.scalar(
            select(func.count())
            .select_from(Customer)
            .where(Customer.created_at < datetime(2026, 2, 28, 16, 31, tzinfo=UTC))
        )
    assert (later, earlier) == (0, 1)


def test_naive_datetimes_are_refused(database: Database, owner: Actor) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        bulk.add_customers(
            database, owner, [bulk.CustomerRecord("李雷", created_at=datetime(2026, 1, 1))]
        )


def test_services_insert_after_demo_data(database: Database) -> None:
    """Demo data writes explicit ids; the next ordinary insert must not collide with them."""
    demo.load_demo_data(database, 40, seed=3, workers=1)
    owner = staff.owner_actor(database)
    c = customers.create_customer(database, owner, "新客户", phone="13912345678")
    v = consultations.open_consultation(database, owner, c.id, source_channel="walk_in")
    with database.unit_of_work() as uow:
        assert c.id == uow.session.scalar(select(func.max(Customer.id)))
        assert v.id == uow.session.scalar(select(func.max(Consultation.id)))
    more = bulk.add_customers(database, owner, [bulk.CustomerRecord(f"导入{i}") for i in range(3)])
    assert more == [c.id + 1, c.id + 2, c.id + 3]


def test_bulk_ids_are_right_while_other_counters_insert(
    database: Database, owner: Actor, database_url: str, key_path: Path
) -> None:
    """Ids returned by the bulk path belong to the rows it inserted, even with
    other counters inserting at the same time (on SQLite they simply wait)."""
    errors: list[BaseException] = []
    results: dict[int, list[int]] = {}

    def importer(tag: int) -> None:
        try:
            with open_database(database_url, key=key_path) as other:
                ids: list[int] = []
                for batch in range(5):
                    records = [bulk.CustomerRecord(f"T{tag}-{batch}-{i}") for i in range(40)]
                    ids += bulk.add_customers(other, owner, records, batch_size=15)
                results[tag] = ids
        except BaseException as exc:
            errors.append(exc)

    def counter(tag: int) -> None:
        try:
            with open_database(database_url, key=key_path) as other:
                for i in range(25):
                    customers.create_customer(other, owner, f"C{tag}-{i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=importer, args=(t,)) for t in range(3)]
    threads += [threading.Thread(target=counter, args=(t,)) for t in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with database.unit_of_work() as uow:
        names = {i: n for i, n in uow.session.execute(select(Customer.id, Customer.name))}
    assert len(names) == 3 * 200 + 2 * 25
    for tag, ids in results.items():
        expected = [f"T{tag}-{b}-{i}" for b in range(5) for i in range(40)]
        assert [names[i] for i in ids] == expected


def test_many_counters_open_a_new_database_at_once(
    engine_name: str, empty_database_url: str, key_path: Path
) -> None:
    """Several counters starting against an empty server: one migrates, the others wait."""
    if engine_name == "sqlite":
        pytest.skip("PostgreSQL only: one SQLite file has one counter")
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key = b"\x07" * 32
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def start() -> None:
        try:
            barrier.wait()
            open_database(empty_database_url, key=key).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_database(empty_database_url, key=key) as database, database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DbMeta)) >= 1


def test_server_engine_options() -> None:
    options = server_engine_options("postgresql+psycopg://u@h/db")
    assert options["pool_pre_ping"] is True
    assert options["connect_args"]["options"] == "-c timezone=UTC"
    assert "connect_args" not in server_engine_options("mysql+pymysql://u@h/db")


def test_postgresql_session_is_utc(engine_name: str, database: Database) -> None:
    if engine_name == "sqlite":
        pytest.skip("PostgreSQL only: SQLite has no session time zone")
    with database.engine.connect() as conn:
        assert conn.execute(text("SHOW timezone")).scalar() == "UTC"
        assert conn.execute(text("SHOW application_name")).scalar() == "LoanDesk"


def test_dropped_server_connections_are_replaced(
    engine_name: str, database: Database, owner: Actor, database_url: str
) -> None:
    """A server restart kills every pooled connection; the next save still works."""
    if engine_name == "sqlite":
        pytest.skip("PostgreSQL only: SQLite has no server connections")
    customers.create_customer(database, owner, "之前")
    name = make_url(database_url).database
    admin = create_engine(make_url(database_url), poolclass=NullPool)
    with admin.connect() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        ).scalar()
    admin.dispose()
    assert killed and killed >= 1
    view = customers.create_customer(database, owner, "之后")
    assert customers.get_customer(database, owner, view.id).name == "之后"


def test_make_engine_keeps_caller_options(engine_name: str, database_url: str) -> None:
    engine = make_engine(database_url, pool_pre_ping=False)
    try:
        assert engine.pool._pre_ping is False
    finally:
        engine.dispose()


@pytest.mark.parametrize("icu_locale", ["zh-CN", "en-US"])
def test_name_prefix_search_under_a_server_collation(
    engine_name: str, pg_databases: Any, key_path: Path, icu_locale: str
) -> None:
    """A dealer's server has a real collation, not "C": prefix search must still work."""
    if engine_name == "sqlite":
        pytest.skip("PostgreSQL only: SQLite compares names by code point")
    name = f"{pg_databases.template}_{icu_locale.replace('-', '_').lower()}"
    pg_databases.drop(name)
    pg_databases._sql(
        f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8 '
        f"LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}' LOCALE 'C.UTF-8'"
    )
    try:
        with open_database(pg_databases.url_of(name), key=key_path) as database:
            owner = staff.create_owner(database, "S", "owner", "owner-pass-1")
            for n in ("王芳", "王小明", "汪洋", "Wang Fang", "wang li", "李雷"):
                customers.create_customer(database, owner, n)

            def names(prefix: str, **kw: Any) -> set[str]:
                found = customers.find_customers(database, owner, name=prefix, **kw)
                return {c.name for c in found}

            assert names("王") == {"王芳", "王小明"}
            assert names("王小") == {"王小明"}
            # A linguistic collation compares case only as a tie-break, so the
            # range also finds other cases (SQLite compares code points: it does not).
            assert {"Wang Fang"} <= names("Wang") <= {"Wang Fang", "wang li"}
            assert names("李") == {"李雷"}
            assert names("小明", contains=True) == {"王小明"}
    finally:
        pg_databases.drop(name)


def test_version_column_catches_a_save_from_another_counter(
    database: Database, owner: Actor, database_url: str, key_path: Path
) -> None:
    """Two counters (two engines) load one consultation; the second save is refused."""
    from sqlalchemy.orm.exc import StaleDataError

    c = customers.create_customer(database, owner, "张伟")
    v = consultations.open_consultation(database, owner, c.id, source_channel="walk_in")
    with (
        open_database(database_url, key=key_path) as other,
        database.unit_of_work() as a,
        other.unit_of_work() as b,
    ):
        row_a = a.session.get(Consultation, v.id)
        row_b = b.session.get(Consultation, v.id)
        assert row_a is not None and row_b is not None
        assert row_a.version_id == row_b.version_id
        row_a.purpose = "first counter"
        a.commit()
        row_b.purpose = "second counter"
        with pytest.raises(StaleDataError):
            b.commit()
    with database.unit_of_work() as uow:
        row = uow.session.get(Consultation, v.id)
        assert row is not None and row.purpose == "first counter"
