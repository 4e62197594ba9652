"""The user extends the dated LPR table; the 4 x LPR benchmark follows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tui_helpers import SIZE, notes

from storage import Workbook
from tui.debts.lpr_table import LprTableDialog, with_row
from tui.frame.confirm import ConfirmModal
from tui.palette import palette_actions
from tui.widgets.field import Field
from workbook.models import LprEntry
from workbook.money.lpr import lpr_on


def _open_from_palette(app) -> None:
    (entry,) = [a for a in palette_actions(app.screen) if a.title == "LPR table"]
    entry.callback()


async def test_add_a_newer_lpr_with_bad_then_good_input_and_it_is_saved(demo_path, open_app):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        _open_from_palette(app)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LprTableDialog)
        start = dialog.query_one("#lpr-start", Field)
        percent = dialog.query_one("#lpr-percent", Field)
        start.input.value = "2018-01-01"  # before the LPR reform
        percent.input.value = "abc"
        await pilot.press("ctrl+s")
        assert start.has_class("-invalid") and percent.has_class("-invalid")
        assert app.extra_lpr() == []
        start.input.value = "2026-06-22"
        percent.input.value = "2.9%"
        source = dialog.query_one("#lpr-source", Field)
        source.input.value = "x" * 81  # a name or an address, not a page
        await pilot.press("ctrl+s")
        assert source.has_class("-invalid") and app.extra_lpr() == []
        assert source.region.bottom <= SIZE[1] and source.region.height  # fits at 80x24
        source.input.value = "  PBoC   website "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "LPR row saved." in notes(app)
        table = dialog.query_one("#lpr-rows")
        assert table.row_count == 14
        assert str(table.get_row_at(0)[3]) == "added by you: PBoC website"
        await pilot.press("escape")
    app.wb.close()
    with Workbook.open(demo_path, read_only=True) as wb:
        extra = wb.settings().extra_lpr
    assert extra == [LprEntry(date(2026, 6, 22), Decimal("2.9"), "PBoC website")]
    assert lpr_on(date(2026, 7, 1), extra).percent == Decimal("2.9")


async def test_built_in_rows_stay_and_own_rows_delete_after_asking(demo_path, open_app):
    with Workbook.open(demo_path) as wb:
        settings = wb.settings()
        settings.extra_lpr = [LprEntry(date(2026, 6, 22), Decimal("2.9"))]
        wb.save_settings(settings)
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(LprTableDialog())
        await pilot.pause()
        table = app.screen.query_one("#lpr-rows")
        table.focus()  # Del in a text field deletes a character; on the table, a row
        table.move_cursor(row=1)  # a built-in row (newest first: row 0 is the user's)
        await pilot.press("delete")
        assert not isinstance(app.screen, ConfirmModal)
        table.move_cursor(row=0)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert app.extra_lpr() == []


def test_a_row_of_the_same_date_replaces_the_old_one():
    rows = [LprEntry(date(2026, 6, 22), Decimal("2.9"))]
    assert with_row(rows, LprEntry(date(2026, 6, 22), Decimal("2.8"))) == [
        LprEntry(date(2026, 6, 22), Decimal("2.8"))
    ]
