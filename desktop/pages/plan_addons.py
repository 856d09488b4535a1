"""The finance page's Add-ons tab: the store's add-on catalogue for this deal.

One row per active add-on of the owner's catalogue (Tools > Add-ons…,
``db.services.addons_admin``): its name in the screen's language, its kind,
its price (worked out by ``lending.addons.price_for`` from the rule - a fixed
amount, a share of the car's price, the store's on-road line - or typed at
the counter when the rule is "quoted"), the lenders that require it, and
whether it is in the loan.

* An add-on the chosen product's lender requires (the product's first active
  lender, the one a saved plan takes) is ticked and cannot be unticked; the
  row says which lender requires it.  Insurance is priced per year: the
  comparison's total cost counts a required cover for every year of the term
  (``lending.cost``), as for a product that requires full insurance.
* Every other add-on is optional (DOMAIN.md: no forced bundling).
* "Finance with the loan" is offered only when the product finances add-ons
  and the add-on may be financed; otherwise the row says why it is paid apart.

The tab only shows and reads; the page prices and saves
(``consultations.evaluate_plan`` / ``save_plan``, which check the same rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.services import consultations as cs
from desktop import style
from desktop.addon_labels import kind_label
from desktop.pages.fields import FieldError
from desktop.pages.texts import cny
from lending.addons import AddOn, AddOnKind, PriceRule, price_for
from lending.cost import car_cost
from lending.money import ZERO, MoneyError, money, parse_money
from lending.products import Product
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, OnRoadSettings

INSURANCE_KINDS = (AddOnKind.COMPULSORY_INSURANCE, AddOnKind.COMMERCIAL_INSURANCE)


@dataclass(frozen=True)
class Priced:
    """One ticked add-on as the plan keeps it."""

    line: cs.AddOnInput
    financed: bool


class AddOnRow:
    """One add-on of the catalogue: tick (its name), kind, price, financed, and a note
    (who requires it, why it is not financed); its error under it."""

    def __init__(self, add_on: AddOn, chinese: bool) -> None:
        self.add_on = add_on
        self.code = add_on.code
        self.tick = QCheckBox(add_on.name_zh if chinese else add_on.name)
        self.tick.setObjectName(f"addon_{add_on.code}")
        self.kind = QLabel(kind_label(add_on.kind.value))
        self.price = QLineEdit()
        self.price.setMaximumWidth(150)
        self.financed = QCheckBox()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(style.text(style.MUTED))  # a hint beside the row
        self.error = FieldError()
        self.error.watch(self.price)
        self.required = False
        """The chosen product's lender requires it (ticked, cannot be unticked)."""
        self.required_by = ""
        self.forced = False
        """Ticked because it was required (unticked again when no longer required)."""
        self.finance_why = ""
        """Why it cannot be financed with the chosen product ('' : it can)."""
        self.tick.toggled.connect(self._keep_required)

    def _keep_required(self, checked: bool) -> None:
        if self.required and not checked:  # however it was unticked, it stays
            self.tick.setChecked(True)

    @property
    def quoted(self) -> bool:
        return self.add_on.rule is PriceRule.QUOTED

    @property
    def on_road(self) -> bool:
        """Priced as the deal's on-road line of the same name (compulsory insurance,
        GPS): charged there, so never ticked here (it would be charged twice)."""
        return self.add_on.rule is PriceRule.ON_ROAD

    @property
    def per_year(self) -> bool:
        return self.add_on.kind in INSURANCE_KINDS


