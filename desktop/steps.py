"""The step list on the left and the consultation view around the five pages.

Pages come from ``desktop.pages.PAGES`` (another module's job): classes with

* ``step``: the ``db.models.enums.Step`` value they edit;
* ``__init__(ctx: AppContext, parent=None)``;
* ``load(consultation_id: int | None)`` (``None``: a new consultation, on
  the reception page only);
* ``save() -> bool`` (False: the page shows what is wrong; nothing saved);
* ``state_changed`` signal (any arguments): the step's state may have
  changed, the shell reloads the states from the database;
* optionally ``consultation_id`` (the reception page sets it once the
  customer and consultation are created).

A page that cannot be imported or built is shown as an error in its place
(:class:`BrokenPage`), logged, and never "saves".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import ConsultationStatus, Step, StepState
from db.services import consultations as cs
from db.services.base import Permission, ValidationError
from desktop import style
from desktop.context import AppContext
from desktop.labels import state_label, step_label
from desktop.widgets import error_label, show_message
from lending.errors import UserError

log = logging.getLogger(__name__)

STEPS: tuple[Step, ...] = tuple(Step)
STATE_COLOURS: Mapping[StepState, str] = {
    StepState.NOT_STARTED: style.GREY,
    StepState.IN_PROGRESS: style.ACCENT,
    StepState.COMPLETE: style.GREEN,
    StepState.BLOCKED: style.RED,
}
STEP_ROLE = Qt.ItemDataRole.UserRole + 10
STATE_ROLE = Qt.ItemDataRole.UserRole + 11


def state_icon(state: StepState, size: int = 22) -> QIcon:
    """A coloured badge: hollow circle, half-filled, tick, or exclamation mark."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATE_COLOURS[state])
    r = QRectF(2, 2, size - 4, size - 4)
    if state is StepState.NOT_STARTED:
        p.setPen(QPen(colour, 2))
        p.drawEllipse(r)
    elif state is StepState.IN_PROGRESS:
        p.setPen(QPen(colour, 2))
        p.drawEllipse(r)
        path = QPainterPath()
        path.moveTo(r.center())
        path.arcTo(r, 90, 180)
        path.closeSubpath()
        p.fillPath(path, QBrush(colour))
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(r)
        pen = QPen(QColor("white"), 2.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        s = size
        if state is StepState.COMPLETE:
            path = QPainterPath()
            path.moveTo(s * 0.28, s * 0.52)
            path.lineTo(s * 0.44, s * 0.68)
            path.lineTo(s * 0.72, s * 0.36)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        else:
            p.drawLine(int(s / 2), int(s * 0.28), int(s / 2), int(s * 0.58))
            p.drawPoint(int(s / 2), int(s * 0.74))
    p.end()
    return QIcon(pix)


class StepList(QListWidget):
    """The five steps with their state; any step can be chosen."""

    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setIconSize(QSize(22, 22))
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(210)
        self.setMaximumWidth(260)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "QListWidget#stepList { outline: 0; }"
            "QListWidget#stepList::item { padding: 4px; border-left: 4px solid transparent; }"
            f"QListWidget#stepList::item:selected {{ background: {style.SELECTION};"
            f" color: {style.INFO.text}; border-left: 4px solid {style.ACCENT}; }}"
        )
        self._states: dict[Step, StepState] = {}
        for step in STEPS:
            item = QListWidgetItem()
            item.setData(STEP_ROLE, step.value)
            item.setSizeHint(QSize(200, 52))
            self.addItem(item)
        self.set_states({s: StepState.NOT_STARTED for s in STEPS})
        self.currentRowChanged.connect(self._row_changed)
        self._quiet = False

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(STEPS) and not self._quiet:
            self.step_chosen.emit(STEPS[row].value)

    def set_states(self, states: Mapping[Step, StepState | str]) -> None:
        for row, step in enumerate(STEPS):
            state = StepState(states.get(step, StepState.NOT_STARTED))
            self._states[step] = state
            item = self.item(row)
            item.setText(f"{row + 1}. {step_label(step)}\n{state_label(state)}")
            item.setIcon(state_icon(state))
            item.setData(STATE_ROLE, state.value)
            item.setToolTip(state_label(state))

    def step_state(self, step: Step | str) -> StepState:
        """The state the list shows for ``step`` (``state()`` is QAbstractItemView's)."""
        return self._states[Step(step)]

    def select_step(self, step: Step | str) -> None:
        self._quiet = True
        try:
            self.setCurrentRow(STEPS.index(Step(step)))
        finally:
            self._quiet = False

    def set_enabled_steps(self, enabled: set[Step]) -> None:
        for row, step in enumerate(STEPS):
            item = self.item(row)
            flags = item.flags()
            if step in enabled:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            else:
                item.setFlags(flags & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))


