"""One vocabulary and one formatter for screen, paper, workbook and command line."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from lending import labels
from lending.appraisal import Condition
from lending.schedule import RepaymentMethod
from reports.formatting import Formatter
from resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]

# Words that really mean two things (the same English in two senses).
HOMONYMS = {
    "Period": "a repayment period (期数) / the report's period (统计期间)",
    "Open": "the verb on a button (打开) / a consultation's status (进行中)",
    "Status": "an add-on's nature on paper (性质) / a record's status (状态)",
    "Value": "a vehicle's value (价值) / a metric's value (数值)",
    "Due": "follow-ups due, a count (应回访) / the due time (应回访时间)",
}


def test_each_english_word_has_one_chinese_word() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    for path in sorted((TRANSLATIONS / "zh_CN").glob("*.ts")):
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                node = message.find("translation")
                if node is None or not node.text or node.get("type"):
                    continue
                source = message.findtext("source", "")
                seen[source].add(node.text)
                where[source].add(f"{path.name}[{context.findtext('name')}]")
    differ = {s: t for s, t in seen.items() if len(t) > 1 and s not in HOMONYMS}
    report = "\n".join(f"{s!r}: {sorted(t)} in {sorted(where[s])}" for s, t in differ.items())
    assert not differ, report


def test_every_enum_value_has_one_label() -> None:
    assert set(labels.METHOD) == set(RepaymentMethod)
    assert set(labels.CONDITION) == set(Condition)
    values = [v for table in labels.TABLES.values() for v in table.values()]
    assert sorted(labels.TR_STRINGS) == sorted(values)
    zh = Formatter("zh_CN")
    assert [zh.method(m) for m in RepaymentMethod] == [
        "等额本息",
        "等额本金",
        "先息后本",
        "递增还款",
        "弹性尾款",
    ]
    assert Formatter("en").label("condition", "good") == "Good"


def test_repayment_method_labels_are_defined_once() -> None:
    """No module but lending/labels.py spells out the method labels."""
    found = []
    for folder in ("lending", "reports", "db"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == "labels.py" and path.parent.name == "lending":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and node.value.lower() in ("equal installment", "equal principal")
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


def test_half_up_everywhere() -> None:
    for lang in ("zh_CN", "en"):
        f = Formatter(lang)
        assert f.percent(Decimal("6.125")) == "6.13%"
        assert f.money(Decimal("2.675")) == "2.68"
        assert f.money(Decimal("1234567.005")) == "1,234,567.01"
    assert Formatter("zh_CN").cny(Decimal("5")) == "5.00 元"
    assert Formatter("en").cny(Decimal("5")) == "CNY 5.00"
    assert Formatter("zh_CN").months(36) == "36 个月"
    assert Formatter("en").months(36) == "36 months"
    assert Formatter("zh_CN").date(date(2026, 1, 5)) == "2026年1月5日"
    assert Formatter("en").date(date(2026, 1, 5)) == "05 Jan 2026"


@given(st.integers(min_value=0, max_value=10**12))
def test_money_is_half_up_to_the_fen(milli: int) -> None:
    """Independent: thousandths of a yuan, rounded half up by integer arithmetic."""
    fen = (milli + 5) // 10
    expected = f"{fen // 100:,}.{fen % 100:02d}"
    assert Formatter("en").money(Decimal(milli) / 1000) == expected
    assert Formatter("en").percent(Decimal(milli) / 1000) == expected.replace(",", "") + "%"
