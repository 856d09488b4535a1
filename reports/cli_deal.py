"""``python main.py on-road`` and ``python main.py appraise``, headless.

Both need no login and no database; the rules are ``lending``'s, the same the
GUI uses, with the default settings.  The JSON forms are a contract
(ARCHITECTURE.md "The whole deal"); the table forms are for people.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from typing import Any

from db import cli_args as arg
from db.cli_args import display_width, reasons_text
from lending import parse
from lending.appraisal import (
    Appraisal,
    AppraisalError,
    AppraisalInput,
    Condition,
    ReferenceKind,
    appraise,
)
from lending.errors import UserError
from lending.identity import check_vin
from lending.onroad import LINE_CODES, Energy, OnRoadError, OnRoadQuote, VehicleKind, on_road_costs
from lending.vin import VinInfo, decode_vin, vin_warnings
from resources.i18n import translator

TR_CONTEXT = "cli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def _label(template: str) -> str:
    return translator().reason(template)


def _chinese() -> bool:
    return translator().language.lower().startswith("zh")


MAX_SEATS = 1000
MAX_MILEAGE_KM = 10_000_000
MAX_DISPLACEMENT_LITRES = 100


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "on-road", parents=[common], help="the on-the-road price: purchase tax and every cost line"
    )
    p.add_argument(
        "--price", required=True, type=arg.amount, help="vehicle price in CNY (new: invoice price)"
    )
    p.add_argument("--vehicle", required=True, type=arg.choice(VehicleKind), help="new or used")
    p.add_argument(
        "--energy", required=True, type=arg.choice(Energy), help="petrol, diesel, hybrid or nev"
    )
    p.add_argument("--date", type=arg.day, help="purchase date YYYY-MM-DD (default today)")
    p.add_argument("--seats", type=arg.whole(0, MAX_SEATS), help="number of seats (default 5)")
    p.add_argument(
        "--displacement",
        type=arg.number(0, MAX_DISPLACEMENT_LITRES),
        help="engine displacement in litres (default 1.5)",
    )
    p.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="CODE=AMOUNT",
        help="this deal's amount for a line: " + ", ".join(LINE_CODES),
    )
    p.add_argument(
        "--financed",
        action="append",
        default=[],
        metavar="CODE",
        help="finance this line instead of paying it in cash",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=run_on_road)

    a = sub.add_parser(
        "appraise",
        parents=[common],
        help="vehicle value from a reference price, with every adjustment",
    )
    a.add_argument(
        "--reference-price", required=True, type=arg.amount, help="reference price in CNY"
    )
    a.add_argument(
        "--reference",
        required=True,
        type=arg.choice(ReferenceKind),
        help="used-market or new-guide",
    )
    a.add_argument("--first-registration", required=True, type=arg.day, help="date YYYY-MM-DD")
    a.add_argument(
        "--mileage", required=True, type=arg.whole(0, MAX_MILEAGE_KM), help="odometer reading in km"
    )
    a.add_argument(
        "--condition",
        required=True,
        type=arg.choice(Condition),
        help="excellent, good, fair or poor",
    )
    a.add_argument("--date", type=arg.day, help="appraisal date YYYY-MM-DD (default today)")
    a.add_argument("--vin", help="the 17-character VIN: model year and manufacturer")
    a.add_argument(
        "--deal-price",
        type=arg.amount,
        help="the price agreed for the car, checked against the value",
    )
    a.add_argument("--json", action="store_true", help="print one JSON object")
    a.set_defaults(handler=run_appraise)


# --- on-road --------------------------------------------------------------------


def _line_overrides(items: list[str]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for item in items:
        code, sep, value = item.partition("=")
        if not sep:
            raise UserError(
                _t("--line takes CODE=AMOUNT, got '{value}'.").format(value=parse.shown(item))
            )
        try:
            out[code.strip()] = parse.amount(value)
        except parse.ParseError as exc:
            raise UserError(
                f"--line {parse.shown(code.strip())}: {reasons_text(exc.reasons)}"
            ) from None
    return out


def on_road_from_args(args: argparse.Namespace) -> OnRoadQuote:
    try:
        return on_road_costs(
            args.price,
            args.vehicle,
            args.energy,
            args.date or date.today(),
            seats=args.seats,
            displacement_litres=args.displacement,
            overrides=_line_overrides(args.line),
            financed=dict.fromkeys((c.strip() for c in args.financed), True),
        )
    except OnRoadError as exc:
        raise UserError(reasons_text(exc.reasons)) from None


def on_road_json(q: OnRoadQuote) -> dict[str, Any]:
    return {
        "price": str(q.price),
        "purchase_tax": str(q.purchase_tax),
        "lines": [
            {
                "code": line.code,
                "label": _label(line.label),
                "amount": str(line.amount),
                "financed": line.financed,
            }
            for line in q.lines
        ],
        "total": str(q.total),
    }


def on_road_table(q: OnRoadQuote) -> str:
    rows = [(_t("Vehicle price"), f"{q.price:,.2f}", "")]
    rows += [
        (_label(line.label), f"{line.amount:,.2f}", _t("financed") if line.financed else _t("cash"))
        for line in q.lines
    ]
    rows.append((_t("On-the-road price"), f"{q.total:,.2f}", ""))
    rows.append((_t("Cash lines"), f"{q.cash_lines_total:,.2f}", ""))
    rows.append((_t("Financed lines"), f"{q.financed_lines_total:,.2f}", ""))
    return _table(rows)


def run_on_road(args: argparse.Namespace) -> int:
    q = on_road_from_args(args)
    if args.json:
        print(json.dumps(on_road_json(q), ensure_ascii=False))
    else:
        print(on_road_table(q))
    return 0


# --- appraise ---------------------------------------------------------------------


def _vin(text: str | None, args_date: Any) -> VinInfo | None:
    if text is None:
        return None
    from resources import wmi_table

    check = check_vin(text)
    if not check.valid:
        assert check.reason is not None
        raise UserError(reasons_text([check.reason]))
    info = decode_vin(check.normalized, wmi_table(), args_date)
    assert info is not None
    return info


def appraisal_from_args(args: argparse.Namespace) -> tuple[Appraisal, VinInfo | None]:
    on = args.date or date.today()
    info = _vin(args.vin, on)
    try:
        result = appraise(
            AppraisalInput(
                market_reference_price=args.reference_price,
                first_registration=args.first_registration,
                appraisal_date=on,
                mileage_km=args.mileage,
                condition=args.condition,
                reference=args.reference,
                deal_price=args.deal_price,
                vin=info.vin if info is not None else "",
            )
        )
    except AppraisalError as exc:
        raise UserError(reasons_text(exc.reasons)) from None
    return result, info


def _flags(a: Appraisal, info: VinInfo | None) -> list[Any]:
    reasons = [*a.sanity_flags, *a.odometer_flags, *a.limit_reasons, *a.exclusion_reasons]
    if info is not None and info.manufacturer is None:
        reasons += vin_warnings(info, None)
    return reasons


def appraisal_json(a: Appraisal, info: VinInfo | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "value": str(a.value),
        "reference_price": str(a.reference_price),
        "reference": a.reference.value,
        "adjustments": [
            {"code": x.code, "label": x.reason.render(translator().reason), "amount": str(x.amount)}
            for x in a.adjustments
        ],
        "flags": [
            {"code": r.code, "label": r.render(translator().reason)} for r in _flags(a, info)
        ],
    }
    if info is not None:
        m = info.manufacturer
        data["vin"] = {
            "vin": info.vin,
            "wmi": info.wmi,
            "manufacturer": None if m is None else (m.name_zh if _chinese() else m.name_en),
            "manufacturer_en": None if m is None else m.name_en,
            "manufacturer_zh": None if m is None else m.name_zh,
            "model_year": info.model_year,
        }
    return data


def appraisal_table(a: Appraisal, info: VinInfo | None) -> str:
    kinds = {
        ReferenceKind.USED_MARKET: _t("used-market price"),
        ReferenceKind.NEW_GUIDE: _t("new-car guide price"),
    }
    rows = [
        (
            _t("Reference price ({kind})").format(kind=kinds[a.reference]),
            f"{a.reference_price:,.2f}",
        )
    ]
    rows += [(x.reason.render(translator().reason), f"{x.amount:+,.2f}") for x in a.adjustments]
    rows.append((_t("Value"), f"{a.value:,.2f}"))
    lines = _table([(label, value, "") for label, value in rows]).splitlines()
    if info is not None:
        m = info.manufacturer
        name = _t("unknown") if m is None else (m.name_zh if _chinese() else m.name_en)
        lines.append(
            _t("VIN {vin}: {manufacturer}, model year {year}").format(
                vin=info.vin, manufacturer=name, year=info.model_year
            )
        )
    lines += [f"! {r.render(translator().reason)}" for r in _flags(a, info)]
    return "\n".join(lines)


def run_appraise(args: argparse.Namespace) -> int:
    a, info = appraisal_from_args(args)
    if args.json:
        print(json.dumps(appraisal_json(a, info), ensure_ascii=False))
    else:
        print(appraisal_table(a, info))
    return 0


# --- shared ----------------------------------------------------------------------


def _table(rows: list[tuple[str, str, str]]) -> str:
    left = max(display_width(r[0]) for r in rows)
    right = max(len(r[1]) for r in rows)
    return "\n".join(
        (
            label
            + " " * (left - display_width(label))
            + "  "
            + value.rjust(right)
            + (f"  {note}" if note else "")
        ).rstrip()
        for label, value, note in rows
    )
