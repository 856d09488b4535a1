"""What the step pages say: reasons, money, rates, dates and times in the user's language.

Every figure a page shows is formatted here with ``lending.money`` (one
formatter for screen and paper); every reason a service or ``lending``
gives is translated here (context ``Reason``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QTime,
)

from db.services.base import ValidationError
from desktop.context import AppContext
from lending.money import format_cny, rate2
from lending.reasons import Reason

TR_CONTEXT = "StepPage"
"""Translation context of the strings every page shares (conflict and connection bars)."""


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def tr_reason(reason: Reason | str) -> str:
    """A lending / service reason in the user's language (context ``Reason``), the stored
    codes among its parameters (a method, a product kind...) shown as their labels."""
    if isinstance(reason, Reason):
        from desktop.labels import readable

        return readable(reason).render(lambda t: QCoreApplication.translate("Reason", t))
    return QCoreApplication.translate("Reason", reason)


def cny(amount: Decimal | None) -> str:
    """``1,234.50`` (empty for None)."""
    return "" if amount is None else format_cny(amount)


def pct(value: Decimal | None) -> str:
    """``6.13%`` (half-up, as on paper: :func:`lending.money.rate2`); empty for None."""
    return "" if value is None else f"{rate2(value)}%"


def iso(d: date | None) -> str:
    return "" if d is None else d.isoformat()


def product_names(ctx: AppContext) -> dict[str, str]:
    """Product code -> name in the user's language (worker side: reads the catalogue)."""
    from db.services import catalogue

    cat = catalogue.load_catalogue(ctx.database, ctx.staff.store_id, include_inactive=True)
    return {p.code: (p.name_zh if ctx.chinese and p.name_zh else p.name) for p in cat.products}


def validation_texts(exc: ValidationError) -> dict[str, str]:
    """A service's refusal per field, in the user's language (its Reasons where it has them)."""
    return {key: tr_reason(exc.reasons.get(key) or text) for key, text in exc.errors.items()}


def local_when(moment: datetime, language: str) -> str:
    """A moment in this computer's time zone, as the user's language writes it.

    Today: only the time ("14:05"); another day: date and time.
    """
    local = moment.astimezone()
    locale = QLocale(language)
    fmt = QLocale.FormatType.ShortFormat
    time_text = locale.toString(QTime(local.hour, local.minute), fmt)
    if local.date() == datetime.now().astimezone().date():
        return time_text
    return f"{locale.toString(QDate(local.year, local.month, local.day), fmt)} {time_text}"
