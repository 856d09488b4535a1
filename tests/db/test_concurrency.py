"""Two writers at once (e.g. two LoanDesk windows, or a backup) wait, never fail."""

from __future__ import annotations

import threading
from pathlib import Path

from db import open_database
from db.services import consultations, customers, staff
from db.services.base import Actor


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
