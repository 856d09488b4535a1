"""The industry list from CSV or Excel in short batches; search; lift with a reason.

The concurrency test imports 60,000 rows on one counter while another counter
(its own Database on the same SQLite file) keeps saving.  Both counters wait
at most 1 s for the write lock here - a tenth of the real busy timeout - so
an import that held the lock for a whole file (several seconds) makes a save
fail, and one that commits in batches of ~50 ms never does.
"""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import event, select

from db import Database, open_database
from db.models import AuditEntry
from db.models.enums import AuditAction, BlacklistReason, BlacklistSource, Role
from db.services import blacklist, consultations, customers, staff
from db.services.base import Actor, NotFound, PermissionDenied, ValidationError
from tests.db.conftest import ID_NUMBER, PHONE, make_actor, valid_id
from tests.db.conftest import valid_ids as ids


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def blacklist_audits(database: Database) -> list[dict]:
    with database.unit_of_work() as uow:
        return [
            e.detail
            for e in uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == AuditAction.BLACKLIST_CHANGE.value)
                .order_by(AuditEntry.id)
            )
        ]


def test_an_excel_list_with_chinese_headers(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    other = valid_id(seq=7)
    path = tmp_path / "行业黑名单.xlsx"
    path.write_bytes(
        xlsx(
            [
                ["身份证号", "手机号", "原因", "备注"],
                [ID_NUMBER, None, "虚假材料", "银行共享名单"],
                [None, int(PHONE), "严重违约", None],  # Excel stored the phone as a number
                ["123", None, None, "bad"],
                [other, None, "fraud", None],
            ]
        )
    )
    result = blacklist.import_industry_list(database, owner, path)
    assert (result.added, result.skipped) == (3, 0)
    [(line, why)] = result.errors
    assert line == 4 and "ID number" in str(why)
    hits = {
        h.matched: h.reason
        for h in blacklist.check(database, owner, id_number=ID_NUMBER, phone=PHONE)
    }
    assert hits == {
        "id_number": BlacklistReason.FAKE_DOCUMENTS,
        "phone": BlacklistReason.SERIOUS_DEFAULT,
    }
    [detail] = blacklist_audits(database)
    assert detail["event"] == "industry_import" and detail["added"] == 3
    assert detail["bad_rows"] == 1


def test_files_that_cannot_be_read_import_nothing(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    for name, data in (
        ("x.xlsx", b"not a zip"),
        ("x.txt", b"id_number\n"),
        ("x.csv", b"name,age\nZhang,30\n"),
    ):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ValidationError) as err:
            blacklist.import_industry_list(database, owner, tmp_path / name)
        assert "file" in err.value.reasons
    assert blacklist.list_entries(database, owner) == []


def test_progress_and_cancel_leave_the_earlier_list_as_it_was(
    database: Database, owner: Actor
) -> None:
    first = blacklist.import_industry_list(
        database, owner, "id_number\n" + "\n".join(ids(300, "310104")), kind="csv"
    )
    assert first.added == 300
    seen: list[tuple[int, int]] = []

    def cancel_half_way() -> bool:  # half of the rows inserted: checking was the first half
        return any(done >= 7500 for done, _total in seen)

    with pytest.raises(blacklist.ImportCancelled):
        blacklist.import_industry_list(
            database,
            owner,
            "id_number\n" + "\n".join(ids(5000)),
            kind="csv",
            progress=lambda done, total: seen.append((done, total)),
            cancelled=cancel_half_way,
            lock_budget_ms=5,
        )
    assert {t for _d, t in seen} == {10_000}  # one bar for checking and inserting
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)  # it only rises
    assert any(d > 5000 for d, _t in seen)  # inserting had begun when it was cancelled
    page = blacklist.search_entries(database, owner, source=BlacklistSource.INDUSTRY)
    assert page.total == 300  # the cancelled rows were taken out again, the old ones stayed
    assert blacklist.check(database, owner, id_number=ids(300, "310104")[5])
    assert blacklist.check(database, owner, id_number=ids(1)[0]) == []


