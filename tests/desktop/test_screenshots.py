"""Screenshots of the shell in English and Chinese, for people to look at.

Saved to ``<artifacts>/screenshots/<lang>/shell_*.png`` (``$LOANDESK_ARTIFACTS``
or the session's tmp folder: tests/artifacts.py).  The assertions are about state, never pixels.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db.models.enums import Intent, Role, Step
from db.services import consultations as cs
from db.services import customers, followups, staff
from desktop.context import AppContext
from desktop.dialogs import NewConsultationDialog, SettingsDialog
from desktop.export import ExportDialog
from desktop.i18n import Translators
from desktop.login import LoginDialog, SetupDialog
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from lending.settings import DEFAULT_SETTINGS
from tests.desktop.pages.conftest import complete_until


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = Translators(qapp)
    translators.install(request.param)
    yield request.param
    translators.install("en")


def test_shell_screenshots(qtbot, language, database, owner, runner, screenshot, monkeypatch):
    # pretend the dialogs are modal-free: grab them shown, never exec()
    setup = SetupDialog(database, runner)
    qtbot.addWidget(setup)
    setup.show()
    setup.ok_button.click()  # the errors a hurried owner sees
    screenshot(setup, "shell_setup_errors")

    login = LoginDialog(database, runner, store_name="恒通二手车朝阳店", username="owner")
    qtbot.addWidget(login)
    login.show()
    login.password.setText("wrong-password")
    login.ok_button.click()
    screenshot(login, "shell_login_wrong_password")

    consultant = staff.actor_for(
        database, staff.add_staff(database, owner, "lin", "lin2026xx", Role.CONSULTANT).id
    )
    names = ["张伟", "王芳", "李娜", "刘洋"]
    ids = []
    for i, name in enumerate(names):
        c = customers.create_customer(database, consultant, name, phone=f"1391234{i:04d}")
        ids.append(cs.open_consultation(database, consultant, c.id, intent_level=Intent.HIGH).id)
    complete_until(database, consultant, ids[0], "plan")
    now = datetime.now(UTC)
    followups.add_manual(
        database,
        consultant,
        1,
        now - timedelta(days=1),
        consultation_id=ids[0],
        note="带齐 6 个月银行流水" if language == "zh_CN" else "Bring 6 months of bank statements",
    )
    followups.add_manual(database, consultant, 2, now, consultation_id=ids[1])

    ctx = AppContext(
        database, consultant, runner, language, DEFAULT_SETTINGS, "恒通二手车朝阳店", "林晓"
    )
    window = MainWindow(ctx, Preferences())
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    window.home.refresh()
    window.home.search.setText("张")
    window.home.run_search()
    assert window.home.search_model.rowCount() == 1
    screenshot(window, "shell_home")

    window.open_consultation(ids[0])
    assert window.flow.current_step is Step.PLAN
    for step in Step:
        window.flow.show_step(step)
        screenshot(window, f"shell_step_{step.value}")

    dialog = NewConsultationDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phone.setText("123")
    dialog.ok_button.click()
    screenshot(dialog, "shell_new_consultation_errors")

    settings = SettingsDialog("zh_CN", window)
    qtbot.addWidget(settings)
    settings.show()
    screenshot(settings, "shell_settings")

    owner_ctx = AppContext(database, owner, runner, language, DEFAULT_SETTINGS, "恒通二手车朝阳店")
    export = ExportDialog(owner_ctx, window)
    qtbot.addWidget(export)
    export.show()
    screenshot(export, "shell_export")
    assert Preferences().geometry() is None
    with qtbot.assertNotEmitted(window.logout_requested):  # a rebuild is no logout
        window.close_for_rebuild()
    assert not window.isVisible()
    assert Preferences().geometry() is not None  # the window's place is kept for the next one
    monkeypatch.undo()
