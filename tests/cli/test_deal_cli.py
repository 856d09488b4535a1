"""The whole deal on the command line: quote balloon / --lender-rate / --target-payment,
on-road and appraise, as outside tests use them (in this process: tests/cli/runner.py)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.cli.test_quote import run

D = Decimal
BALLOON = [
    "quote",
    "--amount",
    "210000",
    "--term",
    "36",
    "--annual-rate",
    "4.99",
    "--method",
    "balloon",
    "--start-date",
    "2026-12-01",
]


def ok_json(*args: str) -> dict[str, object]:
    out = run(*args, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert isinstance(data, dict)
    return data


def fails(*args: str, needle: str, lang: str = "en") -> None:
    out = run(*args, lang=lang)
    assert out.returncode == 2, out.stdout + out.stderr
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert needle in lines[0]
    assert "Traceback" not in out.stderr


def test_balloon_by_amount_and_by_percent() -> None:
    by_amount = ok_json(*BALLOON, "--balloon", "52500")
    by_percent = ok_json(*BALLOON, "--balloon-percent", "25")
    for data in (by_amount, by_percent):
        assert data["method"] == "balloon"
        assert data["first_payment"] == "4938.02"
        assert data["balloon"] == "52500.00"
        rows = data["schedule"]
        assert isinstance(rows, list)
        assert rows[-1]["balance"] == "0.00"
        assert sum(D(r["principal"]) for r in rows) == D("210000.00")
        assert D(rows[-1]["payment"]) - D("52500.00") - D("4938.02") < 1
    zero = ok_json(*[a if a != "4.99" else "0" for a in BALLOON], "--balloon", "52500")
    assert zero["first_payment"] == "4375.00"


def test_subsidised_quote() -> None:
    data = ok_json(
        "quote",
        "--amount",
        "100000",
        "--term",
        "36",
        "--annual-rate",
        "0",
        "--method",
        "equal_installment",
        "--lender-rate",
        "6",
    )
    assert (data["lender_rate"], data["subsidy"], data["apr"]) == ("6.00", "8691.62", "0.00")
    # fees make a "0 %" loan cost money: the APR stays the customer's own, fees included
    fee = ok_json(
        "quote",
        "--amount",
        "100000",
        "--term",
        "36",
        "--annual-rate",
        "0",
        "--method",
        "equal_installment",
        "--lender-rate",
        "6",
        "--upfront-fee",
        "2000",
    )
    assert D(str(fee["apr"])) > 1 and fee["subsidy"] == "8691.62"


def test_target_payment_solves_the_down_payment() -> None:
    data = ok_json(
        "quote",
        "--price",
        "150000",
        "--target-payment",
        "3000",
        "--term",
        "36",
        "--annual-rate",
        "6",
        "--method",
        "equal_installment",
    )
    # 3000 (1 - 1.005^-36) / 0.005 = 98,613.32: the largest whole-yuan loan is 98,613
    r = Fraction(1, 200)
    largest = int(Fraction(3000) * (1 - 1 / (1 + r) ** 36) / r)
    assert data["down_payment"] == f"{150000 - largest}.00"
    assert data["amount"] == f"{largest}.00"
    assert all(D(row["payment"]) <= 3000 for row in data["schedule"])  # type: ignore[attr-defined]


def test_target_payment_with_balloon_bounds_the_regular_payments() -> None:
    data = ok_json(
        "quote",
        "--price",
        "250000",
        "--target-payment",
        "4000",
        "--term",
        "36",
        "--annual-rate",
        "4.99",
        "--method",
        "balloon",
        "--balloon-percent",
        "25",
    )
    rows = data["schedule"]
    assert isinstance(rows, list)
    assert D(str(data["balloon"])) == (D(str(data["amount"])) / 4).quantize(D("0.01"))
    assert max(D(r["payment"]) for r in rows[:-1]) <= 4000
    assert D(rows[-1]["payment"]) - D(str(data["balloon"])) <= 4000
    assert D(str(data["down_payment"])) + D(str(data["amount"])) == 250000


def test_target_unreachable_exits_2() -> None:
    fails(
        "quote",
        "--price",
        "150000",
        "--target-payment",
        "10",
        "--term",
        "36",
        "--annual-rate",
        "6",
        "--method",
        "equal_installment",
        "--upfront-fee",
        "500",
        needle="No down payment",
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (BALLOON, "--balloon"),
        ([*BALLOON, "--balloon", "1", "--balloon-percent", "1"], "--balloon"),
        ([*BALLOON, "--balloon", "210000"], "less than the loan amount"),
        ([*BALLOON, "--balloon-percent", "100"], "below 100"),
        ([*BALLOON, "--balloon", "-5"], "negative"),
        (
            [
                "quote",
                "--amount",
                "1000",
                "--term",
                "12",
                "--annual-rate",
                "5",
                "--method",
                "equal_installment",
                "--balloon",
                "100",
            ],
            "balloon method",
        ),
        (
            [
                "quote",
                "--amount",
                "1000",
                "--term",
                "12",
                "--annual-rate",
                "5",
                "--method",
                "equal_installment",
                "--lender-rate",
                "4",
            ],
            "--lender-rate",
        ),
        (
            [
                "quote",
                "--amount",
                "1000",
                "--term",
                "12",
                "--annual-rate",
                "5",
                "--method",
                "equal_installment",
                "--lender-rate",
                "x",
            ],
            "--lender-rate",
        ),
        (
            ["quote", "--term", "12", "--annual-rate", "5", "--method", "equal_installment"],
            "--amount",
        ),
        (
            [
                "quote",
                "--price",
                "1000",
                "--term",
                "12",
                "--annual-rate",
                "5",
                "--method",
                "equal_installment",
            ],
            "--target-payment",
        ),
        (
            [
                "quote",
                "--amount",
                "1000",
                "--target-payment",
                "100",
                "--term",
                "12",
                "--annual-rate",
                "5",
                "--method",
                "equal_installment",
            ],
            "--price",
        ),
        (
            [
                "quote",
                "--price",
                "0",
                "--target-payment",
                "100",
                "--term",
                "12",
                "--annual-rate",
                "5",
                "--method",
                "equal_installment",
            ],
            "greater than zero",
        ),
    ],
)
def test_bad_deal_quotes(args: list[str], needle: str) -> None:
    fails(*args, needle=needle)


def test_quote_tables_show_the_deal_in_both_languages() -> None:
    out = run(
        "quote",
        "--price",
        "150000",
        "--target-payment",
        "3000",
        "--term",
        "36",
        "--annual-rate",
        "6",
        "--method",
        "balloon",
        "--balloon-percent",
        "20",
        "--lender-rate",
        "8",
        lang="zh_CN",
    )
    assert out.returncode == 0, out.stderr
    for word in ("首付", "目标月供", "尾款", "资金方利率", "贴息金额", "弹性尾款"):
        assert word in out.stdout
    out = run(*BALLOON, "--balloon", "52500")
    assert "Balloon (with the last payment): 52,500.00" in out.stdout


# --- on-road --------------------------------------------------------------------


def test_on_road_json_contract() -> None:
    data = ok_json(
        "on-road",
        "--price",
        "200000",
        "--vehicle",
        "new",
        "--energy",
        "petrol",
        "--date",
        "2026-12-01",
        "--seats",
        "5",
        "--displacement",
        "1.5",
    )
    assert data["price"] == "200000.00" and data["purchase_tax"] == "17699.12"
    lines = data["lines"]
    assert isinstance(lines, list)
    assert {tuple(sorted(line)) for line in lines} == {("amount", "code", "financed", "label")}
    by_code = {line["code"]: line for line in lines}
    assert by_code["purchase_tax"]["amount"] == "17699.12"
    assert by_code["compulsory_insurance"]["amount"] == "950.00"
    assert by_code["vessel_tax"]["amount"] == "30.00"  # 360 a year, December only
    assert D(str(data["total"])) == D("200000") + sum(D(line["amount"]) for line in lines)


@pytest.mark.parametrize(
    ("price", "on", "tax"),
    [
        ("339900", "2026-12-01", "15079.65"),
        ("200000", "2026-12-01", "8849.56"),
        ("200000", "2025-06-01", "0.00"),
        ("200000", "2028-01-01", "17699.12"),
    ],
)
def test_on_road_nev_purchase_tax(price: str, on: str, tax: str) -> None:
    data = ok_json("on-road", "--price", price, "--vehicle", "new", "--energy", "nev", "--date", on)
    assert data["purchase_tax"] == tax
    lines = data["lines"]
    assert isinstance(lines, list)
    assert {line["code"]: line["amount"] for line in lines}["vessel_tax"] == "0.00"


def test_on_road_used_seven_seats_and_financed_lines() -> None:
    data = ok_json(
        "on-road",
        "--price",
        "80000",
        "--vehicle",
        "used",
        "--energy",
        "diesel",
        "--seats",
        "7",
        "--date",
        "2026-07-01",
        "--line",
        "finance_service_fee=2500",
        "--financed",
        "finance_service_fee",
    )
    lines = data["lines"]
    assert isinstance(lines, list)
    by_code = {line["code"]: line for line in lines}
    assert data["purchase_tax"] == "0.00"
    assert by_code["transfer_fee"]["amount"] == "500.00"
    assert by_code["compulsory_insurance"]["amount"] == "1100.00"
    assert by_code["finance_service_fee"] == {
        "code": "finance_service_fee",
        "label": "Finance service fee",
        "amount": "2500.00",
        "financed": True,
    }


def test_on_road_table_in_chinese() -> None:
    out = run(
        "on-road",
        "--price",
        "200000",
        "--vehicle",
        "new",
        "--energy",
        "petrol",
        "--date",
        "2026-12-01",
        lang="zh_CN",
    )
    assert out.returncode == 0, out.stderr
    assert "车辆购置税" in out.stdout and "17,699.12" in out.stdout and "落地价" in out.stdout


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (["--price", "-1"], "negative"),
        (["--price", "abc"], "--price"),
        (["--vehicle", "boat"], "--vehicle"),
        (["--energy", "steam"], "--energy"),
        (["--date", "2026-02-30"], "--date"),
        (["--seats", "0"], "seats"),
        (["--displacement", "20"], "displacement"),
        (["--line", "caviar=5"], "caviar"),
        (["--line", "gps"], "CODE=AMOUNT"),
    ],
)
def test_on_road_bad_input(change: list[str], needle: str) -> None:
    args = ["on-road", "--price", "200000", "--vehicle", "new", "--energy", "petrol"]
    for option, value in zip(change[::2], change[1::2], strict=True):
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    fails(*args, needle=needle)


# --- appraise -------------------------------------------------------------------

APPRAISE = [
    "appraise",
    "--reference-price",
    "150000",
    "--reference",
    "used-market",
    "--first-registration",
    "2023-12-01",
    "--mileage",
    "60000",
    "--condition",
    "good",
    "--date",
    "2026-12-01",
]


def test_appraise_json_contract() -> None:
    data = ok_json(*APPRAISE)
    assert data["value"] == "150000.00"  # typical mileage, good condition
    assert "vin" not in data
    adjustments = data["adjustments"]
    assert isinstance(adjustments, list)
    assert [a["code"] for a in adjustments] == ["mileage", "condition"]
    assert {tuple(sorted(a)) for a in adjustments} == {("amount", "code", "label")}
    above = ok_json(*[a if a != "60000" else "100000" for a in APPRAISE])
    # 40,000 km above typical: 2 x 6 % = 12 % less
    assert above["value"] == "132000.00"


def test_appraise_new_guide_with_vin() -> None:
    args = [a if a != "used-market" else "new-guide" for a in APPRAISE]
    data = ok_json(*args, "--vin", "LRW3E7FS5PC695355")
    # 0.88^3 = 0.681472 of 150,000
    assert data["value"] == "102220.80"
    assert data["vin"] == {
        "vin": "LRW3E7FS5PC695355",
        "wmi": "LRW",
        "manufacturer": "Tesla Shanghai",
        "manufacturer_en": "Tesla Shanghai",
        "manufacturer_zh": "特斯拉（上海）",
        "model_year": 2023,
    }
    adjustments = data["adjustments"]
    assert isinstance(adjustments, list)
    assert sum(D(a["amount"]) for a in adjustments) == D("102220.80") - 150000


def test_appraise_flags_and_chinese_table() -> None:
    data = ok_json(*[a if a != "150000" else "6" for a in APPRAISE])
    flags = data["flags"]
    assert isinstance(flags, list)
    assert [f["code"] for f in flags] == ["sanity.reference_out_of_band"]
    out = run(*APPRAISE, "--vin", "LRW3E7FS5PC695355", lang="zh_CN")
    assert out.returncode == 0, out.stderr
    assert "特斯拉（上海）" in out.stdout and "车况良好" in out.stdout and "评估价" in out.stdout


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (["--reference", "dealer"], "--reference"),
        (["--condition", "mint"], "--condition"),
        (["--mileage", "1.5"], "--mileage"),
        (["--mileage", "-1"], "negative"),
        (["--first-registration", "2027-01-01"], "after the appraisal date"),
        (["--reference-price", "0"], "greater than zero"),
        (["--vin", "LRW3E7FS5PC695356"], "VIN"),
    ],
)
def test_appraise_bad_input(change: list[str], needle: str) -> None:
    args = list(APPRAISE)
    option, value = change
    if option in args:
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    fails(*args, needle=needle)
