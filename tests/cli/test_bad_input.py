"""Each bad invocation of issue 11, item 11: one line on stderr, status 2, nothing written.

Before, each was a traceback (or a hang, or a message on many lines).  Runs
``main.main`` in-process with the fuzz test's world (a LoanDesk database, its
key, a FIFO, a folder ...).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_bad_input_fuzz import run_in_process, snapshot, world  # noqa: F401

QUOTE = [
    "quote",
    "--amount",
    "105000",
    "--term",
    "36",
    "--annual-rate",
    "6",
    "--method",
    "equal_installment",
]
ON_ROAD = ["on-road", "--price", "200000", "--vehicle", "new", "--energy", "petrol"]
APPRAISE = [
    "appraise",
    "--reference-price",
    "150000",
    "--reference",
    "used-market",
    "--first-registration",
    "2023-12-01",
    "--mileage",
    "60000",
    "--condition",
    "good",
]
BIG = "9" * 4301  # beyond Python's int max-str-digits


def _with(argv: list[str], option: str, value: str) -> list[str]:
    out = list(argv)
    if option in out:
        out[out.index(option) + 1] = value
    else:
        out += [option, value]
    return out


def refused(argv: list[str], folder: Path | None = None) -> str:
    """Run; assert status 2, one line on stderr, no traceback, nothing changed; the line."""
    before = snapshot(folder) if folder is not None else None
    status, out, err = run_in_process(argv)
    assert status == 2, (argv, status, out, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    if folder is not None:
        assert snapshot(folder) == before
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (_with(QUOTE, "--amount", "1e309"), "--amount"),
        (_with(QUOTE, "--amount", "NaN"), "not a number"),
        (_with(QUOTE, "--annual-rate", "1e-999999"), "too many decimals"),
        (_with(QUOTE, "--annual-rate", "Infinity"), "--annual-rate"),
        (_with(QUOTE, "--upfront-fee", "1e309"), "--upfront-fee"),
        (_with(ON_ROAD, "--price", "1e309"), "1,000,000,000 yuan"),
        (_with(ON_ROAD, "--displacement", "1e-999999"), "--displacement"),
        (_with(APPRAISE, "--reference-price", "-1e309"), "--reference-price"),
    ],
)
def test_huge_tiny_and_not_numbers(argv: list[str], needle: str) -> None:
    """Before: decimal.InvalidOperation / DivisionByZero tracebacks."""
    assert needle in refused(argv)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (_with(QUOTE, "--start-date", "9999-12-31"), "2200-12-31"),
        (_with(ON_ROAD, "--date", "9999-12-31"), "2200-12-31"),
        (_with(APPRAISE, "--first-registration", "0001-01-01"), "1900-01-01"),
        (
            ["export-report", "--from", "9999-12-31", "--to", "9999-12-31", "--out", "r.xlsx"],
            "--from",
        ),
    ],
)
def test_dates_beyond_2200(argv: list[str], needle: str) -> None:
    """Before: ``year 10000 is out of range`` (the last due date of a 36-month plan)."""
    assert needle in refused(argv)


@pytest.mark.parametrize(
    "argv",
    [
        _with(QUOTE, "--term", BIG),
        _with(QUOTE, "--term", "1e999999"),  # before: CPU forever
        _with(APPRAISE, "--mileage", BIG),
        _with(APPRAISE, "--mileage", "1e999999"),  # before: a hang
        _with(ON_ROAD, "--seats", BIG),
        ["demo-data", "--consultations", BIG],
        ["demo-data", "--consultations", "1", "--seed", BIG],
        ["print-quote", "--consultation", BIG, "--out", "x.pdf"],
    ],
)
def test_integers_of_thousands_of_digits(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: ValueError: Exceeds the limit (4300 digits) for integer string conversion."""
    monkeypatch.chdir(tmp_path)
    line = refused(argv, tmp_path)
    assert len(line) < 400


