"""Home: find a customer, today's follow-ups, recent consultations, start a new one."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import ConsultationStatus
from db.services import consultations, customers, followups
from db.services.customers import CustomerView
from desktop.context import AppContext
from desktop.models import (
    ROW_ROLE,
    CustomerSearchModel,
    FollowUpModel,
    RecentConsultationsModel,
)

PHONE_RE = re.compile(r"^\+?[\d\s-]{11,16}$")
ID_RE = re.compile(r"^\d{17}[\dXx]$")
SEARCH_DELAY_MS = 300
FOLLOW_UP_DAYS_AHEAD = 7
"""Home lists follow-ups overdue, due today and due in the next week."""


def search_criteria(text: str) -> dict[str, Any]:
    """What the search box means: an ID number, a mobile number, or part of a name."""
    t = text.strip()
    compact = re.sub(r"[\s-]", "", t)
    if ID_RE.match(compact):
        return {"id_number": compact}
    if PHONE_RE.match(t) and sum(ch.isdigit() for ch in t) >= 11:
        return {"phone": compact}
    return {"name": t, "contains": True}


def _table(model: Any, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(80)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
    view.setWordWrap(False)
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


class HomePage(QWidget):
    """The start screen after login."""

    open_consultation = Signal(int)
    new_consultation = Signal()
    new_consultation_for = Signal(int)  # customer id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._search_serial = 0

        heading = _heading(self.tr("Home"))
        self.new_button = QPushButton(self.tr("New consultation"))
        self.new_button.setAutoDefault(True)
        self.new_button.setMinimumHeight(36)
        self.new_button.setToolTip(self.tr("Start with a new customer at reception (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_consultation)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.new_button)

        # --- search ------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Name, mobile number or ID number — press Ctrl+F to search")
        )
        self.search.returnPressed.connect(self.run_search)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())

        self.search_model = CustomerSearchModel(ctx.staff, self)
        self.results = _table(self.search_model, CustomerSearchModel.NAME)
        self.results.setObjectName("searchResults")
        self.results.doubleClicked.connect(self._customer_activated)
        self.results.activated.connect(self._customer_activated)
        self.search_status = QLabel()
        self.search_status.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Show full mobile and ID"))
        self.reveal_button.setAutoDefault(True)
        self.reveal_button.setToolTip(
            self.tr("Shows the selected customer's full details. Each view is recorded.")
        )
        self.reveal_button.setVisible(self.search_model.can_reveal)
        self.reveal_button.setEnabled(False)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.open_customer_button = QPushButton(self.tr("Open"))
        self.open_customer_button.setAutoDefault(True)
        self.open_customer_button.setEnabled(False)
        self.open_customer_button.clicked.connect(
            lambda: self._customer_activated(self.results.currentIndex())
        )
        self.results.selectionModel().currentRowChanged.connect(self._selection_changed)

        search_box = QGroupBox(self.tr("Find a customer"))
        sl = QVBoxLayout(search_box)
        sl.addWidget(self.search)
        sl.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addWidget(self.search_status, 1)
        row.addWidget(self.reveal_button)
        row.addWidget(self.open_customer_button)
        sl.addLayout(row)

        # --- follow-ups ----------------------------------------------------
        self.followup_model = FollowUpModel(self)
        self.followups = _table(self.followup_model, FollowUpModel.KIND)
        self.followups.setObjectName("followUps")
        # "What to do" is a sentence (a note, the follow-up's purpose): wrap it, never cut it
        self.followups.setWordWrap(True)
        self.followups.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.followups.doubleClicked.connect(self._followup_activated)
        self.followups.activated.connect(self._followup_activated)
        self.followup_empty = QLabel(self.tr("No follow-ups in the next 7 days."))
        self.done_button = QPushButton(self.tr("Mark as done"))
        self.done_button.setAutoDefault(True)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.complete_selected_followup)
        self.followups.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.done_button.setEnabled(cur.isValid())
        )
        follow_box = QGroupBox(self.tr("Follow-ups: overdue, today and the next 7 days"))
        fl = QVBoxLayout(follow_box)
        fl.addWidget(self.followups, 1)
        self.followup_status = QLabel()
        self.followup_status.setWordWrap(True)
        frow = QHBoxLayout()
        frow.addWidget(self.followup_empty)
        frow.addWidget(self.followup_status, 1)
        frow.addWidget(self.done_button)
        fl.addLayout(frow)

        # --- recent ----------------------------------------------------------
        self.recent_model = RecentConsultationsModel(self)
        self.recent = _table(self.recent_model, RecentConsultationsModel.CUSTOMER)
        self.recent.setObjectName("recentConsultations")
        self.recent.doubleClicked.connect(self._recent_activated)
        self.recent.activated.connect(self._recent_activated)
        self.recent_empty = QLabel(
            self.tr("No consultations yet. Press “New consultation” to start one.")
        )
        recent_box = QGroupBox(self.tr("Recent consultations"))
        rl = QVBoxLayout(recent_box)
        rl.addWidget(self.recent, 1)
        rl.addWidget(self.recent_empty)

        lower = QHBoxLayout()
        lower.addWidget(follow_box, 3)  # the work for today gets the room
        lower.addWidget(recent_box, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(search_box, 1)
        layout.addLayout(lower, 1)

        QWidget.setTabOrder(self.search, self.results)
        QWidget.setTabOrder(self.results, self.reveal_button)
        QWidget.setTabOrder(self.reveal_button, self.open_customer_button)
        QWidget.setTabOrder(self.open_customer_button, self.followups)
        QWidget.setTabOrder(self.followups, self.done_button)
        QWidget.setTabOrder(self.done_button, self.recent)
        QWidget.setTabOrder(self.recent, self.new_button)
        self.search_status.setText(self.tr("Type at least one character and press Enter."))

    # -- data ----------------------------------------------------------------
    def refresh(self) -> None:
        """Reload follow-ups and recent consultations (on the worker)."""
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: followups.list_due(db, actor, days_ahead=FOLLOW_UP_DAYS_AHEAD),
            self._show_followups,
        )
        self.ctx.runner.run(
            lambda: consultations.list_consultations(db, actor, limit=30), self._show_recent
        )

    def _show_followups(self, rows: list[Any]) -> None:
        self.followup_model.set_rows(rows)
        self.followup_empty.setVisible(not rows)
        self.done_button.setEnabled(False)

    def _show_recent(self, rows: list[Any]) -> None:
        self.recent_model.set_rows(rows)
        self.recent_empty.setVisible(not rows)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if not text:
            self.search_model.set_rows([])
            self.search_status.setText(self.tr("Type at least one character and press Enter."))
            return
        self._search_serial += 1
        serial = self._search_serial
        criteria = search_criteria(text)
        db, actor = self.ctx.database, self.ctx.staff
        self.search_status.setText(self.tr("Searching…"))
        self.ctx.runner.run(
            lambda: customers.find_customers(db, actor, **criteria),
            lambda rows: self._show_results(serial, rows),
        )

    def _show_results(self, serial: int, rows: list[Any]) -> None:
        if serial != self._search_serial:  # an older search finished late
            return
        self.search_model.set_rows(rows)
        self.reveal_button.setEnabled(False)
        self.open_customer_button.setEnabled(False)
        if rows:
            self.search_status.setText(
                self.tr("{count} customer(s) found. Double-click or press Enter to open.").format(
                    count=len(rows)
                )
            )
            self.results.selectRow(0)
        else:
            self.search_status.setText(
                self.tr("No customer found. Check the spelling, or start a new consultation.")
            )

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ok = current.isValid()
        self.open_customer_button.setEnabled(ok)
        if ok:
            row = current.data(ROW_ROLE)
            self.reveal_button.setEnabled(not self.search_model.is_revealed(row.id))
        else:
            self.reveal_button.setEnabled(False)

    def reveal_selected(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() or not self.search_model.can_reveal:
            return
        row = index.data(ROW_ROLE)
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: customers.get_customer(db, actor, row.id, unmasked=True), self._revealed
        )

    def _revealed(self, view: CustomerView) -> None:
        self.search_model.reveal(view)
        self.reveal_button.setEnabled(False)

    # -- activation ----------------------------------------------------------
    def _customer_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = index.data(ROW_ROLE)
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: consultations.list_consultations(
                db, actor, customer_id=row.id, status=ConsultationStatus.OPEN, limit=1
            ),
            lambda found: self._open_for_customer(row.id, found),
        )

    def _open_for_customer(self, customer_id: int, found: list[Any]) -> None:
        if found:
            self.open_consultation.emit(found[0].id)
        else:
            self.new_consultation_for.emit(customer_id)

    def _followup_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = index.data(ROW_ROLE)
        if row.consultation_id is not None:
            self.open_consultation.emit(row.consultation_id)
        else:
            self.new_consultation_for.emit(row.customer_id)

    def _recent_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_consultation.emit(index.data(ROW_ROLE).id)

    def complete_selected_followup(self) -> None:
        index = self.followups.currentIndex()
        if not index.isValid():
            return
        row = index.data(ROW_ROLE)
        from desktop.followup_dialogs import CompleteFollowUpDialog

        dialog = CompleteFollowUpDialog(self.ctx, row.id, row.customer_name, self)
        if dialog.exec():
            self._completed(row)
        self.followups.setFocus()

    def _completed(self, row: Any) -> None:
        self.followup_status.setText(
            self.tr("Follow-up with {name} marked as done.").format(name=row.customer_name)
        )
        self.refresh()
