"""lending.identity: resident ID numbers, mobile numbers and VINs, valid and invalid (with property
tests).
"""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lending import identity
from lending.identity import (
    EARLIEST_BIRTH_DATE,
    MESSAGES,
    Sex,
    age_on,
    birthday_in,
    check_age,
    check_mobile,
    check_resident_id,
    check_vin,
    generate_resident_id,
    generate_vin,
    vin_check_digit,
)

TODAY = date(2026, 11, 23)

# --------------------------------------------------------------------------
# Independent reference implementations (written from the standards, not
# from the module) to cross-check the code under test.

# GB 11643-1999: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11.
GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
GB11643_CHECK = "10X98765432"  # indexed by sum mod 11


def ref_id_check_char(body17: str) -> str:
    return GB11643_CHECK[sum(int(c) * w for c, w in zip(body17, GB11643_WEIGHTS, strict=True)) % 11]


# ISO 3779 transliteration: the value is the index in this string modulo 10.
_VIN_ALPHABET = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ"
VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def ref_vin_value(char: str) -> int:
    return _VIN_ALPHABET.index(char) % 10


def ref_vin_check_char(vin: str) -> str:
    rest = sum(ref_vin_value(c) * w for c, w in zip(vin, VIN_WEIGHTS, strict=True)) % 11
    return "X" if rest == 10 else str(rest)


# --------------------------------------------------------------------------
# Strategies

regions = st.text(alphabet=string.digits, min_size=6, max_size=6)
births = st.dates(min_value=EARLIEST_BIRTH_DATE, max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    return generate_resident_id(draw(regions), draw(births), draw(sequences))


vin_bodies = st.text(alphabet=VIN_CHARS, min_size=16, max_size=16)
vins = vin_bodies.map(generate_vin)


@st.composite
def mobiles(draw: st.DrawFn) -> str:
    second = draw(st.sampled_from("3456789"))
    rest = draw(st.text(alphabet=string.digits, min_size=9, max_size=9))
    return f"1{second}{rest}"


# --------------------------------------------------------------------------
# Resident ID: known vectors


@pytest.mark.parametrize(
    ("text", "normalized", "birth", "sex", "region"),
    [
        ("11010519491231002X", "11010519491231002X", date(1949, 12, 31), Sex.FEMALE, "110105"),
        ("11010519491231002x", "11010519491231002X", date(1949, 12, 31), Sex.FEMALE, "110105"),
        ("360426199101010071", "360426199101010071", date(1991, 1, 1), Sex.MALE, "360426"),
        (" 360426 19910101 0071 ", "360426199101010071", date(1991, 1, 1), Sex.MALE, "360426"),
        # full-width digits and X from a Chinese input method, ideographic space
        (
            "１１０１０５\u3000１９４９１２３１００２ｘ",
            "11010519491231002X",
            date(1949, 12, 31),
            Sex.FEMALE,
            "110105",
        ),
    ],
)
def test_valid_resident_ids(text: str, normalized: str, birth: date, sex: Sex, region: str) -> None:
    result = check_resident_id(text, today=TODAY)
    assert result.valid
    assert result.reason is None
    assert result.normalized == normalized
    assert result.birth_date == birth
    assert result.sex is sex
    assert result.sex == sex.value
    assert result.region_code == region


def test_known_vectors_agree_with_reference_checksum() -> None:
    assert ref_id_check_char("11010519491231002") == "X"
    assert ref_id_check_char("36042619910101007") == "1"


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "id.empty", {}),
        ("   \u3000 ", "id.empty", {}),
        ("11010519491231002A", "id.bad_character", {"char": "A", "position": "18"}),
        ("1101051949X231002X", "id.bad_character", {"char": "X", "position": "11"}),
        ("110105-19491231002X", "id.bad_character", {"char": "-", "position": "7"}),
        ("1101051949123100X", "id.wrong_length", {"length": "17"}),
        ("1101051949123100", "id.wrong_length", {"length": "16"}),
        ("11010519491231002X1", "id.wrong_length", {"length": "19"}),
        ("X10105194912310021", "id.bad_character", {"char": "X", "position": "1"}),
        ("110105194912310021", "id.bad_checksum", {}),
        ("360426199101010070", "id.bad_checksum", {}),
        ("1101051949123100211", "id.wrong_length", {"length": "19"}),
    ],
)
def test_invalid_resident_ids(text: str, code: str, params: dict[str, str]) -> None:
    result = check_resident_id(text, today=TODAY)
    assert not result.valid
    assert result.reason is not None
    assert result.reason.code == code
    assert dict(result.reason.params) == params
    assert result.birth_date is None and result.sex is None and result.region_code is None


