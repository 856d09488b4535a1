"""Synthetic, reproducible demo data for one store (``python main.py demo-data``).

Everything is drawn from one ``random.Random(seed)``, so the same seed on the
same day gives the same store: staff of every role, customers aged 22-60
(mostly 25-45) with valid-checksum fake resident ID numbers and mobile
numbers, vehicles with valid VINs, and consultations spread over the twelve
months before ``today`` at every funnel stage.  Drop-off is realistic:
contact -> needs confirmed -> qualified -> plan offered -> approved -> signed
-> disbursed -> delivered, and lost consultations carry a reason; lender and
qualification rejections follow the mix in DOMAIN.md (documents inconsistent
35 %, credit 28 %, vehicle 18 %, income/debt the rest).  Consultations too
recent to have finished are left open at the stage they reached.

Figures come from ``lending``: the qualification grade from
``lending.qualification.qualify``, the appraisal from
``lending.appraisal.appraise``, every plan's payments, totals and APR from
``lending.schedule`` with the store catalogue's rates and fees.

Personal data goes through the database's field cipher (AES-GCM for the ID
number, phone and income, HMAC for look-up), exactly as the services store
it, so the file never holds them in plain text.  (Ciphertexts use random
nonces, so two runs give the same *content*, not the same bytes.)

Speed: rows are generated in batches and written with SQLAlchemy Core
``insert()`` executemany inside one transaction (explicit primary keys, so no
round trip per row); 100,000 consultations load in well under a minute.
"""

from __future__ import annotations

import random
import time as _time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from db.crypto import FieldCipher, mask_id, mask_phone
from db.database import Database
from db.models import (
    Appraisal,
    BlacklistEntry,
    ConsentRecord,
    Consultation,
    Customer,
    FollowUp,
    Plan,
    PlanAddOn,
    Qualification,
    SigningItem,
    Staff,
    Vehicle,
)
from db.models.base import Base
from db.models.enums import (
    AddOnKind,
    BlacklistReason,
    BlacklistSource,
    Channel,
    ConsultationStatus,
    FollowUpKind,
    Intent,
    Role,
    SigningItemKind,
    StepState,
    Tier,
)
from lending import appraisal as lending_appraisal
from lending import qualification as lending_qualification
from lending.eligibility import dti_payment
from lending.errors import UserError
from lending.identity import generate_resident_id, generate_vin
from lending.money import money
from lending.products import Product
from lending.qualification import Grade
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule

DEMO_PASSWORD = "demo-pass-2026"
DEMO_STORE_NAME = "LoanDesk Demo Store"
STORE_TZ = timezone(timedelta(hours=8))  # China Standard Time, no daylight saving
DEFAULT_BATCH = 5_000
RATE_PLACES = Decimal("0.000001")
CONSENT_PURPOSE = (
    "Assess and arrange vehicle financing, and contact the customer about this application."
)

# Rejection mix from DOMAIN.md ("Rejections in practice").  ``lost_reason``
# starts with the category label followed by ": " so reports can group them.
REJECTION_MIX: tuple[tuple[str, float], ...] = (
    ("documents", 0.35),
    ("credit", 0.28),
    ("vehicle", 0.18),
    ("income_debt", 0.19),
)
LOST_CATEGORY_LABELS: Mapping[str, str] = {
    "documents": "Documents inconsistent",
    "credit": "Credit",
    "vehicle": "Vehicle",
    "income_debt": "Income or debt",
    "customer": "Customer decision",
}
_LOST_DETAILS: Mapping[str, tuple[str, ...]] = {
    "documents": (
        "income proof does not match the bank statements",
        "residence proof missing or expired",
        "work proof does not match the declared employer",
        "signature on the payslips differs from the ID card",
    ),
    "credit": (
        "lender declined after the credit report review",
        "recent overdue payments on the credit report",
        "too many loan applications in the last three months",
    ),
    "vehicle": (
        "vehicle has an accident history",
        "vehicle older or higher mileage than any product allows",
        "odometer reading inconsistent with maintenance records",
        "registration certificate does not match the vehicle",
    ),
    "income_debt": (
        "monthly payment above 50% of income with existing debts",
        "income could not be verified for six months",
        "existing debt too high for the requested loan",
    ),
    "customer": (
        "customer bought the car in cash",
        "customer chose another dealer's offer",
        "customer postponed the purchase",
        "customer stopped answering calls",
        "customer only compared prices",
    ),
}

