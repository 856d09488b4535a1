"""How :func:`lending.products.parse_catalogue` reads catalogue JSON and what it refuses,
as Reasons a person can read.

Every problem the catalogue parser finds is recorded once, structured: the
path of the field (``products[2].fees.upfront_fee``), a stable code and its
parameters (:class:`~lending.reasons.Reason`).  The GUI and the command line
translate the Reason (the templates of :data:`MESSAGES`, context ``Reason``);
nothing downstream reads the English back.  :data:`PHRASES` is the same
problem in a developer's words (``must be at least 0, got -1``): only
:class:`~lending.products.CatalogueError`'s message and ``problems`` (logs,
tests) use it.  :class:`ObjectReader` reads one JSON object field by field
(numbers, texts, codes, lists, nested objects) and records each problem there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from lending.errors import UserError
from lending.reasons import Reason
from lending.schedule import MAX_TERM_MONTHS, RepaymentMethod

MESSAGES: dict[str, str] = {
    "catalogue.object": "This must be a record (an object), not {value}.",
    "catalogue.missing": "This is missing.",
    "catalogue.number": "{value} is not a number.",
    "catalogue.finite": "{value} is not a number.",
    "catalogue.at_least": "Enter at least {lo}, not {value}.",
    "catalogue.at_most": "Enter at most {hi}, not {value}.",
    "catalogue.whole": "{value} is not a whole number.",
    "catalogue.empty_text": "This cannot be left empty.",
    "catalogue.empty_list": "This cannot be left empty.",
    "catalogue.yes_no": "Enter yes or no, not {value}.",
    "catalogue.one_of": "{value} is not one of: {choices}.",
    "catalogue.list": "This must be a list, not {value}.",
    "catalogue.text": "This must be text, not {value}.",
    "catalogue.twice": "{value} is listed twice.",
    "catalogue.term": "A term is a whole number of months from 1 to {max}, not {value}.",
    "catalogue.order": "List each once, in increasing order.",
    "catalogue.order_fees": "List each once, in increasing order.",
    "catalogue.unknown": "This is not a field LoanDesk knows.",
    "catalogue.above_plain": "{lo_field} is above {hi_field}.",
    "catalogue.above": "{lo_field} ({lo}) is above {hi_field} ({hi}).",
    "catalogue.grade_twice": "Grade {grade} is listed twice.",
    "catalogue.rate": "The rate {rate}% for grade {grade} is outside the APR range {lo}-{hi}%.",
    "catalogue.fee_needed": "Grade {grade} needs its monthly fee rate (%).",
    "catalogue.fee_outside": ("The monthly fee {fee}% for grade {grade} is outside {lo}-{hi}%."),
    "catalogue.code": "Use lower-case letters, digits and _ (not {value}).",
    "catalogue.code_twice": "The code {value} is used twice.",
    "catalogue.terms_outside": "The terms {terms} are outside {lo}-{hi} months.",
    "catalogue.step_up_needed": "Needed when step-up is one of the repayment methods.",
    "catalogue.method_not_allowed": "Given, but {method} is not one of the repayment methods.",
    "catalogue.lender_rate_below": (
        "The lender's rate {rate}% is below the customer's rate of grade {grades}."
    ),
    "catalogue.discount": "A rate discount needs a discount above 0.",
    "catalogue.no_step_up": "Step-up repayment is not offered for consumer credit.",
}

PHRASES: Mapping[str, str] = {
    "catalogue.object": "must be an object, got {value}",
    "catalogue.missing": "is missing",
    "catalogue.number": "must be a number, got {value}",
    "catalogue.finite": "must be a finite number, got {value}",
    "catalogue.at_least": "must be at least {lo}, got {value}",
    "catalogue.at_most": "must be at most {hi}, got {value}",
    "catalogue.whole": "must be a whole number, got {value}",
    "catalogue.empty_text": "must be a non-empty text, got {value}",
    "catalogue.empty_list": "must not be empty",
    "catalogue.yes_no": "must be true or false, got {value}",
    "catalogue.one_of": "must be one of {choices}, got {value}",
    "catalogue.list": "must be a list, got {value}",
    "catalogue.text": "must be a text, got {value}",
    "catalogue.twice": "lists {value} twice",
    "catalogue.term": "must be a whole number of months 1-{max}, got {value}",
    "catalogue.order": "must be in increasing order without repeats",
    "catalogue.order_fees": "must list each term once, in increasing order",
    "catalogue.unknown": "is not a known field",
    "catalogue.above_plain": "{lo_field} is above {hi_field}",
    "catalogue.above": "{lo_field} ({lo}) is above {hi_field} ({hi})",
    "catalogue.grade_twice": "grade {grade} is listed twice",
    "catalogue.rate": "rate {rate}% for grade {grade} is outside the APR range {lo}-{hi}%",
    "catalogue.fee_needed": "grade {grade} needs monthly_fee_rate_percent",
    "catalogue.fee_outside": "monthly fee {fee}% for grade {grade} is outside {lo}-{hi}%",
    "catalogue.code": "must be lower-case letters, digits and _ (got {value})",
    "catalogue.code_twice": "code {value} is used twice",
    "catalogue.terms_outside": "terms [{terms}] are outside {lo}-{hi} months",
    "catalogue.step_up_needed": "is required when step_up is an allowed method",
    "catalogue.method_not_allowed": "is given but {method} is not an allowed method",
    "catalogue.lender_rate_below": (
        "lender_rate {rate}% is below the customer's rate of grade {grades}"
    ),
    "catalogue.discount": "must be above 0 for a rate discount",
    "catalogue.no_step_up": "step_up is not offered for consumer credit",
}
"""The developer's words for each problem (English only, never shown translated)."""