@pytest.mark.parametrize(
    "argv",
    [
        ["print-quote", "--db", "{w}/w.sqlite3", "--consultation", str(2**63),
         "--out", "{w}/x.pdf"],
        ["print-quote", "--db", "{w}/w.sqlite3", "--consultation", "1", "--plan", str(2**64),
         "--out", "{w}/x.pdf"],
        ["staff", "list", "--db", "{w}/w.sqlite3", "--store", str(2**63)],
        ["export-report", "--db", "{w}/w.sqlite3", "--from", "2026-01-01", "--to", "2026-12-31",
         "--out", "{w}/r.xlsx", "--store", str(2**63)],
    ],
)  # fmt: skip
def test_ids_of_2_to_the_63_and_more(argv: list[str], world: Path) -> None:  # noqa: F811
    """Before: OverflowError (Python int too large to convert to SQLite INTEGER)."""
    refused([a.replace("{w}", str(world)) for a in argv], world)


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("foo", "not valid"),
        ("postgresql://u:secret@h:abc/d", "not valid"),
        ("postgresql://u@h:99999999/d", "port"),
        ("sqlite+nope:///x", "sqlite+nope"),
        ("sqlite:///" + "a" * 300, "255 bytes"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [["store", "list"], ["backup", "--out", "b.bak"], ["demo-data", "--consultations", "1"]],
)
def test_a_malformed_database_url(
    url: str, needle: str, command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: sqlalchemy.exc.ArgumentError / ValueError / NoSuchModuleError tracebacks."""
    monkeypatch.chdir(tmp_path)
    line = refused([*command, "--database-url", url], tmp_path)
    assert needle in line
    assert "secret" not in line  # the address is never echoed: it may hold a password


@pytest.mark.parametrize(
    "argv",
    [
        ["backup", "--db", "{w}/w.sqlite3", "--out", "{w}/" + "a" * 256],
        ["backup", "--db", "{w}/w.sqlite3", "--out", "{w}/" + "门" * 86],  # 258 bytes
        ["print-quote", "--db", "{w}/w.sqlite3", "--consultation", "1",
         "--out", "{w}/" + "a" * 300],
        ["export-report", "--db", "{w}/w.sqlite3", "--from", "2026-01-01", "--to", "2026-12-31",
         "--out", "{w}/" + "a" * 300 + ".xlsx"],
        ["restore", "--db", "{w}/w.sqlite3", "--from", "{w}/" + "a" * 300],
        ["store", "list", "--db", "{w}/" + "a" * 300],
        ["demo-data", "--consultations", "1", "--db", "{w}/" + "a" * 300],
        ["key", "show", "--key-file", "{w}/" + "a" * 300],
    ],
)  # fmt: skip
def test_names_over_255_bytes(argv: list[str], world: Path) -> None:  # noqa: F811
    """Before: OSError: [Errno 36] File name too long."""
    line = refused([a.replace("{w}", str(world)) for a in argv], world)
    assert "255 bytes" in line


@pytest.mark.parametrize("command", ["backup", "print-quote", "export-report"])
def test_a_full_disk_under_out(
    command: str,
    world: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ENOSPC while the output is written: one line, no partial file, the folder as it was."""
    import db.files

    real = db.files.fsync_path

    def full(path: Path) -> None:
        if db.files.is_own_temp_name(Path(path).name):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path)

    monkeypatch.setattr(db.files, "fsync_path", full)
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(world / "key.key"))
    out = world / "full-disk.out"
    argv = {
        "backup": ["backup", "--out", str(out)],
        "print-quote": [
            "print-quote",
            "--consultation",
            _consultation_with_plan(world),
            "--out",
            str(out),
        ],
        "export-report": [
            "export-report",
            "--from",
            "2020-01-01",
            "--to",
            "2029-12-31",
            "--out",
            str(out),
        ],
    }[command]
    line = refused([*argv, "--db", str(world / "w.sqlite3")])
    assert "full" in line
    assert not out.exists()
    assert not [p for p in world.iterdir() if db.files.is_own_temp_name(p.name)]


def _consultation_with_plan(folder: Path) -> str:
    with sqlite3.connect(f"file:{folder / 'w.sqlite3'}?mode=ro", uri=True) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        table = next(t for t in ("finance_plans", "plans") if t in tables)
        (cid,) = conn.execute(f"SELECT consultation_id FROM {table} LIMIT 1").fetchone()
    return str(cid)


def test_a_value_with_a_newline_stays_on_one_line() -> None:
    for argv in (
        _with(QUOTE, "--method", "equal\ninstallment"),
        _with(ON_ROAD, "--line", "g\nps=5"),
        [*QUOTE, "--no-such\noption"],
        ["print-quote", "--consultation", "1", "--document", "quo\nte", "--out", "x"],
    ):
        line = refused(argv)
        assert "\\n" in line


def test_a_damaged_database_is_one_line_with_advice(tmp_path: Path, world: Path) -> None:  # noqa: F811
    """Before: ``integrity_check`` output of up to 100 lines was echoed whole."""
    rotten = tmp_path / "rotten.sqlite3"
    source = world / "w.sqlite3"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            r[0]
            for r in conn.execute(  # a table's pages, not the schema's
                "SELECT pageno FROM dbstat WHERE name = 'qualifications'"
            )
        ]
    data = bytearray(source.read_bytes())
    for page in pages:
        for i in range((page - 1) * size + 8, page * size, 61):
            data[i] ^= 0x55
    rotten.write_bytes(bytes(data))
    with sqlite3.connect(f"file:{rotten}?mode=ro&immutable=1", uri=True) as conn:
        report = conn.execute("PRAGMA quick_check").fetchall()
    assert sum(str(r[0]).count("\n") + 1 for r in report) > 2  # SQLite has many lines to say
    line = refused(["store", "list", "--db", str(rotten)], tmp_path)
    assert "restore --from" in line and "damaged" in line


