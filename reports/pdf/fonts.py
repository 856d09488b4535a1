"""CJK fonts for the printed documents.

ReportLab's ``TTFont`` only reads TrueType outlines (``glyf``), also inside a
``.ttc`` collection (``subfontIndex``); CFF-based OpenType fonts such as the
Noto Sans CJK ``.otf``/``.ttc`` files are refused.  So we look, in order, for:

1. a configured path: the ``path`` argument (the store's setting) or the
   ``LOANDESK_PDF_FONT`` environment variable, ``FILE`` or ``FILE#INDEX`` for
   a collection; the special value ``builtin`` forces the fallback;
2. a TrueType CJK font installed on the system (Microsoft YaHei / SimHei /
   SimSun on Windows, PingFang / STHeiti on macOS, WenQuanYi / AR PL / Droid
   Sans Fallback on Linux);
3. a TrueType CJK font shipped in the frozen bundle (``resources/fonts``);
4. ReportLab's built-in Adobe ``STSong-Light`` CID font, which is not
   embedded (the reader supplies a substitute) but always works, so a
   document is always produced.

A font is only accepted when it really has Chinese glyphs.  Loading a large
TrueType collection takes a few hundred milliseconds, so each font is loaded
once per process and cached.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

ENV_VAR = "LOANDESK_PDF_FONT"
BUILTIN = "builtin"
FALLBACK_CID_FONT = "STSong-Light"
_PROBE = "贷款月供"  # characters every candidate must have


@dataclass(frozen=True)
class FontSet:
    """Registered ReportLab font names for one document family."""

    regular: str
    bold: str
    embedded: bool
    """True when a TrueType font is embedded (subset) in the PDF."""
    source: str
    """File the regular face came from, or the CID font's name."""


@dataclass(frozen=True)
class FontCandidate:
    path: Path
    index: int = 0
    bold_path: Path | None = None
    bold_index: int = 0


def _windows_fonts(env: Mapping[str, str]) -> Path:
    return Path(env.get("WINDIR", r"C:\Windows")) / "Fonts"


def system_candidates(env: Mapping[str, str] | None = None) -> list[FontCandidate]:
    """TrueType CJK fonts commonly installed, best first, for this platform."""
    env = os.environ if env is None else env
    if sys.platform.startswith("win"):
        fonts = _windows_fonts(env)
        return [
            FontCandidate(fonts / "msyh.ttc", 0, fonts / "msyhbd.ttc", 0),
            FontCandidate(fonts / "msyh.ttf", 0, fonts / "msyhbd.ttf", 0),
            FontCandidate(fonts / "simhei.ttf"),
            FontCandidate(fonts / "simsun.ttc"),
            FontCandidate(fonts / "Deng.ttf", 0, fonts / "Dengb.ttf", 0),
        ]
    if sys.platform == "darwin":
        return [
            FontCandidate(
                Path("/System/Library/Fonts/STHeiti Light.ttc"),
                0,
                Path("/System/Library/Fonts/STHeiti Medium.ttc"),
                0,
            ),
            FontCandidate(Path("/System/Library/Fonts/Hiragino Sans GB.ttc")),
            FontCandidate(Path("/Library/Fonts/Arial Unicode.ttf")),
            FontCandidate(Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf")),
        ]
    roots = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local/share/fonts",
        Path.home() / ".fonts",
    ]
    names = [
        ("truetype/wqy/wqy-microhei.ttc", 0),
        ("truetype/wqy/wqy-zenhei.ttc", 0),
        ("truetype/arphic/uming.ttc", 0),
        ("truetype/arphic/ukai.ttc", 0),
        ("truetype/droid/DroidSansFallbackFull.ttf", 0),
        ("wenquanyi/wqy-zenhei/wqy-zenhei.ttc", 0),  # Fedora/Arch layouts
        ("wenquanyi/wqy-microhei/wqy-microhei.ttc", 0),
        ("wqy-zenhei/wqy-zenhei.ttc", 0),
        ("wqy-microhei/wqy-microhei.ttc", 0),
    ]
    return [FontCandidate(root / name, index) for root in roots for name, index in names]


def bundled_candidates() -> list[FontCandidate]:
    """Fonts shipped in the frozen bundle (packaging/build.py); none in a source tree."""
    from resources import FONTS

    if not FONTS.is_dir():
        return []
    return [FontCandidate(p) for p in sorted(FONTS.iterdir()) if p.suffix in (".ttf", ".ttc")]


def parse_configured(value: str) -> FontCandidate:
    """``FILE`` or ``FILE#INDEX`` (a face of a .ttc collection)."""
    path, _, index = value.strip().partition("#")
    return FontCandidate(Path(path).expanduser(), int(index) if index.strip().isdigit() else 0)


_lock = threading.Lock()
_loaded: dict[tuple[str, int], str | None] = {}  # (path, index) -> registered name or None


def _register_ttf(path: Path, index: int) -> str | None:
    """Register a TrueType face once; None when missing, unreadable or without CJK."""
    key = (str(path), index)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        name: str | None = None
        if path.is_file():
            try:
                font = TTFont(f"LoanDeskCJK-{len(_loaded)}", str(path), subfontIndex=index)
            except (TTFError, OSError, IndexError, KeyError, ValueError) as exc:
                log.info("PDF font %s#%d not usable: %s", path, index, exc)
            else:
                if all(ord(ch) in font.face.charToGlyph for ch in _PROBE):
                    pdfmetrics.registerFont(font)
                    name = font.fontName
                else:
                    log.info("PDF font %s#%d has no Chinese glyphs", path, index)
        _loaded[key] = name
        return name


def _fallback() -> FontSet:
    with _lock:
        if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return FontSet(FALLBACK_CID_FONT, FALLBACK_CID_FONT, embedded=False, source=FALLBACK_CID_FONT)


def _try(candidate: FontCandidate) -> FontSet | None:
    regular = _register_ttf(candidate.path, candidate.index)
    if regular is None:
        return None
    bold = None
    if candidate.bold_path is not None:
        bold = _register_ttf(candidate.bold_path, candidate.bold_index)
    return FontSet(regular, bold or regular, embedded=True, source=str(candidate.path))


def find_fonts(
    configured: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    candidates: Iterable[FontCandidate] | None = None,
) -> FontSet:
    """The best font set available: configured, else system, else ``STSong-Light``.

    ``configured`` (a store setting) wins over ``LOANDESK_PDF_FONT``; a
    configured font that cannot be used is logged and the search goes on.
    """
    env = os.environ if env is None else env
    wanted = (configured or env.get(ENV_VAR, "")).strip()
    if wanted.lower() == BUILTIN:
        return _fallback()
    if wanted:
        found = _try(parse_configured(wanted))
        if found is not None:
            return found
        log.warning("configured PDF font %r is not a usable TrueType CJK font", wanted)
    for candidate in (
        [*system_candidates(env), *bundled_candidates()] if candidates is None else candidates
    ):
        found = _try(candidate)
        if found is not None:
            return found
    return _fallback()


_default: dict[str, FontSet] = {}


def default_fonts(configured: str | None = None) -> FontSet:
    """:func:`find_fonts` cached per configured value and environment setting."""
    key = f"{configured or ''}|{os.environ.get(ENV_VAR, '')}"
    fonts = _default.get(key)
    if fonts is None:
        fonts = _default[key] = find_fonts(configured)
    return fonts
