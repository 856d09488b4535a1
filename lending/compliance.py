"""Regulatory and house rules every quote must pass.

* Rate caps: an APR above ``rate_warn_lpr_multiple`` x LPR gets a warning,
  an APR above ``apr_hard_cap_percent`` is refused (:func:`check_rate`).
* Online small loans: at most ``online_small_loan_max_amount`` and
  ``online_small_loan_max_months`` (:func:`check_online_small_loan`).
* Forbidden wording in printed text (:func:`find_forbidden_wording`).
* Debt-to-income (:func:`check_dti`; the rule alone: :func:`dti_within_limit`).

All limits come from :class:`lending.settings.LendingSettings`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from lending.errors import UserError
from lending.money import CENT, HUNDRED, format_cny
from lending.reasons import Reason
from lending.settings import DEFAULT_SETTINGS, LendingSettings

MESSAGES: dict[str, str] = {
    "rate.ok": "The APR of {apr}% is within the allowed limits.",
    "rate.warn": (
        "The APR of {apr}% is above {multiple} times the 1-year LPR ({limit}%); "
        "explain the cost carefully and get the manager's approval."
    ),
    "rate.above_lpr": (
        "The APR of this loan is {apr}%. This is above {multiple} times the 1-year LPR "
        "({limit}%) and within the legal cap of {cap}%."
    ),
    "rate.refuse": (
        "The APR of {apr}% is above the legal cap of {cap}%; this plan cannot be offered."
    ),
    "rate.negative": "The APR cannot be negative (got {apr}%).",
    "online.amount_too_high": (
        "An online small loan can be at most {max} CNY; {amount} CNY was asked for."
    ),
    "online.term_too_long": (
        "An online small loan can run at most {max} months; {months} months were asked for."
    ),
    "dti.ok": (
        "Monthly debt payments would be {ratio}% of monthly income, within the {limit}% limit."
    ),
    "dti.too_high": (
        "Monthly debt payments would be {ratio}% of monthly income, above the {limit}% limit."
    ),
    "dti.no_income": (
        "Monthly income is missing or zero, so the debt-to-income ratio cannot be checked."
    ),
    "dti.negative_amount": "Monthly payments and debts cannot be negative.",
    "wording.forbidden": "The text contains forbidden wording: {words}.",
}


# --- staff instructions never printed for a customer -------------------------

STAFF_ONLY_REASON_CODES = frozenset({"rate.warn"})
"""Reason codes whose text tells *staff* what to do (screen and audit only).

