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

import gc
import random
import time as _time
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import (
    Boolean,
    Connection,
    Integer,
    String,
    Table,
    and_,
    func,
    insert,
    literal,
    select,
    true,
    union_all,
)

from db.crypto import FieldCipher, mask_id, mask_phone
from db.database import Database
from db.engine import after_bulk_load
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
from lending.reasons import Reason
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
from lending.settings import DEFAULT_SETTINGS

DEMO_PASSWORD = "demo-pass-2026"
DEMO_STORE_NAME = "LoanDesk Demo Store"
STORE_TZ = timezone(timedelta(hours=8))  # China Standard Time, no daylight saving
DEFAULT_BATCH = 5_000
AMOUNT_STEP = 5_000  # loan amounts in round 5,000 CNY (also keeps the schedule cache small)
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

# the decline reason a lender gives (``DeclineReason``) for each rejection category
_DECLINE_REASONS: Mapping[str, str] = {
    "documents": "documents",
    "credit": "credit",
    "vehicle": "vehicle",
    "income_debt": "income",
}
# the ``LostReason`` staff pick for each way a customer walks away
_CUSTOMER_LOST_CODES: Mapping[str, str] = {
    "customer bought the car in cash": "other",
    "customer chose another dealer's offer": "bought_elsewhere",
    "customer postponed the purchase": "not_interested",
    "customer stopped answering calls": "not_interested",
    "customer only compared prices": "price",
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
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯"
    "邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
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
_T = TypeVar("_T")


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
    staff_names: Mapping[int, str] = field(default_factory=dict)
    """Display names, for the "recorded by" of a lender's decision."""


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


@dataclass(frozen=True)
class Appraised:
    """The parts of ``lending.appraisal.Appraisal`` the demo stores."""

    value: Decimal
    computed_value: Decimal
    age_years: Decimal
    mileage_km: int
    excluded: bool
    exclusion_reasons: tuple[Reason, ...]
    odometer_flags: tuple[Reason, ...]
    limit_reasons: tuple[Reason, ...]


def fast_appraise(
    market: Decimal,
    first_registration: date,
    on: date,
    mileage_km: int,
    condition: lending_appraisal.Condition,
    accident: bool = False,
    flood: bool = False,
    fire: bool = False,
) -> Appraised:
    """``lending.appraisal.appraise`` with default settings and no override.

    A used-market reference needs no fractional Decimal powers (those made
    the old double depreciation slow), so this is lending's own appraisal.
    """
    a = lending_appraisal.appraise(
        lending_appraisal.AppraisalInput(
            market_reference_price=market,
            first_registration=first_registration,
            appraisal_date=on,
            mileage_km=mileage_km,
            condition=condition,
            accident=accident,
            flood=flood,
            fire=fire,
        ),
        DEFAULT_SETTINGS,
    )
    return Appraised(
        value=a.value,
        computed_value=a.computed_value,
        age_years=a.age_years,
        mileage_km=a.mileage_km,
        excluded=a.excluded,
        exclusion_reasons=a.exclusion_reasons,
        odometer_flags=a.odometer_flags,
        limit_reasons=a.limit_reasons,
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
        seed: int | str,
        today: date,
        first_ids: Mapping[str, int] | None = None,
    ) -> None:
        self.rng = random.Random(seed)
        # the lender's decisions and loss categories draw from their own stream, so
        # everything else a seed gives stays what it was before decisions were recorded
        self.decisions = random.Random(f"{seed}:decisions")
        self.cipher = cipher
        self.store = store
        self.today = today
        self.now = data_cutoff(today)
        self.tpl = _templates()
        self.ids = _Counters(dict(first_ids or dict.fromkeys(TABLE_ORDER, 1)))
        self.customers: list[_Customer] = []
        self._customer_rows: dict[int, dict[str, Any]] = {}
        self._blacklisted: set[int] = set()
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.used_vins: set[str] = set()
        self.by_code = {p.code: p for p in store.products}

    # -- small helpers -------------------------------------------------------
    def _row(self, table_name: str, **values: Any) -> dict[str, Any]:
        row = dict(self.tpl[table_name])
        row.update(values)
        return row

    def _name(self) -> str:
        rng = self.rng
        given = _choice(rng, _GIVEN) + (_choice(rng, _GIVEN) if rng.random() < 0.7 else "")
        return _choice(rng, _SURNAMES) + given

    def _birth(self, on: date) -> date:
        rng = self.rng
        typical = rng.random() < 0.85
        age = rng.triangular(25, 45.99, 32) if typical else rng.uniform(22.05, 60.9)
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
                _choice(rng, _LOCAL_REGIONS) if rng.random() < 0.7 else _choice(rng, _OTHER_REGIONS)
            )
            number = generate_resident_id(region, birth, _randint(rng, 0, 999))
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _phone(self) -> str:
        rng = self.rng
        while True:
            phone = _choice(rng, _MOBILE_PREFIXES) + f"{_randint(rng, 0, 99_999_999):08d}"
            if phone not in self.used_phones:
                self.used_phones.add(phone)
                return phone

    def _vin(self, wmi: str, model_year: int) -> str:
        rng = self.rng
        while True:
            vds = "".join(_choice(rng, _VIN_CHARS) for _ in range(5))
            year = _YEAR_CODES[(model_year - 2010) % 30]
            plant = _choice(rng, _VIN_CHARS)
            serial = f"{_randint(rng, 0, 999_999):06d}"
            vin = generate_vin(wmi + vds + year + plant + serial)
            if vin not in self.used_vins:
                self.used_vins.add(vin)
                return vin

    def _after(self, t: datetime, lo_hours: float, hi_hours: float) -> datetime:
        # whole seconds (``t`` has none), so no microseconds to strip
        return t + timedelta(seconds=int(self.rng.uniform(lo_hours, hi_hours) * 3600))

    # -- the plan of one consultation's life ------------------------------------
    def _outcome(self) -> tuple[int, str | None]:
        """(furthest stage aimed for, loss category or None for the delivered path)."""
        rng = self.rng
        if rng.random() < 0.30:
            return DELIVERED, None
        if rng.random() < 0.45:
            stage = _pick(rng, (CONTACT, NEEDS, QUALIFIED, PLAN, APPROVED), (45, 22, 10, 15, 8))
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

    def _stage_times(self, contact: datetime, target: int) -> list[datetime]:
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
                days = _choice(rng, (0, 1, 1, 2, 3, 5, 7, 10))
                t = self._after(times[-1], 2 + 24 * days, 8 + 24 * days)
            else:
                t = self._after(times[-1], *gaps[stage])
            times.append(t)
        return times

    # -- customers ------------------------------------------------------------
    def _new_customer(
        self, out: Rows, contact: datetime, consultant: int, channel: Channel
    ) -> _Customer:
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
        self._customer_rows[cid] = out["customers"][-1]
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
            apps = _choice(rng, (0, 0, 1))
            debt_share = rng.uniform(0, 0.15)
        elif q > 0.2:
            overdue = _randint(rng, 1, 2)
            worst = _choice(rng, (5, 10, 15, 25))
            util = rng.uniform(30, 75)
            apps = _randint(rng, 1, 3)
            debt_share = rng.uniform(0.08, 0.28)
        else:
            overdue = _randint(rng, 2, 6)
            worst = _choice(rng, (30, 45, 60, 90))
            util = rng.uniform(60, 98)
            apps = _randint(rng, 2, 7)
            debt_share = rng.uniform(0.15, 0.35)
        monthly_debt = money(Decimal(int(income * Decimal(str(round(debt_share, 3))) / 10) * 10))
        current_debt = money(monthly_debt * _randint(rng, 12, 48))
        proof_months, residence, work = 6, True, True
        if documents_fail:
            which = _randint(rng, 0, 2)
            proof_months = _choice(rng, (2, 3, 4)) if which == 0 else 6
            residence = which != 1
            work = which != 2
        history = Decimal(_randint(rng, 0, 150)) / 10
        kinds = _randint(rng, 1, 4)
        application_day = at.astimezone(STORE_TZ).date()
        statement = money(income * Decimal(_randint(rng, 94, 104)) / 100)
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
    ) -> tuple[int, Appraised, Decimal]:
        rng = self.rng
        brand, model, ref_price, wmi = _choice(rng, _VEHICLES)
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
                mileage = _randint(rng, 152, 260) * 1000
        condition = _pick(rng, _CONDITIONS, _CONDITION_WEIGHTS)
        market = money(Decimal(ref_price) * Decimal(_randint(rng, 90, 110)) / 100)
        result = fast_appraise(market, first_reg, day, mileage, condition, accident, flood, fire)
        acceptable = not result.excluded and not (reject and result.limit_reasons)
        if reject:
            acceptable = False
        sale_price = money(
            Decimal(int(result.value * Decimal(_randint(rng, 104, 115)) / 100 / 100)) * 100
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
                colour=_choice(rng, _COLOURS),
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
    def _eligible(self, grade: Grade, ap: Appraised) -> list[Product]:
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
        ap: Appraised,
        price: Decimal,
        payment_limit: Decimal,
        at: datetime,
        by: int,
        *,
        chosen: bool,
    ) -> int:
        rng = self.rng
        method = _choice(rng, product.methods)
        terms = list(product.terms)
        term = _choice(rng, terms)
        gt = product.grade_terms(grade)
        assert gt is not None
        rate = gt.annual_rate
        fee_rate = product.monthly_fee_rate_for(grade)
        step = product.step_up if method is RepaymentMethod.STEP_UP else None
        step_percent = step.step_percent if step else Decimal(0)
        step_months = step.step_months if step else 12
        max_loan = min(product.max_loan(ap.value), price)
        share = Decimal(_choice(rng, (100, 100, 90, 80, 70))) / 100
        amount = _round_down(max_loan * share, AMOUNT_STEP)
        figures = None
        for attempt in range(6):
            if amount < 10_000:
                amount = Decimal(10_000)
            upfront = product.fees.upfront_fee_for(amount)
            figures = _schedule(
                amount, rate, term, method, upfront, fee_rate, step_percent, step_months
            )
            # the last attempt keeps its figures: amount and term must stay theirs
            if figures[7] <= payment_limit or amount <= 10_000 or attempt == 5:
                break
            longer = [t for t in terms if t > term]
            if longer:
                term = max(longer)
            else:
                amount = _round_down(amount * Decimal("0.8"), AMOUNT_STEP)
        assert figures is not None
        first, max_pay, interest, fees, repayment, apr, ear, _dti = figures
        bundle = _pick(rng, ("premium", "standard", "entry"), (20, 50, 30))
        pid = self.ids.next("plans")
        start_day = (at + timedelta(days=_randint(rng, 3, 20))).astimezone(STORE_TZ).date()
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
                lender_name=_choice(rng, product.example_lenders)
                if product.example_lenders
                else "",
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
        ins_rate = Decimal(_randint(rng, 30, 42) if full else _randint(rng, 18, 26)) / 1000
        rows.append(
            self._row(
                "plan_add_ons",
                id=self.ids.next("plan_add_ons"),
                store_id=store,
                plan_id=plan_id,
                kind=AddOnKind.INSURANCE.value,
                name="Full vehicle insurance (1 year)"
                if full
                else "Basic vehicle insurance (1 year)",
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
                    price=Decimal(_choice(rng, (2_000, 2_800, 3_500, 4_800))),
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
                    price=Decimal(_choice(rng, (1_200, 1_680, 2_400, 2_980))),
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
        created: datetime,
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
                created_at=created,
            )
        )

    # -- one consultation ------------------------------------------------------------
    def _consultation(self, out: Rows, contact: datetime) -> None:
        rng = self.rng
        store = self.store
        settings = DEFAULT_SETTINGS
        consultant = _choice(rng, store.consultant_ids)
        finance = _choice(rng, store.finance_ids)
        channel = _pick(rng, _CHANNEL_NAMES, _CHANNEL_WEIGHTS)
        target, category = self._outcome()
        cust = None
        if self.customers and rng.random() < 0.1:  # a returning customer (never a blacklisted one)
            n_known = len(self.customers)
            cust = self.customers[_randrange(rng, max(0, n_known - 5_000), n_known)]
            if cust.id in self._blacklisted:
                cust = None
        if cust is None:
            cust = self._new_customer(out, contact, consultant, channel)
        cons_id = self.ids.next("consultations")

        times = self._stage_times(contact, target)
        reached = 0
        for i, t in enumerate(times):
            if t > self.now:
                break
            reached = i
        will_lose = category is not None and reached == target
        stamps: dict[str, datetime | None] = dict.fromkeys(_STAGES)
        for i in range(reached + 1):
            stamps[_STAGES[i]] = times[i]
        last = contact

        def cut(stage: int) -> int:
            for s in _STAGES[stage + 1 :]:
                stamps[s] = None
            return stage

        intent = _pick(rng, _INTENTS, (55, 35, 10) if target >= APPROVED else (20, 45, 35))
        states = dict.fromkeys(_STEP_COLUMNS, StepState.NOT_STARTED)
        states["reception_state"] = StepState.IN_PROGRESS

        # qualification: saved when it passed (qualified) or was blocked by documents
        grade: Grade | None = None
        monthly_debt = Decimal(0)
        if reached >= NEEDS:
            states["reception_state"] = StepState.COMPLETE
            docs_fail = category == "documents" and target == NEEDS and will_lose
            if reached >= QUALIFIED or docs_fail:
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
                last = max(last, at)
                monthly_debt = out["qualifications"][-1]["monthly_debt_payments"]
                if qual.passed:
                    grade = qual.grade
                    states["qualification_state"] = StepState.COMPLETE
                else:
                    states["qualification_state"] = StepState.BLOCKED
                    reached = cut(NEEDS)
            elif rng.random() < 0.5:
                states["qualification_state"] = StepState.IN_PROGRESS

        # vehicle and appraisal (between qualification and the first plan)
        ap = None
        price = Decimal(0)
        if reached >= QUALIFIED and grade is not None:
            q_at = stamps["qualified_at"]
            p_at = stamps["plan_offered_at"]
            assert q_at is not None
            if p_at is not None:
                at = q_at + (p_at - q_at) * rng.uniform(0.2, 0.8)
            else:
                at = self._after(q_at, 0.5, 24)
            at = at.replace(microsecond=0)
            vehicle_reject = category == "vehicle" and will_lose
            if at <= self.now and (p_at is not None or vehicle_reject or rng.random() < 0.6):
                _vid, ap, price = self._vehicle(out, cons_id, at, finance, reject=vehicle_reject)
                last = max(last, at)
                states["appraisal_state"] = (
                    StepState.BLOCKED if vehicle_reject else StepState.COMPLETE
                )
            else:
                states["appraisal_state"] = StepState.IN_PROGRESS
            if ap is None or vehicle_reject:
                reached = cut(QUALIFIED)

        # plans: one to three eligible products; the first is chosen once approved
        # (or once the lender has answered the application otherwise, below)
        first_plan: dict[str, Any] | None = None
        if reached >= PLAN and ap is not None and grade is not None:
            products = self._eligible(grade, ap)
            if products:
                k = min(len(products), _pick(rng, (1, 2, 3), (45, 40, 15)))
                plan_at = stamps["plan_offered_at"]
                assert plan_at is not None
                for i, product in enumerate(rng.sample(products, k)):
                    at = self._after(plan_at, 0, 2) if i else plan_at
                    self._plan(
                        out,
                        cons_id,
                        product,
                        grade,
                        ap,
                        price,
                        cust.income * settings.max_dti_percent / 100 - monthly_debt,
                        at,
                        finance,
                        chosen=i == 0 and reached >= APPROVED,
                    )
                    if i == 0:
                        first_plan = out["plans"][-1]
                    last = max(last, at)
                states["plan_state"] = (
                    StepState.COMPLETE if reached >= APPROVED else StepState.IN_PROGRESS
                )
            else:
                reached = cut(QUALIFIED)

        # signing checklist: partly done while approved; once signed every item is
        # done, and those rows are written in SQL at the end (see _fill_signed_checklists)
        if reached >= APPROVED and stamps["signed_at"] is not None:
            states["signing_state"] = StepState.COMPLETE
        elif reached >= APPROVED:
            approved_at = stamps["approved_at"]
            assert approved_at is not None
            n_done = _randint(rng, 0, len(_SIGNING_ROWS) - 1)
            rows = out["signing_items"]
            first_id = self.ids.ids["signing_items"]
            self.ids.ids["signing_items"] = first_id + len(_SIGNING_ROWS)
            for j, (code, kind) in enumerate(_SIGNING_ROWS):
                done_at = None
                if j < n_done:
                    done_at = min(self._after(approved_at, 1, 48), self.now)
                    last = max(last, done_at)
                rows.append(  # every column of signing_items
                    {
                        "id": first_id + j,
                        "store_id": store.store_id,
                        "consultation_id": cons_id,
                        "kind": kind,
                        "code": code,
                        "done": done_at is not None,
                        "done_at": done_at,
                        "done_by": finance if done_at is not None else None,
                        "note": None,
                    }
                )
            states["signing_state"] = StepState.IN_PROGRESS

        last = max([last, *(t for t in stamps.values() if t is not None)])
        lost_at = None
        if will_lose:
            lost_at = self._after(last, 6, 24 * 10)
            if lost_at > self.now:  # still being worked on
                lost_at = None

        # follow-ups created by the flow
        if intent is Intent.HIGH:
            due = contact + timedelta(hours=settings.follow_up_high_intent_hours)
            nxt = stamps["needs_confirmed_at"]
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.HIGH_INTENT,
                due,
                consultant,
                created=contact,
                done_before=nxt if nxt is not None and nxt < due else None,
            )
        disbursed_at = stamps["disbursed_at"]
        if disbursed_at is not None:
            due = disbursed_at + timedelta(days=settings.follow_up_after_disbursement_days)
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.POST_DISBURSEMENT,
                due,
                consultant,
                created=disbursed_at,
            )
        delivered_at = stamps["delivered_at"]
        if delivered_at is not None:
            due = delivered_at + timedelta(days=settings.follow_up_after_delivery_days)
            self._follow_up(
                out, cons_id, cust.id, FollowUpKind.DELIVERY, due, consultant, created=delivered_at
            )

        # outcome
        lost_reason = None
        lost_code = None
        blacklisted = False
        if lost_at is not None and category is not None:
            status = ConsultationStatus.LOST
            detail = _choice(rng, _LOST_DETAILS[category])
            lost_reason = f"{LOST_CATEGORY_LABELS[category]}: {detail}"
            if category == "documents" and rng.random() < 0.03:
                self._blacklist(out, cust, lost_at)
                blacklisted = True
        elif delivered_at is not None:
            status = ConsultationStatus.DELIVERED
            self._promote(out, cust)
        else:
            status = ConsultationStatus.OPEN
        decision = self._decision(
            stamps, first_plan, category if lost_reason is not None else None, lost_at,
            blacklisted, finance,
        )
        if lost_reason is not None:
            assert category is not None
            lost_code = self._lost_code(category, lost_reason, decision, blacklisted)
        referred = None
        if channel is Channel.REFERRAL and len(self.customers) > 1:
            referred = self.customers[_randrange(rng, len(self.customers) - 1)].id
        budget = money(Decimal(_randint(rng, 10, 60) * 5_000))
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
                purpose=_choice(rng, _PURPOSES),
                budget=budget,
                wished_down_payment=money(budget * Decimal(_randint(rng, 10, 40)) / 100),
                wished_monthly_payment=money(Decimal(int(cust.income / 4 / 100) * 100)),
                **{k: v.value for k, v in states.items()},
                **stamps,
                lost_at=lost_at,
                lost_reason=lost_reason,
                lost_reason_code=lost_code,
                lender_outcome=decision["outcome"] if decision else None,
                lender_decided_at=decision["at"] if decision else None,
                lender_decision=decision["json"] if decision else None,
                blacklist_hit=False,
                blocked_reasons=None,
                warnings=None,
                satisfaction=(
                    _pick(rng, (100, 95, 90, 85, 80, 70), (25, 30, 25, 10, 7, 3))
                    if status is ConsultationStatus.DELIVERED
                    else None
                ),
                referred_by_customer_id=referred,
                created_at=contact,
                updated_at=max(last, lost_at) if lost_at else last,
                version_id=1,
            )
        )

    # -- the lender's answer and the loss category ----------------------------
    def _decision(
        self,
        stamps: Mapping[str, datetime | None],
        first_plan: dict[str, Any] | None,
        lost_category: str | None,
        lost_at: datetime | None,
        blacklisted: bool,
        finance: int,
    ) -> dict[str, Any] | None:
        """What the lender answered, as ``record_lender_decision`` stores it (or None).

        Approved: every consultation that reached "approved".  Declined: a loss
        for credit, income, documents or the vehicle after the application went
        to the lender (half of the losses after a plan was offered; the other half
        we refused before submitting).  Withdrawn: about half of the
        customers who walked away while the application was with the lender.
        A decided application has its first plan chosen (the one submitted).
        """
        approved_at = stamps["approved_at"]
        plan_at = stamps["plan_offered_at"]
        outcome, at, why = None, None, None
        if approved_at is not None:
            outcome, at = "approved", approved_at
        elif (
            lost_category is not None
            and lost_at is not None
            and plan_at is not None
            and first_plan is not None
            and not blacklisted
        ):
            if lost_category == "customer":
                if self.decisions.random() < 0.5:
                    outcome = "withdrawn"
            elif self.decisions.random() < 0.5:  # else we saw it first and did not submit
                outcome = "declined"
                why = _DECLINE_REASONS[lost_category]
            if outcome is not None:
                span = (lost_at - plan_at).total_seconds()
                at = plan_at + timedelta(seconds=int(span * self.decisions.uniform(0.3, 0.9)))
        if outcome is None or at is None:
            return None
        if first_plan is not None:
            first_plan["chosen"] = True
        return {
            "outcome": outcome,
            "at": at,
            "json": {
                "outcome": outcome,
                "on": at.astimezone(STORE_TZ).date().isoformat(),
                "by": self.store.staff_names.get(finance, ""),
                "staff_id": finance,
                "approved_amount": None,
                "approved_rate": None,
                "reason_code": why,
                "note": None,
            },
        }

    def _lost_code(
        self, category: str, lost_reason: str, decision: dict[str, Any] | None, blacklisted: bool
    ) -> str:
        """The ``LostReason`` staff pick in the GUI for this loss."""
        if category != "customer":
            if blacklisted:
                return "refused_fraud"
            if decision is not None and decision["outcome"] == "declined":
                return "lender_rejected"
            return "refused_eligibility"  # we offered no plan: the customer does not qualify
        if decision is not None and decision["outcome"] == "withdrawn":
            return "not_interested"
        detail = lost_reason.split(": ", 1)[-1]
        return _CUSTOMER_LOST_CODES.get(detail, "other")

    def _promote(self, out: Rows, cust: _Customer) -> None:
        """A customer who took delivery becomes regular (VIP for the best incomes)."""
        tier = Tier.VIP if cust.income >= 20_000 else Tier.REGULAR
        self._customer_rows[cust.id]["tier"] = tier.value

    def _blacklist(self, out: Rows, cust: _Customer, at: datetime | None) -> None:
        self._blacklisted.add(cust.id)
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
        imported = self.now - timedelta(days=_randint(rng, 20, 200))
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

    # -- one task -----------------------------------------------------------------
    def generate(self, contacts: Sequence[datetime], industry_entries: int = 0) -> Rows:
        """Rows (Python values, ids numbered from ``first_ids``) for these visits."""
        out: Rows = {name: [] for name in TABLE_ORDER}
        if industry_entries:
            self._industry_list(out, industry_entries)
        for contact in contacts:
            self._consultation(out, contact)
        return out


