"""Logging in on the command line (issue 11, item 6; ARCHITECTURE.md).

Commands that change staff, stores or keys, or export unmasked personal
data, run only as a logged-in member of staff: ``--user NAME`` with the
password asked (getpass) or read from ``--password-file``; the GUI's
argon2 check, lock-out and audit; what the user may do comes from the
permission table.  On the old main every one of these ran as "the owner"
for anyone with a shell, and the audit named the first owner.

Most cases call ``main.main`` in this process (cheap argon2 parameters,
see tests/conftest.py); the terminal prompt and the key-file warning run
``python main.py`` for real.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

import main
from db import open_database
from db.crypto import read_key_file, write_key_export
from db.models import AuditEntry, Staff, Store
from db.models.enums import AuditAction, Role
from db.paths import key_file_path
from db.services import audit, staff
from tests.cli.test_db_commands import run
from tests.db.test_small_files import finishes

PASSWORDS = {"boss": "owner-pass-1", "anna": "owner-pass-2"}
STAFF_PASSWORD = "staff-pass-1"
PHRASE = "correct horse battery"


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """This counter's database (under LOANDESK_HOME): owners boss and anna, mia, carl, dora."""
    with open_database() as database:
        boss = staff.create_owner(
            database, "Main store", "boss", PASSWORDS["boss"], seed_catalogue=False
        )
        staff.add_staff(database, boss, "anna", PASSWORDS["anna"], Role.OWNER)
        staff.add_staff(database, boss, "mia", STAFF_PASSWORD, Role.MANAGER)
        staff.add_staff(database, boss, "carl", STAFF_PASSWORD, Role.CONSULTANT)
        dora = staff.add_staff(database, boss, "dora", STAFF_PASSWORD, Role.CONSULTANT)
        staff.update_staff(database, boss, dora.id, active=False)
    return tmp_path


def secret(tmp_path: Path, text: str) -> str:
    path = tmp_path / f"secret-{abs(hash(text))}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def as_user(tmp_path: Path, name: str, password: str | None = None) -> list[str]:
    given = password if password is not None else PASSWORDS.get(name, STAFF_PASSWORD)
    return ["--user", name, "--password-file", secret(tmp_path, given)]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The command fails with status 2 and one line on stderr; that line."""
    code, out, err = cli(capsys, *argv)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, (code, out, err)
    return lines[0]


def counts() -> tuple[int, int, int]:
    """(stores, staff accounts, audit rows) of this counter's database."""
    with open_database() as database, database.unit_of_work() as uow:
        return tuple(  # type: ignore[return-value]
            int(uow.session.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Store, Staff, AuditEntry)
        )


def staff_row(name: str) -> tuple[int, bool]:
    with open_database() as database, database.unit_of_work() as uow:
        row = uow.session.scalar(select(Staff).where(Staff.username == name))
        assert row is not None
        return row.failed_logins, row.locked_until is not None


def audit_rows(action: AuditAction) -> list[tuple[str, object]]:
    with open_database() as database, database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == action.value).order_by(AuditEntry.id)
        )
        return [(r.username, r.detail) for r in rows]


def key_export_file(tmp_path: Path) -> Path:
    out = tmp_path / "carry.export"
    write_key_export(out, read_key_file(key_file_path()), PHRASE)
    return out


def changing_commands(tmp_path: Path) -> dict[str, list[str]]:
    pw = secret(tmp_path, "fresh-pass-9")
    phrase = secret(tmp_path, PHRASE)
    period = ["--from", "2026-01-01", "--to", "2026-12-31"]
    return {
        "store add": ["store", "add", "--name", "Pudong store"],
        "staff add": ["staff", "add", "--username", "eve", "--role", "consultant",
                      "--new-password-file", pw],
        "staff add owner": ["staff", "add", "--username", "eve", "--role", "owner",
                            "--store", "Main store", "--new-password-file", pw],
        "key export": ["key", "export", "--out", str(tmp_path / "k.export"),
                       "--passphrase-file", phrase],
        "key import": ["key", "import", "--from", str(key_export_file(tmp_path)),
                       "--passphrase-file", phrase, "--replace"],
        "export-report --unmasked": ["export-report", *period,
                                     "--out", str(tmp_path / "r.xlsx"), "--unmasked"],
    }  # fmt: skip


