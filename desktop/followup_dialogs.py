"""Follow-up dialogs: add one by hand (a day and what it is for), complete one (the outcome)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from db.services import followups
from desktop.context import AppContext
from desktop.pages.decisions import _Dialog


class AddFollowUpDialog(_Dialog):
    """A follow-up the consultant sets by hand for this consultation's customer."""

    def __init__(
        self,
        ctx: AppContext,
        customer_id: int,
        consultation_id: int | None,
        customer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Add a follow-up"),
            self.tr("When to contact {name} again, and why.").format(name=customer_name),
            self.tr("Add"),
            parent,
        )
        self.date = QDateEdit()
        self.date.setObjectName("followUpDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        tomorrow = date.today() + timedelta(days=1)
        self.date.setMinimumDate(QDate(date.today().year, date.today().month, date.today().day))
        self.date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.add_field("due", self.tr("Day"), self.date)
        self.note = QLineEdit()
        self.note.setObjectName("followUpNote")
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(self.tr("e.g. call about the bank's answer"))
        self.add_field("note", self.tr("What for"), self.note)
        self.note.setFocus()
        db, actor = ctx.database, ctx.staff

        def submit(done: Any, failed: Any) -> None:
            d = self.date.date()
            day = date(d.year(), d.month(), d.day())
            due = datetime.combine(day, time(10, 0)).astimezone()  # 10:00 local on that day
            note = self.note.text().strip()
            ctx.runner.run(
                lambda: followups.add_manual(
                    db, actor, customer_id, due, consultation_id=consultation_id, note=note
                ),
                done,
                failed,
            )

        self.run_with(submit)

    def local_errors(self) -> dict[str, str]:
        if not self.note.text().strip():
            return {"note": self.tr("Say what the follow-up is for.")}
        return {}


class CompleteFollowUpDialog(_Dialog):
    """Done: what came of it (kept with the follow-up; the owner's report counts them)."""

    def __init__(
        self, ctx: AppContext, follow_up_id: int, customer_name: str, parent: QWidget | None
    ) -> None:
        super().__init__(
            self.tr("Follow-up done"),
            self.tr("What came of the follow-up with {name}?").format(name=customer_name),
            self.tr("Mark as done"),
            parent,
        )
        self.outcome = QLineEdit()
        self.outcome.setObjectName("followUpOutcome")
        self.outcome.setMaxLength(500)
        self.outcome.setPlaceholderText(self.tr("e.g. reached, comes back on Saturday"))
        self.add_field("outcome", self.tr("Outcome"), self.outcome)
        self.outcome.setFocus()
        db, actor = ctx.database, ctx.staff

        def submit(done: Any, failed: Any) -> None:
            text = self.outcome.text().strip()
            ctx.runner.run(
                lambda: followups.complete(db, actor, follow_up_id, outcome=text), done, failed
            )

        self.run_with(submit)

    def local_errors(self) -> dict[str, str]:
        if not self.outcome.text().strip():
            return {"outcome": self.tr("Say in a few words what came of it.")}
        return {}
