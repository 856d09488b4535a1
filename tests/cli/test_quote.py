"""``main.py quote`` as outside tests use it.

The commands run in this process (:mod:`tests.cli.runner`); the JSON contract is also
checked to come out of a real ``python main.py`` process byte for byte the same."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal

import pytest

from tests.cli.runner import run_main, run_process


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """``python main.py *args`` (in this process: :mod:`tests.cli.runner`)."""
    return run_main(args, env={"LOANDESK_LANG": lang})


BASE = [
    "quote",
    "--amount",
    "105000",
    "--term",
    "36",
    "--annual-rate",
    "6",
    "--method",
    "equal_installment",
    "--start-date",
    "2026-11-22",
]


def test_quote_json_contract() -> None:
    out = run(*BASE, "--json")
    assert out.returncode == 0, out.stderr
    real = run_process([*BASE, "--json"], timeout=60)
    assert (real.returncode, real.stdout, real.stderr) == (0, out.stdout, out.stderr)
    data = json.loads(out.stdout)
    assert data["method"] == "equal_installment"
    assert data["amount"] == "105000.00"
    assert data["term_months"] == 36
    assert data["annual_rate"] == "6.00"
    assert data["first_payment"] == "3194.30"
    assert data["apr"] == "6.00"
    assert data["effective_annual_rate"] == "6.17"
    rows = data["schedule"]
    assert len(rows) == 36
    assert rows[0] == {
        "period": 1,
        "due_date": "2026-12-22",
        "payment": "3194.30",
        "principal": "2669.30",
        "interest": "525.00",
        "fee": "0.00",
        "balance": "102330.70",
    }
    assert rows[-1]["balance"] == "0.00"
    total_interest = sum(Decimal(r["interest"]) for r in rows)
    assert Decimal(data["total_interest"]) == total_interest
    assert Decimal(data["total_fees"]) == Decimal(0)
    assert Decimal(data["total_repayment"]) == sum(Decimal(r["payment"]) for r in rows)
    for key in (
        "amount",
        "first_payment",
        "total_interest",
        "total_fees",
        "total_repayment",
        "apr",
        "effective_annual_rate",
        "annual_rate",
    ):
        assert Decimal(data[key]).as_tuple().exponent == -2, key


def test_quote_json_fees_and_step_up() -> None:
    out = run(
        "quote",
        "--amount",
        "100000",
        "--term",
        "36",
        "--annual-rate",
        "0",
        "--method",
        "equal_installment",
        "--monthly-fee-rate",
        "0.35",
        "--upfront-fee",
        "500",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total_fees"] == "13100.00"  # 500 up front + 36 x 350
    assert Decimal(data["apr"]) > Decimal("7.87")
    out = run(
        "quote",
        "--amount",
        "120000",
        "--term",
        "36",
        "--annual-rate",
        "9",
        "--method",
        "step_up",
        "--step-percent",
        "10",
        "--step-months",
        "12",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["schedule"]
    assert Decimal(rows[12]["payment"]) > Decimal(rows[11]["payment"])


def test_quote_table_in_both_languages() -> None:
    out = run(*BASE)
    assert out.returncode == 0
    assert "3,194.30" in out.stdout and "APR" in out.stdout
    out = run(*BASE, lang="zh_CN")
    assert out.returncode == 0
    assert "3,194.30" in out.stdout
    assert "等额本息" in out.stdout and "年化利率" in out.stdout


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"--amount": "-5"}, "greater than zero"),
        ({"--amount": "0"}, "greater than zero"),
        ({"--amount": "abc"}, "--amount"),
        ({"--amount": "100.001"}, "two decimals"),
        ({"--term": "0"}, "--term"),
        ({"--term": "481"}, "--term"),
        ({"--term": "12.5"}, "whole number"),
        ({"--method": "balloon"}, "balloon"),
        ({"--annual-rate": "-1"}, "negative"),
        ({"--annual-rate": "30"}, "24.00%"),
        ({"--annual-rate": "NaN"}, "--annual-rate"),
        ({"--start-date": "2026-13-01"}, "--start-date"),
        ({"--upfront-fee": "105000"}, "up-front fee"),
    ],
)
def test_bad_input_one_line_exit_2(change: dict[str, str], needle: str) -> None:
    args = list(BASE)
    for option, value in change.items():
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    out = run(*args, "--json")
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert needle in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_option_and_step_misuse() -> None:
    out = run("quote", "--amount", "1000", "--term", "12", "--method", "equal_installment")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1
    assert "--annual-rate" in out.stderr
    out = run(*BASE, "--step-percent", "5")
    assert out.returncode == 2 and "step_up" in out.stderr
    out = run(
        "quote", "--amount", "1000", "--term", "12", "--annual-rate", "5", "--method", "step_up"
    )
    assert out.returncode == 2 and "--step-percent" in out.stderr


def test_bad_input_message_in_chinese() -> None:
    args = list(BASE)
    args[args.index("--term") + 1] = "0"
    out = run(*args, lang="zh_CN")
    assert out.returncode == 2
    assert "期限" in out.stderr


def test_rate_above_four_lpr_warns_but_quotes() -> None:
    args = list(BASE)
    args[args.index("--annual-rate") + 1] = "15"
    out = run(*args, "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout)["apr"] == "15.00"
    assert "LPR" in out.stderr
