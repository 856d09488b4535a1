"""The owner's Products and lenders editor: list, add, edit, copy, deactivate.

Products of the three kinds of the catalogue: car loans, consumer credit lines and
bank card instalments (their rules: :func:`reasons_for`).

The owner (``Permission.EDIT_CATALOGUE``) changes; a manager
(``Permission.VIEW_CATALOGUE``) reads the same lists.  Every change is checked
first by :mod:`lending.catalogue_rules` (a problem on any field: nothing is
written, every reason comes back keyed by its field in :class:`ValidationError`)
and the product is then stored through :func:`db.services.catalogue.save_product`,
which checks the whole catalogue once more.  Each change leaves an audit row
``catalogue_change`` naming who and when, with ``{"key", "before", "after"}``
for each field that changed.

Nothing is ever deleted: a product or lender that saved plans used stays,
deactivated.  A deactivated product is no longer offered for new plans; a
saved plan keeps its snapshot (:mod:`reports.pdf.snapshot`) and prints as it
was.  Lenders are named by their English name (a product's ``example_lenders``,
a plan's ``lender_name``); renaming a lender renames it in the products too,
while saved plans keep the name they were made with.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from db.models import Lender, Plan
from db.models import Product as ProductRow
from db.models.enums import AuditAction
from db.services import audit, catalogue
from db.services import settings as settings_service
from db.services.base import (
    Actor,
    NotFound,
    Permission,
    Target,
    ValidationError,
    reading,
    require,
    transaction,
)
from db.uow import UnitOfWork
from lending.catalogue_rules import (
    AnyProduct,
    LenderDetails,
    card_reasons,
    consumer_reasons,
    lender_reasons,
    product_reasons,
)
from lending.products import CardInstalment, CatalogueError, ConsumerCreditProduct, Product
from lending.reasons import Reason
from lending.settings import LendingSettings

MESSAGES: dict[str, str] = {
    "catalogue.lender_still_used": (
        "These active products have no other lender: {products}. Give them another lender "
        "or deactivate them first."
    ),
    "catalogue.other_kind": "A product of another kind already has this code.",
    "catalogue.unreadable": "This product cannot be read; it can only be deactivated.",
}

CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
"""A product code (the catalogue's own rule); a new product without one gets one."""
COPY_SUFFIX = (" (copy)", "（副本）")
"""Added to the English and the Chinese name of a copy."""


@dataclass(frozen=True)
class LenderView:
    id: int
    name: str
    name_zh: str
    service_phone: str
    complaint_channel: str
    payout_rules: str
    active: bool
    products: tuple[str, ...]
    """The codes of the products that name this lender."""

    @property
    def details(self) -> LenderDetails:
        return LenderDetails(
            self.name, self.name_zh, self.service_phone, self.complaint_channel, self.payout_rules
        )


@dataclass(frozen=True)
class ProductEntry:
    id: int
    code: str
    kind: str
    """``products`` (car loans), ``consumer_credit`` or ``card_instalments``
    (:data:`db.services.catalogue.KINDS`)."""
    name: str
    name_zh: str
    active: bool
    lenders: tuple[str, ...]
    plans: int
    """Saved plans made with this product (they keep their own snapshot)."""
    product: Product | None
    """The car-loan product as :mod:`lending` reads it (None for other kinds)."""
    item: AnyProduct | None = None
    """The product of any kind as :mod:`lending` reads it (None: it cannot be read)."""


@dataclass(frozen=True)
class CatalogueView:
    lenders: tuple[LenderView, ...]
    products: tuple[ProductEntry, ...]
    editable: bool
    """The actor may change it (the owner)."""

    def product(self, code: str) -> ProductEntry:
        return next(p for p in self.products if p.code == code)

    def lender(self, name: str) -> LenderView:
        return next(lender for lender in self.lenders if lender.name == name)

    @property
    def active_lenders(self) -> tuple[str, ...]:
        return tuple(lender.name for lender in self.lenders if lender.active)


def _r(code: str, /, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


# --- reading ---------------------------------------------------------------------------


def _lender_rows(uow: UnitOfWork, store_id: int) -> list[Lender]:
    return list(
        uow.session.scalars(select(Lender).where(Lender.store_id == store_id).order_by(Lender.id))
    )


def _item_of(row: ProductRow) -> AnyProduct | None:
    try:
        return catalogue.parse_spec(catalogue._kind(row), catalogue._spec(row))
    except (CatalogueError, KeyError):
        return None


def _view(uow: UnitOfWork, actor: Actor) -> CatalogueView:
    rows = catalogue._rows(uow, actor.store_id)
    plans: dict[str, int] = {
        code: n
        for code, n in uow.session.execute(
            select(Plan.product_code, func.count())
            .where(Plan.store_id == actor.store_id)
            .group_by(Plan.product_code)
        )
    }
    products = []
    for row in rows:
        kind = catalogue._kind(row)
        item = _item_of(row)
        products.append(
            ProductEntry(
                id=row.id,
                code=row.code,
                kind=kind,
                name=str(row.spec.get("name", row.name)),
                name_zh=str(row.spec.get("name_zh", "")),
                active=row.active,
                lenders=tuple(row.spec.get("example_lenders", ()) or ()),
                plans=int(plans.get(row.code, 0)),
                product=item if isinstance(item, Product) else None,
                item=item,
            )
        )
    lenders = tuple(
        LenderView(
            id=r.id,
            name=r.name,
            name_zh=r.name_zh or "",
            service_phone=r.service_phone or "",
            complaint_channel=r.complaint_channel or "",
            payout_rules=r.payout_rules or "",
            active=r.active,
            products=tuple(p.code for p in products if r.name in p.lenders),
        )
        for r in _lender_rows(uow, actor.store_id)
    )
    return CatalogueView(lenders, tuple(products), actor.can(Permission.EDIT_CATALOGUE))


def load_catalogue_view(target: Target, actor: Actor) -> CatalogueView:
    """Every lender and product of the store (active or not), for the editor."""
    require(actor, Permission.VIEW_CATALOGUE)
    with reading(target) as uow:
        return _view(uow, actor)


def lender_entries(target: Target, store_id: int) -> dict[str, dict[str, str]]:
    """The store's lenders by English name: ``{"name", "name_zh", "service_phone"}`` as
    the documents print them (:func:`reports.lenders.kept_names`)."""
    with reading(target) as uow:
        return {
            r.name: {
                "name": r.name,
                "name_zh": r.name_zh or "",
                "service_phone": r.service_phone or "",
            }
            for r in _lender_rows(uow, store_id)
        }


# --- lenders ---------------------------------------------------------------------------


def _lender_audit(
    uow: UnitOfWork, actor: Actor, row: Lender, before: Mapping[str, Any] | None
) -> None:
    audit.record(
        uow,
        store_id=actor.store_id,
        action=AuditAction.CATALOGUE_CHANGE,
        actor=actor,
        target_type="lender",
        target_id=row.id,
        detail={"name": row.name, "changes": catalogue.spec_changes(before, _lender_data(row))},
    )


def _lender_data(row: Lender) -> dict[str, Any]:
    return {
        "name": row.name,
        "name_zh": row.name_zh,
        "service_phone": row.service_phone,
        "complaint_channel": row.complaint_channel,
        "payout_rules": row.payout_rules,
        "active": row.active,
    }


def _owned_lender(uow: UnitOfWork, actor: Actor, lender_id: int) -> Lender:
    row = uow.session.get(Lender, lender_id)
    if row is None or row.store_id != actor.store_id:
        raise NotFound(f"Lender {lender_id} does not exist.", code="not_found")
    return row


def save_lender(
    target: Target, actor: Actor, details: LenderDetails, lender_id: int | None = None
) -> CatalogueView:
    """Add a lender (``lender_id`` None) or change one; returns the catalogue as it is then.

    A new English name is written into every product that named the lender (saved
    plans keep the name they were made with)."""
    require(actor, Permission.EDIT_CATALOGUE)
    details = details.cleaned()
    with transaction(target) as uow:
        rows = _lender_rows(uow, actor.store_id)
        row = _owned_lender(uow, actor, lender_id) if lender_id is not None else None
        reasons = lender_reasons(details, [r.name for r in rows if r is not row])
        if reasons:
            raise ValidationError(reasons)
        before = _lender_data(row) if row is not None else None
        if row is None:
            row = Lender(store_id=actor.store_id, name=details.name, active=True)
            uow.session.add(row)
        old_name = row.name
        row.name, row.name_zh = details.name, details.name_zh
        row.service_phone = details.service_phone
        row.complaint_channel = details.complaint_channel
        row.payout_rules = details.payout_rules
        uow.session.flush()
        if before is not None and old_name != row.name:
            _rename_in_products(uow, actor, old_name, row.name)
        if before != _lender_data(row):
            _lender_audit(uow, actor, row, before)
        return _view(uow, actor)


def _rename_in_products(uow: UnitOfWork, actor: Actor, old: str, new: str) -> None:
    for p in catalogue._rows(uow, actor.store_id):
        names = list(p.spec.get("example_lenders", ()) or ())
        if old in names:
            spec = catalogue._spec(p)
            spec["example_lenders"] = [new if n == old else n for n in names]
            catalogue.save_product(uow, actor, spec)


def set_lender_active(target: Target, actor: Actor, lender_id: int, active: bool) -> CatalogueView:
    """Deactivate a lender (no longer chosen for products) or take it back.

    Refused while an active product names no other active lender."""
    require(actor, Permission.EDIT_CATALOGUE)
    with transaction(target) as uow:
        row = _owned_lender(uow, actor, lender_id)
        if row.active == active:
            return _view(uow, actor)
        if not active:
            others = {
                r.name for r in _lender_rows(uow, actor.store_id) if r.active and r is not row
            }
            alone = [
                p
                for p in catalogue._rows(uow, actor.store_id)
                if p.active
                and row.name in (p.spec.get("example_lenders") or ())
                and not others & set(p.spec.get("example_lenders") or ())
            ]
            if alone:
                raise ValidationError(
                    {
                        "active": _r(
                            "catalogue.lender_still_used",
                            products=", ".join(str(p.spec.get("name", p.code)) for p in alone),
                        )
                    }
                )
        before = _lender_data(row)
        row.active = active
        uow.session.flush()
        _lender_audit(uow, actor, row, before)
        return _view(uow, actor)


# --- products --------------------------------------------------------------------------


def product_spec(product: AnyProduct) -> dict[str, Any]:
    """The JSON the catalogue keeps of a product (of any kind)."""
    return catalogue.spec_of(product)


def reasons_for(
    product: AnyProduct, settings: LendingSettings, lenders: Sequence[str]
) -> dict[str, Reason]:
    """The editor's rules for a product of any kind (:mod:`lending.catalogue_rules`)."""
    if isinstance(product, ConsumerCreditProduct):
        return consumer_reasons(product, settings, lenders)
    if isinstance(product, CardInstalment):
        return card_reasons(product, settings, lenders)
    return product_reasons(product, settings, lenders)


def new_code(name: str, taken: Sequence[str]) -> str:
    """A product code from the English name (``Bank loan 2`` -> ``bank_loan_2``), unique."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:32] or "product"
    if not base[0].isalpha():
        base = f"p_{base}"[:32]
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    return code


def check_product(target: Target, actor: Actor, product: AnyProduct) -> dict[str, Reason]:
    """The reasons ``product`` cannot be saved now (empty: it can), without saving."""
    require(actor, Permission.VIEW_CATALOGUE)
    with reading(target) as uow:
        settings = settings_service.load_settings(uow, actor.store_id)
        lenders = [r.name for r in _lender_rows(uow, actor.store_id) if r.active]
        return reasons_for(product, settings, lenders)


def save_product(target: Target, actor: Actor, product: AnyProduct) -> CatalogueView:
    """Add a product of any kind (an empty ``code``: one is made from the English name)
    or change the one with this code; returns the catalogue as it is then.

    Changes apply to new plans only; saved plans keep their snapshot."""
    require(actor, Permission.EDIT_CATALOGUE)
    kind = catalogue.kind_of(product)
    with transaction(target) as uow:
        rows = catalogue._rows(uow, actor.store_id)
        existing = next((r for r in rows if r.code == product.code), None) if product.code else None
        if existing is not None and catalogue._kind(existing) != kind:
            raise ValidationError({"code": _r("catalogue.other_kind")})
        settings = settings_service.load_settings(uow, actor.store_id)
        active = [r.name for r in _lender_rows(uow, actor.store_id) if r.active]
        reasons = reasons_for(product, settings, active)
        if reasons:
            raise ValidationError(reasons)
        if existing is None:
            taken = [r.code for r in rows]
            code = (
                product.code
                if CODE.fullmatch(product.code) and product.code not in taken
                else new_code(product.name, taken)
            )
            product = dataclasses.replace(product, code=code)
        catalogue.save_product(uow, actor, product_spec(product), kind=kind)
        return _view(uow, actor)


def copy_product(target: Target, actor: Actor, code: str) -> CatalogueView:
    """A copy of a product (any kind) under a new code, named "... (copy)", not yet
    offered."""
    require(actor, Permission.EDIT_CATALOGUE)
    with transaction(target) as uow:
        rows = catalogue._rows(uow, actor.store_id)
        row = next((r for r in rows if r.code == code), None)
        if row is None:
            raise NotFound(f"Product {code} does not exist.", code="not_found")
        product = _item_of(row)
        if product is None:
            raise ValidationError({"code": _r("catalogue.unreadable")})
        name, name_zh = product.name + COPY_SUFFIX[0], product.name_zh + COPY_SUFFIX[1]
        copy = dataclasses.replace(
            product,
            name=name,
            name_zh=name_zh,
            active=False,
            code=new_code(name, [r.code for r in rows]),
        )
        catalogue.save_product(uow, actor, product_spec(copy), kind=catalogue.kind_of(copy))
        return _view(uow, actor)


def set_product_active(target: Target, actor: Actor, code: str, active: bool) -> CatalogueView:
    """Deactivate a product (gone from new plans; saved plans keep theirs) or offer it
    again (only if it passes every check of its kind with today's lenders and caps)."""
    require(actor, Permission.EDIT_CATALOGUE)
    with transaction(target) as uow:
        row = next((r for r in catalogue._rows(uow, actor.store_id) if r.code == code), None)
        if row is None:
            raise NotFound(f"Product {code} does not exist.", code="not_found")
        if row.active == active:
            return _view(uow, actor)
        product = _item_of(row)
        if active and product is not None:
            settings = settings_service.load_settings(uow, actor.store_id)
            lenders = [r.name for r in _lender_rows(uow, actor.store_id) if r.active]
            reasons = reasons_for(product, settings, lenders)
            if reasons:
                raise ValidationError(reasons)
        catalogue.set_product_active(uow, actor, code, active)
        uow.session.flush()
        return _view(uow, actor)
