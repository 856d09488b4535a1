"""Child side of the crash test (see test_crash.py); not a test module.

Run as ``python -m tests.db._crash_worker DB KEY STAFF_ID``.  This process
imports everything once, then forks one writer per ``go`` line on stdin, so
each writer starts in milliseconds.  A writer saves consultations in a loop
and reports each *committed* id on stdout with one atomic ``os.write``; the
test kills the writer with SIGKILL at a random moment.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date

from db import open_database
from db.services import consultations, customers, staff
from db.services.base import ValidationError
from lending.identity import generate_resident_id


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def writer(db_path: str, key_path: str, staff_id: int) -> None:
    rng = random.Random(os.getpid())
    database = open_database(db_path, key=key_path)
    actor = staff.actor_for(database, staff_id)
    _say("opened 0")
    while True:
        birth = date(1970, 1, 1).toordinal() + rng.randrange(0, 30 * 365)
        idn = generate_resident_id("110105", date.fromordinal(birth), rng.randrange(1000))
        phone = "139" + "".join(rng.choice("0123456789") for _ in range(8))
        try:
            c = customers.create_customer(
                database,
                actor,
                "客户" + str(rng.randrange(10**6)),
                phone=phone,
                id_number=idn,
                consent_purpose="crash test",
            )
        except ValidationError:
            continue  # an ID number drawn twice
        _say(f"customer {c.id}")
        v = consultations.open_consultation(
            database, actor, c.id, source_channel="walk_in", intent_level="high"
        )
        _say(f"consultation {v.id}")
        v = consultations.save_reception(
            database,
            actor,
            v.id,
            source_channel="phone",
            intent_level="medium",
            purpose="family car",
            budget="150000.00",
            wished_down_payment="30000",
            wished_monthly_payment="3000",
            expected_version=v.version_id,
        )
        _say(f"reception {v.id}")


def main() -> None:
    db_path, key_path, staff_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
    _say("ready")
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                writer(db_path, key_path, staff_id)
            finally:
                os._exit(1)
        _say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"exit {status}")


if __name__ == "__main__":
    main()
