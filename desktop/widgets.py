"""Small widget helpers shared by the shell's dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop import style


def error_label() -> QLabel:
    """A red, wrapping sentence under a field; hidden while empty."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet(style.ERROR_TEXT)
    label.setVisible(False)
    return label


def fit_height(window: QWidget) -> None:
    """Grow a shown dialog so new (wrapped) messages are not squeezed or cut off."""
    layout = window.layout()
    if not window.isVisible() or layout is None:
        return
    layout.activate()
    needed = (
        layout.totalHeightForWidth(window.width())
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(window.width(), needed)


def show_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
    fit_height(label.window())


def readonly_item(text: str, data: Any = None) -> QTableWidgetItem:
    """A table cell that can be selected but not edited, with ``data`` in UserRole."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def table(headers: list[str], stretch: int) -> QTableWidget:
    """A read-only list: whole rows selected one at a time, column ``stretch`` widest."""
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.verticalHeader().setVisible(False)
    widget.setAlternatingRowColors(True)
    widget.setStyleSheet("QTableView::item { padding: 0 12px 0 0; }")
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return widget


def fill_store_choice(combo: QComboBox, stores: Sequence[Any], group: str) -> list[int | None]:
    """The group owner's store choice: ``group`` (the whole group, id None) then each
    store by name; returns the ids in the combo's order."""
    combo.clear()
    ids: list[int | None] = [None]
    combo.addItem(group)
    for store in stores:
        ids.append(store.id)
        combo.addItem(store.name)
    return ids


class JobDialog(QDialog):
    """A dialog that runs one cancellable job on the worker (export, import): a
    progress bar, Cancel while it runs and Close after it; closing cancels it.

    Subclasses set ``self.progress`` (a :class:`QProgressBar`) and keep the running
    job's handle in ``self.handle``."""

    progress: QProgressBar
    handle: Any = None

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _running(self) -> bool:
        return self.handle is not None and not self.handle.finished

    def _cancel_or_close(self) -> None:
        if self._running():
            self.handle.cancel()
            return
        self.reject()

    def reject(self) -> None:
        if self._running():
            self.handle.cancel()
        super().reject()
