"""The shell: step keys, home, keys help, palette, language, theme, size, read-only."""

from __future__ import annotations

from textual.command import CommandPalette
from tui_helpers import SIZE, home_figures

from storage import Workbook, WorkbookWriteError
from tui.budget.screen import CapacityScreen
from tui.debts.debt_form import DebtForm
from tui.debts.screen import InventoryScreen
from tui.frame.keys_help import KeysHelp
from tui.frame.too_small import TooSmallScreen
from tui.home.screen import HomeScreen
from tui.palette import palette_actions
from tui.steps import STEP_SCREENS, step_screen
from tui.widgets.field import Field
from tui.widgets.stepbar import StepTab
from tui.widgets.titlebar import TitleBar


def title_text(app) -> str:
    return str(app.screen.query_one(TitleBar).render())


async def test_step_keys_jump_and_h_goes_home(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        assert isinstance(demo_app.screen, HomeScreen)
        await pilot.press("1")
        assert isinstance(demo_app.screen, InventoryScreen)
        await pilot.press("2")
        assert isinstance(demo_app.screen, CapacityScreen)
        await pilot.press("h")
        assert isinstance(demo_app.screen, HomeScreen)


async def test_each_step_key_opens_its_registered_screen(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        for n in sorted(STEP_SCREENS):
            await pilot.press(str(n))
            assert type(demo_app.screen) is step_screen(n) and demo_app.screen.STEP == n


async def test_step_bar_shows_states_from_the_data(demo_app):
    async with demo_app.run_test(size=SIZE):
        await home_figures(demo_app)  # home's step bar gets them from its worker
        tabs = {t.number: t for t in demo_app.screen.query(StepTab)}
        assert tabs[1].has_class("-done")  # demo debts all have a rate and a due day
        assert tabs[2].has_class("-done")  # income and spending entered


async def test_question_mark_lists_the_screens_keys(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "question_mark")
        assert isinstance(demo_app.screen, KeysHelp)
        keys = dict(demo_app.screen.rows)
        assert keys["a"] == "Add" and keys["s"] == "Sort" and "1-7" in keys
        await pilot.press("escape")
        assert isinstance(demo_app.screen, InventoryScreen)


async def test_palette_offers_screen_actions_then_globals(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        titles = [a.title for a in palette_actions(demo_app.screen)]
        assert titles[0] == "Add a debt"
        assert {"Switch language", "Edit profile", "Go home", "Quit"} <= set(titles)
        home_titles = [a.title for a in palette_actions(demo_app.get_screen("home"))]
        assert "Add a debt" not in home_titles


async def test_palette_runs_a_command(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"switch lang", "enter")
        await pilot.pause()
        assert "首页" in title_text(demo_app)


async def test_palette_on_a_form_and_a_confirmation_offers_their_own_actions(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", *"Draft", "ctrl+p")
        await pilot.pause()
        assert isinstance(demo_app.screen, CommandPalette)
        form = demo_app.screen_stack[-2]
        assert [a.title for a in form.actions()] == ["Save", "Cancel"]
        await pilot.press(*"cancel", "enter")
        await pilot.pause()
        await pilot.press("d")  # "Draft" was typed: discard it
        assert isinstance(demo_app.screen, InventoryScreen)  # the form was cancelled
        assert "Draft" not in [d.lender for d in demo_app.wb.debts.list()]
        await pilot.press("d", "ctrl+p", *"cancel", "enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, InventoryScreen)
        assert len(demo_app.wb.debts.list()) == 6


async def test_language_switch_rerenders_and_is_saved(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        assert "Know your debts" in title_text(demo_app)
        await pilot.press("l")
        await pilot.pause()
        assert "了解自己的债务状况" in title_text(demo_app)
        header = demo_app.screen.query_one("#debts").columns
        assert str(next(iter(header.values())).label).strip() == "借款机构"
        await pilot.press("h")
        await pilot.pause()
        assert "当前进展" in str(demo_app.screen.query_one(".section-title").render())
    assert demo_app.wb.settings().language == "zh"


async def test_theme_toggle_is_saved(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        before = demo_app.theme
        await pilot.press("t")
        assert demo_app.theme != before
    assert demo_app.wb.settings().theme == "light"


async def test_below_80x24_shows_enlarge_message(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert isinstance(demo_app.screen, TooSmallScreen)
        assert "enlarge" in str(demo_app.screen.query_one("#too-small-message").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)


async def test_read_only_shows_banner_and_refuses_edits(demo_path, open_app):
    app = open_app(demo_path, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "READ-ONLY" in title_text(app)
        await pilot.press("1", "a")
        assert isinstance(app.screen, InventoryScreen)  # no form opened
        assert any("read-only" in n.message for n in app._notifications)


async def test_storage_error_is_a_notification_not_a_crash(demo_app, monkeypatch):
    def broken(record):
        raise WorkbookWriteError(demo_app.wb.path, OSError(28, "No space left on device"))

    async with demo_app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(demo_app.wb.debts, "add", broken)
        await pilot.press("1", "a", *"X", "tab", "tab", "tab", "tab", "tab", "tab", *"100")
        await pilot.press("enter")
        await pilot.pause()
        # The form stays open with what was typed: nothing the user wrote is lost.
        assert isinstance(demo_app.screen, DebtForm)
        assert demo_app.screen.query_one("#lender", Field).text == "X"
        assert any(n.title == "Not saved" for n in demo_app._notifications)
        monkeypatch.undo()  # the disk has room again: the same form saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, InventoryScreen)
        assert "X" in [d.lender for d in demo_app.wb.debts.list()]


def test_every_step_is_registered_explicitly():
    assert sorted(STEP_SCREENS) == list(range(1, 8))
    assert step_screen(1) is InventoryScreen and step_screen(2) is CapacityScreen


def test_reopened_workbook_keeps_settings(demo_path):
    with Workbook.open(demo_path) as wb:
        assert wb.settings().workbook_name


def test_every_step_screen_imports_and_says_its_step():
    # A screen that fails to import fails here, not as "not built" at run time.
    for n in STEP_SCREENS:
        assert step_screen(n).STEP == n


async def test_key_bar_fits_80_columns_and_keeps_help_and_palette(demo_path, open_app):
    from tui.widgets.keybar import KeyBar

    for lang in ("zh", "en"):
        app = open_app(demo_path, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            for key in ("h", "1", "2"):
                await pilot.press(key)
                line = app.screen.query_one(KeyBar).render()
                assert line.cell_len <= 80 and "?" in line.plain and "Ctrl+P" in line.plain
                if key == "h":  # no key to go where the user already is
                    assert " h " not in line.plain, lang
        app.wb.close()
