"""Font discovery: an embedded CJK font when one is installed, a plain warning when not."""

import dataclasses
import os
from datetime import date
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from reports.fonts import CID_FALLBACK, FALLBACK_WARNING, choose_fonts
from reports.letter import build_letter
from workbook.i18n import translate
from workbook.negotiation.letter import Letter, LetterSection

TODAY = date(2026, 3, 15)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _letter(lang: str = "zh") -> Letter:
    return Letter(
        lang=lang,
        title="协商还款申请书",
        addressee="尊敬的招商银行：",
        sections=(LetterSection("一、本人情况", ("我叫张三。",)),),
        closing="此致\n敬礼",
        signature_lines=("申请人（签名）：________",),
        date_line="日期：2026年3月15日",
    )


def _fonts_in(path: Path) -> dict[str, bool]:
    """Base font name -> embedded (has a font file), for every font the pages use."""
    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts", []):
                descriptors.append(child.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None
                and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def test_cjk_font_is_embedded_when_installed(tmp_path, fonts):
    if not fonts.embedded:
        if os.environ.get("CI"):
            pytest.fail("CI installs fonts-wqy-microhei, but no CJK TrueType font was found")
        pytest.skip("no CJK TrueType font installed here")
    out = build_letter(_letter(), tmp_path / "l.pdf", today=TODAY, fonts=fonts)
    used = _fonts_in(out)
    cjk = [name for name in used if "STSong" not in name and "Helvetica" not in name]
    assert cjk and all(used[name] for name in cjk), used
    assert not any("STSong" in name for name in used)
    assert fonts.messages("zh") == [] and fonts.warning is None


def test_fallback_is_the_cid_font_with_a_plain_warning(tmp_path):
    fallback = choose_fonts(environ={}, search_system=False)
    assert fallback.regular == CID_FALLBACK and not fallback.embedded
    assert fallback.warning is not None
    en, zh = fallback.messages("en"), fallback.messages("zh")
    assert any("blank" in m and "fonts-wqy-microhei" in m for m in en)
    assert any("空白" in m and "REPAY_PDF_FONT" in m for m in zh)
    assert FALLBACK_WARNING != translate(FALLBACK_WARNING, "zh")
    # The fallback still builds, and the text layer still holds the Chinese.
    out = build_letter(_letter(), tmp_path / "l.pdf", today=TODAY, fonts=fallback)
    assert "STSong-Light" in " ".join(_fonts_in(out))
    assert "本人情况" in "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)


def test_configured_font_that_is_missing_is_reported():
    choice = choose_fonts(environ={"REPAY_PDF_FONT": "/nowhere/font.ttf"}, search_system=False)
    assert choice.regular == CID_FALLBACK
    assert any("/nowhere/font.ttf" in m and "文件不存在" in m for m in choice.messages("zh"))


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans not installed")
def test_configured_font_without_chinese_is_refused():
    choice = choose_fonts(settings_font=str(DEJAVU), environ={}, search_system=False)
    assert choice.regular == CID_FALLBACK
    assert any("no Chinese" in m for m in choice.messages("en"))


def test_configured_font_is_used(fonts):
    if not fonts.embedded:
        pytest.skip("no CJK TrueType font installed here")
    chosen = choose_fonts(environ={"REPAY_PDF_FONT": str(fonts.path)}, search_system=False)
    assert chosen.embedded and chosen.path == fonts.path and not chosen.notices


def test_without_symbol_font_boxes_are_drawn(tmp_path, fonts):
    """No DejaVu: the checklist still builds, with boxes drawn as graphics."""
    import reports_sample as sample

    from reports.checklist import build_checklist

    no_symbols = dataclasses.replace(fonts, symbols=None)
    d = sample.data()
    out = build_checklist(
        d.agreements[0],
        d.debts[0],
        d.profile,
        tmp_path / "c.pdf",
        lang="en",
        today=TODAY,
        fonts=no_symbols,
    )
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "Written confirmation received" in text
    assert "\u2610" not in text and "\u2611" not in text


def test_checklist_boxes_are_glyphs_from_an_embedded_symbol_font(tmp_path, fonts):
    """☐ for an open item, ☑ for a confirmed one, drawn by a font that has them."""
    import reports_sample as sample

    from reports.checklist import build_checklist

    if fonts.symbols is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs fonts-dejavu-core, but no font with ☐ ☑ was found")
        pytest.skip("no font with ☐ ☑ installed here")
    d = sample.data()
    out = build_checklist(
        d.agreements[0], d.debts[0], d.profile, tmp_path / "c.pdf", lang="zh", today=TODAY,
        fonts=fonts,
    )  # fmt: skip
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "\u2610" in text and "\u2611" in text
    used = _fonts_in(out)
    face = pdfmetrics.getFont(fonts.symbols).face.name.decode()  # e.g. DejaVuSans
    symbol = [name for name in used if name.endswith("+" + face)]
    assert symbol and all(used[name] for name in symbol), used
