"""CJK fonts: a TrueType font is embedded when there is one, else STSong-Light."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from reports.pdf import render_plan, render_quote, samples
from reports.pdf.fonts import (
    FALLBACK_CID_FONT,
    FontCandidate,
    find_fonts,
    parse_configured,
    system_candidates,
)

CFF_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def font_dicts(pdf: bytes) -> list[Any]:
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            fonts.append(ref.get_object())
    return fonts


def embedded_files(pdf: bytes) -> set[str]:
    """Base names of fonts that carry an embedded TrueType program."""
    found = set()
    for font in font_dicts(pdf):
        descriptors = [font.get("/FontDescriptor")]
        for child in font.get("/DescendantFonts", []):
            descriptors.append(child.get_object().get("/FontDescriptor"))
        for d in descriptors:
            if d is not None and "/FontFile2" in d.get_object():
                found.add(str(font["/BaseFont"]))
    return found


def system_ttf() -> FontCandidate | None:
    return next((c for c in system_candidates() if c.path.is_file()), None)


@pytest.fixture
def no_env_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOANDESK_PDF_FONT", raising=False)


@pytest.mark.usefixtures("no_env_font")
def test_system_truetype_font_is_embedded() -> None:
    if system_ttf() is None:
        pytest.skip("no TrueType CJK font installed (Debian: fonts-wqy-zenhei)")
    fonts = find_fonts()
    assert fonts.embedded and fonts.regular != FALLBACK_CID_FONT
    pdf = render_quote(samples.quote_data(), "zh_CN", fonts=fonts)
    assert embedded_files(pdf), "the CJK font should be embedded as a TrueType subset"
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "汽车贷款报价单" in text.replace(" ", "")


def test_forced_fallback_still_renders_extractable_chinese() -> None:
    fonts = find_fonts("builtin")
    assert fonts.regular == FALLBACK_CID_FONT and not fonts.embedded
    pdf = render_plan(samples.plan_data(12), "zh_CN", fonts=fonts)
    assert embedded_files(pdf) == set()
    assert any(FALLBACK_CID_FONT in str(f["/BaseFont"]) for f in font_dicts(pdf))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert "还款计划表" in text and "第1页/共1页" in text


def test_environment_variable_can_force_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOANDESK_PDF_FONT", "builtin")
    assert find_fonts().regular == FALLBACK_CID_FONT


def test_unusable_configured_font_falls_through(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"definitely not a font")
    fonts = find_fonts(str(bogus), env={}, candidates=[FontCandidate(tmp_path / "missing.ttc")])
    assert fonts.regular == FALLBACK_CID_FONT


def test_no_font_anywhere_gives_the_builtin_font(tmp_path: Path) -> None:
    fonts = find_fonts(env={}, candidates=[])
    assert fonts.regular == FALLBACK_CID_FONT
    assert render_plan(samples.plan_data(12), "zh_CN", fonts=fonts).startswith(b"%PDF")


def test_cff_opentype_font_is_skipped() -> None:
    if not CFF_CJK.is_file():
        pytest.skip("Noto Sans CJK (CFF) not installed")
    fonts = find_fonts(env={}, candidates=[FontCandidate(CFF_CJK, 2)])
    assert fonts.regular == FALLBACK_CID_FONT


@pytest.mark.usefixtures("no_env_font")
def test_configured_path_with_collection_index_wins() -> None:
    candidate = system_ttf()
    if candidate is None:
        pytest.skip("no TrueType CJK font installed")
    fonts = find_fonts(f"{candidate.path}#{candidate.index}", candidates=[])
    assert fonts.embedded and fonts.source == str(candidate.path)


def test_parse_configured() -> None:
    assert parse_configured("C:/Windows/Fonts/msyh.ttc#1") == FontCandidate(
        Path("C:/Windows/Fonts/msyh.ttc"), 1
    )
    assert parse_configured("/x/y.ttf").index == 0
