"""Journeys through the real main window: consecutive customers, restart, two counters.

The bugs users meet live between units: a page that keeps the previous
customer's values, a conflict warning fired by our own saves.  These tests
drive :class:`~desktop.main_window.MainWindow` with the threaded runner over
a real database file (see ``tests/desktop/journey.py``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from db import Database, open_database
from db.models.enums import Role, Step, StepState
from db.services import consultations as cs
from db.services import staff
from db.services.base import Actor
from tests.desktop.journey import (
    FIVE,
    Counter,
    assert_shows,
    install_watch,
    masked_band,
    type_text,
)
from tests.desktop.pages.conftest import save_screenshot


@pytest.fixture
def store(counter: Database) -> dict[str, Actor]:
    owner = staff.create_owner(counter, "Main Street Motors", "owner", "owner-pass-1")
    made = {}
    for username, name in (("zhangwei", "张伟"), ("wangfang", "王芳")):
        view = staff.add_staff(
            counter, owner, username, "staff-pass-1", Role.CONSULTANT, display_name=name
        )
        made[username] = staff.actor_for(counter, view.id)
    return made


def test_five_customers_back_to_back_then_each_reopened(
    qtbot, monkeypatch, counter: Database, store: dict[str, Actor]
) -> None:
    """(a) One counter, five customers one after the other, each through every step."""
    watch = install_watch(monkeypatch)
    desk = Counter(qtbot, counter, store["zhangwei"], "张伟")
    ids = []
    for n, customer in enumerate(FIVE):
        cid = desk.new_consultation(customer)
        # a new consultation shows nothing of the one before
        for step in (Step.QUALIFICATION, Step.APPRAISAL):
            page = desk.page(step)
            assert page.consultation_id == cid
        q = desk.page(Step.QUALIFICATION)
        assert q.monthly_income.text() == "" and q.overdue_count.value() == 0
        assert not q.id_seen.isChecked(), "the consultant must confirm the ID card"
        a = desk.page(Step.APPRAISAL)
        assert a.vin.text() == "" and a.brand.text() == "" and a.market_price.text() == ""
        desk.fill_reception(customer)
        desk.fill_qualification(customer)
        desk.fill_appraisal(customer)
        desk.choose_plan(customer)
        if n == 0:
            save_screenshot(desk.window, "en", "journey-plan")
        desk.sign(customer)
        if n == 0:  # every page of the first customer, as the consultant sees it
            for step in Step:
                desk.show(step)
                save_screenshot(desk.window, "en", f"journey-{step.value}")
                assert sideways_scrolling(desk.window) == [], step
        ids.append(cid)
        desk.window.go_home()
        desk.idle()
    for cid, customer in zip(ids, FIVE, strict=True):
        desk.window.open_consultation(cid)
        desk.idle()
        assert_shows(desk, customer)
        view = cs.get_consultation(counter, store["zhangwei"], cid)
        assert view.customer_name == customer.name
        assert all(view.steps[s] is StepState.COMPLETE for s in Step)

    # a follow-up set by hand shows on Home at once, a week ahead
    def follow_up(dialog) -> None:
        desk.type_into(dialog.note, "call about the bank's answer")
        desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    desk.on_modal(follow_up)
    desk.click(desk.flow.followup_button)
    desk.window.go_home()
    desk.idle()
    fm = desk.window.home.followup_model
    rows = [
        (fm.index(r, fm.CUSTOMER).data(), fm.index(r, fm.KIND).data(), fm.index(r, fm.DUE).data())
        for r in range(fm.rowCount())
    ]
    assert (FIVE[-1].name, "call about the bank's answer") in [(n, k) for n, k, _ in rows]
    assert any(d.endswith("(coming)") for n, k, d in rows if k.startswith("call about"))
    assert watch.notices == [] and watch.boxes == []
    desk.close()


def test_restart_reopens_the_last_consultation_with_its_own_data(
    qtbot,
    monkeypatch,
    db_file: Path,
    key_file: Path,
    counter: Database,
    store: dict[str, Actor],
) -> None:
    """(b) Two customers, the window closed in the middle of the second; restart resumes it."""
    watch = install_watch(monkeypatch)
    desk = Counter(qtbot, counter, store["zhangwei"], "张伟")
    first, second = FIVE[0], FIVE[1]
    desk.whole_consultation(first)
    desk.window.go_home()
    cid = desk.new_consultation(second)
    desk.fill_reception(second)
    desk.fill_qualification(second)
    assert desk.flow.current_step is Step.APPRAISAL
    desk.close()  # the program is closed at the appraisal step
    counter.close()

    again = open_database(db_file, key=key_file)
    try:
        desk = Counter(qtbot, again, store["zhangwei"], "张伟")
        assert desk.window.resume()
        desk.idle()
        assert desk.flow.consultation_id == cid
        assert desk.flow.current_step is Step.APPRAISAL
        a = desk.page(Step.APPRAISAL)
        assert a.vin.text() == "" and a.brand.text() == ""  # not the first customer's car
        q = desk.show(Step.QUALIFICATION)
        income = q.monthly_income.text() or q.monthly_income.placeholderText()
        assert masked_band(second.income) in income, income
        assert q.history_years.text() == str(second.history_years)
        r = desk.show(Step.RECEPTION)
        assert r.name.text() == second.name
        assert watch.notices == [] and watch.boxes == []
        desk.close()
    finally:
        again.close()


def test_two_counters_on_one_consultation(
    qtbot, monkeypatch, counter: Database, other: Database, store: dict[str, Actor]
) -> None:
    """(c) Both counters open the same consultation; the second save names the first."""
    watch = install_watch(monkeypatch)
    one = Counter(qtbot, counter, store["zhangwei"], "张伟")
    customer = FIVE[2]
    cid = one.new_consultation(customer)
    one.fill_reception(customer)
    assert one.flow.current_step is Step.QUALIFICATION

    two = Counter(qtbot, other, store["wangfang"], "王芳")
    two.window.open_consultation(cid, step=Step.QUALIFICATION)
    two.idle()
    assert two.flow.current_step is Step.QUALIFICATION

    one.fill_qualification(customer)  # saved by 张伟 (and on to the appraisal)
    assert watch.notices == []

    q = two.page(Step.QUALIFICATION)
    two.type_into(q.monthly_income, "30000")
    two.click(two.flow.save_button)
    assert q.conflict is not None
    kinds = [k for k, _ in watch.notices]
    assert kinds == ["conflict"], watch.notices
    assert "张伟" in watch.notices[0][1]
    assert q.notice.button("reload") is not None
    # 王芳 is neither the author nor a manager: no overwrite for her
    assert q.notice.button("overwrite") is None
    save_screenshot(two.window, "en", "journey-two-counters-conflict")
    # 张伟's own counter kept going without any warning
    one.fill_appraisal(customer)
    assert [k for k, _ in watch.notices] == ["conflict"]

    # 王芳 reloads: the saved version, and what her form held listed
    two.click(q.notice.button("reload"))
    two.click(q.notice.button("confirm_reload"))
    assert q.conflict is None and q.notice.kind == "typed"
    assert "30000" in q.notice.detail.text()
    two.type_into(q.monthly_income, "31000")
    two.click(two.flow.save_button)
    assert q.conflict is None and not q.dirty

    # 张伟 comes back to the step: it shows her save; he changes it while she does too
    mine = one.show(Step.QUALIFICATION)
    assert masked_band(Decimal(31000)) in mine.monthly_income.placeholderText()
    one.type_into(mine.monthly_income, "25000")
    two.type_into(q.monthly_income, "32000")
    two.click(two.flow.save_button)
    one.click(one.flow.save_button)
    assert mine.conflict is not None and "王芳" in mine.conflict_text()
    # he is the consultation's consultant: he may keep his form, after confirming
    one.click(mine.notice.button("overwrite"))
    assert mine.notice.kind == "confirm_overwrite"
    one.click(mine.notice.button("confirm_overwrite"))
    assert mine.conflict is None and not mine.dirty
    owner = staff.owner_actor(counter)
    saved = cs.get_qualification(counter, owner, cid, unmasked=True)
    assert saved is not None and saved.monthly_income == "25000.00"
    assert watch.boxes == []
    one.close()
    two.close()


def test_after_mark_lost_nothing_saves_and_the_next_customer_starts_empty(
    qtbot, monkeypatch, counter: Database, store: dict[str, Actor]
) -> None:
    """'Mark lost' (refused: suspected fraud, put on the blacklist by a manager), then the
    consultation is read-only and the next customer's pages hold nothing of it."""
    from db.services import blacklist

    watch = install_watch(monkeypatch)
    owner = staff.owner_actor(counter)
    view = staff.add_staff(
        counter, owner, "boss", "staff-pass-1", Role.MANAGER, display_name="刘经理"
    )
    desk = Counter(qtbot, counter, staff.actor_for(counter, view.id), "刘经理")
    first, second = FIVE[3], FIVE[4]
    cid = desk.new_consultation(first)
    desk.fill_reception(first)
    desk.fill_qualification(first)

    def lost(dialog) -> None:
        dialog.category.setCurrentIndex(dialog.category.findData("refused_fraud"))
        assert dialog.blacklist.isVisible()
        dialog.blacklist.setChecked(True)
        desk.type_into(dialog.note, "payslips do not add up")
        desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    desk.on_modal(lost)
    desk.click(desk.flow.lost_button)
    assert desk.flow.lost_banner.isVisible() and desk.flow.closed
    assert not desk.flow.save_button.isEnabled()
    a = desk.current
    desk.type_into(a.brand, "Changed after lost")
    assert not a.dirty and a.save() is False
    assert cs.get_appraisal(counter, owner, cid) is None
    assert len(blacklist.list_entries(counter, owner)) == 1

    desk.window.go_home()
    desk.idle()
    nxt = desk.new_consultation(second)
    assert nxt != cid and not desk.flow.closed and desk.flow.save_button.isEnabled()
    q = desk.page(Step.QUALIFICATION)
    assert q.monthly_income.text() == "" and q.history_years.text() == ""
    a = desk.page(Step.APPRAISAL)
    assert a.brand.text() == "" and a.vin.text() == ""
    assert watch.notices == [] and watch.boxes == []
    desk.close()


