"""Several writers at once: they wait (SQLite) or are told (optimistic locking), never lose data.

* Two LoanDesk windows on one file write at the same time: both succeed.
* Two counters load the same consultation or customer and both save: the
  second is refused with a message naming the first consultant and the time,
  and nothing of the first save is overwritten.
* The database goes away mid-save: :class:`DatabaseUnavailable`, nothing
  half-written, and the same save works once it is back.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from db import Database, open_database
from db.models import Consultation, Customer
from db.models.enums import Role
from db.services import consultations, customers, staff
from db.services.base import (
    MESSAGES,
    Actor,
    ConcurrentEditError,
    DatabaseUnavailable,
    is_connection_error,
    transaction,
)
from lending.identity import generate_vin
from tests.db.conftest import ID_NUMBER, PHONE


def test_parallel_writers_on_one_file(db_path: Path, key_path: Path) -> None:
    with open_database(db_path, key=key_path) as first:
        owner = staff.create_owner(first, "S", "owner", "owner-pass-1")
    errors: list[BaseException] = []

    def work(tag: int, actor: Actor) -> None:
        try:
            with open_database(db_path, key=key_path) as database:
                for i in range(15):
                    c = customers.create_customer(database, actor, f"客户{tag}-{i}")
                    v = consultations.open_consultation(database, actor, c.id)
                    consultations.save_reception(
                        database, actor, v.id, source_channel="walk_in", intent_level="low"
                    )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t, owner)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_database(db_path, key=key_path) as database:
        assert len(consultations.list_consultations(database, owner, limit=1000)) == 60


# ---------------------------------------------------------------------------
# two counters, one consultation
# ---------------------------------------------------------------------------


class Counters:
    """Two counter PCs: each its own Database (engine, pool) on the same store database."""

    def __init__(self, url: str, key: Path) -> None:
        self.db_a = open_database(url, key=key)
        owner = staff.create_owner(self.db_a, "Main Street Motors", "owner", "owner-pass-1")
        a = staff.add_staff(
            self.db_a, owner, "wangfang", "staff-pass-1", Role.CONSULTANT, display_name="王芳"
        )
        b = staff.add_staff(
            self.db_a, owner, "lisi", "staff-pass-1", Role.CONSULTANT, display_name="Li Si"
        )
        self.a = staff.actor_for(self.db_a, a.id)
        self.db_b = open_database(url, key=key)
        self.b = staff.actor_for(self.db_b, b.id)
        cust = customers.create_customer(self.db_a, self.a, "Zhao Lei")
        self.customer_id = cust.id
        self.cid = consultations.open_consultation(self.db_a, self.a, cust.id).id

    def close(self) -> None:
        self.db_a.close()
        self.db_b.close()


@pytest.fixture
def counters(database_url: str, key_path: Path) -> Iterator[Counters]:
    both = Counters(database_url, key_path)
    yield both
    both.close()


def test_second_save_of_a_consultation_is_refused_naming_the_first(counters: Counters) -> None:
    k = counters
    seen_a = consultations.get_consultation(k.db_a, k.a, k.cid)
    seen_b = consultations.get_consultation(k.db_b, k.b, k.cid)
    assert seen_a.version_id == seen_b.version_id

    saved = consultations.save_reception(
        k.db_a,
        k.a,
        k.cid,
        source_channel="walk_in",
        intent_level="high",
        purpose="family car",
        budget="150000",
        expected_version=seen_a.version_id,
    )
    assert saved.version_id > seen_a.version_id
    before = datetime.now(UTC)

    with pytest.raises(ConcurrentEditError) as caught:
        consultations.save_reception(
            k.db_b,
            k.b,
            k.cid,
            source_channel="phone",
            intent_level="low",
            purpose="commuting",
            budget="90000",
            expected_version=seen_b.version_id,
        )
    err = caught.value
    assert err.what == "consultation"
    assert err.changed_by == "王芳"
    assert err.changed_at is not None and abs((before - err.changed_at).total_seconds()) < 60
    assert err.reason.code == "concurrent.consultation"
    assert err.reason.template == MESSAGES["concurrent.consultation"]
    when = err.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert err.message == (
        f"This consultation was changed by 王芳 at {when}. Reload it to see their changes; "
        "what you typed is still in the form."
    )
    # the screen may format the time its own way
    assert "at 14h" in err.reason_with(lambda _: "14h").render()

    # nothing of A's save was overwritten, and the row says who saved it
    now = consultations.get_consultation(k.db_b, k.b, k.cid)
    assert (now.source_channel.value, now.intent_level.value) == ("walk_in", "high")  # type: ignore[union-attr]
    assert now.purpose == "family car" and now.budget == Decimal("150000.00")
    assert now.version_id == saved.version_id
    with k.db_b.unit_of_work() as uow:
        row = uow.session.get(Consultation, k.cid)
        assert row is not None and row.updated_by == k.a.staff_id

    # B reloads (takes the current version) and saves: accepted, now B is named
    again = consultations.save_reception(
        k.db_b,
        k.b,
        k.cid,
        source_channel="phone",
        intent_level="low",
        purpose="commuting",
        expected_version=now.version_id,
    )
    assert again.purpose == "commuting"
    with pytest.raises(ConcurrentEditError) as caught_a:
        consultations.save_reception(
            k.db_a,
            k.a,
            k.cid,
            source_channel="walk_in",
            intent_level="high",
            expected_version=saved.version_id,
        )
    assert caught_a.value.changed_by == "Li Si"


def test_every_step_save_checks_the_version(counters: Counters) -> None:
    """Qualification, appraisal, plan, choosing and signing all refuse a stale form."""
    k = counters
    stale = consultations.get_consultation(k.db_b, k.b, k.cid).version_id
    consultations.save_reception(
        k.db_a, k.a, k.cid, source_channel="walk_in", intent_level="high", expected_version=stale
    )
    form = consultations.QualificationForm(
        monthly_income="18000", income_proof_months=6, residence_proof=True, work_proof=True
    )
    calls: dict[str, Any] = {
        "qualification": lambda: consultations.save_qualification(
            k.db_b, k.b, k.cid, form, expected_version=stale
        ),
        "appraisal": lambda: consultations.save_appraisal(
            k.db_b,
            k.b,
            k.cid,
            consultations.VehicleForm(
                brand="Volkswagen",
                model="Lavida",
                first_registration=date(2023, 3, 1),
                vin=generate_vin("LSVAB2BM" + "LJ123456"),
                mileage_km=30000,
                condition="good",
                market_price="150000",
                price="130000",
            ),
            expected_version=stale,
        ),
        "plan": lambda: consultations.save_plan(
            k.db_b,
            k.b,
            k.cid,
            consultations.PlanForm(
                product_code="finance_company",
                method="equal_installment",
                term_months=36,
                down_payment="65000",
            ),
            expected_version=stale,
        ),
        "signing": lambda: consultations.save_signing(
            k.db_b, k.b, k.cid, {}, expected_version=stale
        ),
    }
    for step, call in calls.items():
        with pytest.raises(ConcurrentEditError) as caught:
            call()
        assert caught.value.changed_by == "王芳", step
    assert consultations.get_qualification(k.db_a, k.a, k.cid) is None
    assert consultations.get_appraisal(k.db_a, k.a, k.cid) is None
    assert consultations.list_plans(k.db_a, k.a, k.cid) == []


def test_second_save_of_a_customer_is_refused(counters: Counters) -> None:
    k = counters
    seen_a = customers.get_customer(k.db_a, k.a, k.customer_id)
    seen_b = customers.get_customer(k.db_b, k.b, k.customer_id)
    customers.record_consent(k.db_a, k.a, k.customer_id)
    customers.update_customer(
        k.db_a,
        k.a,
        k.customer_id,
        phone=PHONE,
        id_number=ID_NUMBER,
        expected_version=seen_a.version_id,
    )
    with pytest.raises(ConcurrentEditError) as caught:
        customers.update_customer(
            k.db_b,
            k.b,
            k.customer_id,
            name="Zhao Lei (wrong)",
            phone="13900000000",
            expected_version=seen_b.version_id,
        )
    assert caught.value.what == "customer"
    assert caught.value.changed_by == "王芳"
    assert caught.value.message.startswith("This customer's details were changed by 王芳 at ")
    with k.db_b.unit_of_work() as uow:
        row = uow.session.get(Customer, k.customer_id)
        assert row is not None and row.updated_by == k.a.staff_id
        plain = customers.decrypt_customer(uow, row)
        assert (row.name, plain.phone, plain.id_number) == ("Zhao Lei", PHONE, ID_NUMBER)


def test_a_row_changed_by_a_bulk_load_names_no_one(counters: Counters) -> None:
    """Rows written without an actor (imports, demo data) say "another counter"."""
    k = counters
    seen = consultations.get_consultation(k.db_b, k.b, k.cid).version_id
    with k.db_a.unit_of_work() as uow:
        row = uow.session.get(Consultation, k.cid)
        assert row is not None
        row.purpose = "imported"
        uow.commit()
    with pytest.raises(ConcurrentEditError) as caught:
        consultations.save_reception(
            k.db_b,
            k.b,
            k.cid,
            source_channel="walk_in",
            intent_level="low",
            expected_version=seen,
        )
    assert caught.value.changed_by is None
    assert caught.value.reason.code == "concurrent.consultation_unknown"
    assert "changed at another counter at" in caught.value.message


def test_a_race_between_check_and_update_is_still_caught(counters: Counters) -> None:
    """The version column refuses an UPDATE of a row changed after it was read."""
    k = counters
    with k.db_b.unit_of_work() as uow:
        row = uow.session.get(Consultation, k.cid)
        assert row is not None
        consultations.save_reception(
            k.db_a, k.a, k.cid, source_channel="walk_in", intent_level="high", purpose="A"
        )
        with pytest.raises(ConcurrentEditError) as caught, transaction(uow):
            row.purpose = "B"
        assert caught.value.reason.code == "concurrent.moment_ago"
    assert consultations.get_consultation(k.db_a, k.a, k.cid).purpose == "A"


# ---------------------------------------------------------------------------
# connection loss
# ---------------------------------------------------------------------------


class Outage:
    """Every new connection fails while ``down``; pooled ones are dropped on ``start``."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.down = False
        self.refused = 0
        dbapi = database.engine.dialect.loaded_dbapi
        self._error = dbapi.OperationalError
        self._sqlite = database.engine.dialect.name == "sqlite"
        event.listen(database.engine, "do_connect", self._connect)

    def _connect(self, *args: Any) -> None:
        if self.down:
            self.refused += 1
            text = "unable to open database file" if self._sqlite else "connection refused"
            raise self._error(text)

    def start(self) -> None:
        self.down = True
        self.database.engine.dispose()  # the server dropped every open connection

    def end(self) -> None:
        self.down = False


