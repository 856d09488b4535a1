"""A step page that cannot be built is an error the staff see, never a page that 'saves'."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

from db.models.enums import Step
from desktop import steps
from desktop.context import AppContext
from desktop.pages.qualification import QualificationPage
from lending.settings import DEFAULT_SETTINGS


def test_a_page_that_fails_to_build_is_shown_as_an_error(
    qtbot, database, owner, runner, monkeypatch, caplog
) -> None:
    def broken(self, ctx, parent=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(QualificationPage, "__init__", broken)
    ctx = AppContext(database, owner, runner, "en", DEFAULT_SETTINGS, "Hengtong", "Wang Li")
    with caplog.at_level(logging.ERROR, logger="desktop.steps"):
        flow = steps.FlowView(ctx)
    qtbot.addWidget(flow)
    page = flow.page_for[Step.QUALIFICATION]
    assert isinstance(page, steps.BrokenPage)
    assert page.save() is False
    text = page.findChild(QLabel, "brokenPage").text()
    assert "could not be opened" in text and "RuntimeError" in text
    assert any("qualification page could not be built" in r.message for r in caplog.records)
    # the other steps are real pages
    assert not isinstance(flow.page_for[Step.RECEPTION], steps.BrokenPage)


def test_a_broken_pages_module_shows_every_step_as_an_error(
    qtbot, database, owner, runner, monkeypatch
) -> None:
    def no_pages():
        raise ImportError("cannot import name 'PAGES'")

    monkeypatch.setattr(steps, "load_page_classes", no_pages)
    ctx = AppContext(database, owner, runner, "en", DEFAULT_SETTINGS, "Hengtong", "Wang Li")
    flow = steps.FlowView(ctx)
    qtbot.addWidget(flow)
    assert all(isinstance(p, steps.BrokenPage) for p in flow.page_for.values())
    assert not flow.save_current()
