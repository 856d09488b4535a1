"""The owner's products and lenders services: add, edit, copy, deactivate; reasons by
field with nothing written; manager reads; every change audited before -> after."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import AuditEntry, Lender
from db.models import Product as ProductRow
from db.models.enums import AuditAction, Role
from db.services import catalogue, catalogue_admin
from db.services.base import Actor, PermissionDenied, ValidationError
from lending.catalogue_rules import LenderDetails
from lending.qualification import Grade
from lending.schedule import RepaymentMethod
from tests.catalogue_sample import LENDER, PRODUCT, expected_rate
from tests.db.conftest import make_actor

D = Decimal


def audits(database: Database) -> list[tuple[str, dict]]:
    with database.unit_of_work() as uow:
        return [
            (e.target_type, e.detail)
            for e in uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == AuditAction.CATALOGUE_CHANGE.value)
                .order_by(AuditEntry.id)
            )
        ]


def counts(database: Database) -> tuple[int, int]:
    with database.unit_of_work() as uow:
        return (
            uow.session.scalar(select(func.count()).select_from(Lender)) or 0,
            uow.session.scalar(select(func.count()).select_from(ProductRow)) or 0,
        )


def add_sample(database: Database, owner: Actor) -> str:
    catalogue_admin.save_lender(database, owner, LENDER)
    view = catalogue_admin.save_product(database, owner, PRODUCT)
    return next(p.code for p in view.products if p.name == PRODUCT.name)


def test_seeded_lenders_carry_their_chinese_names(database: Database, owner: Actor) -> None:
    view = catalogue_admin.load_catalogue_view(database, owner)
    icbc = view.lender("Industrial and Commercial Bank of China")
    assert icbc.name_zh == "中国工商银行" and icbc.service_phone == "95588"
    assert icbc.products == ("bank_mortgage",)
    assert view.editable


def test_owner_adds_a_lender_and_a_product_with_a_rate_sheet(
    database: Database, owner: Actor
) -> None:
    code = add_sample(database, owner)
    assert code == "harbour_nev_balloon_loan"
    view = catalogue_admin.load_catalogue_view(database, owner)
    lender = view.lender(LENDER.name)
    assert lender.details == LENDER and lender.active and lender.products == (code,)
    product = catalogue.load_catalogue(database, owner.store_id).product(code)
    assert product == dataclasses.replace(PRODUCT, code=code)
    assert product.rate_for(Grade.B, 36, D(35)) == expected_rate("B", 36, D(35)) == D("6.30")
    (kind, lender_audit), (_, product_audit) = audits(database)
    assert kind == "lender" and lender_audit["name"] == LENDER.name
    assert {c["key"]: (c["before"], c["after"]) for c in lender_audit["changes"]} == {
        "name": (None, LENDER.name),
        "name_zh": (None, LENDER.name_zh),
        "service_phone": (None, "95599"),
        "complaint_channel": (None, LENDER.complaint_channel),
        "payout_rules": (None, LENDER.payout_rules),
        "active": (None, True),
    }
    keys = {c["key"] for c in product_audit["changes"]}
    assert {"name", "name_zh", "rate_sheet", "fees.upfront_fee", "balloon_min_percent"} <= keys
    assert all(c["before"] is None for c in product_audit["changes"])


def test_an_edit_is_audited_field_by_field(database: Database, owner: Actor) -> None:
    code = add_sample(database, owner)
    product = catalogue.load_catalogue(database, owner.store_id).product(code)
    cells = tuple(
        dataclasses.replace(c, annual_rate=D("4.40")) if c.annual_rate == D("4.60") else c
        for c in product.rate_sheet
    )
    catalogue_admin.save_product(
        database, owner, dataclasses.replace(product, rate_sheet=cells, approval_days_max=5)
    )
    *_, (_, detail) = audits(database)
    changes = {c["key"]: (c["before"], c["after"]) for c in detail["changes"]}
    assert set(changes) == {"rate_sheet", "approval_days_max"}
    assert changes["approval_days_max"] == (3, 5)
    before, after = changes["rate_sheet"]
    assert [c for c in after if c not in before] == [
        {
            "grade": "A",
            "term_max_months": 24,
            "down_payment_min_percent": "0",
            "annual_rate": "4.40",
        }
    ]


def test_an_invalid_product_gets_every_reason_and_writes_nothing(
    database: Database, owner: Actor
) -> None:
    catalogue_admin.save_lender(database, owner, LENDER)
    before = counts(database), audits(database)
    bad = dataclasses.replace(
        PRODUCT,
        name_zh=" ",
        apr_min_percent=D(9),
        methods=(),
        terms=(),
        grades=(),
        example_lenders=("Nobody Bank",),
        balloon_max_percent=D(0),
    )
    with pytest.raises(ValidationError) as err:
        catalogue_admin.save_product(database, owner, bad)
    assert {k: r.code for k, r in err.value.reasons.items()} == {
        "name_zh": "product.name_zh_missing",
        "example_lenders": "product.lender_unknown",
        "apr_min_percent": "product.min_above_max",
        "methods": "product.no_method",
        "terms": "product.no_term",
        "grades": "product.no_grade",
    }
    above_cap = dataclasses.replace(PRODUCT, apr_max_percent=D(30))
    with pytest.raises(ValidationError) as err:
        catalogue_admin.save_product(database, owner, above_cap)
    assert err.value.reasons["apr_max_percent"].render() == (
        "The store refuses an APR above 24% (Store settings); the highest rate cannot be above it."
    )
    broken_sheet = dataclasses.replace(PRODUCT, rate_sheet=PRODUCT.rate_sheet[1:])
    with pytest.raises(ValidationError) as err:
        catalogue_admin.save_product(database, owner, broken_sheet)
    assert err.value.reasons["rate_sheet"].code == "sheet.cell_missing"
    assert (counts(database), audits(database)) == before


def test_copy_and_deactivate(database: Database, owner: Actor) -> None:
    code = add_sample(database, owner)
    view = catalogue_admin.copy_product(database, owner, code)
    copy = next(p for p in view.products if p.code == f"{code}_copy")
    assert (copy.name, copy.name_zh, copy.active) == (
        "Harbour NEV balloon loan (copy)",
        "海港新能源弹性尾款贷（副本）",
        False,
    )
    offered = [p.code for p in catalogue.load_catalogue(database, owner.store_id).products]
    assert code in offered and copy.code not in offered
    catalogue_admin.set_product_active(database, owner, code, False)
    offered = [p.code for p in catalogue.load_catalogue(database, owner.store_id).products]
    assert code not in offered
    everything = catalogue.load_catalogue(database, owner.store_id, include_inactive=True)
    assert everything.product(code).name == PRODUCT.name  # kept, never deleted
    catalogue_admin.set_product_active(database, owner, code, True)
    assert code in [p.code for p in catalogue.load_catalogue(database, owner.store_id).products]
    *_, (_, off), (_, on) = audits(database)
    assert off["changes"] == [{"key": "active", "before": True, "after": False}]
    assert on["changes"] == [{"key": "active", "before": False, "after": True}]


def test_a_lender_in_use_and_a_rename(database: Database, owner: Actor) -> None:
    code = add_sample(database, owner)
    lender = catalogue_admin.load_catalogue_view(database, owner).lender(LENDER.name)
    with pytest.raises(ValidationError) as err:
        catalogue_admin.set_lender_active(database, owner, lender.id, False)
    assert err.value.reasons["active"].render() == (
        "These active products have no other lender: Harbour NEV balloon loan. Give them "
        "another lender or deactivate them first."
    )
    renamed = dataclasses.replace(LENDER, name="Harbour Bank")
    view = catalogue_admin.save_lender(database, owner, renamed, lender.id)
    assert view.product(code).lenders == ("Harbour Bank",)
    assert catalogue.load_catalogue(database, owner.store_id).product(code).example_lenders == (
        "Harbour Bank",
    )
    catalogue_admin.set_product_active(database, owner, code, False)
    view = catalogue_admin.set_lender_active(database, owner, lender.id, False)
    assert not view.lender("Harbour Bank").active
    # a product cannot be offered again with an inactive lender
    with pytest.raises(ValidationError) as err:
        catalogue_admin.set_product_active(database, owner, code, True)
    assert err.value.reasons["example_lenders"].code == "product.lender_unknown"


def test_lender_reasons(database: Database, owner: Actor) -> None:
    before = counts(database), audits(database)
    with pytest.raises(ValidationError) as err:
        catalogue_admin.save_lender(
            database, owner, LenderDetails("China Merchants Bank", "", service_phone="call us")
        )
    assert {k: r.code for k, r in err.value.reasons.items()} == {
        "name": "lender.name_taken",
        "name_zh": "lender.name_zh_missing",
        "service_phone": "lender.phone",
    }
    assert (counts(database), audits(database)) == before


def test_manager_reads_consultant_does_not(database: Database, owner: Actor) -> None:
    code = add_sample(database, owner)
    manager = make_actor(database, owner, "m", Role.MANAGER)
    view = catalogue_admin.load_catalogue_view(database, manager)
    assert not view.editable and view.product(code).product is not None
    before = counts(database), audits(database)
    for attempt in (
        lambda: catalogue_admin.save_lender(database, manager, LENDER),
        lambda: catalogue_admin.save_product(database, manager, PRODUCT),
        lambda: catalogue_admin.copy_product(database, manager, code),
        lambda: catalogue_admin.set_product_active(database, manager, code, False),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert (counts(database), audits(database)) == before
    consultant = make_actor(database, owner, "c", Role.CONSULTANT)
    with pytest.raises(PermissionDenied):
        catalogue_admin.load_catalogue_view(database, consultant)


def test_step_up_and_balloon_details_are_required(database: Database, owner: Actor) -> None:
    catalogue_admin.save_lender(database, owner, LENDER)
    bad = dataclasses.replace(
        PRODUCT,
        methods=(RepaymentMethod.STEP_UP, RepaymentMethod.BALLOON),
        balloon_min_percent=D(50),
        balloon_max_percent=D(40),
    )
    with pytest.raises(ValidationError) as err:
        catalogue_admin.save_product(database, owner, bad)
    assert {k: r.code for k, r in err.value.reasons.items()} == {
        "step_up.step_percent": "product.step_needed",
        "balloon_min_percent": "product.min_above_max",
    }
