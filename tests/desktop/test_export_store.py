"""The export dialog's store choice: the group owner picks the group or one store."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from db import Database
from db.models.enums import Role
from db.services import consultations, customers, staff, stores
from db.services.base import Actor
from desktop.context import AppContext
from desktop.export import ExportDialog
from desktop.i18n import Translators
from lending.settings import DEFAULT_SETTINGS
from reports.excel.sheet_common import sheet_titles

STORE_A = "Hengtong Used Cars"
STORE_B = "Pudong store"


@pytest.fixture
def language(request, qapp):
    translators = Translators(qapp)
    translators.install(getattr(request, "param", "en"))
    yield getattr(request, "param", "en")
    translators.install("en")


@pytest.fixture
def store_b(database: Database, owner: Actor) -> int:
    """A second store; one consultation in store A, two in store B (today)."""
    b = stores.add_store(database, owner, STORE_B).id
    in_b = stores.switch_store(database, owner, b)
    for actor, names in ((owner, ["王小明"]), (in_b, ["李四", "张三"])):
        for name in names:
            c = customers.create_customer(database, actor, name)
            consultations.open_consultation(database, actor, c.id, source_channel="walk_in")
    return b


def _dialog(qtbot, database: Database, actor: Actor, runner, language: str = "en") -> ExportDialog:
    ctx = AppContext(database, actor, runner, language, DEFAULT_SETTINGS, STORE_A)
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def _summary(path: Path) -> dict[str, object]:
    """Figure -> value of the Summary sheet, plus the per-store headings as keys."""
    wb = load_workbook(path, read_only=True)
    ws = wb[sheet_titles("en")["summary"]]
    found: dict[str, object] = {}
    for row in ws.iter_rows(values_only=True):
        if row and isinstance(row[0], str):
            found.setdefault(row[0], row[1] if len(row) > 1 else None)
    wb.close()
    return found


def _export(dialog: ExportDialog, out: Path) -> dict[str, object]:
    dialog.path.setText(str(out))
    dialog.export_button.click()
    assert dialog.written == out.resolve(), dialog.message.text()
    return _summary(out)


def test_owner_exports_the_group_by_default(
    qtbot, database, owner, store_b, runner, tmp_path
) -> None:
    dialog = _dialog(qtbot, database, owner, runner)
    assert dialog.stores.isVisibleTo(dialog)
    items = [dialog.stores.itemText(i) for i in range(dialog.stores.count())]
    assert items == ["All stores (group)", STORE_A, STORE_B]
    assert dialog.stores.currentIndex() == 0 and dialog.chosen_store_ids() is None
    summary = _export(dialog, tmp_path / "group.xlsx")
    assert summary["Store"] == f"{STORE_A}, {STORE_B}"
    assert summary["Consultations"] == 3
    assert f"Store: {STORE_A}" in summary and f"Store: {STORE_B}" in summary


def test_owner_exports_one_store(qtbot, database, owner, store_b, runner, tmp_path) -> None:
    dialog = _dialog(qtbot, database, owner, runner)
    dialog.stores.setCurrentIndex(2)
    assert dialog.chosen_store_ids() == (store_b,)
    summary = _export(dialog, tmp_path / "pudong.xlsx")
    assert summary["Store"] == STORE_B
    assert summary["Consultations"] == 2
    assert not any(str(k).startswith("Store:") for k in summary)  # no per-store blocks
    assert STORE_A not in {str(v) for v in summary.values()}

    dialog.stores.setCurrentIndex(1)
    summary = _export(dialog, tmp_path / "hengtong.xlsx")
    assert summary["Store"] == STORE_A and summary["Consultations"] == 1


def test_manager_sees_no_choice_and_exports_own_store(
    qtbot, database, owner, store_b, runner, tmp_path
) -> None:
    view = staff.add_staff(database, owner, "bella", "staff-pass-1", Role.MANAGER, store_id=store_b)
    manager = staff.actor_for(database, view.id)
    dialog = _dialog(qtbot, database, manager, runner)
    dialog.show()
    assert not dialog.stores.isVisible() and dialog.stores.count() == 0
    assert dialog.chosen_store_ids() is None
    summary = _export(dialog, tmp_path / "manager.xlsx")
    assert summary["Store"] == STORE_B and summary["Consultations"] == 2


def test_owner_of_a_single_store_sees_no_choice(qtbot, database, owner, runner, tmp_path) -> None:
    dialog = _dialog(qtbot, database, owner, runner)
    dialog.show()
    assert not dialog.stores.isVisible()
    assert _export(dialog, tmp_path / "single.xlsx")["Store"] == STORE_A


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_store_choice_screenshot(
    qtbot, language, database, owner, store_b, runner, screenshot
) -> None:
    dialog = _dialog(qtbot, database, owner, runner, language)
    dialog.show()
    group = "全部门店（集团）" if language == "zh_CN" else "All stores (group)"
    assert dialog.stores.itemText(0) == group
    screenshot(dialog, "export_store_choice")
    dialog.stores.setCurrentIndex(2)
    screenshot(dialog, "export_store_choice_one_store")