@pytest.mark.parametrize("name", ["fifo", "folder"])
def test_a_fifo_or_folder_as_the_database(name: str, world: Path) -> None:  # noqa: F811
    """Before: demo-data --db FIFO (or /dev/null) replaced it with a new database."""
    target = world / name
    line = refused(["demo-data", "--consultations", "0", "--db", str(target)], world)
    assert "pipe or device" in line
    assert target.is_fifo() if name == "fifo" else target.is_dir()


def test_a_side_file_is_not_a_database(tmp_path: Path) -> None:
    line = refused(
        ["demo-data", "--consultations", "0", "--db", str(tmp_path / "x.sqlite3-shm")], tmp_path
    )
    assert "side file" in line


def test_a_home_that_does_not_exist(tmp_path: Path) -> None:
    """Before: RuntimeError: Could not determine home directory."""
    line = refused(["backup", "--db", "~no-such-user-here/x.sqlite3", "--out", "b"], tmp_path)
    assert "no such user" in line


def test_errors_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    from resources.i18n import translator

    monkeypatch.setenv("LOANDESK_LANG", "zh_CN")
    translator.cache_clear()
    try:
        assert "期限" in refused(_with(QUOTE, "--term", "1e999999"))
        assert "参数 --amount" in refused(_with(QUOTE, "--amount", "1e309"))
        assert "日期" in refused(_with(QUOTE, "--start-date", "9999-12-31"))
    finally:
        monkeypatch.setenv("LOANDESK_LANG", "en")
        translator.cache_clear()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["store", "add", "--name", "X", "--user", "a\x00b"], "--user"),
        (["store", "add", "--name", "X", "--user", "u" * 65], "at most 64"),
        (["store", "list", "--user", "   "], "--user"),
        (["key", "export", "--out", "k", "--user", "boss", "--password-file", ""], "file name"),
        (["store", "add", "--name", "X", "--user", "boss", "--password-file", "a" * 256],
         "255 bytes"),
        (["staff", "add", "--username", "eve", "--role", "consultant", "--user", "boss",
          "--new-password-file", "a\x00b"], "--new-password-file"),
        (["import-loan-status", "--file", "s.csv", "--lender", "generic",
          "--as-of", "9999-12-31"], "--as-of"),
        (["import-loan-status", "--file", "s.csv", "--lender", "generic", "--store", str(2**63)],
         "--store"),
        (["import-loan-status", "--file", "~no-such-user-here/s.csv", "--lender", "generic"],
         "no such user"),
    ],
)  # fmt: skip
def test_login_and_import_options_are_bounded(argv: list[str], needle: str, tmp_path: Path) -> None:
    """--user, --password-file, --new-password-file (cliauth2) and import-loan-status's
    options are refused by the bounded parsers while parsing, before any database opens;
    before the merge --user with NUL reached the database (PostgreSQL: ValueError)."""
    assert needle in refused(argv, tmp_path)


def test_a_lenders_mapping_that_is_a_fifo_does_not_hang(world: Path) -> None:  # noqa: F811
    """import-loan-status --mapping FIFO: read with read_small_file (before: blocked forever)."""
    status_file = world / "fifo-test.csv"
    status_file.write_text("reference,status\n", encoding="utf-8")
    try:
        line = refused(
            [
                "import-loan-status",
                "--db",
                str(world / "w.sqlite3"),
                "--file",
                str(status_file),
                "--mapping",
                str(world / "fifo"),
            ],
            world,
        )
    finally:
        status_file.unlink()
    assert "fifo" in line and "cannot be used" in line


@pytest.mark.parametrize("option", ["--key-file", "--amount", "--db"])
def test_an_explicit_double_dash_is_the_value(option: str, tmp_path: Path) -> None:
    """``--key-file=--``: Python 3.11's argparse handed the command [] (AttributeError)."""
    argv = {"--key-file": ["key", "show"], "--amount": list(QUOTE), "--db": ["store", "list"]}[
        option
    ]
    if option in argv:
        del argv[argv.index(option) : argv.index(option) + 2]
    line = refused([*argv, f"{option}=--"], tmp_path)
    assert "--" in line
