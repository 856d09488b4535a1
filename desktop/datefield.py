"""A date field staff can type into *or* pick from a calendar, that may also be empty.

``QDateEdit`` types section by section: typing ``2023-03-01`` over a
selected date gives nonsense (the separators jump sections twice), and it
has no "not entered yet".  :class:`DateField` keeps the calendar popup and
the display ``yyyy-MM-dd`` (digits only: nothing to translate), but takes
typed text as typed: ``2023-03-01``, ``2023/3/1``, ``2023.3.1`` or
``20230301``; the full form is taken at once, a shorter one when the field is
left (Enter, Tab, a click elsewhere), and :meth:`day` reads either as typed.
Anything that cannot become a date is refused as typed.  Empty shows nothing
and :meth:`day` is None.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QWidget

EMPTY = QDate(1900, 1, 1)
"""The minimum date stands for "no date" (shown as a blank)."""
_BLANK = " "  # specialValueText: Qt ignores an empty one
_CANONICAL = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})(\d{2})(\d{2})")
_PARTIAL = re.compile(r"\d{0,4}(-(\d{0,2}(-\d{0,2})?)?)?|\d{0,8}")
_TYPED = set("0123456789-/.")


def _normalise(text: str) -> str:
    return text.strip().replace("/", "-").replace(".", "-")


def parse_day(text: str) -> date | None:
    """The date in ``text`` (ISO with ``-``, ``/`` or ``.``, or 8 digits); None if none."""
    m = _DATE.fullmatch(_normalise(text))
    if m is None:
        return None
    y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateField(QDateEdit):
    """A ``QDateEdit`` with a calendar popup that types as staff type, and can be empty."""

    day_changed = Signal()
    """The date changed, by typing, the calendar or :meth:`set_day` (also to empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY)
        self.setSpecialValueText(_BLANK)
        self.setDate(EMPTY)
        self.dateChanged.connect(lambda _d: self.day_changed.emit())

    # -- value ---------------------------------------------------------------
    def day(self) -> date | None:
        """The date shown or typed so far (``2023-3-1`` too); None when empty or not a date."""
        text = _normalise(self.typed_text())
        if not text:
            return None
        day = parse_day(text)
        if day is None or not self.minimumDate() < qdate(day) <= self.maximumDate():
            return None
        return day

    def set_day(self, day: date | None) -> None:
        self.setDate(EMPTY if day is None else qdate(day))

    def typed_text(self) -> str:
        """What the field shows ('' when empty)."""
        text = self.lineEdit().text()
        return "" if text == _BLANK else text

    # -- typing ----------------------------------------------------------------
    def validate(self, text: str, pos: int) -> Any:
        # only the full form is taken while typing: "2024-02-2" may still become the 29th
        t = _normalise(text)
        if not t:
            return QValidator.State.Acceptable
        day = parse_day(t)
        if (
            day is not None
            and _CANONICAL.fullmatch(t)
            and self.minimumDate() <= qdate(day) <= self.maximumDate()
        ):
            return QValidator.State.Acceptable
        if day is not None or _PARTIAL.fullmatch(t):
            return QValidator.State.Intermediate
        return QValidator.State.Invalid

    def dateTimeFromText(self, text: str) -> QDateTime:
        t = _normalise(text)
        day = parse_day(t)
        if day is not None and self.minimumDate() <= qdate(day) <= self.maximumDate():
            return QDateTime(qdate(day), QTime(0, 0))
        if not t:
            return QDateTime(EMPTY, QTime(0, 0))
        return self.dateTime()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        edit = self.lineEdit()
        key = event.key()
        if plain and len(text) == 1 and text in _TYPED:
            if edit.text() == _BLANK:
                edit.clear()
            edit.insert(text)  # the validator refuses what cannot become a date
            self._take_if_complete()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            if edit.text() == _BLANK:
                return
            edit.backspace() if key == Qt.Key.Key_Backspace else edit.del_()
            if not edit.text().strip():
                self.setDate(EMPTY)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._take_short_form()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.date() == EMPTY:
            self.setDate(qdate(date.today()))  # an arrow on an empty field starts at today
            return
        super().keyPressEvent(event)

    def _take_if_complete(self) -> None:
        text = _normalise(self.lineEdit().text())
        day = parse_day(text)
        if day is not None and _CANONICAL.fullmatch(text):
            cursor = self.lineEdit().cursorPosition()
            self.setDate(qdate(day))
            self.lineEdit().setCursorPosition(cursor)

    def _take_short_form(self) -> None:
        """Leaving the field (Enter, Tab, a click elsewhere): ``2023-3-1`` is taken too."""
        text = _normalise(self.typed_text())
        if not text:
            self.setDate(EMPTY)
            return
        day = self.day()
        if day is not None:
            self.setDate(qdate(day))

    def focusOutEvent(self, event: Any) -> None:
        self._take_short_form()
        super().focusOutEvent(event)

    # -- the calendar ------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        calendar = self.calendarWidget()
        if self.date() == EMPTY and calendar is not None and calendar.isVisible():
            today = date.today()  # an empty field opens the calendar on this month
            calendar.setCurrentPage(today.year, today.month)


class DateDelegate(QStyledItemDelegate):
    """A :class:`DateField` to edit a table cell holding an ISO date as text."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        return DateField(parent)

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, DateField)
        editor.set_day(parse_day(str(index.data(Qt.ItemDataRole.EditRole) or "")))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, DateField)
        day = editor.day()
        model.setData(index, day.isoformat() if day is not None else "", Qt.ItemDataRole.EditRole)
