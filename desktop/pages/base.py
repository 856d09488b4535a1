"""What every flow step page shares: loading, saving as the staff go, inline errors.

A page is a thin widget over the ``db`` services (``ctx.database``,
``ctx.staff``) and ``lending``; it never decides a business rule itself.

Saving
    :meth:`StepPage.save` first asks ``lending`` about what can be checked
    on the spot (ID, phone, VIN ...), then runs the page's service call on
    ``ctx.runner``.  A :class:`~db.services.base.ValidationError` puts each
    field's reason in red under the field and nothing is written (the
    services validate before they write).  Pages save on their own when
    the staff leave the page (``hideEvent``) and after a pause in typing
    (:data:`AUTOSAVE_MS`), so closing the window mid-consultation loses
    nothing that was valid.

    With :class:`~desktop.tasks.ImmediateRunner` ``save()`` returns whether
    the data was written.  With the threaded runner the job finishes later:
    ``save()`` returns True when the job was handed over, and errors still
    appear next to their fields when it comes back.

Two counters on one consultation (optimistic locking)
    A page remembers the ``version_id`` of the consultation (and customer)
    it was loaded with; its save job passes :meth:`StepPage.expected_version`
    to the service.  Reads never write (``db.services.base.reading``), so
    only saves change a version.  What a save of *this* window returned
    (the new version) goes into the window's
    :class:`~desktop.context.VersionBook`, so another step page's save is
    not "changed by someone else"; only another counter's save counts as a
    conflict.  A :class:`~db.services.base.ConcurrentEditError` shows
    "changed by X at T" in a bar at the top of the page; the form keeps
    every value typed, the page stops saving on its own, and "Reload"
    (after a confirmation) shows the other counter's version, listing what
    the form held.  The consultation's own consultant or a manager may
    "Overwrite" instead (after a confirmation).

One consultation per page
    Loading another consultation first puts every editor back to its
    state when the page was built (and the page's own state, see
    :meth:`StepPage._clear`), shows "Loading…" over the page until the data
    is there, and ignores the result of any earlier load or save that comes
    back late: no widget can keep a value of another consultation.

Connection loss
    A save (or load) that fails because the database cannot be reached keeps
    the form, says so in the same bar, and tries again with growing delays
    (:class:`~desktop.tasks.Backoff`); "Stop trying" cancels, "Try now" does
    not wait.  The unit of work of the failed try was rolled back, so nothing
    is half written; the retry saves what is in the form at that moment.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QMargins,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.services.base import ConcurrentEditError, Permission, ValidationError
from desktop.context import AppContext
from desktop.tasks import RETRY_DELAYS_MS, Backoff, connection_error
from lending.errors import UserError
from lending.money import MoneyError, format_cny, parse_money, rate2
from lending.reasons import Reason

TR_CONTEXT = "StepPage"
"""Translation context of the strings every page shares (conflict and connection bars)."""

AUTOSAVE_MS = 1500
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
WARN_BANNER = (
    "background: #fff4e5; color: #663c00; border: 1px solid #ffb74d; "
    "border-radius: 4px; padding: 6px;"
)
BLOCK_BANNER = (
    "background: #fdecea; color: #611a15; border: 1px solid #e57373; "
    "border-radius: 4px; padding: 6px;"
)
INFO_BANNER = (
    "background: #e8f4fd; color: #0d3c61; border: 1px solid #64b5f6; "
    "border-radius: 4px; padding: 6px;"
)


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def tr_reason(reason: Reason) -> str:
    """A lending / service reason in the user's language (context ``Reason``)."""
    return reason.render(lambda t: QCoreApplication.translate("Reason", t))


def tr_error(value: Reason | str) -> str:
    if isinstance(value, Reason):
        return tr_reason(value)
    return QCoreApplication.translate("Reason", value)


def cny(amount: Decimal | None) -> str:
    """``1,234.50`` (empty for None)."""
    return "" if amount is None else format_cny(amount)


def pct(value: Decimal | None) -> str:
    """``6.13%`` (half-up, as on paper: :func:`lending.money.rate2`); empty for None."""
    return "" if value is None else f"{rate2(value)}%"


def iso(d: date | None) -> str:
    return "" if d is None else d.isoformat()