# region codes of the store's city (most customers) and elsewhere
_LOCAL_REGIONS = ("310101", "310104", "310105", "310106", "310107", "310110", "310112", "310115")
_OTHER_REGIONS = (
    "110105", "110108", "320102", "320106", "330106", "340104", "370202", "410105",
    "420106", "430104", "440305", "500103", "510107", "610113", "350203", "210102",
)  # fmt: skip
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚浩宇鑫婷雪博文斌晨欣怡思佳子涵俊凯颖琳瑞昊晓"
    "海燕丹鹏辉健华志红玲亮飞宁波萍雷峰春慧"
)
_PURPOSES = ("家用代步", "上下班通勤", "生意用车", "置换旧车", "首次购车", "接送孩子", "跑网约车")
# brand, model, new-car reference price (CNY), WMI
_VEHICLES: tuple[tuple[str, str, int, str], ...] = (
    ("Toyota", "Camry", 180_000, "LVG"),
    ("Toyota", "Corolla", 110_000, "LFM"),
    ("Honda", "Accord", 170_000, "LHG"),
    ("Honda", "CR-V", 175_000, "LHG"),
    ("Volkswagen", "Lavida", 95_000, "LSV"),
    ("Volkswagen", "Passat", 165_000, "LSV"),
    ("Volkswagen", "Sagitar", 125_000, "LFV"),
    ("Nissan", "Sylphy", 105_000, "LGB"),
    ("Buick", "GL8", 235_000, "LSG"),
    ("BYD", "Han", 200_000, "LGX"),
    ("BYD", "Qin PLUS", 100_000, "LGX"),
    ("BMW", "3 Series", 260_000, "LBV"),
    ("Mercedes-Benz", "C-Class", 290_000, "LE4"),
    ("Audi", "A4L", 250_000, "LFV"),
    ("Haval", "H6", 95_000, "LGW"),
    ("Geely", "Boyue", 85_000, "L6T"),
    ("Tesla", "Model 3", 230_000, "LRW"),
    ("Changan", "CS75 PLUS", 90_000, "LS5"),
    ("Mazda", "CX-5", 135_000, "LVR"),
    ("Hyundai", "Elantra", 85_000, "LBE"),
)
_COLOURS = ("white", "black", "silver", "grey", "blue", "red", "brown")
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # 2010 = A ... (30-year cycle)
_SIGNING_CODES: tuple[tuple[str, SigningItemKind], ...] = (
    ("doc.id_card", SigningItemKind.DOCUMENT),
    ("doc.driving_licence", SigningItemKind.DOCUMENT),
    ("doc.income_proof", SigningItemKind.DOCUMENT),
    ("doc.bank_statements", SigningItemKind.DOCUMENT),
    ("doc.residence_proof", SigningItemKind.DOCUMENT),
    ("doc.work_proof", SigningItemKind.DOCUMENT),
    ("doc.registration_certificate", SigningItemKind.DOCUMENT),
    ("doc.insurance_policy", SigningItemKind.DOCUMENT),
    ("clause.amount_term", SigningItemKind.CLAUSE),
    ("clause.repayment_duty", SigningItemKind.CLAUSE),
    ("clause.early_repayment", SigningItemKind.CLAUSE),
    ("clause.vehicle_mortgage", SigningItemKind.CLAUSE),
    ("clause.insurance", SigningItemKind.CLAUSE),
    ("check.dual_recording", SigningItemKind.CHECK),
    ("check.identity_verified", SigningItemKind.CHECK),
    ("check.anti_fraud", SigningItemKind.CHECK),
    ("check.contract_viewed", SigningItemKind.CHECK),
    ("check.dealer_account", SigningItemKind.CHECK),
)
_CHANNELS = (
    (Channel.WALK_IN, 34),
    (Channel.PHONE, 14),
    (Channel.ONLINE, 22),
    (Channel.REFERRAL, 12),
    (Channel.PARTNER_DEALER, 8),
    (Channel.SOCIAL_MEDIA, 10),
)
_DEMO_STAFF: tuple[tuple[str, str, Role], ...] = (
    ("demo.manager", "周经理", Role.MANAGER),
    ("demo.finance1", "林晓雪", Role.FINANCE),
    ("demo.finance2", "郑海波", Role.FINANCE),
    ("demo.sales1", "王伟", Role.CONSULTANT),
    ("demo.sales2", "李娜", Role.CONSULTANT),
    ("demo.sales3", "张磊", Role.CONSULTANT),
    ("demo.sales4", "刘芳", Role.CONSULTANT),
    ("demo.sales5", "陈杰", Role.CONSULTANT),
    ("demo.sales6", "杨静", Role.CONSULTANT),
)

# Tables in insert order (parents first).
TABLE_ORDER: tuple[str, ...] = (
    "customers",
    "consent_records",
    "consultations",
    "qualifications",
    "vehicles",
    "appraisals",
    "plans",
    "plan_add_ons",
    "signing_items",
    "follow_ups",
    "blacklist",
)
_MODELS: Mapping[str, type[Base]] = {
    "customers": Customer,
    "consent_records": ConsentRecord,
    "consultations": Consultation,
    "qualifications": Qualification,
    "vehicles": Vehicle,
    "appraisals": Appraisal,
    "plans": Plan,
    "plan_add_ons": PlanAddOn,
    "signing_items": SigningItem,
    "follow_ups": FollowUp,
    "blacklist": BlacklistEntry,
}

Rows = dict[str, list[dict[str, Any]]]


def table(name: str) -> Table:
    t = _MODELS[name].__table__
    assert isinstance(t, Table)
    return t


def _templates() -> dict[str, dict[str, Any]]:
    """One dict per table with every column (scalar defaults filled, else None)."""
    out: dict[str, dict[str, Any]] = {}
    for name in TABLE_ORDER:
        row: dict[str, Any] = {}
        for col in table(name).columns:
            d = col.default
            row[col.key] = d.arg if d is not None and d.is_scalar else None  # type: ignore[attr-defined]
        out[name] = row
    return out


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    store_id: int
    seed: int
    today: date
    counts: Mapping[str, int]
    seconds: float
    staff_created: tuple[str, ...]

    @property
    def consultations(self) -> int:
        return self.counts.get("consultations", 0)


@dataclass(frozen=True)
class StoreContext:
    """What the generator needs to know about the store it fills."""

    store_id: int
    owner_id: int
    manager_ids: tuple[int, ...]
    finance_ids: tuple[int, ...]
    consultant_ids: tuple[int, ...]
    products: tuple[Product, ...]
    product_ids: Mapping[str, int]
    next_ids: Mapping[str, int]


@dataclass
class _Customer:
    id: int
    birth: date
    income: Decimal
    id_hmac: str
    phone_hmac: str
    id_number: str
    phone: str
    quality: float  # latent credit quality 0..1 (higher is better)


@dataclass
class _Counters:
    ids: dict[str, int] = field(default_factory=dict)

    def next(self, table_name: str) -> int:
        n = self.ids[table_name]
        self.ids[table_name] = n + 1
        return n


# ---------------------------------------------------------------------------
# cached lending calls (the inputs repeat a lot; the results are pure)
# ---------------------------------------------------------------------------


_REF_START = date(2026, 1, 15)


@lru_cache(maxsize=200_000)
def _schedule(
    amount: Decimal,
    rate: Decimal,
    months: int,
    method: RepaymentMethod,
    upfront: Decimal,
    fee_rate: Decimal,
    step_percent: Decimal,
    step_months: int,
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]:
    """first, max, interest, fees, repayment, apr, ear, dti payment (start-date independent)."""
    s: Schedule = build_schedule(
        LoanTerms(
            amount=amount,
            annual_rate=rate,
            months=months,
            method=method,
            upfront_fee=upfront,
            monthly_fee_rate=fee_rate,
            step_percent=step_percent,
            step_months=step_months,
        ),
        _REF_START,
    )
    return (
        s.first_payment,
        s.max_payment,
        s.total_interest,
        s.total_fees,
        s.total_repayment,
        s.apr.quantize(RATE_PLACES),
        s.effective_annual_rate.quantize(RATE_PLACES),
        dti_payment(s),
    )


