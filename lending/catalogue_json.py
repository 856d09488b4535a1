"""The product catalogue as JSON: validated parsing and JSON-ready writing.

:func:`parse_catalogue` turns decoded catalogue JSON (``resources/catalogue.json``
or the owner's edits) into a :class:`lending.product_types.Catalogue`, raising
:class:`CatalogueError` with every problem and its path;
:func:`catalogue_to_data` turns a catalogue back into data it reads again.
JSON keys are exactly the dataclass field names; Decimals may be strings
(preferred: ``"4.50"``) or numbers; percentages are percent.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from lending.errors import UserError
from lending.onroad import Energy, VehicleKind
from lending.product_types import (
    CATALOGUE_FORMAT_VERSION,
    CardFee,
    CardInstalment,
    Catalogue,
    ConsumerCreditProduct,
    Fees,
    FirstLoanPromotion,
    GradeTerms,
    Product,
    PromotionKind,
    RateCell,
    StepUp,
    Strictness,
    Subsidy,
    rate_sheet_reasons,
)
from lending.qualification import Grade
from lending.schedule import MAX_TERM_MONTHS, RepaymentMethod


class CatalogueError(UserError):
    """The catalogue data is invalid; ``problems`` lists every problem with its path."""

    def __init__(self, problems: Sequence[str]) -> None:
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"The product catalogue has {len(problems)} problem(s):\n{lines}",
            code="catalogue_invalid",
        )
        self.problems = tuple(problems)


# --- parsing ----------------------------------------------------------------

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_MISSING: Any = object()
T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class _Obj:
    """Reads one JSON object, recording every problem under its path."""

    def __init__(self, data: object, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        self.start = len(problems)
        self.read: set[str] = set()
        if isinstance(data, Mapping):
            self.data: Mapping[str, Any] = data
        else:
            self.data = {}
            self.problem(f"must be an object, got {type(data).__name__}")

    def problem(self, text: str, key: str | None = None) -> None:
        where = self.path if key is None else f"{self.path}.{key}" if self.path else key
        self.problems.append(f"{where or '(top level)'}: {text}")

    @property
    def clean(self) -> bool:
        """No problem recorded since this object was opened."""
        return len(self.problems) == self.start

    def _raw(self, key: str, default: Any) -> Any:
        self.read.add(key)
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            self.problem("is missing", key)
        return default

    def dec(self, key: str, *, lo: Decimal | int | None = 0, hi: Decimal | int | None = None,
            default: Any = _MISSING) -> Decimal:
        raw = self._raw(key, default)
        if raw is None and default is None:
            return None  # type: ignore[return-value]
        if raw is _MISSING:
            return Decimal(0)
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float, Decimal)):
            self.problem(f"must be a number, got {raw!r}", key)
            return Decimal(0)
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            self.problem(f"must be a number, got {raw!r}", key)
            return Decimal(0)
        if not value.is_finite():
            self.problem(f"must be a finite number, got {raw!r}", key)
            return Decimal(0)
        self._range(key, value, lo, hi)
        return value

    def _range(self, key: str, value: Decimal | int, lo: Decimal | int | None,
               hi: Decimal | int | None) -> None:
        if lo is not None and value < lo:
            self.problem(f"must be at least {lo}, got {value}", key)
        if hi is not None and value > hi:
            self.problem(f"must be at most {hi}, got {value}", key)

    def int_(self, key: str, *, lo: int | None = 0, hi: int | None = None,
             default: Any = _MISSING) -> int:
        raw = self._raw(key, default)
        if raw is _MISSING:
            return 0
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.problem(f"must be a whole number, got {raw!r}", key)
            return 0
        self._range(key, raw, lo, hi)
        return raw

    def str_(self, key: str, *, default: Any = _MISSING) -> str:
        raw = self._raw(key, default)
        if raw is _MISSING:
            return ""
        if not isinstance(raw, str) or not raw.strip():
            self.problem(f"must be a non-empty text, got {raw!r}", key)
            return ""
        return raw.strip()

    def bool_(self, key: str, *, default: Any = _MISSING) -> bool:
        raw = self._raw(key, default)
        if raw is _MISSING:
            return False
        if not isinstance(raw, bool):
            self.problem(f"must be true or false, got {raw!r}", key)
            return False
        return raw

    def enum(self, key: str, kind: type[E], raw: Any = _MISSING) -> E | None:
        if raw is _MISSING:
            raw = self._raw(key, _MISSING)
            if raw is _MISSING:
                return None
        try:
            return kind(raw)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            self.problem(f"must be one of {allowed}, got {raw!r}", key)
            return None

    def list_(self, key: str, *, non_empty: bool = True) -> list[Any]:
        raw = self._raw(key, _MISSING)
        if raw is _MISSING:
            return []
        if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):
            self.problem(f"must be a list, got {raw!r}", key)
            return []
        if non_empty and not raw:
            self.problem("must not be empty", key)
        return list(raw)

    def strings(self, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for i, item in enumerate(self.list_(key)):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"must be a non-empty text, got {item!r}", f"{key}[{i}]")
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
                    self.problem(f"lists {m.value} twice", key)
                out.append(m)
        return tuple(out)

    def term_list(self, key: str) -> tuple[int, ...]:
        out: list[int] = []
        for i, item in enumerate(self.list_(key)):
            if isinstance(item, bool) or not isinstance(item, int) or \
                    not 1 <= item <= MAX_TERM_MONTHS:
                self.problem(f"must be a whole number of months 1-{MAX_TERM_MONTHS}, "
                             f"got {item!r}", f"{key}[{i}]")
            else:
                out.append(item)
        if out != sorted(set(out)):
            self.problem("must be in increasing order without repeats", key)
        return tuple(out)

    def objects(self, key: str, parse: Callable[[_Obj], T | None], *,
                non_empty: bool = True) -> tuple[T, ...]:
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

    def optional_object(self, key: str, parse: Callable[[_Obj], T | None]) -> T | None:
        raw = self._raw(key, None)
        if raw is None:
            return None
        sub = self.child(key, raw)
        if not sub.clean:
            return None
        parsed = parse(sub)
        sub.finish()
        return parsed

    def child(self, key: str, data: object) -> _Obj:
        return _Obj(data, f"{self.path}.{key}" if self.path else key, self.problems)

    def finish(self) -> None:
        for key in sorted(set(self.data) - self.read):
            self.problem("is not a known field", str(key))


def _grade_terms(o: _Obj) -> GradeTerms | None:
    grade = o.enum("grade", Grade)
    rate = o.dec("annual_rate", hi=100)
    lmin = o.dec("approval_likelihood_min_percent", hi=100)
    lmax = o.dec("approval_likelihood_max_percent", hi=100)
    fee = o.dec("monthly_fee_rate_percent", hi=100, default=None)
    if o.clean and lmin > lmax:
        o.problem("approval_likelihood_min_percent is above approval_likelihood_max_percent")
    if grade is None:
        return None
    return GradeTerms(grade, rate, lmin, lmax, fee)


def _rate_cell(o: _Obj) -> RateCell | None:
    grade = o.enum("grade", Grade)
    cell = RateCell(
        grade=grade or Grade.A,
        term_max_months=o.int_("term_max_months", lo=1, hi=MAX_TERM_MONTHS),
        down_payment_min_percent=o.dec("down_payment_min_percent", hi=99),
        annual_rate=o.dec("annual_rate", hi=100),
    )
    return cell if grade is not None else None


def _fees(o: _Obj) -> Fees:
    return Fees(
        upfront_fee=o.dec("upfront_fee", default=0),
        upfront_fee_percent=o.dec("upfront_fee_percent", hi=50, default=0),
        monthly_fee_rate_percent=o.dec("monthly_fee_rate_percent", hi=10, default=0),
        early_repayment_fee_percent=o.dec("early_repayment_fee_percent", hi=50, default=0),
        overdue_penalty_percent_per_day=o.dec("overdue_penalty_percent_per_day", hi=10,
                                              default=0),
    )


def _step_up(o: _Obj) -> StepUp:
    return StepUp(o.dec("step_percent", hi=100),
                  o.int_("step_months", lo=1, hi=MAX_TERM_MONTHS, default=12))


def _subsidy(o: _Obj) -> Subsidy:
    by_zh = o._raw("by_zh", "")
    if not isinstance(by_zh, str):
        o.problem(f"must be a text, got {by_zh!r}", "by_zh")
        by_zh = ""
    return Subsidy(lender_rate=o.dec("lender_rate", hi=100), by=o.str_("by"),
                   by_zh=by_zh.strip())


def _check_grades(o: _Obj, grades: tuple[GradeTerms, ...], apr_min: Decimal,
                  apr_max: Decimal, fee_range: tuple[Decimal, Decimal] | None = None,
                  priced_by_sheet: frozenset[Grade] = frozenset()) -> None:
    """``priced_by_sheet``: grades the rate sheet prices (their own rate is not used, the
    sheet's cells are checked by :func:`rate_sheet_reasons`)."""
    seen: set[Grade] = set()
    for g in grades:
        if g.grade in seen:
            o.problem(f"grade {g.grade.value} is listed twice", "grades")
        seen.add(g.grade)
        if g.grade not in priced_by_sheet and not apr_min <= g.annual_rate <= apr_max:
            o.problem(f"rate {g.annual_rate}% for grade {g.grade.value} is outside the APR "
                      f"range {apr_min}-{apr_max}%", "grades")
        if fee_range is not None:
            lo, hi = fee_range
            if g.monthly_fee_rate_percent is None:
                o.problem(f"grade {g.grade.value} needs monthly_fee_rate_percent", "grades")
            elif not lo <= g.monthly_fee_rate_percent <= hi:
                o.problem(f"monthly fee {g.monthly_fee_rate_percent}% for grade "
                          f"{g.grade.value} is outside {lo}-{hi}%", "grades")


def _ordered(o: _Obj, lo_key: str, lo: Decimal | int, hi_key: str, hi: Decimal | int) -> None:
    if lo > hi:
        o.problem(f"{lo_key} ({lo}) is above {hi_key} ({hi})")


def _kinds(o: _Obj, key: str, kind: type[E]) -> tuple[E, ...]:
    """A non-empty list of codes of ``kind`` without repeats; all of them when absent."""
    if key not in o.data:
        o.read.add(key)
        return tuple(kind)
    return o.codes(key, kind)


def _product(o: _Obj) -> Product | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem(f"must be lower-case letters, digits and _ (got {code!r})", "code")
    p = Product(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        max_financing_ratio_percent=o.dec("max_financing_ratio_percent", lo=1, hi=100),
        apr_min_percent=o.dec("apr_min_percent", hi=100),
        apr_max_percent=o.dec("apr_max_percent", hi=100),
        approval_days_min=o.int_("approval_days_min", hi=365),
        approval_days_max=o.int_("approval_days_max", hi=365),
        methods=o.methods("methods"),
        term_min_months=o.int_("term_min_months", lo=1, hi=MAX_TERM_MONTHS),
        term_max_months=o.int_("term_max_months", lo=1, hi=MAX_TERM_MONTHS),
        terms=o.term_list("terms"),
        strictness=o.enum("strictness", Strictness) or Strictness.MEDIUM,
        max_vehicle_age_years=o.dec("max_vehicle_age_years", lo=Decimal("0.1"), hi=50),
        max_mileage_km=o.int_("max_mileage_km", lo=1),
        grades=o.objects("grades", _grade_terms),
        fees=o.optional_object("fees", _fees) or Fees(),
        step_up=o.optional_object("step_up", _step_up),
        requires_full_insurance=o.bool_("requires_full_insurance", default=False),
        online_small_loan=o.bool_("online_small_loan", default=False),
        rate_sheet=o.objects("rate_sheet", _rate_cell, non_empty=False)
        if "rate_sheet" in o.data else (),
        balloon_min_percent=o.dec("balloon_min_percent", hi=99, default=0),
        vehicle_kinds=_kinds(o, "vehicle_kinds", VehicleKind),
        energies=_kinds(o, "energies", Energy),
        active=o.bool_("active", default=True),
        balloon_max_percent=o.dec("balloon_max_percent", hi=99, default=0),
        subsidy=o.optional_object("subsidy", _subsidy),
        finance_add_ons=o.bool_("finance_add_ons", default=False),
    )
    if not o.clean:
        return None
    _ordered(o, "apr_min_percent", p.apr_min_percent, "apr_max_percent", p.apr_max_percent)
    _ordered(o, "approval_days_min", p.approval_days_min, "approval_days_max",
             p.approval_days_max)
    _ordered(o, "term_min_months", p.term_min_months, "term_max_months", p.term_max_months)
    outside = [t for t in p.terms if not p.term_min_months <= t <= p.term_max_months]
    if outside:
        o.problem(f"terms {outside} are outside {p.term_min_months}-{p.term_max_months} "
                  "months", "terms")
    _check_grades(o, p.grades, p.apr_min_percent, p.apr_max_percent,
                  priced_by_sheet=frozenset(c.grade for c in p.rate_sheet))
    for reason in rate_sheet_reasons(p):
        o.problem(reason.render(), "rate_sheet")
    _ordered(o, "balloon_min_percent", p.balloon_min_percent, "balloon_max_percent",
             p.balloon_max_percent)
    if RepaymentMethod.STEP_UP in p.methods and p.step_up is None:
        o.problem("is required when step_up is an allowed method", "step_up")
    if p.step_up is not None and RepaymentMethod.STEP_UP not in p.methods:
        o.problem("is given but step_up is not an allowed method", "step_up")
    if p.balloon_max_percent > 0 and RepaymentMethod.BALLOON not in p.methods:
        o.problem("is given but balloon is not an allowed method", "balloon_max_percent")
    if p.subsidy is not None:
        below = [g.grade.value for g in p.grades if p.subsidy.lender_rate < g.annual_rate]
        if below:
            o.problem(f"lender_rate {p.subsidy.lender_rate}% is below the customer's rate of "
                      f"grade {'/'.join(below)}", "subsidy")
    return p if o.clean else None


def _promotion(o: _Obj) -> FirstLoanPromotion | None:
    kind = o.enum("kind", PromotionKind)
    promo = FirstLoanPromotion(
        kind=kind or PromotionKind.FEE_WAIVER,
        periods=o.int_("periods", lo=1, hi=MAX_TERM_MONTHS, default=3),
        rate_discount_percent=o.dec("rate_discount_percent", hi=100, default=0),
    )
    if o.clean and promo.kind is PromotionKind.RATE_DISCOUNT and promo.rate_discount_percent <= 0:
        o.problem("must be above 0 for a rate discount", "rate_discount_percent")
    return promo if kind is not None else None


def _consumer(o: _Obj) -> ConsumerCreditProduct | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem(f"must be lower-case letters, digits and _ (got {code!r})", "code")
    c = ConsumerCreditProduct(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        line_min=o.dec("line_min", lo=1),
        line_max=o.dec("line_max", lo=1),
        apr_min_percent=o.dec("apr_min_percent", hi=100),
        apr_max_percent=o.dec("apr_max_percent", hi=100),
        monthly_fee_rate_min_percent=o.dec("monthly_fee_rate_min_percent", hi=10),
        monthly_fee_rate_max_percent=o.dec("monthly_fee_rate_max_percent", hi=10),
        early_repayment_fee_min_percent=o.dec("early_repayment_fee_min_percent", hi=50),
        early_repayment_fee_max_percent=o.dec("early_repayment_fee_max_percent", hi=50),
        overdue_penalty_min_percent_per_day=o.dec("overdue_penalty_min_percent_per_day", hi=10),
        overdue_penalty_max_percent_per_day=o.dec("overdue_penalty_max_percent_per_day", hi=10),
        approval_days_min=o.int_("approval_days_min", hi=365),
        approval_days_max=o.int_("approval_days_max", hi=365),
        methods=o.methods("methods"),
        terms=o.term_list("terms"),
        grades=o.objects("grades", _grade_terms),
        first_loan_promotion=o.optional_object("first_loan_promotion", _promotion),
        online_small_loan=o.bool_("online_small_loan", default=False),
        active=o.bool_("active", default=True),
    )
    if not o.clean:
        return None
    for lo_key in ("line_min", "apr_min_percent", "monthly_fee_rate_min_percent",
                   "early_repayment_fee_min_percent", "overdue_penalty_min_percent_per_day",
                   "approval_days_min"):
        hi_key = lo_key.replace("_min", "_max")
        _ordered(o, lo_key, getattr(c, lo_key), hi_key, getattr(c, hi_key))
    _check_grades(o, c.grades, c.apr_min_percent, c.apr_max_percent,
                  (c.monthly_fee_rate_min_percent, c.monthly_fee_rate_max_percent))
    if RepaymentMethod.STEP_UP in c.methods:
        o.problem("step_up is not offered for consumer credit", "methods")
    return c if o.clean else None


def _card_fee(o: _Obj) -> CardFee:
    return CardFee(o.int_("months", lo=1, hi=60), o.dec("fee_percent", hi=100))


def _card(o: _Obj) -> CardInstalment | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem(f"must be lower-case letters, digits and _ (got {code!r})", "code")
    c = CardInstalment(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        line_max=o.dec("line_max", lo=1),
        fees=o.objects("fees", _card_fee),
        active=o.bool_("active", default=True),
    )
    months = list(c.terms)
    if o.clean and months != sorted(set(months)):
        o.problem("must list each term once, in increasing order", "fees")
    return c if o.clean else None


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    """Validate decoded catalogue JSON; raise :class:`CatalogueError` listing every problem."""
    problems: list[str] = []
    top = _Obj(data, "", problems)
    version = top.int_("version", lo=1, hi=CATALOGUE_FORMAT_VERSION)
    products = top.objects("products", _product)
    consumer = top.objects("consumer_credit", _consumer, non_empty=False) \
        if "consumer_credit" in top.data else ()
    top.read.add("consumer_credit")
    cards = top.objects("card_instalments", _card, non_empty=False) \
        if "card_instalments" in top.data else ()
    top.read.add("card_instalments")
    # Display names of lenders and add-ons (Chinese and English, a lender's service
    # phone): read by the documents through resources.catalogue_names, no rule here.
    top.read.update(("lenders", "add_ons"))
    top.finish()
    seen: set[str] = set()
    for code in [p.code for p in products] + [c.code for c in consumer] + [
            c.code for c in cards]:
        if code in seen:
            problems.append(f"products: code {code!r} is used twice")
        seen.add(code)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(version=version, products=products, consumer_credit=consumer,
                     card_instalments=cards)


# --- writing ----------------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def catalogue_to_data(catalogue: Catalogue) -> dict[str, Any]:
    """JSON-ready data (Decimals as strings) that :func:`parse_catalogue` reads back."""
    data = _plain(catalogue)
    assert isinstance(data, dict)
    return data