@pytest.mark.parametrize(
    ("birth_digits", "shown"),
    [
        ("19491331", "1949-13-31"),  # month 13
        ("19490230", "1949-02-30"),  # 30 February
        ("19000229", "1900-02-29"),  # 1900 was not a leap year
        ("00000101", "0000-01-01"),  # year 0 does not exist
        ("18991231", "1899-12-31"),  # before EARLIEST_BIRTH_DATE
        ("20261124", "2026-11-24"),  # tomorrow
        ("20491231", "2049-12-31"),  # far future
    ],
)
def test_impossible_birth_dates(birth_digits: str, shown: str) -> None:
    body = f"110105{birth_digits}002"
    text = body + ref_id_check_char(body)  # correct checksum: only the date is wrong
    result = check_resident_id(text, today=TODAY)
    assert not result.valid
    assert result.reason is not None
    assert result.reason.code == "id.bad_birth_date"
    assert dict(result.reason.params) == {"birth": shown}


def test_birth_date_today_is_accepted_and_tomorrow_refused() -> None:
    born_today = generate_resident_id("110105", TODAY, 1)
    assert check_resident_id(born_today, today=TODAY).valid
    assert not check_resident_id(born_today, today=TODAY - timedelta(days=1)).valid


def test_today_defaults_to_the_system_date() -> None:
    assert check_resident_id("11010519491231002X").valid
    tomorrow = generate_resident_id("110105", date.today() + timedelta(days=1), 1)
    result = check_resident_id(tomorrow)
    assert result.reason is not None and result.reason.code == "id.bad_birth_date"


def test_birth_date_error_wins_over_checksum_error() -> None:
    result = check_resident_id("110105194913310020", today=TODAY)
    assert result.reason is not None and result.reason.code == "id.bad_birth_date"


def test_id_reasons_never_contain_the_whole_number() -> None:
    for text in ["110105194912310021", "11010519491331002X", "11010519491231002A"]:
        result = check_resident_id(text, today=TODAY)
        assert result.reason is not None
        assert result.normalized not in result.reason.render()


def test_sex_comes_from_the_17th_digit() -> None:
    for sequence in range(0, 20):
        number = generate_resident_id("440305", date(1990, 6, 15), sequence)
        expected = Sex.MALE if sequence % 2 else Sex.FEMALE
        assert check_resident_id(number, today=TODAY).sex is expected


@pytest.mark.parametrize(
    ("region", "sequence"),
    [("11010", 1), ("1101051", 1), ("11010a", 1), ("110105", -1), ("110105", 1000)],
)
def test_generate_resident_id_refuses_bad_parts(region: str, sequence: int) -> None:
    with pytest.raises(ValueError):
        generate_resident_id(region, date(1990, 1, 1), sequence)


# --------------------------------------------------------------------------
# Resident ID: properties


@given(region=regions, birth=births, sequence=sequences)
def test_every_generated_id_validates(region: str, birth: date, sequence: int) -> None:
    number = generate_resident_id(region, birth, sequence)
    assert len(number) == 18
    assert number[-1] == ref_id_check_char(number[:17])
    result = check_resident_id(number, today=TODAY)
    assert result.valid, result.reason
    assert result.normalized == number
    assert result.birth_date == birth
    assert result.region_code == region
    assert result.sex is (Sex.MALE if sequence % 2 else Sex.FEMALE)


@given(number=resident_ids(), position=st.integers(min_value=0, max_value=17), data=st.data())
def test_any_single_character_change_invalidates_an_id(
    number: str, position: int, data: st.DataObject
) -> None:
    allowed = string.digits + ("X" if position == 17 else "")
    new = data.draw(st.sampled_from([c for c in allowed if c != number[position]]))
    changed = number[:position] + new + number[position + 1 :]
    assert not check_resident_id(changed, today=TODAY).valid