def product_names(ctx: AppContext) -> dict[str, str]:
    """Product code -> name in the user's language (worker side: reads the catalogue)."""
    from db.services import catalogue

    cat = catalogue.load_catalogue(ctx.database, ctx.staff.store_id, include_inactive=True)
    return {
        p.code: (p.name_zh if ctx.chinese and p.name_zh else p.name) for p in cat.products
    }


def validation_errors(exc: ValidationError) -> dict[str, str]:
    """field -> translated sentence (Reasons translated, plain text as it came)."""
    out: dict[str, str] = {}
    for key, text in exc.errors.items():
        r = exc.reasons.get(key)
        out[key] = tr_reason(r) if r is not None else QCoreApplication.translate("Reason", text)
    return out


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
        editor = self.editor
        typing = editor is not None and (
            editor.hasFocus() or editor.isAncestorOf(QApplication.focusWidget())
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
        if value != value.to_integral_value() or not (
            self.minimum() <= value <= self.maximum()
        ):
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable

    def valueFromText(self, text: str) -> int:
        try:
            return int(parse_money(text.removesuffix(self.suffix()).strip()))
        except MoneyError:
            return self.value()


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


def local_when(moment: datetime, language: str) -> str:
    """A moment in this computer's time zone, as the user's language writes it.

    Today: only the time ("14:05"); another day: date and time.
    """
    local = moment.astimezone()
    locale = QLocale(language)
    fmt = QLocale.FormatType.ShortFormat
    time_text = locale.toString(QTime(local.hour, local.minute), fmt)
    if local.date() == datetime.now().astimezone().date():
        return time_text
    return f"{locale.toString(QDate(local.year, local.month, local.day), fmt)} {time_text}"



EDITORS = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QPlainTextEdit)
"""Widgets whose value the staff type or pick (listed after a reload)."""


class NoticeBar(QFrame):
    """The bar at the top of a page: a conflict or the database being unreachable.

    Never modal: the form under it stays as the staff left it.
    """

    CONFLICT = (
        "QFrame#notice { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; }"
        " QLabel { color: #611a15; }"
    )
    OFFLINE = (
        "QFrame#notice { background: #fff4e5; border: 1px solid #ffb74d; border-radius: 4px; }"
        " QLabel { color: #663c00; }"
    )
    INFO = (
        "QFrame#notice { background: #e8f4fd; border: 1px solid #64b5f6; border-radius: 4px; }"
        " QLabel { color: #0d3c61; }"
    )
    BACK = (
        "QFrame#notice { background: #edf7ed; border: 1px solid #81c784; border-radius: 4px; }"
        " QLabel { color: #1e4620; }"
    )

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
        if focus is not None and self.button(focus) is not None:
            self.button(focus).setFocus()  # type: ignore[union-attr]

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


def _versions_in(data: Any) -> dict[str, tuple[int, int]]:
    """``{"consultation": (id, version), "customer": ...}`` of the views in a result."""
    found: dict[str, tuple[int, int]] = {}
    items = data if isinstance(data, tuple) else (data,)
    for item in items:
        for kind in ("consultation", "customer"):
            view = getattr(item, kind, None)
            key, version = getattr(view, "id", None), getattr(view, "version_id", None)
            if isinstance(key, int) and isinstance(version, int):
                found.setdefault(kind, (key, version))
    return found