class BrokenPage(QWidget):
    """Stands where a step page could not be built: says so, and never pretends to save.

    The error is logged with its traceback (for whoever looks after the
    program) and shown in words to the staff; :meth:`save` is False, so the
    flow does not move on as if the step had been saved.
    """

    state_changed = Signal(str)

    def __init__(self, step: Step, error: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self.error = error
        self.consultation_id: int | None = None
        self.dirty = False
        log.error("the %s page could not be built", step.value, exc_info=error)
        label = QLabel(
            self.tr(
                "The “{step}” step could not be opened because of an error in the program "
                "({error}). Nothing on this step can be saved. Please tell the person who "
                "looks after LoanDesk."
            ).format(step=step_label(step), error=type(error).__name__)
        )
        label.setObjectName("brokenPage")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet(f"QLabel#brokenPage {{ color: {style.RED}; font-size: 14px; }}")
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def load(self, consultation_id: int | None) -> None:
        self.consultation_id = consultation_id

    def save(self) -> bool:
        return False


def load_page_classes() -> dict[Step, Any]:
    """The step pages by step (an import error is raised: the window shows it per step)."""
    from desktop.pages import PAGES

    return {Step(cls.step): cls for cls in PAGES}


def _make_page(cls: Any, ctx: AppContext, step: Step) -> QWidget:
    try:
        page: QWidget = cls(ctx)
    except Exception as exc:  # a bug in one page must not take the others down
        return BrokenPage(step, exc)
    return page


class FlowView(QWidget):
    """Header + step list + the pages + Back / Save / Next."""

    state_refresh_needed = Signal()
    step_shown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.consultation_id: int | None = None
        self.closed = False
        self.step_requested: Callable[[Step], None] = self.show_step
        """What choosing a step in the list does (the main window sets its own, which asks
        about unsaved changes first)."""

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.lost_button = QPushButton(self.tr("Mark lost…"))
        self.lost_button.setObjectName("markLost")
        self.lost_button.setVisible(False)  # shown once a consultation is loaded
        self.lost_button.setToolTip(
            self.tr("The customer will not go on: record why (price, lender, bought elsewhere…)")
        )
        self.followup_button = QPushButton(self.tr("Add follow-up…"))
        self.followup_button.setObjectName("addFollowUp")
        self.followup_button.setToolTip(self.tr("When to contact this customer again, and why"))
        self.followup_button.setVisible(False)  # shown once a consultation is loaded
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.setToolTip(self.tr("The customer is back: continue this consultation"))
        self.reopen_button.setVisible(False)
        self.lost_banner = QLabel()
        self.lost_banner.setObjectName("lostBanner")
        self.lost_banner.setWordWrap(True)
        self.lost_banner.setStyleSheet(style.banner(style.NEUTRAL, "QLabel#lostBanner"))
        self.lost_banner.setVisible(False)
        self.blocked_banner = QLabel()
        self.blocked_banner.setObjectName("blockedBanner")
        self.blocked_banner.setWordWrap(True)
        self.blocked_banner.setStyleSheet(style.banner(style.ERROR, "QLabel#blockedBanner"))
        self.blocked_banner.setVisible(False)
        self.warning_banner = QLabel()
        self.warning_banner.setObjectName("warningBanner")
        self.warning_banner.setWordWrap(True)
        self.warning_banner.setStyleSheet(style.banner(style.WARNING, "QLabel#warningBanner"))
        self.warning_banner.setVisible(False)

        self.steps = StepList()
        self.pages = QStackedWidget()
        self.pages.setObjectName("stepPages")
        try:
            classes = load_page_classes()
            missing: BaseException | None = None
        except Exception as exc:  # the pages' module itself is broken: every step says so
            classes, missing = {}, exc
        self.page_for: dict[Step, QWidget] = {}
        for step in STEPS:
            cls = classes.get(step)
            page = (
                _make_page(cls, ctx, step)
                if cls is not None
                else BrokenPage(step, missing or LookupError(f"no page for {step.value}"))
            )
            self.page_for[step] = page
            self.pages.addWidget(page)
            signal = getattr(page, "state_changed", None)
            if signal is not None:
                signal.connect(self._page_state_changed)

        self.back_button = QPushButton(self.tr("« Previous step"))
        self.save_button = QPushButton(self.tr("Save"))
        self.next_button = QPushButton(self.tr("Save and next step »"))
        for b in (self.back_button, self.save_button, self.next_button):
            b.setAutoDefault(True)
            b.setMinimumHeight(32)
        self.next_button.setDefault(True)
        self.next_button.setToolTip(self.tr("Ctrl+Enter"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))

        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.save_button)
        nav.addWidget(self.next_button)

        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(nav)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Steps")))
        left.addWidget(self.steps, 1)
        body.addLayout(left)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        body.addWidget(line)
        body.addLayout(right, 1)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.followup_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.lost_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.lost_banner)
        layout.addWidget(self.blocked_banner)
        layout.addWidget(self.warning_banner)
        layout.addLayout(body, 1)

        self.steps.select_step(Step.RECEPTION)
        self.steps.step_chosen.connect(self._step_chosen)

    # -- helpers -------------------------------------------------------------
    @property
    def current_step(self) -> Step:
        return STEPS[self.pages.currentIndex()]

    def current_page(self) -> QWidget:
        return self.page_for[self.current_step]

    def show_step(self, step: Step | str) -> None:
        step = Step(step)
        page = self.page_for[step]
        self.pages.setCurrentWidget(page)
        focus = getattr(page, "focus_first_field", None)
        if focus is not None and self.isVisible():
            focus()  # the cursor in the step's first field
        self.steps.select_step(step)
        self.back_button.setEnabled(step is not STEPS[0])
        last = step is STEPS[-1]
        self._update_next_text()
        self.save_button.setVisible(not last)
        self.step_shown.emit(step.value)

    def _page_state_changed(self, *_args: Any) -> None:
        page = self.sender()
        cid = getattr(page, "consultation_id", None)
        if self.consultation_id is None and isinstance(cid, int):
            self.adopt(cid)
        self.state_refresh_needed.emit()

    def adopt(self, consultation_id: int) -> None:
        """The reception page created the consultation: load the other pages."""
        self.consultation_id = consultation_id
        for step, page in self.page_for.items():
            if step is not Step.RECEPTION:
                page.load(consultation_id)  # type: ignore[attr-defined]
        self.steps.set_enabled_steps(set(STEPS))

    def save_current(self) -> bool:
        page = self.current_page()
        ok = bool(page.save())  # type: ignore[attr-defined]
        if ok and self.consultation_id is None:
            cid = getattr(page, "consultation_id", None)
            if isinstance(cid, int):
                self.adopt(cid)
        if ok:
            self.state_refresh_needed.emit()
        return ok

    def _step_chosen(self, step: str) -> None:
        # switching is always allowed (staff may go back to any step); the
        # window asks about unsaved errors before calling show_step
        self.step_requested(Step(step))

    def set_header(self, title: str, blocked: list[str], warnings: list[str]) -> None:
        self.title.setText(title)
        self.blocked_banner.setText("\n".join(blocked))
        self.blocked_banner.setVisible(bool(blocked))
        self.warning_banner.setText("\n".join(warnings))
        self.warning_banner.setVisible(bool(warnings))

    def set_status(self, view: cs.ConsultationView) -> None:
        """Lost or not: the banner with the reason, and Mark lost / Reopen."""
        lost = view.status is ConsultationStatus.LOST
        delivered = view.status is ConsultationStatus.DELIVERED
        self.lost_button.setVisible(not lost and not delivered)
        self.reopen_button.setVisible(lost)
        self.followup_button.setVisible(True)
        self.set_closed(lost or delivered)
        if not lost:
            self.lost_banner.setVisible(False)
            return
        why = lost_reason_text(view.lost_reason_code) if view.lost_reason_code else ""
        note = view.lost_note
        if why and note:
            why = self.tr("{category} — {note}").format(category=why, note=note)
        elif not why:
            why = note or self.tr("no reason given")
        when = view.lost_at.astimezone().strftime("%Y-%m-%d") if view.lost_at else ""
        self.lost_banner.setText(
            self.tr("Lost on {date}: {reason}. Press Reopen if the customer comes back.").format(
                date=when, reason=why
            )
        )
        self.lost_banner.setVisible(True)

    def set_closed(self, closed: bool) -> None:
        """A lost or delivered consultation is read-only: nothing on its pages saves."""
        self.closed = closed
        for page in self.page_for.values():
            setter = getattr(page, "set_closed", None)
            if setter is not None:
                setter(closed)
        self.save_button.setEnabled(not closed)
        self._update_next_text()

    def _update_next_text(self) -> None:
        last = self.current_step is STEPS[-1]
        if getattr(self, "closed", False):
            self.next_button.setText(self.tr("Next step »"))
            self.next_button.setEnabled(not last)
        else:
            self.next_button.setText(self.tr("Save") if last else self.tr("Save and next step »"))
            self.next_button.setEnabled(True)

    def page_index(self, step: Step) -> QModelIndex:
        return self.steps.model().index(STEPS.index(step), 0)


