"""Widgets and helpers below the screens: cells, cropping, bars, the Field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from screen_text import screen_lines
from textual.app import App

from tui.budget.bars import bar_length
from tui.widgets.cells import ELLIPSIS, crop, crop_text, date_cell, money_cell, text_cell
from tui.widgets.field import Choice, Field, Toggles
from tui.widgets.wrap import break_offsets, pack_lines, wrap_lines
from workbook.parse import parse_money


def test_cells_sort_by_value_not_by_text():
    cells = [money_cell(Decimal("9000")), money_cell(Decimal("12000")), money_cell(None)]
    assert [c.key for c in sorted(cells)] == [Decimal("9000"), Decimal("12000"), None]
    assert date_cell(date(2026, 1, 2)) < date_cell(date(2026, 10, 1))
    assert text_cell("b") > text_cell("A")


def test_cells_render_markup_as_text():
    assert text_cell("[b]x[/b]").text.plain.strip() == "[b]x[/b]"


@given(st.text(max_size=40), st.integers(min_value=2, max_value=30))
def test_crop_never_exceeds_the_width(text, width):
    out = crop(text, width)
    if cell_len(text) <= width:
        assert out == text  # what fits is never cut
    else:
        assert cell_len(out) <= width
        assert out.endswith(ELLIPSIS) or width <= len(ELLIPSIS)


def test_crop_counts_chinese_as_two_cells():
    assert crop("安家消费金融有限公司", 8) == "安家..."
    assert crop("安家消费金融有限公司", 9) == "安家消..."
    assert crop("Ant Group Huabei", 12) == "Ant Group..."  # no space before the dots
    assert crop("王建国（表哥）", 12) == "王建国..."  # nor an opening bracket
    cell = text_cell("王建国（表哥）")
    assert crop_text(cell.text, 12).plain == " 王建国..." and str(cell) == " 王建国（表哥）"
    assert crop_text(text_cell("北辰银行信用卡中心").text, 12).plain == " 北辰银行..."


@given(st.decimals(min_value=0, max_value=10**9, places=2),
       st.decimals(min_value=Decimal("0.01"), max_value=10**9, places=2))
def test_bar_length_is_within_width(amount, largest):
    n = bar_length(amount, max(amount, largest), 20)
    assert 0 <= n <= 20 and (n > 0) == (amount > 0)


class FieldApp(App):
    def compose(self):
        yield Field("Amount", parse_money, id="amount")
        yield Choice("Pick", [("one", 1), ("two", 2)], 2, id="pick")


async def test_field_shows_the_parser_message_and_clears_it():
    app = FieldApp()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one(Field)
        field.focus()
        await pilot.press(*"12x", "tab")  # leaving the field checks it
        assert field.has_class("-invalid")
        assert not field.validate().ok
        await pilot.press("shift+tab", "backspace")
        assert not field.has_class("-invalid")  # fixed while typing
        assert field.validate().value == Decimal("12.00")
        choice = app.query_one(Choice)
        assert choice.value == 2
        choice.focus()
        await pilot.press("right")
        assert choice.value == 1


WORDS = st.text(alphabet="ab12.%-", min_size=1, max_size=8)
CHINESE = st.text(alphabet="借款利率，。（）", min_size=1, max_size=6)


@given(st.lists(st.one_of(WORDS, CHINESE, st.just(" ")), max_size=30),
       st.integers(min_value=8, max_value=40))
def test_wrap_fits_the_width_keeps_every_character_and_never_cuts_a_short_word(pieces, width):
    text = "".join(pieces)
    lines = [line.plain for line in wrap_lines(Text(text), width)]
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    offsets = break_offsets(text, width)
    for word in re.finditer(r"[a-z0-9.%-]+", text):  # Latin words and numbers stay whole
        if word.end() - word.start() <= width - 4:  # room for glued punctuation
            assert not any(word.start() < cut < word.end() for cut in offsets), (text, offsets)


def test_wrap_keeps_punctuation_with_its_neighbour():
    lines = [line.plain for line in wrap_lines(Text("利率为3.00%，低于标准（12.00%）。"), 12)]
    assert not any(line.startswith(("，", "）", "。")) for line in lines)
    assert not any(line.endswith("（") for line in lines)
    lines = [line.plain for line in wrap_lines(Text("已逾期：47 天，逾期金额 ¥4,865.03。"), 10)]
    assert any(line.startswith("47 天") for line in lines)  # a number keeps its measure word


class TogglesApp(App):
    def compose(self):
        options = [(f"选项 {n}", n) for n in range(8)]
        yield Toggles("Pick", options, [1], id="pick")


async def test_toggles_wrap_between_options_never_inside_one():
    app = TogglesApp()
    async with app.run_test(size=(50, 10)):  # 26 cells for the options: two a line
        lines = [line[24:].rstrip() for line in screen_lines(app)[:4]]
        assert lines[0] == "[ ] 选项 0  [x] 选项 1" and lines[3] == "[ ] 选项 6  [ ] 选项 7"
    assert [line.plain for line in pack_lines([Text("长" * 30)], 20)] == ["长" * 10] * 3
