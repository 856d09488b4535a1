"""A small hand-built store whose report figures are worked out by hand in the tests.

Period under test: January 2026, UTC.  See ``tests/reports/test_report_model.py``
for every expected figure and how it follows from these rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from db import Database, open_database
from db.models import (
    Appraisal,
    Consultation,
    FollowUp,
    Plan,
    PlanAddOn,
    Product,
    Qualification,
    Vehicle,
)
from db.models.enums import Role
from db.services import customers, staff
from db.services.base import Actor
from db.services.staff import actor_for

NOW = datetime(2026, 1, 31, 18, 0, tzinfo=UTC)


def at(month: int, day: int, hour: int = 10, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


def resident_id(serial: int) -> str:
    """A valid PRC resident ID (GB 11643 check character)."""
    body = f"11010519900101{serial:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


@dataclass
class Dataset:
    database: Database
    owner: Actor
    manager: Actor
    alice: Actor
    bob: Actor
    ids: dict[str, int]
    """consultation label -> id"""
    customer_ids: dict[str, int]


CUSTOMERS = {
    # label: (name, phone, id serial)
    "c1": ("王小明", "13812345671", 11),
    "c2": ("李华", "13812345672", 12),
    "c3": ("张伟", "13812345673", 13),
    "c4": ("刘洋", "13812345674", 14),
    "c5": ("陈静", "13812345675", 15),
    "c6": ("杨帆", "13812345676", 16),
    "c7": ("赵磊", "13812345677", 17),
    "c8": ("黄敏", "13812345678", 18),
    "c9": ("周杰", "13812345679", 19),
    "c10": ("吴刚", "13812345680", 20),
}

STAMPS = (
    "contact_at",
    "needs_confirmed_at",
    "qualified_at",
    "plan_offered_at",
    "approved_at",
    "signed_at",
    "disbursed_at",
    "delivered_at",
)


def build_dataset(path: Path) -> Dataset:
    database = open_database(path, key=path.parent / "keys" / "report.key")
    owner = staff.create_owner(
        database, "Jinqiao Used Cars", "boss", "owner-password-1", display_name="Boss"
    )
    ids = {}
    for username, role, name in (
        ("alice", Role.CONSULTANT, "Alice"),
        ("bob", Role.CONSULTANT, "Bob"),
        ("mgr", Role.MANAGER, "Manager Ma"),
    ):
        ids[username] = staff.add_staff(
            database, owner, username, "password-123", role, display_name=name
        ).id
    alice = actor_for(database, ids["alice"])
    bob = actor_for(database, ids["bob"])
    manager = actor_for(database, ids["mgr"])

    cust: dict[str, int] = {}
    for label, (name, phone, serial) in CUSTOMERS.items():
        cust[label] = customers.create_customer(
            database,
            owner,
            name,
            phone=phone,
            id_number=resident_id(serial),
            consent_purpose="Vehicle financing",
        ).id

    sid = owner.store_id
    with database.unit_of_work() as uow:
        s = uow.session
        products = {p.code: p.id for p in s.query(Product).filter_by(store_id=sid)}

        def consultation(
            label: str,
            consultant: int | None,
            channel: str | None,
            stamps: dict[str, datetime],
            **extra: object,
        ) -> Consultation:
            c = Consultation(
                store_id=sid,
                customer_id=cust[label],
                consultant_id=consultant,
                source_channel=channel,
                status=extra.pop("status", "open"),
                created_at=stamps["contact_at"],
                **extra,
            )
            for k, v in stamps.items():
                setattr(c, k, v)
            s.add(c)
            s.flush()
            cons[label] = c.id
            return c

        def plan(
            c: Consultation,
            code: str,
            lender: str,
            method: str,
            amount: str,
            term: int,
            apr: str,
            created: datetime,
            *,
            chosen: bool = True,
            insurance: bool = False,
            warranty: bool = True,
        ) -> None:
            p = Plan(
                store_id=sid,
                consultation_id=c.id,
                product_id=products[code],
                product_code=code,
                lender_name=lender,
                method=method,
                amount=Decimal(amount),
                term_months=term,
                annual_rate=Decimal(apr),
                apr=Decimal(apr),
                first_payment=Decimal("1000.00"),
                chosen=chosen,
                created_at=created,
            )
            s.add(p)
            s.flush()
            if insurance:
                s.add(
                    PlanAddOn(
                        store_id=sid,
                        plan_id=p.id,
                        kind="insurance",
                        name="Full vehicle insurance",
                        price=Decimal("5000.00"),
                        required=True,
                    )
                )
            if warranty:  # optional
                s.add(
                    PlanAddOn(
                        store_id=sid,
                        plan_id=p.id,
                        kind="warranty",
                        name="Extended warranty",
                        price=Decimal("2000.00"),
                    )
                )

        cons: dict[str, int] = {}
        a, b = ids["alice"], ids["bob"]
        c1 = consultation(
            "c1",
            a,
            "walk_in",
            {
                "contact_at": at(1, 5),
                "needs_confirmed_at": at(1, 5, 11),
                "qualified_at": at(1, 6),
                "plan_offered_at": at(1, 7),
                "approved_at": at(1, 8),
                "signed_at": at(1, 10),
                "disbursed_at": at(1, 11),
                "delivered_at": at(1, 12),
            },
            satisfaction=95,
            status="delivered",
            intent_level="high",
        )
        plan(
            c1,
            "bank_mortgage",
            "ICBC",
            "equal_installment",
            "100000.00",
            36,
            "6.00",
            at(1, 7),
            insurance=True,
        )
        c2 = consultation(
            "c2",
            a,
            "referral",
            {
                "contact_at": at(1, 10, 9),
                "needs_confirmed_at": at(1, 10, 10),
                "qualified_at": at(1, 11),
                "plan_offered_at": at(1, 12),
                "approved_at": at(1, 14),
                "signed_at": at(1, 20, 9),
            },
            satisfaction=85,
            referred_by_customer_id=cust["c1"],
        )
        plan(
            c2,
            "finance_company",
            "Ping An",
            "equal_installment",
            "80000.00",
            24,
            "8.00",
            at(1, 12),
            warranty=False,
        )
        c3 = consultation(
            "c3",
            a,
            "online",
            {
                "contact_at": at(1, 15),
                "needs_confirmed_at": at(1, 15, 11),
                "qualified_at": at(1, 16),
                "plan_offered_at": at(1, 17),
            },
            lost_at=at(1, 25),
            lost_reason="Monthly payment too high",
            status="lost",
            lender_outcome="declined",
            lender_decided_at=at(1, 24),
        )
        plan(
            c3,
            "finance_company",
            "Ping An",
            "equal_installment",
            "90000.00",
            36,
            "8.50",
            at(1, 17),
            chosen=False,
        )
        c4 = consultation(
            "c4",
            a,
            "phone",
            {
                "contact_at": at(12, 20, 12, year=2025),
                "needs_confirmed_at": at(12, 20, 13, 2025),
                "qualified_at": at(12, 21, 10, 2025),
                "plan_offered_at": at(12, 22, 10, 2025),
                "approved_at": at(12, 28, 10, 2025),
                "signed_at": at(1, 3, 12),
            },
        )
        plan(
            c4,
            "bank_mortgage",
            "ICBC",
            "equal_installment",
            "50000.00",
            12,
            "10.00",
            at(12, 22, 10, 2025),
            insurance=True,
        )
        consultation(
            "c5",
            b,
            "walk_in",
            {"contact_at": at(1, 8), "needs_confirmed_at": at(1, 8)},
            lost_at=at(1, 9),
            lost_reason="Bought elsewhere: the 4S store across the road",
            lost_reason_code="bought_elsewhere",
            status="lost",
        )
        c6 = consultation(
            "c6",
            b,
            "walk_in",
            {
                "contact_at": at(1, 20),
                "needs_confirmed_at": at(1, 20, 11),
                "qualified_at": at(1, 21),
                "plan_offered_at": at(1, 22),
                "approved_at": at(1, 23),
                "signed_at": at(1, 30),
                "disbursed_at": at(1, 31),
                "delivered_at": at(2, 2),
            },
            satisfaction=100,
        )
        plan(
            c6,
            "bank_mortgage",
            "ICBC",
            "equal_principal",
            "120000.00",
            60,
            "5.50",
            at(1, 22),
            insurance=True,
        )
        plan(
            c6,
            "finance_company",
            "Ping An",
            "equal_installment",
            "120000.00",
            36,
            "7.90",
            at(1, 22, 11),
            chosen=False,
        )
        consultation(
            "c7",
            b,
            "social_media",
            {"contact_at": at(1, 28), "needs_confirmed_at": at(1, 28, 11)},
            blacklist_hit=True,
        )
        consultation("c8", b, "walk_in", {"contact_at": at(2, 3)})
        consultation("c9", None, None, {"contact_at": at(1, 31, 23)})
        c10 = consultation(
            "c10",
            b,
            "partner_dealer",
            {"contact_at": at(1, 12), "needs_confirmed_at": at(1, 12, 11)},
        )
        cipher = uow.cipher
        s.add(
            Qualification(
                store_id=sid,
                consultation_id=c1.id,
                grade="A",
                passed=True,
                assessed_at=at(1, 6),
                monthly_income_enc=cipher.encrypt("qualifications", "monthly_income", "12345.67"),
            )
        )
        s.add(
            Qualification(
                store_id=sid,
                consultation_id=c10.id,
                passed=False,
                assessed_at=at(1, 13),
                hard_failures=[
                    {
                        "code": "hard.no_work_proof",
                        "params": {},
                        "template": "Proof of work (labour contract or business licence) is "
                        "required.",
                    },
                    {
                        "code": "hard.income_proof_short",
                        "params": {"months": "3", "required": "6"},
                        "template": "Income proof covers {months} months; {required} months of "
                        "payslips or bank statements are required.",
                    },
                ],
            )
        )
        v = Vehicle(store_id=sid, consultation_id=c10.id, brand="BYD", model="Qin", accident=True)
        s.add(v)
        s.flush()
        s.add(
            Appraisal(
                store_id=sid,
                vehicle_id=v.id,
                acceptable=False,
                appraised_at=at(1, 13),
                reasons=[
                    {
                        "code": "excluded.accident",
                        "params": {},
                        "template": "Accident vehicles cannot be financed.",
                    },
                    {
                        "code": "odometer.too_high_for_age",
                        "params": {},
                        "template": "Check the odometer.",
                    },
                ],
            )
        )
        for who, due, done in (
            (a, at(1, 6), at(1, 6, 15)),  # on time (same day)
            (a, at(1, 7), at(1, 8, 9)),  # late
            (a, at(1, 20), None),  # missed (day over before NOW)
            (b, at(1, 22), at(1, 22, 9)),  # on time (early)
            (b, at(1, 31, 12), None),  # open (due today, NOW is 18:00)
            (b, at(2, 2), None),  # outside the period
        ):
            s.add(
                FollowUp(
                    store_id=sid,
                    customer_id=cust["c1"],
                    consultation_id=c1.id,
                    assigned_to=who,
                    kind="manual",
                    due_at=due,
                    done_at=done,
                )
            )
        uow.commit()
    return Dataset(database, owner, manager, alice, bob, cons, cust)
