"""DataTable measures our cells through a shortcut (tui/widgets/textual_fixes.py): the
widths must be exactly Textual's, and the shortcut must be the one the app runs with."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.render import measure
from textual.widgets import DataTable
from textual.widgets import _data_table as data_table

from tui.widgets import textual_fixes
from tui.widgets.cells import Cell, money_cell, text_cell

CONSOLE = Console(width=80)


@given(st.text(alphabet=st.sampled_from("aZ9 .,-张伟银行（）：、"), max_size=30))
def test_a_cell_measures_as_textual_would(value: str):
    cell = text_cell(value)
    assert textual_fixes._measure(CONSOLE, cell, 1) == measure(CONSOLE, cell, 1)


def test_other_renderables_are_measured_by_textual():
    text = Text("张伟 and more")
    assert textual_fixes._measure(CONSOLE, text, 1) == measure(CONSOLE, text, 1)
    assert textual_fixes._measure(CONSOLE, "abc", 1) == 3


class _Table(App):
    def compose(self) -> ComposeResult:
        yield DataTable()


async def test_the_app_sizes_table_columns_through_the_shortcut():
    import tui.widgets.tables  # noqa: F401 - as every screen with a table does when it loads

    assert data_table.measure is textual_fixes._measure
    app = _Table()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(DataTable)
        table.add_columns("who", "amount")
        rows = [(text_cell("中国工商银行信用卡中心"), money_cell(Decimal("48650.32"))),
                (text_cell("Bank"), money_cell(Decimal("5")))]
        for row in rows:
            table.add_row(*row)
        await pilot.pause()
        widths = [column.content_width for column in table.ordered_columns]
        assert widths == [max(cell.text.cell_len for cell in column) for column in zip(*rows, strict=True)]
        # what Textual's own measure gives (wide characters two cells each)
        assert widths == [max(measure(app.console, cell, 1) for cell in column)
                          for column in zip(*rows, strict=True)]
        assert widths[0] >= len("中国工商银行信用卡中心") * 2
        assert all(isinstance(cell, Cell) for row in rows for cell in row)
