"""Customer documents in the GUI: preview, print and save as PDF.

:class:`DocumentDialog` shows the quote, the repayment plan or the
disclosure sheet of a saved consultation.  The PDF is made on the worker
(``ctx.runner``) by :func:`reports.pdf.saved.make_document`, in the app's
language, from what the ``db`` services load (personal data masked, every
figure from ``lending``); the dialog never builds a document itself.

* Preview: ``QPdfView`` in multi-page mode, fit to width, "page x of y".
* Print…: the system print dialog, then every page (or the chosen range)
  rendered by QtPdf and painted onto the ``QPrinter`` on A4.
* Save as PDF…: the exact bytes of the preview, written beside the target
  and renamed into place, so a failed save leaves nothing half-written.

Saving and printing record the print and write an audit row
(``record_document_export``); the preview is then made again as a reprint.
Every document is printed from the plan's snapshot: the offer as it was shown
when the plan was saved, with its own date.

Pages add the entry point with :class:`DocumentsButton`.  Tests drive the
dialog without modal windows through :meth:`DocumentDialog.print_to`,
:meth:`DocumentDialog.save_to` and the two seams :meth:`ask_printer` and
:meth:`ask_save_path`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QMargins,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.services.base import NotFound, PermissionDenied
from desktop import style
from desktop.context import AppContext
from desktop.tasks import Job, TaskHandle
from lending.compliance import ForbiddenWordingError
from lending.errors import UserError

log = logging.getLogger(__name__)

DOCUMENT_KINDS: tuple[str, ...] = ("quote", "plan", "disclosure")
"""The values of :class:`reports.pdf.saved.DocumentKind`, in the order shown."""

MAX_PRINT_DPI = 300
"""Pages are rendered at the printer's resolution, capped here: an A4 page at
1200 dpi would be a 550 MB image, while 300 dpi prints text crisply."""

ZOOM_STEP = 1.25

_ERROR_STYLE = style.banner(style.ERROR, padding=10)
_DONE_STYLE = style.OK_TEXT
_FAIL_STYLE = style.ERROR_TEXT


class DocumentDialog(QDialog):
    """Preview, print and save one consultation's customer documents."""

    generated = Signal(str)
    """A document kind whose preview is now shown."""
    generation_failed = Signal(str)
    """The plain sentence shown instead of the preview."""

    def __init__(
        self,
        ctx: AppContext,
        consultation_id: int,
        kind: str = "quote",
        *,
        plan_id: int | None = None,
        kinds: Sequence[str] = DOCUMENT_KINDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in kinds:
            raise ValueError(f"unknown document kind {kind!r}")
        self.ctx = ctx
        self.consultation_id = consultation_id
        self.plan_id = plan_id
        self.kinds = tuple(kinds)
        self._kind = kind
        self._pdfs: dict[str, bytes] = {}
        self._errors: dict[str, str] = {}
        self._retry: set[str] = set()
        """Kinds whose failure may pass on a second try (not a refusal)."""
        self._jobs: dict[str, TaskHandle] = {}
        self._recording: set[str] = set()
        self._closed = False
        """Kinds whose print is being recorded (their preview is about to become a reprint)."""
        self._buffer: QBuffer | None = None
        self._shown: str | None = None
        self.setWindowTitle(self.tr("Customer documents"))
        self.setSizeGripEnabled(True)

        # -- which document, page, zoom ------------------------------------------
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        for k in self.kinds:
            self.tabs.addTab(self.kind_label(k))
        self.tabs.setCurrentIndex(self.kinds.index(kind))
        self.page_label = QLabel()
        self.zoom_out_button = self._tool("−", self.tr("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._tool("+", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = self._tool(
            self.tr("Fit width"), self.tr("Show the whole width of the page"), self.fit_width
        )
        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.page_label)
        top.addSpacing(12)
        top.addWidget(self.zoom_out_button)
        top.addWidget(self.zoom_in_button)
        top.addWidget(self.fit_button)

        # -- preview, or what is happening instead ---------------------------------
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(16, 16, 16, 16))
        self.view.setStyleSheet(f"QPdfView {{ background: {style.PREVIEW_BACKGROUND}; }}")
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self.document.pageCountChanged.connect(self._show_page_number)

        status = QWidget()
        sl = QVBoxLayout(status)
        sl.addStretch(1)
        self.status_text = QLabel()
        self.status_text.setWordWrap(True)
        self.status_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(320)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(lambda: self.generate(again=True))
        sl.addWidget(self.status_text)
        sl.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        sl.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        sl.addStretch(2)
        sl.setContentsMargins(48, 24, 48, 24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(status)

        # -- messages after saving / printing, buttons ---------------------------------
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = self.buttons.addButton(
            self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.tabs.currentChanged.connect(self._tab_changed)
        self._fit_to_screen()
        self._update_buttons()
        self.generate()

    # -- labels --------------------------------------------------------------------
    def kind_label(self, kind: str) -> str:
        return {
            "quote": self.tr("Quote"),
            "plan": self.tr("Repayment plan"),
            "disclosure": self.tr("Disclosure sheet"),
        }[kind]

    def _tool(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = QSize(880, 900)
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(room)
        self.resize(size)

    # -- state -----------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """The document chosen now."""
        return self._kind

    def set_kind(self, kind: str) -> None:
        self.tabs.setCurrentIndex(self.kinds.index(kind))

    def pdf_bytes(self, kind: str | None = None) -> bytes | None:
        """The generated PDF of ``kind`` (default: the one chosen), None until it is ready."""
        return self._pdfs.get(kind or self._kind)

    def page_count(self) -> int:
        return self.document.pageCount() if self._shown == self._kind else 0

    def error_text(self) -> str:
        """The sentence shown instead of the preview ("" when there is none)."""
        return self._errors.get(self._kind, "")

    def busy(self) -> bool:
        return self._kind in self._jobs

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.kinds):
            self._kind = self.kinds[index]
            self._say("")
            self.generate()

    def _update_buttons(self) -> None:
        ready = (
            self._shown == self._kind
            and self._kind in self._pdfs
            and self._kind not in self._recording
        )
        for w in (
            self.print_button,
            self.save_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            w.setEnabled(ready)
        if not ready:
            self.page_label.clear()

    # -- generation (on the worker) -----------------------------------------------------
    def generate(self, *, again: bool = False) -> None:
        """Show the chosen document, making it on the worker unless it is made already."""
        kind = self._kind
        if again:
            self._pdfs.pop(kind, None)
            self._errors.pop(kind, None)
            self._retry.discard(kind)
        if kind in self._pdfs:
            self._show_pdf(kind)
            return
        if kind in self._errors:
            self._show_error(self._errors[kind])
            return
        self._show_status(
            self.tr("Preparing the {document}…").format(document=self.kind_label(kind).lower()),
            busy=True,
        )
        if kind in self._jobs:
            return
        from reports.pdf.saved import make_document

        db, actor, lang = self.ctx.database, self.ctx.staff, self.ctx.language
        cid, plan_id = self.consultation_id, self.plan_id

        def job(j: Job) -> bytes:
            j.check()
            return make_document(db, actor, cid, kind, lang, plan_id=plan_id)

        def done(pdf: bytes) -> None:
            self._jobs.pop(kind, None)
            self._pdfs[kind] = pdf
            if kind == self._kind:
                self._show_pdf(kind)

        def failed(exc: BaseException) -> None:
            self._jobs.pop(kind, None)
            self._errors[kind] = self.explain(exc)
            if not isinstance(exc, UserError):
                self._retry.add(kind)
            if kind == self._kind:
                self._show_error(self._errors[kind])

        # the job may finish at once (ImmediateRunner): remember it before running
        self._jobs[kind] = _PENDING
        handle = self.ctx.runner.run(job, done, failed, cancellable=True)
        if not handle.finished:
            self._jobs[kind] = handle

    def explain(self, exc: BaseException) -> str:
        """A plain sentence for why the document could not be made (never a traceback)."""
        if isinstance(exc, ForbiddenWordingError):
            from desktop.pages.texts import tr_reason

            return self.tr(
                "This document cannot be printed because it would contain wording that must "
                "not be used with customers: {words}. Change the product, add-on or store name "
                "that holds it, then try again."
            ).format(words=" / ".join(exc.words) or tr_reason(exc.reason))
        if isinstance(exc, NotFound):
            if exc.code == "no_plan":
                return self.tr(
                    "This consultation has no finance plan yet. Choose a plan on the Finance "
                    "plan page first, then open the documents again."
                )
            return self.tr(
                "The consultation or its plan could not be found; it may have been deleted. "
                "Reopen the consultation and try again."
            )
        if isinstance(exc, PermissionDenied):
            return self.tr("You may not print the documents of this consultation.")
        if isinstance(exc, UserError):
            return exc.message
        log.error("document generation failed", exc_info=(type(exc), exc, exc.__traceback__))
        return self.tr(
            "The document could not be made ({error}). Please try again; if it happens again, "
            "tell the store owner."
        ).format(error=_first_line(str(exc)) or type(exc).__name__)

    # -- showing -------------------------------------------------------------------------
    def _show_status(self, text: str, *, busy: bool) -> None:
        self.status_text.setStyleSheet("")
        self.status_text.setText(text)
        self.progress.setVisible(busy)
        self.retry_button.setVisible(False)
        self.stack.setCurrentIndex(1)
        self._shown = None
        self._update_buttons()

    def _show_error(self, text: str) -> None:
        self._show_status(text, busy=False)
        self.status_text.setStyleSheet(_ERROR_STYLE)
        self.retry_button.setVisible(self._kind in self._retry)
        self.generation_failed.emit(text)

    def _show_pdf(self, kind: str) -> None:
        buffer = QBuffer()
        buffer.setData(QByteArray(self._pdfs[kind]))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # closes the previous document first
        self._buffer = buffer  # QtPdf reads from it while the document is open
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            self._errors[kind] = self.tr(
                "The document was made but cannot be shown. Please try again."
            )
            self._pdfs.pop(kind, None)
            self._retry.add(kind)
            self._show_error(self._errors[kind])
            return
        self._shown = kind
        self.stack.setCurrentIndex(0)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().jump(0, QPointF())
        self._update_buttons()
        self._show_page_number()
        self.generated.emit(kind)

    def _show_page_number(self, *_: object) -> None:
        count = self.document.pageCount()
        if self._shown is None or count < 1:
            self.page_label.clear()
            return
        page = self.view.pageNavigator().currentPage() + 1
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page, count=count))

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # the factor QPdfView applies for "fit width": page width vs viewport width
            page = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
            if page > 0:
                current = max(self.view.viewport().width() - 24, 100) / page
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, 0.25), 5.0))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _say(self, text: str, *, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_DONE_STYLE if ok else _FAIL_STYLE)
        self.message.setVisible(bool(text))

    # -- printing ----------------------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)  # the PDF carries its own margins
        printer.setDocName(self.kind_label(self._kind))
        printer.setFromTo(0, 0)
        return printer

    def ask_printer(self, printer: QPrinter) -> bool:
        """The system print dialog (a seam: tests replace it)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(
            self.tr("Print {document}").format(document=self.kind_label(self._kind))
        )
        dialog.setMinMax(1, max(self.document.pageCount(), 1))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> bool:
        """Print…: ask for the printer and the pages, then print; False when nothing printed."""
        if self.page_count() < 1:
            return False
        printer = self.new_printer()
        if not self.ask_printer(printer):
            return False
        return self.print_to(printer) > 0

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """0-based page numbers the printer settings ask for (all pages by default)."""
        count = self.document.pageCount()
        every = list(range(count))
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            return [min(self.view.pageNavigator().currentPage(), count - 1)] if count else []
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [p for p in every if ranges.contains(p + 1)]
        first, last = printer.fromPage(), printer.toPage()
        if printer.printRange() == QPrinter.PrintRange.PageRange or first > 0:
            first = max(first, 1)
            last = count if last < 1 else min(last, count)
            return [p for p in every if first <= p + 1 <= last]
        return every

    def print_to(self, printer: QPrinter) -> int:
        """Paint the chosen pages onto ``printer``; the number printed (0: nothing)."""
        if self.page_count() < 1:
            return 0
        pages = self.pages_to_print(printer)
        if not pages:
            self._say(self.tr("The chosen page range holds no page of this document."), ok=False)
            return 0
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            self._say(
                self.tr(
                    "The printer could not be started. Check that it is switched on "
                    "and connected, then try again."
                ),
                ok=False,
            )
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.tabs.setEnabled(False)  # the document must not change while it prints
        failure: str | None = None
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            area = QRectF(0, 0, printer.width(), printer.height())
            for n, page in enumerate(pages):
                self._say(
                    self.tr("Printing page {page} of {count}…").format(page=n + 1, count=len(pages))
                )
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
                if n and not printer.newPage():
                    failure = self.tr("the printer refused a new page")
                    break
                points = self.document.pagePointSize(page)
                image = self.document.render(
                    page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                )
                if image.isNull():
                    failure = self.tr("page {page} could not be drawn").format(page=page + 1)
                    break
                scale = min(area.width() / points.width(), area.height() / points.height())
                w, h = points.width() * scale, points.height() * scale
                target = QRectF(
                    area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h
                )
                painter.drawImage(target, image)
        finally:
            if failure is not None:
                printer.abort()
            painter.end()
            self.tabs.setEnabled(True)
            QApplication.restoreOverrideCursor()
        if failure is not None:
            self._say(self.tr("Printing stopped: {error}").format(error=failure), ok=False)
            return 0
        self._record("print")
        where = printer.printerName() or printer.outputFileName()
        self._say(
            self.tr("Sent {count} page(s) to {printer}.").format(count=len(pages), printer=where)
            if where
            else self.tr("Sent {count} page(s) to the printer.").format(count=len(pages))
        )
        return len(pages)

    # -- saving ----------------------------------------------------------------------------
    def default_file_name(self) -> str:
        return f"loandesk-{self._kind}-{self.consultation_id:06d}.pdf"

    def ask_save_path(self) -> str | None:
        """The system save dialog (a seam: tests replace it); None when cancelled."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save {document} as").format(document=self.kind_label(self._kind)),
            str(Path(folder) / self.default_file_name()),
            self.tr("PDF document (*.pdf)"),
        )
        return name or None

    def save_as(self) -> bool:
        """Save as PDF…: ask where, then write; False when nothing was saved."""
        if self.pdf_bytes() is None or self._shown != self._kind:
            return False
        path = self.ask_save_path()
        if not path:
            return False
        return self.save_to(path)

    def save_to(self, path: str | os.PathLike[str]) -> bool:
        """Write the previewed PDF to ``path`` (".pdf" added when missing), all or nothing."""
        data = self.pdf_bytes()
        if data is None:
            return False
        out = Path(path).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        if out.is_dir():
            self._say(self.tr("{path} is a folder. Choose a file name.").format(path=out), ok=False)
            return False
        if not out.parent.is_dir():
            self._say(
                self.tr("The folder {folder} does not exist. Choose another place to save.").format(
                    folder=out.parent
                ),
                ok=False,
            )
            return False
        from db import files

        try:
            files.write_bytes(out, data)
        except files.OutputError as exc:
            error = exc.os_error
            why = (error.strerror or error) if error is not None else None
            if exc.stage == "create":
                text = self.tr(
                    "Cannot save in {folder}: {error}. Choose a folder you may write to."
                ).format(folder=out.parent, error=why)
            elif exc.stage == "write":
                text = self.tr("Could not save {path}: {error}. Nothing was written.").format(
                    path=out, error=why
                )
            else:
                text = exc.message
            self._say(text, ok=False)
            return False
        self._record("save")
        self._say(self.tr("Saved {path}").format(path=out))
        return True

    def _record(self, how: str) -> None:
        """This print (or save) and its audit row, on the worker; then the preview is made
        again, now as a reprint, so the next copy says "重印 / Reprint" with its date."""
        from reports.pdf.saved import record_document_export

        db, actor, cid, kind, plan_id = (
            self.ctx.database,
            self.ctx.staff,
            self.consultation_id,
            self._kind,
            self.plan_id,
        )
        self._recording.add(kind)
        self._update_buttons()

        def again() -> None:
            self._recording.discard(kind)
            if self._closed:
                return
            self._pdfs.pop(kind, None)
            if kind == self._kind:
                self.generate()

        def done(_printed: object) -> None:
            again()

        def failed(exc: BaseException) -> None:
            log.warning("could not record the document export: %s", exc)
            again()

        self.ctx.runner.run(
            lambda: record_document_export(db, actor, cid, kind, how=how, plan_id=plan_id),
            done,
            failed,
        )

    # -- closing ---------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._closed = True
        for handle in list(self._jobs.values()):
            if isinstance(handle, TaskHandle):
                handle.cancel()
        self._jobs.clear()
        self.document.close()
        super().done(result)


