"""The program's colours, declared once, and the style sheets built from them.

Every screen takes its colours from here: text colours (:data:`RED` for errors
and what is refused or overdue, :data:`GREEN` for what is done or allowed,
:data:`AMBER` for a warning, :data:`MUTED` for secondary text), the state
colours of the step list and grades, and the tones of the banners and
notices (:data:`ERROR`, :data:`WARNING`, :data:`INFO`, :data:`SUCCESS`,
:data:`NEUTRAL`: background, text, border).  Use :func:`banner` and
:func:`notice_frame` instead of writing a style sheet by hand, so that a
colour changes in one place.
"""

from __future__ import annotations

import dataclasses

# --- text and state colours ----------------------------------------------------------
RED = "#b3261e"
"""Errors, reasons under a field, refusals, overdue, a blocked step, grade C."""
GREEN = "#2e7d32"
"""Done, saved, allowed, a complete step, grade A."""
AMBER = "#8a5a00"
"""A warning in running text (an odd mileage, a VIN that does not match)."""
ORANGE = "#ef6c00"
"""Grade B."""
MUTED = "#5f6b73"
"""Secondary text: upcoming dates, read-only cells, hints."""
GREY = "#9e9e9e"
"""A step not started, no grade yet."""
ACCENT = "#1565c0"
"""The step in progress, the selection's edge, the start-up splash."""
SLATE = "#455a64"
"""The "loading…" cover over a page."""
PREVIEW_BACKGROUND = "#8a8f96"
"""Around the pages of a document preview."""

# --- cell backgrounds ------------------------------------------------------------------
PALE_RED = "#fdecea"
"""A cell that is refused or holds a problem."""
PALE_GREEN = "#e8f5e9"
"""A cell that is allowed."""
SELECTED = "#bbdefb"
"""The chosen row of a comparison."""
SELECTION = "#e3f2fd"
"""The selected item of the step list."""


@dataclasses.dataclass(frozen=True)
class Tone:
    """The colours of a banner or notice: background, text, border."""

    background: str
    text: str
    border: str


ERROR = Tone(PALE_RED, "#611a15", "#e57373")
WARNING = Tone("#fff4e5", "#663c00", "#ffb74d")
INFO = Tone("#e8f4fd", "#0d3c61", "#64b5f6")
SUCCESS = Tone("#edf7ed", "#1e4620", "#81c784")
NEUTRAL = Tone("#eceff1", "#263238", "#b0bec5")


def text(colour: str) -> str:
    """A label's style sheet for text in ``colour``."""
    return f"color: {colour};"


ERROR_TEXT = text(RED)
OK_TEXT = text(GREEN)
WARN_TEXT = text(AMBER)
HINT_TEXT = "color: palette(placeholder-text);"
"""A quiet hint under a form: the platform's placeholder colour."""


def message(error: bool, success: bool = True) -> str:
    """The style of a dialog's message line: red for an error, else green (or plain)."""
    if error:
        return ERROR_TEXT
    return OK_TEXT if success else ""


def banner(tone: Tone, selector: str = "", padding: int = 6) -> str:
    """A boxed sentence in ``tone``; with ``selector`` (``QLabel#name``) as a rule for it."""
    body = (
        f"background: {tone.background}; color: {tone.text}; "
        f"border: 1px solid {tone.border}; border-radius: 4px; padding: {padding}px;"
    )
    return f"{selector} {{ {body} }}" if selector else body


def notice_frame(tone: Tone, selector: str) -> str:
    """A frame in ``tone`` whose labels take its text colour (the page notice)."""
    return (
        f"{selector} {{ background: {tone.background}; border: 1px solid {tone.border}; "
        f"border-radius: 4px; }} QLabel {{ color: {tone.text}; }}"
    )
