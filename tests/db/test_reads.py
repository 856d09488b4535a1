"""Reads never write: loading, evaluating, the payment grid and document inputs commit nothing.

A consultation's ``version_id`` is what another counter's form was loaded
with; a read that bumped it (as ``evaluate_products`` and ``get_consultation``
did after a blacklist entry was added: a flush on every slider move) made
every other form "changed by someone else".  These tests count the writes on
the engine itself, so a hidden write anywhere in a read fails them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from db import Database
from db.models import Consultation
from db.models.enums import BlacklistReason, Step, StepState
from db.services import blacklist, catalogue, customers, documents, followups
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services.base import Actor, ReadWroteError, reading
from tests.db.test_consultations import PLAN, ready_for_plan


class Writes:
    """Statements that change data, as the engine executes them."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        head = statement.lstrip().split(None, 1)[0].upper()
        if head in ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"):
            self.statements.append(statement)


@pytest.fixture
def writes(database: Database) -> Iterator[Writes]:
    seen = Writes()
    event.listen(database.engine, "before_cursor_execute", seen)
    yield seen
    event.remove(database.engine, "before_cursor_execute", seen)


def test_every_read_of_a_consultation_writes_nothing(
    database: Database, owner: Actor, writes: Writes
) -> None:
    v = ready_for_plan(database, owner)
    plan = cs.save_plan(database, owner, v.id, PLAN)
    # the list changes under the consultation: the reads must show it, not store it
    blacklist.add_entry(database, owner, phone="13912345678", reason=BlacklistReason.FRAUD)
    writes.statements.clear()

    shown = cs.get_consultation(database, owner, v.id)
    cs.get_qualification(database, owner, v.id)
    cs.get_appraisal(database, owner, v.id)
    cs.list_plans(database, owner, v.id)
    cs.get_plan(database, owner, plan.id)
    cs.plan_schedule(database, owner, plan.id)
    cs.get_signing(database, owner, v.id)
    cs.list_consultations(database, owner)
    for down in ("30000", "50000", "70000"):  # a slider moving
        evals = cs.evaluate_products(
            database, owner, v.id, down_payment=down, term_months=36, method="equal_installment"
        )
    customers.get_customer(database, owner, v.customer_id)
    customers.find_customers(database, owner, name="Li")
    catalogue.load_catalogue(database, owner.store_id)
    settings_service.load_settings(database, owner.store_id)
    followups.list_due(database, owner)
    documents.document_inputs(database, owner, v.id)

    assert writes.statements == []
    # the reads show the hit all the same
    assert shown.blacklist_hit and shown.steps[Step.PLAN] is StepState.BLOCKED
    assert all(not e.eligible for e in evals)
    # and the version another form holds is untouched
    assert cs.get_consultation(database, owner, v.id).version_id == v.version_id + 1  # the plan


def test_the_payment_grid_in_one_read_unit_of_work(
    database: Database, owner: Actor, writes: Writes
) -> None:
    v = ready_for_plan(database, owner)
    writes.statements.clear()
    with reading(database) as uow:
        for down in (30000, 45000, 60000):
            for term in (12, 24, 36, 48, 60):
                cs.evaluate_products(
                    uow,
                    owner,
                    v.id,
                    down_payment=down,
                    term_months=term,
                    method="equal_installment",
                )
    assert writes.statements == []


def test_a_write_inside_a_read_is_refused(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    with pytest.raises(ReadWroteError), reading(database) as uow:
        row = uow.session.get(Consultation, v.id)
        assert row is not None
        row.purpose = "changed in a read"
        uow.session.flush()
    assert cs.get_consultation(database, owner, v.id).purpose != "changed in a read"


def test_viewing_full_numbers_is_recorded(database: Database, owner: Actor) -> None:
    """The one read that writes on purpose: an audit row, never the customer's version."""
    v = ready_for_plan(database, owner)
    before = customers.get_customer(database, owner, v.customer_id).version_id
    customers.get_customer(database, owner, v.customer_id, unmasked=True)
    assert customers.get_customer(database, owner, v.customer_id).version_id == before