@given(body=st.text(alphabet=string.digits, min_size=17, max_size=17))
def test_id_checksum_agrees_with_reference(body: str) -> None:
    number = body + ref_id_check_char(body)
    result = check_resident_id(number, today=TODAY)
    # Either valid, or refused only for its birth date: never for the checksum.
    assert result.valid or (result.reason is not None and result.reason.code == "id.bad_birth_date")


@given(text=st.text())
def test_id_normalisation_is_idempotent(text: str) -> None:
    first = check_resident_id(text, today=TODAY)
    assert check_resident_id(first.normalized, today=TODAY) == first


@given(number=resident_ids(), spaces=st.lists(st.integers(0, 18), max_size=5))
def test_id_spacing_and_case_do_not_matter(number: str, spaces: list[int]) -> None:
    decorated = number.lower()
    for index in sorted(spaces, reverse=True):
        decorated = decorated[:index] + " " + decorated[index:]
    assert check_resident_id(decorated, today=TODAY) == check_resident_id(number, today=TODAY)


# --------------------------------------------------------------------------
# Age


def test_age_on_examples() -> None:
    assert age_on(date(1992, 5, 17), TODAY) == 34
    assert age_on(date(2004, 11, 23), TODAY) == 22
    assert age_on(date(2004, 11, 24), TODAY) == 21
    assert age_on(TODAY, TODAY) == 0


def test_feb_29_birthday_counts_on_march_1_in_common_years() -> None:
    leapling = date(2000, 2, 29)
    assert age_on(leapling, date(2023, 2, 28)) == 22
    assert age_on(leapling, date(2023, 3, 1)) == 23
    assert age_on(leapling, date(2024, 2, 28)) == 23
    assert age_on(leapling, date(2024, 2, 29)) == 24
    assert birthday_in(leapling, 2023) == date(2023, 3, 1)
    assert birthday_in(leapling, 2024) == date(2024, 2, 29)


@given(birth=births, a=st.dates(max_value=date(2200, 1, 1)), b=st.dates(max_value=date(2200, 1, 1)))
def test_age_on_is_monotonic(birth: date, a: date, b: date) -> None:
    earlier, later = sorted((a, b))
    assert age_on(birth, earlier) <= age_on(birth, later)


@given(birth=births, years=st.integers(min_value=1, max_value=120))
def test_age_increases_by_exactly_one_on_each_birthday(birth: date, years: int) -> None:
    birthday = birthday_in(birth, birth.year + years)
    assert age_on(birth, birthday) == years
    assert age_on(birth, birthday - timedelta(days=1)) == years - 1


def test_check_age_boundaries() -> None:
    assert check_age(date(2004, 11, 23), TODAY) is None  # 22 today
    assert check_age(date(1965, 11, 24), TODAY) is None  # still 60
    young = check_age(date(2004, 11, 24), TODAY)
    assert young is not None and young.code == "age.out_of_range"
    assert str(young) == "The applicant is 21 on 2026-11-23; lenders accept ages 22 to 60."


def test_check_age_too_old_message() -> None:
    reason = check_age(date(1965, 11, 23), TODAY)
    assert reason is not None
    assert reason.code == "age.out_of_range"
    assert str(reason) == "The applicant is 61 on 2026-11-23; lenders accept ages 22 to 60."


def test_check_age_custom_range_and_errors() -> None:
    assert check_age(date(2006, 1, 1), TODAY, minimum=18, maximum=65) is None
    reason = check_age(date(1960, 1, 1), TODAY, minimum=18, maximum=65)
    assert reason is not None and dict(reason.params)["maximum"] == "65"
    with pytest.raises(ValueError):
        check_age(date(1990, 1, 1), TODAY, minimum=61, maximum=60)
    later = check_age(TODAY + timedelta(days=1), TODAY)
    assert later is not None and later.code == "age.born_after_date"


