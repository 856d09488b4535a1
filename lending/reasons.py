"""Reasons a user can read: a stable code, an English template, parameters.

``lending`` never translates.  Each module keeps a module-level ``MESSAGES``
dict (code -> English template); the GUI, the command line and the printed
documents translate the template (the zh_CN ``.ts`` file holds every one,
context ``Reason``) and then fill in the parameters.  A test collects every
``MESSAGES`` dict and fails on a template missing from the translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lending.errors import UserError


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class Reason:
    code: str
    template: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, messages: Mapping[str, str], code: str, **params: object) -> Reason:
        return cls(code, messages[code], tuple((k, str(v)) for k, v in params.items()))

    def render(self, translate: Callable[[str], str] = _identity) -> str:
        return translate(self.template).format(**dict(self.params))

    def __str__(self) -> str:
        return self.render()


class ReasonsError(UserError):
    """Input that cannot be used; ``reasons`` says why (all of them, first one first)."""

    def __init__(self, reasons: Sequence[Reason]) -> None:
        super().__init__(" ".join(r.render() for r in reasons), code=reasons[0].code)
        self.reasons = tuple(reasons)

    @property
    def reason(self) -> Reason:
        return self.reasons[0]
