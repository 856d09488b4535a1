"""Headless database commands: ``demo-data``, ``backup`` and ``restore``.

    python main.py demo-data --consultations 1000 [--seed 1]
    python main.py backup --out FILE
    python main.py restore --from FILE

All take ``--db PATH`` / ``--database-url URL`` (the common parent parser).
Bad input raises :class:`lending.errors.UserError`: one line on stderr,
exit status 2, nothing written.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "cli"
MAX_DEMO_CONSULTATIONS = 2_000_000


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser(
        "demo-data",
        parents=[common],
        help="fill an empty database with realistic synthetic data for one store",
    )
    demo.add_argument("--consultations", required=True, metavar="N", help="number of consultations")
    demo.add_argument("--seed", default="1", metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--workers", default=None, metavar="W", help="worker processes (default: one per CPU)"
    )
    demo.set_defaults(handler=run_demo_data)

    backup = sub.add_parser(
        "backup", parents=[common], help="write a verified copy of the database file"
    )
    backup.add_argument("--out", required=True, metavar="FILE", help="backup file to write")
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore", parents=[common], help="replace the database with a verified backup"
    )
    restore.add_argument(
        "--from", dest="source", required=True, metavar="FILE", help="backup file to restore"
    )
    restore.set_defaults(handler=run_restore)


def _database_url(args: argparse.Namespace) -> str:
    from db.paths import resolve_database_url

    return resolve_database_url(getattr(args, "db", None), getattr(args, "database_url", None))


def _whole_number(text: str, option: str, lo: int, hi: int) -> int:
    value = text.strip().replace(",", "").replace("_", "")
    if not value.isdigit() or not lo <= int(value) <= hi:
        raise UserError(
            _t("{option} must be a whole number from {lo} to {hi}, got '{value}'.").format(
                option=option, lo=f"{lo:,}", hi=f"{hi:,}", value=text
            )
        )
    return int(value)


def _file_option(text: str, option: str) -> Path:
    if not text.strip():
        raise UserError(_t("{option} needs a file name.").format(option=option))
    return Path(text).expanduser()


# ---------------------------------------------------------------------------
# demo-data
# ---------------------------------------------------------------------------


class _Progress:
    """Progress on stderr: one updating line on a terminal, a few lines otherwise."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.perf_counter() - self.started
        text = _t("demo-data: {done} of {total} consultations ({seconds:.0f} s)").format(
            done=f"{done:,}", total=f"{total:,}", seconds=elapsed
        )
        if self.tty:
            end = "\n" if done >= total else ""
            print("\r" + text, end=end, file=sys.stderr, flush=True)
            return
        tenth = 10 * done // total if total else 10
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            print(text, file=sys.stderr, flush=True)


def run_demo_data(args: argparse.Namespace) -> int:
    count = _whole_number(args.consultations, "--consultations", 0, MAX_DEMO_CONSULTATIONS)
    seed = _whole_number(args.seed, "--seed", 0, 2**31 - 1)
    workers = None
    if args.workers is not None:
        workers = _whole_number(args.workers, "--workers", 1, 64)

    from db import open_database
    from db.demo import DEMO_PASSWORD, load_demo_data

    with open_database(_database_url(args)) as database:
        summary = load_demo_data(database, count, seed=seed, workers=workers, progress=_Progress())
    c = summary.counts
    print(
        _t(
            "Loaded {consultations} consultations ({customers} customers, {plans} plans, "
            "{follow_ups} follow-ups) in {seconds:.1f} s (seed {seed})."
        ).format(
            consultations=f"{c.get('consultations', 0):,}",
            customers=f"{c.get('customers', 0):,}",
            plans=f"{c.get('plans', 0):,}",
            follow_ups=f"{c.get('follow_ups', 0):,}",
            seconds=summary.seconds,
            seed=seed,
        )
    )
    if summary.staff_created:
        print(
            _t("Demo staff accounts {names} use the password {password}.").format(
                names=", ".join(summary.staff_created), password=DEMO_PASSWORD
            )
        )
    return 0


# ---------------------------------------------------------------------------
# backup / restore
# ---------------------------------------------------------------------------


def _key_note() -> str:
    from db.paths import key_file_path

    return _t(
        "Keep a copy of the key file {key} with your backups: without it the customers' "
        "protected data cannot be read."
    ).format(key=key_file_path())


def run_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_database

    out = _file_option(args.out, "--out")
    info = backup_database(_database_url(args), out)
    print(
        _t("Backup written to {path} ({size} MB, schema {revision}); verified.").format(
            path=info.path, size=f"{info.size_bytes / 1e6:,.1f}", revision=info.schema_revision
        )
    )
    print(_key_note(), file=sys.stderr)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db.backup import restore_database, sqlite_file_of

    source = _file_option(args.source, "--from")
    url = _database_url(args)
    info = restore_database(url, source)
    print(
        _t("Restored {source} into {path} (schema {revision}).").format(
            source=source, path=sqlite_file_of(url), revision=info.schema_revision
        )
    )
    return 0
