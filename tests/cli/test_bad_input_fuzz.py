"""Thousands of hostile argument vectors against every headless command (issue 11, item 11).

Each vector starts from a working command line and is then spoiled: a value
replaced by a hostile one of its kind (``1e309``, ``1e-999999``, ``NaN``, a
4,300-digit integer, 2^63, ``9999-12-31``, a name over 255 bytes, a FIFO, a
folder, the database itself, a malformed URL, a newline, NUL, random text),
a value left out, an unknown option, an option repeated, a required option
dropped.  ``main.main`` runs in-process (fast), with a timer against hangs.
Every run must:

* exit with status 0 or 2;
* on 2: print exactly one line on stderr and nothing on stdout;
* never print a traceback;
* on failure leave every file in the working folder and in LoanDesk's home
  as it was (the ``.lease`` files, which record who has a database open, and
  the temporary-file journal aside).  The one write a failure may make is
  the login's own (ARCHITECTURE.md: a login is checked, counted and audited
  as in the GUI): with ``--user`` the database must hold the same rows as
  before, its ``login``/``login_failed``/``login_locked`` audit rows and the
  accounts' login bookkeeping aside.

Commands that take a login get ``--user`` (``owner``, who may do anything; a
consultant, who may not; an unknown name) with ``--password-file``, both
spoiled like any other value.

A few real processes cover what only a real process shows: a reader that
stops reading (``| head``) and stdout on ``/dev/full``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from db.demo import DEMO_PASSWORD
from tests.cli.runner import run_main

ROOT = Path(__file__).resolve().parents[2]
HANG_SECONDS = 30
PASSPHRASE = "a long passphrase 1\n"

# --- hostile values, by kind ------------------------------------------------------

BAD_NUMBERS = (
    "1e309", "-1e309", "1e-999999", "1e999999", "NaN", "nan", "-NaN", "sNaN", "Infinity",
    "-inf", "9" * 4301, "1" + "0" * 5000, str(2**63), str(2**63 - 1), str(-(2**63)), "0x10",
    "1_0", "１２", "٣", "²", "12.5", "0.001", "-1", "-0", "0", "", " ", "1e", "--1", "1.2.3",
    "1,,0", "15万", "¥", "5%", "1e-12", "1E+14", "99999999999999", "1000000000.01",
    "a\nb", "1\n2", "\x00", "1\x00", "\r", "\t5", "\u2028", "\udcff", "🙂", "x" * 300,
)  # fmt: skip
BAD_DATES = (
    "9999-12-31", "0001-01-01", "2200-12-31", "2201-01-01", "1899-12-31", "2026-02-30",
    "2026-13-01", "20261122", "2026-W01-1", "2026-11-22T10:00", "+2026-11-22", "2026-1-1",
    "２０２６-１１-２２", "2026-11-22\n", "", "today", "1" * 5000,
)  # fmt: skip
BAD_TEXT = ("", " ", "a\nb", "\x00", "x" * 5000, "Main store\r\n", "\x1b[31mred", "🙂" * 300)


def bad_paths(world: Path) -> tuple[str, ...]:
    return (
        "", " ", "\x00", "a\x00b", "a" * 256, "é" * 200, ("d" * 200 + "/") * 30 + "x",
        str(world / "fifo"), str(world / "folder"), str(world / "folder") + "/",
        str(world / "no" / "such" / "dir" / "x"), str(world / "w.sqlite3"),
        str(world / "w.sqlite3-wal"), str(world / "w.sqlite3-shm"), str(world / "key.key"),
        str(world / "existing.txt"), str(world / "bad\nname"), str(world / "garbage.bin"),
        "~nosuchuser/x", "-", "--", "-x",
    )  # fmt: skip


def bad_urls(world: Path) -> tuple[str, ...]:
    return (
        "foo", "://", "sqlite+nope:///x", "postgresql://u@h:abc/d", "postgresql://u@h:0/d",
        "postgresql://u@h:99999999/d", "postgresql://u:secret@127.0.0.1:1/d",
        "mysql://u@h/d", "sqlite:///" + "a" * 300, f"sqlite:///{world / 'fifo'}",
        f"sqlite:///{world / 'folder'}", f"sqlite:///{world / 'garbage.bin'}",
        "sqlite:///a\nb", "sqlite://\x00", "", "x" * 5000,
    )  # fmt: skip


# --- the commands -----------------------------------------------------------------


@dataclass(frozen=True)
class Opt:
    name: str
    good: tuple[str, ...]  # values that work (``{w}``: the world folder, ``{n}``: a new name)
    bad: str = "number"  # kind of hostile values: number, date, text, path, url, choice
    required: bool = False


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]
    options: tuple[Opt, ...]
    flags: tuple[str, ...] = ()
    examples: int = 100
    heavy: bool = False
    """Success costs seconds: the good values here are kept to ones that fail fast."""


def _db(required: bool = False) -> tuple[Opt, ...]:
    return (
        Opt("--db", ("{w}/w.sqlite3",), "path", required),
        Opt("--database-url", ("sqlite:///{w}/w.sqlite3",), "url"),
    )


def _login(required: bool = False) -> tuple[Opt, ...]:
    """``--user`` and ``--password-file`` (``login.txt`` holds the demo accounts' password)."""
    return (
        Opt("--user", ("owner", "owner", "demo.sales1", "nobody"), "text", required),
        Opt("--password-file", ("{w}/login.txt",), "secret", required),
    )


AMOUNT = ("105000", "1000.50", "15万", "200000")
RATE = ("6", "4.99", "0")
DATE = ("2026-11-22", "2023-12-01")

COMMANDS = (
    Command(("quote",), (
        Opt("--amount", AMOUNT, required=True), Opt("--term", ("36", "12", "480"), required=True),
        Opt("--annual-rate", RATE, required=True),
        Opt("--method", ("equal_installment", "equal_principal", "interest_first"), "choice",
            required=True),
        Opt("--upfront-fee", ("0", "500")), Opt("--monthly-fee-rate", ("0", "0.1")),
        Opt("--step-percent", ("5",)), Opt("--step-months", ("12",)),
        Opt("--balloon", ("10000",)), Opt("--balloon-percent", ("25",)),
        Opt("--lender-rate", ("8",)), Opt("--price", ("150000",)),
        Opt("--target-payment", ("3000",)), Opt("--start-date", DATE, "date"),
    ), flags=("--json",), examples=500),
    Command(("on-road",), (
        Opt("--price", AMOUNT, required=True), Opt("--vehicle", ("new", "used"), "choice", True),
        Opt("--energy", ("petrol", "nev"), "choice", True), Opt("--date", DATE, "date"),
        Opt("--seats", ("5", "7")), Opt("--displacement", ("1.5", "2.0")),
        Opt("--line", ("gps=100", "plate_fee=500"), "text"), Opt("--financed", ("gps",), "text"),
    ), flags=("--json",), examples=250),
    Command(("appraise",), (
        Opt("--reference-price", AMOUNT, required=True),
        Opt("--reference", ("used-market", "new-guide"), "choice", True),
        Opt("--first-registration", ("2023-12-01",), "date", True),
        Opt("--mileage", ("60000", "0"), required=True),
        Opt("--condition", ("good", "poor"), "choice", True),
        Opt("--date", ("2026-12-01",), "date"),
        Opt("--vin", ("LRW3E7FS5PC695355",), "text"), Opt("--deal-price", ("140000",)),
    ), flags=("--json",), examples=250),
    Command(("print-quote",), (
        *_db(True), Opt("--consultation", ("99999", "1"), required=True),
        Opt("--document", ("quote", "plan", "disclosure"), "choice"), Opt("--plan", ("99999",)),
        Opt("--out", ("{w}/{n}.pdf",), "path", True), Opt("--lang", ("en", "zh_CN"), "choice"),
        *_login(),
    ), examples=150, heavy=True),
    Command(("export-report",), (
        *_db(True), Opt("--from", ("2026-01-01",), "date", True),
        Opt("--to", ("2025-01-01",), "date", True),  # before --from: fails fast unless spoiled
        Opt("--out", ("{w}/{n}.xlsx",), "path", True), Opt("--store", ("1", "Nowhere"), "text"),
        *_login(),
    ), flags=("--unmasked",), examples=150, heavy=True),
    Command(("import-loan-status",), (
        *_db(True), Opt("--file", ("{w}/status.csv", "{w}/bad-status.csv"), "path", True),
        Opt("--lender", ("generic", "icbc"), "choice", True),
        Opt("--mapping", ("{w}/mapping.json",), "path"),  # with --lender: refused
        Opt("--as-of", DATE, "date"), Opt("--store", ("1", "Nowhere"), "text"),
        Opt("--unmatched", ("{w}/{n}.csv",), "path"), *_login(),
    ), examples=120),
    Command(("demo-data",), (
        *_db(True), Opt("--consultations", ("1", "0"), required=True),
        Opt("--seed", ("1", "7")), Opt("--workers", ("1",)),
    ), examples=120, heavy=True),  # the world's database is not empty: refused unless spoiled
    Command(("backup",), (*_db(True), Opt("--out", ("{w}/{n}.bak",), "path", True)),
            examples=120),
    Command(("restore",), (*_db(True), Opt("--from", ("{w}/nothing.bak",), "path", True)),
            examples=120),
    Command(("store", "list"), (*_db(True), *_login()), examples=60),
    Command(("store", "add"), (
        *_db(True), Opt("--name", ("Main store",), "text", True), *_login(True),
    ), examples=60),
    Command(("staff", "list"), (
        *_db(True), Opt("--store", ("1", "2", "Main store"), "text"), *_login(),
    ), examples=60),
    Command(("staff", "add"), (
        *_db(True), Opt("--username", ("owner",), "text", True),
        Opt("--role", ("consultant", "owner"), "choice", True),
        Opt("--store", ("1",), "text"), Opt("--display-name", ("Bob",), "text"),
        Opt("--new-password-file", ("{w}/pw.txt",), "secret", True), *_login(True),
    ), examples=60),
    Command(("catalogue", "export"), (
        *_db(True), Opt("--out", ("{w}/{n}.json", "{w}/{n}.xlsx", "{w}/existing.txt"), "path",
                        True),
        Opt("--store", ("1", "Nowhere"), "text"), *_login(True),
    ), examples=80),
    Command(("catalogue", "import"), (
        *_db(True), Opt("--from", ("{w}/cat.json", "{w}/bad-cat.json", "{w}/status.csv"),
                        "path", True),
        Opt("--store", ("1", "Nowhere"), "text"), *_login(True),
    ), flags=("--with-profile",), examples=80),
    Command(("key", "show"), (*_db(), Opt("--key-file", ("{w}/key.key",), "secret")),
            examples=60),
    Command(("key", "export"), (
        *_db(), Opt("--key-file", ("{w}/key.key",), "secret"),
        Opt("--out", ("{w}/existing.txt",), "path", True),  # exists: refused unless spoiled
        Opt("--passphrase-file", ("{w}/pp.txt",), "secret", True), *_login(True),
    ), examples=60, heavy=True),
    Command(("key", "import"), (
        *_db(), Opt("--key-file", ("{w}/key.key",), "secret"),
        Opt("--from", ("{w}/existing.txt",), "secret", True),
        Opt("--passphrase-file", ("{w}/pp.txt",), "secret", True), *_login(True),
    ), flags=("--replace",), examples=60),
)  # fmt: skip


def hostile(kind: str, world: Path, heavy: bool = False) -> st.SearchStrategy[str]:
    """Hostile values of a kind; ``heavy``: no random names (each would build a database)."""
    pools = {
        "number": BAD_NUMBERS,
        "date": BAD_DATES,
        "text": BAD_TEXT,
        "choice": ("", "x", "a\nb", "EQUAL_INSTALLMENT ", "\x00", "x" * 5000),
        "path": bad_paths(world),
        "url": bad_urls(world),
        # password, passphrase and key files: read by the login helper's
        # db.files.read_small_file; no FIFO or device here
        "secret": tuple(p for p in bad_paths(world) if not p.endswith("fifo")),
    }
    if heavy and kind in ("path", "url"):
        return st.sampled_from(pools[kind])
    return st.one_of(st.sampled_from(pools[kind]), st.text(max_size=12))


# --- building vectors -------------------------------------------------------------


@dataclass
class Vector:
    argv: list[str]
    notes: list[str] = field(default_factory=list)


def _fill(value: str, world: Path, n: int) -> str:
    return value.replace("{w}", str(world)).replace("{n}", f"new-{n}")


@st.composite
def vectors(draw: st.DrawFn, command: Command, world: Path) -> list[str]:
    n = draw(st.integers(0, 10**9))
    chosen: list[tuple[str, str | None]] = []
    for opt in command.options:
        if opt.required or draw(st.integers(0, 4)) == 0:
            chosen.append((opt.name, _fill(draw(st.sampled_from(opt.good)), world, n)))
    flags = [f for f in command.flags if draw(st.booleans())]
    mutations = draw(st.integers(1, 3))
    for _ in range(mutations):
        how = draw(
            st.sampled_from(
                (
                    "bad",
                    "bad",
                    "bad",
                    "missing",
                    "unknown",
                    "repeat",
                    "drop",
                    "positional",
                    "equals",
                )
            )
        )
        if how == "bad" or not chosen:
            opt = draw(st.sampled_from(command.options))
            value = draw(hostile(opt.bad, world, command.heavy))
            chosen = [c for c in chosen if c[0] != opt.name] + [(opt.name, value)]
        elif how == "missing":
            i = draw(st.integers(0, len(chosen) - 1))
            chosen[i] = (chosen[i][0], None)
        elif how == "unknown":
            chosen.append(
                (
                    draw(st.sampled_from(("--nope", "-x", "--am", "--jsn", "--db2"))),
                    draw(st.sampled_from(("1", "a\nb", ""))),
                )
            )
        elif how == "repeat":
            chosen.append(draw(st.sampled_from(chosen)))
        elif how == "drop":
            chosen.pop(draw(st.integers(0, len(chosen) - 1)))
        elif how == "positional":
            chosen.append((draw(st.sampled_from(("extra", "-", "a\nb", "--"))), None))
        else:  # --option=value with a hostile value
            opt = draw(st.sampled_from(command.options))
            chosen.append((f"{opt.name}={draw(hostile(opt.bad, world, command.heavy))}", None))
    order = draw(st.permutations(range(len(chosen))))
    argv = list(command.words)
    for i in order:
        name, value = chosen[i]
        argv.append(name)
        if value is not None:
            argv.append(value)
    return argv + flags


# --- the world: a database, a key, hostile files ----------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    w = tmp_path_factory.mktemp("fuzz-world")
    home = w / "home"
    done = run_main(
        ["demo-data", "--db", str(w / "w.sqlite3"), "--consultations", "20"],
        env={
            "LOANDESK_HOME": str(home),
            "LOANDESK_KEY_FILE": str(w / "key.key"),
            "LOANDESK_DATABASE_URL": None,
        },
    )
    assert done.returncode == 0, done.stderr
    os.mkfifo(w / "fifo")
    (w / "folder").mkdir()
    (w / "existing.txt").write_text("keep me\n", encoding="utf-8")
    (w / "garbage.bin").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    (w / "pw.txt").write_text("short\n", encoding="utf-8")  # refused before any hashing
    (w / "pp.txt").write_text(PASSPHRASE, encoding="utf-8")
    (w / "login.txt").write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    (w / "status.csv").write_text(  # a plan reference no loan has: read, nothing matched
        "reference,status,overdue_days,as_of\nP-1-999,current,0,2026-11-30\n", encoding="utf-8"
    )
    (w / "bad-status.csv").write_text("reference,status\nP-1-1,on hold\n", encoding="utf-8")
    (w / "mapping.json").write_text(
        (ROOT / "resources" / "loan_status_mappings.json").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    _catalogue_files(w)
    _cheap_logins(w / "w.sqlite3")
    return w


def _catalogue_files(w: Path) -> None:
    """A catalogue file the world's store takes (the sample's), and one it refuses."""
    sample = json.loads((ROOT / "resources" / "catalogue.json").read_text("utf-8"))
    good = {
        "format": "loandesk-catalogue",
        "version": 1,
        "settings": {},
        "catalogue": {
            "lenders": [{"name": e["name"], "active": True} for e in sample["lenders"]],
            "products": sample["products"],
            "consumer_credit": sample["consumer_credit"],
            "add_ons": [],
        },
    }
    (w / "cat.json").write_text(json.dumps(good), encoding="utf-8")
    good["catalogue"]["products"][0]["apr_min_percent"] = "-1"
    (w / "bad-cat.json").write_text(json.dumps(good), encoding="utf-8")


def _cheap_logins(db: Path) -> None:
    """The demo accounts' hashes at this process's cheap test cost (tests/conftest.py):
    a login in the fuzz costs microseconds, and never re-hashes (a write) on success."""
    from db.services import staff

    hashed = staff.hash_password(DEMO_PASSWORD)
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE staff SET password_hash = ?", (hashed,))


DATABASE = "w.sqlite3"
LOGIN_ACTIONS = ("login", "login_failed", "login_locked")
LOGIN_COLUMNS = ("failed_logins", "locked_until", "last_login_at", "password_hash")


def snapshot(*folders: Path, logins: bool = False) -> dict[str, object]:
    """Every file under the folders: type and mode, inode, size, time of last change.

    ``logins``: the world's database (a login may write to it) by its rows
    instead, leaving out what a login writes (:func:`rows_but_logins`).
    """
    seen: dict[str, object] = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.name.endswith(".lease") or ".temp-journal" in path.parts:
                continue
            if logins and path.name.startswith(DATABASE):
                if path.name == DATABASE:
                    seen[str(path)] = rows_but_logins(path)
                continue
            info = path.lstat()
            if path.is_dir():  # a transient file (a lock, a journal) touches its folder
                seen[str(path)] = (info.st_mode, info.st_ino, 0, 0)
            else:
                seen[str(path)] = (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns)
    return seen


@contextlib.contextmanager
def hang_guard(argv: list[str]) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"hangs: {argv!r}")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        hang_guard(argv),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _no_terminal(),
    ):
        try:
            status = main.main(argv)
        except SystemExit as exc:  # argparse: a usage error or --help
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return status, out.getvalue(), err.getvalue()


