"""Chinese line breaking in the terminal (`tui.widgets.wrap`): the rules of
`workbook.linebreak` hold for any text at any width, and the usual cases read right."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from tui.widgets.wrap import break_offsets, is_wide, wrap_lines
from workbook.linebreak import (
    CANNOT_END,
    CANNOT_END_WIDE,
    CANNOT_START,
    CANNOT_START_WIDE,
    may_break_between,
)

# Text made of what the rules are about: ideographs, Latin words and digits, spaces, every
# mark that may not start or end a line, titles, ellipses and dashes.
PIECES = st.one_of(
    st.text(alphabet="借款利率协商还款中国工商银行", min_size=1, max_size=8),
    st.text(alphabet="abcXYZ0123.-", min_size=1, max_size=14),
    st.sampled_from([" ", "  ", "……", "——", "《民法典》", "《Civil Code of China》", "47 天",
                     "3.00%", "¥4,865.03"]),
    st.sampled_from(list(CANNOT_START + CANNOT_END)),
)
# Any text too, but for control characters (rich drops a carriage return, say).
ANY = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=80)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), ANY)


def lines_of(text: str, width: int) -> list[str]:
    return [line.plain for line in wrap_lines(Text(text), width)]


def starts_of(text: str, width: int) -> list[int]:
    return [0, *break_offsets(text, width)]


def legal_break_inside(text: str, start: int, end: int) -> bool:
    """Does text[start:end] hold a position the punctuation rules allow a break at? At a
    break the spaces are dropped: the marks either side of them are what count."""
    for p in range(start + 1, end):
        before = text[start:p].rstrip(" \t")
        after = text[p:].lstrip(" \t")
        spaced = len(before) + len(after) < len(text[start:])
        if not spaced and not (is_wide(text[p - 1]) or is_wide(text[p])):
            continue  # inside a number or a word: no better place than the edge
        if before and after and may_break_between(before[-1], after[0], spaced):
            return True
    return False


def forbidden_start(text: str, start: int) -> bool:
    """Does the line from `start` begin with a mark that may not start a line? After a
    space only the full-width ones count: ".5" or "(see" begin words of their own."""
    first = text[start:].lstrip(" \t")[:1]
    spaced = start > 0 and text[start - 1] in " \t" or first != text[start:start + 1]
    return bool(first) and first in (CANNOT_START_WIDE if spaced else CANNOT_START)


def forbidden_end(line: str, spaced: bool) -> bool:
    last = line.rstrip(" \t")[-1:]
    spaced = spaced or last != line[-1:]
    return bool(last) and last in (CANNOT_END_WIDE if spaced else CANNOT_END)


@given(TEXTS, st.integers(min_value=10, max_value=60))
@example("中文" * 3 + "。" * 12, 10)  # more closing marks than a line holds
@example("他说：“我会按时还款。”然后挂了电话。", 10)
def test_no_line_starts_with_closing_punctuation_unless_unavoidable(text, width):
    text = text.replace("\n", " ")
    starts = starts_of(text, width)
    for previous, start in zip(starts, starts[1:], strict=False):
        if forbidden_start(text, start):
            # only when the line before had nowhere else to end
            assert not legal_break_inside(text, previous, start), (text, width, starts)


@given(TEXTS, st.integers(min_value=10, max_value=60))
def test_no_line_ends_with_opening_punctuation_unless_unavoidable(text, width):
    text = text.replace("\n", " ")
    starts = [*starts_of(text, width), len(text)]
    for previous, start in zip(starts, starts[1:-1], strict=False):
        if forbidden_end(text[previous:start], text[start] in " \t"):
            assert not legal_break_inside(text, previous, start), (text, width, starts)


@given(TEXTS, st.integers(min_value=10, max_value=60))
def test_no_line_exceeds_the_width_and_the_lines_give_back_the_text(text, width):
    lines = lines_of(text, width)
    assert all(cell_len(line) <= width for line in lines)
    # In order, nothing lost: between the lines only the spaces dropped at a break.
    rest = text
    for line in lines:
        if line:
            at = rest.find(line)
            assert at >= 0 and rest[:at].strip() == "", (text, width, lines)
            rest = rest[at + len(line):]
    assert rest.strip() == ""
    if not any(ch.isspace() for ch in text):  # nothing to drop: joined, they are the text
        assert "".join(lines) == text.replace("\n", "")


def test_the_usual_chinese_cases():
    text = "我们已经协商了很多次，对方同意停止计息。然后（按照约定）每月还款。"
    for width in range(10, 40):
        for line in lines_of(text, width)[1:]:
            assert line[0] not in "，。）", (width, line)
        for line in lines_of(text, width):
            assert line[-1] != "（", (width, line)
    # an ellipsis and a dash are never split in two; an ellipsis never starts a line
    for width in range(10, 30):
        lines = lines_of("他说还不上了……我们再想办法——总会有办法的", width)
        assert not any(line.startswith("…") for line in lines), lines
        assert "".join(lines).count("……") == 1 and "".join(lines).count("——") == 1
        assert not any(line.endswith(("…", "—")) and not line.endswith(("……", "——"))
                       for line in lines), lines


def test_a_title_in_book_marks_is_not_split_at_a_space():
    title = "《Civil Code of China》"
    text = f"请参阅 {title} 第 680 条的规定"
    for width in range(cell_len(title), 40):
        assert any(title in line for line in lines_of(text, width)), width
    assert lines_of(text, 24) == ["请参阅", title, "第 680 条的规定"]
    # a title longer than the line still wraps (at its spaces) rather than overflow
    lines = lines_of(text, 12)
    assert all(cell_len(line) <= 12 for line in lines)
    assert "Civil Code" in " ".join(lines)


def test_a_closing_mark_after_a_space_stays_on_its_line():
    # "word ）" : the space is no place to break, the mark would start the next line
    # (at 10 cells "ijklmnop ）" does not fit: a word is not cut for it, the mark goes)
    for width in range(11, 20):
        lines = lines_of("abcdefgh ijklmnop ）qrst uvw", width)
        assert not any(line.startswith("）") for line in lines), (width, lines)
