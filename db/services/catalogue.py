"""The product catalogue: seeded from resources/catalogue.json, owner-editable.

Each product row keeps its definition as the JSON that
``lending.products.parse_catalogue`` reads; every edit is validated by parsing
the whole catalogue with the change applied, so the database never holds a
catalogue that ``lending`` would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.models import Lender, Product
from db.models.enums import AuditAction
from db.services import audit
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
from lending.catalogue_rules import AnyProduct
from lending.products import (
    CardInstalment,
    Catalogue,
    CatalogueError,
    ConsumerCreditProduct,
    catalogue_to_data,
    parse_catalogue,
)
from lending.reasons import Reason

KIND_CAR = "products"
KIND_CONSUMER = "consumer_credit"
KIND_CARD = "card_instalments"
KINDS = (KIND_CAR, KIND_CONSUMER, KIND_CARD)
"""The catalogue's lists of products; a row's ``spec["_kind"]`` names its list."""


@dataclass(frozen=True)
class ProductRow:
    id: int
    code: str
    name: str
    kind: str
    active: bool
    sort_order: int
    spec: Mapping[str, Any]


def _forget(uow: UnitOfWork) -> None:
    for key in [k for k in uow.cache if isinstance(k, tuple) and k[0] == "catalogue"]:
        del uow.cache[key]


def _rows(uow: UnitOfWork, store_id: int) -> list[Product]:
    return list(
        uow.session.scalars(
            select(Product)
            .where(Product.store_id == store_id)
            .order_by(Product.sort_order, Product.id)
        )
    )


def _kind(p: Product) -> str:
    return str(p.spec.get("_kind", KIND_CAR))


def _spec(p: Product) -> dict[str, Any]:
    d = {k: v for k, v in p.spec.items() if k != "_kind"}
    d["active"] = p.active
    return d


def _data(
    rows: list[Product], replace: Mapping[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {"version": 1, KIND_CAR: [], KIND_CONSUMER: [], KIND_CARD: []}
    replace = replace or {}
    for p in rows:
        spec = replace.get(p.code, _spec(p))
        data[_kind(p)].append(spec)
    return data


def _parse(data: Mapping[str, Any]) -> Catalogue:
    try:
        return parse_catalogue(data)
    except CatalogueError as exc:
        # Reasons the GUI and the command line translate: the first under "catalogue",
        # every other one under its field's path (the first of each field)
        errors: dict[str, str | Reason] = {"catalogue": exc.reasons[0][1]}
        for where, reason in exc.reasons[1:]:
            errors.setdefault(where or "catalogue", reason)
        raise ValidationError(errors) from None


def spec_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """What the audit log keeps of an edit: ``[{"key", "before", "after"}]`` for each field
    that changed (a nested object's fields as ``fees.upfront_fee``; a new record: every
    field, ``before`` None)."""

    def flat(data: Mapping[str, Any] | None, prefix: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in (data or {}).items():
            if isinstance(value, Mapping):
                out.update(flat(value, f"{prefix}{key}."))
            else:
                out[f"{prefix}{key}"] = value
        return out

    old, new = flat(before), flat(after)
    return [
        {"key": key, "before": old.get(key), "after": new.get(key)}
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    ]


def _normal(spec: dict[str, Any], kind: str) -> dict[str, Any]:
    """A product's spec with every field (defaults written out), so that an audit compares
    like with like (as stored when it cannot be read)."""
    try:
        product = parse_spec(kind, spec)
    except (CatalogueError, KeyError):
        return spec
    return spec_of(product)


_CARRIER: dict[str, Any] = {
    "code": "zz_carrier",
    "name": "carrier",
    "name_zh": "载体",
    "example_lenders": ["x"],
    "max_financing_ratio_percent": "50",
    "apr_min_percent": "1",
    "apr_max_percent": "20",
    "approval_days_min": 0,
    "approval_days_max": 1,
    "methods": ["equal_installment"],
    "term_min_months": 12,
    "term_max_months": 12,
    "terms": [12],
    "strictness": "medium",
    "max_vehicle_age_years": "5",
    "max_mileage_km": 100000,
    "step_up": None,
    "grades": [
        {
            "grade": "A",
            "annual_rate": "5",
            "approval_likelihood_min_percent": "1",
            "approval_likelihood_max_percent": "2",
        }
    ],
}
"""A valid car loan: the catalogue around one product of another kind when it is read
alone (a catalogue has at least one car loan)."""


def parse_spec(kind: str, spec: Mapping[str, Any]) -> AnyProduct:
    """One stored product of ``kind`` as :mod:`lending` reads it (:class:`CatalogueError`
    when it cannot be read)."""
    if kind == KIND_CAR:
        return parse_catalogue({"version": 1, KIND_CAR: [spec]}).products[0]
    read = parse_catalogue({"version": 1, KIND_CAR: [_CARRIER], kind: [spec]})
    found: tuple[AnyProduct, ...] = getattr(read, kind)
    return found[0]


def kind_of(product: AnyProduct) -> str:
    if isinstance(product, ConsumerCreditProduct):
        return KIND_CONSUMER
    if isinstance(product, CardInstalment):
        return KIND_CARD
    return KIND_CAR


def spec_of(product: AnyProduct) -> dict[str, Any]:
    """The JSON the catalogue keeps of a product of any kind (what :func:`parse_spec`
    reads back)."""
    data = _plain_product(product)
    assert isinstance(data, dict)
    return data


def _plain_product(product: AnyProduct) -> object:
    if isinstance(product, ConsumerCreditProduct):
        holder = Catalogue(version=1, products=(), consumer_credit=(product,))
    elif isinstance(product, CardInstalment):
        holder = Catalogue(version=1, products=(), card_instalments=(product,))
    else:
        holder = Catalogue(version=1, products=(product,))
    return catalogue_to_data(holder)[kind_of(product)][0]


def seed_default_catalogue(
    target: Target, actor: Actor, data: Mapping[str, Any] | None = None
) -> int:
    """Insert the default catalogue for the actor's store (products not already there)."""
    if data is None:
        from resources import default_catalogue_data

        data = default_catalogue_data()
    _parse(data)
    with transaction(target) as uow:
        _forget(uow)
        have = {p.code for p in _rows(uow, actor.store_id)}
        lenders = {
            lender.name
            for lender in uow.session.scalars(
                select(Lender).where(Lender.store_id == actor.store_id)
            )
        }
        # the lenders' Chinese names and service phones, as the catalogue file has them
        details = {str(e.get("name", "")): e for e in data.get("lenders", []) or []}
        added = 0
        order = 0
        for kind in (KIND_CAR, KIND_CONSUMER):
            for spec in data.get(kind, []) or []:
                order += 1
                for name in spec.get("example_lenders", []):
                    if name not in lenders:
                        entry = details.get(name, {})
                        uow.session.add(
                            Lender(
                                store_id=actor.store_id,
                                name=name,
                                active=True,
                                name_zh=str(entry.get("name_zh", "")),
                                service_phone=str(entry.get("service_phone", "")),
                            )
                        )
                        lenders.add(name)
                if spec["code"] in have:
                    continue
                stored = {k: v for k, v in spec.items() if k != "active"}
                stored["_kind"] = kind
                uow.session.add(
                    Product(
                        store_id=actor.store_id,
                        code=spec["code"],
                        name=spec["name"],
                        active=bool(spec.get("active", True)),
                        sort_order=order,
                        spec=stored,
                        updated_by=actor.staff_id,
                    )
                )
                added += 1
        return added