def data_cutoff(day: date) -> datetime:
    """The generator's "now": the start of ``today`` in the store's time zone, as UTC.

    Everything generated happened before today (nothing lies in the future
    whatever the time of the run), and a run later the same day gives the
    same data.
    """
    return datetime.combine(day, time(0, 0), STORE_TZ).astimezone(UTC)


def contact_times(seed: int, today: date, n: int) -> list[datetime]:
    """Visit times over the 365 days up to ``today``: busier at weekends, slowly growing."""
    rng = random.Random(f"loandesk-demo:{seed}:contacts")
    days = [today - timedelta(days=d) for d in range(365, 0, -1)]
    weights = [
        (1.6 if day.weekday() >= 5 else 1.0) * (0.8 + 0.4 * i / 365) for i, day in enumerate(days)
    ]
    picked = rng.choices(days, weights=weights, k=n)
    now = data_cutoff(today)
    out = []
    for day in picked:
        minute = _randint(rng, 9 * 60, 20 * 60 + 30)
        local = datetime.combine(day, time(minute // 60, minute % 60), STORE_TZ)
        out.append(min(local.astimezone(UTC), now))
    out.sort()
    return out


_CONDITION_WEIGHTS = (15, 45, 30, 10)
_SIGNING_ROWS = tuple((code, kind.value) for code, kind in _SIGNING_CODES)
_CONDITIONS = tuple(lending_appraisal.Condition)


def _choice(rng: random.Random, seq: Sequence[_T]) -> _T:
    """``rng.choice`` from one ``random()`` draw (cheaper than ``getrandbits`` rejection)."""
    return seq[int(rng.random() * len(seq))]


def _randint(rng: random.Random, a: int, b: int) -> int:
    return a + int(rng.random() * (b - a + 1))


def _randrange(rng: random.Random, a: int, b: int | None = None) -> int:
    if b is None:
        a, b = 0, a
    return a + int(rng.random() * (b - a))


@lru_cache(maxsize=64)
def _cumulative(weights: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(accumulate(weights))


def _pick(rng: random.Random, population: Sequence[Any], weights: tuple[int, ...]) -> Any:
    """``rng.choices(population, weights)[0]`` with the running totals computed once."""
    cum = _cumulative(weights)
    return population[bisect(cum, rng.random() * cum[-1])]


_CHANNEL_NAMES = tuple(c for c, _ in _CHANNELS)
_CHANNEL_WEIGHTS = tuple(w for _, w in _CHANNELS)
_INTENTS = (Intent.HIGH, Intent.MEDIUM, Intent.LOW)
_STEP_COLUMNS = (
    "reception_state",
    "qualification_state",
    "appraisal_state",
    "plan_state",
    "signing_state",
)


def _round_down(value: Decimal, step: int) -> Decimal:
    return (value / step).quantize(Decimal(1), rounding=ROUND_DOWN) * step


_REASONS_JSON: dict[tuple[Reason, ...], list[dict[str, Any]]] = {}


def _reasons_json(reasons: Sequence[Reason]) -> list[dict[str, Any]]:
    """The services' JSON form of reasons; equal reasons share one list (cheap to encode)."""
    key = tuple(reasons)
    found = _REASONS_JSON.get(key)
    if found is None:
        if len(_REASONS_JSON) > 50_000:
            _REASONS_JSON.clear()
        found = [{"code": r.code, "template": r.template, "params": dict(r.params)} for r in key]
        _REASONS_JSON[key] = found
    return found


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------


def _fast_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        value = value.astimezone(UTC)
    text = value.isoformat(" ")  # "YYYY-MM-DD HH:MM:SS[.ffffff]+00:00"
    return text[:19] + ".000000" if value.microsecond == 0 else text[:26]


def _fast_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _fast_scaled(places: int) -> Callable[[Decimal | None], int | None]:
    def process(value: Decimal | None) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            if isinstance(value, float):
                raise TypeError("floats are refused for money and rates; use Decimal")
            value = Decimal(value)
        scaled = value.scaleb(places)
        whole = int(scaled)
        if whole != scaled:
            raise ValueError(f"value has more than {places} decimal places")
        return whole

    return process


def _fast_json(generic: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """JSON text, encoding a list object the generator shares between rows only once."""
    seen: dict[int, tuple[Any, Any]] = {}

    def process(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list):
            if not value:
                return "[]"
            hit = seen.get(id(value))
            if hit is not None and hit[0] is value:
                return hit[1]
            text = generic(value)
            if len(seen) > 50_000:
                seen.clear()
            seen[id(value)] = (value, text)  # holding ``value`` keeps its id unique
            return text
        return generic(value)

    return process


_SAMPLES: Mapping[str, tuple[Any, ...]] = {
    "datetime": (
        datetime(2026, 3, 1, 8, 5, 9, tzinfo=UTC),
        datetime(2025, 12, 31, 23, 59, 59, 123456, tzinfo=UTC),
        datetime(2026, 3, 1, 8, 5, 9, tzinfo=timezone(timedelta(hours=8))),
        None,
    ),
    "date": (date(2026, 2, 28), date(1999, 1, 1), None),
    "scaled": (Decimal("12345.67"), Decimal("0"), Decimal("-3.5"), Decimal("7"), None),
    "json": ([], None, [{"code": "x", "params": {"a": "1"}}]),
    "bytes": (b"\x01abc", b"", None),
    "bool": (True, False, None),
}


def _same(value: Any) -> Any:
    return value


def _fast_processor(type_: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """A quicker bind processor for the types the demo rows use.

    Each fast path is used only if it gives exactly what the column type's own
    processor gives for a set of sample values on this dialect; otherwise the
    type's processor is used as it is.
    """
    from sqlalchemy import Boolean as SABoolean
    from sqlalchemy import Date as SADate
    from sqlalchemy import LargeBinary

    from db.models.base import JSONText, ScaledDecimal, UTCDateTime

    generic: Callable[[Any], Any] | None = type_._cached_bind_processor(dialect)
    fast: Callable[[Any], Any] | None = None
    kind = ""
    if isinstance(type_, UTCDateTime):
        fast, kind = _fast_datetime, "datetime"
    elif isinstance(type_, ScaledDecimal):
        fast, kind = _fast_scaled(type_.places), "scaled"
    elif isinstance(type_, JSONText) and generic is not None:
        fast, kind = _fast_json(generic), "json"
    elif isinstance(type_, SADate):
        fast, kind = _fast_date, "date"
    elif isinstance(type_, LargeBinary):
        fast, kind = _same, "bytes"  # plain bytes also cross process boundaries
    elif isinstance(type_, SABoolean):
        fast, kind = _same, "bool"
    if fast is None or generic is None:
        return generic
    try:
        same = all(fast(v) == generic(v) for v in _SAMPLES[kind])
    except Exception:
        same = False
    if not same:
        return generic
    return None if fast is _same else fast  # None: the value goes to the driver as it is


class BulkWriter:
    """Core inserts without per-row statement overhead.

    Each table's ``INSERT`` is compiled once for the dialect; the rows' Python
    values go through each column type's own bind processor (the same
    conversion an ORM flush does: Decimal to scaled integer, aware datetime to
    UTC, JSON to text, ...), then one DBAPI ``executemany`` per table and
    batch.  Portable: nothing here is specific to SQLite.

    Rows may carry *local* ids (numbered from 1 by a generator task):
    :meth:`shift` moves every primary and foreign key into the range the
    database has free.
    """

    def __init__(self, dialect: Any) -> None:
        self.dialect = dialect
        self._plans: dict[str, tuple[str, list[str], list[Any], bool]] = {}
        self._keys: dict[str, list[tuple[int, str]]] = {}
        for name in TABLE_ORDER:
            t = table(name)
            compiled = insert(t).compile(dialect=dialect)
            positional = bool(compiled.positional)
            keys = list(compiled.positiontup or []) if positional else [c.key for c in t.columns]
            procs = [_fast_processor(t.c[k].type, dialect) for k in keys]
            self._plans[name] = (str(compiled), keys, procs, positional)
            self._keys[name] = [
                (i, target) for i, k in enumerate(keys) if (target := _id_target(t, k)) is not None
            ]

    def convert(self, name: str, rows: Sequence[Mapping[str, Any]]) -> list[Any]:
        """Python values -> driver values, in the statement's parameter order."""
        _sql, keys, procs, positional = self._plans[name]
        if not rows:
            return []
        if not positional:
            pairs = list(zip(keys, procs, strict=True))
            return [{k: (p(r[k]) if p is not None else r[k]) for k, p in pairs} for r in rows]
        # column by column: map() runs the processors without a Python-level loop per value
        getter = itemgetter(*keys)
        raw = list(map(getter, rows)) if len(keys) > 1 else [(getter(r),) for r in rows]
        if all(p is None for p in procs):
            return raw
        columns: list[Iterable[Any]] = list(zip(*raw, strict=True))
        for i, p in enumerate(procs):
            if p is not None:
                columns[i] = map(p, columns[i])
        return list(zip(*columns, strict=True))

    def convert_all(self, rows: Rows) -> dict[str, list[Any]]:
        with _no_gc():  # millions of new tuples, no cycles among them
            return {name: self.convert(name, rows.get(name, [])) for name in TABLE_ORDER}

    def index_of(self, name: str, key: str) -> int | str:
        """Where column ``key`` sits in a converted row (index, or the dict key)."""
        _sql, keys, _procs, positional = self._plans[name]
        return keys.index(key) if positional else key

    def shift(self, name: str, rows: list[Any], offsets: Mapping[str, int]) -> list[Any]:
        """Add ``offsets[table]`` to every id column that refers to ``table``."""
        moves = [(i, offsets[target]) for i, target in self._keys[name] if offsets.get(target)]
        if not moves or not rows:
            return rows
        positional = self._plans[name][3]
        if not positional:
            keys = self._plans[name][1]
            for r in rows:
                for i, off in moves:
                    k = keys[i]
                    if r[k] is not None:
                        r[k] += off
            return rows
        columns = list(zip(*rows, strict=True))
        for i, off in moves:
            columns[i] = tuple(None if v is None else v + off for v in columns[i])
        return list(zip(*columns, strict=True))

    def write(self, conn: Connection, converted: Mapping[str, list[Any]]) -> dict[str, int]:
        """Insert converted rows, parents first; returns rows written per table."""
        counts: dict[str, int] = {}
        for name in TABLE_ORDER:
            batch = converted.get(name)
            if batch:
                conn.exec_driver_sql(self._plans[name][0], batch)
                counts[name] = len(batch)
        return counts


def _id_target(t: Table, key: str) -> str | None:
    """The demo table an id column points at (its own table for the primary key)."""
    col = t.c[key]
    for fk in col.foreign_keys:
        target = fk.column.table.name
        return target if target in _MODELS else None
    if col.primary_key and len(t.primary_key.columns) == 1 and t.name in _MODELS:
        return t.name
    return None


def bulk_insert(conn: Connection, rows: Rows) -> dict[str, int]:
    """Insert rows whose ids are final (see :class:`BulkWriter`)."""
    writer = BulkWriter(conn.dialect)
    return writer.write(conn, writer.convert_all(rows))


# ---------------------------------------------------------------------------
# tasks: generated independently (in worker processes when possible)
# ---------------------------------------------------------------------------

TASK_SIZE = 5_000


@dataclass(frozen=True)
class _TaskSpec:
    seed: int
    today: date
    store: StoreContext
    cipher: FieldCipher
    dialect: Any


_WORKER_SPEC: _TaskSpec | None = None  # set before the worker processes fork


def _industry_entries(n: int) -> int:
    return max(5, min(200, n // 500))


def _run_task(
    spec: _TaskSpec, index: int, contacts: Sequence[datetime], industry: int
) -> tuple[int, dict[str, list[Any]]]:
    with _no_gc():
        gen = DemoGenerator(
            spec.cipher, spec.store, seed=f"loandesk-demo:{spec.seed}:{index}", today=spec.today
        )
        rows = gen.generate(contacts, industry)
        return index, BulkWriter(spec.dialect).convert_all(rows)


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection while building millions of acyclic rows.

    The rows (dicts, tuples, Decimals, datetimes) hold no reference cycles, so
    reference counting frees them; the collector would only rescan the
    growing heap again and again (about a third of the generation time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_task_in_worker(
    index: int, contacts: Sequence[datetime], industry: int
) -> tuple[int, dict[str, list[Any]]]:
    assert _WORKER_SPEC is not None
    return _run_task(_WORKER_SPEC, index, contacts, industry)


class _Assembler:
    """Puts task results together: global ids, and ID numbers/phones unique across tasks."""

    def __init__(self, spec: _TaskSpec, writer: BulkWriter, first_ids: Mapping[str, int]) -> None:
        self.spec = spec
        self.writer = writer
        self.next_ids = dict(first_ids)
        self.seen_ids: set[str] = set()
        self.seen_phones: set[str] = set()
        w = writer
        self.c_idx = {
            k: w.index_of("customers", k)
            for k in ("id", "id_number_enc", "id_hmac", "phone_enc", "phone_hmac")
        }
        self.b_idx = {
            k: w.index_of("blacklist", k)
            for k in ("source", "id_hmac", "phone_hmac", "id_masked", "phone_masked")
        }

    def take(self, index: int, converted: dict[str, list[Any]]) -> dict[str, list[Any]]:
        self._make_unique(index, converted)
        offsets = {name: self.next_ids[name] - 1 for name in TABLE_ORDER}
        for name in TABLE_ORDER:
            rows = converted.get(name, [])
            converted[name] = self.writer.shift(name, rows, offsets)
            self.next_ids[name] += len(rows)
        return converted

    def _make_unique(self, index: int, converted: dict[str, list[Any]]) -> None:
        bi = self.b_idx
        for b in converted.get("blacklist", []):
            if b[bi["source"]] == BlacklistSource.INDUSTRY.value:
                self.seen_ids.add(b[bi["id_hmac"]])
                self.seen_phones.add(b[bi["phone_hmac"]])
        ci = self.c_idx
        customers = converted.get("customers", [])
        for pos, row in enumerate(customers):
            if row[ci["id_hmac"]] in self.seen_ids or row[ci["phone_hmac"]] in self.seen_phones:
                customers[pos] = row = self._renumber(index, row, converted)
            self.seen_ids.add(row[ci["id_hmac"]])
            self.seen_phones.add(row[ci["phone_hmac"]])

    def _renumber(self, index: int, row: Any, converted: dict[str, list[Any]]) -> Any:
        """Give a customer who collides with another task's customer a new ID/phone."""
        ci, cipher = self.c_idx, self.spec.cipher
        values: Any = dict(row) if isinstance(row, dict) else list(row)
        rng = random.Random(f"loandesk-demo:{self.spec.seed}:{index}:fix:{row[ci['id']]}")
        old_id_hmac, old_phone_hmac = row[ci["id_hmac"]], row[ci["phone_hmac"]]
        id_number = cipher.decrypt("customers", "id_number", bytes(row[ci["id_number_enc"]]))
        phone = cipher.decrypt("customers", "phone", bytes(row[ci["phone_enc"]]))
        birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
        while cipher.id_hash(id_number) in self.seen_ids:
            region = _choice(rng, _LOCAL_REGIONS + _OTHER_REGIONS)
            id_number = generate_resident_id(region, birth, _randint(rng, 0, 999))
        while cipher.phone_hash(phone) in self.seen_phones:
            phone = _choice(rng, _MOBILE_PREFIXES) + f"{_randint(rng, 0, 99_999_999):08d}"
        values[ci["id_number_enc"]] = cipher.encrypt("customers", "id_number", id_number)
        values[ci["id_hmac"]] = cipher.id_hash(id_number)
        values[ci["phone_enc"]] = cipher.encrypt("customers", "phone", phone)
        values[ci["phone_hmac"]] = cipher.phone_hash(phone)
        bi = self.b_idx
        entries = converted.get("blacklist", [])
        for pos, b in enumerate(entries):
            if b[bi["id_hmac"]] == old_id_hmac and b[bi["phone_hmac"]] == old_phone_hmac:
                fixed: Any = dict(b) if isinstance(b, dict) else list(b)
                fixed[bi["id_hmac"]] = values[ci["id_hmac"]]
                fixed[bi["phone_hmac"]] = values[ci["phone_hmac"]]
                fixed[bi["id_masked"]] = mask_id(id_number)
                fixed[bi["phone_masked"]] = mask_phone(phone)
                entries[pos] = fixed if isinstance(b, dict) else tuple(fixed)
        return values if isinstance(row, dict) else tuple(values)


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
        staff_rows = list(
            s.execute(
                select(Staff.id, Staff.role, Staff.display_name).where(
                    Staff.store_id == store_id
                )
            )
        )
        ids = {name: (s.scalar(select(func.max(_pk(name)))) or 0) + 1 for name in TABLE_ORDER}
        product_ids = {
            code: pid
            for pid, code in s.execute(
                select(ProductRow.id, ProductRow.code).where(ProductRow.store_id == store_id)
            )
        }

    def of(role: Role) -> tuple[int, ...]:
        return tuple(sid for sid, r, _ in staff_rows if r == role.value)

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
        staff_names={sid: name or "" for sid, _, name in staff_rows},
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
    workers: int | None = None,
    task_size: int = TASK_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty store with ``consultations`` synthetic consultations, in one transaction.

    The visits are cut into tasks of ``task_size``, each with its own random
    stream derived from ``seed``, so the result (for one ``task_size``) is the
    same whether the tasks run here or in ``workers`` forked processes (default:
    one per CPU up to 4, when the platform can fork and the caller is
    single-threaded, e.g. the command line).  Raises :class:`UserError` when the store
    already has customers (demo data never mixes with real data).
    ``progress(done, total)`` is called after each task is written.
    """
    if consultations < 0:
        raise UserError("The number of consultations cannot be negative.")
    started = _time.perf_counter()
    day = today or datetime.now(STORE_TZ).date()
    store_id, created = _ensure_store(database)
    ctx = _store_context(database, store_id)
    spec = _TaskSpec(
        seed=seed, today=day, store=ctx, cipher=database.cipher, dialect=database.engine.dialect
    )
    visits = contact_times(seed, day, consultations)
    if task_size < 1:
        raise ValueError("task_size must be positive")
    tasks = [
        (i, visits[start : start + task_size], _industry_entries(consultations) if i == 0 else 0)
        for i, start in enumerate(range(0, consultations, task_size))
    ]
    writer = BulkWriter(spec.dialect)
    assembler = _Assembler(spec, writer, ctx.next_ids)
    totals: dict[str, int] = {}
    done = 0
    with _no_gc(), database.engine.begin() as conn:
        _bulk_pragmas(conn)
        for index, converted in _results(spec, tasks, workers):
            rows = assembler.take(index, converted)
            for name, n in writer.write(conn, rows).items():
                totals[name] = totals.get(name, 0) + n
            done += len(tasks[index][1])
            if progress is not None and done < consultations:
                progress(done, consultations)
        after_bulk_load(conn, [table(name) for name in TABLE_ORDER])  # PostgreSQL sequences
        n_signed = _fill_signed_checklists(conn, ctx.next_ids["consultations"])
        totals["signing_items"] = totals.get("signing_items", 0) + n_signed
        if progress is not None and consultations:
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


def _fill_signed_checklists(conn: Connection, first_consultation_id: int) -> int:
    """Every checklist item, done at signing by the plan's finance specialist.

    One portable ``INSERT ... SELECT`` for all signed consultations from
    ``first_consultation_id`` on (the most numerous rows, written by the
    database itself instead of passing through Python); ids in consultation
    and checklist order.
    """
    c, p, si = table("consultations"), table("plans"), table("signing_items")
    codes = union_all(
        *(
            select(
                literal(code, String).label("code"),
                literal(kind, String).label("kind"),
                literal(pos, Integer).label("pos"),
            )
            for pos, (code, kind) in enumerate(_SIGNING_ROWS)
        )
    ).subquery("codes")
    chosen = and_(p.c.consultation_id == c.c.id, p.c.chosen.is_(True))
    rows = (
        select(
            c.c.store_id,
            c.c.id,
            codes.c.kind,
            codes.c.code,
            literal(True, Boolean),
            c.c.signed_at,
            p.c.created_by,
        )
        .select_from(c.join(p, chosen).join(codes, true()))
        .where(c.c.signed_at.is_not(None), c.c.id >= first_consultation_id)
        .order_by(c.c.id, codes.c.pos)
    )
    names = ["store_id", "consultation_id", "kind", "code", "done", "done_at", "done_by"]
    result = conn.execute(insert(si).from_select(names, rows))
    return int(result.rowcount or 0)


def _bulk_pragmas(conn: Connection) -> None:
    """A bigger page cache for the one big load transaction (SQLite only; harmless)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB, this connection only


def _results(
    spec: _TaskSpec,
    tasks: Sequence[tuple[int, Sequence[datetime], int]],
    workers: int | None,
) -> Iterator[tuple[int, dict[str, list[Any]]]]:
    """Task results in task order; forked workers when there is enough to share."""
    import multiprocessing
    import os
    import threading

    n_workers = workers if workers is not None else min(4, os.cpu_count() or 1)
    # fork only a single-threaded process (the command line), never e.g. the GUI
    can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if n_workers <= 1 or len(tasks) < 2 or not can_fork:
        for index, contacts, industry in tasks:
            yield _run_task(spec, index, contacts, industry)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    global _WORKER_SPEC
    _WORKER_SPEC = spec
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx) as pool:
            pending: list[Future[tuple[int, dict[str, list[Any]]]]] = []
            queue = list(tasks)
            window = n_workers + 1  # bounded: finished results wait in memory
            while queue or pending:
                while queue and len(pending) < window:
                    index, contacts, industry = queue.pop(0)
                    pending.append(pool.submit(_run_task_in_worker, index, contacts, industry))
                yield pending.pop(0).result()
    finally:
        _WORKER_SPEC = None
