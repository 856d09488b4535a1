"""The finance page's bank card instalment lines, in both languages.

The owner's card instalments (Products and lenders) are shown under the car loans for
the amount financed and the term asked: the payment, the fee and the true APR as
lending computes it from the payments; a card that cannot carry the amount says why.
A screenshot of each language for people to look at.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from db.services import catalogue_admin
from desktop.context import AppContext
from desktop.pages.plan import PlanPage
from desktop.tasks import ImmediateRunner
from lending.deal import card_instalment_schedule
from lending.products import CardFee, CardInstalment
from tests.desktop.pages.conftest import complete_until, install_language, save_screenshot

D = Decimal
CARDS = (
    CardInstalment(
        "city_card",
        "City Bank card instalment",
        "城市银行信用卡分期",
        ("China Merchants Bank",),
        D(300000),
        (CardFee(12, D(4)), CardFee(24, D(8)), CardFee(36, D("10.5"))),
    ),
    CardInstalment(
        "small_card",
        "Small card instalment",
        "小额信用卡分期",
        ("China Merchants Bank",),
        D(20000),
        (CardFee(36, D(11)),),
    ),
)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch):
    monkeypatch.setenv("LOANDESK_LANG", request.param)
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


def test_the_card_instalments_with_their_true_apr(
    qtbot, language, open_page, database, owner, consultant, consultation, ctx
) -> None:
    for card in CARDS:
        catalogue_admin.save_product(database, owner, card)
    complete_until(database, consultant, consultation, "plan")
    context = AppContext(
        database=database,
        staff=consultant,
        runner=ImmediateRunner(),
        language=language,
        settings=ctx.settings,
    )
    page = open_page(PlanPage, consultation, context=context, size=(1024, 1000))
    page.term.setCurrentIndex(page.term.findData(36))
    qtbot.waitUntil(lambda: page.card_offers.isVisible())
    chinese = language == "zh_CN"
    bank = page.comparison.evaluation("bank_mortgage")
    assert bank is not None
    amount = bank.loan_amount  # the car's price (and financed lines) less the down payment
    s = card_instalment_schedule(amount, 36, D("10.5"), page._result.request.base.start_date)
    text = page.card_offers.text()
    city, small = (c.name_zh if chinese else c.name for c in CARDS)
    fee = f"{s.total_fees:,.2f}"
    if chinese:
        assert f"{city}：36 期" in text and f"手续费 {fee} 元，真实年化利率 {s.apr:.2f}%" in text
        assert f"{small}：无法办理。金额 {amount:,.2f} 元超过信用卡分期额度 20,000.00 元。" in text
    else:
        assert f"{city}: 36 months" in text and f"fee {fee} CNY, true APR {s.apr:.2f}%" in text
        assert (
            f"{small}: not possible. The amount {amount:,.2f} CNY is above the card's "
            "limit of 20,000.00 CNY." in text
        )
    save_screenshot(page, language, "4_plan_card_instalments")