@pytest.mark.parametrize(
    "command",
    ["store add", "staff add", "staff add owner", "key export", "key import",
     "export-report --unmasked"],
)  # fmt: skip
def test_changing_commands_need_a_login(
    shop: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    argv = changing_commands(shop)[command]
    key = key_file_path().read_bytes()
    before = counts()
    line = refused(capsys, *argv)
    assert "needs a login" in line and "--user NAME" in line, line
    assert counts() == before
    assert key_file_path().read_bytes() == key
    assert not (shop / "k.export").exists() and not (shop / "r.xlsx").exists()
    # the same command, logged in as the owner, works
    code, _out, err = cli(capsys, *argv, *as_user(shop, "boss"))
    assert code == 0, err


def test_wrong_unknown_locked_and_disabled_are_one_line(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["store", "add", "--name", "Pudong store"]
    before = counts()[:2]
    assert refused(capsys, *add, *as_user(shop, "nobody", "whatever-1")) == (
        "loandesk: Wrong user name or password."
    )
    wrong = refused(capsys, *add, *as_user(shop, "boss", "not-it-1"))
    assert wrong == (
        "loandesk: Wrong user name or password. 4 attempt(s) left before the account is "
        "locked for 15 minutes."
    )
    assert staff_row("boss") == (1, False)
    # a disabled account answers a wrong password like any other; the right one learns more
    assert refused(capsys, *add, *as_user(shop, "dora", "not-it-1")) == wrong
    assert "disabled" in refused(capsys, *add, *as_user(shop, "dora"))
    for _ in range(4):
        last = refused(capsys, *add, *as_user(shop, "boss", "not-it-1"))
    assert "locked after too many wrong passwords" in last
    assert staff_row("boss") == (5, True)
    assert "locked" in refused(capsys, *add, *as_user(shop, "boss"))  # right password, locked
    assert counts()[:2] == before
    failed = audit_rows(AuditAction.LOGIN_FAILED)
    assert [name for name, _ in failed].count("boss") == 5


def test_what_a_user_may_do_comes_from_the_permission_table(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = counts()[:2]
    line = refused(capsys, "store", "add", "--name", "Pudong store", *as_user(shop, "carl"))
    assert line == (
        "loandesk: carl (consultant) may not do this; log in as a member of staff who may."
    )
    pw = secret(shop, "fresh-pass-9")
    add_staff = ["staff", "add", "--username", "eve", "--role", "consultant",
                 "--new-password-file", pw]  # fmt: skip
    assert "may not do this" in refused(capsys, *add_staff, *as_user(shop, "mia"))
    export = ["key", "export", "--out", str(shop / "k.export"),
              "--passphrase-file", secret(shop, PHRASE)]  # fmt: skip
    assert "mia (manager) may not do this" in refused(capsys, *export, *as_user(shop, "mia"))
    report = ["export-report", "--from", "2026-01-01", "--to", "2026-12-31",
              "--out", str(shop / "r.xlsx")]  # fmt: skip
    assert "may not do this" in refused(capsys, *report, "--unmasked", *as_user(shop, "mia"))
    assert "may not do this" in refused(capsys, *report, *as_user(shop, "carl"))
    assert counts()[:2] == before and not (shop / "k.export").exists()
    code, _out, err = cli(capsys, *report, *as_user(shop, "mia"))  # masked: a manager may
    assert code == 0, err


def test_the_audit_names_the_user_who_logged_in(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anna = as_user(shop, "anna")
    assert cli(capsys, "store", "add", "--name", "Pudong store", *anna)[0] == 0
    pw = secret(shop, "fresh-pass-9")
    code, _out, err = cli(
        capsys, "staff", "add", "--username", "eve", "--role", "consultant",
        "--store", "Pudong store", "--new-password-file", pw, *anna,
    )  # fmt: skip
    assert code == 0, err
    code, _out, err = cli(
        capsys, "export-report", "--from", "2026-01-01", "--to", "2026-12-31",
        "--out", str(shop / "r.xlsx"), "--unmasked", *anna,
    )  # fmt: skip
    assert code == 0, err
    logins = audit_rows(AuditAction.LOGIN)
    assert logins == [("anna", {"via": "cli"})] * 3
    changes = audit_rows(AuditAction.SETTINGS_CHANGE) + audit_rows(AuditAction.STAFF_CHANGE)
    made_now = [name for name, detail in changes if detail.get("event") in ("store_added", "added")
                and name != "boss"]  # fmt: skip
    assert made_now == ["anna", "anna"]
    exports = audit_rows(AuditAction.EXPORT)
    assert [name for name, _ in exports] == ["anna"]
    with open_database() as database:
        boss = staff.login(database, "boss", PASSWORDS["boss"])
        assert "eve" in [s.username for s in staff.list_staff(database, boss, all_stores=True)]
        assert audit.list_entries(database, boss)  # boss's own store has the rows


def test_the_first_owner_of_a_new_database_needs_no_login(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "store.sqlite3"
    db.parent.mkdir()
    pw = secret(tmp_path, "fresh-pass-9")
    where = ["--db", str(db)]
    first = ["staff", "add", *where, "--username", "boss", "--role", "owner",
             "--new-password-file", pw]  # fmt: skip
    # not a consultant, not without the store's name, not with a weak password - and no file
    assert "needs a login" in refused(
        capsys, "staff", "add", *where, "--username", "c", "--role", "consultant",
        "--new-password-file", pw,
    )  # fmt: skip
    assert "--store NAME" in refused(capsys, *first)
    weak = ["staff", "add", *where, "--username", "boss", "--role", "owner", "--store", "S",
            "--new-password-file", secret(tmp_path, "12345678")]  # fmt: skip
    assert "letters and digits" in refused(capsys, *weak)
    assert not db.exists()
    code, out, err = cli(capsys, *first, "--store", "New store")
    assert code == 0, err
    assert "Created store New store with its owner boss" in out
    # from now on the login is needed, also for another owner
    assert "needs a login" in refused(capsys, *first, "--store", "Other store")
    code, out, _ = cli(capsys, "store", "list", *where, "--user", "boss", "--password-file", pw)
    assert code == 0 and "New store" in out
    with open_database(db) as database:
        assert [s.username for s in staff.list_staff(database, staff.owner_actor(database))] == [
            "boss"
        ]


def test_new_passwords_follow_the_one_policy(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for weak, why in (("password1", "most common passwords"), ("12345678", "letters and digits"),
                      ("        ", "only spaces")):  # fmt: skip
        line = refused(
            capsys, "staff", "add", "--username", "eve", "--role", "consultant",
            "--new-password-file", secret(shop, weak), *as_user(shop, "boss"),
        )  # fmt: skip
        assert why in line, line
    assert counts()[1] == 5


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
def test_secret_files_never_block_or_fill_memory(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = shop / "pipe"
    os.mkfifo(fifo)
    add = ["store", "add", "--name", "Pudong store"]
    new = ["staff", "add", "--username", "eve", "--role", "consultant"]
    export = ["key", "export", "--out", str(shop / "k.export")]
    cases = [
        [*add, "--user", "boss", "--password-file", str(fifo)],
        [*add, "--user", "boss", "--password-file", "/dev/zero"],
        [*add, "--user", "boss", "--password-file", str(shop)],
        [*new, "--new-password-file", "/dev/zero", *as_user(shop, "boss")],
        [*export, "--passphrase-file", str(fifo), *as_user(shop, "boss")],
        ["key", "import", "--from", "/dev/zero", "--passphrase-file", str(fifo),
         *as_user(shop, "boss")],
    ]  # fmt: skip
    lines: list[str] = []
    for argv in cases:
        assert finishes(lambda a=argv: lines.append(refused(capsys, *a))) is None  # type: ignore[misc]
        assert "not an ordinary file" in lines[-1], (argv, lines)
    big = shop / "big.txt"
    big.write_bytes(b"x" * 100_000)
    assert "too big" in refused(capsys, *add, "--user", "boss", "--password-file", str(big))
    assert counts()[:2] == (1, 5) and not (shop / "k.export").exists()


def test_without_a_terminal_the_password_file_is_asked_for(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(capsys, "store", "add", "--name", "Pudong store", "--user", "boss")
    assert line == "loandesk: No terminal to ask the password: use --password-file FILE."


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_the_password_is_asked_on_a_terminal_without_echo(shop: Path) -> None:
    from tests.cli.test_keys import _on_a_terminal

    home = Path(os.environ["LOANDESK_HOME"])
    code, text = _on_a_terminal(
        home, ["store", "add", "--name", "Pudong store", "--user", "boss"], [PASSWORDS["boss"]]
    )
    assert code == 0, text
    assert "Password for boss:" in text and PASSWORDS["boss"] not in text
    assert "Added store 2: Pudong store" in text
    assert audit_rows(AuditAction.LOGIN) == [("boss", {"via": "cli"})]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_key_file_others_can_read_is_one_warning_line(shop: Path) -> None:
    home = Path(os.environ["LOANDESK_HOME"])
    key = key_file_path()
    os.chmod(key, 0o644)
    shown = run(home, "key", "show")
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.strip().splitlines() == [
        f"loandesk: warning: The key file {key} can be read by other users of this computer; "
        f"make it private with: chmod 600 {key}"
    ]
    os.chmod(key, 0o600)
    quiet = run(home, "key", "show")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