class Keys:
    """Keys typed at the focused widget, as a consultant without a mouse does."""

    def __init__(self, desk: Counter) -> None:
        self.desk = desk

    @property
    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        times: int = 1,
    ) -> None:
        for _ in range(times):
            QTest.keyClick(self.focus, key, modifier)
            QApplication.processEvents()

    def type(self, text: str) -> None:
        type_text(self.desk.qtbot, self.focus, text)

    def tab_to(self, widget, limit: int = 60) -> None:
        """Tab until ``widget`` (or its inner editor) has the focus."""
        for _ in range(limit):
            if self.focus is widget or widget.isAncestorOf(self.focus):
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget!r}")

    def field(self, widget, text: str) -> None:
        self.tab_to(widget)
        QTest.keyClick(self.focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type(text)

    def next_step(self) -> None:
        self.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.desk.idle()


def test_keyboard_only_from_new_consultation_to_signed(
    qtbot, monkeypatch, counter: Database, store: dict[str, Actor]
) -> None:
    """(d) Ctrl+N to "Mark signed" with key presses only (no mouse, no setFocus)."""
    watch = install_watch(monkeypatch)
    desk = Counter(qtbot, counter, store["zhangwei"], "张伟")
    keys = Keys(desk)
    c = FIVE[0]
    desk.window.activateWindow()
    desk.window.home.search.setFocus()  # where the program puts the cursor after login

    def dialog(d) -> None:
        d.activateWindow()  # what the window manager does with a new dialog
        qtbot.waitUntil(lambda: QApplication.focusWidget() is d.name, timeout=3000)
        keys.type(c.name)
        keys.press(Qt.Key.Key_Tab)
        keys.type(c.phone)
        keys.press(Qt.Key.Key_Return)

    desk.on_modal(dialog)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    desk.idle()
    assert desk.flow.current_step is Step.RECEPTION
    r = desk.page(Step.RECEPTION)
    assert r.isAncestorOf(keys.focus), keys.focus  # the cursor is in the page
    keys.tab_to(r.consent)
    keys.press(Qt.Key.Key_Space)
    assert r.consent.isChecked()
    keys.field(r.id_number, c.id_number)
    keys.tab_to(r.channel)
    keys.type(c.channel[0])  # combo boxes: the first letter picks the entry
    keys.tab_to(r.intent)
    keys.type(c.intent[0])
    keys.field(r.budget, str(c.budget))
    keys.press(Qt.Key.Key_Return)  # Enter moves on to the next field
    assert keys.focus is r.wished_down
    keys.type(str(c.wished_down))
    keys.field(r.wished_monthly, str(c.wished_monthly))
    keys.next_step()

    q = desk.page(Step.QUALIFICATION)
    assert desk.flow.current_step is Step.QUALIFICATION and q.isAncestorOf(keys.focus)
    keys.tab_to(q.id_seen)
    keys.press(Qt.Key.Key_Space)
    keys.field(q.proof_months, str(c.proof_months))
    keys.tab_to(q.residence)
    keys.press(Qt.Key.Key_Space)
    keys.tab_to(q.work)
    keys.press(Qt.Key.Key_Space)
    keys.field(q.monthly_income, str(c.income))
    keys.field(q.history_years, str(c.history_years))
    keys.field(q.credit_kinds, str(c.credit_kinds))
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    desk.idle()
    assert not q.dirty and q.grade.text() in ("A", "B")
    assert desk.window.statusBar().currentMessage() == "Saved."
    keys.next_step()

    a = desk.page(Step.APPRAISAL)
    assert desk.flow.current_step is Step.APPRAISAL and a.isAncestorOf(keys.focus)
    keys.field(a.vin, c.vin)
    keys.field(a.brand, c.brand)
    keys.field(a.model_name, c.model)
    keys.field(a.first_registration, c.first_registration.isoformat())
    keys.field(a.mileage, str(c.mileage))
    keys.tab_to(a.registration)
    keys.press(Qt.Key.Key_Down)
    keys.tab_to(a.condition)
    keys.type(c.condition[0])
    keys.field(a.market_price, "15万")  # as typed at a Chinese counter
    keys.field(a.price, "¥135,000")
    desk.idle()
    assert a.result is not None and not a.result.excluded
    keys.next_step()

    p = desk.page(Step.PLAN)
    assert desk.flow.current_step is Step.PLAN
    desk.idle()
    keys.field(p.down_spin, "6万")  # 60,000, never 6
    keys.press(Qt.Key.Key_Tab)
    desk.idle()
    assert p.down_spin.value() == 60000
    keys.tab_to(p.comparison_view)
    column = p.comparison.column_of(c.product)
    index = p.comparison_view.currentIndex()
    keys.press(
        Qt.Key.Key_Right if index.column() < column else Qt.Key.Key_Left,
        times=abs(column - max(index.column(), 0)),
    )
    desk.idle()
    assert p._selected == c.product
    keys.press(Qt.Key.Key_Return)  # Enter on the comparison: choose this plan
    desk.idle()
    assert [
        x for x in cs.list_plans(counter, store["zhangwei"], desk.flow.consultation_id) if x.chosen
    ]
    keys.next_step()

    s = desk.page(Step.SIGNING)
    assert desk.flow.current_step is Step.SIGNING and s.isAncestorOf(keys.focus)
    for box in s.boxes.values():
        keys.tab_to(box)
        keys.press(Qt.Key.Key_Space)
    desk.idle()
    assert s.sign_button.isEnabled()

    def confirm(d) -> None:
        d.activateWindow()
        qtbot.waitUntil(lambda: d.isAncestorOf(QApplication.focusWidget()), timeout=3000)
        keys.press(Qt.Key.Key_Return)  # the date is today; Enter is OK

    desk.on_modal(confirm)
    keys.tab_to(s.sign_button)
    keys.press(Qt.Key.Key_Space)
    desk.idle()
    assert s.signed
    assert watch.notices == [] and watch.boxes == []
    desk.close()


# -- the journey in Chinese: every page looked at, no English on a Chinese screen --------------

# What may stay in Latin letters on a Chinese screen: the customer's own data (brand, model,
# VIN), and the abbreviations Chinese staff use as they are.
LATIN_ALLOWED = {
    "VIN",
    "APR",
    "IRR",
    "LPR",
    "DTI",
    "CNY",
    "ID",
    "CTRL",
    "GPS",
}  # + key names; GPS 安装费 is how Chinese dealers write the line


def sideways_scrolling(window) -> list[str]:
    """Scroll areas of the shown page whose horizontal bar is visible (content too wide)."""
    from PySide6.QtWidgets import QScrollArea

    page = window.flow.current_page()
    return [
        type(area.parent()).__name__ if area.parent() else "page"
        for area in page.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def latin_words(root, customer) -> dict[str, str]:
    """Visible Latin-letter words of three letters or more -> the widget showing them."""
    import re

    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
    )

    own = {w.lower() for w in re.findall(r"[A-Za-z]+", f"{customer.brand} {customer.model}")}
    own |= {customer.vin.lower(), "owner", "main", "street", "motors"}  # login, store name
    found: dict[str, str] = {}

    def scan(text: str, where: str) -> None:
        for word in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", text or ""):
            if word.upper() in LATIN_ALLOWED or word.lower() in own:
                continue
            found.setdefault(word, f"{where}: {text[:60]!r}")

    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        name = type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)):
            scan(w.text(), name)
        elif isinstance(w, QGroupBox):
            scan(w.title(), name)
        elif isinstance(w, QComboBox):
            scan(w.currentText(), name)
        elif isinstance(w, QLineEdit):
            scan(w.placeholderText(), name + " placeholder")
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                scan(w.tabText(i), name)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            from PySide6.QtCore import QModelIndex

            try:
                columns = m.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, its columnCount is private
                columns = 1
            rows = m.rowCount(QModelIndex())
            for c in range(min(columns, 30)):
                scan(str(m.headerData(c, Qt.Orientation.Horizontal) or ""), name + " header")
            for r in range(min(rows, 12)):
                for c in range(min(columns, 30)):
                    scan(str(m.index(r, c).data() or ""), name + " cell")
    return found


