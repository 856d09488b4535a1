"""The bar at the top of a step page and what the page does with it.

A conflict with another counter (reload, overwrite), or the database out of
reach (retry with growing delays); and what the form held, listed after a
reload (the editors' state).

Never modal: the form under it stays as the staff left it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.services.base import ConcurrentEditError, Permission
from desktop import style
from desktop.pages.texts import _t, local_when, tr_reason
from desktop.tasks import Backoff
from lending.errors import UserError

if TYPE_CHECKING:
    from desktop.context import AppContext

EDITORS = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QPlainTextEdit)
"""Widgets whose value the staff type or pick (listed after a reload)."""


class NoticeBar(QFrame):
    """The bar at the top of a page: a conflict or the database being unreachable.

    Never modal: the form under it stays as the staff left it.
    """

    CONFLICT = style.notice_frame(style.ERROR, "QFrame#notice")
    OFFLINE = style.notice_frame(style.WARNING, "QFrame#notice")
    INFO = style.notice_frame(style.INFO, "QFrame#notice")
    BACK = style.notice_frame(style.SUCCESS, "QFrame#notice")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.kind = ""
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.text)
        texts.addWidget(self.detail)
        lay.addLayout(texts, 1)
        self.buttons: list[QPushButton] = []
        self._button_row = QHBoxLayout()
        self._button_row.setSpacing(6)
        lay.addLayout(self._button_row)
        self.hide()

    def show_notice(
        self,
        kind: str,
        style: str,
        text: str,
        detail: str = "",
        buttons: Iterable[tuple[str, str, Callable[[], None]]] = (),
        focus: str | None = None,
    ) -> None:
        """``buttons``: (object name, label, slot); ``focus``: the button to focus, if any.

        Nothing takes the focus by default: the staff may be typing in the form.
        """
        self.kind = kind
        self.setStyleSheet(style)
        self.text.setText(text)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        for b in self.buttons:
            b.hide()
            b.deleteLater()
        self.buttons = []
        for name, label, slot in buttons:
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            self._button_row.addWidget(button)
            button.show()  # (a layout would show it only on the next event-loop turn)
            self.buttons.append(button)
        self.show()
        target = self.button(focus) if focus is not None else None
        if target is not None:
            target.setFocus()

    def button(self, name: str) -> QPushButton | None:
        return next((b for b in self.buttons if b.objectName() == name), None)

    def clear(self) -> None:
        self.kind = ""
        self.hide()


def _editor_in(item: Any) -> QWidget | None:
    """The first editor in a form row's field (a widget, or a layout of widgets)."""
    if item is None:
        return None
    widget = item.widget()
    if widget is not None:
        if isinstance(widget, EDITORS):
            return widget
        for child in widget.findChildren(QWidget):
            if isinstance(child, EDITORS) and not isinstance(
                child.parentWidget(), QAbstractSpinBox | QComboBox
            ):
                return child
        return None
    layout = item.layout()
    if layout is not None:
        for i in range(layout.count()):
            found = _editor_in(layout.itemAt(i))
            if found is not None:
                return found
    return None


def _shown_value(editor: QWidget) -> tuple[str, str]:
    """(value as shown, the editor's own label: a check box's text)."""
    if isinstance(editor, QCheckBox):
        return ("✓" if editor.isChecked() else "✗"), editor.text()
    if isinstance(editor, QComboBox):
        return editor.currentText(), ""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText(), ""
    if isinstance(editor, QLineEdit | QAbstractSpinBox):
        return editor.text(), ""
    return "", ""


def _editor_state(w: QWidget) -> tuple[Any, ...]:
    """What :func:`_restore_editor` puts back: value, placeholder, enabled."""
    if isinstance(w, QLineEdit):
        return (w.text(), w.placeholderText(), w.isEnabled(), w.isReadOnly())
    if isinstance(w, QCheckBox):
        return (w.isChecked(), w.isEnabled())
    if isinstance(w, QComboBox):
        return (w.currentIndex(), w.isEnabled())
    if isinstance(w, QPlainTextEdit):
        return (w.toPlainText(), w.isEnabled())
    if isinstance(w, QAbstractSpinBox):
        return (w.property("value"), w.isEnabled())
    return ()


