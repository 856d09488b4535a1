"""Step 5, signing checklist: documents, key clauses, checks, payout.

Every item of ``consultations.SIGNING_ITEMS`` is a check box.  Ticks are
saved as the staff go (that never signs); "Mark signed" is enabled only when
every item is ticked and is the only thing that signs (``save_signing(...,
sign=True)``: the service checks every item, signs and stamps the funnel).
After signing, disbursement and delivery are recorded here; the service
creates their follow-ups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import FunnelStage, SigningItemKind
from db.services import consultations as cs
from db.services.base import Permission, ValidationError
from desktop.context import AppContext
from desktop.documents import DocumentsButton
from desktop.pages.base import StepPage
from desktop.pages.decisions import DatedConfirmDialog, LenderDecisionDialog, UndoDialog
from desktop.pages.fields import BLOCK_BANNER, INFO_BANNER, Banner
from desktop.pages.texts import cny, product_names, tr_reason, validation_texts
from lending.money import rate2


@dataclass(frozen=True)
class SigningData:
    consultation: cs.ConsultationView
    signing: cs.SigningView
    plan: cs.PlanView | None
    names: dict[str, str]


class SigningPage(StepPage):
    step = "signing"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._data: SigningData | None = None
        self.boxes: dict[str, QCheckBox] = {}
        self._signing_now = False

        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)

        self.blocked = Banner(BLOCK_BANNER)
        lay.addWidget(self.blocked)
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        f = self.plan_summary.font()
        f.setBold(True)
        self.plan_summary.setFont(f)
        lay.addWidget(self.plan_summary)
        self.cooling_off = Banner(INFO_BANNER)
        lay.addWidget(self.cooling_off)

        labels = self.item_labels()
        groups = {
            SigningItemKind.DOCUMENT: QGroupBox(self.tr("Documents received")),
            SigningItemKind.CLAUSE: QGroupBox(self.tr("Key clauses the customer confirmed")),
            SigningItemKind.CHECK: QGroupBox(self.tr("Checks")),
        }
        group_layouts = {kind: QVBoxLayout(group) for kind, group in groups.items()}
        columns = QHBoxLayout()
        columns.addWidget(groups[SigningItemKind.DOCUMENT])
        lay.addLayout(columns)
        right = QVBoxLayout()
        right.addWidget(groups[SigningItemKind.CLAUSE])
        right.addWidget(groups[SigningItemKind.CHECK])
        columns.addLayout(right)
        for code, kind, label in cs.SIGNING_ITEMS:
            check = QCheckBox(labels.get(code, label))
            self.boxes[code] = check
            group_layouts[kind].addWidget(check)
            check.toggled.connect(self._ticked)
        for group_layout in group_layouts.values():
            group_layout.addStretch(1)
        lay.addWidget(self.error_label("general"))
        lay.addStretch(1)

        self.decision_box = QGroupBox(self.tr("The lender's decision"))
        dl = QHBoxLayout(self.decision_box)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        dl.addWidget(self.decision_label, 1)
        self.decision_button = QPushButton(self.tr("Record the decision…"))
        self.decision_button.setObjectName("recordDecision")
        dl.addWidget(self.decision_button)
        lay.addWidget(self.decision_box)

        self.after = QGroupBox(self.tr("After signing"))
        al = QVBoxLayout(self.after)
        self.after_text = QLabel()
        self.after_text.setWordWrap(True)
        al.addWidget(self.after_text)
        row = QHBoxLayout()
        self.disbursed_button = QPushButton(self.tr("Record disbursement"))
        self.delivered_button = QPushButton(self.tr("Record delivery"))
        row.addWidget(self.disbursed_button)
        row.addWidget(self.delivered_button)
        row.addStretch(1)
        self.undo_button = QPushButton(self.tr("Undo the last step…"))
        self.undo_button.setObjectName("undoStage")
        self.undo_button.setToolTip(self.tr("Manager: take back the last recorded step"))
        self.undo_button.setVisible(ctx.can(Permission.APPROVE_EXCEPTIONS))
        row.addWidget(self.undo_button)
        al.addLayout(row)
        lay.addWidget(self.after)

        bottom = QHBoxLayout()
        self.progress = QLabel()
        bottom.addWidget(self.progress, 1)
        self.sign_button = QPushButton(self.tr("Mark signed"))
        self.sign_button.setEnabled(False)
        self.sign_button.setDefault(True)
        self.documents_button = DocumentsButton(self)
        bottom.addWidget(self.documents_button)
        bottom.addWidget(self.sign_button)
        outer.addLayout(bottom)

        self.sign_button.clicked.connect(self.mark_signed)
        self.disbursed_button.clicked.connect(lambda: self._record(FunnelStage.DISBURSED))
        self.delivered_button.clicked.connect(lambda: self._record(FunnelStage.DELIVERED))
        self.undo_button.clicked.connect(self.undo_latest)
        self.decision_button.clicked.connect(self.record_decision)

    def title(self) -> str:
        return self.tr("Signing checklist")

    def item_labels(self) -> dict[str, str]:
        return {
            "doc.id_card": self.tr("ID card"),
            "doc.driving_licence": self.tr("Driving licence"),
            "doc.income_proof": self.tr("Income proof"),
            "doc.bank_statements": self.tr("Bank statements (6 months)"),
            "doc.residence_proof": self.tr("Residence proof"),
            "doc.work_proof": self.tr("Work proof"),
            "doc.registration_certificate": self.tr("Vehicle registration certificate"),
            "doc.insurance_policy": self.tr("Insurance policy"),
            "clause.amount_term": self.tr("Loan amount and term"),
            "clause.repayment_duty": self.tr("Repayment duty and due dates"),
            "clause.early_repayment": self.tr("Early repayment terms and fee"),
            "clause.vehicle_mortgage": self.tr("Vehicle mortgage to the lender"),
            "clause.insurance": self.tr("Insurance requirement"),
            "check.dual_recording": self.tr(
                "Audio and video recording of the signing done (dual recording)"
            ),
            "check.identity_verified": self.tr("Identity verified in person"),
            "check.anti_fraud": self.tr("Anti-fraud screen passed"),
            "check.contract_viewed": self.tr("Customer has read the full contract"),
            "check.dealer_account": self.tr(
                "Loan proceeds go to the dealer's account only (never a personal account)"
            ),
        }

    # -- state -------------------------------------------------------------------
    def all_ticked(self) -> bool:
        return all(box.isChecked() for box in self.boxes.values())

    @property
    def signed(self) -> bool:
        return bool(self._data and self._data.consultation.funnel.get(FunnelStage.SIGNED))

    def _ticked(self, *_: object) -> None:
        self._update_buttons()
        self.mark_dirty()

    def _update_buttons(self) -> None:
        done = sum(box.isChecked() for box in self.boxes.values())
        total = len(self.boxes)
        has_plan = bool(self._data and self._data.plan is not None)
        self.progress.setText(
            self.tr("{done} of {total} items done").format(done=done, total=total)
        )
        self.sign_button.setEnabled(has_plan and not self.signed and done == total)

    def _autosave_allowed(self) -> bool:
        # saving ticks never signs (the service signs only with sign=True)
        return True

    # -- loading -----------------------------------------------------------------
    def _fetch(self, consultation_id: int) -> SigningData:
        db, actor = self.ctx.database, self.ctx.staff
        plans = cs.list_plans(db, actor, consultation_id)
        return SigningData(
            cs.get_consultation(db, actor, consultation_id),
            cs.get_signing(db, actor, consultation_id),
            next((p for p in plans if p.chosen), None),
            product_names(self.ctx),
        )

    def _clear(self) -> None:
        self._data = None
        self.plan_summary.setText("")
        self.blocked.set_lines([])
        self.after.setVisible(False)
        self.progress.setText("")

    def _show(self, data: SigningData) -> None:
        self._data = data
        done = {i.code: i.done for i in data.signing.items}
        for code, box in self.boxes.items():
            box.setChecked(done.get(code, False))
            box.setEnabled(data.plan is not None and not self.signed)
        self.blocked.set_lines(tr_reason(r) for r in data.signing.blocked)
        p = data.plan
        if p is None:
            self.plan_summary.setText("")
        else:
            self.plan_summary.setText(
                self.tr(
                    "Plan to sign: {product}, loan {amount} CNY over {term} months, monthly "
                    "payment {monthly} CNY, true APR {apr}%."
                ).format(
                    product=data.names.get(p.product_code, p.product_name),
                    amount=cny(p.amount),
                    term=p.term_months,
                    monthly=cny(p.first_payment),
                    apr=rate2(p.apr) if p.apr is not None else "–",
                )
            )
        s = self.ctx.settings
        self.cooling_off.set_lines(
            [
                self.tr(
                    "Tell the customer: they may withdraw within the cooling-off period of "
                    "{hours} hours ({days} days for some complex products), and how to complain."
                ).format(hours=s.cooling_off_hours, days=s.cooling_off_complex_product_days)
            ]
        )
        self.decision_label.setText(self.decision_text())
        self.decision_box.setVisible(data.plan is not None)
        self.decision_button.setEnabled(not self.signed)
        self._show_after()
        self._update_buttons()

    def _show_after(self) -> None:
        c = self._data.consultation if self._data else None
        signed_at = c.funnel.get(FunnelStage.SIGNED) if c else None
        self.after.setVisible(signed_at is not None)
        if c is None or signed_at is None:
            return
        s = self.ctx.settings
        lines = [
            self.tr("Signed on {when}.").format(
                when=signed_at.astimezone().strftime("%Y-%m-%d %H:%M")
            ),
            self.tr(
                "Next: second review, disbursement after the down payment arrives, title "
                "transfer and mortgage registration, then delivery."
            ),
        ]
        disbursed = c.funnel.get(FunnelStage.DISBURSED)
        delivered = c.funnel.get(FunnelStage.DELIVERED)
        if disbursed is not None:
            due = (disbursed + timedelta(days=s.follow_up_after_disbursement_days)).astimezone()
            lines.append(
                self.tr("Disbursed. Revisit follow-up due {due}.").format(
                    due=due.strftime("%Y-%m-%d")
                )
            )
        if delivered is not None:
            due = (delivered + timedelta(days=s.follow_up_after_delivery_days)).astimezone()
            lines.append(
                self.tr("Delivered. Follow-up call due {due}.").format(due=due.strftime("%Y-%m-%d"))
            )
        self.after_text.setText("\n".join(lines))
        self.disbursed_button.setEnabled(disbursed is None)
        self.delivered_button.setEnabled(delivered is None)

    # -- saving ------------------------------------------------------------------
    def _validate_locally(self) -> dict[str, str]:
        if self._data is not None and self._data.plan is None:
            return {"general": self.tr("Choose the plan the customer signs first.")}
        return {}

    def _save_job(self) -> Any:
        if self.signed:
            return None
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        assert cid is not None
        checked = {code: box.isChecked() for code, box in self.boxes.items()}
        sign = self._signing_now
        version = self.expected_version()

        def job() -> SigningData:
            cs.save_signing(db, actor, cid, checked, sign=sign, expected_version=version)
            return self._fetch(cid)

        return job

    def _saved(self, result: SigningData) -> None:
        self._loading = True
        try:
            self._show(result)
        finally:
            self._loading = False
        self.emit_consultation(result.consultation)

    def mark_signed(self) -> bool:
        """Ask (with the day of signing), then save the checklist and sign (``sign=True``)."""
        if not self.all_ticked() or self.consultation_id is None or self._data is None:
            return False
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        checked = {code: box.isChecked() for code, box in self.boxes.items()}
        p = self._data.plan
        dialog = DatedConfirmDialog(
            self.tr("Mark the contract signed"),
            self.tr(
                "The customer signed the contract for {plan}. Every checklist item is ticked; "
                "this completes the signing step and cannot be undone by you (a manager can)."
            ).format(plan=self.plan_summary.text() if p is not None else ""),
            self.tr("Mark signed"),
            self,
        )

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            day = dialog.day

            def build(version: int | None) -> Callable[[], SigningData]:
                def job() -> SigningData:
                    cs.save_signing(
                        db,
                        actor,
                        cid,
                        checked,
                        sign=True,
                        signed_on=day,
                        expected_version=version,
                    )
                    return self._fetch(cid)

                return job

            self.write(build, self._after_write(done), failed)

        dialog.run_with(submit)
        accepted = bool(dialog.exec())
        self.focus_first_field()
        return accepted

    def _after_write(self, done: Callable[[SigningData], None]) -> Callable[[SigningData], None]:
        """A dialog's write came back: show what it wrote (nothing left to save), then ``done``."""

        def written(result: SigningData) -> None:
            self._saved(result)
            self._set_dirty(False)
            done(result)

        return written

    def _record(self, stage: FunnelStage) -> None:
        """Disbursement or delivery: ask, with the day it happened, then record it."""
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        if cid is None:
            return
        texts = {
            FunnelStage.DISBURSED: (
                self.tr("Record the disbursement"),
                self.tr("The lender paid the loan to the dealer's account."),
                self.tr("Record disbursement"),
            ),
            FunnelStage.DELIVERED: (
                self.tr("Record the delivery"),
                self.tr("The customer took the car. This closes the consultation."),
                self.tr("Record delivery"),
            ),
        }
        title, intro, ok = texts[stage]
        dialog = DatedConfirmDialog(title, intro, ok, self)

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            day = dialog.day

            def build(version: int | None) -> Callable[[], SigningData]:
                def job() -> SigningData:
                    cs.mark_stage(db, actor, cid, stage, on=day, expected_version=version)
                    return self._fetch(cid)

                return job

            self.write(build, self._after_write(done), failed)

        dialog.run_with(submit)
        dialog.exec()

    def undo_latest(self) -> None:
        """A manager takes back the latest of signed / disbursed / delivered (audited)."""
        stage = self._latest_stage()
        if stage is None or not self.ctx.can(Permission.APPROVE_EXCEPTIONS):
            return
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        dialog = UndoDialog(self._stage_names()[stage], self)

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            why = dialog.why.text()

            def build(version: int | None) -> Callable[[], SigningData]:
                def job() -> SigningData:
                    assert cid is not None
                    cs.undo_stage(db, actor, cid, stage, why, expected_version=version)
                    return self._fetch(cid)

                return job

            self.write(build, self._after_write(done), failed)

        dialog.run_with(submit)
        dialog.exec()

    def record_decision(self) -> None:
        """What the lender answered to the application (before signing)."""
        db, actor, cid = self.ctx.database, self.ctx.staff, self.consultation_id
        if cid is None:
            return
        dialog = LenderDecisionDialog(self)

        def submit(done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
            values = dialog.values()

            def build(version: int | None) -> Callable[[], SigningData]:
                def job() -> SigningData:
                    cs.record_lender_decision(db, actor, cid, expected_version=version, **values)
                    return self._fetch(cid)

                return job

            self.write(build, self._after_write(done), failed)

        dialog.run_with(submit)
        dialog.exec()

    def _stage_names(self) -> dict[FunnelStage, str]:
        return {
            FunnelStage.SIGNED: self.tr("Signed"),
            FunnelStage.DISBURSED: self.tr("Disbursed"),
            FunnelStage.DELIVERED: self.tr("Delivered"),
        }

    def _latest_stage(self) -> FunnelStage | None:
        c = self._data.consultation if self._data else None
        if c is None:
            return None
        for stage in (FunnelStage.DELIVERED, FunnelStage.DISBURSED, FunnelStage.SIGNED):
            if c.funnel.get(stage) is not None:
                return stage
        return None

    def decision_text(self) -> str:
        """The lender's decision in a sentence (empty while none is recorded)."""
        c = self._data.consultation if self._data else None
        d = c.lender_decision if c else None
        if d is None:
            return self.tr("No decision recorded yet.")
        when, who = d.on.isoformat(), d.by
        if d.outcome is cs.DecisionOutcome.APPROVED:
            extra = []
            if d.approved_amount is not None:
                extra.append(self.tr("amount {amount} CNY").format(amount=cny(d.approved_amount)))
            if d.approved_rate is not None:
                extra.append(
                    self.tr("rate {rate}% a year").format(rate=d.approved_rate.normalize())
                )
            text = self.tr("Approved on {date} (recorded by {who}).").format(date=when, who=who)
            if extra:
                text += " " + self.tr("The lender changed: {what}.").format(what=", ".join(extra))
        elif d.outcome is cs.DecisionOutcome.DECLINED:
            why = tr_reason(cs.decline_reason_label(d.reason_code)) if d.reason_code else ""
            text = self.tr("Declined on {date}: {why} (recorded by {who}).").format(
                date=when, why=why, who=who
            )
        else:
            text = self.tr(
                "The customer withdrew the application on {date} (recorded by {who})."
            ).format(date=when, who=who)
        if d.note:
            text += "\n" + d.note
        return text

    def _record_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error_label("general").show_text("\n".join(validation_texts(exc).values()))
            return
        raise exc
