"""`e` reaches every document from anywhere: on home the letter, the checklist, the
schedule and the whole log are offered, each asking for its debt or agreement first."""

from __future__ import annotations

import dataclasses

from pypdf import PdfReader
from textual.widgets import OptionList
from tui_helpers import SIZE

from storage import Workbook
from tui.export.dialog import ExportDialog
from tui.frame.pick import PickRecord
from tui.home.screen import HomeScreen


def _export_to(path, folder) -> None:
    with Workbook.open(path) as wb:
        wb.save_settings(dataclasses.replace(wb.settings(), export_dir=str(folder)))


async def test_home_offers_every_document_with_a_picker(demo_path, open_app):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("e")
        keys = [o.key for o in app.screen.offers]
        assert {"letter-choose", "checklist-choose", "schedule-choose", "log-all"} <= set(keys)
        assert keys[0] == "summary"  # home's own offers come first, the rest after


async def test_the_letter_from_home_asks_which_debt_then_writes_it(demo_path, open_app, tmp_path):
    out = tmp_path / "out"
    _export_to(demo_path, out)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        index = [o.key for o in dialog.offers].index("letter-choose")
        dialog.query_one("#export-kinds", OptionList).highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickRecord)
        lender = app.data().debts[1].lender
        assert [lender in str(line) for _id, line in picker.choices][1]
        await pilot.press("down", "enter")  # the second debt
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog
        written = sorted(out.glob("letter-*.pdf"))
        assert len(written) == 1
        text = "".join(page.extract_text() for page in PdfReader(written[0]).pages)
        assert lender in text


async def test_cancelling_the_picker_writes_nothing(demo_path, open_app, tmp_path):
    out = tmp_path / "out"
    _export_to(demo_path, out)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        dialog = app.screen
        index = [o.key for o in dialog.offers].index("checklist-choose")
        dialog.query_one("#export-kinds", OptionList).highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickRecord)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog
        assert not out.exists() or not any(out.iterdir())
