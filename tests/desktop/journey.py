"""Driving the real main window as a consultant does: one counter, one customer after another.

A :class:`Counter` is one counter PC: a :class:`~desktop.main_window.MainWindow`
over its own ``open_database`` on the store's file, with the real threaded
:class:`~desktop.tasks.TaskRunner` (so loads and saves come back later, as in
the program).  Its methods type and click into the pages; every step waits
for the worker to be idle and the queued results to be shown.

:class:`Customer` holds one made-up customer's whole consultation; the
journey tests check that each page shows exactly that customer's values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget

from db import Database
from db.models.enums import Step
from db.services import settings as settings_service
from db.services.base import Actor
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.pages.base import StepPage
from desktop.pages.notice import NoticeBar
from desktop.preferences import Preferences
from desktop.tasks import TaskRunner
from lending.identity import generate_resident_id, generate_vin
from lending.money import format_cny


@dataclass(frozen=True)
class Customer:
    name: str
    phone: str
    birth: date
    channel: str  # the label as shown in English
    intent: str
    budget: int
    wished_down: int
    wished_monthly: int
    income: int
    proof_months: int
    history_years: int
    credit_kinds: int
    overdue: int
    wmi_vds: str  # 8 characters before the check digit's neighbours (generate_vin)
    brand: str
    model: str
    age_years: int
    mileage: int
    condition: str
    market_price: int
    price: int
    product: str
    term: int
    seq: int = 1

    @property
    def id_number(self) -> str:
        return generate_resident_id("110105", self.birth, self.seq)

    @property
    def vin(self) -> str:
        return generate_vin(self.wmi_vds + f"LJ{self.seq:06d}")

    @property
    def first_registration(self) -> date:
        today = date.today()
        return date(today.year - self.age_years, 3, 1)

    @property
    def masked_phone(self) -> str:
        return f"{self.phone[:3]}****{self.phone[-4:]}"


FIVE = (
    Customer(
        "王建华",
        "13812340001",
        date(1988, 4, 12),
        "Walk",
        "High",
        180000,
        60000,
        4000,
        22000,
        6,
        8,
        3,
        0,
        "LSVAB2BM",
        "Volkswagen",
        "Lavida",
        2,
        30000,
        "Excellent",
        150000,
        135000,
        "bank_mortgage",
        48,
        11,
    ),
    Customer(
        "赵强",
        "13912340002",
        date(1993, 9, 3),
        "Phone",
        "Medium",
        120000,
        62000,
        3000,
        12000,
        6,
        4,
        2,
        1,
        "LFVAB2BM",
        "Toyota",
        "Corolla",
        3,
        52000,
        "Good",
        110000,
        98000,
        "finance_company",
        36,
        22,
    ),
    Customer(
        "孙建国",
        "13712340003",
        date(1985, 1, 20),
        "Referral",
        "Low",
        160000,
        106000,
        2500,
        9000,
        6,
        10,
        2,
        0,
        "LBVAB2BM",
        "BMW",
        "320Li",
        4,
        70000,
        "Good",
        160000,
        150000,
        "finance_company",
        24,
        33,
    ),
    Customer(
        "李娜",
        "15012340004",
        date(1996, 6, 30),
        "Social",
        "High",
        200000,
        80000,
        3500,
        16000,
        12,
        5,
        3,
        0,
        "LRWAB2BM",
        "Tesla",
        "Model 3",
        1,
        12000,
        "Excellent",
        210000,
        199000,
        "bank_mortgage",
        36,
        44,
    ),
    Customer(
        "周敏",
        "18612340005",
        date(1990, 11, 11),
        "Online",
        "Medium",
        100000,
        50000,
        2800,
        14000,
        6,
        7,
        2,
        0,
        "LGBAB2BM",
        "Nissan",
        "Sylphy",
        2,
        28000,
        "Good",
        95000,
        88000,
        "finance_company",
        36,
        55,
    ),
)


@dataclass
class Watch:
    """Every conflict bar and message box a counter showed (there must be none)."""

    notices: list[tuple[str, str]] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)


def install_watch(monkeypatch: Any) -> Watch:
    watch = Watch()
    show_notice = NoticeBar.show_notice

    def noticed(bar: NoticeBar, kind: str, style: str, text: str, *a: Any, **k: Any) -> None:
        watch.notices.append((kind, text))
        show_notice(bar, kind, style, text, *a, **k)

    monkeypatch.setattr(NoticeBar, "show_notice", noticed)
    from PySide6.QtWidgets import QMessageBox

    for name in ("warning", "critical", "information"):

        def box(*args: Any, _name: str = name, **kw: Any) -> Any:
            texts = [a for a in args if isinstance(a, str)]
            watch.boxes.append(f"{_name}: {' | '.join(texts)}")
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, name, box)
    return watch


class Counter:
    """One counter PC: a main window over its own Database, with the threaded runner."""

    def __init__(
        self, qtbot: Any, database: Database, actor: Actor, name: str = "", language: str = "en"
    ) -> None:
        self.qtbot = qtbot
        self.database = database
        self.actor = actor
        self.runner = TaskRunner()
        self.failures: list[BaseException] = []
        ctx = AppContext(
            database=database,
            staff=actor,
            runner=self.runner,
            language=language,
            settings=settings_service.load_settings(database, actor.store_id),
            store_name="Main Street Motors",
            display_name=name or actor.username,
        )
        self.window = MainWindow(ctx, Preferences())
        self.window.resize(1180, 800)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.idle()

    # -- waiting -----------------------------------------------------------------
    def idle(self) -> None:
        """The worker is idle and every queued result has been shown."""
        for _ in range(3):
            self.qtbot.waitUntil(lambda: not self.runner.busy, timeout=20000)
            QApplication.processEvents()
        if self.failures:
            raise self.failures.pop(0)

    def close(self) -> None:
        self.idle()
        self.window.close_for_rebuild()
        self.runner.shutdown()
        QApplication.processEvents()
        self.window.deleteLater()

    # -- where we are ------------------------------------------------------------
    @property
    def flow(self) -> Any:
        return self.window.flow

    def page(self, step: Step | str) -> Any:
        return self.flow.page_for[Step(step)]

    @property
    def current(self) -> StepPage:
        return self.flow.current_page()

    # -- typing ------------------------------------------------------------------
    def type_into(self, widget: QWidget, text: str) -> None:
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        elif hasattr(widget, "lineEdit"):
            widget.lineEdit().selectAll()  # type: ignore[attr-defined]
        type_text(self.qtbot, widget, text)

    def choose(self, combo: QComboBox, text: str) -> None:
        """The item whose English label starts with ``text`` (in another language: whose
        stored code does, e.g. "Walk" -> walk_in, "48" -> 48)."""
        index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
        if index < 0:
            index = next(
                (
                    i
                    for i in range(combo.count())
                    if str(combo.itemData(i)).lower().startswith(text.lower())
                ),
                -1,
            )
        assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
        combo.setFocus()
        combo.setCurrentIndex(index)

    def tick(self, box: QCheckBox, on: bool = True) -> None:
        if box.isChecked() != on:
            box.ensurePolished()
            self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked() == on

    def click(self, button: QWidget) -> None:
        assert button.isEnabled(), button.objectName() or button.text()  # type: ignore[attr-defined]
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.idle()

    def next_step(self) -> None:
        self.click(self.flow.next_button)

    def on_modal(self, act: Callable[[QWidget], None]) -> None:
        """Run ``act`` on the next modal dialog (started by the following click)."""

        def later() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, later)
                return
            try:
                act(dialog)
            except BaseException as exc:  # never leave a test hanging on an open dialog
                self.failures.append(exc)
                dialog.reject()  # type: ignore[attr-defined]

        QTimer.singleShot(0, later)

    # -- the flow ------------------------------------------------------------------
    def new_consultation(self, c: Customer) -> int:
        def fill(dialog: Any) -> None:
            type_text(self.qtbot, dialog.name, c.name)
            type_text(self.qtbot, dialog.phone, c.phone)
            self.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        self.on_modal(fill)
        self.window.new_action.trigger()
        self.idle()
        assert self.flow.current_step is Step.RECEPTION
        cid = self.flow.consultation_id
        assert isinstance(cid, int)
        return cid

    def fill_reception(self, c: Customer) -> None:
        r = self.page(Step.RECEPTION)
        assert r.name.text() == c.name
        self.tick(r.consent)
        self.type_into(r.id_number, c.id_number)
        self.choose(r.channel, c.channel)
        self.choose(r.intent, c.intent)
        self.type_into(r.budget, str(c.budget))
        self.type_into(r.wished_down, str(c.wished_down))
        self.type_into(r.wished_monthly, str(c.wished_monthly))
        self.next_step()

    def fill_qualification(self, c: Customer) -> None:
        q = self.page(Step.QUALIFICATION)
        assert self.flow.current_step is Step.QUALIFICATION
        self.tick(q.id_seen)
        self.type_into(q.monthly_income, str(c.income))
        q.proof_months.setFocus()
        q.proof_months.setValue(c.proof_months)
        self.tick(q.residence)
        self.tick(q.work)
        q.overdue_count.setFocus()
        q.overdue_count.setValue(c.overdue)
        self.type_into(q.history_years, str(c.history_years))
        self.type_into(q.credit_kinds, str(c.credit_kinds))
        assert q.grade.text() in ("A", "B"), q.grade.text()
        self.next_step()

    def fill_appraisal(self, c: Customer) -> None:
        a = self.page(Step.APPRAISAL)
        assert self.flow.current_step is Step.APPRAISAL
        self.type_into(a.vin, c.vin)
        self.type_into(a.brand, c.brand)
        self.type_into(a.model_name, c.model)
        self.type_into(a.first_registration, c.first_registration.isoformat())
        self.type_into(a.mileage, str(c.mileage))
        self.choose(a.registration, "True")  # "Matches the car"
        self.choose(a.condition, c.condition)
        self.type_into(a.market_price, str(c.market_price))
        self.type_into(a.price, str(c.price))
        self.idle()
        assert a.result is not None and not a.result.excluded
        self.next_step()

    def choose_plan(self, c: Customer) -> None:
        p = self.page(Step.PLAN)
        assert self.flow.current_step is Step.PLAN
        self.idle()
        assert p.current_request()[0] == c.wished_down  # the wished down payment
        self.choose(p.term, str(c.term))
        self.idle()
        header = p.comparison_view.horizontalHeader()
        column = p.comparison.column_of(c.product)
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        self.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        self.idle()
        e = p.selected_evaluation()
        assert e is not None and e.code == c.product and e.eligible, (
            c.name,
            [str(r) for r in (e.reasons if e else ())],
        )
        self.click(p.choose_button)
        self.next_step()

    def sign(self, c: Customer) -> None:
        s = self.page(Step.SIGNING)
        assert self.flow.current_step is Step.SIGNING
        for box in s.boxes.values():
            self.tick(box)
        self.idle()
        self.confirm_next_dialog()
        self.click(s.sign_button)
        assert s.signed

    def confirm_next_dialog(self) -> None:
        """A deliberate action asks first (date, OK): accept what it proposes."""

        def accept(dialog: Any) -> None:
            ok = getattr(dialog, "ok_button", None)
            if ok is not None:
                self.qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            else:
                dialog.accept()

        self.on_modal(accept)

    def whole_consultation(self, c: Customer) -> int:
        cid = self.new_consultation(c)
        self.fill_reception(c)
        self.fill_qualification(c)
        self.fill_appraisal(c)
        self.choose_plan(c)
        self.sign(c)
        return cid

    def show(self, step: Step) -> StepPage:
        self.window._step_requested(step)  # as a click in the step list
        self.idle()
        assert self.flow.current_step is step
        return self.current


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Key presses for ``text``; characters QTest cannot name (Chinese) as text events."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def money_text(value: int) -> str:
    return format_cny(Decimal(value))


def shown_values(page: StepPage) -> dict[str, str]:
    """Every editor's text on a page (for 'nothing of another customer' checks)."""
    out: dict[str, str] = {}
    for w in page.findChildren(QLineEdit):
        if w.objectName() != "qt_spinbox_lineedit":
            out[f"line:{id(w)}"] = w.text() + "|" + w.placeholderText()
    return out


