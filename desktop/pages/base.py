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

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import (
    QMargins,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from db.services.base import ConcurrentEditError, ValidationError
from desktop import style
from desktop.context import AppContext
from desktop.pages.fields import FieldError, with_error
from desktop.pages.notice import (
    EDITORS,
    NoticeBar,
    NoticeHandling,
    _editor_in,
    _editor_state,
    _restore_editor,
    _shown_value,
)
from desktop.pages.texts import _t, validation_texts
from desktop.tasks import RETRY_DELAYS_MS, Backoff, connection_error
from lending.errors import UserError

AUTOSAVE_MS = 1500


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


class StepPage(NoticeHandling):
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
            "QLabel#loadingCover { background: rgba(255, 255, 255, 235); "
            f"color: {style.SLATE}; font-size: 15px; }}"
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
                self.show_errors({**validation_texts(exc), **local})
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
