"""Dialogs for the deliberate actions of the signing step.

* :class:`DatedConfirmDialog`: "Mark signed", "Record disbursement",
  "Record delivery" ask first, with the day it happened (default today,
  never in the future);
* :class:`UndoDialog`: a manager takes the latest of them back, with a reason;
* :class:`LenderDecisionDialog`: what the lender answered to the application;
* :class:`ManagerApprovalDialog`: on the appraisal page, a manager approves or
  refuses an override with their own user name and password (checked by
  ``db.services.staff.login``, lock-out included).

Each dialog runs its service call on ``ctx.runner`` through a job the page
hands over (so the page records the version its own write produced), shows
a refused input next to its field and closes only when the write succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.services import consultations as cs
from db.services.base import PermissionDenied, ValidationError
from db.services.staff import LoginError
from desktop.login_dialog import login_error_text
from desktop.pages.texts import tr_reason, validation_texts
from desktop.widgets import error_label, show_message

Submit = Callable[[Callable[[Any], None], Callable[[BaseException], None]], None]
"""``submit(done, failed)``: the page runs the write on its runner and calls one of them."""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _Dialog(QDialog):
    """OK / Cancel, a general error line, and a write that must succeed before closing."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.result_value: Any = None
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.general_error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ActionDialog", "Cancel")  # (tr() would use the subclass)
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._errors: dict[str, QLabel] = {}
        self._submit: Submit | None = None

    def add_field(self, key: str, label: str, widget: QWidget) -> QLabel:
        box = QVBoxLayout()
        box.addWidget(widget)
        error = error_label()
        box.addWidget(error)
        self.form.addRow(label, box)
        self._errors[key] = error
        return error

    def run_with(self, submit: Submit) -> None:
        self._submit = submit

    def values(self) -> dict[str, Any]:  # what the page's job needs
        return {}

    def local_errors(self) -> dict[str, str]:
        return {}

    def submit(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            show_message(label, "")
        local = self.local_errors()
        if local:
            self.show_errors(local)
            return
        if self._submit is None:
            self.accept()
            return
        self.ok_button.setEnabled(False)
        self._submit(self._done, self._failed)

    def _done(self, value: Any) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(validation_texts(exc))
            return
        from lending.errors import UserError

        if isinstance(exc, UserError):
            show_message(self.general_error, tr_reason(exc.message))
            return
        raise exc

    def show_errors(self, errors: dict[str, str]) -> None:
        general = []
        for key, text in errors.items():
            label = self._errors.get(key)
            if label is None:
                general.append(text)
            else:
                show_message(label, text)
        if general:
            show_message(self.general_error, "\n".join(general))


class DatedConfirmDialog(_Dialog):
    """Ask before a step that cannot be taken back by the staff themselves; the day it was."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, intro, ok_text, parent)
        self.date = QDateEdit()
        self.date.setObjectName("actionDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        self.date.setMaximumDate(_qdate(today))
        self.date.setDate(_qdate(today))
        self.add_field("on", self.tr("Date"), self.date)
        for key in ("signed_on", "stage"):
            self._errors[key] = self._errors["on"]
        self.ok_button.setDefault(True)
        self.ok_button.setFocus()

    @property
    def day(self) -> date:
        d = self.date.date()
        return date(d.year(), d.month(), d.day())


class UndoDialog(_Dialog):
    """A manager takes back the latest recorded step, saying why (audited)."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Undo: {what}").format(what=what),
            self.tr(
                "The date recorded for “{what}” is cleared and the change is written to the "
                "audit log with your name and reason."
            ).format(what=what),
            self.tr("Undo"),
            parent,
        )
        self.why = QLineEdit()
        self.why.setObjectName("undoReason")
        self.why.setMaxLength(500)
        self.why.setPlaceholderText(self.tr("Why, in a few words"))
        self.add_field("why", self.tr("Reason"), self.why)
        self._errors["stage"] = self.general_error
        self.why.setFocus()

    def local_errors(self) -> dict[str, str]:
        if len(self.why.text().strip()) < 5:
            return {"why": tr_reason("Say why this is undone (at least 5 characters).")}
        return {}