def _restore_editor(w: QWidget, state: tuple[Any, ...]) -> None:
    if isinstance(w, QLineEdit):
        text, placeholder, enabled, read_only = state
        w.setText(text)
        w.setPlaceholderText(placeholder)
        w.setReadOnly(read_only)
    elif isinstance(w, QCheckBox):
        checked, enabled = state
        w.setChecked(checked)
    elif isinstance(w, QComboBox):
        index, enabled = state
        w.setCurrentIndex(index if index < w.count() else -1)
    elif isinstance(w, QPlainTextEdit):
        text, enabled = state
        w.setPlainText(text)
    elif isinstance(w, QAbstractSpinBox):
        value, enabled = state
        if value is not None:
            w.setProperty("value", value)
    else:
        return
    w.setEnabled(enabled)


class NoticeHandling(QWidget):
    """What a step page does with its :class:`NoticeBar`: another counter's save (reload,
    overwrite) and the database out of reach (retry with growing delays).

    The base class of :class:`desktop.pages.base.StepPage`, whose state it uses
    (``self.notice``, ``self.ctx``, the page's versions and its save): declared
    under ``TYPE_CHECKING`` below, set in ``StepPage.__init__``.
    """

    if TYPE_CHECKING:  # StepPage's, used here
        ctx: AppContext
        notice: NoticeBar
        conflict: ConcurrentEditError | None
        _versions: dict[str, tuple[int, int]]
        _consultant_id: int | None
        _autosave: QTimer
        retry_delays_ms: tuple[int, ...]
        _backoff: Backoff
        _retry_action: str
        _retry_stopped: bool
        _retry: QTimer
        _tick: QTimer
        _back_timer: QTimer

        def save(self) -> bool: ...
        def reload(self) -> None: ...
        def retry_now(self) -> None: ...
        def stop_retrying(self) -> None: ...
        def _set_dirty(self, dirty: bool) -> None: ...
        def _place_notice(self) -> None: ...

    # -- conflict ----------------------------------------------------------------
    def _show_conflict(self, exc: ConcurrentEditError) -> None:
        self._autosave.stop()
        self.conflict = exc
        self._set_dirty(True)  # what was typed is still to be saved (after a reload)
        self._conflict_notice()
        handler = getattr(self.ctx.runner, "error_handler", None)
        if not self.isVisible() and handler is not None:
            # saved on leaving the page: say so where the staff are now (the form is kept)
            handler(UserError(self.conflict_text(), code="concurrent_edit"))

    def conflict_text(self) -> str:
        """The conflict message in the user's language with the time in local time."""
        if self.conflict is None:
            return ""
        return tr_reason(self.conflict.reason_with(lambda at: local_when(at, self.ctx.language)))

    def _conflict_notice(self) -> None:
        self.notice.show_notice(
            "conflict",
            NoticeBar.CONFLICT,
            self.conflict_text(),
            _t(
                "Your changes on this page were not saved. Look at what you typed, then reload "
                "to continue from the saved version."
            ),
            [("reload", _t("Reload…"), self._confirm_reload)]
            + (
                [("overwrite", _t("Overwrite with mine…"), self._confirm_overwrite)]
                if self.may_overwrite()
                else []
            ),
        )
        self._place_notice()

    def may_overwrite(self) -> bool:
        """The consultation's own consultant, a manager or the owner may keep their form."""
        if self.ctx.can(Permission.OVERWRITE_EDITS):
            return True
        return self._consultant_id is not None and self._consultant_id == self.ctx.staff.staff_id

    def _confirm_overwrite(self) -> None:
        self._ask_on_conflict(
            "overwrite",
            _t("Save your form over the other changes?"),
            _t(
                "What the other counter saved on this page is replaced by what your form "
                "holds. Their changes on other pages stay."
            ),
            _t("Overwrite with mine"),
            self.overwrite,
        )

    def _ask_on_conflict(
        self, action: str, text: str, detail: str, yes: str, slot: Callable[[], Any]
    ) -> None:
        """The conflict bar asks before ``action`` (Cancel, focused, goes back to the bar)."""
        self.notice.show_notice(
            f"confirm_{action}",
            NoticeBar.CONFLICT,
            text,
            detail,
            [
                (f"confirm_{action}", yes, slot),
                (f"cancel_{action}", _t("Cancel"), self._conflict_notice),
            ],
            focus=f"cancel_{action}",
        )
        self._place_notice()

    def overwrite(self) -> bool:
        """Save what the form holds over the newer saved version (after a conflict)."""
        exc = self.conflict
        if exc is None or not self.may_overwrite():
            return False
        kind = exc.what or "consultation"
        if exc.record_id is not None and exc.current_version is not None:
            self._versions[kind] = (exc.record_id, exc.current_version)
        self.conflict = None
        self.notice.clear()
        self._place_notice()
        return self.save()

    def _confirm_reload(self) -> None:
        self._ask_on_conflict(
            "reload",
            _t("Reload this page with the saved version?"),
            _t(
                "What you typed on this page will be replaced by what is saved now. Note down "
                "anything you want to enter again."
            ),
            _t("Discard my changes and reload"),
            self.reload,
        )

    def _clear_conflict(self) -> None:
        if self.conflict is None and self.notice.kind not in (
            "conflict",
            "confirm_reload",
            "confirm_overwrite",
        ):
            return
        self.conflict = None
        self.notice.clear()
        self._place_notice()

    # -- connection loss -----------------------------------------------------------
    def _went_offline(self, action: str) -> None:
        self._autosave.stop()
        if self._backoff.delays_ms != self.retry_delays_ms:
            self._backoff = Backoff(self.retry_delays_ms)
        self._retry_action = action
        if action == "save":
            self._set_dirty(True)  # what the form holds is still to be saved
        if not self._retry_stopped:
            self._retry.start(self._backoff.next_ms())
            self._tick.start()
        self._show_offline()

    def _show_offline(self) -> None:
        if not self._retry_action:
            return
        if self._retry_stopped:
            detail = _t("Not trying any more. Your changes are still in the form.")
            buttons = [("retry_now", _t("Try again"), self.retry_now)]
        else:
            seconds = max(0, (self._retry.remainingTime() + 999) // 1000)
            detail = (
                _t("Trying again in {seconds} s (attempt {n}).").format(
                    seconds=seconds, n=self._backoff.attempts + 1
                )
                if self._retry.isActive()
                else _t("Trying again…")
            )
            buttons = [
                ("retry_now", _t("Try now"), self.retry_now),
                ("stop_retrying", _t("Stop trying"), self.stop_retrying),
            ]
        if self._retry_action == "save":
            text = _t(
                "Cannot reach the database; your changes are kept and will be saved when it "
                "is back."
            )
        else:
            text = _t("Cannot reach the database; this page will load when it is back.")
        if self.notice.kind == "offline" and self.notice.text.text() == text:
            self.notice.detail.setText(detail)  # the countdown: keep the buttons (and focus)
            if [b.objectName() for b in self.notice.buttons] == [b[0] for b in buttons]:
                return
        self.notice.show_notice("offline", NoticeBar.OFFLINE, text, detail, buttons)
        self._place_notice()

    def _back_online(self, *, saved: bool) -> None:
        was = self._retry_action
        self._retry.stop()
        self._tick.stop()
        self._retry_action = ""
        self._retry_stopped = False
        self._backoff.reset()
        if not was:
            return
        if saved:
            self.notice.show_notice(
                "back", NoticeBar.BACK, _t("The database is back; your changes were saved.")
            )
            self._back_timer.start()
        else:
            self.notice.clear()
        self._place_notice()

    def _hide_back_note(self) -> None:
        if self.notice.kind == "back":
            self.notice.clear()
            self._place_notice()
