"""Step 1, reception: who the customer is and what they want.

The ID number and the mobile are checked as they are typed
(``lending.identity``), the ID shows the age it implies against the store's
age limits, the blacklist is asked as soon as a valid ID or mobile is there,
and a possible duplicate application is shown.  The ID number is only sent
to the database when the consent box is ticked (the service records the
consent first, in the same transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import BlacklistReason, BlacklistSource, Channel, Intent, Tier
from db.services import blacklist, customers
from db.services import consultations as cs
from db.services.base import NotFound, Permission, ValidationError
from db.services.blacklist import BlacklistHit, local_date_text
from desktop.context import AppContext
from desktop.labels import blacklist_reason_label, blacklist_source_label, in_sentence
from desktop.pages.base import StepPage
from desktop.pages.fields import (
    BLOCK_BANNER,
    ERROR_STYLE,
    OK_STYLE,
    WARN_BANNER,
    Banner,
    Hint,
    hline,
    section_title,
)
from desktop.pages.texts import cny, tr_reason
from lending import identity
from lending.reasons import Reason

CONSENT_PURPOSE = customers.DEFAULT_CONSENT_PURPOSE


@dataclass(frozen=True)
class ReceptionData:
    consultation: cs.ConsultationView
    customer: customers.CustomerView


def _merge(errors: dict[str, Reason | str], exc: ValidationError) -> None:
    for key, text in exc.errors.items():
        errors.setdefault(key, exc.reasons.get(key, text))


class ReceptionPage(StepPage):
    step = "reception"
    service_checks_with_local_errors = True  # one rolled-back unit of work: all reasons at once

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._data: ReceptionData | None = None
        self._new = False
        self._hits: list[BlacklistHit] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)

        self.alerts = Banner(BLOCK_BANNER)
        self.notes = Banner(WARN_BANNER)
        lay.addWidget(self.alerts)
        lay.addWidget(self.notes)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        lay.addLayout(form)
        form.addRow(section_title(self.tr("Customer")))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("Full name as on the ID card"))
        self.add_row(form, "name", self.tr("Name"), self.name)

        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11 digits, e.g. 138 1234 5678"))
        self.phone_hint = Hint()
        self.add_row(form, "phone", self.tr("Mobile"), self.phone, self.phone_hint)

        self.consent = QCheckBox(self.tr("The customer gives consent"))
        self.consent_note = Hint()
        self.add_row(form, "consent", self.tr("Consent"), self.consent, self.consent_note)

        self.id_number = QLineEdit()
        self.id_number.setMaxLength(40)
        self.id_number.setPlaceholderText(self.tr("18 characters; the last may be X"))
        self.id_hint = Hint()
        self.add_row(form, "id_number", self.tr("ID number"), self.id_number, self.id_hint)

        self.reveal_button = QPushButton(self.tr("Show full mobile and ID number"))
        self.reveal_button.setObjectName("revealPersonalData")
        self.reveal_button.setToolTip(
            self.tr("Only for roles allowed to see personal data. Each view is recorded.")
        )
        self.reveal_button.setVisible(False)
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_note = Hint()
        reveal_row = QHBoxLayout()
        reveal_row.setContentsMargins(0, 0, 0, 0)
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addWidget(self.reveal_note, 1)
        self._reveal_box = QWidget()
        self._reveal_box.setLayout(reveal_row)
        form.addRow("", self._reveal_box)

        self.tier = QComboBox()
        for tier, text in self._tier_labels().items():
            self.tier.addItem(text, tier.value)
        self.add_row(form, "tier", self.tr("Customer tier"), self.tier)

        form.addRow(hline())
        form.addRow(section_title(self.tr("Needs")))
        needs = form
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Choose..."), "")
        for channel, text in self._channel_labels().items():
            self.channel.addItem(text, channel.value)
        self.add_row(needs, "source_channel", self.tr("Source channel"), self.channel)

        self.intent = QComboBox()
        self.intent.addItem(self.tr("Choose..."), "")
        for intent, text in self._intent_labels().items():
            self.intent.addItem(text, intent.value)
        self.add_row(needs, "intent_level", self.tr("Intent"), self.intent)

        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("e.g. family car for commuting"))
        self.add_row(needs, "purpose", self.tr("Purpose"), self.purpose)

        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("CNY, e.g. 150,000"))
        self.add_row(needs, "budget", self.tr("Budget (CNY)"), self.budget)
        self.wished_down = QLineEdit()
        self.wished_down.setPlaceholderText(self.tr("CNY, e.g. 40,000"))
        self.add_row(
            needs, "wished_down_payment", self.tr("Wished down payment (CNY)"), self.wished_down
        )
        self.wished_monthly = QLineEdit()
        self.wished_monthly.setPlaceholderText(self.tr("CNY per month, e.g. 3,500"))
        self.add_row(
            needs,
            "wished_monthly_payment",
            self.tr("Wished monthly payment (CNY)"),
            self.wished_monthly,
        )
        general = self.error_label("general")
        lay.addWidget(general)
        lay.addStretch(1)

        for edit in (
            self.name,
            self.phone,
            self.id_number,
            self.purpose,
            self.budget,
            self.wished_down,
            self.wished_monthly,
        ):
            edit.textEdited.connect(self.mark_dirty)
        for combo in (self.tier, self.channel, self.intent):
            combo.currentIndexChanged.connect(self.mark_dirty)
        self.consent.toggled.connect(self.mark_dirty)
        self.id_number.textChanged.connect(self._check_id)
        self.phone.textChanged.connect(self._check_phone)
        self.id_number.editingFinished.connect(self._check_blacklist)
        self.phone.editingFinished.connect(self._check_blacklist)
        self.consent.toggled.connect(self._check_id)

    # -- labels ----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Reception")

    def _channel_labels(self) -> dict[Channel, str]:
        return {
            Channel.WALK_IN: self.tr("Walk-in"),
            Channel.PHONE: self.tr("Phone"),
            Channel.ONLINE: self.tr("Online platform"),
            Channel.REFERRAL: self.tr("Referral"),
            Channel.PARTNER_DEALER: self.tr("Partner dealer"),
            Channel.SOCIAL_MEDIA: self.tr("Social media"),
        }

    def _intent_labels(self) -> dict[Intent, str]:
        return {
            Intent.HIGH: self.tr("High"),
            Intent.MEDIUM: self.tr("Medium"),
            Intent.LOW: self.tr("Low"),
        }

    def _tier_labels(self) -> dict[Tier, str]:
        return {
            Tier.POTENTIAL: self.tr("Potential"),
            Tier.REGULAR: self.tr("Regular"),
            Tier.VIP: self.tr("VIP"),
        }

    def _source_text(self, hit: BlacklistHit) -> str:
        return in_sentence(blacklist_source_label(hit.source))

    def _why_text(self, hit: BlacklistHit) -> str:
        return in_sentence(blacklist_reason_label(hit.reason))

    def _hit_text(self, hit: BlacklistHit) -> str:
        source, why = self._source_text(hit), self._why_text(hit)
        matched = self.tr("ID number") if hit.matched == "id_number" else self.tr("mobile")
        if not hit.own_store and hit.store_name:
            return self.tr(
                "Blacklist: the {matched} matches the {source} ({why}) added at {store} on "
                "{date}. Please talk to the manager before going on; no finance plan can be "
                "offered."
            ).format(
                matched=matched,
                source=source,
                why=why,
                store=hit.store_name,
                date=local_date_text(hit.added_at) if hit.added_at else "",
            )
        return self.tr(
            "Blacklist: the {matched} matches the {source} ({why}). Please talk to the "
            "manager before going on; no finance plan can be offered."
        ).format(matched=matched, source=source, why=why)

    def _stored_hit_text(self, params: dict[str, str]) -> str:
        """The service's blacklist reason, with its source and reason in the user's words."""
        try:
            source = BlacklistSource(params.get("source", ""))
            why = BlacklistReason(params.get("reason", ""))
        except ValueError:
            source, why = BlacklistSource.INTERNAL, BlacklistReason.OTHER
        hit = BlacklistHit(entry_id=0, source=source, reason=why, matched="")
        if params.get("store"):  # an entry another store of the group added
            return self.tr(
                "Blacklist: this customer matches the {source} ({why}) added at {store} on "
                "{date}. Please talk to the manager before going on; no finance plan can be "
                "offered."
            ).format(
                source=self._source_text(hit),
                why=self._why_text(hit),
                store=params["store"],
                date=params.get("date", ""),
            )
        return self.tr(
            "Blacklist: this customer matches the {source} ({why}). Please talk to the manager "
            "before going on; no finance plan can be offered."
        ).format(source=self._source_text(hit), why=self._why_text(hit))

    # -- loading -----------------------------------------------------------------
    def load(self, consultation_id: int | None) -> None:
        """``None``: a new customer at the counter; saving creates customer and consultation."""
        if consultation_id is None:
            self._autosave.stop()
            self.consultation_id = None
            self._new = True
            self.clear_errors()
            self._loaded(None)
            return
        self._new = False
        super().load(consultation_id)

    def _has_target(self) -> bool:
        return self.consultation_id is not None or self._new

    def _fetch(self, consultation_id: int) -> ReceptionData:
        db, actor = self.ctx.database, self.ctx.staff
        view = cs.get_consultation(db, actor, consultation_id)
        return ReceptionData(view, customers.get_customer(db, actor, view.customer_id))

    def _consent_text(self, status: str) -> str:
        purpose = self.tr(
            "The customer agrees that we process their personal information to assess and "
            "arrange vehicle financing and to contact them about this application."
        )
        return f"{purpose}\n{status}"

    def _clear(self) -> None:
        self._data = None
        self._hits = []

    def _show(self, data: ReceptionData | None) -> None:
        self._data = data
        self._hits = []
        if data is None:
            self._show_blank()
            return
        c, cust = data.consultation, data.customer
        self.name.setText(cust.name)
        self.phone.clear()
        self.id_number.clear()
        self._show_saved_numbers(cust)
        self.consent.setChecked(cust.has_consent)
        self.consent.setEnabled(not cust.has_consent)
        if cust.has_consent and cust.consent_recorded_at is not None:
            when = cust.consent_recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.consent_note.setText(
                self._consent_text(self.tr("Consent recorded on {when}.").format(when=when))
            )
        else:
            self.consent_note.setText(
                self._consent_text(self.tr("Required before the ID number can be stored."))
            )
        self._set_combo(self.tier, cust.tier.value)
        channel = c.source_channel or cust.source_channel
        self._set_combo(self.channel, channel.value if channel else "")
        self._set_combo(self.intent, c.intent_level.value if c.intent_level else "")
        self.purpose.setText(c.purpose or "")
        self.budget.setText(cny(c.budget))
        self.wished_down.setText(cny(c.wished_down_payment))
        self.wished_monthly.setText(cny(c.wished_monthly_payment))
        self._check_phone()
        self._check_id()
        self._show_alerts()

    def _show_saved_numbers(self, cust: customers.CustomerView) -> None:
        """Saved mobile and ID as placeholders: masked, or in full after an audited reveal."""
        self.phone.setPlaceholderText(
            self.tr("Saved: {masked} (type to change)").format(masked=cust.phone)
            if cust.phone
            else self.tr("11 digits, e.g. 138 1234 5678")
        )
        self.id_number.setPlaceholderText(
            self.tr("Saved: {masked} (type to change)").format(masked=cust.id_number)
            if cust.id_number
            else self.tr("18 characters; the last may be X")
        )
        has_data = bool(cust.phone or cust.id_number)
        allowed = self.ctx.can(Permission.VIEW_PII)
        self._reveal_box.setVisible(allowed and has_data)
        self.reveal_button.setVisible(allowed and has_data and cust.masked)
        self.reveal_note.setText(
            "" if cust.masked else self.tr("Shown in full; this view was recorded.")
        )

    def reveal(self) -> None:
        """Load the full mobile and ID number (needs view_pii; the service audits it)."""
        if self._data is None or not self.ctx.can(Permission.VIEW_PII):
            return
        db, actor, cust_id = self.ctx.database, self.ctx.staff, self._data.customer.id
        self.ctx.runner.run(
            lambda: customers.get_customer(db, actor, cust_id, unmasked=True), self._revealed
        )

    def _revealed(self, full: customers.CustomerView) -> None:
        if self._data is None or self._data.customer.id != full.id:
            return
        self._show_saved_numbers(full)

    def _show_blank(self) -> None:
        for edit in (
            self.name,
            self.phone,
            self.id_number,
            self.purpose,
            self.budget,
            self.wished_down,
            self.wished_monthly,
        ):
            edit.clear()
        self.phone.setPlaceholderText(self.tr("11 digits, e.g. 138 1234 5678"))
        self.id_number.setPlaceholderText(self.tr("18 characters; the last may be X"))
        self.consent.setChecked(False)
        self.consent.setEnabled(True)
        self._reveal_box.setVisible(False)
        self.consent_note.setText(
            self._consent_text(self.tr("Required before the ID number can be stored."))
        )
        for combo in (self.tier, self.channel, self.intent):
            combo.setCurrentIndex(0)
        self._check_phone()
        self._check_id()
        self._show_alerts()

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # -- live checks -------------------------------------------------------------
    def _check_phone(self) -> None:
        text = self.phone.text()
        err = self.error_label("phone")
        if not text.strip():
            self.phone_hint.clear()
            err.show_text("")
            return
        result = identity.check_mobile(text)
        if result.valid:
            err.show_text("")
            self.phone_hint.setStyleSheet(OK_STYLE)
            self.phone_hint.setText(self.tr("Valid mainland mobile number."))
        elif (
            result.reason is not None
            and result.reason.code == "phone.wrong_length"
            and len(result.normalized) < identity.PHONE_LENGTH
        ):
            err.show_text("")
            self.phone_hint.setStyleSheet("")
            self.phone_hint.setText(self.tr("{n} of 11 digits").format(n=len(result.normalized)))
        else:
            self.phone_hint.clear()
            err.show_text(tr_reason(result.reason) if result.reason else "")

    def _check_id(self) -> None:
        text = self.id_number.text()
        err = self.error_label("id_number")
        if not text.strip():
            err.show_text("")
            cust = self._data.customer if self._data else None
            if cust is not None and cust.birth_date is not None:
                self._show_age(cust.birth_date, cust.sex)
            else:
                self.id_hint.clear()
            return
        result = identity.check_resident_id(text)
        if result.valid and result.birth_date is not None:
            err.show_text("")
            self._show_age(result.birth_date, result.sex.value if result.sex else None)
            if not self.consent.isChecked():
                self.error_label("consent").show_text(
                    self.tr("Tick the consent box before the ID number is stored.")
                )
            else:
                self.error_label("consent").show_text("")
        elif (
            result.reason is not None
            and result.reason.code == "id.wrong_length"
            and len(result.normalized) < identity.ID_LENGTH
        ):
            err.show_text("")
            self.id_hint.setStyleSheet("")
            self.id_hint.setText(self.tr("{n} of 18 characters").format(n=len(result.normalized)))
        else:
            self.id_hint.clear()
            err.show_text(tr_reason(result.reason) if result.reason else "")

    def _show_age(self, birth: date, sex: str | None) -> None:
        today = date.today()
        s = self.ctx.settings
        age = identity.age_on(birth, today)
        sex_text = {"male": self.tr("male"), "female": self.tr("female")}.get(sex or "", "")
        line = self.tr("Born {birth}, {sex}, {age} years old today.").format(
            birth=birth.isoformat(), sex=sex_text, age=age
        )
        problem = identity.check_age(birth, today, s.min_customer_age, s.max_customer_age)
        if problem is None:
            self.id_hint.setStyleSheet(OK_STYLE)
            self.id_hint.setText(line)
        else:
            self.id_hint.setStyleSheet(ERROR_STYLE)
            self.id_hint.setText(f"{line} {tr_reason(problem)}")

    def _check_blacklist(self) -> None:
        idn = identity.check_resident_id(self.id_number.text())
        phone = identity.check_mobile(self.phone.text())
        id_value = idn.normalized if idn.valid else None
        phone_value = phone.normalized if phone.valid else None
        if id_value is None and phone_value is None:
            return
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: blacklist.check(db, actor, id_number=id_value, phone=phone_value),
            self._got_hits,
        )

    def _got_hits(self, hits: list[BlacklistHit]) -> None:
        self._hits = list(hits)
        self._show_alerts()

    def _show_alerts(self) -> None:
        blocks = [self._hit_text(h) for h in self._hits]
        notes: list[str] = []
        if self._data is not None:
            c = self._data.consultation
            if c.blacklist_hit and not blocks:
                blocks.extend(
                    self._stored_hit_text(dict(r.params))
                    for r in c.blocked
                    if r.code in ("blacklist.hit", "blacklist.hit_other_store")
                )
                if not blocks:
                    blocks.append(
                        self.tr(
                            "This customer is on a blacklist. Please talk to the manager before "
                            "going on; no finance plan can be offered."
                        )
                    )
            blocks.extend(tr_reason(r) for r in c.blocked if not r.code.startswith("blacklist"))
            notes.extend(tr_reason(r) for r in c.warnings)
        self.alerts.set_lines(blocks)
        self.notes.set_lines(notes)

    # -- saving ------------------------------------------------------------------
    def _validate_locally(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.name.text().strip():
            errors["name"] = self.tr("Enter the customer's name.")
        has_phone = bool(self._data and self._data.customer.phone)
        phone = self.phone.text()
        if phone.strip() or not has_phone:
            result = identity.check_mobile(phone)
            if not result.valid and result.reason is not None:
                errors["phone"] = tr_reason(result.reason)
                self.phone_hint.clear()
        idn = self.id_number.text()
        if idn.strip():
            result_id = identity.check_resident_id(idn)
            if not result_id.valid and result_id.reason is not None:
                errors["id_number"] = tr_reason(result_id.reason)
                self.id_hint.clear()
            if not self.consent.isChecked():
                errors["consent"] = self.tr("Tick the consent box before the ID number is stored.")
        return errors

    def _new_job(self) -> Any:
        """Create the customer (consent first), open the consultation, save the needs."""
        db, actor = self.ctx.database, self.ctx.staff
        consent = self.consent.isChecked()
        name = self.name.text().strip()
        phone = self.phone.text().strip() or None
        idn = self.id_number.text().strip() or None
        tier = self.tier.currentData() or "potential"
        channel = self.channel.currentData() or None
        intent = self.intent.currentData() or None
        purpose = self.purpose.text()
        budget = self.budget.text()
        down = self.wished_down.text()
        monthly = self.wished_monthly.text()
        local = dict(self._local_errors)

        def job() -> ReceptionData:
            errors: dict[str, Reason | str] = {}
            with db.unit_of_work() as uow:
                cust = None
                try:
                    cust = customers.create_customer(
                        uow,
                        actor,
                        name,
                        phone=phone,
                        id_number=idn,
                        tier=tier,
                        source_channel=channel,
                        consent_purpose=CONSENT_PURPOSE if consent else None,
                    )
                except ValidationError as exc:
                    _merge(errors, exc)
                cid = -1
                if cust is not None:
                    cid = cs.open_consultation(
                        uow, actor, cust.id, source_channel=channel, intent_level=intent
                    ).id
                try:
                    cs.save_reception(
                        uow,
                        actor,
                        cid,
                        source_channel=channel,
                        intent_level=intent,
                        purpose=purpose,
                        budget=budget,
                        wished_down_payment=down,
                        wished_monthly_payment=monthly,
                    )
                except ValidationError as exc:
                    _merge(errors, exc)
                except NotFound:
                    pass  # no customer yet: the form's own reasons were checked first
                if errors or local:
                    raise ValidationError(errors)  # nothing is committed
                uow.commit()
            view = cs.get_consultation(db, actor, cid)
            return ReceptionData(view, customers.get_customer(db, actor, view.customer_id))

        return job

    def _save_job(self) -> Any:
        if self._data is None:
            return self._new_job()
        assert self.consultation_id is not None
        db, actor = self.ctx.database, self.ctx.staff
        cid = self.consultation_id
        customer = self._data.customer
        record = self.consent.isChecked() and not customer.has_consent
        name = self.name.text().strip()
        phone = self.phone.text().strip() or None
        idn = self.id_number.text().strip() or None
        tier = self.tier.currentData() or None
        channel = self.channel.currentData() or None
        intent = self.intent.currentData() or None
        purpose = self.purpose.text()
        budget = self.budget.text()
        down = self.wished_down.text()
        monthly = self.wished_monthly.text()
        local = dict(self._local_errors)
        customer_version = self.expected_version("customer")
        consultation_version = self.expected_version("consultation")

        def job() -> ReceptionData:
            errors: dict[str, Reason | str] = {}
            with db.unit_of_work() as uow:
                if record:
                    customers.record_consent(uow, actor, customer.id, CONSENT_PURPOSE)
                try:
                    customers.update_customer(
                        uow,
                        actor,
                        customer.id,
                        name=name,
                        phone=phone,
                        id_number=idn,
                        tier=tier,
                        source_channel=channel,
                        expected_version=customer_version,
                    )
                except ValidationError as exc:
                    _merge(errors, exc)
                try:
                    cs.save_reception(
                        uow,
                        actor,
                        cid,
                        source_channel=channel,
                        intent_level=intent,
                        purpose=purpose,
                        budget=budget,
                        wished_down_payment=down,
                        wished_monthly_payment=monthly,
                        expected_version=consultation_version,
                    )
                except ValidationError as exc:
                    _merge(errors, exc)
                if errors or local:
                    raise ValidationError(errors)  # the unit of work rolls everything back
                uow.commit()
            view = cs.get_consultation(db, actor, cid)
            return ReceptionData(view, customers.get_customer(db, actor, view.customer_id))

        return job

    def _saved(self, result: ReceptionData) -> None:
        self.consultation_id = result.consultation.id  # a new consultation now exists
        self._new = False
        self._loading = True
        try:
            self._show(result)
        finally:
            self._loading = False
        self.emit_consultation(result.consultation)
