"""Generation in tasks: independent slices of the visits, in worker processes when possible.

Each task has its own random stream derived from the seed and numbers its
rows from 1, so the same seed gives the same data whether the tasks run here
or in forked workers; :class:`Assembler` then moves each task's ids into the
database's free range and keeps ID numbers and phones unique across tasks.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.bulk_writer import BulkWriter, no_gc
from db.crypto import FieldCipher, mask_id, mask_phone
from db.demo.draws import choice, randint
from db.demo.generator import DemoGenerator
from db.demo.store import StoreContext
from db.demo.tables import TABLE_ORDER, demo_writer
from db.demo.vocabulary import LOCAL_REGIONS, MOBILE_PREFIXES, OTHER_REGIONS
from db.models.enums import BlacklistSource
from lending.identity import generate_resident_id

TASK_SIZE = 5_000


@dataclass(frozen=True)
class TaskSpec:
    seed: int
    today: date
    store: StoreContext
    cipher: FieldCipher
    dialect: Any


_WORKER_SPEC: TaskSpec | None = None  # set before the worker processes fork


def industry_entries(n: int) -> int:
    return max(5, min(200, n // 500))


def run_task(
    spec: TaskSpec, index: int, contacts: Sequence[datetime], industry: int
) -> tuple[int, dict[str, list[Any]]]:
    with no_gc():
        gen = DemoGenerator(
            spec.cipher, spec.store, seed=f"loandesk-demo:{spec.seed}:{index}", today=spec.today
        )
        rows = gen.generate(contacts, industry)
        return index, demo_writer(spec.dialect).convert_all(rows)


def _run_task_in_worker(
    index: int, contacts: Sequence[datetime], industry: int
) -> tuple[int, dict[str, list[Any]]]:
    assert _WORKER_SPEC is not None
    return run_task(_WORKER_SPEC, index, contacts, industry)


class Assembler:
    """Puts task results together: global ids, and ID numbers/phones unique across tasks."""

    def __init__(self, spec: TaskSpec, writer: BulkWriter, first_ids: Mapping[str, int]) -> None:
        self.spec = spec
        self.writer = writer
        self.next_ids = dict(first_ids)
        self.seen_ids: set[str] = set()
        self.seen_phones: set[str] = set()
        w = writer
        self.c_idx = {
            k: w.index_of("customers", k)
            for k in ("id", "id_number_enc", "id_hmac", "phone_enc", "phone_hmac")
        }
        self.b_idx = {
            k: w.index_of("blacklist", k)
            for k in ("source", "id_hmac", "phone_hmac", "id_masked", "phone_masked")
        }

    def take(self, index: int, converted: dict[str, list[Any]]) -> dict[str, list[Any]]:
        self._make_unique(index, converted)
        offsets = {name: self.next_ids[name] - 1 for name in TABLE_ORDER}
        for name in TABLE_ORDER:
            rows = converted.get(name, [])
            converted[name] = self.writer.shift(name, rows, offsets)
            self.next_ids[name] += len(rows)
        return converted

    def _make_unique(self, index: int, converted: dict[str, list[Any]]) -> None:
        bi = self.b_idx
        for b in converted.get("blacklist", []):
            if b[bi["source"]] == BlacklistSource.INDUSTRY.value:
                self.seen_ids.add(b[bi["id_hmac"]])
                self.seen_phones.add(b[bi["phone_hmac"]])
        ci = self.c_idx
        customers = converted.get("customers", [])
        for pos, row in enumerate(customers):
            if row[ci["id_hmac"]] in self.seen_ids or row[ci["phone_hmac"]] in self.seen_phones:
                customers[pos] = row = self._renumber(index, row, converted)
            self.seen_ids.add(row[ci["id_hmac"]])
            self.seen_phones.add(row[ci["phone_hmac"]])

    def _renumber(self, index: int, row: Any, converted: dict[str, list[Any]]) -> Any:
        """Give a customer who collides with another task's customer a new ID/phone."""
        ci, cipher = self.c_idx, self.spec.cipher
        values: Any = dict(row) if isinstance(row, dict) else list(row)
        rng = random.Random(f"loandesk-demo:{self.spec.seed}:{index}:fix:{row[ci['id']]}")
        old_id_hmac, old_phone_hmac = row[ci["id_hmac"]], row[ci["phone_hmac"]]
        id_number = cipher.decrypt("customers", "id_number", bytes(row[ci["id_number_enc"]]))
        phone = cipher.decrypt("customers", "phone", bytes(row[ci["phone_enc"]]))
        birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
        while cipher.id_hash(id_number) in self.seen_ids:
            region = choice(rng, LOCAL_REGIONS + OTHER_REGIONS)
            id_number = generate_resident_id(region, birth, randint(rng, 0, 999))
        while cipher.phone_hash(phone) in self.seen_phones:
            phone = choice(rng, MOBILE_PREFIXES) + f"{randint(rng, 0, 99_999_999):08d}"
        values[ci["id_number_enc"]] = cipher.encrypt("customers", "id_number", id_number)
        values[ci["id_hmac"]] = cipher.id_hash(id_number)
        values[ci["phone_enc"]] = cipher.encrypt("customers", "phone", phone)
        values[ci["phone_hmac"]] = cipher.phone_hash(phone)
        bi = self.b_idx
        entries = converted.get("blacklist", [])
        for pos, b in enumerate(entries):
            if b[bi["id_hmac"]] == old_id_hmac and b[bi["phone_hmac"]] == old_phone_hmac:
                fixed: Any = dict(b) if isinstance(b, dict) else list(b)
                fixed[bi["id_hmac"]] = values[ci["id_hmac"]]
                fixed[bi["phone_hmac"]] = values[ci["phone_hmac"]]
                fixed[bi["id_masked"]] = mask_id(id_number)
                fixed[bi["phone_masked"]] = mask_phone(phone)
                entries[pos] = fixed if isinstance(b, dict) else tuple(fixed)
        return values if isinstance(row, dict) else tuple(values)


def results(
    spec: TaskSpec,
    tasks: Sequence[tuple[int, Sequence[datetime], int]],
    workers: int | None,
) -> Iterator[tuple[int, dict[str, list[Any]]]]:
    """Task results in task order; forked workers when there is enough to share."""
    import multiprocessing
    import os
    import threading

    n_workers = workers if workers is not None else min(4, os.cpu_count() or 1)
    # fork only a single-threaded process (the command line), never e.g. the GUI
    can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if n_workers <= 1 or len(tasks) < 2 or not can_fork:
        for index, contacts, industry in tasks:
            yield run_task(spec, index, contacts, industry)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    global _WORKER_SPEC
    _WORKER_SPEC = spec
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx) as pool:
            pending: list[Future[tuple[int, dict[str, list[Any]]]]] = []
            queue = list(tasks)
            window = n_workers + 1  # bounded: finished results wait in memory
            while queue or pending:
                while queue and len(pending) < window:
                    index, contacts, industry = queue.pop(0)
                    pending.append(pool.submit(_run_task_in_worker, index, contacts, industry))
                yield pending.pop(0).result()
    finally:
        _WORKER_SPEC = None
