"""Checks for what a customer types at reception: ID number, mobile, VIN.

Pure functions, no I/O.  Each ``check_*`` function takes raw user text and
returns a frozen result with the normalised value and, when the value is
not valid, a :class:`~lending.reasons.Reason` built from :data:`MESSAGES`.

Input clean-up shared by all checks: full-width ASCII characters (what a
Chinese input method produces, e.g. ``１３８``, ``Ｘ``) become their ASCII
forms, all white space (including the ideographic space U+3000) is removed,
letters become upper case.  The normalised value of an invalid input is
that cleaned text, so normalising twice changes nothing.

Personal data (PIPL): reasons may be shown, printed or logged, so they never
carry the whole ID number or mobile number, only the part that is wrong
(a position, a character, a prefix, the birth-date digits).

PRC resident ID number (GB 11643-1999): 17 digits and a check character
(ISO 7064 MOD 11-2, ``0``-``9`` or ``X``).  Digits 1-6 are the region code,
7-14 the birth date ``YYYYMMDD``, 15-17 a sequence number whose last digit is
odd for men and even for women.  The check character and the birth date are
computed with python-stdnum (:mod:`stdnum.cn.ric`); the region code is not
looked up (stdnum's register does not know every code ever issued), it is
only returned.  A birth date before :data:`EARLIEST_BIRTH_DATE` or after
``today`` is refused.

Mainland mobile number: 11 digits, ``1`` then ``3``-``9``.  Spaces, dashes
and a leading ``+86``, ``0086`` or ``86`` (the last only when 13 digits were
given, so it cannot eat a local number) are removed; an invalid number keeps
its country code in ``normalized`` so that checking it again gives the same
result.

VIN (ISO 3779, 49 CFR 565, GB 16735): 17 characters from ``0``-``9`` and
``A``-``Z`` without ``I``, ``O``, ``Q``; position 9 is a check character,
mandatory on Chinese VINs.  The check character catches every single-character
typo *that changes the character's transliteration value*; a swap between
letters sharing a value (``A``/``J``, ``B``/``K``/``S``, ``1``/``A``/``J`` ...)
cannot be detected by the standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from lending.reasons import Reason

MESSAGES: dict[str, str] = {
    # resident ID number
    "id.empty": "Please enter the ID card number.",
    "id.bad_character": (
        "The ID number has '{char}' at position {position}; it may only contain digits, "
        "with X allowed as the last character."
    ),
    "id.wrong_length": ("The ID number has {length} characters; a resident ID number has 18."),
    "id.bad_birth_date": (
        "The ID number gives {birth} as the birth date, which is not a possible date of "
        "birth. Please check characters 7 to 14 against the ID card."
    ),
    "id.bad_checksum": (
        "The ID number does not pass the check on its last character; one of the "
        "characters was probably mistyped. Please compare it with the ID card."
    ),
    # age
    "age.out_of_range": (
        "The applicant is {age} on {on}; lenders accept ages {minimum} to {maximum}."
    ),
    "age.born_after_date": "The birth date {birth} is after {on}; please check the dates.",
    # mobile number
    "phone.empty": "Please enter the mobile number.",
    "phone.non_digits": (
        "The mobile number contains '{char}'; only digits are allowed "
        "(spaces, dashes and +86 are fine)."
    ),
    "phone.wrong_length": (
        "The mobile number has {length} digits; a mainland mobile number has 11."
    ),
    "phone.wrong_prefix": (
        "Mainland mobile numbers start with 13 to 19; this one starts with {prefix}."
    ),
    # VIN
    "vin.empty": "Please enter the VIN (vehicle identification number).",
    "vin.wrong_length": "The VIN has {length} characters; a VIN has 17.",
    "vin.forbidden_letter": (
        "The VIN has the letter {char} at position {position}; VINs never use I, O or Q. "
        "It is probably the digit {digit}."
    ),
    "vin.bad_character": (
        "The VIN has '{char}' at position {position}; only digits and the letters A to Z "
        "(except I, O and Q) are allowed."
    ),
    "vin.bad_check_digit": (
        "The VIN's check character (position 9) is {found}, but the other characters "
        "give {expected}; one of them was probably mistyped. Please compare it with the "
        "registration certificate."
    ),
}

DIGITS: Final = frozenset("0123456789")
EARLIEST_BIRTH_DATE: Final = date(1900, 1, 1)
ID_LENGTH: Final = 18
PHONE_LENGTH: Final = 11
VIN_LENGTH: Final = 17
VIN_CHECK_POSITION: Final = 9  # 1-based
DEFAULT_MIN_AGE: Final = 22
DEFAULT_MAX_AGE: Final = 60

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic space -> space.
_FULL_WIDTH: Final = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _squeeze(text: str) -> str:
    """Full-width -> ASCII, drop all white space."""
    return "".join(text.translate(_FULL_WIDTH).split())


def _clean(text: str) -> str:
    """:func:`_squeeze`, then upper-case."""
    return _squeeze(text).upper()


def _reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


# --------------------------------------------------------------------------
# Resident ID number


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class IdCheck:
    """Result of :func:`check_resident_id`.

    ``birth_date``, ``sex`` and ``region_code`` are set only when ``valid``.
    """

    valid: bool
    normalized: str
    reason: Reason | None = None
    birth_date: date | None = None
    sex: Sex | None = None
    region_code: str | None = None


def _id_invalid(normalized: str, code: str, **params: object) -> IdCheck:
    return IdCheck(valid=False, normalized=normalized, reason=_reason(code, **params))


def check_resident_id(text: str, *, today: date | None = None) -> IdCheck:
    """Check an 18-character PRC resident ID number.

    Checks run in this order and the first failure is reported: empty, bad
    character (anything but digits and ``X``), length, ``X`` anywhere but
    last (bad character; after the length so that a number with a digit
    missed or added is reported as too short or too long), birth date (a
    real calendar date, not before :data:`EARLIEST_BIRTH_DATE`, not after
    ``today``), check character.  ``today`` defaults to the system date.
    """
    normalized = _clean(text)
    if not normalized:
        return _id_invalid(normalized, "id.empty")
    for index, char in enumerate(normalized):
        if char not in DIGITS and char != "X":
            return _id_invalid(normalized, "id.bad_character", char=char, position=index + 1)
    if len(normalized) != ID_LENGTH:
        return _id_invalid(normalized, "id.wrong_length", length=len(normalized))
    x_at = normalized.find("X", 0, ID_LENGTH - 1)
    if x_at >= 0:
        return _id_invalid(normalized, "id.bad_character", char="X", position=x_at + 1)

    digits = normalized[6:14]
    shown = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    try:
        birth = ric.get_birth_date(normalized)
    except (ValidationError, ValueError):
        return _id_invalid(normalized, "id.bad_birth_date", birth=shown)
    today = date.today() if today is None else today
    if not EARLIEST_BIRTH_DATE <= birth <= today:
        return _id_invalid(normalized, "id.bad_birth_date", birth=shown)

    if ric.calc_check_digit(normalized) != normalized[-1]:
        return _id_invalid(normalized, "id.bad_checksum")

    return IdCheck(
        valid=True,
        normalized=normalized,
        birth_date=birth,
        sex=Sex.MALE if int(normalized[16]) % 2 == 1 else Sex.FEMALE,
        region_code=normalized[:6],
    )


def generate_resident_id(region: str, birth: date, sequence: int) -> str:
    """Build an ID number with a correct check character (demo data, tests).

    ``region`` is 6 digits, ``sequence`` 0-999 (odd last digit: male).
    Raises :class:`ValueError` for anything else.  The birth date is not
    checked: a date before :data:`EARLIEST_BIRTH_DATE` or in the future gives
    a number that :func:`check_resident_id` refuses (useful for tests).
    """
    if len(region) != 6 or not set(region) <= DIGITS:
        raise ValueError(f"region must be 6 digits, got {region!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0-999, got {sequence}")
    body = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    # calc_check_digit expects the check character in place and ignores it.
    return body + ric.calc_check_digit(body + "0")


# --------------------------------------------------------------------------
# Age


def age_on(birth: date, on: date) -> int:
    """Completed years of age on ``on``.

    A person born on 29 February has their birthday on 1 March in years
    without a 29 February (they are not yet a year older on 28 February).
    This is the usual reading of "full years"; qualification uses this same
    function.  When ``on`` is before ``birth`` the
    result is 0 or negative; :func:`check_age` reports that case separately.
    """
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def birthday_in(birth: date, year: int) -> date:
    """The date on which someone born on ``birth`` turns a year older in ``year``."""
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 3, 1)


def check_age(
    birth: date,
    on: date,
    minimum: int = DEFAULT_MIN_AGE,
    maximum: int = DEFAULT_MAX_AGE,
) -> Reason | None:
    """``None`` when the age on ``on`` is within ``minimum``..``maximum`` (inclusive)."""
    if minimum > maximum:
        raise ValueError(f"minimum age {minimum} is above maximum age {maximum}")
    if birth > on:
        return _reason("age.born_after_date", birth=birth.isoformat(), on=on.isoformat())
    age = age_on(birth, on)
    if minimum <= age <= maximum:
        return None
    return _reason("age.out_of_range", age=age, on=on.isoformat(), minimum=minimum, maximum=maximum)


# --------------------------------------------------------------------------
# Mobile number


@dataclass(frozen=True)
class PhoneCheck:
    """Result of :func:`check_mobile`.

    ``normalized`` is the bare 11 digits when ``valid``; otherwise the input
    without white space and dashes (country code kept), so showing it back
    in the field and checking it again gives the same result.
    """

    valid: bool
    normalized: str
    reason: Reason | None = None


_COUNTRY_PREFIXES: Final = ("+86", "0086")
_DASHES: Final = str.maketrans("", "", "-\u2010\u2011\u2012\u2013\u2014\u2212")


def _national_number(tidy: str) -> str:
    """Drop a leading +86 / 0086, or 86 when exactly 13 characters are left."""
    for prefix in _COUNTRY_PREFIXES:
        if tidy.startswith(prefix):
            return tidy[len(prefix) :]
    if tidy.startswith("86") and len(tidy) == PHONE_LENGTH + 2:
        return tidy[2:]
    return tidy


def check_mobile(text: str) -> PhoneCheck:
    """Check a mainland China mobile number (11 digits, 13-19 prefix).

    Order: empty, non-digit, length, prefix.  Spaces, dashes and a leading
    country code are ignored.
    """
    tidy = _squeeze(text).translate(_DASHES)
    number = _national_number(tidy)

    def invalid(code: str, **params: object) -> PhoneCheck:
        return PhoneCheck(valid=False, normalized=tidy, reason=_reason(code, **params))

    if not number:
        return invalid("phone.empty")
    for char in number:
        if char not in DIGITS:
            return invalid("phone.non_digits", char=char)
    if len(number) != PHONE_LENGTH:
        return invalid("phone.wrong_length", length=len(number))
    if number[0] != "1" or number[1] not in "3456789":
        return invalid("phone.wrong_prefix", prefix=number[:2])
    return PhoneCheck(valid=True, normalized=number)


# --------------------------------------------------------------------------
# VIN


@dataclass(frozen=True)
class VinCheck:
    """Result of :func:`check_vin`; ``model_year_code`` (position 10) and
    ``wmi`` (world manufacturer identifier, positions 1-3) are set only when
    ``valid``."""

    valid: bool
    normalized: str
    reason: Reason | None = None
    model_year_code: str | None = None
    wmi: str | None = None


VIN_WEIGHTS: Final = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_VALUES: Final[dict[str, int]] = {
    **{d: int(d) for d in "0123456789"},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
VIN_FORBIDDEN: Final = {"I": "1", "O": "0", "Q": "0"}  # letter -> the digit meant


def _vin_problem(text: str) -> Reason | None:
    """The first forbidden or unknown character of cleaned VIN text, if any."""
    for index, char in enumerate(text):
        if char in VIN_FORBIDDEN:
            return _reason(
                "vin.forbidden_letter",
                char=char,
                position=index + 1,
                digit=VIN_FORBIDDEN[char],
            )
        if char not in VIN_VALUES:
            return _reason("vin.bad_character", char=char, position=index + 1)
    return None


def _vin_check_char(vin17: str) -> str:
    total = sum(VIN_VALUES[c] * w for c, w in zip(vin17, VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def vin_check_digit(vin17: str) -> str:
    """The check character (``0``-``9`` or ``X``) for a 17-character VIN.

    Position 9 is ignored (its weight is 0).  Raises :class:`ValueError` for
    a wrong length or a character a VIN cannot contain.
    """
    problem = _vin_problem(vin17)
    if problem is not None:
        raise ValueError(problem.render())
    if len(vin17) != VIN_LENGTH:
        raise ValueError(f"a VIN has 17 characters, got {len(vin17)}")
    return _vin_check_char(vin17)


def generate_vin(prefix16_without_check: str) -> str:
    """A valid VIN from positions 1-8 and 10-17 (16 characters): demo data, tests."""
    if len(prefix16_without_check) != VIN_LENGTH - 1:
        raise ValueError(f"expected 16 characters, got {len(prefix16_without_check)}")
    head, tail = prefix16_without_check[:8], prefix16_without_check[8:]
    draft = f"{head}0{tail}"
    return f"{head}{vin_check_digit(draft)}{tail}"


def check_vin(text: str) -> VinCheck:
    """Check a 17-character VIN, including its check character.

    Order: empty, forbidden letter I/O/Q, other bad character, length,
    check character.
    """
    normalized = _clean(text)

    def invalid(reason: Reason) -> VinCheck:
        return VinCheck(valid=False, normalized=normalized, reason=reason)

    if not normalized:
        return invalid(_reason("vin.empty"))
    problem = _vin_problem(normalized)
    if problem is not None:
        return invalid(problem)
    if len(normalized) != VIN_LENGTH:
        return invalid(_reason("vin.wrong_length", length=len(normalized)))
    expected = _vin_check_char(normalized)
    found = normalized[VIN_CHECK_POSITION - 1]
    if expected != found:
        return invalid(_reason("vin.bad_check_digit", expected=expected, found=found))
    return VinCheck(
        valid=True,
        normalized=normalized,
        model_year_code=normalized[9],
        wmi=normalized[:3],
    )


__all__ = [
    "DEFAULT_MAX_AGE",
    "DEFAULT_MIN_AGE",
    "EARLIEST_BIRTH_DATE",
    "MESSAGES",
    "IdCheck",
    "PhoneCheck",
    "Sex",
    "VinCheck",
    "age_on",
    "birthday_in",
    "check_age",
    "check_mobile",
    "check_resident_id",
    "check_vin",
    "generate_resident_id",
    "generate_vin",
    "vin_check_digit",
]
