"""The document template every customer document derives from (pretix style).

A document class sets page size, margins and its title as attributes, builds
its ``story()`` from plain data, and :meth:`CustomerDocument.render` turns it
into PDF bytes:

* the first page carries the full letterhead (store name, address, phone,
  document title, number and date); later pages a compact running header;
* every page has a footer with "第 x 页 / 共 y 页" ("Page x of y"), written
  by :class:`NumberedCanvas` once the page count is known;
* before anything is laid out, every text of the story, the letterhead and
  the footer is checked for forbidden wording
  (:func:`lending.compliance.assert_no_forbidden_wording`); a document that
  would contain any is refused with :class:`ForbiddenWordingError`.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, ClassVar

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
)

from lending.compliance import assert_no_forbidden_wording, find_internal_instructions
from lending.reasons import Reason
from lending.schedule import RepaymentMethod
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports.formatting import formatter, normalise_language
from reports.lenders import KeptName, add_on_name, lender_name, lender_phone
from reports.pdf.data import AddOnLine, StoreInfo
from reports.pdf.fonts import FontSet, default_fonts
from reports.pdf.styles import ACCENT, MUTED, RULE, WARN, WATERMARK, stylesheet
from resources.i18n import CHINESE, Translator, translator

TR_CONTEXT = "pdf"

# Anything but digits, separators, signs and white space: text that could hold a word.
_HAS_WORDS = re.compile(r"[^0-9\s.,:%/+\-]")

# Labels built from data; translated with _t(...) at run time.
TR_STRINGS = (
    "Car loan quote",
    "Repayment plan",
    "Key facts statement",
    "Sample data — not an offer",
    "Reprint",
)

SAMPLE_WATERMARK = "Sample data — not an offer"
"""English source; the watermark prints it in the document's language on every page."""


REPRINT = "Reprint"
"""English source; a reprint is marked in the document's language (重印 / Reprint)."""


class InternalInstructionError(ValueError):
    """A customer document would print an instruction meant for staff (a bug: the
    data builders leave staff-only reasons out)."""

    def __init__(self, phrases: list[str]) -> None:
        super().__init__("internal instruction on a customer document: " + " / ".join(phrases))
        self.phrases = tuple(phrases)


