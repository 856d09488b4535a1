"""Property tests of the catalogue's tables and file readers: any catalogue survives
rows and back; any cell, any JSON and any bytes give a value or a reason, never a crash."""

from __future__ import annotations

import copy
import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from db.services import catalogue_io
from db.services.catalogue_rows import (
    PARENT,
    CatalogueData,
    Column,
    catalogue_tables,
    from_rows,
    read_cell,
    to_rows,
)
from lending.products import parse_catalogue
from lending.reasons import ReasonsError
from resources import default_catalogue_data

KINDS = ("text", "decimal", "whole", "flag", "choice", "numbers", "choices", "texts", "json")
SAMPLE = default_catalogue_data()


def as_sheet(data: CatalogueData) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """The rows :func:`to_rows` gives, keyed by column as a sheet reader hands them on."""
    rows = to_rows(data)
    return {
        t.code: [
            (n, dict(zip([c.key for c in t.columns], r, strict=True)))
            for n, r in enumerate(rows[t.code], start=2)
        ]
        for t in catalogue_tables()
    }


def parsed(data: CatalogueData) -> Any:
    return parse_catalogue(
        {"version": 1, "products": data.products, "consumer_credit": data.consumer_credit}
    )


def money_text(lo: int, hi: int, places: int = 2) -> st.SearchStrategy[str]:
    scale = 10**places
    return st.integers(lo * scale, hi * scale).map(lambda n: str(Decimal(n) / scale))


names = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs")
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: not set(s) & set(";；\n"))


@st.composite
def catalogues(draw: st.DrawFn) -> CatalogueData:
    """The sample catalogue with every figure, name, list and flag redrawn (still valid)."""
    products = copy.deepcopy(SAMPLE["products"])
    for p in products:
        p["name"], p["name_zh"] = draw(names), draw(names)
        p["example_lenders"] = draw(st.lists(names, min_size=1, max_size=3, unique=True))
        lo = draw(st.integers(0, 2000))
        hi = draw(st.integers(lo, 3000))
        p["apr_min_percent"], p["apr_max_percent"] = str(Decimal(lo) / 100), str(Decimal(hi) / 100)
        p["terms"] = sorted(
            draw(st.sets(st.integers(p["term_min_months"], p["term_max_months"]), min_size=1))
        )
        p["max_financing_ratio_percent"] = draw(money_text(1, 100))
        p["fees"]["upfront_fee"] = draw(money_text(0, 100_000))
        p["requires_full_insurance"] = draw(st.booleans())
        p["active"] = draw(st.booleans())
        for g in p["grades"]:
            g["annual_rate"] = str(Decimal(draw(st.integers(lo, hi))) / 100)
        if p.get("subsidy"):  # the lender earns at least what any grade pays
            p["subsidy"]["lender_rate"] = str(Decimal(hi) / 100)
    return CatalogueData(
        lenders=[
            {"name": n, "active": draw(st.booleans())}
            for n in draw(st.lists(names, max_size=4, unique=True))
        ],
        products=products,
        consumer_credit=copy.deepcopy(SAMPLE["consumer_credit"]),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues())
def test_any_catalogue_survives_the_sheets(data: CatalogueData) -> None:
    back, origins, problems = from_rows(as_sheet(data))
    assert problems == []
    assert parsed(back) == parsed(data)
    assert back.lenders == data.lenders
    assert set(origins) >= {f"products[{i}]" for i in range(len(data.products))}


