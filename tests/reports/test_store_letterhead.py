"""The store profile on paper: licence number, logo, and the store's quote validity."""

from __future__ import annotations

import dataclasses
import io
from datetime import timedelta

import pytest
from PIL import Image
from pypdf import PdfReader

from lending.settings import DEFAULT_SETTINGS
from reports.pdf import render_disclosure, render_quote, samples
from tests.reports.test_customer_paper import pdf_text, squash


def _png(colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), colour).save(out, format="PNG")
    return out.getvalue()


def _with_store(**changes: object) -> samples.QuoteData:
    quote = samples.quote_data()
    return dataclasses.replace(quote, store=dataclasses.replace(quote.store, **changes))


def _images_on_first_page(pdf: bytes) -> int:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return len(page.images)


@pytest.mark.parametrize(("lang", "label"), [("zh_CN", "营业执照号"), ("en", "Businesslicence")])
def test_the_licence_number_is_printed_under_the_address(lang: str, label: str) -> None:
    quote = _with_store(licence_no="91310112MA1GBXYZ7Q")
    text = squash(pdf_text(render_quote(quote, lang)))
    assert f"{label}" in text and "91310112MA1GBXYZ7Q" in text
    assert "91310112" not in squash(pdf_text(render_quote(samples.quote_data(), lang)))


def test_the_logo_is_drawn_only_when_there_is_one() -> None:
    assert _images_on_first_page(render_quote(samples.quote_data(), "zh_CN")) == 0
    assert _images_on_first_page(render_quote(_with_store(logo=_png()), "zh_CN")) == 1
    data = samples.disclosure_data()
    data = dataclasses.replace(data, store=dataclasses.replace(data.store, logo=_png("blue")))
    assert _images_on_first_page(render_disclosure(data, "en")) == 1


def test_a_damaged_logo_is_left_out_and_the_document_still_prints() -> None:
    pdf = render_quote(_with_store(logo=b"\x89PNG\r\n\x1a\n not really a picture"), "en")
    assert _images_on_first_page(pdf) == 0
    assert "Ruifeng" in pdf_text(pdf)


def test_the_quote_is_valid_for_the_stores_number_of_days() -> None:
    quote = samples.quote_data()
    assert quote.valid_until == quote.issued_on + timedelta(days=7)
    longer = dataclasses.replace(DEFAULT_SETTINGS, quote_valid_days=14)
    again = samples.build_quote_data(
        list(quote.plans),
        store=quote.store,
        customer=quote.customer,
        consultant=quote.consultant,
        issued_on=quote.issued_on,
        settings=longer,
    )
    assert again.valid_until == quote.issued_on + timedelta(days=14)
