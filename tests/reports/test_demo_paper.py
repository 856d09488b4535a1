"""A demo store's paper, read back as a customer and an auditor would (issue 12).

A demo store of 200 consultations is generated; for every combination of
product, repayment method, fees and add-ons found in it, the quote, the
repayment plan and the disclosure are printed in Chinese and English and read
back with ``pdftotext``.  Each must hold no internal instruction, no forbidden
wording, no English catalogue name on Chinese paper, and the figures of an
independent recomputation written here (exact fractions, an IRR by
bisection), never by calling ``lending``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from sqlalchemy import select

from db import Database, open_database
from db.demo import load_demo_data
from db.models import Plan, PlanAddOn
from db.services import staff
from lending.compliance import find_forbidden_wording, find_internal_instructions
from reports.pdf.saved import DocumentKind, make_document
from resources import CATALOGUE


def fen(x: Fraction) -> Fraction:
    """Round to the fen, halves up (x >= 0)."""
    return Fraction(int((x * 100 + Fraction(1, 2)) // 1), 100)


def show(x: Fraction) -> str:
    cents = int(x * 100)
    return f"{cents // 100:,}.{cents % 100:02d}"


@dataclass(frozen=True)
class Row:
    payment: Fraction
    principal: Fraction
    interest: Fraction
    fee: Fraction
    balance: Fraction


def reference_schedule(p: Plan) -> list[Row]:
    """The five methods from their definitions (ARCHITECTURE.md, DOMAIN.md)."""
    amount = Fraction(str(p.amount))
    n = p.term_months
    r = Fraction(str(p.annual_rate)) / 1200
    fee = fen(amount * Fraction(str(p.monthly_fee_rate)) / 100)
    if p.method == "equal_installment":
        if r == 0:
            planned = [fen(amount / n)] * n
        else:
            g = (1 + r) ** n
            planned = [fen(amount * r * g / (g - 1))] * n
    elif p.method == "balloon":  # equal payments on P - B*v, the lump B with the last one
        lump = Fraction(str(p.balloon or 0))
        if r == 0:
            planned = [fen((amount - lump) / n)] * n
        else:
            v = (1 + r) ** -n
            planned = [fen((amount - lump * v) * r / (1 - v))] * n
    elif p.method == "step_up":
        step = 1 + Fraction(str(p.step_percent or 0)) / 100
        every = p.step_months or 12
        factors = [step ** ((k - 1) // every) for k in range(1, n + 1)]
        base = amount / sum(f / (1 + r) ** k for k, f in enumerate(factors, start=1))
        planned = [fen(base * f) for f in factors]
    else:
        planned = []
    share = fen(amount / n)
    balance, rows = amount, []
    for k in range(1, n + 1):
        interest = fen(balance * r)
        if k == n:
            principal = balance
        elif p.method == "equal_principal":
            principal = min(share, balance)
        elif p.method == "interest_first":
            principal = Fraction(0)
        else:
            principal = min(max(planned[k - 1] - interest, Fraction(0)), balance)
        balance -= principal
        rows.append(Row(principal + interest + fee, principal, interest, fee, balance))
    return rows


def reference_apr(net: Fraction, payments: list[Fraction]) -> Decimal:
    """12 x the monthly IRR, by bisection in Decimal, rounded half up to 0.01 %."""
    with localcontext() as ctx:
        ctx.prec = 40
        received = Decimal(net.numerator) / Decimal(net.denominator)
        pays = [Decimal(x.numerator) / Decimal(x.denominator) for x in payments]
        lo, hi = Decimal(0), Decimal("0.1")
        for _ in range(120):
            mid = (lo + hi) / 2
            v, npv = Decimal(1), -received
            for pay in pays:
                v /= 1 + mid
                npv += pay * v
            lo, hi = (mid, hi) if npv > 0 else (lo, mid)
        return (lo * 1200).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pdftotext(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    assert tool is not None, "poppler-utils (pdftotext) is needed"
    done = subprocess.run(
        [tool, "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def catalogue_english_names() -> set[str]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    names = {p["name"] for p in data["products"]}
    names |= {e["name"] for e in data["lenders"]} | {e["name"] for e in data["add_ons"]}
    return names


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("paper") / "demo.sqlite3", key=b"p" * 32)
    load_demo_data(database, 200, seed=12, today=date(2026, 11, 23), workers=1)
    yield database
    database.close()


def covering_plans(database: Database) -> list[Plan]:
    """One plan per (product, method, up-front fee, periodic fee, required add-on)."""
    with database.session_factory() as s:
        required = set(s.scalars(select(PlanAddOn.plan_id).where(PlanAddOn.required.is_(True))))
        picked: dict[tuple[object, ...], Plan] = {}
        for p in s.scalars(select(Plan).order_by(Plan.id)):
            key = (
                p.product_code,
                p.method,
                p.upfront_fee > 0,
                p.monthly_fee_rate > 0,
                p.id in required,
            )
            picked.setdefault(key, p)
        s.expunge_all()
    return list(picked.values())


@pytest.mark.slow  # a demo store of 200 consultations, every document of each
def test_every_document_of_a_demo_store_is_honest(demo: Database) -> None:
    plans = covering_plans(demo)
    assert {p.method for p in plans} == {
        "equal_installment",
        "equal_principal",
        "interest_first",
        "step_up",
        "balloon",
    }
    assert any(p.upfront_fee > 0 for p in plans) and any(p.monthly_fee_rate > 0 for p in plans)
    owner = staff.owner_actor(demo)
    english = catalogue_english_names()
    for plan in plans:
        rows = reference_schedule(plan)
        upfront = Fraction(str(plan.upfront_fee))
        amount = Fraction(str(plan.amount))
        total_interest = sum((r.interest for r in rows), Fraction(0))
        total_repayment = sum((r.payment for r in rows), Fraction(0)) + upfront
        apr = reference_apr(amount - upfront, [r.payment for r in rows])
        for lang in ("zh_CN", "en"):
            for kind in DocumentKind:
                pdf = make_document(demo, owner, plan.consultation_id, kind, lang, plan_id=plan.id)
                text = pdftotext(pdf)
                flat = re.sub(r"\s+", "", text)
                where = f"plan {plan.id} {plan.method} {kind.value} {lang}"
                assert find_internal_instructions(flat) == [], where
                assert find_forbidden_wording(text) == [], where
                if lang == "zh_CN":
                    left = [n for n in english if re.sub(r"\s+", "", n) in flat]
                    assert left == [], where
                assert f"{apr}%" in flat, where
                if kind is DocumentKind.PLAN:
                    for r in rows:
                        for figure in (r.payment, r.principal, r.interest, r.balance):
                            assert show(figure) in flat, (where, r)
                else:
                    assert show(total_interest) in flat, where
                    assert show(total_repayment) in flat, where
                    assert show(rows[0].payment) in flat, where