def test_a_consultation_in_chinese_every_page_shown_and_looked_at(
    qtbot, qapp, monkeypatch, counter: Database, store: dict[str, Actor]
) -> None:
    """A consultant working in Chinese: one customer through every step; each page is
    photographed during the journey and shows no English word."""
    from tests.desktop.pages.conftest import install_language

    monkeypatch.setenv("LOANDESK_LANG", "zh_CN")
    translators = install_language(qapp, "zh_CN")
    try:
        watch = install_watch(monkeypatch)
        desk = Counter(qtbot, counter, store["zhangwei"], "张伟", language="zh_CN")
        english: dict[str, dict[str, str]] = {}
        save_screenshot(desk.window, "zh_CN", "journey-home-empty")
        customer = FIVE[3]
        desk.whole_consultation(customer)
        for step in Step:
            desk.show(step)
            save_screenshot(desk.window, "zh_CN", f"journey-{step.value}")
            english[step.value] = latin_words(desk.window, customer)
            assert sideways_scrolling(desk.window) == [], step  # fits the default window
        desk.window.go_home()
        desk.idle()
        save_screenshot(desk.window, "zh_CN", "journey-home")
        english["home"] = latin_words(desk.window, customer)
        assert watch.notices == [] and watch.boxes == []
        desk.close()
    finally:
        translators.install("en")
    left = {page: words for page, words in english.items() if words}
    assert not left, left
