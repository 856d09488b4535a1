"""The bulk path keeps the rules of the one-at-a-time services."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import ConsentRecord, Customer
from db.models.enums import Step, StepState
from db.services import bulk, consultations, customers
from db.services.base import Actor, ValidationError
from tests.db.conftest import valid_id


def test_bulk_customers_and_consultations(database: Database, owner: Actor) -> None:
    records = [
        bulk.CustomerRecord(
            name=f"客户{i}",
            phone=f"139{i:08d}",
            id_number=valid_id(seq=i),
            consent_purpose="import",
        )
        for i in range(30)
    ] + [bulk.CustomerRecord(name="无证件")]
    ids = bulk.add_customers(database, owner, records, batch_size=7)
    assert len(ids) == 31 and ids == sorted(ids)
    found = customers.find_customers(database, owner, id_number=valid_id(seq=12))
    assert [c.id for c in found] == [ids[12]]
    assert customers.get_customer(database, owner, ids[3], unmasked=True).phone == "13900000003"
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(ConsentRecord)) == 30

    cids = bulk.add_consultations(
        database,
        owner,
        [
            bulk.ConsultationRecord(
                customer_id=i, source_channel="walk_in", intent_level="low", budget="100000.50"
            )
            for i in ids
        ],
        batch_size=10,
    )
    assert len(cids) == 31
    v = consultations.get_consultation(database, owner, cids[5])
    assert v.customer_id == ids[5] and v.budget is not None and str(v.budget) == "100000.50"
    assert v.steps[Step.RECEPTION] is StepState.COMPLETE
    # the normal services carry on from there
    consultations.save_reception(
        database,
        owner,
        cids[5],
        source_channel="phone",
        intent_level="high",
        expected_version=v.version_id,
    )


def test_bulk_refuses_everything_on_any_problem(database: Database, owner: Actor) -> None:
    records = [
        bulk.CustomerRecord(name="好", phone="13900000001"),
        bulk.CustomerRecord(name="无同意", id_number=valid_id(seq=1)),
        bulk.CustomerRecord(name="", phone="123"),
    ]
    with pytest.raises(ValidationError) as info:
        bulk.add_customers(database, owner, records)
    assert set(info.value.errors) == {"[1].consent", "[2].name", "[2].phone"}
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Customer)) == 0
    with pytest.raises(ValidationError) as info:
        bulk.add_consultations(
            database,
            owner,
            [bulk.ConsultationRecord(customer_id=1, budget="1.234", intent_level="urgent")],
        )
    assert set(info.value.errors) == {"[0].budget", "[0].intent_level"}
