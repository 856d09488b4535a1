"""``key import`` when writing the key file fails: the old key stays, one clear line.

In-process (``main.main``) so a fault can be injected into the write: the
final rename of the new key over the old one fails as on a full disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from db import open_database
from tests.cli.test_keys import (  # noqa: F401  (fixtures)
    PHRASE,
    db_of,
    export,
    home,
    key_of,
    login,
    phrase_file,
)
from tests.faults import DISK_FULL, fail_rename_onto


def test_a_failing_write_keeps_the_old_key_and_says_so(
    home: Path,  # noqa: F811
    phrase_file: Path,  # noqa: F811
    tmp_path: Path,
    login: tuple[str, ...],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "k.export"
    export(home, out, phrase_file, login)
    other = tmp_path / "other"
    with open_database(other / "data" / "own.sqlite3", key=key_of(other)):
        pass  # counter 2 has a key of its own
    before = key_of(other).read_bytes()
    folder_before = sorted(p.name for p in key_of(other).parent.iterdir())
    monkeypatch.setenv("LOANDESK_HOME", str(other))
    monkeypatch.setenv("LOANDESK_LANG", "en")
    fail_rename_onto(key_of(other), monkeypatch)
    capsys.readouterr()

    status = main.main([
        "key", "import", "--from", str(out), "--passphrase-file", str(phrase_file), "--replace",
        "--db", str(db_of(home)), *login,
    ])  # fmt: skip

    err = capsys.readouterr()
    assert status == 2
    lines = err.err.strip().splitlines()
    assert len(lines) == 1, err.err
    assert f"The key could not be written to {key_of(other)}" in lines[0]
    assert DISK_FULL in lines[0]
    assert err.out == ""
    assert key_of(other).read_bytes() == before  # the old key, intact
    assert sorted(p.name for p in key_of(other).parent.iterdir()) == folder_before  # no copy left