def catalogue_problem(code: str, **params: object) -> Reason:
    """The Reason of one catalogue problem (``code`` a key of :data:`MESSAGES`)."""
    return Reason.of(MESSAGES, code, **params)


def phrase(reason: Reason) -> str:
    """``reason`` in the developer's words (a Reason of another module: its template)."""
    template = PHRASES.get(reason.code)
    if template is None:
        return reason.render()
    return template.format(**dict(reason.params))


# --- reading -------------------------------------------------------------------------


class CatalogueError(UserError):
    """The catalogue data is invalid.

    ``reasons``: every problem as ``(path, Reason)`` - the field's path
    (``products[2].fees.upfront_fee``; ``""`` for the top level) and a Reason the
    GUI and the command line translate (:mod:`lending.catalogue_problems`);
    ``problems``: the same as ``"path: phrase"`` in a developer's English (logs,
    tests; never matched to find out what went wrong)."""

    def __init__(self, reasons: Sequence[tuple[str, Reason]]) -> None:
        self.reasons = tuple(reasons)
        self.problems = tuple(f"{where or '(top level)'}: {phrase(r)}" for where, r in self.reasons)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"The product catalogue has {len(self.problems)} problem(s):\n{lines}",
            code="catalogue_invalid",
        )


# --- parsing ----------------------------------------------------------------