# ---------------------------------------------------------------------------
# the generator
# ---------------------------------------------------------------------------

_STAGES = (
    "contact_at",
    "needs_confirmed_at",
    "qualified_at",
    "plan_offered_at",
    "approved_at",
    "signed_at",
    "disbursed_at",
    "delivered_at",
)
CONTACT, NEEDS, QUALIFIED, PLAN, APPROVED, SIGNED, DISBURSED, DELIVERED = range(8)


class DemoGenerator:
    """Yields rows (per table, Python values) for ``n`` consultations, batch by batch."""

    def __init__(
        self,
        cipher: FieldCipher,
        store: StoreContext,
        *,
        seed: int,
        today: date,
    ) -> None:
        self.rng = random.Random(seed)
        self.cipher = cipher
        self.store = store
        self.today = today
        self.now = datetime.combine(today, time(23, 59), STORE_TZ).astimezone(UTC)
        self.tpl = _templates()
        self.ids = _Counters(dict(store.next_ids))
        self.customers: list[_Customer] = []
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.used_vins: set[str] = set()
        self.by_code = {p.code: p for p in store.products}

    # -- small helpers -------------------------------------------------------
    def _row(self, table_name: str, **values: Any) -> dict[str, Any]:
        row = dict(self.tpl[table_name])
        row.update(values)
        return row

    def _contact_times(self, n: int) -> list[datetime]:
        """Visit times over the last 365 days: busier at weekends, slowly growing."""
        rng = self.rng
        days = [self.today - timedelta(days=d) for d in range(365, -1, -1)]
        weights = [
            (1.6 if day.weekday() >= 5 else 1.0) * (0.8 + 0.4 * i / 365)
            for i, day in enumerate(days)
        ]
        picked = rng.choices(days, weights=weights, k=n)
        out = []
        for day in picked:
            minute = rng.randint(9 * 60, 20 * 60 + 30)
            local = datetime.combine(day, time(minute // 60, minute % 60), STORE_TZ)
            out.append(local.astimezone(UTC).replace(microsecond=0))
        out.sort()
        return out

    def _name(self) -> str:
        rng = self.rng
        given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
        return rng.choice(_SURNAMES) + given

    def _birth(self, on: date) -> date:
        rng = self.rng
        if rng.random() < 0.85:
            age = rng.triangular(25, 45.99, 32)
        else:
            age = rng.uniform(22.05, 60.9)
        days = int(age * 365.2425)
        return on - timedelta(days=days)

    def _income(self) -> Decimal:
        rng = self.rng
        r = rng.random()
        if r < 0.8:
            v = rng.triangular(6_000, 15_000, 9_000)
        elif r < 0.9:
            v = rng.uniform(4_000, 6_000)
        else:
            v = rng.uniform(15_000, 40_000)
        return Decimal(int(v / 100) * 100)

    def _id_number(self, birth: date) -> str:
        rng = self.rng
        while True:
            region = (
                rng.choice(_LOCAL_REGIONS) if rng.random() < 0.7 else rng.choice(_OTHER_REGIONS)
            )
            number = generate_resident_id(region, birth, rng.randint(0, 999))
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _phone(self) -> str:
        rng = self.rng
        while True:
            phone = rng.choice(_MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"
            if phone not in self.used_phones:
                self.used_phones.add(phone)
                return phone

    def _vin(self, wmi: str, model_year: int) -> str:
        rng = self.rng
        while True:
            vds = "".join(rng.choice(_VIN_CHARS) for _ in range(5))
            year = _YEAR_CODES[(model_year - 2010) % 30]
            plant = rng.choice(_VIN_CHARS)
            serial = f"{rng.randint(0, 999_999):06d}"
            vin = generate_vin(wmi + vds + year + plant + serial)
            if vin not in self.used_vins:
                self.used_vins.add(vin)
                return vin

    def _after(self, t: datetime, lo_hours: float, hi_hours: float) -> datetime:
        return (t + timedelta(hours=self.rng.uniform(lo_hours, hi_hours))).replace(microsecond=0)

    # -- the plan of one consultation's life ------------------------------------
    def _outcome(self) -> tuple[int, str | None]:
        """(furthest stage aimed for, loss category or None for the delivered path)."""
        rng = self.rng
        if rng.random() < 0.30:
            return DELIVERED, None
        if rng.random() < 0.45:
            stage = rng.choices(
                (CONTACT, NEEDS, QUALIFIED, PLAN, APPROVED), weights=(45, 22, 10, 15, 8)
            )[0]
            return stage, "customer"
        r = rng.random()
        acc = 0.0
        category = REJECTION_MIX[-1][0]
        for name, share in REJECTION_MIX:
            acc += share
            if r < acc:
                category = name
                break
        if category == "documents":
            return (NEEDS if rng.random() < 0.55 else PLAN), category
        if category == "credit":
            return (PLAN if rng.random() < 0.7 else QUALIFIED), category
        if category == "vehicle":
            return QUALIFIED, category
        return (QUALIFIED if rng.random() < 0.5 else PLAN), category

    def _stage_times(self, contact: datetime, target: int, product: Product | None) -> list[datetime]:
        rng = self.rng
        times = [contact]
        gaps = {
            NEEDS: (0.2, 48),
            QUALIFIED: (2, 120),
            PLAN: (1, 72),
            SIGNED: (24, 168),
            DISBURSED: (24, 72),
            DELIVERED: (24, 120),
        }
        for stage in range(1, target + 1):
            if stage == APPROVED:
                lo, hi = (product.approval_days_min, product.approval_days_max) if product else (1, 3)
                days = rng.randint(lo, hi)
                t = self._after(times[-1], 2 + 24 * days, 8 + 24 * days)
            else:
                t = self._after(times[-1], *gaps[stage])
            times.append(t)
        return times

    # -- customers ------------------------------------------------------------
    def _new_customer(self, out: Rows, contact: datetime, consultant: int, channel: Channel) -> _Customer:
        rng = self.rng
        cid = self.ids.next("customers")
        birth = self._birth(contact.astimezone(STORE_TZ).date())
        id_number = self._id_number(birth)
        phone = self._phone()
        c = self.cipher
        cust = _Customer(
            id=cid,
            birth=birth,
            income=self._income(),
            id_hmac=c.id_hash(id_number),
            phone_hmac=c.phone_hash(phone),
            id_number=id_number,
            phone=phone,
            quality=rng.random(),
        )
        out["customers"].append(
            self._row(
                "customers",
                id=cid,
                store_id=self.store.store_id,
                name=self._name(),
                id_number_enc=c.encrypt("customers", "id_number", id_number),
                phone_enc=c.encrypt("customers", "phone", phone),
                id_hmac=cust.id_hmac,
                phone_hmac=cust.phone_hmac,
                tier=Tier.POTENTIAL.value,
                source_channel=channel.value,
                created_by=consultant,
                created_at=contact,
                updated_at=contact,
                erased_at=None,
                version_id=1,
            )
        )
        out["consent_records"].append(
            self._row(
                "consent_records",
                id=self.ids.next("consent_records"),
                store_id=self.store.store_id,
                customer_id=cid,
                purpose=CONSENT_PURPOSE,
                recorded_by=consultant,
                recorded_at=contact,
                withdrawn_at=None,
            )
        )
        self.customers.append(cust)
        return cust

    # -- qualification ----------------------------------------------------------
    def _qualification(
        self,
        out: Rows,
        cons_id: int,
        cust: _Customer,
        at: datetime,
        by: int,
        *,
        documents_fail: bool,
        credit_bad: bool,
    ) -> lending_qualification.Qualification:
        rng = self.rng
        q = cust.quality if not credit_bad else min(cust.quality, rng.uniform(0.0, 0.25))
        income = cust.income
        if q > 0.45:
            overdue, worst = 0, 0
            util = rng.uniform(3, 40)
            apps = rng.choice((0, 0, 1))
            debt_share = rng.uniform(0, 0.15)
        elif q > 0.2:
            overdue = rng.randint(1, 2)
            worst = rng.choice((5, 10, 15, 25))
            util = rng.uniform(30, 75)
            apps = rng.randint(1, 3)
            debt_share = rng.uniform(0.08, 0.28)
        else:
            overdue = rng.randint(2, 6)
            worst = rng.choice((30, 45, 60, 90))
            util = rng.uniform(60, 98)
            apps = rng.randint(2, 7)
            debt_share = rng.uniform(0.15, 0.35)
        monthly_debt = money(Decimal(int(income * Decimal(str(round(debt_share, 3))) / 10) * 10))
        current_debt = money(monthly_debt * rng.randint(12, 48))
        proof_months, residence, work = 6, True, True
        if documents_fail:
            which = rng.randint(0, 2)
            proof_months = rng.choice((2, 3, 4)) if which == 0 else 6
            residence = which != 1
            work = which != 2
        history = Decimal(rng.randint(0, 150)) / 10
        kinds = rng.randint(1, 4)
        application_day = at.astimezone(STORE_TZ).date()
        statement = money(income * Decimal(rng.randint(94, 104)) / 100)
        result = lending_qualification.qualify(
            lending_qualification.QualificationInput(
                documents=lending_qualification.Documents(
                    income_proof_months=proof_months,
                    residence_proof=residence,
                    work_proof=work,
                    id_valid=True,
                ),
                credit=lending_qualification.CreditFacts(
                    overdue_count_24m=overdue,
                    worst_overdue_days=worst,
                    current_debt=current_debt,
                    monthly_debt_payments=monthly_debt,
                    card_utilisation_percent=Decimal(int(util * 100)) / 100,
                    recent_applications_3m=apps,
                    history_years=history,
                    credit_kinds=kinds,
                ),
                monthly_income=income,
                birth_date=cust.birth,
                application_date=application_day,
                statement_average_income=statement,
            )
        )
        c = self.cipher
        out["qualifications"].append(
            self._row(
                "qualifications",
                consultation_id=cons_id,
                store_id=self.store.store_id,
                monthly_income_enc=c.encrypt("qualifications", "monthly_income", str(income)),
                statement_income_enc=c.encrypt(
                    "qualifications", "statement_income", str(statement)
                ),
                income_proof_months=proof_months,
                residence_proof=residence,
                work_proof=work,
                id_valid=True,
                overdue_count_24m=overdue,
                worst_overdue_days=worst,
                current_debt=current_debt,
                monthly_debt_payments=monthly_debt,
                card_utilisation_percent=Decimal(int(util * 100)) / 100,
                recent_applications_3m=apps,
                history_years=history,
                credit_kinds=kinds,
                declared_age=None,
                grade=result.grade.value if result.grade else None,
                score=result.score,
                passed=result.passed,
                hard_failures=_reasons_json(result.hard_failures),
                reasons=_reasons_json(result.reasons),
                warnings=_reasons_json(result.warnings),
                recommendations=_reasons_json(result.recommendations),
                assessed_at=at,
                assessed_by=by,
            )
        )
        return result

    # -- vehicle and appraisal ---------------------------------------------------
    def _vehicle(
        self, out: Rows, cons_id: int, at: datetime, by: int, *, reject: bool
    ) -> tuple[int, lending_appraisal.Appraisal, Decimal]:
        rng = self.rng
        brand, model, ref_price, wmi = rng.choice(_VEHICLES)
        day = at.astimezone(STORE_TZ).date()
        if reject and rng.random() < 0.4:
            age_years = rng.uniform(8.5, 12)
        else:
            age_years = rng.triangular(0.5, 7.5, 3)
        first_reg = day - timedelta(days=int(age_years * 365.25))
        per_year = rng.uniform(8_000, 22_000)
        mileage = int(age_years * per_year / 100) * 100
        accident = flood = fire = False
        if reject and age_years < 8:
            kind = rng.random()
            if kind < 0.6:
                accident = True
            elif kind < 0.85:
                flood = True
            elif kind < 0.95:
                fire = True
            else:
                mileage = rng.randint(152, 260) * 1000
        condition = rng.choices(
            list(lending_appraisal.Condition), weights=_CONDITION_WEIGHTS, k=1
        )[0]
        market = money(Decimal(ref_price) * Decimal(rng.randint(90, 110)) / 100)
        result = lending_appraisal.appraise(
            lending_appraisal.AppraisalInput(
                market_reference_price=market,
                first_registration=first_reg,
                appraisal_date=day,
                mileage_km=mileage,
                condition=condition,
                accident=accident,
                flood=flood,
                fire=fire,
            )
        )
        acceptable = not result.excluded and not (reject and result.limit_reasons)
        if reject:
            acceptable = False
        sale_price = money(
            Decimal(int(result.value * Decimal(rng.randint(104, 115)) / 100 / 100)) * 100
        )
        vid = self.ids.next("vehicles")
        out["vehicles"].append(
            self._row(
                "vehicles",
                id=vid,
                store_id=self.store.store_id,
                consultation_id=cons_id,
                brand=brand,
                model=model,
                first_registration=first_reg,
                vin=self._vin(wmi, first_reg.year),
                mileage_km=mileage,
                colour=rng.choice(_COLOURS),
                registration_matches=True,
                condition_grade=condition.value,
                accident=accident,
                flood=flood,
                fire=fire,
                market_price=market,
                price=sale_price,
                maintenance_records=None,
            )
        )
        reasons = [
            *result.exclusion_reasons,
            *result.odometer_flags,
            *result.limit_reasons,
        ]
        out["appraisals"].append(
            self._row(
                "appraisals",
                vehicle_id=vid,
                store_id=self.store.store_id,
                computed_value=result.computed_value,
                override_value=None,
                override_reason=None,
                final_value=result.value,
                acceptable=acceptable,
                reasons=_reasons_json(reasons),
                appraised_at=at,
                appraised_by=by,
            )
        )
        return vid, result, sale_price

    # -- plans -------------------------------------------------------------------
    def _eligible(self, grade: Grade, ap: lending_appraisal.Appraisal) -> list[Product]:
        return [
            p
            for p in self.store.products
            if p.accepts(grade)
            and ap.age_years <= p.max_vehicle_age_years
            and ap.mileage_km <= p.max_mileage_km
        ]

    def _plan(
        self,
        out: Rows,
        cons_id: int,
        product: Product,
        grade: Grade,
        ap: lending_appraisal.Appraisal,
        price: Decimal,
        income: Decimal,
        monthly_debt: Decimal,
        at: datetime,
        by: int,
        *,
        chosen: bool,
    ) -> int:
        rng = self.rng
        method = rng.choice(product.methods)
        terms = list(product.terms)
        term = rng.choice(terms)
        gt = product.grade_terms(grade)
        assert gt is not None
        rate = gt.annual_rate
        fee_rate = product.monthly_fee_rate_for(grade)
        step = product.step_up if method is RepaymentMethod.STEP_UP else None
        step_percent = step.step_percent if step else Decimal(0)
        step_months = step.step_months if step else 12
        max_loan = min(product.max_loan(ap.value), price)
        share = Decimal(rng.choice((100, 100, 90, 80, 70))) / 100
        amount = _round_down(max_loan * share, 1000)
        limit = income / 2 - monthly_debt
        figures = None
        for _ in range(6):
            if amount < 10_000:
                amount = Decimal(10_000)
            upfront = product.fees.upfront_fee_for(amount)
            figures = _schedule(
                amount, rate, term, method, upfront, fee_rate, step_percent, step_months
            )
            if figures[7] <= limit or amount <= 10_000:
                break
            longer = [t for t in terms if t > term]
            if longer:
                term = max(longer)
            else:
                amount = _round_down(amount * Decimal("0.8"), 1000)
        assert figures is not None
        first, max_pay, interest, fees, repayment, apr, ear, _dti = figures
        bundle = rng.choices(("premium", "standard", "entry"), weights=(20, 50, 30))[0]
        pid = self.ids.next("plans")
        start_day = (at + timedelta(days=rng.randint(3, 20))).astimezone(STORE_TZ).date()
        add_ons = self._add_ons(pid, bundle, price, product.requires_full_insurance)
        out["plan_add_ons"].extend(add_ons)
        out["plans"].append(
            self._row(
                "plans",
                id=pid,
                store_id=self.store.store_id,
                consultation_id=cons_id,
                product_id=self.store.product_ids.get(product.code),
                product_code=product.code,
                lender_name=rng.choice(product.example_lenders) if product.example_lenders else "",
                method=method.value,
                vehicle_price=price,
                down_payment=money(price - amount),
                amount=money(amount),
                term_months=term,
                annual_rate=rate,
                upfront_fee=product.fees.upfront_fee_for(amount),
                monthly_fee_rate=fee_rate,
                step_percent=step_percent if step else None,
                step_months=step_months if step else None,
                start_date=start_day,
                bundle=bundle,
                first_payment=first,
                max_payment=max_pay,
                total_interest=interest,
                total_fees=fees,
                total_add_ons=money(sum((a["price"] for a in add_ons), Decimal(0))),
                total_repayment=repayment,
                apr=apr,
                effective_annual_rate=ear,
                warnings=[],
                chosen=chosen,
                created_at=at,
                created_by=by,
            )
        )
        return pid

    def _add_ons(
        self, plan_id: int, bundle: str, price: Decimal, insurance_required: bool
    ) -> list[dict[str, Any]]:
        rng = self.rng
        store = self.store.store_id
        rows = []
        full = bundle == "premium" or insurance_required
        ins_rate = Decimal(rng.randint(30, 42) if full else rng.randint(18, 26)) / 1000
        rows.append(
            self._row(
                "plan_add_ons",
                id=self.ids.next("plan_add_ons"),
                store_id=store,
                plan_id=plan_id,
                kind=AddOnKind.INSURANCE.value,
                name="Full vehicle insurance (1 year)" if full else "Basic vehicle insurance (1 year)",
                price=money(Decimal(int(price * ins_rate / 10)) * 10),
                required=insurance_required,
            )
        )
        if bundle == "premium":
            rows.append(
                self._row(
                    "plan_add_ons",
                    id=self.ids.next("plan_add_ons"),
                    store_id=store,
                    plan_id=plan_id,
                    kind=AddOnKind.WARRANTY.value,
                    name="Extended warranty (2 years)",
                    price=Decimal(rng.choice((2_000, 2_800, 3_500, 4_800))),
                    required=False,
                )
            )
        if bundle in ("premium", "standard"):
            rows.append(
                self._row(
                    "plan_add_ons",
                    id=self.ids.next("plan_add_ons"),
                    store_id=store,
                    plan_id=plan_id,
                    kind=AddOnKind.SERVICE.value,
                    name="Maintenance service package",
                    price=Decimal(rng.choice((1_200, 1_680, 2_400, 2_980))),
                    required=False,
                )
            )
        return rows

    # -- follow-ups ------------------------------------------------------------
    def _follow_up(
        self,
        out: Rows,
        cons_id: int,
        customer_id: int,
        kind: FollowUpKind,
        due: datetime,
        assigned: int,
        *,
        done_before: datetime | None = None,
    ) -> None:
        rng = self.rng
        done_at = None
        if done_before is not None and done_before <= self.now:
            done_at = min(done_before, due)
        elif due <= self.now and rng.random() < 0.9:
            done_at = self._after(due, -20, 6)
            done_at = min(done_at, self.now)
        out["follow_ups"].append(
            self._row(
                "follow_ups",
                id=self.ids.next("follow_ups"),
                store_id=self.store.store_id,
                consultation_id=cons_id,
                customer_id=customer_id,
                assigned_to=assigned,
                kind=kind.value,
                due_at=due,
                done_at=done_at,
                done_by=assigned if done_at else None,
                note=None,
                created_at=due - timedelta(hours=1),
            )
        )

    # -- one consultation ------------------------------------------------------------
    def _consultation(self, out: Rows, contact: datetime) -> None:
        rng = self.rng
        store = self.store
        consultant = rng.choice(store.consultant_ids)
        finance = rng.choice(store.finance_ids)
        channel = rng.choices([c for c, _ in _CHANNELS], weights=[w for _, w in _CHANNELS])[0]
        target, category = self._outcome()
        returning = self.customers and rng.random() < 0.1
        if returning:
            cust = rng.choice(self.customers[-5_000:])
        else:
            cust = self._new_customer(out, contact, consultant, channel)
        cons_id = self.ids.next("consultations")

        # decide products up front so approval time fits the product
        times = self._stage_times(contact, target, None)
        reached = 0
        for i, t in enumerate(times):
            if t <= self.now:
                reached = i
            else:
                break
        lost = category is not None and reached == target
        lost_at = self._after(times[reached], 6, 24 * 10) if lost else None
        if lost_at is not None and lost_at > self.now:
            lost, lost_at = False, None
        stamps: dict[str, datetime | None] = dict.fromkeys(_STAGES)
        for i in range(reached + 1):
            stamps[_STAGES[i]] = times[i]

        intent = (
            rng.choices((Intent.HIGH, Intent.MEDIUM, Intent.LOW), weights=(55, 35, 10))[0]
            if target >= APPROVED
            else rng.choices((Intent.HIGH, Intent.MEDIUM, Intent.LOW), weights=(20, 45, 35))[0]
        )
        states = {
            "reception_state": StepState.IN_PROGRESS,
            "qualification_state": StepState.NOT_STARTED,
            "appraisal_state": StepState.NOT_STARTED,
            "plan_state": StepState.NOT_STARTED,
            "signing_state": StepState.NOT_STARTED,
        }
        status = ConsultationStatus.OPEN
        if lost:
            status = ConsultationStatus.LOST
        elif reached == DELIVERED:
            status = ConsultationStatus.DELIVERED

        # qualification (needs confirmed or later)
        grade: Grade | None = None
        qual = None
        monthly_debt = Decimal(0)
        if reached >= NEEDS:
            states["reception_state"] = StepState.COMPLETE
            docs_fail = category == "documents" and target == NEEDS
            qualifies = reached >= QUALIFIED or (docs_fail and lost)
            if qualifies or rng.random() < 0.5:
                at = times[QUALIFIED] if reached >= QUALIFIED else self._after(times[NEEDS], 1, 20)
                at = min(at, self.now)
                qual = self._qualification(
                    out,
                    cons_id,
                    cust,
                    at,
                    finance,
                    documents_fail=docs_fail,
                    credit_bad=category == "credit",
                )
                out_q = out["qualifications"][-1]
                monthly_debt = out_q["monthly_debt_payments"]
                if qual.passed:
                    grade = qual.grade
                    states["qualification_state"] = StepState.COMPLETE
                    if reached < QUALIFIED:  # graded but the stamp is pending: keep consistent
                        stamps["qualified_at"] = at
                        reached = max(reached, QUALIFIED) if not lost else reached
                else:
                    states["qualification_state"] = StepState.BLOCKED
            else:
                states["qualification_state"] = StepState.IN_PROGRESS
        if grade is None and reached >= QUALIFIED:
            # the qualification step was saved but did not pass: the funnel stops here
            for s in _STAGES[QUALIFIED:]:
                stamps[s] = None
            reached = NEEDS

        # vehicle and appraisal (after qualification)
        ap = None
        price = Decimal(0)
        if reached >= QUALIFIED and grade is not None:
            vehicle_reject = category == "vehicle"
            assert stamps["qualified_at"] is not None
            at = self._after(stamps["qualified_at"], 0.5, 24)
            if at <= self.now and (reached > QUALIFIED or vehicle_reject or rng.random() < 0.7):
                _vid, ap, price = self._vehicle(
                    out, cons_id, min(at, self.now), finance, reject=vehicle_reject
                )
                states["appraisal_state"] = (
                    StepState.BLOCKED if vehicle_reject else StepState.COMPLETE
                )
            else:
                states["appraisal_state"] = StepState.IN_PROGRESS
        if ap is None or category == "vehicle":
            for s in _STAGES[PLAN:]:
                stamps[s] = None
            reached = min(reached, QUALIFIED)

        # plans
        if reached >= PLAN and ap is not None and grade is not None:
            products = self._eligible(grade, ap)
            if products:
                k = min(len(products), rng.choices((1, 2, 3), weights=(45, 40, 15))[0])
                offered = rng.sample(products, k)
                chosen_index = 0 if reached >= APPROVED else -1
                plan_at = stamps["plan_offered_at"]
                assert plan_at is not None
                for i, product in enumerate(offered):
                    self._plan(
                        out,
                        cons_id,
                        product,
                        grade,
                        ap,
                        price,
                        cust.income,
                        monthly_debt,
                        self._after(plan_at, 0, 2) if i else plan_at,
                        finance,
                        chosen=i == chosen_index,
                    )
                states["plan_state"] = (
                    StepState.COMPLETE if reached >= APPROVED else StepState.IN_PROGRESS
                )
            else:
                for s in _STAGES[PLAN:]:
                    stamps[s] = None
                reached = QUALIFIED

        # signing checklist
        if reached >= APPROVED:
            signed_at = stamps["signed_at"]
            n_done = len(_SIGNING_CODES) if signed_at else rng.randint(0, len(_SIGNING_CODES) - 1)
            base = stamps["approved_at"]
            assert base is not None
            for j, (code, kind) in enumerate(_SIGNING_CODES):
                done = j < n_done
                done_at = None
                if done:
                    done_at = signed_at - timedelta(minutes=5 * (len(_SIGNING_CODES) - j)) if signed_at else min(self._after(base, 1, 48), self.now)
                out["signing_items"].append(
                    self._row(
                        "signing_items",
                        id=self.ids.next("signing_items"),
                        store_id=store.store_id,
                        consultation_id=cons_id,
                        kind=kind.value,
                        code=code,
                        done=done,
                        done_at=done_at,
                        done_by=finance if done else None,
                        note=None,
                    )
                )
            states["signing_state"] = StepState.COMPLETE if signed_at else StepState.IN_PROGRESS

        # follow-ups created by the flow
        if intent is Intent.HIGH:
            nxt = stamps["needs_confirmed_at"]
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.HIGH_INTENT,
                contact + timedelta(hours=48),
                consultant,
                done_before=nxt if nxt and nxt < contact + timedelta(hours=48) else None,
            )
        if stamps["disbursed_at"] is not None:
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.POST_DISBURSEMENT,
                stamps["disbursed_at"] + timedelta(days=7),
                consultant,
            )
        if stamps["delivered_at"] is not None:
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.DELIVERY,
                stamps["delivered_at"] + timedelta(days=3),
                consultant,
            )

        # outcome
        if lost:
            status = ConsultationStatus.LOST
        elif stamps["delivered_at"] is not None:
            status = ConsultationStatus.DELIVERED
        else:
            status = ConsultationStatus.OPEN
        lost_reason = None
        if lost and category is not None:
            lost_reason = (
                f"{LOST_CATEGORY_LABELS[category]}: {rng.choice(_LOST_DETAILS[category])}"
            )
            if category == "documents" and rng.random() < 0.03:
                self._blacklist(out, cust, lost_at)
        if status is ConsultationStatus.DELIVERED:
            self._promote(out, cust)
        last = max(
            [t for t in stamps.values() if t is not None] + ([lost_at] if lost_at else [])
        )
        referred = (
            rng.choice(self.customers[:-1]).id
            if channel is Channel.REFERRAL and len(self.customers) > 1
            else None
        )
        budget = money(Decimal(rng.randint(10, 60) * 5_000))
        out["consultations"].append(
            self._row(
                "consultations",
                id=cons_id,
                store_id=store.store_id,
                customer_id=cust.id,
                consultant_id=consultant,
                status=status.value,
                source_channel=channel.value,
                intent_level=intent.value,
                purpose=rng.choice(_PURPOSES),
                budget=budget,
                wished_down_payment=money(budget * Decimal(rng.randint(10, 40)) / 100),
                wished_monthly_payment=money(Decimal(int(cust.income / 4 / 100) * 100)),
                **{k: v.value for k, v in states.items()},
                **stamps,
                lost_at=lost_at if lost else None,
                lost_reason=lost_reason,
                blacklist_hit=False,
                blocked_reasons=None,
                warnings=None,
                satisfaction=(
                    rng.choices((100, 95, 90, 85, 80, 70), weights=(25, 30, 25, 10, 7, 3))[0]
                    if status is ConsultationStatus.DELIVERED
                    else None
                ),
                referred_by_customer_id=referred,
                created_at=contact,
                updated_at=last,
                version_id=1,
            )
        )

    def _promote(self, out: Rows, cust: _Customer) -> None:
        """A customer who took delivery becomes regular (VIP for the best incomes)."""
        tier = Tier.VIP if cust.income >= 20_000 else Tier.REGULAR
        for row in reversed(out["customers"]):
            if row["id"] == cust.id:
                row["tier"] = tier.value
                return
        out.setdefault("_tier_updates", []).append({"id": cust.id, "tier": tier.value})

    def _blacklist(self, out: Rows, cust: _Customer, at: datetime | None) -> None:
        out["blacklist"].append(
            self._row(
                "blacklist",
                id=self.ids.next("blacklist"),
                store_id=self.store.store_id,
                source=BlacklistSource.INTERNAL.value,
                reason=BlacklistReason.FAKE_DOCUMENTS.value,
                id_hmac=cust.id_hmac,
                phone_hmac=cust.phone_hmac,
                id_masked=mask_id(cust.id_number),
                phone_masked=mask_phone(cust.phone),
                note="Forged payslips found during document review",
                import_batch=None,
                added_by=self.store.manager_ids[0] if self.store.manager_ids else None,
                added_at=at or self.now,
            )
        )

    def _industry_list(self, out: Rows, n: int) -> None:
        """A small imported industry list (people who never visited this store)."""
        rng = self.rng
        imported = self.now - timedelta(days=rng.randint(20, 200))
        for _ in range(n):
            birth = self._birth(self.today)
            number = self._id_number(birth)
            phone = self._phone()
            out["blacklist"].append(
                self._row(
                    "blacklist",
                    id=self.ids.next("blacklist"),
                    store_id=self.store.store_id,
                    source=BlacklistSource.INDUSTRY.value,
                    reason=BlacklistReason.INDUSTRY_LIST.value,
                    id_hmac=self.cipher.id_hash(number),
                    phone_hmac=self.cipher.phone_hash(phone),
                    id_masked=mask_id(number),
                    phone_masked=mask_phone(phone),
                    note=None,
                    import_batch="demo-industry-list",
                    added_by=self.store.owner_id,
                    added_at=imported,
                )
            )

    # -- batches -----------------------------------------------------------------
    def batches(self, n: int, batch_size: int = DEFAULT_BATCH) -> Iterator[Rows]:
        """Rows for ``n`` consultations, ``batch_size`` consultations at a time."""
        contacts = self._contact_times(n)
        first = True
        for start in range(0, n, batch_size):
            out: Rows = {name: [] for name in TABLE_ORDER}
            if first:
                self._industry_list(out, max(5, min(200, n // 500)))
                first = False
            for contact in contacts[start : start + batch_size]:
                self._consultation(out, contact)
            yield out


_CONDITION_WEIGHTS = (15, 45, 30, 10)


def _round_down(value: Decimal, step: int) -> Decimal:
    return (value / step).quantize(Decimal(1), rounding=ROUND_DOWN) * step


def _reasons_json(reasons: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"code": r.code, "template": r.template, "params": dict(r.params)} for r in reasons]


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------


def bulk_insert(conn: Connection, rows: Rows) -> dict[str, int]:
    """Insert one batch with Core executemany, parents first; returns rows per table."""
    counts: dict[str, int] = {}
    for name in TABLE_ORDER:
        batch = rows.get(name)
        if batch:
            conn.execute(insert(table(name)), batch)
            counts[name] = len(batch)
    updates = rows.get("_tier_updates")
    if updates:
        from sqlalchemy import bindparam, update

        t = table("customers")
        conn.execute(
            update(t).where(t.c.id == bindparam("cid")).values(tier=bindparam("new_tier")),
            [{"cid": u["id"], "new_tier": u["tier"]} for u in updates],
        )
    return counts


def _ensure_store(database: Database) -> tuple[int, list[str]]:
    """The store to fill (created with an owner when the database is new)."""
    from db.services import catalogue
    from db.services import staff as staff_service

    created: list[str] = []
    if staff_service.needs_setup(database):
        staff_service.create_owner(
            database, DEMO_STORE_NAME, "owner", DEMO_PASSWORD, display_name="店主"
        )
        created.append("owner")
    owner = staff_service.owner_actor(database)
    with database.unit_of_work() as uow:
        have_customers = uow.session.scalar(
            select(func.count()).select_from(Customer).where(Customer.store_id == owner.store_id)
        )
        if have_customers:
            raise UserError(
                "This database already holds customers; demo data only goes into an empty "
                "database. Choose a new file with --db.",
                code="demo_needs_empty",
            )
        existing = set(uow.session.scalars(select(Staff.username)))
        catalogue.seed_default_catalogue(uow, owner)
        hashed: str | None = None
        for username, display, role in _DEMO_STAFF:
            if username in existing:
                continue
            if hashed is None:
                hashed = staff_service.hash_password(DEMO_PASSWORD)
            uow.session.add(
                Staff(
                    store_id=owner.store_id,
                    username=username,
                    display_name=display,
                    role=role.value,
                    password_hash=hashed,
                    active=True,
                    failed_logins=0,
                )
            )
            created.append(username)
        uow.commit()
    return owner.store_id, created


def _store_context(database: Database, store_id: int) -> StoreContext:
    from db.models import Product as ProductRow
    from db.services import catalogue

    cat = catalogue.load_catalogue(database, store_id)
    with database.unit_of_work() as uow:
        s = uow.session
        staff_rows = list(s.execute(select(Staff.id, Staff.role).where(Staff.store_id == store_id)))
        ids = {
            name: (s.scalar(select(func.max(_pk(name)))) or 0) + 1 for name in TABLE_ORDER
        }
        product_ids = {
            code: pid
            for pid, code in s.execute(
                select(ProductRow.id, ProductRow.code).where(ProductRow.store_id == store_id)
            )
        }

    def of(role: Role) -> tuple[int, ...]:
        return tuple(sid for sid, r in staff_rows if r == role.value)

    owner_ids = of(Role.OWNER)
    return StoreContext(
        store_id=store_id,
        owner_id=owner_ids[0],
        manager_ids=of(Role.MANAGER) or owner_ids,
        finance_ids=of(Role.FINANCE) or owner_ids,
        consultant_ids=of(Role.CONSULTANT) or owner_ids,
        products=tuple(p for p in cat.products if p.active),
        product_ids=product_ids,
        next_ids=ids,
    )


def _pk(name: str) -> Any:
    cols = list(table(name).primary_key.columns)
    return cols[0]


def load_demo_data(
    database: Database,
    consultations: int,
    *,
    seed: int = 1,
    today: date | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty store with ``consultations`` synthetic consultations, in one transaction.

    Raises :class:`UserError` when the store already has customers (demo data
    never mixes with real data).  ``progress(done, total)`` is called after
    each batch.
    """
    if consultations < 0:
        raise UserError("The number of consultations cannot be negative.")
    started = _time.perf_counter()
    day = today or datetime.now(STORE_TZ).date()
    store_id, created = _ensure_store(database)
    ctx = _store_context(database, store_id)
    gen = DemoGenerator(database.cipher, ctx, seed=seed, today=day)
    totals: dict[str, int] = {}
    done = 0
    with database.engine.begin() as conn:
        for rows in gen.batches(consultations, batch_size):
            for name, n in bulk_insert(conn, rows).items():
                totals[name] = totals.get(name, 0) + n
            done += len(rows["consultations"])
            if progress is not None:
                progress(done, consultations)
    if progress is not None and consultations == 0:
        progress(0, 0)
    return DemoSummary(
        store_id=store_id,
        seed=seed,
        today=day,
        counts=totals,
        seconds=_time.perf_counter() - started,
        staff_created=tuple(created),
    )
