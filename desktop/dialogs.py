"""Small dialogs of the shell: new consultation, settings, about."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.services import consultations, customers
from db.services.base import ValidationError
from db.services.consultations import ConsultationView
from desktop import style
from desktop.context import AppContext
from desktop.pages.texts import tr_reason
from desktop.widgets import error_label, show_message
from lending import identity


def start_consultation(
    ctx: AppContext, name: str, phone: str | None
) -> tuple[ConsultationView, bool]:
    """Worker job: reuse the customer with this mobile number, or create one; open a consultation.

    Returns the consultation and whether an existing customer was reused.
    """
    db, actor = ctx.database, ctx.staff
    with db.unit_of_work() as uow:
        existing = customers.find_customers(uow, actor, phone=phone, limit=1) if phone else []
        if existing:
            customer_id, reused = existing[0].id, True
        else:
            customer_id = customers.create_customer(uow, actor, name, phone=phone).id
            reused = False
        view = consultations.open_consultation(uow, actor, customer_id)
        uow.commit()
    return view, reused


class NewConsultationDialog(QDialog):
    """Name and mobile are enough to start; reception asks for the rest."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_view: ConsultationView | None = None
        self.reused = False
        self.setWindowTitle(self.tr("New consultation"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "Enter the customer's name and mobile number. If the mobile number "
                "belongs to a known customer, the consultation is opened for them."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("Full name as on the ID card"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11 digits, e.g. 138 1234 5678 (optional)"))
        self.name_error = error_label()
        self.phone_error = error_label()
        self.form_error = error_label()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Customer name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow("", self.phone_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Start consultation"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.name, self.phone)
        QWidget.setTabOrder(self.phone, self.ok_button)
        self.name.setFocus()

    def submit(self) -> None:
        name = self.name.text().strip()
        phone_text = self.phone.text().strip()
        show_message(self.name_error, None if name else self.tr("Enter the customer's name."))
        phone: str | None = None
        if phone_text:
            check = identity.check_mobile(phone_text)
            if not check.valid:
                show_message(self.phone_error, tr_reason(check.reason) if check.reason else "")
            else:
                show_message(self.phone_error, None)
                phone = check.normalized
        else:
            show_message(self.phone_error, None)
        if not name or self.phone_error.isVisible():
            (self.name if not name else self.phone).setFocus()
            return
        self.ok_button.setEnabled(False)
        ctx = self.ctx
        ctx.runner.run(lambda: start_consultation(ctx, name, phone), self._done, self._failed)

    def _done(self, result: tuple[ConsultationView, bool]) -> None:
        self.ok_button.setEnabled(True)
        self.result_view, self.reused = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            for key, text in exc.errors.items():
                reason: Any = exc.reasons.get(key, text)
                label = {"name": self.name_error, "phone": self.phone_error}.get(
                    key, self.form_error
                )
                show_message(label, tr_reason(reason))
            return
        raise exc


class SettingsDialog(QDialog):
    """Per-computer settings: the interface language."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(380)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        index = self.language.findData(current)
        self.language.setCurrentIndex(max(index, 0))
        note = QLabel(
            self.tr("The window is rebuilt in the new language; your open consultation stays open.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(style.HINT_TEXT)
        form = QFormLayout()
        form.addRow(self.tr("Language / 语言"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def chosen_language(self) -> str:
        """``""`` (follow the system), ``"zh_CN"`` or ``"en"``."""
        return str(self.language.currentData() or "")
