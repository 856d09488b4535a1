"""Headless database commands: demo data, backup and restore; registers the others.

    python main.py demo-data --consultations 1000 [--seed 1]
    python main.py backup --out FILE
    python main.py restore --from FILE

and, from their own modules, ``store``/``staff`` (:mod:`db.cli_staff`) and
``key`` (:mod:`db.cli_keys`).  The helpers those share live here: the
database a command names (:func:`_database_url`, :func:`_open_existing`),
who acts (:func:`_acting`, :func:`_store_of`), a file option.

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

from db import cli_args as arg
from db.program import program_name
from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "cli"
MAX_DEMO_CONSULTATIONS = 2_000_000
MAX_SEED = 2**31 - 1
MAX_WORKERS = 64


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser(
        "demo-data",
        parents=[common],
        help="fill an empty database with realistic synthetic data for one store",
    )
    demo.add_argument(
        "--consultations",
        required=True,
        metavar="N",
        type=arg.whole(0, MAX_DEMO_CONSULTATIONS),
        help="number of consultations",
    )
    demo.add_argument(
        "--seed",
        default="1",
        metavar="S",
        type=arg.whole(0, MAX_SEED),
        help="random seed (default 1)",
    )
    demo.add_argument(
        "--workers",
        default=None,
        metavar="W",
        type=arg.whole(1, MAX_WORKERS),
        help="worker processes (default: one per CPU)",
    )
    demo.set_defaults(handler=run_demo_data)

    backup = sub.add_parser(
        "backup", parents=[common], help="write a verified copy of the database file"
    )
    backup.add_argument(
        "--out", required=True, metavar="FILE", type=arg.file_name, help="backup file to write"
    )
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore", parents=[common], help="replace the database with a verified backup"
    )
    restore.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="FILE",
        type=arg.file_name,
        help="backup file to restore",
    )
    restore.set_defaults(handler=run_restore)

    from db import cli_keys, cli_staff

    cli_staff.register(sub, common)
    cli_keys.register(sub, common)


def _database_url(args: argparse.Namespace) -> str:
    from db.paths import resolve_database_url

    return resolve_database_url(getattr(args, "db", None), getattr(args, "database_url", None))


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
    count, seed, workers = args.consultations, args.seed, args.workers

    from db import open_database
    from db.demo import DEMO_PASSWORD, load_demo_data

    with open_database(_database_url(args)) as database:
        database.alone(_t("demo-data"))
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
        "protected data cannot be read ({program} key export --out FILE writes a "
        "passphrase-protected copy)."
    ).format(key=key_file_path(), program=program_name())


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


# ---------------------------------------------------------------------------
# the database and who acts
# ---------------------------------------------------------------------------


def _open_existing(args: argparse.Namespace) -> Any:
    """Open the database; never create an empty one for a command that reads it."""
    from db import open_database
    from db.engine import sqlite_path

    url = _database_url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(_t("There is no LoanDesk database at {path}.").format(path=path))
    return open_database(url, must_exist=True)


def _acting(database: Any, args: argparse.Namespace) -> Any:
    """The logged-in user with ``--user``; without it the owner (read-only listings)."""
    from db.cli_login import log_in, wants_login
    from db.services import staff

    return log_in(database, args) if wants_login(args) else staff.owner_actor(database)


def _store_of(database: Any, actor: Any, given: int | str | None) -> Any:
    """``actor`` working in the store named by ``--store`` (default: their own)."""
    from db.cli_login import not_allowed
    from db.services import stores
    from db.services.base import PermissionDenied

    if given is None:
        return actor
    wanted = str(given)
    try:
        found = stores.find_store(database, wanted)
    except UserError:
        raise UserError(
            _t("Store {store} does not exist (see: {program} store list).").format(
                store=wanted, program=program_name()
            )
        ) from None
    try:
        return stores.switch_store(database, actor, found.id)
    except PermissionDenied:
        raise not_allowed(actor) from None
