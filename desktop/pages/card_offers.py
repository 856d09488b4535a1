"""The finance page's bank card instalment (信用卡分期) box.

Below the comparison of car loans: every active card instalment product of the
catalogue for the amount financed and the term asked (``PlanEvaluation.cards``,
:func:`lending.deal.card_offer`): the monthly payment, the flat fee and the true
APR of the customer's cash flows (the schedule's, fees included), or why the
card cannot carry it (above its limit, a term it does not offer).  A card
instalment is paid off the customer's credit card: it is shown for comparison,
the plan itself is made with a car loan.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from desktop.pages.texts import cny, pct, tr_reason
from lending.deal import CardOffer


class CardOffersLabel(QLabel):
    """One line per card instalment product; hidden when the store has none."""

    def __init__(self, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chinese = chinese
        self.setObjectName("cardOffers")
        self.setWordWrap(True)
        self.offers: tuple[CardOffer, ...] = ()
        self.hide()

    def show_offers(self, offers: Sequence[CardOffer]) -> None:
        self.offers = tuple(offers)
        self.setVisible(bool(offers))
        lines = [
            self.tr("Bank card instalment (paid off the customer's credit card, for comparison):")
        ]
        for offer in offers:
            p = offer.product
            name = (p.name_zh or p.name) if self.chinese else p.name
            s = offer.schedule
            if s is None:
                why = tr_reason(offer.reason) if offer.reason is not None else ""
                lines.append(self.tr("• {name}: not possible. {why}").format(name=name, why=why))
                continue
            lines.append(
                self.tr(
                    "• {name}: {months} months, {payment} CNY a month, fee {fee} CNY, "
                    "true APR {apr}"
                ).format(
                    name=name,
                    months=s.terms.months,
                    payment=cny(s.rows[0].payment),
                    fee=cny(s.total_fees),
                    apr=pct(offer.apr),
                )
            )
        self.setText("\n".join(lines))

    def clear(self) -> None:
        self.show_offers(())