class LenderDecisionDialog(_Dialog):
    """Approved (another amount or rate if the lender changed them), declined, withdrawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("The lender's decision"),
            self.tr(
                "Record what the lender answered to the application. A customer who "
                "withdrew is not counted as declined."
            ),
            self.tr("Record"),
            parent,
        )
        self.outcome = QComboBox()
        self.outcome.setObjectName("decisionOutcome")
        self.outcome.addItem(self.tr("Choose..."), "")
        self.outcome.addItem(self.tr("Approved"), cs.DecisionOutcome.APPROVED.value)
        self.outcome.addItem(self.tr("Declined"), cs.DecisionOutcome.DECLINED.value)
        self.outcome.addItem(
            self.tr("Withdrawn by the customer"), cs.DecisionOutcome.WITHDRAWN.value
        )
        self.add_field("outcome", self.tr("Decision"), self.outcome)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Only if the lender changed it"))
        self.add_field("approved_amount", self.tr("Approved amount (CNY)"), self.amount)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(self.tr("Only if the lender changed it"))
        self.add_field("approved_rate", self.tr("Approved annual rate (%)"), self.rate)
        self.reason = QComboBox()
        self.reason.setObjectName("declineReason")
        self.reason.addItem(self.tr("Choose..."), "")
        for code in cs.DeclineReason:
            self.reason.addItem(tr_reason(cs.decline_reason_label(code)), code.value)
        self.add_field("reason_code", self.tr("Why declined"), self.reason)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("What the lender said (optional)"))
        self.add_field("note", self.tr("Note"), self.note)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(_qdate(date.today()))
        self.date.setDate(_qdate(date.today()))
        self.add_field("on", self.tr("Date"), self.date)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.outcome.setFocus()

    def _outcome_changed(self, *_: object) -> None:
        chosen = self.outcome.currentData()
        approved = chosen == cs.DecisionOutcome.APPROVED.value
        declined = chosen == cs.DecisionOutcome.DECLINED.value
        for widget in (self.amount, self.rate):
            widget.setEnabled(approved)
        self.reason.setEnabled(declined)

    def values(self) -> dict[str, Any]:
        chosen = self.outcome.currentData() or ""
        d = self.date.date()
        return {
            "outcome": chosen,
            "on": date(d.year(), d.month(), d.day()),
            "approved_amount": self.amount.text().strip() or None,
            "approved_rate": self.rate.text().strip() or None,
            "reason_code": self.reason.currentData() or None,
            "note": self.note.text().strip() or None,
        }


def change_text(percent: Any) -> str:
    """``+52.00%`` / ``-25.00%``: how far the override is from the computed value."""
    return f"{percent:+}%" if percent is not None else ""


class ManagerApprovalDialog(_Dialog):
    """User name, password and a note; Approve or Refuse.  A refusal needs the note."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Manager approval"), summary, self.tr("Approve"), parent)
        self.username = QLineEdit()
        self.username.setObjectName("approverUser")
        self.password = QLineEdit()
        self.password.setObjectName("approverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Required when refusing"))
        self.add_field("username", self.tr("Manager's user name"), self.username)
        self.add_field("password", self.tr("Password"), self.password)
        self.add_field("note", self.tr("Note"), self.note)
        box = self.findChild(QDialogButtonBox)
        assert box is not None
        self.refuse_button = box.addButton(
            self.tr("Refuse"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refuse_button.setAutoDefault(False)
        self.refuse_button.clicked.connect(self.refuse)
        self.approve = True
        self.username.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "username": self.username.text().strip(),
            "password": self.password.text(),
            "note": self.note.text().strip(),
            "approve": self.approve,
        }

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.username.text().strip():
            errors["username"] = self.tr("Enter the manager's user name.")
        if not self.password.text():
            errors["password"] = self.tr("Enter the manager's password.")
        if not self.approve and not self.note.text().strip():
            errors["note"] = self.tr("Say why the override is refused.")
        return errors

    def submit(self) -> None:  # OK = Approve
        self.approve = True
        super().submit()

    def refuse(self) -> None:
        self.approve = False
        super().submit()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, LoginError):
            show_message(self.general_error, login_error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        if isinstance(exc, PermissionDenied):
            show_message(
                self.general_error,
                self.tr(
                    "{user} may not approve overrides in this store: only a manager of the "
                    "store or the owner can."
                ).format(user=self.username.text().strip()),
            )
            self.password.clear()
            return
        super()._failed(exc)