def _first_line(text: str, limit: int = 160) -> str:
    """The gist of an unexpected error (database errors carry whole SQL statements)."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


_PENDING: Any = object()
"""Placeholder while a job is handed to the runner (it may finish before ``run`` returns)."""


class DocumentsButton(QPushButton):
    """ "Documents" with a menu of the customer documents; opens :class:`DocumentDialog`.

    ``page`` is a step page (``ctx``, ``consultation_id``, ``dirty``, ``save()``):
    unsaved edits are saved first so the documents show what is on the screen.
    """

    def __init__(
        self, page: Any, kinds: Sequence[str] = DOCUMENT_KINDS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.kinds = tuple(kinds)
        self.dialog: DocumentDialog | None = None
        self.setText(self.tr("Customer documents"))
        self.setToolTip(self.tr("Preview, print or save the customer's documents"))
        self.setAutoDefault(False)
        menu = QMenu(self)
        labels = {
            "quote": self.tr("Quote…"),
            "plan": self.tr("Repayment plan…"),
            "disclosure": self.tr("Disclosure sheet…"),
        }
        self.actions_by_kind = {}
        for kind in self.kinds:
            action = menu.addAction(labels[kind])
            action.triggered.connect(lambda _=False, k=kind: self.open_document(k))
            self.actions_by_kind[kind] = action
        self.setMenu(menu)

    def open_document(self, kind: str) -> DocumentDialog | None:
        page = self.page
        if page.consultation_id is None:
            return None
        if getattr(page, "dirty", False):
            page.save()  # queued before the document job on the one worker
        if self.dialog is not None:
            self.dialog.close()
        dialog = DocumentDialog(
            page.ctx, page.consultation_id, kind, kinds=self.kinds, parent=self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: DocumentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
