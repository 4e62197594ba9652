"""Widgets and helpers below the screens: cells, cropping, bars, the Field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App

from tui.widgets.bars import bar_length
from tui.widgets.cells import crop, date_cell, money_cell, text_cell
from tui.widgets.field import Choice, Field
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
    assert cell_len(out) <= width or cell_len(text) <= width
    assert out == text or out.endswith("~")


def test_crop_counts_chinese_as_two_cells():
    assert crop("安家消费金融有限公司", 8) == "安家消~"


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