Customer documents leave them out; :func:`customer_rate_notice` states the
same fact neutrally."""

INTERNAL_INSTRUCTION_PHRASES: tuple[str, ...] = (
    # English sources
    "manager's approval",
    "get the manager",
    "explain the cost",
    "explain carefully",
    "tell the customer",
    # their Chinese translations (resources/translations/zh_CN)
    "店长审批",
    "报店长",
    "请向客户",
    "向客户详细说明",
    "经理审批",
)
"""Wording that instructs staff; no customer document may contain any of it
(the documents check every text against this one list before rendering)."""


def find_internal_instructions(text: str) -> list[str]:
    """The :data:`INTERNAL_INSTRUCTION_PHRASES` found in ``text`` (folded like wording)."""
    folded = normalise_wording(text)
    return [p for p in INTERNAL_INSTRUCTION_PHRASES if normalise_wording(p) in folded]


def customer_reasons(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    """``reasons`` without the staff-only ones (what a customer document may print)."""
    return tuple(r for r in reasons if r.code not in STAFF_ONLY_REASON_CODES)


class RateLevel(StrEnum):
    """Outcome of a rate check, ordered from best to worst."""

    OK = "ok"
    WARN = "warn"
    REFUSE = "refuse"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {RateLevel.OK: 0, RateLevel.WARN: 1, RateLevel.REFUSE: 2}


@dataclass(frozen=True)
class RateCheck:
    level: RateLevel
    reason: Reason

    @property
    def allowed(self) -> bool:
        return self.level is not RateLevel.REFUSE


def _pct(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _pct_above(value: Decimal, limit: Decimal) -> str:
    """``value`` with 2 decimals, or more when 2 would hide that it is above ``limit``."""
    for places in (CENT, Decimal("0.0001")):
        text = value.quantize(places, rounding=ROUND_HALF_UP)
        if value <= limit or text > limit:
            return str(text)
    return format(value.normalize(), "f")


def check_rate(apr_percent: Decimal, settings: LendingSettings = DEFAULT_SETTINGS) -> RateCheck:
    """Warn above ``multiple`` x LPR, refuse above the hard cap (both exclusive).

    An APR exactly at a limit passes it.  Exact comparison, no rounding; the
    message shows more than 2 decimals when that is needed to see why.
    """
    apr = _pct(apr_percent)
    if apr_percent < 0:
        return RateCheck(RateLevel.REFUSE, Reason.of(MESSAGES, "rate.negative", apr=apr))
    if apr_percent > settings.apr_hard_cap_percent:
        return RateCheck(
            RateLevel.REFUSE,
            Reason.of(
                MESSAGES,
                "rate.refuse",
                apr=_pct_above(apr_percent, settings.apr_hard_cap_percent),
                cap=_pct(settings.apr_hard_cap_percent),
            ),
        )
    if apr_percent > settings.rate_warn_percent:
        return RateCheck(
            RateLevel.WARN,
            Reason.of(
                MESSAGES,
                "rate.warn",
                apr=_pct_above(apr_percent, settings.rate_warn_percent),
                multiple=format(settings.rate_warn_lpr_multiple.normalize(), "f"),
                limit=_pct(settings.rate_warn_percent),
            ),
        )
    return RateCheck(RateLevel.OK, Reason.of(MESSAGES, "rate.ok", apr=apr))


def check_online_small_loan(
    amount: Decimal, months: int, settings: LendingSettings = DEFAULT_SETTINGS
) -> list[Reason]:
    """Every way ``amount``/``months`` break the online small-loan limits (empty when fine)."""
    found: list[Reason] = []
    if amount > settings.online_small_loan_max_amount:
        found.append(
            Reason.of(
                MESSAGES,
                "online.amount_too_high",
                max=format_cny(settings.online_small_loan_max_amount),
                amount=format_cny(amount),
            )
        )
    if months > settings.online_small_loan_max_months:
        found.append(
            Reason.of(
                MESSAGES,
                "online.term_too_long",
                max=settings.online_small_loan_max_months,
                months=months,
            )
        )
    return found


def customer_rate_notice(
    apr_percent: Decimal, settings: LendingSettings = DEFAULT_SETTINGS
) -> Reason | None:
    """The neutral fact a customer document prints for an APR above the LPR
    threshold (the APR, the threshold and the cap); None at or below it."""
    check = check_rate(apr_percent, settings)
    if check.level is not RateLevel.WARN:
        return None
    return Reason.of(
        MESSAGES,
        "rate.above_lpr",
        apr=_pct_above(apr_percent, settings.rate_warn_percent),
        multiple=format(settings.rate_warn_lpr_multiple.normalize(), "f"),
        limit=_pct(settings.rate_warn_percent),
        cap=_pct(settings.apr_hard_cap_percent),
    )


# --- forbidden wording ------------------------------------------------------

_IGNORED = re.compile(r"[\s\-‐‑‒–—―_·・]+")


def normalise_wording(text: str) -> str:
    """Fold ``text`` for matching: NFKC (full-width -> ASCII), casefold, drop
    white space, hyphens/dashes and underscores.

    "Interest - Free", "ＩＮＴＥＲＥＳＴ‑free" and "interestfree" all become
    "interestfree"; "0 首 付" becomes "0首付".
    """
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text).casefold())


def find_forbidden_wording(text: str, settings: LendingSettings = DEFAULT_SETTINGS) -> list[str]:
    """The configured forbidden words found in ``text``, in settings order, each once.

    Matching is case-, width-, white-space- and hyphen-insensitive.  Words
    that fold to the same form (e.g. "0 首付" and "0首付") are reported once,
    under the first spelling in the settings.
    """
    folded = normalise_wording(text)
    found: list[str] = []
    seen: set[str] = set()
    for word in settings.forbidden_words:
        key = normalise_wording(word)
        if key and key not in seen and _pattern(key).search(folded):
            found.append(word)
        seen.add(key)
    return found


@functools.lru_cache(maxsize=256)
def _pattern(key: str) -> re.Pattern[str]:
    # A word that starts with a digit ("0利率") must not match the tail of a
    # larger number ("10利率", "1,000 interest").
    prefix = r"(?<![0-9.,])" if key[0].isdigit() else ""
    return re.compile(prefix + re.escape(key))


class ForbiddenWordingError(UserError):
    def __init__(self, words: list[str]) -> None:
        reason = Reason.of(MESSAGES, "wording.forbidden", words=" / ".join(words))
        super().__init__(reason.render(), code="wording.forbidden")
        self.words = tuple(words)
        self.reason = reason


def assert_no_forbidden_wording(text: str, settings: LendingSettings = DEFAULT_SETTINGS) -> None:
    """Raise :class:`ForbiddenWordingError` listing every forbidden word in ``text``."""
    words = find_forbidden_wording(text, settings)
    if words:
        raise ForbiddenWordingError(words)


# --- debt to income ---------------------------------------------------------


@dataclass(frozen=True)
class DtiCheck:
    """``ratio_percent`` is rounded to 0.01 for display (None without income);
    ``ok`` is decided on the exact ratio."""

    ratio_percent: Decimal | None
    ok: bool
    reason: Reason
    limit_percent: Decimal


def dti_within_limit(
    new_monthly_payment: Decimal,
    existing_monthly_debt: Decimal,
    monthly_income: Decimal | None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> bool:
    """The debt-to-income rule alone: what :func:`check_dti` reports as ``ok``, without
    the explanation (for callers that try many plans, e.g. the demo data generator)."""
    if new_monthly_payment < 0 or existing_monthly_debt < 0:
        return False
    if monthly_income is None or monthly_income <= 0:
        return False
    debt = new_monthly_payment + existing_monthly_debt
    return debt * HUNDRED <= settings.max_dti_percent * monthly_income


def check_dti(
    new_monthly_payment: Decimal,
    existing_monthly_debt: Decimal,
    monthly_income: Decimal | None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> DtiCheck:
    """(new payment + existing monthly debt) / income <= ``max_dti_percent``.

    Zero, negative or unknown income is never ok.
    """
    limit = settings.max_dti_percent
    limit_s = _pct(limit)
    if new_monthly_payment < 0 or existing_monthly_debt < 0:
        return DtiCheck(None, False, Reason.of(MESSAGES, "dti.negative_amount"), limit)
    if monthly_income is None or monthly_income <= 0:
        return DtiCheck(None, False, Reason.of(MESSAGES, "dti.no_income"), limit)
    debt = new_monthly_payment + existing_monthly_debt
    ratio = (debt * HUNDRED / monthly_income).quantize(CENT, rounding=ROUND_HALF_UP)
    ok = dti_within_limit(new_monthly_payment, existing_monthly_debt, monthly_income, settings)
    code = "dti.ok" if ok else "dti.too_high"
    return DtiCheck(ratio, ok, Reason.of(MESSAGES, code, ratio=ratio, limit=limit_s), limit)
