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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.services.base import ValidationError
from desktop.context import AppContext
from lending.money import format_cny
from lending.reasons import Reason

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
    return "" if value is None else f"{value.quantize(Decimal('0.01'))}%"


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
    """The red sentence under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


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
        self.consultation_id = consultation_id
        self.clear_errors()
        self.ctx.runner.run(lambda: self._fetch(consultation_id), self._loaded, self._load_failed)

    def save(self) -> bool:
        """Validate and write the page; False (with reasons shown) when refused."""
        self._autosave.stop()
        if not self._has_target():
            return False
        self.clear_errors()
        local = self._validate_locally()
        if local and not self.service_checks_with_local_errors:
            self.show_errors(local)
            return False
        self._local_errors = local
        job = self._save_job()
        if job is None:
            self._set_dirty(False)
            return True
        box: dict[str, bool] = {}

        def done(result: Any) -> None:
            box["ok"] = True
            self._saved(result)
            self._set_dirty(False)

        def failed(exc: BaseException) -> None:
            box["ok"] = False
            if isinstance(exc, ValidationError):
                self.show_errors({**validation_errors(exc), **local})
            else:
                raise exc

        handle = self.ctx.runner.run(job, done, failed)
        return box.get("ok", False) if handle.finished else True

    # -- for subclasses --------------------------------------------------------
    def _fetch(self, consultation_id: int) -> Any:
        """Worker side of :meth:`load`: call the services, return plain data."""
        raise NotImplementedError

    def _show(self, data: Any) -> None:
        """UI side of :meth:`load`: fill the widgets (signals are blocked for dirtiness)."""
        raise NotImplementedError

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
                label.show_text(text)
        if general and "general" in self._errors:
            self._errors["general"].show_text("\n".join(general))

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.show_text("")

    def shown_errors(self) -> dict[str, str]:
        """Field -> the reason now shown (for tests and the shell)."""
        return {k: v.text() for k, v in self._errors.items() if v.isVisible() or v.text()}

    def mark_dirty(self, *_: object) -> None:
        """Connect every editor's change signal here."""
        if self._loading or not self._has_target():
            return
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
        self._loading = True
        try:
            self._show(data)
        finally:
            self._loading = False
        self._set_dirty(False)

    def _load_failed(self, exc: BaseException) -> None:
        raise exc

    def _autosave_now(self) -> None:
        if self._dirty and self._autosave_allowed():
            self.save()

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
        if self._dirty and self._has_target() and self._autosave_allowed():
            self.save()
        super().hideEvent(event)