@given(birth=births, on=st.dates(min_value=EARLIEST_BIRTH_DATE, max_value=date(2100, 1, 1)))
def test_check_age_agrees_with_age_on(birth: date, on: date) -> None:
    assume(birth <= on)
    assert (check_age(birth, on) is None) == (22 <= age_on(birth, on) <= 60)


# --------------------------------------------------------------------------
# Mobile


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+86-13800138000",
        "+8613800138000",
        "008613800138000",
        "0086 138 0013 8000",
        "8613800138000",
        "86 138 0013 8000",
        "１３８００１３８０００",
        "＋８６ １３８００１３８０００",
    ],
)
def test_mobile_variants(text: str) -> None:
    assert check_mobile(text) == identity.PhoneCheck(valid=True, normalized="13800138000")


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "phone.empty", {}),
        (" - ", "phone.empty", {}),
        ("+86", "phone.empty", {}),
        ("138a0013800", "phone.non_digits", {"char": "a"}),
        ("(138)00138000", "phone.non_digits", {"char": "("}),
        ("+85291234567", "phone.non_digits", {"char": "+"}),
        ("1380013800", "phone.wrong_length", {"length": "10"}),
        ("138001380001", "phone.wrong_length", {"length": "12"}),
        ("+86 1380013800", "phone.wrong_length", {"length": "10"}),
        ("12800138000", "phone.wrong_prefix", {"prefix": "12"}),
        ("10800138000", "phone.wrong_prefix", {"prefix": "10"}),
        ("23800138000", "phone.wrong_prefix", {"prefix": "23"}),
        ("86138001380", "phone.wrong_prefix", {"prefix": "86"}),  # 11 digits: 86 is not cut
    ],
)
def test_invalid_mobiles(text: str, code: str, params: dict[str, str]) -> None:
    result = check_mobile(text)
    assert not result.valid
    assert result.reason is not None
    assert result.reason.code == code
    assert dict(result.reason.params) == params
    assert "13800138000" not in result.reason.render()


@given(
    number=mobiles(),
    prefix=st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "86", "86 "]),
    cuts=st.lists(st.tuples(st.integers(0, 11), st.sampled_from([" ", "-", "\u3000"])), max_size=4),
)
def test_mobile_decorations_normalise_to_the_same_digits(
    number: str, prefix: str, cuts: list[tuple[int, str]]
) -> None:
    decorated = number
    for index, sep in sorted(cuts, reverse=True):
        decorated = decorated[:index] + sep + decorated[index:]
    result = check_mobile(prefix + decorated)
    assert result.valid, result.reason
    assert result.normalized == number


@given(text=st.text())
def test_mobile_normalisation_is_idempotent(text: str) -> None:
    first = check_mobile(text)
    assert check_mobile(first.normalized) == first


def test_invalid_mobile_keeps_the_country_code_in_normalized() -> None:
    result = check_mobile("+86 138-0013-800")
    assert result.normalized == "+861380013800"
    assert result.reason is not None and dict(result.reason.params) == {"length": "10"}
    assert check_mobile("+86+8613800138000").reason is not None


@given(number=mobiles())
def test_valid_mobile_normalisation_is_idempotent(number: str) -> None:
    once = check_mobile("+86 " + number).normalized
    assert check_mobile(once).normalized == once == number


# --------------------------------------------------------------------------
# VIN: known vectors


