"""Messages that say what to run name the program as this computer runs it.

From the source tree that is ``python main.py``; in the frozen bundle
(``sys.frozen``, packaging/) the executable, e.g. ``LoanDesk.exe``.  The name
is a ``{program}`` placeholder, so the Chinese catalogue still translates.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from db.program import program_name
from resources.i18n import translator


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "LoanDesk" / "LoanDesk.exe"))
    return "LoanDesk.exe"


def test_from_source_it_is_python_main_py(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert program_name() == "python main.py"


def test_frozen_it_is_the_executable(frozen: str) -> None:
    assert program_name() == frozen


def _messages() -> list[str]:
    """One message of each layer that tells the user what to run."""
    from db.connection import problem_reason
    from db.crypto import wrong_key_message
    from desktop.login import startup_error_text
    from lending.errors import UserError

    missing = UserError("refused", code="key_file_missing")
    missing.key_path = "/cfg/loandesk.key"  # type: ignore[attr-defined]
    reason = problem_reason(UserError("no key", code="key_file_missing"), "sqlite:///x")
    assert reason is not None
    return [
        wrong_key_message(Path("/cfg/loandesk.key")),  # db, the command line's wording
        startup_error_text(missing),  # the GUI's start-up refusal
        reason.render(),  # the server form
    ]


def test_messages_name_the_frozen_executable(qapp, frozen: str) -> None:  # type: ignore[no-untyped-def]
    for text in _messages():
        assert f"{frozen} key " in text and "main.py" not in text, text


def test_messages_from_source_say_python_main_py(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delattr(sys, "frozen", raising=False)
    for text in _messages():
        assert "python main.py key " in text, text


def test_the_chinese_catalogue_keeps_the_placeholder(frozen: str) -> None:
    """The translation holds ``{program}``, not a command name of its own."""
    from db.crypto import wrong_key_message
    from desktop.app import make_application
    from desktop.i18n import Translators
    from desktop.login import startup_error_text
    from lending.errors import UserError

    zh = translator("zh_CN")
    source = (
        "The encryption key file {path} does not belong to this database: the database was "
        "encrypted with a different key, so customer data cannot be read. Import the key "
        "file from the first counter: {program} key import --from FILE --replace "
        "--user NAME"
    )
    assert wrong_key_message(None) == source.format(path="", program=frozen)  # the code's
    chinese = zh("cli", source)
    assert "{program}" in chinese and "main.py" not in chinese
    assert f"{frozen} key import" in chinese.format(path="/cfg/k", program=program_name())

    exc = UserError("refused", code="wrong_key")
    exc.key_path = "/cfg/loandesk.key"  # type: ignore[attr-defined]
    translators = Translators(make_application())
    try:
        translators.install("zh_CN")
        text = startup_error_text(exc)
        assert f"{frozen} key import --from 文件" in text and "main.py" not in text
    finally:
        translators.install("en")
