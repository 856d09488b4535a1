"""``db.keys.install_key``: the one key installation of the GUI and the command line."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

from db.crypto import create_key_file, key_fingerprint, read_key_file
from db.keys import KeyProblem, install_key
from tests.faults import DISK_FULL, fail_rename_onto

NEW = secrets.token_bytes(32)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_first_key_is_written_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "loandesk.key"
    done = install_key(NEW, path, replace=False)
    assert read_key_file(path) == NEW
    assert done.fingerprint == key_fingerprint(NEW) and done.kept is None and not done.unchanged
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert _names(path.parent) == ["loandesk.key"]


def test_same_key_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "loandesk.key"
    install_key(NEW, path, replace=False)
    stamp = path.stat().st_mtime_ns
    assert install_key(NEW, path, replace=False).unchanged
    assert path.stat().st_mtime_ns == stamp and _names(path.parent) == ["loandesk.key"]


def test_different_key_needs_replace_and_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "loandesk.key"
    old = create_key_file(path)
    before = path.read_bytes()
    with pytest.raises(KeyProblem) as info:
        install_key(NEW, path, replace=False)
    assert info.value.code == "key_different" and "--replace" in info.value.message
    assert path.read_bytes() == before and _names(path.parent) == ["loandesk.key"]
    done = install_key(NEW, path, replace=True)
    assert read_key_file(path) == NEW
    assert done.kept is not None and done.kept.read_bytes() == before
    assert read_key_file(done.kept) == old


@pytest.mark.parametrize("had_key", [True, False])
def test_a_failing_write_leaves_the_old_key_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, had_key: bool
) -> None:
    path = tmp_path / "cfg" / "loandesk.key"
    path.parent.mkdir()
    if had_key:
        create_key_file(path)
    before = path.read_bytes() if had_key else None
    names = _names(path.parent)
    fail_rename_onto(path, monkeypatch)
    with pytest.raises(KeyProblem) as info:
        install_key(NEW, path, replace=True)
    assert info.value.code == "key_write_failed"
    assert info.value.why == DISK_FULL
    assert info.value.message == f"The key could not be written to {path}: {DISK_FULL}."
    assert (path.read_bytes() if had_key else path.exists()) == (before if had_key else False)
    assert _names(path.parent) == names  # no temporary file, no copy of the old key


def test_two_replacements_keep_both_earlier_keys(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "loandesk.key"
    first = create_key_file(path)
    second = secrets.token_bytes(32)
    one = install_key(second, path, replace=True).kept
    two = install_key(NEW, path, replace=True).kept  # within the same second, likely
    assert one is not None and two is not None and one != two
    assert {read_key_file(one), read_key_file(two)} == {first, second}
    assert read_key_file(path) == NEW