@pytest.mark.parametrize(
    ("text", "normalized", "wmi", "year"),
    [
        ("1M8GDM9AXKP042788", "1M8GDM9AXKP042788", "1M8", "K"),  # check character X
        ("LSVAM4187C2184847", "LSVAM4187C2184847", "LSV", "C"),
        ("11111111111111111", "11111111111111111", "111", "1"),
        ("5GZCZ43D13S812715", "5GZCZ43D13S812715", "5GZ", "3"),
        (" lsvam418 7c2184847 ", "LSVAM4187C2184847", "LSV", "C"),
        ("ＬＳＶＡＭ４１８７Ｃ２１８４８４７", "LSVAM4187C2184847", "LSV", "C"),
    ],
)
def test_valid_vins(text: str, normalized: str, wmi: str, year: str) -> None:
    assert ref_vin_check_char(normalized) == normalized[8]
    result = check_vin(text)
    assert result == identity.VinCheck(
        valid=True, normalized=normalized, reason=None, model_year_code=year, wmi=wmi
    )


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "vin.empty", {}),
        ("  ", "vin.empty", {}),
        ("LSVAM4187C218484", "vin.wrong_length", {"length": "16"}),
        ("LSVAM4187C21848477", "vin.wrong_length", {"length": "18"}),
        ("LSV", "vin.wrong_length", {"length": "3"}),
        ("LSVAM41O7C2184847", "vin.forbidden_letter", {"char": "O", "position": "8", "digit": "0"}),
        ("ISVAM4187C2184847", "vin.forbidden_letter", {"char": "I", "position": "1", "digit": "1"}),
        (
            "LSVAM4187C218484q",
            "vin.forbidden_letter",
            {"char": "Q", "position": "17", "digit": "0"},
        ),
        ("LSVAM4187C21848O", "vin.forbidden_letter", {"char": "O", "position": "16", "digit": "0"}),
        ("LSVAM4.87C2184847", "vin.bad_character", {"char": ".", "position": "7"}),
        ("LSVAM-4187C2184847", "vin.bad_character", {"char": "-", "position": "6"}),
        ("LSVAM4187C218484Ä", "vin.bad_character", {"char": "Ä", "position": "17"}),
        ("LSVAM4188C2184847", "vin.bad_check_digit", {"expected": "7", "found": "8"}),
        ("LSVAM418XC2184847", "vin.bad_check_digit", {"expected": "7", "found": "X"}),
        ("LSVAM418AC2184847", "vin.bad_check_digit", {"expected": "7", "found": "A"}),
        ("1M8GDM9A0KP042788", "vin.bad_check_digit", {"expected": "X", "found": "0"}),
        ("LSVAM4187C2184848", "vin.bad_check_digit", {"expected": "9", "found": "7"}),
    ],
)
def test_invalid_vins(text: str, code: str, params: dict[str, str]) -> None:
    result = check_vin(text)
    assert not result.valid
    assert result.reason is not None
    assert result.reason.code == code
    assert dict(result.reason.params) == params
    assert result.model_year_code is None and result.wmi is None


def test_vin_reason_texts() -> None:
    short = check_vin("LSVAM4187C218484").reason
    assert str(short) == "The VIN has 16 characters; a VIN has 17."
    bad = check_vin("LSVAM4188C2184847").reason
    assert bad is not None
    assert "is 8, but the other characters give 7" in str(bad)
    forbidden = check_vin("LSVAM41O7C2184847").reason
    assert forbidden is not None and "letter O at position 8" in str(forbidden)


def test_vin_check_digit_and_generate_vin() -> None:
    assert vin_check_digit("1M8GDM9A0KP042788") == "X"
    assert vin_check_digit("LSVAM418?C2184847".replace("?", "0")) == "7"
    assert generate_vin("1M8GDM9AKP042788") == "1M8GDM9AXKP042788"
    assert generate_vin("LSVAM418C2184847") == "LSVAM4187C2184847"


@pytest.mark.parametrize(
    "bad", ["LSVAM4187C218484", "LSVAM4187C21848477", "LSVAM4I87C2184847", "L.VAM4187C2184847"]
)
def test_vin_check_digit_refuses_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        vin_check_digit(bad)


@pytest.mark.parametrize("bad", ["LSVAM418C218484", "LSVAM418C21848477", "LSVAM418C218484O"])
def test_generate_vin_refuses_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        generate_vin(bad)


def test_a_same_value_swap_is_not_detectable() -> None:
    """A limit of ISO 3779, not of the code: A and J both count 1."""
    vin = "LSVAM4187C2184847"
    swapped = vin.replace("A", "J", 1)
    assert ref_vin_value("A") == ref_vin_value("J")
    assert check_vin(swapped).valid


# --------------------------------------------------------------------------
# VIN: properties


@given(body=vin_bodies)
def test_every_generated_vin_validates(body: str) -> None:
    vin = generate_vin(body)
    assert vin[:8] + vin[9:] == body
    assert vin[8] == ref_vin_check_char(vin)
    assert vin_check_digit(vin) == vin[8]
    result = check_vin(vin)
    assert result.valid and result.normalized == vin
    assert result.wmi == vin[:3] and result.model_year_code == vin[9]