def assert_shows(counter: Counter, c: Customer) -> None:
    """Every page of the open consultation shows ``c``'s values, none of anyone else's."""
    r = counter.show(Step.RECEPTION)
    assert r.name.text() == c.name
    assert c.masked_phone in r.phone.placeholderText(), r.phone.placeholderText()
    assert r.channel.currentText().startswith(c.channel)
    assert r.intent.currentText().startswith(c.intent)
    assert r.budget.text() == money_text(c.budget)
    assert r.wished_down.text() == money_text(c.wished_down)
    assert r.wished_monthly.text() == money_text(c.wished_monthly)

    q = counter.show(Step.QUALIFICATION)
    income = q.monthly_income.text() or q.monthly_income.placeholderText()
    masked_income = masked_band(c.income)
    assert money_text(c.income) in income or masked_income in income, income
    assert q.proof_months.value() == c.proof_months
    assert q.overdue_count.value() == c.overdue
    assert q.history_years.text() == str(c.history_years)
    assert q.credit_kinds.text() == str(c.credit_kinds)
    assert q.residence.isChecked() and q.work.isChecked() and q.id_seen.isChecked()

    a = counter.show(Step.APPRAISAL)
    assert a.vin.text() == c.vin
    assert a.brand.text() == c.brand and a.model_name.text() == c.model
    assert a.first_registration.text() == c.first_registration.isoformat()
    assert a.mileage.text().replace(",", "") == str(c.mileage)
    assert a.condition.currentText().startswith(c.condition)
    assert a.market_price.text() == money_text(c.market_price)
    assert a.price.text() == money_text(c.price)

    p = counter.show(Step.PLAN)
    assert p.term.currentData() == c.term
    assert p.current_request()[0] == c.wished_down
    items = [p.saved_list.item(i).text() for i in range(p.saved_list.count())]
    assert len(items) == 1 and items[0].startswith("[chosen]"), items
    assert p._selected == c.product

    s = counter.show(Step.SIGNING)
    assert s.signed and all(box.isChecked() for box in s.boxes.values())
    assert c.name in counter.window.windowTitle()


def masked_band(income: Decimal) -> str:
    """The band a masked income is shown as, computed here on its own (db.crypto.income_band)."""
    lows = [0, 3000, 6000, 10000, 15000, 20000, 30000, 50000]
    low = max(b for b in lows if income >= b)
    if low == lows[-1]:
        return f"{low:,}+"
    return f"{low:,}–{lows[lows.index(low) + 1]:,}"