def load_catalogue(target: Target, store_id: int, *, include_inactive: bool = False) -> Catalogue:
    """The store's catalogue as ``lending.products.Catalogue`` (active products by default)."""
    with reading(target) as uow:
        key = ("catalogue", store_id, include_inactive)
        cached = uow.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        rows = [p for p in _rows(uow, store_id) if include_inactive or p.active]
        data = _data(rows)
        result = (
            _parse(data)
            if data[KIND_CAR]
            else Catalogue(version=1, products=(), consumer_credit=())
        )
        uow.cache[key] = result
        return result


def list_products(target: Target, actor: Actor) -> list[ProductRow]:
    with reading(target) as uow:
        return [
            ProductRow(
                id=p.id,
                code=p.code,
                name=p.name,
                kind=_kind(p),
                active=p.active,
                sort_order=p.sort_order,
                spec=_spec(p),
            )
            for p in _rows(uow, actor.store_id)
        ]


def save_product(
    target: Target, actor: Actor, spec: Mapping[str, Any], *, kind: str = KIND_CAR
) -> ProductRow:
    """Add or replace a product (by ``code``) after validating the whole catalogue."""
    require(actor, Permission.EDIT_CATALOGUE)
    if kind not in KINDS:
        raise ValidationError({"kind": "Unknown product kind."})
    spec = dict(spec)
    code = str(spec.get("code", ""))
    with transaction(target) as uow:
        _forget(uow)
        rows = _rows(uow, actor.store_id)
        existing = next((p for p in rows if p.code == code), None)
        before = _normal(_spec(existing), _kind(existing)) if existing is not None else None
        data = _data(rows, {code: spec})
        if existing is None:
            data[kind].append(spec)
        _parse(data)
        stored = {k: v for k, v in spec.items() if k != "active"}
        stored["_kind"] = _kind(existing) if existing else kind
        if existing is None:
            existing = Product(
                store_id=actor.store_id,
                code=code,
                sort_order=1 + max((p.sort_order for p in rows), default=0),
            )
            uow.session.add(existing)
        existing.name = str(spec.get("name", code))
        existing.active = bool(spec.get("active", True))
        existing.spec = stored
        existing.updated_by = actor.staff_id
        uow.session.flush()
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.CATALOGUE_CHANGE,
            actor=actor,
            target_type="product",
            target_id=existing.id,
            detail={
                "code": code,
                "changes": spec_changes(before, _normal(_spec(existing), _kind(existing))),
            },
        )
        return ProductRow(
            id=existing.id,
            code=existing.code,
            name=existing.name,
            kind=stored["_kind"],
            active=existing.active,
            sort_order=existing.sort_order,
            spec=_spec(existing),
        )


def set_product_active(target: Target, actor: Actor, code: str, active: bool) -> None:
    require(actor, Permission.EDIT_CATALOGUE)
    with transaction(target) as uow:
        _forget(uow)
        p = uow.session.scalar(
            select(Product).where(Product.store_id == actor.store_id, Product.code == code)
        )
        if p is None:
            raise NotFound(f"Product {code} does not exist.", code="not_found")
        was, p.active = p.active, active
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.CATALOGUE_CHANGE,
            actor=actor,
            target_type="product",
            target_id=p.id,
            detail={
                "code": code,
                "active": active,
                "changes": [{"key": "active", "before": was, "after": active}],
            },
        )


def product_id_by_code(uow: UnitOfWork, store_id: int, code: str) -> int | None:
    return uow.session.scalar(
        select(Product.id).where(Product.store_id == store_id, Product.code == code)
    )