def test_every_grade_row_remembers_where_it_was() -> None:
    data = CatalogueData(
        products=copy.deepcopy(SAMPLE["products"]),
        consumer_credit=copy.deepcopy(SAMPLE["consumer_credit"]),
    )
    _, origins, _ = from_rows(as_sheet(data))
    grade_rows = [v for k, v in origins.items() if ".grades[" in k]
    assert len(grade_rows) == sum(len(p["grades"]) for p in [*data.products, *data.consumer_credit])
    assert {t for t, _ in grade_rows} == {"grades"}


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(max_size=3).map(lambda s: s * 3000),
    st.datetimes(),
    st.dates(),
    st.sampled_from(
        [
            "1e999999",
            "NaN",
            "１２",
            "4.5%",
            "是",
            "否",
            "TRUE",
            "A",
            "12, 24；36",
            "[1, 2",
            '{"a": 1}',
            "9" * 5000,
            "\x00",
            "-0",
            "  ",
        ]
    ),
)


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(KINDS),
    st.lists(st.sampled_from(["A", "B", "equal_installment"]), max_size=3),
    anything,
)
def test_any_cell_gives_a_value_or_a_reason(kind: str, choices: list[str], value: Any) -> None:
    column = Column("x", kind, choices=tuple(choices))
    try:
        got = read_cell(column, value)
    except ReasonsError as exc:
        assert exc.reason.render()
        return
    if got is None:
        assert value is None or (isinstance(value, str) and not value.strip())
    elif kind == "decimal":
        assert Decimal(got).is_finite()
    elif kind == "whole":
        assert isinstance(got, int) and not isinstance(got, bool)
    elif kind == "flag":
        assert isinstance(got, bool)
    elif kind == "choice" and choices:
        assert got in choices
    elif kind in ("numbers", "choices", "texts"):
        assert isinstance(got, list)


def test_cells_as_a_person_types_them() -> None:
    def cell(kind: str, value: Any, choices: tuple[str, ...] = ()) -> Any:
        return read_cell(Column("x", kind, choices=choices), value)

    assert cell("decimal", 4.8) == "4.8" and cell("decimal", 80.0) == "80"
    assert cell("decimal", "４.５%") == "4.5" and cell("decimal", "1,000") == "1000"
    assert cell("whole", 36.0) == 36 and cell("whole", "１２") == 12
    assert cell("flag", "是") is True and cell("flag", "FALSE") is False
    assert cell("flag", 1) is True
    assert cell("numbers", "12, 24；36") == [12, 24, 36]
    assert cell("choices", "Equal_Installment", ("equal_installment",)) == ["equal_installment"]
    assert cell("choice", " a ", ("A", "B")) == "A"
    assert cell("texts", "ICBC; 招商银行；CCB") == ["ICBC", "招商银行", "CCB"]
    for kind, bad in (
        ("decimal", True),
        ("decimal", datetime(2026, 1, 1)),
        ("whole", 1.5),
        ("flag", "maybe"),
        ("choice", "Z"),
        ("text", date(2026, 1, 1)),
    ):
        try:
            cell(kind, bad, ("A",))
        except ReasonsError:
            continue
        raise AssertionError((kind, bad))


def test_a_grade_row_for_no_product_is_named() -> None:
    tables = {
        "grades": [
            (
                7,
                {
                    PARENT: "ghost",
                    "grade": "A",
                    "annual_rate": 5,
                    "approval_likelihood_min_percent": 50,
                    "approval_likelihood_max_percent": 60,
                },
            )
        ]
    }
    _, _, problems = from_rows(tables)
    assert [(p.table, p.row, p.field, p.reason.code) for p in problems] == [
        ("grades", 7, PARENT, "sheet.no_parent")
    ]


json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10)
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        json_values.map(lambda v: json.dumps(v).encode()),
        json_values.map(
            lambda v: json.dumps(
                {
                    "format": "loandesk-catalogue",
                    "version": 1,
                    "catalogue": {"products": v, "add_ons": v},
                    "settings": v,
                }
            ).encode()
        ),
        st.binary(max_size=200),
    )
)
def test_any_json_file_is_read_or_refused_with_reasons(data: bytes) -> None:
    try:
        set_up = catalogue_io.read_json(data)
    except catalogue_io.CatalogueFileError as exc:
        assert exc.problems and all(p.reason.render() for p in exc.problems)
        assert "\n" not in exc.line("en")
        return
    assert isinstance(set_up.catalogue.products, list)


def workbook_bytes(cells: list[list[Any]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in cells:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([catalogue_io.sheet_title(t.code) for t in catalogue_tables()]),
    st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.integers(-(10**6), 10**6),
                st.booleans(),
                st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
            ),
            max_size=6,
        ),
        max_size=6,
    ),
    st.binary(max_size=64),
)
def test_any_workbook_or_bytes_are_read_or_refused_with_reasons(
    title: str, cells: list[list[Any]], noise: bytes
) -> None:
    for data in (workbook_bytes(cells, title), noise):
        try:
            catalogue_io.read_workbook(data)
        except catalogue_io.CatalogueFileError as exc:
            assert exc.problems and all(p.reason.render() for p in exc.problems)