def lost_reason_text(code: str) -> str:
    """A lost-reason category in the interface language."""
    try:
        label = cs.lost_reason_label(code)
    except ValueError:
        return code
    return label.render(lambda t: QCoreApplication.translate("Reason", t))


class LostDialog(QDialog):
    """Why the customer was lost: a category, and a note (required for "Other")."""

    def __init__(
        self,
        ctx: AppContext,
        consultation_id: int,
        parent: QWidget | None = None,
        *,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.consultation_id = consultation_id
        self.expected_version = expected_version
        self.result_view: cs.ConsultationView | None = None
        self.setWindowTitle(self.tr("Mark the consultation lost"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "Record why the customer will not go on. The owner's report counts the "
                "reasons; the consultation can be reopened later."
            )
        )
        intro.setWordWrap(True)
        self.category = QComboBox()
        self.category.addItem(self.tr("Choose..."), "")
        for code in cs.LostReason:
            self.category.addItem(lost_reason_text(code.value), code.value)
        self.category_error = error_label()
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("In a few words (required for “Other reason”)"))
        self.note_error = error_label()
        self.general_error = error_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        cat_box = QVBoxLayout()
        cat_box.addWidget(self.category)
        cat_box.addWidget(self.category_error)
        note_box = QVBoxLayout()
        note_box.addWidget(self.note)
        note_box.addWidget(self.note_error)
        form.addRow(self.tr("Reason"), cat_box)
        form.addRow(self.tr("Note"), note_box)
        self.blacklist = QCheckBox(
            self.tr("Also put the customer's ID number and mobile on the blacklist (fraud)")
        )
        self.blacklist.setObjectName("lostBlacklist")
        self.blacklist.setVisible(False)
        self.blacklist_error = error_label()
        form.addRow("", self.blacklist)
        form.addRow("", self.blacklist_error)
        self.category.currentIndexChanged.connect(self._category_changed)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark lost"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _category_changed(self, *_: object) -> None:
        fraud = self.category.currentData() == cs.LostReason.REFUSED_FRAUD.value
        allowed = self.ctx.can(Permission.MANAGE_BLACKLIST)
        self.blacklist.setVisible(fraud and allowed)
        if not (fraud and allowed):
            self.blacklist.setChecked(False)

    def submit(self) -> None:
        for label in (
            self.category_error,
            self.note_error,
            self.general_error,
            self.blacklist_error,
        ):
            show_message(label, "")
        code = self.category.currentData() or ""
        note = self.note.text()
        listed = self.blacklist.isChecked()
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        version = self.expected_version
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: cs.mark_lost(
                db,
                actor,
                cid,
                code,
                note or None,
                add_to_blacklist=listed,
                expected_version=version,
            ),
            self._done,
            self._failed,
        )

    def _done(self, view: cs.ConsultationView) -> None:
        self.result_view = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, UserError) and not isinstance(exc, ValidationError):
            show_message(  # e.g. another counter changed it meanwhile, or not allowed
                self.general_error, QCoreApplication.translate("Reason", exc.message)
            )
            return
        if not isinstance(exc, ValidationError):
            raise exc
        targets = {
            "lost_reason_code": self.category_error,
            "lost_reason": self.note_error,
            "add_to_blacklist": self.blacklist_error,
        }
        for key, text in exc.errors.items():
            r = exc.reasons.get(key)
            shown = (
                r.render(lambda t: QCoreApplication.translate("Reason", t))
                if r is not None
                else QCoreApplication.translate("Reason", text)
            )
            show_message(targets.get(key, self.general_error), shown)
