"""`e`: the export dialog offers what fits where the user stands, writes the file in a
worker, shows where it went; problems are one line. `offers_for` below the UI."""

from __future__ import annotations

import dataclasses
import errno
import stat
import threading
from datetime import date
from pathlib import Path

import pypdf
from tui_helpers import SIZE, TODAY, notes

from storage import Workbook
from tui.debts.screen import InventoryScreen
from tui.export import dialog as export_dialog
from tui.export.dialog import ExportDialog, problem_line
from tui.export.offers import ExportContext, offers_for
from tui.home.screen import HomeScreen
from tui.method.screen import ChannelScreen
from tui.palette import palette_actions
from tui.widgets.choice_list import ChoiceList
from tui.widgets.field import Choice, Field
from workbook.i18n import set_language


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def _set_export_dir(path: Path, folder: Path) -> None:
    with Workbook.open(path) as wb:
        wb.save_settings(dataclasses.replace(wb.settings(), export_dir=str(folder)))


def _status(app) -> str:
    return str(app.screen.query_one("#export-status").content)


async def _written(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_e_from_home_writes_the_summary_and_shows_where(demo_path, open_app, tmp_path):
    out = tmp_path / "out"
    _set_export_dir(demo_path, out)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        keys = [o.key for o in dialog.offers]
        assert keys[0] == "summary" and "letter" not in keys and "checklist" not in keys
        assert {"csv-debts", "csv-log", "csv-payments", "json", "ics"} <= set(keys)
        assert dialog.query_one("#export-folder", Field).text == str(out)
        await pilot.press("enter")
        await _written(app, pilot)
        (pdf,) = out.iterdir()
        assert pdf.name == f"summary-en-{TODAY.isoformat()}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF") and _private(pdf)
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        assert str(pdf) in _status(app) and any(str(pdf) in n for n in notes(app))
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_csv_from_a_step_into_a_typed_folder_which_is_remembered(demo_app, demo_path, tmp_path):
    folder = tmp_path / "typed"
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "e", "down")  # the debts table
        dialog = demo_app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.highlighted_offer().key == "csv-debts"
        dialog.query_one("#export-folder", Field).input.value = str(folder)
        await pilot.press("tab", "tab", "enter")  # language, folder; Enter in the folder
        await _written(demo_app, pilot)
        (csv,) = folder.iterdir()
        assert csv.suffix == ".csv" and _private(csv)
        assert csv.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel's BOM: the reports' CSV
        assert str(csv) in _status(demo_app)
        await pilot.press("escape")
        assert isinstance(demo_app.screen, InventoryScreen)
    with Workbook.open(demo_path, read_only=True) as wb:
        assert wb.settings().export_dir == str(folder)


async def test_letter_only_where_a_debt_is_in_context(demo_app, tmp_path):
    # Step 3 (as shipped) puts the selected debt in the export context; home does not.
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert "letter" not in [o.key for o in demo_app.screen.offers]
        await pilot.press("escape", "3")
        assert isinstance(demo_app.screen, ChannelScreen)
        debt = demo_app.screen.selected()
        assert debt is not None
        await pilot.press("e")
        dialog = demo_app.screen
        assert dialog.offers[0].key == "letter" and debt.lender in dialog.offers[0].title
        lang = dialog.query_one("#export-lang", Choice)
        assert lang.value == "zh"  # the letter goes in Chinese, the interface is English
        await pilot.press("down")
        assert lang.value == "en"  # the summary follows the interface
        await pilot.press("up", "tab", "right", "shift+tab")  # the letter in English
        assert lang.value == "en"
        dialog.query_one("#export-folder", Field).input.value = str(tmp_path)
        await pilot.press("enter")
        await _written(demo_app, pilot)
    assert (tmp_path / f"letter-{debt.lender}-en-{TODAY.isoformat()}.pdf").exists()


