"""The appraisal page's result: the value, its adjustments, overrides and checks shown.

:class:`AppraisalFigures` is the base of :class:`desktop.pages.appraisal.AppraisalPage`:
from the last ``lending.appraisal`` result it lists every adjustment with its reason
and amount, the final value, an override's change and whether a manager must approve
it (or did), the figures to confirm, the exclusions and the odometer flags.  The page
builds the widgets (declared below for the type checker), reads the form and saves.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
)

from db.services import consultations as cs
from desktop.labels import vocabulary
from desktop.pages.base import StepPage
from desktop.pages.decisions import change_text
from desktop.pages.fields import (
    BLOCK_BANNER,
    ERROR_STYLE,
    WARN_BANNER,
    Banner,
    Hint,
)
from desktop.pages.models import MaintenanceModel
from desktop.pages.texts import cny, local_when, tr_reason
from lending import appraisal as la

MILEAGE_FOR_AGE = ("odometer.too_high_for_age", "odometer.too_low_for_age")
"""Odometer flags shown next to the mileage (the others go to the flags box)."""
TO_CONFIRM = "sanity."
"""Lending's sanity flags the appraiser confirms before saving (the VIN one is a warning)."""
ADJUSTMENTS = ("age", "mileage", "condition")


class AppraisalFigures(StepPage):
    """What the appraisal page shows of its result (the widgets are the page's own)."""

    if TYPE_CHECKING:  # built by AppraisalPage.__init__
        result: la.Appraisal | None
        _stored: cs.AppraisalView | None
        _confirm_key: tuple[Any, ...]
        _lines: dict[str, tuple[QLabel, QLabel]]
        _percents: dict[str, QLabel]
        approval: Banner
        approve_button: QPushButton
        confirm_figures: QCheckBox
        exclusions: Banner
        final_value: QLabel
        flags: Banner
        override_change: Hint
        records: MaintenanceModel
        registration: QComboBox
        sanity: Banner

        @property
        def value(self) -> Decimal | None: ...

    def _to_confirm(self) -> list[Any]:
        r = self.result
        return [x for x in r.sanity_flags if x.code.startswith(TO_CONFIRM)] if r else []

    def _show_result(self) -> None:
        r = self.result
        if r is None:
            for key, (name, value) in self._lines.items():
                value.setText("–")
                if key != "computed":
                    name.setText(self._row_name(key))
            for key, label in self._percents.items():
                label.clear()
                for w in (label, *self._lines[key]):
                    w.setVisible(True)
            self.final_value.setText(
                self.tr(
                    "Enter first registration, mileage, condition and the reference price "
                    "to see the value."
                )
            )
            for banner in (self.exclusions, self.flags, self.sanity, self.approval):
                banner.set_lines([])
            self.confirm_figures.hide()
            self.approve_button.hide()
            self.override_change.clear()
            self.records.set_flags([])
            return

        # the reference and every adjustment exactly as lending lists them (code, reason,
        # signed amount): the same lines `python main.py appraise` prints
        self._lines["reference"][0].setText(
            self.tr("Reference price ({kind})").format(
                kind=vocabulary("reference", r.reference.value)
            )
        )
        self._lines["reference"][1].setText(cny(r.reference_price))
        steps = {"age": r.age, "mileage": r.mileage, "condition": r.condition_adjustment}
        listed = {line.code: line for line in r.adjustments}
        for key in ADJUSTMENTS:
            name, value = self._lines[key]
            line = listed.get(key)
            for w in (name, value, self._percents[key]):
                w.setVisible(line is not None)
            if line is None:
                continue
            name.setText(tr_reason(line.reason))
            # a reduction shows "−", low mileage or excellent condition add value: "+"
            sign = "+" if line.amount > 0 else "−" if line.amount < 0 else ""
            self._percents[key].setText(f"{sign}{abs(steps[key].percent)}%")
            value.setText(f"{sign}{cny(abs(line.amount))}")
        self._lines["computed"][1].setText(cny(r.computed_value))

        self._show_override(r)
        blocks = [tr_reason(x) for x in r.exclusion_reasons]
        if self.registration.currentData() is False:
            blocks.append(
                self.tr(
                    "The registration certificate does not match the car: it cannot be "
                    "financed until this is cleared up."
                )
            )
        self.exclusions.set_lines(blocks)
        self.flags.set_lines(
            tr_reason(x)
            for x in (*r.odometer_flags, *r.limit_reasons)
            if x.code not in MILEAGE_FOR_AGE  # shown next to the mileage
        )
        self.records.set_flags(r.odometer_flags)
        confirm = self._to_confirm()
        confirm_key = tuple((x.code, x.params) for x in confirm)
        if confirm_key != self._confirm_key:  # other figures to confirm: confirm them again
            self._confirm_key = confirm_key
            self.confirm_figures.setChecked(False)
        self.sanity.set_lines(tr_reason(x) for x in confirm)
        self.confirm_figures.setVisible(bool(confirm))

    def _row_name(self, key: str) -> str:
        return {
            "reference": self.tr("Reference price"),
            "age": self.tr("Age"),
            "mileage": self.tr("Mileage"),
            "condition": self.tr("Condition"),
        }.get(key, "")

    def _decision(self, r: la.Appraisal) -> cs.OverrideStatus | None:
        """The manager's decision saved for exactly this override and computed value."""
        s = self._stored
        if s is None or s.override_value != r.value or s.computed_value != r.computed_value:
            return None
        return s.override_status

    def _show_override(self, r: la.Appraisal) -> None:
        self.override_change.setText(
            self.tr("{change} from the computed value").format(
                change=change_text(r.override_percent)
            )
            if r.overridden
            else ""
        )
        self.override_change.setStyleSheet(ERROR_STYLE if r.needs_manager_approval else "")
        decision = self._decision(r) if r.needs_manager_approval else None
        s = self._stored
        who = when = ""
        if s is not None and decision in (cs.OverrideStatus.APPROVED, cs.OverrideStatus.REFUSED):
            who = s.override_decided_by
            when = (
                local_when(s.override_decided_at, self.ctx.language)
                if s.override_decided_at
                else ""
            )
        if not r.needs_manager_approval:
            self.approval.set_lines([])
            self.approve_button.hide()
        elif decision is cs.OverrideStatus.APPROVED:
            self.approval.set_lines(
                [self.tr("Approved by {manager} on {when}.").format(manager=who, when=when)],
                style=WARN_BANNER,
            )
            self.approve_button.hide()
        elif decision is cs.OverrideStatus.REFUSED:
            self.approval.set_lines(
                [
                    self.tr(
                        "Refused by {manager} on {when}: {note} The computed value is used."
                    ).format(
                        manager=who, when=when, note=s.override_decision_note or "" if s else ""
                    )
                ],
                style=BLOCK_BANNER,
            )
            self.approve_button.hide()
        else:
            self.approval.set_lines(
                [
                    self.tr(
                        "More than {limit}% from the computed value: a manager must approve it. "
                        "Until "
                        "then the computed value is used and no finance plan can be chosen."
                    ).format(limit=f"{self.ctx.settings.override_approval_percent.normalize():f}")
                ],
                style=BLOCK_BANNER,
            )
            self.approve_button.show()
        used = self.value
        if not r.overridden:
            text = self.tr("Value used for lending: {value}").format(value=cny(used))
        elif used == r.value:
            text = self.tr("Value used for lending: {value} (override; computed {computed})")
            text = text.format(value=cny(r.value), computed=cny(r.computed_value))
        else:
            text = self.tr(
                "Value used for lending: {value} (the computed value; the override {override} "
                "is not approved)"
            ).format(value=cny(used), override=cny(r.value))
        self.final_value.setText(text)