def rows_but_logins(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, but for the audit rows and account columns a login writes."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows: dict[str, list[tuple[object, ...]]] = {}
        for table in tables:
            columns = [c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')]
            if table == "staff":
                columns = [c for c in columns if c not in LOGIN_COLUMNS]
            where = ""
            if table == "audit_log":
                where = " WHERE action NOT IN ({})".format(", ".join("?" * len(LOGIN_ACTIONS)))
            query = 'SELECT {} FROM "{}"{} ORDER BY 1'.format(
                ", ".join(f'"{c}"' for c in columns), table, where
            )
            rows[table] = conn.execute(query, LOGIN_ACTIONS if where else ()).fetchall()
    return rows


def _unlock(db: Path) -> None:
    """Wrong passwords lock an account after five: unlock it for the next example."""
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE staff SET failed_logins = 0, locked_until = NULL "
            "WHERE failed_logins <> 0 OR locked_until IS NOT NULL"
        )


@contextlib.contextmanager
def _no_terminal() -> Iterator[None]:
    """stdin is not a terminal (no password prompt), even under ``pytest -s``."""
    stdin, sys.stdin = sys.stdin, io.StringIO()
    try:
        yield
    finally:
        sys.stdin = stdin


def _forget_new_files(world: Path, before: dict[str, object]) -> None:
    """Remove the files a successful example made (a backup, an export): every example
    starts from the same world.  Otherwise a later example may take one of them for its
    ``--db`` (``backup --out 'bad\nname'``, then ``--db 'bad\nname'``): a backup is
    kept with a rollback journal, and opening it switches it to write-ahead logging,
    two header bytes, before the login or the arguments are refused."""
    for path in world.rglob("*"):
        if str(path) in before or path.name.startswith(DATABASE) or path.name.endswith(".lease"):
            continue
        if ".temp-journal" in path.parts or not (path.is_file() or path.is_symlink()):
            continue
        path.unlink()


def check_run(argv: list[str], world: Path, home: Path) -> None:
    logins = any(a == "--user" or a.startswith("--user=") for a in argv)
    before = snapshot(world, home, logins=logins)
    status, out, err = run_in_process(argv)
    assert "Traceback" not in err, (argv, err)
    assert status in (0, 2), (argv, status, err)
    if status == 2:
        lines = err.splitlines()
        assert len(lines) == 1, (argv, err)
        assert lines[0].startswith("loandesk"), (argv, err)
        assert out == "", (argv, out)
        assert snapshot(world, home, logins=logins) == before, argv
    else:
        _forget_new_files(world, before)
    if logins:
        _unlock(world / DATABASE)


# --- the fuzz test ----------------------------------------------------------------


@pytest.mark.slow  # about 3,000 vectors, 20 s: the full run and CI have it; -m "not slow" not
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c.words))
def test_hostile_arguments_give_status_2_and_one_line(
    command: Command, world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Path(os.environ["LOANDESK_HOME"])
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(world / "key.key"))
    monkeypatch.chdir(world)  # relative names land in the world, never in the repository
    # one parser for all the examples (a process builds it once too): about 10 ms each less
    monkeypatch.setattr(main, "build_parser", functools.cache(main.build_parser))
    ran: list[list[str]] = []

    @settings(
        max_examples=command.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(vectors(command, world))
    def fuzz(argv: list[str]) -> None:
        ran.append(argv)
        check_run(argv, world, home)

    fuzz()
    assert len(ran) >= command.examples  # every example really ran


def test_the_fuzz_covers_every_command_and_2000_cases() -> None:
    parser = main.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = set(sub.choices)  # type: ignore[union-attr]
    covered = {c.words[0] for c in COMMANDS}
    assert names <= covered, names - covered
    assert sum(c.examples for c in COMMANDS) >= 2000


# --- a few real processes ---------------------------------------------------------

QUOTE = [
    "quote",
    "--amount",
    "105000",
    "--term",
    "480",
    "--annual-rate",
    "6",
    "--method",
    "equal_installment",
]


def _env(world: Path, home: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "LOANDESK_HOME": str(home),
        "LOANDESK_KEY_FILE": str(world / "key.key"),
        "LOANDESK_LANG": "en",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("LOANDESK_DATABASE_URL", None)
    return env


def test_a_reader_that_stops_reading_ends_quietly(world: Path, tmp_path: Path) -> None:
    """``loandesk quote ... | head -1``: no BrokenPipeError, nothing on stderr, status 0."""
    with subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *QUOTE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(world, tmp_path),
    ) as proc:  # the with block closes both pipes (an open pipe is a ResourceWarning)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # like head after its line: the 480 rows have nowhere to go
        err = proc.stderr.read().decode("utf-8")
        assert proc.wait(timeout=60) == 0, err
    assert err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("how", ["quote", "backup"])
def test_stdout_on_a_full_disk_is_one_line(world: Path, tmp_path: Path, how: str) -> None:
    """stdout on /dev/full, even after a backup that worked: one line, status 2."""
    if how == "quote":
        argv = [*QUOTE, "--json"]
    else:
        argv = ["backup", "--db", str(world / "w.sqlite3"), "--out", str(tmp_path / "b.bak")]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(world, tmp_path),
            timeout=120,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        "loandesk: The result could not be printed: No space left on device."
    )
    if how == "backup":
        assert (tmp_path / "b.bak").exists()  # the backup itself was made and kept


def test_a_value_with_a_newline_is_echoed_on_one_line(world: Path, tmp_path: Path) -> None:
    argv = [*QUOTE]
    argv[argv.index("--method") + 1] = "equal\ninstallment"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        text=True,
        env=_env(world, tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "equal\\ninstallment" in done.stderr


def test_an_output_that_cannot_show_chinese_is_one_line(world: Path, tmp_path: Path) -> None:
    """A Chinese table to an ASCII-only stdout: before, a UnicodeEncodeError traceback."""
    env = {**_env(world, tmp_path), "LOANDESK_LANG": "zh_CN", "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *QUOTE],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    err = done.stderr.decode("ascii")
    assert done.returncode == 2, err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "PYTHONIOENCODING=utf-8" in err
