"""The widgets of a step page's form: a field's error and hint, banners, the money spin box.

The page styles of errors and banners (``ERROR_STYLE``, the ``*_BANNER``
styles) are built from :mod:`desktop.style`; an amount typed in a field is
read with :func:`read_amount`, which refuses it in the services' words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QEvent,
    Qt,
)
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.services.messages import reason
from desktop import style
from desktop.pages.texts import tr_reason
from lending.money import MoneyError, parse_money

ERROR_STYLE = style.ERROR_TEXT
OK_STYLE = style.OK_TEXT
WARN_BANNER = style.banner(style.WARNING)
BLOCK_BANNER = style.banner(style.ERROR)
INFO_BANNER = style.banner(style.INFO)


class FieldError(QLabel):
    """The red sentence under a field; hidden while there is nothing to say.

    A live check's new error waits while the staff are still typing in the
    field (it appears when they leave it, or on Save: ``now=True``); an error
    that no longer applies goes at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor: QWidget | None = None
        self.pending = ""
        """An error waiting for the field to be left."""
        self.hide()

    def watch(self, editor: QWidget) -> None:
        """The field this sentence is about (its focus-out shows a waiting error)."""
        self.editor = editor
        editor.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut and self.pending:
            text, self.pending = self.pending, ""
            self.show_text(text, now=True)
        return False

    def show_text(self, text: str, *, now: bool = False) -> None:
        if not text:
            self.pending = ""
            self.setText("")
            self.hide()
            return
        editor, focused = self.editor, QApplication.focusWidget()
        typing = editor is not None and (
            editor.hasFocus() or (focused is not None and editor.isAncestorOf(focused))
        )
        if not now and typing and not self.isVisible():
            self.pending = text  # shown when the field is left, or on Save
            return
        self.pending = ""
        self.setText(text)
        self.setVisible(True)


class Hint(QLabel):
    """A grey / green / red line under a field; hidden while empty (takes no space)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class Banner(QLabel):
    """A coloured box for blocks, warnings and notes (hidden when empty)."""

    def __init__(self, style: str = WARN_BANNER, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(style)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def set_lines(self, lines: Iterable[str], style: str | None = None) -> None:
        items = [line for line in lines if line]
        if style is not None:
            self.setStyleSheet(style)
        self.setText("\n".join(f"• {line}" for line in items) if len(items) > 1 else "".join(items))
        self.setVisible(bool(items))


class MoneySpinBox(QSpinBox):
    """Whole yuan, typed as staff do: ``15万``, ``¥150,000``, full-width digits.

    Anything else is refused as typed (the box keeps its value): "6万" is
    60,000, never 6; "abc-5" is never 5.
    """

    def validate(self, text: str, pos: int) -> Any:
        body = text.removesuffix(self.suffix()).strip()
        if not body:
            return QValidator.State.Intermediate
        try:
            value = parse_money(body)
        except MoneyError:
            partial = unicodedata.normalize("NFKC", body)
            if all(ch.isdigit() or ch in ",.¥￥ 万元" for ch in partial):
                return QValidator.State.Intermediate  # e.g. "12." or "¥" on the way
            return QValidator.State.Invalid
        if value != value.to_integral_value() or not (self.minimum() <= value <= self.maximum()):
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable

    def valueFromText(self, text: str) -> int:
        try:
            return int(parse_money(text.removesuffix(self.suffix()).strip()))
        except MoneyError:
            return self.value()


def read_amount(text: str) -> tuple[Decimal | None, str | None]:
    """An amount in yuan as staff type it (``150,000``, ``15万``): (the amount, None), or
    (None, why not) in the user's language, in the same words as the services use."""
    try:
        value = parse_money(text)
    except MoneyError:
        return None, tr_reason(reason("money.invalid"))
    if value < 0:
        return None, tr_reason(reason("money.negative"))
    return value, None


def with_error(widget: QWidget, error: FieldError, hint: QLabel | None = None) -> QWidget:
    """The field with its error line (and an optional hint line) under it."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    if hint is not None:
        lay.addWidget(hint)
    lay.addWidget(error)
    return box


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