MISSING: Any = object()
T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class ObjectReader:
    """Reads one JSON object, recording every problem under its path."""

    def __init__(self, data: object, path: str, problems: list[tuple[str, Reason]]) -> None:
        self.path = path
        self.problems = problems
        self.start = len(problems)
        self.read: set[str] = set()
        if isinstance(data, Mapping):
            self.data: Mapping[str, Any] = data
        else:
            self.data = {}
            self.problem("catalogue.object", value=type(data).__name__)

    def problem(self, code: str, key: str | None = None, **params: object) -> None:
        """One problem of this object (``key``: of its field), as a Reason."""
        self.problem_reason(catalogue_problem(code, **params), key)

    def problem_reason(self, reason: Reason, key: str | None = None) -> None:
        where = self.path if key is None else f"{self.path}.{key}" if self.path else key
        self.problems.append((where, reason))

    @property
    def clean(self) -> bool:
        """No problem recorded since this object was opened."""
        return len(self.problems) == self.start

    def _raw(self, key: str, default: Any) -> Any:
        self.read.add(key)
        if key in self.data:
            return self.data[key]
        if default is MISSING:
            self.problem("catalogue.missing", key)
        return default

    def dec(
        self,
        key: str,
        *,
        lo: Decimal | int | None = 0,
        hi: Decimal | int | None = None,
        default: Any = MISSING,
    ) -> Decimal:
        raw = self._raw(key, default)
        if raw is None and default is None:
            return None  # type: ignore[return-value]
        if raw is MISSING:
            return Decimal(0)
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float, Decimal)):
            self.problem("catalogue.number", key, value=repr(raw))
            return Decimal(0)
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            self.problem("catalogue.number", key, value=repr(raw))
            return Decimal(0)
        if not value.is_finite():
            self.problem("catalogue.finite", key, value=repr(raw))
            return Decimal(0)
        self._range(key, value, lo, hi)
        return value

    def _range(
        self, key: str, value: Decimal | int, lo: Decimal | int | None, hi: Decimal | int | None
    ) -> None:
        if lo is not None and value < lo:
            self.problem("catalogue.at_least", key, lo=lo, value=value)
        if hi is not None and value > hi:
            self.problem("catalogue.at_most", key, hi=hi, value=value)

    def int_(
        self, key: str, *, lo: int | None = 0, hi: int | None = None, default: Any = MISSING
    ) -> int:
        raw = self._raw(key, default)
        if raw is MISSING:
            return 0
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.problem("catalogue.whole", key, value=repr(raw))
            return 0
        self._range(key, raw, lo, hi)
        return raw

    def str_(self, key: str, *, default: Any = MISSING) -> str:
        raw = self._raw(key, default)
        if raw is MISSING:
            return ""
        if not isinstance(raw, str) or not raw.strip():
            self.problem("catalogue.empty_text", key, value=repr(raw))
            return ""
        return raw.strip()

    def bool_(self, key: str, *, default: Any = MISSING) -> bool:
        raw = self._raw(key, default)
        if raw is MISSING:
            return False
        if not isinstance(raw, bool):
            self.problem("catalogue.yes_no", key, value=repr(raw))
            return False
        return raw

    def enum(self, key: str, kind: type[E], raw: Any = MISSING) -> E | None:
        if raw is MISSING:
            raw = self._raw(key, MISSING)
            if raw is MISSING:
                return None
        try:
            return kind(raw)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            self.problem("catalogue.one_of", key, choices=allowed, value=repr(raw))
            return None

    def list_(self, key: str, *, non_empty: bool = True) -> list[Any]:
        raw = self._raw(key, MISSING)
        if raw is MISSING:
            return []
        if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):
            self.problem("catalogue.list", key, value=repr(raw))
            return []
        if non_empty and not raw:
            self.problem("catalogue.empty_list", key)
        return list(raw)

    def strings(self, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for i, item in enumerate(self.list_(key)):
            if not isinstance(item, str) or not item.strip():
                self.problem("catalogue.empty_text", f"{key}[{i}]", value=repr(item))
            else:
                out.append(item.strip())
        return tuple(out)

    def methods(self, key: str) -> tuple[RepaymentMethod, ...]:
        return self.codes(key, RepaymentMethod)

    def codes(self, key: str, kind: type[E]) -> tuple[E, ...]:
        """A list of codes of ``kind``, each once."""
        out: list[E] = []
        for i, item in enumerate(self.list_(key)):
            m = self.enum(f"{key}[{i}]", kind, item)
            if m is not None:
                if m in out:
                    self.problem("catalogue.twice", key, value=m.value)
                out.append(m)
        return tuple(out)

    def term_list(self, key: str) -> tuple[int, ...]:
        out: list[int] = []
        for i, item in enumerate(self.list_(key)):
            if (
                isinstance(item, bool)
                or not isinstance(item, int)
                or not 1 <= item <= MAX_TERM_MONTHS
            ):
                self.problem("catalogue.term", f"{key}[{i}]", max=MAX_TERM_MONTHS, value=repr(item))
            else:
                out.append(item)
        if out != sorted(set(out)):
            self.problem("catalogue.order", key)
        return tuple(out)

    def objects(
        self, key: str, parse: Callable[[ObjectReader], T | None], *, non_empty: bool = True
    ) -> tuple[T, ...]:
        out: list[T] = []
        for i, item in enumerate(self.list_(key, non_empty=non_empty)):
            sub = self.child(f"{key}[{i}]", item)
            if not sub.clean:  # not an object: nothing more to say about it
                continue
            parsed = parse(sub)
            sub.finish()
            if parsed is not None:
                out.append(parsed)
        return tuple(out)

    def optional_object(self, key: str, parse: Callable[[ObjectReader], T | None]) -> T | None:
        raw = self._raw(key, None)
        if raw is None:
            return None
        sub = self.child(key, raw)
        if not sub.clean:
            return None
        parsed = parse(sub)
        sub.finish()
        return parsed

    def child(self, key: str, data: object) -> ObjectReader:
        return ObjectReader(data, f"{self.path}.{key}" if self.path else key, self.problems)

    def finish(self) -> None:
        for key in sorted(set(self.data) - self.read):
            self.problem("catalogue.unknown", str(key))
