"""The rows of each flow step for one consultation: qualification, vehicle and appraisal,
plans and their add-ons, follow-ups.

Every figure comes from ``lending`` (:mod:`db.demo.figures`): the grade from
``lending.qualification.qualify``, the appraisal from
``lending.appraisal.appraise``, a plan's price, schedule and affordability
from ``lending.eligibility`` / ``lending.schedule`` / ``lending.compliance``,
all with the store's lending settings.  Only the customer's facts (income,
debts, documents, the car) are drawn at random.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from db.demo.clock import STORE_TZ
from db.demo.draws import choice, pick, randint, round_down
from db.demo.figures import (
    affordable,
    fast_appraise,
    fits,
    plan_terms,
    reasons_json,
    schedule_figures,
)
from db.demo.people import DemoCustomer, People
from db.demo.tables import Rows
from db.demo.vocabulary import AMOUNT_STEP, COLOURS, CONDITION_WEIGHTS, CONDITIONS, VEHICLES
from db.models.enums import AddOnKind, FollowUpKind
from lending import qualification as lending_qualification
from lending.appraisal import Appraisal
from lending.money import money
from lending.products import Product
from lending.qualification import Grade
from lending.schedule import RepaymentMethod


class StepRows(People):
    """Rows for the flow steps (each method appends to ``out`` and returns what the
    consultation's life needs next)."""

    # -- qualification ----------------------------------------------------------
    def _qualification(
        self,
        out: Rows,
        cons_id: int,
        cust: DemoCustomer,
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
            apps = choice(rng, (0, 0, 1))
            debt_share = rng.uniform(0, 0.15)
        elif q > 0.2:
            overdue = randint(rng, 1, 2)
            worst = choice(rng, (5, 10, 15, 25))
            util = rng.uniform(30, 75)
            apps = randint(rng, 1, 3)
            debt_share = rng.uniform(0.08, 0.28)
        else:
            overdue = randint(rng, 2, 6)
            worst = choice(rng, (30, 45, 60, 90))
            util = rng.uniform(60, 98)
            apps = randint(rng, 2, 7)
            debt_share = rng.uniform(0.15, 0.35)
        monthly_debt = money(Decimal(int(income * Decimal(str(round(debt_share, 3))) / 10) * 10))
        current_debt = money(monthly_debt * randint(rng, 12, 48))
        proof_months, residence, work = 6, True, True
        if documents_fail:
            which = randint(rng, 0, 2)
            proof_months = choice(rng, (2, 3, 4)) if which == 0 else 6
            residence = which != 1
            work = which != 2
        history = Decimal(randint(rng, 0, 150)) / 10
        kinds = randint(rng, 1, 4)
        application_day = at.astimezone(STORE_TZ).date()
        statement = money(income * Decimal(randint(rng, 94, 104)) / 100)
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
            ),
            self.store.settings,
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
                hard_failures=reasons_json(result.hard_failures),
                reasons=reasons_json(result.reasons),
                warnings=reasons_json(result.warnings),
                recommendations=reasons_json(result.recommendations),
                assessed_at=at,
                assessed_by=by,
            )
        )
        return result

    # -- vehicle and appraisal ---------------------------------------------------
    def _vehicle(
        self, out: Rows, cons_id: int, at: datetime, by: int, *, reject: bool
    ) -> tuple[int, Appraisal, Decimal]:
        rng = self.rng
        brand, model, ref_price, wmi = choice(rng, VEHICLES)
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
                mileage = randint(rng, 152, 260) * 1000
        condition = pick(rng, CONDITIONS, CONDITION_WEIGHTS)
        market = money(Decimal(ref_price) * Decimal(randint(rng, 90, 110)) / 100)
        result = fast_appraise(
            market, first_reg, day, mileage, condition, accident, flood, fire, self.store.settings
        )
        acceptable = not result.excluded and not (reject and result.limit_reasons)
        if reject:
            acceptable = False
        sale_price = money(
            Decimal(int(result.value * Decimal(randint(rng, 104, 115)) / 100 / 100)) * 100
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
                colour=choice(rng, COLOURS),
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
                reasons=reasons_json(reasons),
                appraised_at=at,
                appraised_by=by,
            )
        )
        return vid, result, sale_price

    # -- plans -------------------------------------------------------------------
    def _eligible(self, grade: Grade, ap: Appraisal) -> list[Product]:
        return [p for p in self.store.products if fits(p, grade, ap)]

    def _plan(
        self,
        out: Rows,
        cons_id: int,
        product: Product,
        grade: Grade,
        ap: Appraisal,
        price: Decimal,
        customer: tuple[Decimal, Decimal],
        at: datetime,
        by: int,
        *,
        chosen: bool,
    ) -> int | None:
        """A plan of ``product`` the customer (monthly income, existing monthly debt) can
        afford if any: a longer term, then a smaller loan, until lending's DTI rule passes.
        None (nothing written) when the product has no rate for these terms."""
        rng = self.rng
        income, monthly_debt = customer
        method = choice(rng, product.methods)
        offered = list(product.terms)
        term = choice(rng, offered)
        max_loan = min(product.max_loan(ap.value), price)
        share = Decimal(choice(rng, (100, 100, 90, 80, 70))) / 100
        amount = round_down(max_loan * share, AMOUNT_STEP)
        terms = figures = None
        for attempt in range(6):
            if amount < 10_000:
                amount = Decimal(10_000)
            terms = plan_terms(product, grade, price, amount, term, method)
            if terms is None:
                return None
            figures = schedule_figures(terms)
            # the last attempt keeps its figures: amount and term must stay theirs
            if (
                affordable(figures, monthly_debt, income, self.store.settings)
                or amount <= 10_000
                or attempt == 5
            ):
                break
            longer = [t for t in offered if t > term]
            if longer:
                term = max(longer)
            else:
                amount = round_down(amount * Decimal("0.8"), AMOUNT_STEP)
        assert terms is not None and figures is not None
        first, max_pay, interest, fees, repayment, apr, ear, _dti = figures
        stepped = method is RepaymentMethod.STEP_UP
        bundle = pick(rng, ("premium", "standard", "entry"), (20, 50, 30))
        pid = self.ids.next("plans")
        start_day = (at + timedelta(days=randint(rng, 3, 20))).astimezone(STORE_TZ).date()
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
                lender_name=choice(rng, product.example_lenders) if product.example_lenders else "",
                method=method.value,
                vehicle_price=price,
                down_payment=money(price - amount),
                amount=money(amount),
                term_months=term,
                annual_rate=terms.annual_rate,
                upfront_fee=terms.upfront_fee,
                monthly_fee_rate=terms.monthly_fee_rate,
                step_percent=terms.step_percent if stepped else None,
                step_months=terms.step_months if stepped else None,
                balloon=terms.balloon if method is RepaymentMethod.BALLOON else None,
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
        ins_rate = Decimal(randint(rng, 30, 42) if full else randint(rng, 18, 26)) / 1000
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
                    price=Decimal(choice(rng, (2_000, 2_800, 3_500, 4_800))),
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
                    price=Decimal(choice(rng, (1_200, 1_680, 2_400, 2_980))),
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
