"""The demo generator's people: customers with valid identifiers, and the blacklist.

Identifiers are fake but valid (resident ID checksum from
``lending.identity.generate_resident_id``, real mobile prefixes, VINs with
their check digit from ``lending.identity.generate_vin``) and unique within a
task.  A customer's row and consent record are built by the shared bulk
module (:func:`db.services.bulk.customer_values` / ``consent_values``), as
imports build them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from db.crypto import FieldCipher, mask_id, mask_phone
from db.demo.clock import STORE_TZ, data_cutoff
from db.demo.draws import choice, randint
from db.demo.store import StoreContext
from db.demo.tables import TABLE_ORDER, Rows, templates
from db.demo.vocabulary import (
    CONSENT_PURPOSE,
    GIVEN,
    LOCAL_REGIONS,
    MOBILE_PREFIXES,
    OTHER_REGIONS,
    SURNAMES,
    VIN_CHARS,
    YEAR_CODES,
)
from db.models.enums import BlacklistReason, BlacklistSource, Channel, Tier
from db.services.bulk import consent_values, customer_values
from lending.identity import generate_resident_id, generate_vin


@dataclass
class DemoCustomer:
    id: int
    birth: date
    income: Decimal
    id_hmac: str
    phone_hmac: str
    id_number: str
    phone: str
    quality: float  # latent credit quality 0..1 (higher is better)


@dataclass
class IdCounter:
    ids: dict[str, int] = field(default_factory=dict)

    def next(self, table_name: str) -> int:
        n = self.ids[table_name]
        self.ids[table_name] = n + 1
        return n


class People:
    """The generator's state and its people: customers, their identifiers, the blacklist.

    :class:`db.demo.steps.StepRows` adds the rows of each flow step and
    :class:`db.demo.generator.DemoGenerator` the life of a consultation.
    """

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
        self.tpl = templates()
        self.ids = IdCounter(dict(first_ids or dict.fromkeys(TABLE_ORDER, 1)))
        self.customers: list[DemoCustomer] = []
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
        given = choice(rng, GIVEN) + (choice(rng, GIVEN) if rng.random() < 0.7 else "")
        return choice(rng, SURNAMES) + given

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
                choice(rng, LOCAL_REGIONS) if rng.random() < 0.7 else choice(rng, OTHER_REGIONS)
            )
            number = generate_resident_id(region, birth, randint(rng, 0, 999))
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _phone(self) -> str:
        rng = self.rng
        while True:
            phone = choice(rng, MOBILE_PREFIXES) + f"{randint(rng, 0, 99_999_999):08d}"
            if phone not in self.used_phones:
                self.used_phones.add(phone)
                return phone

    def _vin(self, wmi: str, model_year: int) -> str:
        rng = self.rng
        while True:
            vds = "".join(choice(rng, VIN_CHARS) for _ in range(5))
            year = YEAR_CODES[(model_year - 2010) % 30]
            plant = choice(rng, VIN_CHARS)
            serial = f"{randint(rng, 0, 999_999):06d}"
            vin = generate_vin(wmi + vds + year + plant + serial)
            if vin not in self.used_vins:
                self.used_vins.add(vin)
                return vin

    def _after(self, t: datetime, lo_hours: float, hi_hours: float) -> datetime:
        # whole seconds (``t`` has none), so no microseconds to strip
        return t + timedelta(seconds=int(self.rng.uniform(lo_hours, hi_hours) * 3600))

    # -- customers ------------------------------------------------------------
    def _new_customer(
        self, out: Rows, contact: datetime, consultant: int, channel: Channel
    ) -> DemoCustomer:
        """A first-time customer and the consent record for their ID number."""
        rng = self.rng
        cid = self.ids.next("customers")
        birth = self._birth(contact.astimezone(STORE_TZ).date())
        id_number = self._id_number(birth)
        phone = self._phone()
        income = self._income()
        quality = rng.random()
        store_id = self.store.store_id
        values = customer_values(
            self.cipher,
            store_id,
            consultant,
            name=self._name(),
            phone=phone,
            id_number=id_number,
            tier=Tier.POTENTIAL.value,
            source_channel=channel.value,
            at=contact,
        )
        row = self._row("customers", id=cid, erased_at=None, **values)
        out["customers"].append(row)
        consent = consent_values(store_id, consultant, cid, CONSENT_PURPOSE, contact)
        out["consent_records"].append(
            self._row(
                "consent_records", id=self.ids.next("consent_records"), withdrawn_at=None, **consent
            )
        )
        cust = DemoCustomer(
            id=cid,
            birth=birth,
            income=income,
            id_hmac=row["id_hmac"],
            phone_hmac=row["phone_hmac"],
            id_number=id_number,
            phone=phone,
            quality=quality,
        )
        self.customers.append(cust)
        self._customer_rows[cid] = row
        return cust

    def _promote(self, out: Rows, cust: DemoCustomer) -> None:
        """A customer who took delivery becomes regular (VIP for the best incomes)."""
        tier = Tier.VIP if cust.income >= 20_000 else Tier.REGULAR
        self._customer_rows[cust.id]["tier"] = tier.value

    def _blacklist(self, out: Rows, cust: DemoCustomer, at: datetime | None) -> None:
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
        imported = self.now - timedelta(days=randint(rng, 20, 200))
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
