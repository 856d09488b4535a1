"""The store the demo fills: created (owner, staff, catalogue) when new, then described.

:func:`ensure_store` refuses a store that already holds customers (demo data
never mixes with real data); :func:`store_context` reads what the generator
needs: staff by role, the active products and their ids, the store's lending
settings and the next free id of every demo table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from db.database import Database
from db.demo.tables import TABLE_ORDER, table
from db.demo.vocabulary import DEMO_PASSWORD, DEMO_STAFF, DEMO_STORE_NAME
from db.models import Customer, Staff
from db.models.enums import Role
from lending.errors import UserError
from lending.products import Product
from lending.settings import DEFAULT_SETTINGS, LendingSettings


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
    settings: LendingSettings = DEFAULT_SETTINGS
    """The store's lending settings: the appraisal, DTI and follow-up rules use them."""


def ensure_store(database: Database) -> tuple[int, list[str]]:
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
        for username, display, role in DEMO_STAFF:
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


def store_context(database: Database, store_id: int) -> StoreContext:
    from db.models import Product as ProductRow
    from db.services import catalogue
    from db.services import settings as settings_service

    cat = catalogue.load_catalogue(database, store_id)
    lending_settings = settings_service.load_settings(database, store_id)
    with database.unit_of_work() as uow:
        s = uow.session
        staff_rows = list(
            s.execute(
                select(Staff.id, Staff.role, Staff.display_name).where(Staff.store_id == store_id)
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
        settings=lending_settings,
    )


def _pk(name: str) -> Any:
    cols = list(table(name).primary_key.columns)
    return cols[0]