def test_search_by_number_digits_or_note(database: Database, owner: Actor) -> None:
    blacklist.add_entry(database, owner, id_number=ID_NUMBER, note="假收入证明")
    blacklist.add_entry(database, owner, phone=PHONE, reason=BlacklistReason.SERIOUS_DEFAULT)
    blacklist.add_entry(database, owner, phone="13700001111")
    assert blacklist.search_entries(database, owner).total == 3
    assert [e.id_masked for e in blacklist.search_entries(database, owner, ID_NUMBER).rows] == [
        "110105********002X"
    ]
    assert blacklist.search_entries(database, owner, PHONE).total == 1
    assert blacklist.search_entries(database, owner, "5678").total == 1  # last digits
    assert blacklist.search_entries(database, owner, "收入").total == 1
    assert blacklist.search_entries(database, owner, "nobody").total == 0
    page = blacklist.search_entries(database, owner, limit=2)
    assert page.total == 3 and len(page.rows) == 2
    consultant = make_actor(database, owner, "c1", Role.CONSULTANT)
    with pytest.raises(PermissionDenied):
        blacklist.search_entries(database, consultant)


def test_lifting_needs_a_reason_and_is_audited(database: Database, owner: Actor) -> None:
    entry = blacklist.add_entry(database, owner, id_number=ID_NUMBER)
    with pytest.raises(ValidationError) as err:
        blacklist.lift_entry(database, owner, entry.id, "   ")
    assert err.value.reasons["reason"].code == "blacklist.lift_reason"
    assert blacklist.check(database, owner, id_number=ID_NUMBER)
    blacklist.lift_entry(database, owner, entry.id, "Court ruling: identity was stolen")
    assert blacklist.check(database, owner, id_number=ID_NUMBER) == []
    lifted = blacklist_audits(database)[-1]
    assert lifted["event"] == "lifted"
    assert lifted["reason"] == "Court ruling: identity was stolen"
    assert lifted["source"] == "internal" and lifted["entry_reason"] == "fraud"
    assert "110105" not in str(lifted)  # nothing of the person in the log
    with pytest.raises(NotFound):
        blacklist.lift_entry(database, owner, entry.id, "again")


@pytest.mark.slow  # a large data set: 60,000 rows
@pytest.mark.sqlite_only("SQLite's single writer lock is what the batches are for")
def test_a_60000_row_import_never_makes_another_counters_save_fail(
    db_path: Path, key_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.engine

    # a third of the counter's real patience (10 s): a batch holding the write lock for
    # seconds fails the save, while a loaded test machine (xdist, other jobs) still passes
    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_MS", 3000)
    importing = open_database(db_path, key=key_path)
    saving = open_database(db_path, key=key_path)
    try:
        owner = staff.create_owner(importing, "Main Street Motors", "owner", "owner-pass-1")
        seller_view = staff.add_staff(importing, owner, "sales", "staff-pass-1", Role.CONSULTANT)
        seller = staff.actor_for(saving, seller_view.id)
        data = "身份证号,原因\n" + "\n".join(f"{n},fraud" for n in ids(60_000))
        commits: list[float] = []
        event.listen(importing.engine, "commit", lambda _conn: commits.append(time.monotonic()))

        outcome: dict[str, object] = {}

        def run_import() -> None:
            try:
                outcome["result"] = blacklist.import_industry_list(
                    importing, owner, data, kind="csv"
                )
            except BaseException as exc:  # reported below, in the test's thread
                outcome["error"] = exc

        worker = threading.Thread(target=run_import)
        started = time.monotonic()
        worker.start()
        saves: list[float] = []
        failures: list[BaseException] = []
        while worker.is_alive():
            try:
                c = customers.create_customer(saving, seller, f"客户{len(saves)}")
                v = consultations.open_consultation(saving, seller, c.id)
                consultations.save_reception(
                    saving, seller, v.id, source_channel="walk_in", intent_level="high"
                )
                saves.append(time.monotonic())
            except BaseException as exc:
                failures.append(exc)
        worker.join()
        assert "error" not in outcome, outcome.get("error")
        result = outcome["result"]
        assert isinstance(result, blacklist.ImportResult) and result.added == 60_000
        assert failures == []
        # the other counter really saved while the import was writing, many times
        writing = [t for t in commits if t > started]
        assert len(writing) > 20  # batches, not one long transaction
        during = [t for t in saves if writing[0] < t < writing[-1]]
        assert len(during) >= 5
        assert blacklist.search_entries(importing, owner).total == 60_000
    finally:
        importing.close()
        saving.close()
