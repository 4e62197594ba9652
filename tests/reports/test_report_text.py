"""User text reaches the PDF literally: escaped, in a font that has it, never crashing."""

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reports_pdf import missing, pdf_text  # noqa: F401

from reports.styles import make_styles
from reports.text import clean, markup


def _build(texts, fonts) -> bytes:
    buffer = io.BytesIO()
    style = make_styles(fonts).body
    SimpleDocTemplate(buffer, invariant=1).build(
        [Paragraph(markup(t, fonts), style) for t in texts]
    )
    return buffer.getvalue()


def test_markup_escapes_everything_the_parser_reads(fonts):
    out = markup("<b>x</b> & &amp; <br/> ]]> [/]", fonts)
    assert "<b>" not in out and "<br/>" not in out
    assert "&amp;amp;" in out  # a typed entity stays literal text


def test_newlines_become_breaks_and_controls_go(fonts):
    assert markup("a\r\nb\rc\nd", fonts) == "a<br/>b<br/>c<br/>d"
    assert clean("a\x00b\x07c\x1bd\ud800e") == "abcde"
    assert clean("t\tx") == "t    x"
    assert clean(None) == ""


def test_symbols_come_from_the_symbol_font(fonts):
    if fonts.symbols is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs fonts-dejavu-core, but no font with ☐ ☑ was found")
        pytest.skip("no font with ☐ ☑ installed here")
    out = markup("勾选 ☑ 方框 ☐", fonts)
    assert f'<font name="{fonts.symbols}">' in out


def test_hostile_text_comes_out_literally(tmp_path, fonts):
    hostile = "<b>bold?</b> &amp; ]]> [/] [b]x[/b] 😀 ☐☑ 中文 \"q\" 'a' \\"
    path = tmp_path / "t.pdf"
    path.write_bytes(_build([hostile], fonts))
    text = pdf_text(path)
    for piece in ("<b>bold?</b>", "&amp;", "]]>", "[/]", "[b]x[/b]", "中文", '"q"', "'a'"):
        assert piece in text, piece
    if fonts.embedded:
        # No font here draws the emoji: it prints as a box but the text keeps it.
        assert "😀" in text
        assert "\x00" not in text
    if fonts.symbols:
        assert "☐☑" in text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_builds(fonts, text):
    # Arbitrary Unicode, including controls, surrogates and markup, never breaks a build.
    assert _build([text], fonts).startswith(b"%PDF")


def test_fallback_font_survives_emoji(tmp_path):
    from reports.fonts import choose_fonts

    fallback = choose_fonts(environ={}, search_system=False)
    path = tmp_path / "f.pdf"
    path.write_bytes(_build(["中文 😀 <b> &amp; done"], fallback))
    assert not missing(path, "<b>", "&amp;", "done")


def _lines(text: str, width: float, fonts) -> list[str]:
    p = Paragraph(text, make_styles(fonts).cell)
    p.wrap(width, 10_000)
    return ["".join(getattr(w, "text", "") for w in line.words) for line in p.blPara.lines]


def test_hanging_punctuation_before_a_break_leaves_no_blank_line(fonts):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    first = "确认收到申请书，同意停止计息并减免罚息。"
    # Narrow enough that the closing 。 overflows and hangs in the margin.
    width = stringWidth(first, fonts.regular, make_styles(fonts).cell.fontSize) - 2
    assert _lines(markup(first + "\n下一行", fonts), width, fonts) == [first, "下一行"]
    # A blank line the user typed is kept.
    assert _lines(markup(first + "\n\n下一行", fonts), width, fonts) == [first, "", "下一行"]


def _text_of(paragraph) -> str:
    return "".join(getattr(f, "text", "") for f in paragraph.frags)


def test_a_paragraph_split_across_pages_keeps_its_text(fonts):
    """The part carried to the next page is the rest of the text, spaces as typed."""
    from reports.paragraphs import CJKParagraph

    style = make_styles(fonts).cell
    text = "很长的备注，包含中文与English words mixed together; " * 12
    one_run = markup(text, fonts)
    several_runs = f'<font color="#555555">{markup("注：", fonts)}</font>{one_run}'
    for source in (one_run, several_runs):
        for width in (150, 223, 250, 301):
            whole = CJKParagraph(source, style)
            whole.wrap(width, 10_000)
            full = _text_of(whole)
            first, rest = whole.split(width, style.leading * 3.5)
            assert full.endswith(_text_of(rest)), (width, _text_of(rest)[:80])
            assert "wordsmixed" not in _text_of(rest) and "与 English" not in _text_of(rest)


def test_no_line_starts_with_chinese_closing_punctuation(fonts):
    from reports.paragraphs import CJKParagraph

    style = make_styles(fonts).cell
    text = "很长的备注，包含中文与English words；说明：可以吗？好！" * 8
    sources = (markup(text, fonts), f'<font color="#555555">注：</font>{markup(text, fonts)}')
    for source in sources:
        for width in range(150, 320, 3):
            para = CJKParagraph(source, style)
            para.wrap(width, 10_000)
            for line in para.blPara.lines:
                words = line[1] if isinstance(line, tuple | list) else [w.text for w in line.words]
                assert "".join(words)[:1] not in "，；：！？", (width, "".join(words)[:20])


def test_faster_line_making_gives_reportlabs_lines(fonts):
    """The run-at-a-time line maker and the width cache change nothing but the time."""
    from reportlab.platypus import paragraph as rl

    from reports import paragraphs

    style = make_styles(fonts).cell
    source = f'<font color="#555555">{markup("摘要：", fonts)}</font>' + markup(
        "很长的备注，包含中文与English words ☐ 😀 mixed；" * 6 + "\n第二行", fonts
    )

    def lines(maker):
        rl.makeCJKParaLine = maker
        try:
            para = paragraphs.CJKParagraph(source, style)
            para.wrap(220, 10_000)
            return [
                ([(w.text, w.fontName, w.fontSize) for w in line.words],
                 line.ascent, line.descent, line.fontSize, line.extraSpace, line.lineBreak)
                for line in para.blPara.lines
            ]  # fmt: skip
        finally:
            rl.makeCJKParaLine = paragraphs._make_cjk_para_line

    assert lines(paragraphs._make_cjk_para_line) == lines(paragraphs._original_make_line)
    for char in "中a☐😀 ":
        assert paragraphs._string_width(char, fonts.regular, 9) == (
            paragraphs._original_string_width(char, fonts.regular, 9)
        )
