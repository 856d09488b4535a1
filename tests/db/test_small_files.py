"""Files the user names as input are read with a cap and never block (issue 11, items 11/12).

``read_small_file`` opens with ``O_NONBLOCK`` and checks the open descriptor:
``/dev/zero`` (memory for ever on the old main), a FIFO without a writer (a
hang on the old main), a folder or an oversized file are refused with one
line.  Key files get the same reader, and a key file other users can read
is reported (POSIX).  New databases are private to their owner (0600).
"""

from __future__ import annotations

import os
import stat
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from db import open_database
from db.crypto import KeyFileError, KeyFileExposedWarning, create_key_file, read_key_file
from db.files import InputFileError, read_first_line, read_small_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and modes are POSIX")


def finishes(call: Callable[[], object], seconds: float = 20) -> BaseException | None:
    """Run ``call`` in a thread; fail the test if it is still running after ``seconds``."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the read blocked"
    return outcome[0]


def test_a_small_file_is_read_whole(tmp_path: Path) -> None:
    f = tmp_path / "pw.txt"
    f.write_bytes(b"\xef\xbb\xbfsecret-pass-1\r\nsecond line\n")
    assert read_small_file(f, limit=100) == f.read_bytes()
    assert read_first_line(f) == "secret-pass-1"  # BOM and CRLF of Windows editors
    (tmp_path / "empty").write_bytes(b"")
    assert read_first_line(tmp_path / "empty") == ""


def test_too_big_missing_folder_and_binary_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 5000)
    cases = {
        big: "input_too_big",
        tmp_path / "nope": "input_missing",
        tmp_path: "input_not_regular",
    }
    for path, code in cases.items():
        with pytest.raises(InputFileError) as info:
            read_small_file(path, limit=4096)
        assert info.value.code == code
        assert "\n" not in info.value.message and str(path) in info.value.message
    binary = tmp_path / "bin"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InputFileError):
        read_first_line(binary)


@posix_only
def test_devices_and_fifos_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo, Path("/dev/null")):
        error = finishes(lambda p=path: read_small_file(p, limit=4096))  # type: ignore[misc]
        assert isinstance(error, InputFileError) and error.code == "input_not_regular", path


@posix_only
def test_key_files_use_the_same_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.key"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo, tmp_path):
        error = finishes(lambda p=path: read_key_file(p))  # type: ignore[misc]
        assert isinstance(error, KeyFileError) and error.code == "key_file_invalid", path


@posix_only
def test_a_key_file_others_can_read_is_reported(tmp_path: Path) -> None:
    key = tmp_path / "keys" / "loandesk.key"
    create_key_file(key)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_key_file(key)  # 0600: silent
    os.chmod(key, 0o644)
    with pytest.warns(KeyFileExposedWarning) as caught:
        read_key_file(key)
    assert caught[0].message.key_path == key  # type: ignore[union-attr]
    assert "chmod 600" in str(caught[0].message)
    with pytest.warns(KeyFileExposedWarning):
        open_database(tmp_path / "store.sqlite3", key=key).close()


@posix_only
def test_a_new_database_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with open_database(path, key=tmp_path / "k.key") as database:
        with database.unit_of_work() as uow:
            uow.session.connection()  # the -wal file exists while it is open
        for p in (path, path.with_name(path.name + "-wal")):
            if p.exists():
                assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
