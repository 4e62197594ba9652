"""Every table of the TUI, read off the rendered screen at 80x24 and 200x50 in both
languages, with long lender names and amounts in the millions: money is never cut,
cut text ends in an ellipsis, headers stand over their figures, names use the width."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from screen_text import screen_lines
from textual.widgets import DataTable
from tui_helpers import TODAY

from storage import Workbook
from tui.cli.demo import _seed
from tui.widgets.cells import ELLIPSIS
from tui.widgets.tables import FitTable
from workbook.demo.case import demo_records

BIG = Decimal("12345678.90")
NAMES = [
    "中国工商银行股份有限公司北京市分行营业部",
    "Extremely Long Consumer Finance Company Limited of Shanghai",
    "招商银行信用卡中心",
    "微粒贷（深圳前海微众银行）",
    "张三的表哥",
    "Ant Group Huabei Credit Pay",
]
# An amount as fmt.money writes it; anything else that starts with ¥ was cut.
MONEY = re.compile(r"¥-?\d{1,3}(,\d{3})*\.\d\d")
# Each screen and its tables: {table id: right-aligned column keys}.
SCREENS = {
    "home": {},
    "1": {"debts": ("balance", "apr", "monthly", "due", "late")},
    "2": {"incomes": ("amount", "monthly"), "expenses": ("monthly",)},
    "3": {"channel-debts": ("balance",)},
    "4": {"reasons": (), "plan": ("now", "new", "months", "total")},
    "6": {"agreements": ("total", "paid"), "due": ("number", "left")},
    "log": {"log": ()},
}


def big_workbook(path: Path) -> Path:
    """The demo with long lender names and balances, agreements and an income in millions."""
    data = demo_records(TODAY)
    debts = [dataclasses.replace(d, lender=NAMES[i % len(NAMES)],
                                 balance=BIG if i % 2 == 0 else d.balance)
             for i, d in enumerate(data.debts)]
    comms = [dataclasses.replace(c, lender=NAMES[i % len(NAMES)])
             for i, c in enumerate(data.communications)]
    incomes = [dataclasses.replace(data.incomes[0], amount=BIG), *data.incomes[1:]]
    expenses = [dataclasses.replace(data.expenses[0], name="房租（含物业费、停车费和取暖费）"),
                *data.expenses[1:]]
    agreements = [dataclasses.replace(a, total=BIG) for a in data.agreements]
    data = dataclasses.replace(data, debts=debts, communications=comms, incomes=incomes,
                               expenses=expenses, agreements=agreements)
    with Workbook.open(path) as wb, wb.batch():
        _seed(wb, data)
    return path


def grid(line: str) -> str:
    """`line` with a filler after each double-width character: index = terminal cell."""
    return "".join(ch + "\0" * (cell_len(ch) - 1) for ch in line)


def column_spans(table: DataTable) -> dict[str, tuple[int, int]]:
    """Screen cells [start, end) of each column, as the table lays them out."""
    x = table.region.x - int(table.scroll_x)
    spans = {}
    for key, column in table.columns.items():
        width = column.get_render_width(table)
        spans[str(key.value)] = (x, x + width)
        x += width
    return spans


def check_table(app, lines: list[str], table_id: str, right: tuple[str, ...], wide: bool) -> None:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    top = table.region.y
    shown = min(table.row_count, table.region.height - 1)
    assert shown > 0, table_id
    rows = [grid(line) for line in lines[top:top + 1 + shown]]
    right_edge = table.region.right
    flex = table.flex if isinstance(table, FitTable) else {}
    for key, (start, end) in column_spans(table).items():
        if end > right_edge:
            continue  # scrolled off to the right: not on screen, so not cut either
        for n, row in enumerate(rows):
            text = row[start:end].replace("\0", "")
            if not text.strip():
                continue  # an empty cell
            if key in right:  # header and figures end in the column's last cell
                assert row[end - 1] != " ", (table_id, key, n, row[start:end])
            else:  # after the one-cell gap
                assert row[start + 1] != " ", (table_id, key, n, row[start:end])
            if n == 0:
                continue
            full = str(table.get_row_at(n - 1)[list(table.columns).index(key)]).strip()
            if text.strip() != full:  # cut: the start of the text and an ellipsis
                assert key in flex, (table_id, key, text, full)
                assert text.strip().endswith(ELLIPSIS), (table_id, key, text)
                assert full.startswith(text.strip()[:-len(ELLIPSIS)].rstrip()), (text, full)
                assert not wide or key not in ("lender", "name"), (table_id, text, full)


async def visit(app, pilot, screen: str) -> None:
    if screen == "home":
        app.action_go_home()
    elif screen == "log":
        app.show_log()
    else:
        app.action_goto_step(int(screen))
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_every_table_shows_money_whole_and_headers_over_their_rows(
    tmp_path, open_app, lang, size
):
    app = open_app(big_workbook(tmp_path / "big.json"), lang=lang)
    wide = size[0] >= 200
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for screen, tables in SCREENS.items():
            await visit(app, pilot, screen)
            if screen == "1":  # the schedule of a debt in millions, under the table
                table = app.screen.query_one("#debts", DataTable)
                balances = [str(table.get_row_at(i)[2]).strip() for i in range(table.row_count)]
                table.move_cursor(row=balances.index("¥12,345,678.90"))
                await pilot.pause()
            lines = screen_lines(app)
            text = "\n".join(lines)
            for found in re.finditer(r"¥-?[\d,]*(\.\d*)?", text):
                assert MONEY.fullmatch(found.group()), (screen, found.group(), text)
            assert "~" not in text.replace("~]", ""), (screen, text)  # the old cut mark
            for table_id, right in tables.items():
                check_table(app, lines, table_id, right, wide)
            if screen in ("1", "6"):
                assert "¥12,345,678.90" in text, (screen, text)
            if wide and screen in ("1", "3", "4"):  # at 200 columns every name is whole
                for name in NAMES:
                    assert name in text, (screen, name)
            if screen == "6":  # its dialogs: the schedule, and the debts to agree with
                for key in ("s", "a"):
                    await pilot.press(key)
                    await pilot.pause()
                    shown = screen_lines(app)
                    amounts = re.findall(r"¥-?[\d,]*(?:\.\d*)?", "\n".join(shown))
                    assert amounts and all(MONEY.fullmatch(a) for a in amounts), (key, shown)
                    if key == "s":
                        check_table(app, shown, "payments-table", ("amount",), wide)
                    await pilot.press("escape")
                    await pilot.pause()


async def test_a_wider_amount_after_a_save_widens_its_column(tmp_path, open_app):
    app = open_app(big_workbook(tmp_path / "big.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await visit(app, pilot, "1")
        debt = next(d for d in app.data().debts if d.balance != BIG)
        app.save(lambda: app.wb.debts.update(
            dataclasses.replace(debt, balance=Decimal("987654321.09"))))
        await pilot.pause()
        await pilot.pause()
        assert "¥987,654,321.09" in "\n".join(screen_lines(app))
