"""What the frozen bundle relies on in the source: shipped catalogue, shipped font, smoke mode.

(The bundle itself is built and smoke-tested by .ci/run: packaging/build.py, smoke.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from reports.pdf import fonts

ROOT = Path(__file__).resolve().parents[2]


def test_a_shipped_compiled_catalogue_is_used_as_it_is(tmp_path, monkeypatch) -> None:
    from desktop import i18n

    shipped = tmp_path / "qm"
    shipped.mkdir()
    (shipped / "loandesk_zh_CN.qm").write_bytes(b"compiled at build time")
    monkeypatch.setattr(resources, "COMPILED_TRANSLATIONS", shipped)
    monkeypatch.setattr(i18n, "_lrelease", lambda: pytest.fail("no lrelease in the bundle"))
    assert i18n.compiled_catalogue("zh_CN") == shipped / "loandesk_zh_CN.qm"


def test_the_bundled_font_serves_a_pc_without_a_chinese_font(tmp_path, monkeypatch) -> None:
    system = next((c for c in fonts.system_candidates() if c.path.is_file()), None)
    if system is None:
        pytest.fail("CI installs fonts-wqy-zenhei: a TrueType CJK font must be on this machine")
    shipped = tmp_path / "fonts"
    shipped.mkdir()
    shutil.copy2(system.path, shipped / system.path.name)
    monkeypatch.setattr(resources, "FONTS", shipped)
    monkeypatch.setattr(fonts, "system_candidates", lambda env=None: [])  # a bare PC
    found = fonts.find_fonts(env={})
    assert found.embedded and found.source == str(shipped / system.path.name)
    monkeypatch.setattr(resources, "FONTS", tmp_path / "none")  # a source tree: no such folder
    assert not fonts.find_fonts(env={}).embedded  # the CID fallback, as before


def test_smoke_mode_shows_the_first_dialog_and_quits(tmp_path) -> None:
    env = {
        **os.environ,
        "LOANDESK_HOME": str(tmp_path),
        "LOANDESK_SMOKE": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = subprocess.run(
        [sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "LOANDESK_DIALOG SetupDialog True" in out.stdout  # a new home: the first-run setup
    assert not list(tmp_path.rglob("*.sqlite3-journal"))


def test_smoke_mode_needs_a_throw_away_home(monkeypatch) -> None:
    from desktop import app

    monkeypatch.setenv("LOANDESK_SMOKE", "1")
    monkeypatch.delenv("LOANDESK_HOME")
    called = []
    monkeypatch.setattr(app.QTimer, "singleShot", lambda *a: called.append(a))
    app.smoke_test(object())  # type: ignore[arg-type]
    assert called == []  # a real user's start is never closed by it
