"""Demo data: realistic, reproducible, valid identifiers, personal data encrypted."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from db import Database, open_database
from db.demo import (
    LOST_CATEGORY_LABELS,
    STORE_TZ,
    data_cutoff,
    fast_appraise,
    load_demo_data,
)
from db.models import Consultation, Customer, Plan, Qualification, Vehicle
from lending import appraisal as lending_appraisal
from lending.errors import UserError
from lending.identity import age_on, check_mobile, check_resident_id, check_vin

TODAY = date(2026, 6, 15)
FUNNEL = (
    "contact_at",
    "needs_confirmed_at",
    "qualified_at",
    "plan_offered_at",
    "approved_at",
    "signed_at",
    "disbursed_at",
    "delivered_at",
)
DIGEST_TABLES = (
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
    "staff",
)


def content_digest(database: Database) -> str:
    """Hash of every demo row; ciphertexts (random nonces) replaced by their plaintext."""
    h = hashlib.sha256()
    cipher = database.cipher
    with database.engine.connect() as conn:
        for table in DIGEST_TABLES:
            cols = [
                r[1]
                for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")
                if r[1] not in ("password_hash", "last_login_at")
            ]
            rows = conn.exec_driver_sql(
                f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1"
            ).fetchall()
            for row in rows:
                values = []
                for col, value in zip(cols, row, strict=True):
                    if col.endswith("_enc") and value is not None:
                        value = cipher.decrypt(table, col[: -len("_enc")], value)
                    if table == "staff" and col == "created_at":
                        value = None
                    values.append(repr(value))
                h.update(f"{table}:{'|'.join(values)}\n".encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    folder = tmp_path_factory.mktemp("demo")
    database = open_database(folder / "demo.sqlite3", key=b"k" * 32)
    load_demo_data(database, 3000, seed=7, today=TODAY, workers=1)
    return database


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_every_table_is_filled(demo_db: Database) -> None:
    with demo_db.engine.connect() as conn:
        for table in DIGEST_TABLES:
            n = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            assert n > 0, table
        roles = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT role FROM staff")}
    assert roles == {"owner", "manager", "finance", "consultant"}


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_customers_have_valid_ids_phones_and_ages(demo_db: Database) -> None:
    cipher = demo_db.cipher
    with demo_db.session_factory() as s:
        rows = s.execute(
            select(Consultation.customer_id, Consultation.contact_at).order_by(
                Consultation.id.desc()
            )
        ).all()
        first_visit = {cid: at for cid, at in rows}  # the earliest visit wins
        ages = []
        seen_ids: set[str] = set()
        for c in s.scalars(select(Customer)):
            assert c.id_number_enc is not None and c.phone_enc is not None
            idn = cipher.decrypt("customers", "id_number", c.id_number_enc)
            phone = cipher.decrypt("customers", "phone", c.phone_enc)
            check = check_resident_id(idn, today=TODAY)
            assert check.valid, idn[:6]
            assert check_mobile(phone).valid
            assert c.id_hmac == cipher.id_hash(idn) and c.phone_hmac == cipher.phone_hash(phone)
            assert idn not in seen_ids
            seen_ids.add(idn)
            assert check.birth_date is not None
            visit = first_visit[c.id].astimezone(STORE_TZ).date()
            ages.append(age_on(check.birth_date, visit))
    assert min(ages) >= 22 and max(ages) <= 60
    typical = sum(1 for a in ages if 25 <= a <= 45) / len(ages)
    assert typical > 0.75


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_incomes_and_vins(demo_db: Database) -> None:
    with demo_db.session_factory() as s:
        incomes = [
            Decimal(demo_db.cipher.decrypt("qualifications", "monthly_income", blob))
            for blob in s.scalars(select(Qualification.monthly_income_enc))
            if blob is not None
        ]
        vins = list(s.scalars(select(Vehicle.vin)))
    share = sum(1 for i in incomes if 6_000 <= i <= 15_000) / len(incomes)
    assert share > 0.7
    assert vins and all(v is not None and check_vin(v).valid for v in vins)


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_funnel_is_ordered_and_drops_off(demo_db: Database) -> None:
    cutoff = data_cutoff(TODAY)
    reached = Counter()
    with demo_db.session_factory() as s:
        for c in s.scalars(select(Consultation)):
            stamps = [getattr(c, name) for name in FUNNEL]
            present = [t for t in stamps if t is not None]
            # no gaps: a stage is stamped only when every earlier one is
            assert stamps[: len(present)] == present
            assert present == sorted(present)
            assert all(t <= cutoff for t in present)
            assert cutoff - timedelta(days=366) <= present[0]
            for name, t in zip(FUNNEL, stamps, strict=True):
                if t is not None:
                    reached[name] += 1
            if c.status == "lost":
                assert c.lost_at is not None and c.lost_reason
                assert c.lost_at >= present[-1]
            if c.status == "delivered":
                assert c.delivered_at is not None
    counts = [reached[name] for name in FUNNEL]
    assert counts == sorted(counts, reverse=True)  # realistic drop-off at every step
    assert counts[-1] > 0.1 * counts[0]


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_lost_reasons_follow_the_rejection_mix(demo_db: Database) -> None:
    with demo_db.session_factory() as s:
        reasons = [r for r in s.scalars(select(Consultation.lost_reason)) if r]
    labels = Counter(r.split(":")[0] for r in reasons)
    assert set(labels) == set(LOST_CATEGORY_LABELS.values())
    rejections = {k: v for k, v in labels.items() if k != LOST_CATEGORY_LABELS["customer"]}
    total = sum(rejections.values())
    shares = {k: v / total for k, v in rejections.items()}
    assert shares[LOST_CATEGORY_LABELS["documents"]] == pytest.approx(0.35, abs=0.07)
    assert shares[LOST_CATEGORY_LABELS["credit"]] == pytest.approx(0.28, abs=0.07)
    assert shares[LOST_CATEGORY_LABELS["vehicle"]] == pytest.approx(0.18, abs=0.06)


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_plans_cover_products_and_methods_with_lending_figures(demo_db: Database) -> None:
    from lending.schedule import LoanTerms, RepaymentMethod, build_schedule

    with demo_db.session_factory() as s:
        plans = list(s.scalars(select(Plan)))
        combos = {(p.product_code, p.method) for p in plans}
    assert {p for p, _ in combos} == {
        "bank_mortgage",
        "finance_company",
        "credit_mortgage_mixed",
        "ultra_low_down_payment",
        "manufacturer_balloon",
    }
    # Every method the default catalogue offers
    assert {m for _, m in combos} == {m.value for m in RepaymentMethod}
    # a balloon plan records its balloon, as the plan step stores it; no other plan has one
    assert all((p.balloon is not None) == (p.method == "balloon") for p in plans)
    for p in plans[:40]:
        terms = LoanTerms(
            amount=p.amount,
            annual_rate=p.annual_rate,
            months=p.term_months,
            method=RepaymentMethod(p.method),
            upfront_fee=p.upfront_fee,
            monthly_fee_rate=p.monthly_fee_rate,
            step_percent=p.step_percent or Decimal(0),
            step_months=p.step_months or 12,
            balloon=p.balloon or Decimal(0),
        )
        assert p.start_date is not None
        sched = build_schedule(terms, p.start_date)
        assert p.first_payment == sched.first_payment
        assert p.total_repayment == sched.total_repayment
        assert p.apr == sched.apr.quantize(Decimal("0.000001"))
        assert p.down_payment == p.vehicle_price - p.amount


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_chosen_plan_only_once_the_lender_answered(demo_db: Database) -> None:
    with demo_db.engine.connect() as conn:
        bad = conn.execute(
            text(
                "SELECT count(*) FROM plans p JOIN consultations c ON c.id = p.consultation_id "
                "WHERE p.chosen AND c.approved_at IS NULL AND c.lender_outcome IS NULL"
            )
        ).scalar_one()
        several = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT consultation_id FROM plans WHERE chosen "
                "GROUP BY consultation_id HAVING count(*) > 1)"
            )
        ).scalar_one()
    assert bad == 0 and several == 0


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_no_personal_data_in_plain_text(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.engine.dispose()
    raw = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    with demo_db.session_factory() as s:
        customers = list(s.scalars(select(Customer).limit(400)))
        secrets = []
        for c in customers:
            assert c.id_number_enc is not None and c.phone_enc is not None
            secrets.append(demo_db.cipher.decrypt("customers", "id_number", c.id_number_enc))
            secrets.append(demo_db.cipher.decrypt("customers", "phone", c.phone_enc))
    for secret in secrets:
        assert secret.encode() not in raw
    assert b"monthly_income" not in raw.replace(b"monthly_income_enc", b"")


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_refuses_a_store_with_customers(demo_db: Database) -> None:
    with pytest.raises(UserError) as err:
        load_demo_data(demo_db, 10, seed=1, today=TODAY)
    assert err.value.code == "demo_needs_empty"


@pytest.mark.parametrize("workers", [1, 2])
def test_same_seed_same_data_whatever_the_workers(tmp_path: Path, workers: int) -> None:
    a = open_database(tmp_path / "a.sqlite3", key=b"s" * 32)
    b = open_database(tmp_path / "b.sqlite3", key=b"s" * 32)
    try:
        # three tasks, so two workers really share them
        sa = load_demo_data(a, 617, seed=11, today=TODAY, workers=1, task_size=300)
        sb = load_demo_data(b, 617, seed=11, today=TODAY, workers=workers, task_size=300)
        assert sa.counts == sb.counts
        assert content_digest(a) == content_digest(b)
    finally:
        a.close()
        b.close()


def test_other_seed_other_data(tmp_path: Path) -> None:
    a = open_database(tmp_path / "a.sqlite3", key=b"s" * 32)
    b = open_database(tmp_path / "b.sqlite3", key=b"s" * 32)
    try:
        load_demo_data(a, 200, seed=1, today=TODAY)
        load_demo_data(b, 200, seed=2, today=TODAY)
        assert content_digest(a) != content_digest(b)
    finally:
        a.close()
        b.close()


def test_ids_and_phones_stay_unique_across_tasks(tmp_path: Path) -> None:
    """Two tasks that drew exactly the same people: the second set is renumbered."""
    from db import demo

    database = open_database(tmp_path / "c.sqlite3", key=b"c" * 32)
    try:
        store_id, _ = demo.ensure_store(database)
        ctx = demo.store_context(database, store_id)
        spec = demo.TaskSpec(
            seed=5, today=TODAY, store=ctx, cipher=database.cipher, dialect=database.engine.dialect
        )
        visits = demo.contact_times(5, TODAY, 150)
        writer = demo.demo_writer(database.engine.dialect)
        assembler = demo.Assembler(spec, writer, ctx.next_ids)
        with database.engine.begin() as conn:
            for _ in range(2):
                _index, converted = demo.run_task(spec, 0, visits, 3)
                writer.write(conn, assembler.take(0, converted))
        with database.engine.connect() as conn:
            n = conn.exec_driver_sql("SELECT count(*) FROM customers").scalar_one()
            ids = conn.exec_driver_sql("SELECT count(DISTINCT id_hmac) FROM customers")
            phones = conn.exec_driver_sql("SELECT count(DISTINCT phone_hmac) FROM customers")
            n_ids, n_phones = ids.scalar_one(), phones.scalar_one()
            orphans = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar_one()
            industry = conn.exec_driver_sql(
                "SELECT count(*) FROM blacklist b JOIN customers c ON c.id_hmac = b.id_hmac "
                "WHERE b.source = 'industry'"
            ).scalar_one()
        assert n > 100 and n_ids == n and n_phones == n
        assert orphans == [] and ok == "ok" and industry == 0
        with database.session_factory() as s:
            for c in s.scalars(select(Customer)):
                assert c.id_number_enc is not None
                idn = database.cipher.decrypt("customers", "id_number", c.id_number_enc)
                assert check_resident_id(idn).valid
                assert c.id_hmac == database.cipher.id_hash(idn)
    finally:
        database.close()


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_services_read_demo_data(demo_db: Database) -> None:
    from db.services import customers as customer_service
    from db.services import staff as staff_service

    actor = staff_service.owner_actor(demo_db)
    with demo_db.session_factory() as s:
        c = s.scalars(select(Customer).limit(1)).one()
        assert c.phone_enc is not None
        phone = demo_db.cipher.decrypt("customers", "phone", c.phone_enc)
    found = customer_service.find_customers(demo_db, actor, phone=phone)
    assert [f.id for f in found] == [c.id]
    view = customer_service.get_customer(demo_db, actor, c.id)
    assert view.has_consent and view.birth_date is not None


@settings(max_examples=300, deadline=None)
@given(
    market=st.integers(20_000, 600_000),
    age_days=st.integers(0, 5_000),
    on=st.dates(date(2024, 1, 1), date(2028, 12, 31)),
    km=st.integers(0, 400_000),
    condition=st.sampled_from(list(lending_appraisal.Condition)),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_fast_appraise_is_lending_appraise(
    market: int,
    age_days: int,
    on: date,
    km: int,
    condition: lending_appraisal.Condition,
    flags: tuple[bool, bool, bool],
) -> None:
    first = on - timedelta(days=age_days)
    price = Decimal(market)
    expected = lending_appraisal.appraise(
        lending_appraisal.AppraisalInput(
            market_reference_price=price,
            first_registration=first,
            appraisal_date=on,
            mileage_km=km,
            condition=condition,
            accident=flags[0],
            flood=flags[1],
            fire=flags[2],
        )
    )
    got = fast_appraise(price, first, on, km, condition, *flags)
    assert got.value == expected.value
    assert got.computed_value == expected.computed_value
    assert got.age_years == expected.age_years
    assert got.excluded == expected.excluded
    assert got.exclusion_reasons == expected.exclusion_reasons
    assert got.odometer_flags == expected.odometer_flags
    assert got.limit_reasons == expected.limit_reasons


def test_data_cutoff_is_start_of_store_day() -> None:
    assert data_cutoff(date(2026, 6, 15)) == datetime(2026, 6, 14, 16, 0, tzinfo=UTC)


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_follow_ups_are_consistent(demo_db: Database) -> None:
    with demo_db.engine.connect() as conn:
        bad = conn.exec_driver_sql(
            "SELECT count(*) FROM follow_ups WHERE due_at < created_at "
            "OR (done_at IS NOT NULL AND done_at < created_at)"
        ).scalar_one()
        kinds = dict(
            conn.exec_driver_sql("SELECT kind, count(*) FROM follow_ups GROUP BY kind").all()
        )
        overdue = conn.exec_driver_sql(
            "SELECT count(*) FROM follow_ups WHERE done_at IS NULL AND due_at < ?",
            (data_cutoff(TODAY).replace(tzinfo=None).isoformat(" ") + ".000000",),
        ).scalar_one()
    assert bad == 0
    assert set(kinds) == {"high_intent", "delivery", "post_disbursement"}
    assert overdue > 0  # staff see some overdue follow-ups


def test_bulk_writer_converts_like_sqlalchemy(tmp_path: Path) -> None:
    """The fast bind processors give exactly what the column types themselves give."""
    from sqlalchemy.dialects import sqlite

    from db import demo

    database = open_database(tmp_path / "w.sqlite3", key=b"w" * 32)
    try:
        store_id, _ = demo.ensure_store(database)
        ctx = demo.store_context(database, store_id)
        gen = demo.DemoGenerator(database.cipher, ctx, seed=9, today=TODAY)
        rows = gen.generate(demo.contact_times(9, TODAY, 300), industry_entries=3)
    finally:
        database.close()
    dialect = sqlite.dialect()
    writer = demo.demo_writer(dialect)
    for name in demo.TABLE_ORDER:
        t = demo.table(name)
        keys = writer.columns(name)
        fast = writer.convert(name, rows[name])
        for row, got in zip(rows[name], fast, strict=True):
            for key, value in zip(keys, got, strict=True):
                proc = t.c[key].type._cached_bind_processor(dialect)
                expected = proc(row[key]) if proc is not None else row[key]
                assert value == expected, (name, key)


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_signing_checklists_match_the_funnel(demo_db: Database) -> None:
    with demo_db.engine.connect() as conn:
        per = conn.exec_driver_sql(
            "SELECT c.id, c.signed_at, c.approved_at, count(s.id), sum(s.done), "
            "sum(s.done AND s.done_at = c.signed_at) "
            "FROM consultations c LEFT JOIN signing_items s ON s.consultation_id = c.id "
            "GROUP BY c.id"
        ).all()
    signed = [r for r in per if r[1] is not None]
    approved_only = [r for r in per if r[1] is None and r[2] is not None]
    before = [r for r in per if r[2] is None]
    assert signed and approved_only
    assert all(r[3] == 18 and r[4] == 18 and r[5] == 18 for r in signed)
    assert all(r[3] == 18 and r[4] < 18 for r in approved_only)
    assert all(r[3] == 0 for r in before)


@pytest.mark.slow  # the 3,000-consultation demo store (demo_db)
def test_lender_decisions_and_loss_categories(demo_db: Database) -> None:
    """Lenders approve and decline, customers withdraw, and we refuse: each recorded
    the way the signing step and "Mark lost" record it."""
    from db.services.consultations import DecisionOutcome, DeclineReason, LostReason

    with demo_db.session_factory() as s:
        rows = list(
            s.execute(
                select(
                    Consultation.lender_outcome,
                    Consultation.lender_decided_at,
                    Consultation.lender_decision,
                    Consultation.approved_at,
                    Consultation.plan_offered_at,
                    Consultation.lost_at,
                    Consultation.lost_reason_code,
                    Consultation.status,
                )
            )
        )
    outcomes = Counter(r[0] for r in rows if r[0])
    assert set(outcomes) == {o.value for o in DecisionOutcome}
    codes = Counter(r[6] for r in rows if r[6])
    assert {"lender_rejected", "refused_eligibility", "not_interested", "price"} <= set(codes)
    assert set(codes) <= {c.value for c in LostReason}
    for outcome, decided, data, approved, offered, lost_at, code, status in rows:
        assert (status == "lost") == (code is not None)
        if outcome is None:
            assert decided is None and data is None and approved is None
            continue
        assert data["outcome"] == outcome and offered is not None and offered <= decided
        if outcome == "approved":
            assert approved == decided and data["reason_code"] is None
        else:
            assert approved is None and lost_at is not None and decided <= lost_at
        if outcome == "declined":
            assert code == "lender_rejected" and DeclineReason(data["reason_code"])
        if outcome == "withdrawn":
            assert code == "not_interested"


def test_plans_are_priced_by_the_products_rate_sheet(tmp_path: Path) -> None:
    """A product with a rate sheet (saved as the owner's editor saves it): each demo
    plan's rate is ``Product.rate_for`` for the customer's grade, the term and the down
    payment, the rate the plan step quotes."""
    import dataclasses

    from db.services import catalogue, catalogue_admin, staff
    from lending.products import RateCell
    from lending.qualification import Grade

    database = open_database(tmp_path / "sheet.sqlite3", key=b"r" * 32)
    try:
        owner = staff.create_owner(database, "Sheet store", "owner", "sheet-pass-2026")
        product = catalogue.load_catalogue(database, owner.store_id).product("bank_mortgage")
        cells = tuple(
            RateCell(grade, term, Decimal(down), Decimal(rate))
            for grade in product.accepted_grades
            for term, down, rate in (
                (24, 0, "5.90"),
                (24, 30, "5.60"),
                (60, 0, "5.20"),
                (60, 30, "4.60"),
            )
        )
        catalogue_admin.save_product(
            database, owner, dataclasses.replace(product, rate_sheet=cells)
        )
        product = catalogue.load_catalogue(database, owner.store_id).product("bank_mortgage")
        assert product.rate_sheet == cells
        load_demo_data(database, 600, seed=3, today=TODAY, workers=1)
        with database.session_factory() as s:
            rows = list(
                s.execute(
                    select(Plan, Qualification.grade)
                    .join(Qualification, Qualification.consultation_id == Plan.consultation_id)
                    .where(Plan.product_code == "bank_mortgage")
                )
            )
    finally:
        database.close()
    assert len(rows) > 10
    for plan, grade in rows:
        down_percent = plan.down_payment * 100 / plan.vehicle_price
        expected = product.rate_for(Grade(grade), plan.term_months, down_percent)
        assert plan.annual_rate == expected, (plan.term_months, down_percent)
    assert {plan.annual_rate for plan, _ in rows} >= {Decimal("5.90"), Decimal("4.60")}