@given(vin=vins, position=st.integers(min_value=0, max_value=16), data=st.data())
def test_single_character_change_invalidates_a_vin(
    vin: str, position: int, data: st.DataObject
) -> None:
    """Every change the standard can see is caught.

    Position 9 (index 8): any other check character.  Elsewhere: any allowed
    character with another transliteration value (same-value swaps such as
    A/J are invisible to ISO 3779, see test_a_same_value_swap_is_not_detectable).
    """
    if position == 8:
        candidates = [c for c in "0123456789X" if c != vin[8]]
    else:
        old = ref_vin_value(vin[position])
        candidates = [c for c in VIN_CHARS if ref_vin_value(c) != old]
    new = data.draw(st.sampled_from(candidates))
    changed = vin[:position] + new + vin[position + 1 :]
    result = check_vin(changed)
    assert not result.valid
    assert result.reason is not None and result.reason.code == "vin.bad_check_digit"


@given(vin=vins, position=st.integers(min_value=0, max_value=16), letter=st.sampled_from("IOQ"))
def test_forbidden_letter_anywhere_is_named(vin: str, position: int, letter: str) -> None:
    changed = vin[:position] + letter + vin[position + 1 :]
    reason = check_vin(changed).reason
    assert reason is not None and reason.code == "vin.forbidden_letter"
    assert dict(reason.params)["position"] == str(position + 1)


@given(text=st.text())
def test_vin_normalisation_is_idempotent(text: str) -> None:
    first = check_vin(text)
    assert check_vin(first.normalized) == first


@given(vin=vins)
def test_vin_case_and_spacing_do_not_matter(vin: str) -> None:
    decorated = f" {vin[:3].lower()} {vin[3:9]}\t{vin[9:].lower()} "
    assert check_vin(decorated) == check_vin(vin)


# --------------------------------------------------------------------------
# Messages


def test_messages_are_plain_english_sentences() -> None:
    for code, template in MESSAGES.items():
        assert template.isascii(), code
        assert template[0].isupper() and template.rstrip().endswith("."), code


@pytest.mark.parametrize(
    "reason",
    [
        check_resident_id("", today=TODAY).reason,
        check_resident_id("1101051949X231002X", today=TODAY).reason,
        check_resident_id("1101", today=TODAY).reason,
        check_resident_id("11010519491331002X", today=TODAY).reason,
        check_resident_id("110105194912310021", today=TODAY).reason,
        check_age(date(1950, 1, 1), TODAY),
        check_age(TODAY + timedelta(days=1), TODAY),
        check_mobile("").reason,
        check_mobile("1a").reason,
        check_mobile("1").reason,
        check_mobile("12345678901").reason,
        check_vin("").reason,
        check_vin("LSV").reason,
        check_vin("LSVO").reason,
        check_vin("LSV.").reason,
        check_vin("LSVAM4188C2184847").reason,
    ],
)
def test_every_reason_renders(reason: object) -> None:
    assert isinstance(reason, identity.Reason)
    assert MESSAGES[reason.code] == reason.template
    text = reason.render()
    assert "{" not in text and "}" not in text


def test_every_message_code_is_exercised() -> None:
    produced = {
        r.code
        for r in [
            check_resident_id("", today=TODAY).reason,
            check_resident_id("A", today=TODAY).reason,
            check_resident_id("1", today=TODAY).reason,
            check_resident_id("11010519491331002X", today=TODAY).reason,
            check_resident_id("110105194912310021", today=TODAY).reason,
            check_age(date(1950, 1, 1), TODAY),
            check_age(TODAY + timedelta(days=1), TODAY),
            check_mobile("").reason,
            check_mobile("a").reason,
            check_mobile("1").reason,
            check_mobile("12345678901").reason,
            check_vin("").reason,
            check_vin("LSV").reason,
            check_vin("O").reason,
            check_vin(".").reason,
            check_vin("LSVAM4188C2184847").reason,
        ]
        if r is not None
    }
    assert produced == set(MESSAGES)
