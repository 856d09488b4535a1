"""The dashboard through the real main window: figures of this and last month, a click
on a figure or a bar lists its consultations, a double-click opens one; a manager
sees the own store with names masked, the owner of a group chooses the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from db import Database, demo, open_database
from db.models import Staff
from db.models.enums import Role
from db.services import stores
from db.services.staff import actor_for, owner_actor
from desktop.context import AppContext
from desktop.dashboard import DashboardDialog, nice_scale
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from lending.settings import DEFAULT_SETTINGS
from reports.formatting import formatter
from reports.model.dashboard import Drill, build_dashboard, drill_down


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("dashboard")
    database = open_database(folder / "demo.sqlite3", key=folder / "demo.key")
    demo.load_demo_data(database, 600, seed=4, today=date.today())
    yield database
    database.close()


def actor_of(database: Database, role: Role) -> Any:
    with database.session_factory() as s:
        sid = s.scalar(select(Staff.id).where(Staff.role == role.value))
    return actor_for(database, sid)


@pytest.fixture
def window(qtbot: Any, store: Database, runner: Any, language: str) -> Iterator[MainWindow]:
    ctx = AppContext(
        store, owner_actor(store), runner, language, DEFAULT_SETTINGS, demo.DEMO_STORE_NAME, "店主"
    )
    w = MainWindow(ctx, Preferences())
    w.resize(1180, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.dashboard is not None:
        w.dashboard.close()
    w.close_for_rebuild()
    w.deleteLater()


def _button(dialog: DashboardDialog, kind: str, month: int = 0) -> QPushButton:
    b = dialog.findChild(QPushButton, f"figure_{kind}_{month}")
    assert b is not None
    return b


def test_figures_drill_down_and_open_a_consultation(
    qtbot: Any, window: MainWindow, store: Database, language: str, screenshot: Any
) -> None:
    owner = owner_actor(store)
    assert window.dashboard_action.isVisible()
    window.dashboard_action.trigger()
    dialog = window.dashboard
    assert isinstance(dialog, DashboardDialog)
    qtbot.waitExposed(dialog)
    board = build_dashboard(store, owner)
    fmt = formatter(language)
    assert _button(dialog, "consultations").text() == f"{board.this_month.consultations:,}"
    assert _button(dialog, "signed", 1).text().endswith(f"{board.last_month.signed:,}")
    assert (
        _button(dialog, "loan_amount", 1).text().endswith(fmt.money(board.last_month.loan_amount))
    )
    assert (
        _button(dialog, "approval_rate", 1)
        .text()
        .endswith(fmt.percent(board.last_month.approval_rate))
    )
    assert str(board.follow_ups_overdue) in _button(dialog, "follow_ups_overdue").text()
    overdue = _button(dialog, "overdue_m1").text()
    assert overdue == (
        "-" if board.overdue is None else f"M1+ {fmt.percent(board.overdue.total.m1_rate)}"
    )
    assert board.last_month.signed > 0
    screenshot(dialog, "dashboard")

    # a figure: last month's signed loans
    qtbot.mouseClick(_button(dialog, "signed", 1), Qt.MouseButton.LeftButton)
    rows = dialog.drill_model
    assert rows.rowCount() == board.last_month.signed
    expected = drill_down(store, owner, None, Drill("signed", 1))
    assert [rows.row_at(i).id for i in range(rows.rowCount())] == [r.id for r in expected]
    assert str(board.last_month.signed) in dialog.drill_title.text()
    # a bar of the funnel: this month's cohort that reached "qualified"
    qualified = next(s for s in board.funnel if s.stage == "qualified")
    dialog.click_bar("stage", "qualified")
    assert rows.rowCount() == qualified.count
    assert all(rows.row_at(i).stage != "contact" for i in range(rows.rowCount()))
    # a bar of the product mix
    for p in board.products:
        dialog.click_bar("product", p.product_code)
        assert rows.rowCount() == p.loans
        assert {rows.row_at(i).product_code for i in range(rows.rowCount())} == {p.product_code}
    screenshot(dialog, "dashboard-drill")

    # a double-click opens the consultation in the main window and closes the dashboard
    qtbot.mouseClick(_button(dialog, "signed", 1), Qt.MouseButton.LeftButton)
    first = rows.row_at(0).id
    index = dialog.table.model().index(0, 0)
    dialog.table.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: window.consultation_id == first)
    qtbot.waitUntil(lambda: window.dashboard is None)


def test_manager_sees_the_own_store_with_names_masked(
    qtbot: Any, store: Database, runner: Any
) -> None:
    manager = actor_of(store, Role.MANAGER)
    ctx = AppContext(store, manager, runner, "en", DEFAULT_SETTINGS, demo.DEMO_STORE_NAME)
    dialog = DashboardDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.stores.isVisibleTo(dialog)
    qtbot.mouseClick(_button(dialog, "signed", 1), Qt.MouseButton.LeftButton)
    names = [
        dialog.drill_model.display(dialog.drill_model.row_at(i), 2)
        for i in range(dialog.drill_model.rowCount())
    ]
    assert names and all(n[1:] == "*" * (len(n) - 1) for n in names)


def test_the_group_owner_chooses_a_store(qtbot: Any, tmp_path: Path, runner: Any) -> None:
    database = open_database(tmp_path / "g.sqlite3", key=tmp_path / "g.key")
    try:
        demo.load_demo_data(database, 150, seed=2, today=date.today())
        owner = owner_actor(database)
        other = stores.add_store(database, owner, "Pudong store").id
        ctx = AppContext(database, owner, runner, "en", DEFAULT_SETTINGS, demo.DEMO_STORE_NAME)
        dialog = DashboardDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.stores.isVisibleTo(dialog)
        items = [dialog.stores.itemText(i) for i in range(dialog.stores.count())]
        assert items == ["All stores (group)", demo.DEMO_STORE_NAME, "Pudong store"]
        assert dialog.chosen_store_ids() == (owner.store_id,)  # own store first
        mine = _button(dialog, "consultations").text()
        dialog.stores.setCurrentIndex(2)  # the new, empty store
        assert dialog.board is not None and dialog.board.stores == (other,)
        assert _button(dialog, "consultations").text() == "0"
        dialog.stores.setCurrentIndex(0)  # the group
        assert dialog.board.stores == (owner.store_id, other)
        assert _button(dialog, "consultations").text() == mine
    finally:
        database.close()


def test_loaded_on_the_worker(qtbot: Any, store: Database) -> None:
    """With the real runner the dialog shows "loading" and fills in when the job is done."""
    from desktop.tasks import TaskRunner

    runner = TaskRunner()
    try:
        ctx = AppContext(store, owner_actor(store), runner, "en", DEFAULT_SETTINGS, "x")
        dialog = DashboardDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.board is None
        qtbot.waitUntil(lambda: dialog.board is not None, timeout=10_000)
        assert _button(dialog, "consultations").text() != "…"
    finally:
        runner.shutdown()


@given(st.integers(0, 10**9))
def test_count_axes_have_whole_steps_and_room(largest: int) -> None:
    step, upper = nice_scale(largest)
    assert upper % step == 0 and 1 <= upper // step <= 5
    assert upper * 10 >= largest * 11 and upper >= 1
    assert str(step).strip("0") in ("1", "2", "5")


# ---------------------------------------------------------------------------
# Tools → Import lender status…
# ---------------------------------------------------------------------------


def test_import_lender_status_from_the_main_window(
    qtbot: Any, window: MainWindow, store: Database, tmp_path: Path, language: str, screenshot: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.loan_status_import import LoanStatusImportDialog
    from tests.db.test_loan_status import write_csv

    with store.engine.connect() as conn:
        from sqlalchemy import text

        refs = [
            f"P-{c:06d}-{p}"
            for c, p in conn.execute(
                text(
                    "SELECT c.id, p.id FROM consultations c JOIN plans p ON p.consultation_id = "
                    "c.id "
                    "AND p.chosen WHERE c.signed_at IS NOT NULL ORDER BY c.id LIMIT 20"
                )
            )
        ]
    good = write_csv(
        tmp_path / "ok.csv",
        [
            [r, "overdue" if i % 4 == 0 else "current", 35 if i % 4 == 0 else 0]
            for i, r in enumerate(refs)
        ]
        + [["X-1", "current", 0]],
        header=["reference", "status", "overdue_days"],
    )
    bad = write_csv(tmp_path / "bad.csv", [[refs[0], "on hold", 0, "2026-06-01"]])
    seen: dict[str, Any] = {}

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoanStatusImportDialog)
        # a malformed file: one sentence, nothing stored
        dialog.path.setText(str(bad))
        dialog.import_button.click()
        seen["bad"] = dialog.message.text()
        dialog.path.setText(str(good))
        dialog.use_as_of.setChecked(True)
        dialog.import_button.click()
        seen["good"] = dialog.message.text()
        seen["unmatched"] = dialog.unmatched.rowCount()
        seen["line"] = dialog.unmatched.item(0, 0).text()
        out = tmp_path / "unmatched.csv"
        dialog.save_unmatched(out)
        seen["saved"] = out.read_text(encoding="utf-8-sig")
        screenshot(dialog, "import-lender-status")
        dialog.reject()

    assert window.loan_status_action.isVisible()
    QTimer.singleShot(0, act)
    window.loan_status_action.trigger()
    zh = language == "zh_CN"
    assert ("第 2 行" if zh else "Line 2") in seen["bad"]
    assert ("未保存任何数据" if zh else "Nothing was stored") in seen["bad"]
    assert ("保存 20 行" if zh else "20 stored") in seen["good"]
    assert seen["unmatched"] == 1 and seen["line"] == "22" and "X-1" in seen["saved"]
    board = build_dashboard(store, owner_actor(store))
    assert board.overdue is not None and board.overdue.total.m1 == 5