class NumberedCanvas(Canvas):
    """Holds each page until the end, then writes "page x of y" on all of them."""

    def __init__(
        self,
        *args: Any,
        page_label: Callable[[int, int], str],
        font: str,
        right_x: float,
        y: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._states: list[dict[str, Any]] = []
        self._page_label = page_label
        self._label_font = font
        self._label_x = right_x
        self._label_y = y

    def showPage(self) -> None:  # ReportLab's API name
        self._states.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's private API (its page x of y recipe)

    def save(self) -> None:
        total = len(self._states)
        for state in self._states:
            self.__dict__.update(state)
            self.setFont(self._label_font, 7.5)
            self.setFillColor(MUTED)
            number: int = self._pageNumber  # type: ignore[attr-defined]  # ReportLab's private API
            self.drawRightString(self._label_x, self._label_y, self._page_label(number, total))
            super().showPage()
        super().save()


def flowable_texts(flowables: Iterable[Any]) -> Iterator[str]:
    """Every piece of text in a story: paragraphs, table cells, nested content."""
    for item in flowables:
        if item is None:
            continue
        if isinstance(item, str):
            yield item
        elif isinstance(item, Paragraph):
            yield item.getPlainText()
        elif isinstance(item, Table):
            for row in item._cellvalues:  # type: ignore[attr-defined]  # no public getter
                yield from flowable_texts(row)
        elif isinstance(item, KeepTogether):
            yield from flowable_texts(item._content)  # type: ignore[attr-defined]
        elif isinstance(item, (list, tuple)):
            yield from flowable_texts(item)
        else:
            content = getattr(item, "_content", None)
            if content is not None:
                yield from flowable_texts(content)


class CustomerDocument:
    """Base class: page geometry, fonts, translation, letterhead, footer."""

    pagesize: ClassVar[tuple[float, float]] = A4
    left_margin: ClassVar[float] = 16 * mm
    right_margin: ClassVar[float] = 16 * mm
    top_margin_first: ClassVar[float] = 31 * mm
    top_margin_later: ClassVar[float] = 22 * mm
    bottom_margin: ClassVar[float] = 18 * mm
    title: ClassVar[str] = "Document"
    """English source of the title; translated in context ``pdf``."""

    def __init__(
        self,
        *,
        store: StoreInfo,
        document_no: str,
        issued_on: date,
        lang: str | None = None,
        fonts: FontSet | None = None,
        settings: LendingSettings = DEFAULT_SETTINGS,
        reprinted_on: date | None = None,
        names: Sequence[KeptName] = (),
    ) -> None:
        self.store = store
        self.names = tuple(names)
        """Lender and add-on names as the offer kept them (else today's catalogue)."""
        self.document_no = document_no
        self.issued_on = issued_on
        self.reprinted_on = reprinted_on
        """A reprint: the day it is printed again (the document keeps ``issued_on``)."""
        self.lang = normalise_language(lang)
        self.fmt = formatter(self.lang)
        self.fonts = fonts or default_fonts()
        self.settings = settings
        self.styles = stylesheet(self.fonts)
        self.tr: Translator = translator(self.lang)

    # --- text helpers --------------------------------------------------
    def _t(self, text: str) -> str:
        return self.tr(TR_CONTEXT, text)

    def reason(self, reason: Reason) -> str:
        return reason.render(self.tr.reason)

    @property
    def zh(self) -> bool:
        return self.lang == CHINESE

    @property
    def colon(self) -> str:
        return "：" if self.zh else ": "

    @property
    def space(self) -> str:
        """Between two sentences: nothing in Chinese, a space in English."""
        return "" if self.zh else " "

    @property
    def semicolon(self) -> str:
        return "；" if self.zh else "; "

    def money(self, amount: Any) -> str:
        return self.fmt.money(amount)

    def cny(self, amount: Any) -> str:
        """An amount with its unit: "1,234.00 元" / "CNY 1,234.00"."""
        return self.fmt.cny(amount)

    def percent(self, value: Any) -> str:
        return self.fmt.percent(value)

    def plain_number(self, value: Any) -> str:
        """A limit as the owner typed it: Decimal('50.00') -> '50'."""
        text = format(value.normalize(), "f")
        return text

    def date(self, value: date | None) -> str:
        return self.fmt.date(value)

    def months(self, n: int) -> str:
        return self.fmt.months(n)

    def method(self, method: RepaymentMethod) -> str:
        return self.fmt.method(method)

    def lender_name(self, name: str | None) -> str:
        return lender_name(name, self.lang, self.names)

    def add_on_name(self, line: AddOnLine) -> str:
        """The add-on's name in the reader's language, as the offer kept it: the line's
        own two names, or (a snapshot from before the add-on catalogue) the names kept
        with the document."""
        return line.name_in(self.lang) or add_on_name(line.name, self.lang, self.names)

    def lender_phone(self, name: str | None) -> str:
        return lender_phone(name, self.names)

    def label(self, table: str, code: str | None) -> str:
        return self.fmt.label(table, code) or "-"

    def largest_payment_text(self, plan: Any) -> str:
        """Which payment affordability is checked against (a PlanSummary)."""
        return self._t(
            "The check uses this plan's largest payment: {amount} (payment {period}, due {date})."
        ).format(
            amount=self.cny(plan.largest_payment),
            period=plan.largest_period,
            date=self.date(plan.largest_due_date),
        )

    def para(self, text: str, style: str = "Normal") -> Paragraph:
        return Paragraph(escape(text), self.styles[style])

    # --- structure -----------------------------------------------------
    def story(self) -> list[Flowable]:
        raise NotImplementedError

    @property
    def title_text(self) -> str:
        return self._t(self.title)

    def page_label(self, page: int, total: int) -> str:
        return self._t("Page {page} of {pages}").format(page=page, pages=total)

    def footer_text(self) -> str:
        parts = [self.store.name]
        if self.document_no:
            parts.append(self._t("No. {number}").format(number=self.document_no))
        parts.append(self._t("Issued {date}").format(date=self.date(self.issued_on)))
        if self.reprinted_on is not None:
            parts.append(self.reprint_text())
        return "   ".join(parts)

    def reprint_text(self) -> str:
        """ "重印" / "Reprint" (the document's language) with the day it was printed again."""
        mark = self._t(REPRINT)
        return self._t("{reprint}, printed {date}").format(
            reprint=mark, date=self.date(self.reprinted_on)
        )

    def reprint_flowables(self) -> list[Flowable]:
        """A reprint says so at the top of its first page (and in every footer)."""
        if self.reprinted_on is None:
            return []
        return [self.para(self.reprint_text(), "Reprint")]

    def letterhead_texts(self) -> list[str]:
        texts = [
            self.store.name,
            *self._store_lines(),
            self.title_text,
            self.footer_text(),
            self.page_label(1, 1),
        ]
        if self.store.sample:
            texts.append(self._t(SAMPLE_WATERMARK))
        return texts

    def check_wording(self, story: list[Flowable]) -> None:
        """Refuse the document when any text in it holds forbidden wording.

        Texts are joined with a separator so that two neighbouring cells
        ("0" and "interest") never read as one phrase; pure figures
        (amounts, dates, rates) cannot hold a word and are skipped.
        """
        texts = [*self.letterhead_texts(), *flowable_texts(story)]
        worded = "\n|\n".join(t for t in texts if t and _HAS_WORDS.search(t))
        assert_no_forbidden_wording(worded, self.settings)
        internal = find_internal_instructions(worded)
        if internal:
            raise InternalInstructionError(internal)

    # --- page decoration -------------------------------------------------
    @property
    def content_width(self) -> float:
        return float(self.pagesize[0] - self.left_margin - self.right_margin)

    def _store_lines(self) -> list[str]:
        lines = []
        if self.store.address:
            lines.append(self.store.address)
        contact = []
        if self.store.phone:
            contact.append(self._t("Tel. {phone}").format(phone=self.store.phone))
        if self.store.licence_no:
            contact.append(
                self._t("Business licence No. {number}").format(number=self.store.licence_no)
            )
        if contact:
            lines.append("   ".join(contact))
        return lines

    LOGO_HEIGHT: ClassVar[float] = 12 * mm
    LOGO_MAX_WIDTH: ClassVar[float] = 30 * mm

    def draw_logo(self, canvas: Canvas, top: float) -> float:
        """The store's logo at the top left; returns the width it takes (0: none).

        A picture ReportLab cannot read is left out: the document still prints.
        """
        if not self.store.logo:
            return 0.0
        from reportlab.lib.utils import ImageReader

        try:
            image = ImageReader(io.BytesIO(self.store.logo))
            w, h = image.getSize()
        except Exception:  # a damaged picture never stops a document
            return 0.0
        if not w or not h:
            return 0.0
        height = self.LOGO_HEIGHT
        width = min(self.LOGO_MAX_WIDTH, height * w / h)
        height = width * h / w
        canvas.drawImage(
            image, self.left_margin, top + 8 - height, width=width, height=height, mask="auto"
        )
        return width + 3 * mm

    def draw_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        top = height - 14 * mm
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 5 * mm, width, 5 * mm, stroke=0, fill=1)
        left = self.left_margin + self.draw_logo(canvas, top)
        canvas.setFont(self.fonts.bold, 15)
        canvas.drawString(left, top - 4, self.store.name)
        canvas.setFont(self.fonts.regular, 8)
        canvas.setFillColor(MUTED)
        y = top - 15
        for line in self._store_lines():
            canvas.drawString(left, y, line)
            y -= 10.5
        right = width - self.right_margin
        canvas.setFillColor(ACCENT)
        canvas.setFont(self.fonts.bold, 16)
        canvas.drawRightString(right, top - 4, self.title_text)
        canvas.setFont(self.fonts.regular, 8)
        canvas.setFillColor(MUTED)
        meta = []
        if self.document_no:
            meta.append(self._t("No. {number}").format(number=self.document_no))
        meta.append(self._t("Date: {date}").format(date=self.date(self.issued_on)))
        y = top - 15
        for line in meta:
            canvas.drawRightString(right, y, line)
            y -= 10.5
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        rule_y = height - self.top_margin_first + 4 * mm
        canvas.line(self.left_margin, rule_y, right, rule_y)
        canvas.restoreState()
        self.draw_footer(canvas)

    def draw_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        right = width - self.right_margin
        y = height - 13 * mm
        canvas.saveState()
        canvas.setFont(self.fonts.bold, 9)
        canvas.setFillColor(ACCENT)
        canvas.drawString(self.left_margin, y, self.store.name)
        canvas.drawRightString(right, y, self.title_text)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(self.left_margin, y - 4, right, y - 4)
        canvas.restoreState()
        self.draw_footer(canvas)

    def draw_watermark(self, canvas: Canvas) -> None:
        """Until the owner confirms the catalogue: a large, light diagonal "sample data"
        line across the page and a red line above the footer."""
        if not self.store.sample:
            return
        width, height = self.pagesize
        text = self._t(SAMPLE_WATERMARK)  # in the document's language, as the reprint mark
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(40)
        if self.zh:
            canvas.setFont(self.fonts.bold, 40)
            canvas.drawCentredString(0, 8, text)
        else:
            canvas.setFont(self.fonts.bold, 26)
            canvas.drawCentredString(0, -28, text)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(WARN)
        canvas.setFont(self.fonts.bold, 8)
        canvas.drawCentredString(width / 2, self.bottom_margin - 4 * mm, text)
        canvas.restoreState()

    def draw_page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.draw_watermark(canvas)

    def draw_footer(self, canvas: Canvas) -> None:
        width, _ = self.pagesize
        y = self.bottom_margin - 9 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.left_margin, y + 10, width - self.right_margin, y + 10)
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.left_margin, y, self.footer_text())
        canvas.restoreState()

    # --- building ------------------------------------------------------
    def render(self) -> bytes:
        """The finished PDF; raises ForbiddenWordingError before laying anything out."""
        story = [*self.reprint_flowables(), *self.story()]
        self.check_wording(story)
        buffer = io.BytesIO()
        width, height = self.pagesize
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=self.left_margin,
            rightMargin=self.right_margin,
            topMargin=self.top_margin_later,
            bottomMargin=self.bottom_margin,
            title=f"{self.title_text} {self.document_no}".strip(),
            author=self.store.name,
            creator="LoanDesk",
            invariant=True,
            lang="zh-CN" if self.zh else "en",
        )
        frame_w = width - self.left_margin - self.right_margin
        first = Frame(
            self.left_margin,
            self.bottom_margin,
            frame_w,
            height - self.top_margin_first - self.bottom_margin,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            self.left_margin,
            self.bottom_margin,
            frame_w,
            height - self.top_margin_later - self.bottom_margin,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate(
                    id="first",
                    frames=[first],
                    onPage=self.draw_first_page,
                    onPageEnd=self.draw_page_end,
                    pagesize=self.pagesize,
                ),
                PageTemplate(
                    id="later",
                    frames=[later],
                    onPage=self.draw_later_page,
                    onPageEnd=self.draw_page_end,
                    pagesize=self.pagesize,
                ),
            ]
        )
        canvasmaker = functools.partial(
            NumberedCanvas,
            page_label=self.page_label,
            font=self.fonts.regular,
            right_x=width - self.right_margin,
            y=self.bottom_margin - 9 * mm,
        )
        doc.build([NextPageTemplate("later"), *story], canvasmaker=canvasmaker)
        return buffer.getvalue()


def escape(text: str) -> str:
    """Paragraph markup is XML-like: escape user text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
