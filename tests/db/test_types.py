"""Portable column types: exact money and rates, aware UTC datetimes, JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.exc import StatementError

from db.models.base import JSONText, Money, Rate, UTCDateTime
from db.paths import sqlite_url


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Table]:
    path: Path = tmp_path_factory.mktemp("types") / "types.sqlite3"
    engine = create_engine(sqlite_url(path))
    md = MetaData()
    t = Table(
        "t",
        md,
        Column("id", Integer, primary_key=True),
        Column("money", Money()),
        Column("rate", Rate()),
        Column("at", UTCDateTime()),
        Column("data", JSONText()),
    )
    md.create_all(engine)
    return engine, t


def _roundtrip(table: tuple[object, Table], **values: object) -> dict[str, object]:
    engine, t = table
    with engine.begin() as conn:  # type: ignore[attr-defined]
        new_id = conn.execute(insert(t).values(**values)).inserted_primary_key[0]
        row = conn.execute(select(t).where(t.c.id == new_id)).mappings().one()
    return dict(row)


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=Decimal("-1e13"), max_value=Decimal("1e13"), places=2))
def test_money_is_exact(table: tuple[object, Table], amount: Decimal) -> None:
    row = _roundtrip(table, money=amount)
    assert row["money"] == amount
    assert row["money"].as_tuple().exponent == -2  # type: ignore[union-attr]


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("1000"), places=6))
def test_rates_keep_six_places(table: tuple[object, Table], rate: Decimal) -> None:
    assert _roundtrip(table, rate=rate)["rate"] == rate


def test_money_refuses_floats_and_extra_places(table: tuple[object, Table]) -> None:
    with pytest.raises(StatementError):
        _roundtrip(table, money=0.1)
    with pytest.raises(StatementError):
        _roundtrip(table, money=Decimal("1.005"))


@settings(max_examples=40, deadline=None)
@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_datetimes_come_back_as_the_same_instant_in_utc(
    table: tuple[object, Table], naive: datetime, offset_minutes: int
) -> None:
    aware = naive.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    back = _roundtrip(table, at=aware)["at"]
    assert back == aware and back.tzinfo is UTC  # type: ignore[union-attr]


def test_naive_datetimes_are_refused(table: tuple[object, Table]) -> None:
    with pytest.raises(StatementError):
        _roundtrip(table, at=datetime(2026, 1, 1))


def test_json_keeps_chinese_text(table: tuple[object, Table]) -> None:
    data = {"reason": "资料不一致", "n": [1, 2]}
    assert _roundtrip(table, data=data)["data"] == data