class StepPage(QWidget):
    """One step of the consultation flow.

    Subclasses set :attr:`step`, build their form in ``__init__`` (calling
    :meth:`add_row` for each field that can be refused), and implement
    :meth:`title`, :meth:`_fetch` / :meth:`_show` (loading) and
    :meth:`_validate_locally` / :meth:`_save_job` / :meth:`_saved` (saving).
    """

    step: ClassVar[str] = ""
    service_checks_with_local_errors: ClassVar[bool] = False
    """True when the save job runs in one rolled-back unit of work even with local
    errors (it must then raise, see ``_local_errors``), so every field's reason
    shows at once."""

    state_changed = Signal(str)
    """The step's new state (``not_started``/``in_progress``/``complete``/``blocked``)."""
    dirty_changed = Signal(bool)
    """True when there are edits not yet saved."""
    consultation_changed = Signal(object)
    """The :class:`~db.services.consultations.ConsultationView` after a save."""
    saved = Signal()
    """A save of the form came back written (the window then says "Saved.")."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.consultation_id: int | None = None
        self._dirty = False
        self._loading = False
        self._errors: dict[str, FieldError] = {}
        self._local_errors: dict[str, str] = {}
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._autosave_now)
        # optimistic locking: kind -> (row id, version the form was loaded with)
        self._versions: dict[str, tuple[int, int]] = {}
        self.conflict: ConcurrentEditError | None = None
        """The refused save's error while the page shows it (cleared by Reload)."""
        # connection loss: what to try again ("save" / "load"), when, how often
        self.retry_delays_ms: tuple[int, ...] = RETRY_DELAYS_MS
        self._backoff = Backoff(self.retry_delays_ms)
        self._retry_action = ""
        self._retry_stopped = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.retry_now)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_offline)
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.setInterval(6000)
        self._back_timer.timeout.connect(self._hide_back_note)
        self.notice = NoticeBar(self)
        self._base_margins: QMargins | None = None
        self._typed_before: dict[int, tuple[str, str]] | None = None
        # one consultation per page: the editors' first state, the load in flight
        self._defaults: list[tuple[QWidget, tuple[Any, ...]]] | None = None
        self._load_seq = 0
        self._edit_seq = 0
        self._save_in_flight = False
        self._save_again = False
        self._sent: dict[str, tuple[int, int]] = {}
        self._consultant_id: int | None = None
        self.loading = False
        """True from :meth:`load` of another consultation until its data is shown."""
        self.closed = False
        """The consultation is lost or delivered: nothing is saved (:meth:`set_closed`)."""
        self._loading_cover = QLabel(_t("Loading…"), self)
        self._loading_cover.setObjectName("loadingCover")
        self._loading_cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._loading_cover.setStyleSheet(
            "QLabel#loadingCover { background: rgba(255, 255, 255, 235); color: #455a64; "
            "font-size: 15px; }"
        )
        self._loading_cover.hide()

    # -- public API ----------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, consultation_id: int | None) -> None:
        """Show the saved state of ``consultation_id`` (resumes where staff left off).

        Only the reception page accepts ``None`` (a new customer).
        """
        if consultation_id is None:
            return
        self._autosave.stop()
        if consultation_id != self.consultation_id:
            # another consultation: nothing of the one before may stay on screen
            self._clear_conflict()
            self._back_online(saved=False)
            self.reset_form()
            self._versions = {}
            self._set_loading(True)
        self.consultation_id = consultation_id
        self.clear_errors()
        self._load_seq += 1
        seq = self._load_seq

        def loaded(data: Any) -> None:
            if seq == self._load_seq and consultation_id == self.consultation_id:
                self._loaded(data)  # a late answer of an earlier load is dropped

        def failed(exc: BaseException) -> None:
            if seq == self._load_seq and consultation_id == self.consultation_id:
                self._load_failed(exc)

        self.ctx.runner.run(lambda: self._fetch(consultation_id), loaded, failed)

    def reset_form(self) -> None:
        """Every editor as it was when the page was built, and the page's own state."""
        was = self._loading
        self._loading = True
        try:
            if self._defaults is None:
                self._defaults = [(w, _editor_state(w)) for w in self._editors()]
            for widget, state in self._defaults:
                _restore_editor(widget, state)
            self._clear()
        finally:
            self._loading = was
        self.clear_errors()
        self._set_dirty(False)

    def _editors(self) -> list[QWidget]:
        return [
            w
            for w in self.findChildren(QWidget)
            if isinstance(w, EDITORS)
            and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
        ]

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self._loading_cover.setVisible(loading)
        if loading:
            self._loading_cover.setGeometry(self.rect())
            self._loading_cover.raise_()
        # the whole page: children disabled on their own stay so when it is enabled again
        self.setEnabled(not loading)

    def focus_first_field(self) -> None:
        """The cursor in the first field that can be typed in (a page opens, a dialog closed)."""
        for w in self._editors():
            if w.isVisibleTo(self) and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus:
                if isinstance(w, QLineEdit) and w.isReadOnly():
                    continue
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def save(self) -> bool:
        """Validate and write the page; False (with reasons shown) when refused.

        While a save of this page is still on the worker, another one waits for
        it (it must expect the version the first one writes) and runs after it
        only if the form changed meanwhile.
        """
        self._autosave.stop()
        if not self._has_target() or self.closed:
            return False
        if self._save_in_flight:
            self._save_again = True
            return True
        self.clear_errors()
        local = self._validate_locally()
        if local and not self.service_checks_with_local_errors:
            self._back_online(saved=False)  # a retry waits for the staff to correct the form
            self.show_errors(local)
            return False
        self._local_errors = local
        self._sent = {}
        job = self._save_job()
        sent, self._sent = self._sent, {}
        if job is None:
            self._back_online(saved=False)
            self._set_dirty(False)
            return True
        box: dict[str, bool] = {}
        cid = self.consultation_id
        edits = self._edit_seq
        self._save_in_flight = True
        self._save_again = False

        def done(result: Any) -> None:
            box["ok"] = True
            self._save_in_flight = False
            again, self._save_again = self._save_again, False
            self._note_own_write(sent, result)
            if cid != self.consultation_id:
                return  # saved; the page shows another consultation by now
            self._remember_versions(result, replace=False)
            changed_since = edits != self._edit_seq
            if not changed_since:
                self._saved(result)  # (what was typed meanwhile is not overwritten)
            self._set_dirty(changed_since)
            self._clear_conflict()
            self._back_online(saved=True)
            self.saved.emit()
            if again and changed_since:
                self.save()

        def failed(exc: BaseException) -> None:
            box["ok"] = False
            self._save_in_flight = False
            self._save_again = False
            if cid != self.consultation_id:
                # the page moved on to another consultation: say so where the staff are
                handler = getattr(self.ctx.runner, "error_handler", None)
                if isinstance(exc, UserError) and handler is not None:
                    handler(exc)
                    return
                raise exc
            if isinstance(exc, ValidationError):
                self._back_online(saved=False)
                self.show_errors({**validation_errors(exc), **local})
            elif isinstance(exc, ConcurrentEditError):
                self._back_online(saved=False)
                self._show_conflict(exc)
            elif connection_error(exc) is not None:
                self._went_offline("save")
            else:
                raise exc

        handle = self.ctx.runner.run(job, done, failed)
        return box.get("ok", False) if handle.finished else True

    def expected_version(self, kind: str = "consultation") -> int | None:
        """The version to pass as ``expected_version`` when saving (None: not loaded).

        ``kind`` is ``"consultation"`` or ``"customer"``.  Call it while building
        the save job; a job that saves twice may call it again between the two
        (it follows this window's own saves, and is safe on the worker thread).
        """
        seen = self._versions.get(kind)
        if seen is None:
            return None
        key, version = seen
        latest = self.ctx.versions.latest(kind, key, version)
        self._sent[kind] = (key, latest)
        return latest

    def write(
        self,
        build: Callable[[int | None], Callable[[], Any]],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """A write of this consultation other than the form's save (sign, a stage, the
        lender's decision): ``build(expected_version)`` makes the job; what it wrote is
        recorded as this window's own, then ``done(result)`` or ``failed(exc)``."""
        if self.consultation_id is None:
            return
        self._sent = {}
        job = build(self.expected_version())
        sent, self._sent = self._sent, {}
        cid = self.consultation_id

        def ok(result: Any) -> None:
            self._note_own_write(sent, result)
            if cid == self.consultation_id:
                done(result)

        def bad(exc: BaseException) -> None:
            if cid == self.consultation_id:
                failed(exc)

        self.ctx.runner.run(job, ok, bad)

    def _note_own_write(self, sent: Mapping[str, tuple[int, int]], result: Any) -> None:
        """What this window's save wrote goes into the book (expected -> returned version)."""
        found = _versions_in(result)
        for kind, (key, expected) in sent.items():
            now = found.get(kind)
            if now is not None and now[0] == key:
                self.ctx.versions.advance(kind, key, expected, now[1])

    @property
    def offline(self) -> bool:
        """True while a save or load waits for the database to come back."""
        return bool(self._retry_action)

    def reload(self) -> None:
        """Drop what was typed and show the saved state (the Reload button, after confirming).

        What the staff had typed is listed afterwards where it differs from the
        saved version, so it can be entered again where it still applies.
        """
        self._autosave.stop()
        self._typed_before = self.typed_values()
        self._clear_conflict()
        self._set_dirty(False)
        if self.consultation_id is not None:
            self.load(self.consultation_id)

    def typed_values(self) -> dict[int, tuple[str, str]]:
        """The form's fields as shown: editor id -> (row label, value text)."""
        out: dict[int, tuple[str, str]] = {}
        for form in self.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole) or form.itemAt(
                    row, QFormLayout.ItemRole.SpanningRole
                )
                editor = _editor_in(field)
                if editor is None or not editor.isEnabled():
                    continue
                label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label_widget = label_item.widget() if label_item is not None else None
                label = label_widget.text() if isinstance(label_widget, QLabel) else ""
                text, own_label = _shown_value(editor)
                out[id(editor)] = ((label or own_label).rstrip(":： "), text)
        return out

    def _show_typed(self, before: dict[int, tuple[str, str]]) -> None:
        now = self.typed_values()
        lines = [
            _t("{label}: {value}").format(label=label, value=text or _t("(empty)"))
            for key, (label, text) in before.items()
            if key in now and now[key][1] != text and label
        ]
        if not lines:
            return
        self.notice.show_notice(
            "typed",
            NoticeBar.INFO,
            _t("Reloaded with the saved version. Your form held, where it differs:"),
            "\n".join(lines),
            [("hide_typed", _t("Hide"), self._hide_typed)],
        )
        self._place_notice()

    def _hide_typed(self) -> None:
        if self.notice.kind == "typed":
            self.notice.clear()
            self._place_notice()

    def retry_now(self) -> None:
        """Try the failed save (with what is in the form now) or load again."""
        self._retry.stop()
        self._tick.stop()
        self._retry_stopped = False
        action, self._retry_action = self._retry_action, ""
        if action == "save":
            if self._dirty:
                self._retry_action = "save"  # kept while the try runs (autosave stays off)
                self.save()
            else:
                self._back_online(saved=False)
        elif action == "load" and self.consultation_id is not None:
            self._retry_action = "load"
            self.load(self.consultation_id)

    def stop_retrying(self) -> None:
        """Stop trying on its own (the form keeps its values; "Try again" starts over)."""
        self._retry.stop()
        self._tick.stop()
        self._retry_stopped = True
        self._show_offline()

    # -- for subclasses --------------------------------------------------------
    def _fetch(self, consultation_id: int) -> Any:
        """Worker side of :meth:`load`: call the services, return plain data."""
        raise NotImplementedError

    def _show(self, data: Any) -> None:
        """UI side of :meth:`load`: fill the widgets (signals are blocked for dirtiness)."""
        raise NotImplementedError

    def _clear(self) -> None:
        """The page's own state back to "nothing loaded" (results, remembered data).

        Called with the editors already reset; pages that keep data besides
        their editors (the loaded views, a computed grade ...) drop it here.
        """

    def _validate_locally(self) -> dict[str, str]:
        """Errors ``lending`` can find right away (field -> translated sentence)."""
        return {}

    def _save_job(self) -> Callable[[], Any] | None:
        """The worker job that saves the page (None: nothing to save)."""
        return None

    def _saved(self, result: Any) -> None:
        """UI side after a successful save."""

    def _has_target(self) -> bool:
        """Is there something to save into (a loaded consultation)?"""
        return self.consultation_id is not None

    def _autosave_allowed(self) -> bool:
        """False when saving now would take a decision the staff must take by hand."""
        return True

    def add_row(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        widget: QWidget,
        hint: QLabel | None = None,
    ) -> FieldError:
        """A form row whose field can show its reason; ``key`` is the service's field name."""
        error = FieldError()
        error.watch(widget)
        self._errors[key] = error
        form.addRow(label, with_error(widget, error, hint))
        return error

    def error_label(self, key: str) -> FieldError:
        if key not in self._errors:
            self._errors[key] = FieldError()
        return self._errors[key]

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Put each reason under its field; reasons without a field go to ``general``."""
        general: list[str] = []
        for key, text in errors.items():
            label = self._errors.get(key) or self._errors.get(key.split("[")[0])
            if label is None:
                general.append(text)
            else:
                label.show_text(text, now=True)  # a save was refused: say why at once
        if general and "general" in self._errors:
            self._errors["general"].show_text("\n".join(general), now=True)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.show_text("")

    def shown_errors(self) -> dict[str, str]:
        """Field -> the reason now shown, or waiting for its field to be left."""
        return {
            k: v.text() or v.pending
            for k, v in self._errors.items()
            if v.isVisible() or v.text() or v.pending
        }

    def set_closed(self, closed: bool) -> None:
        """A lost or delivered consultation: edits are not saved (the window says why)."""
        self.closed = closed
        if closed:
            self._autosave.stop()
            self._set_dirty(False)

    def mark_dirty(self, *_: object) -> None:
        """Connect every editor's change signal here."""
        if self._loading or not self._has_target() or self.closed:
            return
        self._edit_seq += 1
        self._set_dirty(True)
        self._autosave.start()

    def emit_consultation(self, view: Any) -> None:
        """After a save: tell the shell the new state of this step and of the consultation."""
        steps = getattr(view, "steps", None)
        if steps:
            for s, state in steps.items():
                if str(getattr(s, "value", s)) == self.step:
                    self.state_changed.emit(str(getattr(state, "value", state)))
        self.consultation_changed.emit(view)

    # -- internals -------------------------------------------------------------
    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _loaded(self, data: Any) -> None:
        self._remember_versions(data, replace=True)
        focus_was_here = self.loading or self.isAncestorOf(self.focusWidget() or self)
        self.reset_form()  # _show starts from a blank form: nothing left from before
        self._loading = True
        try:
            self._show(data)
        finally:
            self._loading = False
        self._set_dirty(False)
        if self.loading:
            self._set_loading(False)
            if self.isVisible() and focus_was_here:
                self.focus_first_field()
        self._clear_conflict()
        self._back_online(saved=False)
        before, self._typed_before = self._typed_before, None
        if self.notice.kind == "typed":
            self.notice.clear()
            self._place_notice()
        if before:
            self._show_typed(before)

    def _load_failed(self, exc: BaseException) -> None:
        if connection_error(exc) is not None:
            self._went_offline("load")
            return
        raise exc

    def _remember_versions(self, data: Any, *, replace: bool) -> None:
        """Note the consultation / customer versions a load (or a first save) showed."""
        found = _versions_in(data)
        for item in data if isinstance(data, tuple) else (data,):
            view = getattr(item, "consultation", None)
            consultant = getattr(view, "consultant_id", None)
            if isinstance(consultant, int):
                self._consultant_id = consultant
        if replace:
            self._versions = found
        else:
            for kind, seen in found.items():
                if self._versions.get(kind, (None,))[0] != seen[0]:
                    self._versions[kind] = seen  # a new record (e.g. reception's first save)

    def _saving_paused(self) -> bool:
        """No saving on its own while a conflict is shown or the database is away."""
        return self.conflict is not None or bool(self._retry_action)

    def _autosave_now(self) -> None:
        if self._dirty and self._autosave_allowed() and not self._saving_paused():
            self.save()

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
        return tr_reason(
            self.conflict.reason_with(lambda at: local_when(at, self.ctx.language))
        )

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
            "conflict", "confirm_reload", "confirm_overwrite"
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

    # -- the bar's place -------------------------------------------------------------
    def _place_notice(self) -> None:
        """The bar sits over the top of the page; the page's layout moves down to make room."""
        lay = self.layout()
        if lay is None:
            return
        if self._base_margins is None:
            self._base_margins = lay.contentsMargins()
        m = self._base_margins
        height = 0
        if self.notice.isVisible():
            width = max(200, self.width() - 12)
            self.notice.setFixedWidth(width)
            height = self.notice.heightForWidth(width)
            if height <= 0:
                height = self.notice.sizeHint().height()
            self.notice.setGeometry(6, 6, width, height)
            self.notice.raise_()
            height += 6
        lay.setContentsMargins(m.left(), m.top() + height, m.right(), m.bottom())
        lay.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._loading_cover.isVisible():
            self._loading_cover.setGeometry(self.rect())
        if self.notice.isVisible():
            self._place_notice()

    def _enter_moves_on(self) -> None:
        """Enter in a one-line field goes to the next field (the flow runs on Tab/Enter)."""
        for edit in self.findChildren(QLineEdit):
            if edit.property("enter_wired") or isinstance(edit.parentWidget(), QAbstractSpinBox):
                continue
            edit.setProperty("enter_wired", True)
            edit.returnPressed.connect(self.focusNextChild)

    def showEvent(self, event: QShowEvent) -> None:
        self._enter_moves_on()
        # another page may have changed the consultation meanwhile: show it as saved now
        if self.consultation_id is not None and not self._dirty:
            self.load(self.consultation_id)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if (
            self._dirty
            and self._has_target()
            and self._autosave_allowed()
            and not self._saving_paused()
        ):
            self.save()
        super().hideEvent(event)
