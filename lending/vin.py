"""Offline VIN decode: model year (position 10) and manufacturer (WMI, positions 1-3).

The model-year code repeats every 30 years (A = 1980 or 2010, ..., Y = 2000
or 2030, 1 = 2001 or 2031, ..., 9 = 2009 or 2039); the decode takes the
latest year that is not after next year.  The manufacturer comes from a WMI
table handed in by the caller (``lending`` does no I/O: the shipped table
is ``resources/wmi_china.csv``, read by :func:`resources.wmi_table`).  The
model year is checked against the first registration date: a car is
registered in or around its model year, so one further apart than the
settings' tolerance gets a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from lending.identity import check_vin
from lending.reasons import Reason
from lending.settings import DEFAULT_SETTINGS, LendingSettings

MESSAGES: dict[str, str] = {
    "vin.unknown_manufacturer": "The manufacturer code {wmi} is not in the table.",
    "vin.model_year_far_from_registration": (
        "The VIN says model year {model_year}, but the car was first registered in {year}; "
        "check the VIN and the registration certificate."
    ),
}

YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"
"""Position-10 characters in order: A = 1980 (and 2010), the cycle is 30 years."""
_FIRST_YEAR = 1980
_CYCLE = 30


@dataclass(frozen=True)
class Manufacturer:
    wmi: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class VinInfo:
    vin: str
    wmi: str
    model_year: int
    manufacturer: Manufacturer | None
    """None when the WMI is not in the table."""


def model_year(code: str, today: date) -> int:
    """The latest year for model-year ``code`` that is not after ``today.year + 1``.

    Raises :class:`ValueError` for a character that is not a model-year code.
    """
    index = YEAR_CODES.find(code.upper()) if len(code) == 1 else -1
    if index < 0:
        raise ValueError(f"not a model-year code: {code!r}")
    year = _FIRST_YEAR + index
    limit = today.year + 1
    year += (limit - year) // _CYCLE * _CYCLE
    return year


def decode_vin(text: str, wmi_table: Mapping[str, Manufacturer], today: date) -> VinInfo | None:
    """Model year and manufacturer of a valid VIN; None when ``text`` is not a valid VIN."""
    check = check_vin(text)
    if not check.valid or check.wmi is None or check.model_year_code is None:
        return None
    return VinInfo(
        vin=check.normalized,
        wmi=check.wmi,
        model_year=model_year(check.model_year_code, today),
        manufacturer=wmi_table.get(check.wmi),
    )


def vin_warnings(
    info: VinInfo,
    first_registration: date | None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> list[Reason]:
    """An unknown manufacturer; a model year far from the first registration year."""
    found: list[Reason] = []
    if info.manufacturer is None:
        found.append(Reason.of(MESSAGES, "vin.unknown_manufacturer", wmi=info.wmi))
    found.extend(vin_warnings_for_year(info.model_year, first_registration, settings))
    return found


def vin_warnings_for_year(
    year: int,
    first_registration: date | None,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> list[Reason]:
    """A model year further from the first registration year than the tolerance."""
    if first_registration is None:
        return []
    if abs(year - first_registration.year) <= settings.vin_model_year_tolerance_years:
        return []
    return [
        Reason.of(
            MESSAGES,
            "vin.model_year_far_from_registration",
            model_year=year,
            year=first_registration.year,
        )
    ]