class AddOnsTab(QWidget):
    """The Add-ons tab; ``changed`` when a tick, a price or a financed box changes."""

    changed = Signal()

    def __init__(self, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chinese = chinese
        self.rows: list[AddOnRow] = []
        self._catalogue: tuple[AddOn, ...] | None = None
        self._lenders: Mapping[str, str] = {}
        self._vehicle_price: Decimal | None = None
        self._seats: int | None = None
        self._on_road: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS
        self._product: Product | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The store's add-ons, each with its own price. The customer may say no to any "
                "of them, except one the lender requires for this loan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid_widget)
        self.empty = QLabel(
            self.tr("The store has no active add-ons (the owner adds them under Tools, Add-ons…).")
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.insurance_note = QLabel()
        self.insurance_note.setWordWrap(True)
        layout.addWidget(self.insurance_note)
        self.total = QLabel()
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        layout.addStretch(1)

    # -- the catalogue -------------------------------------------------------------------
    def set_catalogue(self, add_ons: Sequence[AddOn], lenders: Mapping[str, str]) -> None:
        """The store's active add-ons (rows rebuilt only when the catalogue changed);
        ``lenders``: English name -> the name in the screen's language."""
        self._lenders = dict(lenders)
        if self._catalogue == tuple(add_ons):
            return
        self._catalogue = tuple(add_ons)
        for row in self.rows:
            for w in (row.tick, row.kind, row.price, row.financed, row.note, row.error):
                w.setParent(None)
                w.deleteLater()
        self.rows = [AddOnRow(a, self.chinese) for a in add_ons]
        headers = (
            self.tr("Add-on"),
            self.tr("Kind"),
            self.tr("Price (CNY)"),
            self.tr("Financed"),
            self.tr("Notes"),
        )
        if self.grid.count() == 0:
            for col, text in enumerate(headers):
                label = QLabel(f"<b>{text}</b>")
                self.grid.addWidget(label, 0, col)
        for i, row in enumerate(self.rows):
            r = 1 + 2 * i
            row.financed.setText(self.tr("Finance with the loan"))
            self.grid.addWidget(row.tick, r, 0)
            self.grid.addWidget(row.kind, r, 1)
            self.grid.addWidget(row.price, r, 2)
            self.grid.addWidget(row.financed, r, 3)
            self.grid.addWidget(row.note, r, 4)
            self.grid.addWidget(row.error, r + 1, 0, 1, 5)
            row.tick.toggled.connect(self._edited)
            row.financed.toggled.connect(self._edited)
            row.price.textEdited.connect(self._edited)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(4, 3)
        self.empty.setVisible(not self.rows)
        self.grid_widget.setVisible(bool(self.rows))
        self._show_prices()
        self._show_product()

    def row(self, code: str) -> AddOnRow:
        return next(r for r in self.rows if r.code == code)

    def errors(self) -> dict[str, FieldError]:
        """The page's error keys of the rows: ``addon_<code>``."""
        return {f"addon_{r.code}": r.error for r in self.rows}

    def lender_label(self, name: str) -> str:
        return self._lenders.get(name) or name

    # -- the deal ------------------------------------------------------------------------
    def set_vehicle(
        self, price: Decimal | None, seats: int | None, on_road: OnRoadSettings
    ) -> None:
        """The car's price and seats: the prices worked out by the rules follow them."""
        if (price, seats, on_road) == (self._vehicle_price, self._seats, self._on_road):
            return
        self._vehicle_price, self._seats, self._on_road = price, seats, on_road
        self._show_prices()

    def _rule_price(self, row: AddOnRow) -> Decimal | None:
        if row.quoted:
            return None
        return price_for(
            row.add_on,
            vehicle_price=self._vehicle_price or ZERO,
            seats=self._seats,
            on_road=self._on_road,
        )

    def _show_prices(self) -> None:
        for row in self.rows:
            price = self._rule_price(row)
            row.price.setReadOnly(not row.quoted)
            if row.quoted:
                row.price.setPlaceholderText(self.tr("Quoted price"))
                row.price.setToolTip(self.tr("Quoted at the counter: type the price."))
            else:
                row.price.setText(cny(price) if price is not None else "")
                row.price.setToolTip(self._rule_text(row.add_on))
        self._show_total()

    def _rule_text(self, a: AddOn) -> str:
        if a.rule is PriceRule.PERCENT_OF_PRICE:
            return self.tr("{percent}% of the car's price").format(
                percent=(a.amount or ZERO).normalize()
            )
        if a.rule is PriceRule.ON_ROAD:
            return self.tr("As in the store's on-road costs")
        return self.tr("Fixed price")

    def set_product(self, product: Product | None) -> None:
        """The chosen product: what its lender requires, whether it finances add-ons."""
        self._product = product
        self._show_product()

    def _show_product(self) -> None:
        product = self._product
        lender = product.plan_lender if product is not None else ""
        allows = product is not None and product.finance_add_ons
        for row in self.rows:
            wanted = bool(lender) and row.add_on.required_for(lender)
            row.required = wanted and not row.on_road  # an on-road line is in the deal
            row.required_by = lender if wanted else ""
            if row.required != row.tick.isChecked() and (row.required or row.forced):
                row.forced = row.required
                row.tick.blockSignals(True)
                row.tick.setChecked(row.required)
                row.tick.blockSignals(False)
            elif not row.required:
                row.forced = False
            self._lock(row)
            if not allows:
                row.finance_why = self.tr(
                    "This product does not finance add-ons: paid apart from the loan."
                )
            elif not row.add_on.financeable:
                row.finance_why = self.tr(
                    "This add-on may not be financed: paid apart from the loan."
                )
            else:
                row.finance_why = ""
            row.financed.setEnabled(not row.finance_why and not row.on_road)
            row.tick.setEnabled(not row.on_road)
            row.financed.setToolTip(row.finance_why)
            row.note.setText(self._note(row))
        if product is not None and product.requires_full_insurance:
            self.insurance_note.setText(
                self.tr(
                    "This lender requires full vehicle insurance with the lender as first "
                    "beneficiary. The customer chooses the insurer; the price is theirs to "
                    "compare."
                )
            )
        else:
            self.insurance_note.setText("")
        self._show_total()

    @staticmethod
    def _lock(row: AddOnRow) -> None:
        """A required add-on's tick stays as it is (it reads as ticked, not as greyed
        out); its name in bold."""
        row.tick.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, row.required)
        row.tick.setFocusPolicy(
            Qt.FocusPolicy.NoFocus if row.required else Qt.FocusPolicy.StrongFocus
        )
        font = row.tick.font()
        font.setBold(row.required)
        row.tick.setFont(font)

    def _note(self, row: AddOnRow) -> str:
        parts: list[str] = []
        if row.on_road:
            if row.required_by:
                parts.append(
                    self.tr("Required by {lenders}.").format(
                        lenders=self.lender_label(row.required_by)
                    )
                )
            parts.append(
                self.tr("A line of the on-road costs above: charged there, not again here.")
            )
        elif row.required:
            parts.append(
                self.tr("Required by {lender} for this loan: it stays in the plan.").format(
                    lender=self.lender_label(row.required_by)
                )
            )
        elif row.add_on.required_by:
            parts.append(
                self.tr("Required by {lenders}.").format(
                    lenders=self.tr(", ").join(self.lender_label(n) for n in row.add_on.required_by)
                )
            )
        else:
            parts.append(self.tr("Optional."))
        if row.add_on.rule is PriceRule.PERCENT_OF_PRICE:
            parts.append(self._rule_text(row.add_on) + self.tr("."))
        if row.finance_why and not row.on_road:
            parts.append(row.finance_why)
        return ("" if self.chinese else " ").join(parts)  # Chinese sentences: no space

    # -- reading and showing ---------------------------------------------------------
    def reset(self) -> None:
        """Nothing ticked (a new consultation): only what the lender requires."""
        for row in self.rows:
            for box in (row.tick, row.financed):
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            row.forced = False
            if row.quoted:
                row.price.clear()
            row.error.show_text("")
        self._show_prices()
        self._show_product()

    def show_saved(self, add_ons: Iterable[cs.AddOnView], financed: Sequence[str]) -> None:
        """A saved plan's add-ons ticked (matched by code; a line saved before the
        catalogue by its name), its quoted prices, what it financed."""
        self.reset()
        for saved in add_ons:
            row = next((r for r in self.rows if saved.code and r.code == saved.code), None) or next(
                (
                    r
                    for r in self.rows
                    if not saved.code and saved.name in (r.add_on.name, r.add_on.name_zh)
                ),
                None,
            )
            if row is None or row.on_road:
                continue
            row.forced = False  # the plan had it: it stays when the lender changes
            for box, value in ((row.tick, True), (row.financed, saved.key in financed)):
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)
            if row.quoted:
                row.price.setText(cny(saved.price))
        self.check()

    def _edited(self, *_: object) -> None:
        self.changed.emit()

    def check(self) -> tuple[list[Priced], dict[str, str]]:
        """The ticked add-ons with their prices, and the problems by error key."""
        out: list[Priced] = []
        errors: dict[str, str] = {}
        for row in self.rows:
            key = f"addon_{row.code}"
            if not row.tick.isChecked():
                row.error.show_text("")
                continue
            price = self._rule_price(row)
            problem = ""
            if row.quoted:
                text = row.price.text().strip()
                if not text:
                    problem = self.tr("Enter the price of this line.")
                else:
                    try:
                        price = parse_money(text)
                        if price < 0:
                            problem = self.tr("The price cannot be negative.")
                    except MoneyError:
                        problem = self.tr("Enter an amount in yuan, e.g. 3,500.")
            row.error.show_text(problem)
            if problem or price is None:
                errors[key] = problem
                continue
            a = row.add_on
            out.append(
                Priced(
                    cs.AddOnInput(
                        a.plan_kind,
                        a.name,
                        money(price),
                        row.required or self._insurance_required(row),
                        code=a.code,
                        name_zh=a.name_zh,
                    ),
                    row.financed.isChecked() and row.financed.isEnabled(),
                )
            )
        self._show_total(out)
        return out, errors

    def _insurance_required(self, row: AddOnRow) -> bool:
        """Commercial insurance for a product that requires full insurance is the
        lender's requirement (the customer chooses which cover and insurer)."""
        return bool(
            self._product is not None
            and self._product.requires_full_insurance
            and row.add_on.kind is AddOnKind.COMMERCIAL_INSURANCE
        )

    def _show_total(self, lines: Sequence[Priced] | None = None) -> None:
        if lines is None:
            lines = []
            for row in self.rows:  # (a quoted price as typed; one not readable yet: none)
                price = self._typed_or_rule(row)
                if row.tick.isChecked() and price is not None:
                    lines.append(
                        Priced(
                            cs.AddOnInput("", "", price),
                            row.financed.isChecked() and row.financed.isEnabled(),
                        )
                    )
        total = money(sum((Decimal(p.line.price or 0) for p in lines), ZERO))
        financed = money(sum((Decimal(p.line.price or 0) for p in lines if p.financed), ZERO))
        self.total.setText(
            self.tr(
                "Add-ons total: {total} CNY, of which {financed} CNY in the loan (the rest is "
                "paid apart)."
            ).format(total=cny(total), financed=cny(financed))
        )

    def financed_keys(self) -> tuple[str, ...]:
        """The codes of the ticked add-ons the customer wants in the loan."""
        return tuple(
            r.code
            for r in self.rows
            if r.tick.isChecked() and r.financed.isChecked() and r.financed.isEnabled()
        )

    def required_insurance_per_year(self, product: Product) -> Decimal:
        """The insurance ``product``'s lender requires, a year: the add-ons its lender
        requires, and (a product that requires full insurance) the ticked commercial
        cover."""
        lender = product.plan_lender
        per_year = ZERO
        for row in self.rows:
            if not row.per_year or row.on_road:  # (an on-road line is in the deal's cost)
                continue
            required = bool(lender) and row.add_on.required_for(lender)
            # the customer's own pick (not one ticked for the chosen product's lender)
            full_cover = (
                row.add_on.kind is AddOnKind.COMMERCIAL_INSURANCE
                and row.tick.isChecked()
                and not row.forced
                and product.requires_full_insurance
            )
            if not (required or full_cover):
                continue
            price = self._typed_or_rule(row)
            per_year += price if price is not None else ZERO
        return money(per_year)

    def _typed_or_rule(self, row: AddOnRow) -> Decimal | None:
        if not row.quoted:
            return self._rule_price(row)
        try:
            return parse_money(row.price.text().strip())
        except MoneyError:
            return None

    def term_insurance(self, product: Product, term_months: int) -> Decimal:
        """The required insurance for the whole term (``lending.cost.car_cost``)."""
        per_year = self.required_insurance_per_year(product)
        if not per_year:
            return ZERO
        return car_cost(ZERO, ZERO, term_months, per_year).required_insurance