async def test_unwritable_folder_is_one_line_and_the_dialog_stays(demo_app, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        demo_app.screen.query_one("#export-folder", Field).input.value = str(blocker / "sub")
        await pilot.press("enter")
        await _written(demo_app, pilot)
        assert isinstance(demo_app.screen, ExportDialog)
        status = _status(demo_app)
        assert status.startswith("Not written:") and "\n" not in status
        assert "part of the folder's path is a file" in status
        assert demo_app.screen.query_one("#export-status").has_class("-error")
        await pilot.press("escape")
    assert not (blocker.parent / "sub").exists()


async def test_empty_folder_is_refused_at_the_field(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        field = demo_app.screen.query_one("#export-folder", Field)
        field.input.value = "  "
        await pilot.press("enter")
        assert field.has_class("-invalid") and demo_app.focused is field.input
        assert not list(demo_app.workers)


async def test_read_only_workbook_exports_and_saves_nothing(demo_path, open_app, tmp_path):
    before = demo_path.read_bytes()
    app = open_app(demo_path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "down", "down", "down", "down", "down")
        assert app.screen.highlighted_offer().key == "json"
        assert app.screen.query_one("#export-lang", Choice).disabled
        app.screen.query_one("#export-folder", Field).input.value = str(tmp_path / "ro")
        await pilot.press("enter")
        await _written(app, pilot)
        (written,) = (tmp_path / "ro").iterdir()
        assert written.suffix == ".json" and _private(written)
        assert not any("read-only" in n for n in notes(app))
    assert demo_path.read_bytes() == before


async def test_closing_while_writing_keeps_the_ui_and_still_tells(demo_app, monkeypatch):
    release = threading.Event()
    real = export_dialog.write_offer

    def slow_write(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "write_offer", slow_write)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "enter")
        assert _status(demo_app).startswith("Writing Case summary")
        await pilot.press("enter")  # a second Enter waits for the first
        assert "Still writing" in _status(demo_app)
        await pilot.press("escape")  # the UI answers while the file is written
        assert not isinstance(demo_app.screen, ExportDialog)
        release.set()
        await _written(demo_app, pilot)
        assert any(n.startswith("Written: ") for n in notes(demo_app))


async def test_palette_offers_export_everywhere(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        (export,) = [a for a in palette_actions(demo_app.screen) if a.title == "Export"]
        export.callback()
        await pilot.pause()
        assert isinstance(demo_app.screen, ExportDialog)


# --- below the UI -----------------------------------------------------------------------

def test_offers_follow_the_context(demo_path):
    set_language("en")
    with Workbook.open(demo_path, read_only=True) as wb:
        data = wb.snapshot()
    debt, agreement = data.debts[0], data.agreements[0]
    plain = [o.key for o in offers_for(ExportContext(), data)]
    assert plain == ["summary", "csv-debts", "csv-log", "csv-payments", "ics", "json",
                     "letter-choose", "checklist-choose", "schedule-choose", "log-all"]
    assert [o.key for o in offers_for(ExportContext(debt_id=debt.id), data)][0] == "letter"
    assert "letter" not in [o.key for o in offers_for(ExportContext(debt_id=9999), data)]
    keys = [o.key for o in offers_for(ExportContext(agreement_id=agreement.id), data)]
    assert keys[:2] == ["checklist", "schedule"]
    logged = offers_for(
        ExportContext(log=True, lender="快易借", start=date(2026, 1, 1), end=None), data
    )
    log_pdf = next(o for o in logged if o.key == "log")
    assert "快易借" in log_pdf.title and log_pdf.request.lender == "快易借"
    log_csv = next(o for o in logged if o.key == "csv-log")
    assert log_csv.request.start == date(2026, 1, 1) and log_csv.request.table == "log"
    assert next(o for o in logged if o.key == "json").has_language is False


def test_problem_lines_are_ours_and_single():
    set_language("en")
    full = OSError(errno.ENOSPC, "No space left on device", "/x/summary.pdf")
    assert problem_line(full) == "Not written: the disk is full: /x/summary.pdf"
    assert problem_line(ValueError("a\nb")) == "Not written: ValueError: a b"
    set_language("zh")
    assert problem_line(full).startswith("没有写入：磁盘已满")
    set_language("en")


async def test_enter_on_the_language_opens_it_and_ctrl_s_exports(demo_path, open_app, tmp_path):
    out = tmp_path / "out"
    _set_export_dir(demo_path, out)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "tab", "enter")  # Enter on a select opens its list (issue 13)
        await pilot.pause()
        assert isinstance(app.screen, ChoiceList)
        await pilot.press("up", "enter")  # the summary, in the other language (Chinese, first)
        await pilot.pause()
        assert app.screen.query_one("#export-lang", Choice).value == "zh"
        assert not out.exists()  # choosing wrote nothing
        await pilot.press("ctrl+s")
        await _written(app, pilot)
        (pdf,) = out.iterdir()
        assert "情况汇总" in pypdf.PdfReader(str(pdf)).pages[0].extract_text()


async def test_the_blank_chinese_warning_is_shown_with_the_path(demo_path, open_app, monkeypatch):
    from reports import fonts

    monkeypatch.setattr(fonts, "_fc_match", lambda family: [])
    monkeypatch.setattr(fonts, "_fc_list", lambda pattern: [])
    monkeypatch.delenv("REPAY_PDF_FONT", raising=False)
    fonts._choose.cache_clear()
    app = open_app(demo_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e", "enter")
            await _written(app, pilot)
            status = _status(app)
            assert "Written:" in status and "blank" in status and "REPAY_PDF_FONT" in status
            assert any("blank" in n for n in notes(app))
    finally:
        fonts._choose.cache_clear()
