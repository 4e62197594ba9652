"""Our own markup turned into frags without the parser: exactly the parser's frags."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph

from reports.document import make_context
from reports.markup_frags import fast_paragraph, markup_frags
from reports.paragraphs import WrapOnceParagraph

HOSTILE = "<b>x</b> &amp; &lt; ]]> [/] \"q\" 'a' \\ \t  two  spaces 中文，标点。 \xa0\u3000 ☐😀"
# What users type, markup characters and whitespace of every kind included.
TYPED = st.text("中文，。ab Z<>&;\"'/[]\t\n\r\xa0\u3000#1", max_size=60) | st.text(max_size=20)


@pytest.fixture(scope="module")
def ctx(fonts):
    return make_context("zh", date(2026, 3, 15), fonts=fonts)


def _plain(frags):
    return [
        sorted((k, v.hexval() if isinstance(v, Color) else v) for k, v in f.__dict__.items())
        for f in frags
    ]


def _markup(ctx, parts):
    return "<br/>".join(
        (f'<font color="#b00020">{ctx.m(label)}</font>' if label else "") + ctx.m(value)
        for label, value in parts
    )


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.tuples(st.text("标签Label: ：&<", max_size=8), TYPED | st.just(HOSTILE)),
        min_size=1,
        max_size=5,
    )
)
def test_the_parsers_frags_and_text(ctx, parts):
    text = _markup(ctx, parts)
    parsed = Paragraph(text, ctx.styles.cell)
    made = markup_frags(text, ctx.styles.cell)
    if made is None:  # only for no text at all
        assert not parsed.frags
        return
    cleaned, frags = made
    assert cleaned == parsed.text
    assert _plain(frags) == _plain(parsed.frags)


@pytest.mark.parametrize(
    "text",
    [
        "<b>bold</b>",  # a tag we do not make ourselves
        '<font color="red">open',  # not closed
        "close</font>",
        "a < b",  # not escaped
        "&nbsp;",
    ],
)
def test_other_markup_goes_to_the_parser(ctx, text):
    assert markup_frags(text, ctx.styles.cell) is None


def test_fast_paragraph_is_a_wrap_once_paragraph_that_wraps_alike(ctx):
    text = _markup(ctx, [("摘要：", HOSTILE * 5), ("", "English words " * 20)])
    fast = fast_paragraph(text, ctx.styles.cell)
    slow = WrapOnceParagraph(text, ctx.styles.cell)
    assert isinstance(fast, WrapOnceParagraph)
    assert fast.wrap(200, 1000) == slow.wrap(200, 1000)
    assert [fast.getPlainText()] == [slow.getPlainText()]
