"""``key``, ``store`` and ``staff`` commands as ``python main.py`` runs them (in this
process, :mod:`tests.cli.runner`; the terminal prompts in real ones).

Changing commands run logged in (``--user boss --password-file F``, see
``tests/cli/test_login.py`` for the login itself).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from db import open_database
from db.crypto import key_fingerprint, read_key_file
from db.services import staff
from tests.cli.test_db_commands import one_line_error, run

PHRASE = "correct horse battery"
OWNER_PASSWORD = "owner-pass-1"


@pytest.fixture
def home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated_sqlite: Callable[[Path], Path]
) -> Path:
    """Counter 1: a set-up database and its key file under LOANDESK_HOME."""
    home = tmp_path / "home"
    monkeypatch.setenv("LOANDESK_HOME", str(home))
    monkeypatch.delenv("LOANDESK_KEY_FILE", raising=False)
    monkeypatch.delenv("LOANDESK_DATABASE_URL", raising=False)
    migrated_sqlite(db_of(home))  # the default database of LOANDESK_HOME, at head
    with open_database() as database:
        assert database.path == db_of(home)
        staff.create_owner(database, "Main store", "boss", OWNER_PASSWORD, seed_catalogue=False)
    return home


@pytest.fixture
def login(tmp_path: Path) -> tuple[str, ...]:
    """``--user boss --password-file F``: the owner logged in."""
    pw = tmp_path / "boss-password.txt"
    pw.write_text(OWNER_PASSWORD + "\n", encoding="utf-8")
    return ("--user", "boss", "--password-file", str(pw))


def key_of(home: Path) -> Path:
    return home / "config" / "loandesk.key"


def db_of(home: Path) -> Path:
    return home / "data" / "loandesk.sqlite3"


@pytest.fixture
def phrase_file(tmp_path: Path) -> Path:
    p = tmp_path / "phrase.txt"
    p.write_text(PHRASE + "\n", encoding="utf-8")
    return p


def export(home: Path, out: Path, phrase_file: Path, login: tuple[str, ...]) -> None:
    done = run(
        home, "key", "export", "--out", str(out), "--passphrase-file", str(phrase_file), *login
    )
    assert done.returncode == 0, done.stderr


def test_export_then_import_on_a_second_counter(
    home: Path, phrase_file: Path, tmp_path: Path, login: tuple[str, ...]
) -> None:
    out = tmp_path / "usb" / "loandesk-key.export"
    out.parent.mkdir()
    export(home, out, phrase_file, login)
    fp = key_fingerprint(read_key_file(key_of(home)))
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600

    counter2 = tmp_path / "counter2"  # points at the same database, has no key yet
    refused = run(counter2, "store", "list", "--db", str(db_of(home)))
    assert "key import" in one_line_error(refused)

    done = run(
        counter2,
        "key", "import", "--from", str(out), "--passphrase-file", str(phrase_file),
        "--db", str(db_of(home)), *login,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert fp in done.stdout
    assert read_key_file(key_of(counter2)) == read_key_file(key_of(home))
    if os.name == "posix":
        assert stat.S_IMODE(key_of(counter2).stat().st_mode) == 0o600
    shown = run(counter2, "key", "show", "--db", str(db_of(home)))
    assert shown.returncode == 0 and fp in shown.stdout and "matches" in shown.stdout
    listed = run(counter2, "store", "list", "--db", str(db_of(home)))
    assert listed.returncode == 0 and "Main store" in listed.stdout

    # importing the same key again is harmless
    again = run(
        counter2,
        "key", "import", "--from", str(out), "--passphrase-file", str(phrase_file),
        "--db", str(db_of(home)), *login,
    )  # fmt: skip
    assert again.returncode == 0 and "already has this key" in again.stdout


def test_import_refuses_to_overwrite_a_different_key_unless_replace(
    home: Path, phrase_file: Path, tmp_path: Path, login: tuple[str, ...]
) -> None:
    out = tmp_path / "k.export"
    export(home, out, phrase_file, login)
    other = tmp_path / "other"
    with open_database(other / "data" / "own.sqlite3", key=key_of(other)):
        pass  # counter 2 had its own key already
    before = key_of(other).read_bytes()
    into = ("--db", str(db_of(home)), *login)  # log in to the database the key belongs to
    refused = run(
        other, "key", "import", "--from", str(out), "--passphrase-file", str(phrase_file), *into
    )
    assert "--replace" in one_line_error(refused)
    assert key_of(other).read_bytes() == before

    done = run(
        other,
        "key", "import", "--from", str(out), "--passphrase-file", str(phrase_file), "--replace",
        *into,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert read_key_file(key_of(other)) == read_key_file(key_of(home))
    kept = [p for p in key_of(other).parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == before


def test_import_refuses_a_key_that_does_not_fit_the_database(
    home: Path, phrase_file: Path, tmp_path: Path, login: tuple[str, ...]
) -> None:
    other = tmp_path / "other"
    with open_database(other / "data" / "loandesk.sqlite3", key=key_of(other)) as database:
        staff.create_owner(database, "Other", "boss", OWNER_PASSWORD, seed_catalogue=False)
    out = tmp_path / "other.export"
    export(other, out, phrase_file, login)
    counter = tmp_path / "counter"
    refused = run(
        counter,
        "key", "import", "--from", str(out), "--passphrase-file", str(phrase_file),
        "--db", str(db_of(home)), *login,
    )  # fmt: skip
    assert "does not belong to the database" in one_line_error(refused)
    assert not key_of(counter).exists()


def test_wrong_key_at_open_is_one_clear_line(home: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray"
    with open_database(stray / "data" / "x.sqlite3", key=key_of(stray)):
        pass
    refused = run(stray, "store", "list", "--db", str(db_of(home)))
    line = one_line_error(refused)
    assert "does not belong to this database" in line
    assert "different key" in line and "python main.py key import" in line
    shown = run(stray, "key", "show", "--db", str(db_of(home)))
    assert "does not belong to the database" in one_line_error(shown)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("key", "import", "--from", "{tmp}/missing.export"), "There is no file"),
        (("key", "import", "--from", "{tmp}/phrase.txt"), "not a LoanDesk key export file"),
        (("key", "import", "--from", ""), "--from: A file name is needed"),
        (("key", "export", "--out", "{tmp}/phrase.txt"), "already exists"),
        (("key", "export", "--out", "{tmp}/no/such/dir/k.export"), "does not exist"),
        (("key", "export", "--out", "{tmp}/k.export", "--key-file", "{tmp}/nokey"), "no key file"),
        (("key", "export"), "required: --out"),
        (("key",), "required: ACTION"),
        (("key", "export", "--out", "{tmp}/k.export", "--passphrase-file", "{tmp}/short"),
         "at least"),
        (("key", "export", "--out", "{tmp}/k.export", "--passphrase-file", "{tmp}/nope"),
         "There is no file"),
        (("key", "import", "--from", "{tmp}/k2.export", "--passphrase-file", "{tmp}/wrong"),
         "Wrong passphrase"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2(
    home: Path,
    phrase_file: Path,
    tmp_path: Path,
    login: tuple[str, ...],
    args: tuple[str, ...],
    expected: str,
) -> None:
    (tmp_path / "short").write_text("short\n")
    (tmp_path / "wrong").write_text("not the passphrase\n")
    export(home, tmp_path / "k2.export", phrase_file, login)
    extra = () if "--passphrase-file" in args else ("--passphrase-file", str(phrase_file))
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if len(argv) > 1:
        argv += [*extra, *login]
    before = key_of(home).read_bytes()
    out = run(home, *argv)
    line = one_line_error(out)
    assert expected in line, line
    assert key_of(home).read_bytes() == before
    assert not (tmp_path / "k.export").exists()


def test_interactive_passphrase_needs_a_terminal(
    home: Path, tmp_path: Path, login: tuple[str, ...]
) -> None:
    out = run(home, "key", "export", "--out", str(tmp_path / "k.export"), *login)
    assert "--passphrase-file" in one_line_error(out)
    assert not (tmp_path / "k.export").exists()


def test_store_add_and_list(home: Path, login: tuple[str, ...]) -> None:
    done = run(home, "store", "add", "--name", "Pudong store", *login)
    assert done.returncode == 0, done.stderr
    assert "Pudong store" in done.stdout
    listed = run(home, "store", "list")
    lines = listed.stdout.strip().splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["1", "Main store"], ["2", "Pudong store"]]
    dup = run(home, "store", "add", "--name", "PUDONG store", *login)
    assert "already exists" in one_line_error(dup)
    empty = run(home, "store", "add", "--name", "  ", *login)
    assert "--name" in one_line_error(empty)
    assert len(run(home, "store", "list").stdout.strip().splitlines()) == 2


def test_store_commands_need_a_database(tmp_path: Path) -> None:
    out = run(tmp_path / "nothing", "store", "list")
    assert "no LoanDesk database" in one_line_error(out)
    assert not (tmp_path / "nothing" / "data" / "loandesk.sqlite3").exists()


def test_staff_add_to_any_store_and_list(
    home: Path, tmp_path: Path, login: tuple[str, ...]
) -> None:
    assert run(home, "store", "add", "--name", "Pudong store", *login).returncode == 0
    pw = tmp_path / "pw.txt"
    pw.write_text("staff-pass-1\n", encoding="utf-8")
    done = run(
        home,
        "staff", "add", "--username", "bob", "--role", "consultant", "--store", "pudong store",
        "--display-name", "Bob Li", "--new-password-file", str(pw), *login,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "store 2" in done.stdout
    listed = run(home, "staff", "list", "--store", "2")
    assert [line.split("\t")[1:4] for line in listed.stdout.strip().splitlines()] == [
        ["bob", "Bob Li", "consultant"]
    ]
    first = run(home, "staff", "list")
    assert "boss" in first.stdout and "bob" not in first.stdout
    with open_database() as database:
        assert staff.login(database, "bob", "staff-pass-1").store_id == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--username", "bob", "--role", "boss"), "--role must be one of"),
        (("--username", "boss", "--role", "consultant"), "already taken"),
        (("--username", "", "--role", "consultant"), "--username needs"),
        (("--username", "a b", "--role", "consultant"), "no spaces"),
        (("--username", "bob", "--role", "consultant", "--store", "Nowhere"), "Nowhere"),
        (("--username", "bob", "--role", "consultant", "--new-password-file", "{tmp}/short"),
         "at least 8"),
    ],
)  # fmt: skip
def test_staff_add_bad_input(
    home: Path, tmp_path: Path, login: tuple[str, ...], args: tuple[str, ...], expected: str
) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text("staff-pass-1\n", encoding="utf-8")
    (tmp_path / "short").write_text("short\n", encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--new-password-file" not in argv:
        argv += ["--new-password-file", str(pw)]
    line = one_line_error(run(home, "staff", "add", *argv, *login))
    assert expected in line, line
    assert "bob" not in run(home, "staff", "list").stdout


def _on_a_terminal(home: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run main.py on a pseudo-terminal, typing each answer after its prompt."""
    import pty
    import select
    import signal
    import sys
    import time

    from tests.cli.test_db_commands import ROOT

    env = {**os.environ, "LOANDESK_LANG": "en", "LOANDESK_HOME": str(home)}
    env.pop("LOANDESK_KEY_FILE", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: main.py with the pty as its controlling terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, str(ROOT / "main.py"), *args], env)
    seen, pending, closed, answered_at = b"", list(answers), False, 0
    deadline = time.monotonic() + 120
    while not closed and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            closed = not chunk
            seen += chunk
            if pending and seen.endswith(b": ") and len(seen) > answered_at:  # a new prompt
                os.write(fd, pending.pop(0).encode() + b"\n")
                answered_at = len(seen)
    if not closed:  # still waiting for input at the deadline: stop it, report what it said
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_passphrase_is_asked_on_a_terminal(
    home: Path, tmp_path: Path, login: tuple[str, ...]
) -> None:
    out = tmp_path / "k.export"
    code, text = _on_a_terminal(
        home, ["key", "export", "--out", str(out), *login], [PHRASE, PHRASE]
    )
    assert code == 0, text
    assert "Passphrase:" in text and "Repeat the passphrase:" in text and PHRASE not in text
    counter2 = tmp_path / "counter2"
    code, text = _on_a_terminal(
        counter2, ["key", "import", "--from", str(out), "--db", str(db_of(home)), *login], [PHRASE]
    )
    assert code == 0, text
    assert read_key_file(key_of(counter2)) == read_key_file(key_of(home))
    # a mistyped confirmation writes nothing
    other = tmp_path / "k2.export"
    code, text = _on_a_terminal(
        home, ["key", "export", "--out", str(other), *login], [PHRASE, PHRASE + "x"]
    )
    assert code == 2 and "differ" in text and not other.exists()


@pytest.mark.parametrize("damage", ["missing", "damaged", "foreign"])
def test_a_key_refusal_is_one_line_in_the_users_language(home: Path, damage: str) -> None:
    """Without its key (or with a bad one) a command stops with one line, in Chinese on a
    Chinese counter, naming the login that ``key import`` needs."""
    import subprocess
    import sys

    from tests.cli.test_db_commands import ROOT

    key = key_of(home)
    if damage == "missing":
        key.unlink()
    elif damage == "damaged":
        key.write_text("loandesk-key-v1:AAAA\n", encoding="ascii")
    else:
        key.write_text("not a key at all\n", encoding="ascii")
    env = {
        **os.environ,
        "LOANDESK_LANG": "zh_CN",
        "PYTHONIOENCODING": "utf-8",
        "LOANDESK_HOME": str(home),
    }
    env.pop("LOANDESK_KEY_FILE", None)
    env.pop("LOANDESK_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "store", "list"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "密钥文件" in lines[0] and str(key) in lines[0], lines
    assert "key file" not in lines[0] and "Restore" not in lines[0]  # no English sentence
    if damage == "missing":
        assert "key import --from 文件 --user 用户名" in lines[0]
