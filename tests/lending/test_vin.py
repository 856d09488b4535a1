"""Offline VIN decode: model year from position 10, manufacturer from the shipped WMI table."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.identity import generate_vin
from lending.vin import decode_vin, model_year, vin_warnings
from resources import wmi_table

TABLE = wmi_table()
# Position 10 for 2010 ... 2030 (ISO 3779: no I, O, Q, U, Z, no 0), written out here.
YEAR_LETTERS = dict(zip(range(2010, 2031), "ABCDEFGHJKLMNPRSTVWXY", strict=True))

MANUFACTURERS = [
    ("LFV", "FAW-Volkswagen", "一汽-大众"),
    ("LSV", "SAIC Volkswagen", "上汽大众"),
    ("LBV", "BMW Brilliance", "华晨宝马"),
    ("LRW", "Tesla Shanghai", "特斯拉（上海）"),
    ("LE4", "Beijing Benz", "北京奔驰"),
    ("LSG", "SAIC General Motors", "上汽通用"),
    ("LVG", "GAC Toyota", "广汽丰田"),
    ("LHG", "GAC Honda", "广汽本田"),
    ("LGX", "BYD", "比亚迪"),
    ("LB3", "Geely", "吉利汽车"),
    ("LVV", "Chery", "奇瑞汽车"),
    ("LGW", "Great Wall Motor", "长城汽车"),
    ("WBA", "BMW (imported)", "宝马（进口）"),
    # rows checked against Wikipedia's WMI list (see the table's header)
    ("LUC", "Honda Automobile (China)", "本田汽车（中国）"),
    ("LYV", "Volvo Cars (Chengdu / Luqiao)", "沃尔沃汽车（成都 / 路桥）"),
    ("LMG", "GAC Motor (Trumpchi)", "广汽传祺"),
    ("LC0", "BYD", "比亚迪"),
    ("LJC", "Jincheng (motorcycles)", "金城（摩托车）"),
    ("LJ1", "JAC", "江淮汽车"),
    ("LH1", "FAW Haima", "一汽海马"),
    ("LSY", "Brilliance (Zhonghua / Jinbei)", "华晨（中华 / 金杯）"),
    ("JTD", "Toyota (imported)", "丰田（进口）"),
]


def test_each_wmi_once_in_the_shipped_table() -> None:
    import resources

    lines = [
        line.split(",")[0]
        for line in resources.WMI_TABLE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ][1:]
    assert len(lines) == len(set(lines)) == len(TABLE)


@pytest.mark.parametrize(("wmi", "english", "chinese"), MANUFACTURERS)
def test_manufacturers(wmi: str, english: str, chinese: str) -> None:
    info = decode_vin(generate_vin(wmi + "ABCDE" + "R" + "A123456"), TABLE, date(2026, 12, 1))
    assert info is not None and info.manufacturer is not None
    assert (info.wmi, info.manufacturer.name_en, info.manufacturer.name_zh) == (
        wmi,
        english,
        chinese,
    )
    assert info.model_year == 2024


def test_a_published_tesla_shanghai_vin() -> None:
    info = decode_vin("lrw3e7fs5pc695355", TABLE, date(2026, 12, 1))
    assert info is not None and info.vin == "LRW3E7FS5PC695355"
    assert info.model_year == 2023
    assert info.manufacturer is not None and info.manufacturer.name_en == "Tesla Shanghai"


@pytest.mark.parametrize("year", range(2010, 2031))
def test_model_years_2010_to_2030(year: int) -> None:
    vin = generate_vin("LSVAB2BM" + YEAR_LETTERS[year] + "N123456")
    # in 2029 "next year" is 2030, so every code of the cycle is 2010-2039's
    info = decode_vin(vin, TABLE, date(2029, 6, 1))
    assert info is not None and info.model_year == year


def test_the_latest_year_not_after_next_year() -> None:
    today = date(2026, 12, 1)
    assert model_year("T", today) == 2026
    assert model_year("V", today) == 2027  # next year's models are on sale
    assert model_year("W", today) == 1998  # 2028 is too far ahead
    assert model_year("Y", today) == 2000
    assert model_year("9", today) == 2009
    assert model_year("A", date(2039, 6, 1)) == 2040
    with pytest.raises(ValueError):
        model_year("U", today)


@given(
    st.sampled_from(sorted(YEAR_LETTERS.items())), st.dates(date(2000, 1, 1), date(2090, 12, 31))
)
def test_decoded_year_is_the_latest_match(pair: tuple[int, str], today: date) -> None:
    year, letter = pair
    found = model_year(letter, today)
    assert (found - year) % 30 == 0
    assert found <= today.year + 1 < found + 30


def test_invalid_vin_and_unknown_manufacturer() -> None:
    assert decode_vin("LSVAB2BM0N1234567", TABLE, date(2026, 1, 1)) is None  # bad check digit
    info = decode_vin(generate_vin("ZZZAB2BMN1234567"), TABLE, date(2026, 1, 1))
    assert info is not None and info.manufacturer is None
    assert [r.code for r in vin_warnings(info, date(2022, 5, 1))] == ["vin.unknown_manufacturer"]


def test_model_year_far_from_first_registration_warns() -> None:
    info = decode_vin(generate_vin("LFVAB2BM" + "N" + "A123456"), TABLE, date(2026, 1, 1))
    assert info is not None and info.model_year == 2022
    assert vin_warnings(info, date(2021, 9, 1)) == []
    assert vin_warnings(info, date(2023, 3, 1)) == []
    assert [r.render() for r in vin_warnings(info, date(2019, 3, 1))] == [
        "The VIN says model year 2022, but the car was first registered in 2019; check the VIN "
        "and the registration certificate."
    ]
