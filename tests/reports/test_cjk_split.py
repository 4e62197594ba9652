"""The fast CJK line breaking gives reportlab's own lines, word for word and width for width."""

from __future__ import annotations

import copy

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import Color
from reportlab.platypus import paragraph as rl_paragraph

from reports import paragraphs
from reports.cjk_split import fast_cjk_frag_split, reportlab_cjk_frag_split
from reports.document import make_context
from reports.markup_frags import markup_frags

# Characters that exercise every rule: CJK, Latin words and spaces, punctuation that
# may not start a line (Chinese and ASCII), wide and narrow, and full-width spaces.
ALPHABET = "中文与混排字符abcXYZ 123，。、；：！？）》”.,;!?-\u3000\xa0（《“"


@pytest.fixture(scope="module")
def ctx(fonts):
    from datetime import date

    return make_context("zh", date(2026, 3, 15), fonts=fonts)


def _reportlab_only(fn):
    """Run `fn` with reportlab's own per-character helpers (not our earlier patches)."""
    saved = rl_paragraph.makeCJKParaLine, rl_paragraph.stringWidth
    rl_paragraph.makeCJKParaLine = paragraphs._original_make_line
    rl_paragraph.stringWidth = paragraphs._original_string_width
    try:
        return fn()
    finally:
        rl_paragraph.makeCJKParaLine, rl_paragraph.stringWidth = saved


def _plain(value):
    return value.hexval() if isinstance(value, Color) else value


def _shape(para_lines):
    out = []
    for line in para_lines.lines:
        attrs = {k: _plain(v) for k, v in line.__dict__.items() if k != "words"}
        words = [
            sorted((k, repr(_plain(v))) for k, v in w.__dict__.items()) for w in line.words
        ]
        out.append((sorted(attrs.items()), words))
    return out


def _frags(ctx, parts: list[tuple[str, bool]]) -> list | None:
    """The frags of `parts`, or None for nothing but spaces (no frags, nothing to break)."""
    text = "<br/>".join(
        (f'<font color="#555555">{ctx.m(label)}</font>' if label else "") + ctx.m(value)
        for label, value in parts
    )
    made = markup_frags(text, ctx.styles.cell)
    return None if made is None else made[1]


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(
        st.tuples(st.text(ALPHABET, max_size=6), st.text(ALPHABET, min_size=1, max_size=300)),
        min_size=1,
        max_size=4,
    ),
    width=st.sampled_from([30.0, 61.5, 100.0, 212.3, 400.0]),
)
def test_the_same_lines_as_reportlab(ctx, parts, width):
    frags = _frags(ctx, parts)
    assume(frags is not None)
    ours = fast_cjk_frag_split(copy.deepcopy(frags), [width], False)
    theirs = _reportlab_only(lambda: reportlab_cjk_frag_split(copy.deepcopy(frags), [width], False))
    assert _shape(ours) == _shape(theirs)


def test_a_different_first_line_width_and_a_long_latin_word(ctx):
    frags = _frags(ctx, [("Summary: ", "word " * 30 + "x" * 200 + "，中文。" * 40)])
    widths = [50.0, 120.0, 80.0]
    ours = fast_cjk_frag_split(copy.deepcopy(frags), widths, False)
    theirs = _reportlab_only(lambda: reportlab_cjk_frag_split(copy.deepcopy(frags), widths, False))
    assert len(ours.lines) > 10
    assert _shape(ours) == _shape(theirs)


def test_what_it_does_not_cover_goes_to_reportlab(ctx):
    frags = _frags(ctx, [("", "中文" * 40)])
    # autoLeading (calc_bounds) and a width of nothing are reportlab's business.
    for args in (([100.0], True), ([-5.0], False)):
        ours = fast_cjk_frag_split(copy.deepcopy(frags), *args)
        theirs = _reportlab_only(lambda a=args: reportlab_cjk_frag_split(copy.deepcopy(frags), *a))
        assert _shape(ours) == _shape(theirs)