def test_a_save_while_the_database_is_unreachable_writes_nothing(counters: Counters) -> None:
    k = counters
    seen = consultations.get_consultation(k.db_a, k.a, k.cid)
    outage = Outage(k.db_a)
    outage.start()
    with pytest.raises(DatabaseUnavailable) as caught:
        consultations.save_reception(
            k.db_a,
            k.a,
            k.cid,
            source_channel="walk_in",
            intent_level="high",
            purpose="during outage",
            expected_version=seen.version_id,
        )
    assert is_connection_error(caught.value)
    assert outage.refused >= 1
    # the other counter sees nothing of it
    still = consultations.get_consultation(k.db_b, k.b, k.cid)
    assert still.purpose is None and still.version_id == seen.version_id
    outage.end()
    saved = consultations.save_reception(
        k.db_a,
        k.a,
        k.cid,
        source_channel="walk_in",
        intent_level="high",
        purpose="after outage",
        expected_version=seen.version_id,
    )
    assert saved.purpose == "after outage"


def test_a_failure_in_the_middle_of_a_unit_of_work_rolls_back_all_of_it(
    counters: Counters, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Customer and consultation saved together: the commit fails, neither is kept."""
    k = counters
    seen = consultations.get_consultation(k.db_a, k.a, k.cid)
    dbapi = k.db_a.engine.dialect.loaded_dbapi

    def fail_commit(dbapi_connection: Any) -> None:
        raise dbapi.OperationalError("database is locked")

    with k.db_a.unit_of_work() as uow:
        customers.update_customer(uow, k.a, k.customer_id, name="Zhao Lei Jr")
        consultations.save_reception(
            uow, k.a, k.cid, source_channel="walk_in", intent_level="high", purpose="half"
        )
        monkeypatch.setattr(k.db_a.engine.dialect, "do_commit", fail_commit)
        with pytest.raises(OperationalError) as caught:
            uow.commit()
        monkeypatch.undo()
        assert is_connection_error(caught.value)
    with k.db_b.unit_of_work() as uow:
        name = uow.session.scalar(select(Customer.name).where(Customer.id == k.customer_id))
        assert name == "Zhao Lei"
        row = uow.session.get(Consultation, k.cid)
        assert row is not None and row.purpose is None and row.version_id == seen.version_id


def test_which_errors_mean_the_database_is_unreachable() -> None:
    def wrapped(orig: Exception) -> OperationalError:
        return OperationalError("UPDATE x", {}, orig)

    assert is_connection_error(wrapped(sqlite3.OperationalError("database is locked")))
    assert is_connection_error(wrapped(sqlite3.OperationalError("unable to open database file")))
    assert not is_connection_error(wrapped(sqlite3.OperationalError("no such table: x")))
    assert not is_connection_error(ValueError("no"))
    assert is_connection_error(DatabaseUnavailable("gone"))
    assert is_connection_error(PoolTimeout("QueuePool limit of size 5 overflow 5 reached"))

    class ServerError(Exception):
        pass

    assert is_connection_error(wrapped(ServerError("server closed the connection unexpectedly")))
