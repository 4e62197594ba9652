"""`repay` starts the app on a claimed workbook (storage.claim): checked and locked, not
read. Home's first frame is drawn, in the saved language, before the records are read;
a file that turns out damaged ends the app with the error the command prints."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from screen_text import screen_text
from tui_helpers import SIZE, TODAY, home_figures, seed_demo_workbook

from storage import Workbook, WorkbookCorrupt
from storage.claim import claim
from storage.lock import lock_path
from tui.app import RepayApp
from workbook.i18n import set_language
from workbook.models import Debt, Settings


@pytest.fixture
def claimed():
    """`claimed(path, lang=...)` -> RepayApp on a claim; whatever it holds is closed after."""
    apps: list[RepayApp] = []

    def make(path: Path, lang: str | None = "en") -> RepayApp:
        app = RepayApp(claim(path), today=TODAY, lang=lang)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close_workbook()
    set_language("en")


def _watch_load(monkeypatch, seen: list[str], shown: list[str] | None = None) -> None:
    """Record what is on screen at the moment the records are read, and (`shown`) which
    screens' frames had been handed to the terminal by then."""
    real = Workbook.load_claimed
    displays: list[str] = []

    def load(claimed):
        from textual._context import active_app

        seen.append(screen_text(active_app.get()))
        if shown is not None:
            shown.extend(displays)
        return real(claimed)

    real_display = RepayApp._display

    def display(app, screen, renderable):
        # What Textual writes (a frame held back in a batch of changes is not).
        if renderable is not None and not app._batch_count:
            displays.append(type(screen).__name__)
        return real_display(app, screen, renderable)

    monkeypatch.setattr(Workbook, "load_claimed", load)
    monkeypatch.setattr(RepayApp, "_display", display)


async def test_home_is_on_screen_before_the_workbook_is_read(tmp_path, claimed, monkeypatch):
    path = seed_demo_workbook(tmp_path / "demo.json")
    seen: list[str] = []
    shown: list[str] = []
    _watch_load(monkeypatch, seen, shown)
    app = claimed(path)
    assert not app.is_open()
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)
        await pilot.pause()
        assert len(seen) == 1  # read once
        assert "HomeScreen" in shown  # home's frame went to the terminal before the read
        first = seen[0]
        assert "Where you stand" in first and "Key figures" in first and "Ctrl+P" in first
        assert "Reading the workbook..." in first
        assert "Total debt" not in first
        later = screen_text(app)
        assert "Total debt" in later and "Warnings (" in later
        assert app.is_open() and app.open_error is None


async def test_the_first_frame_is_in_the_saved_language(tmp_path, claimed, monkeypatch):
    path = seed_demo_workbook(tmp_path / "demo.json")
    with Workbook.open(path) as wb:
        wb.save_settings(Settings(language="zh", workbook_name="老王的账本"))
    before = path.read_bytes()
    seen: list[str] = []
    _watch_load(monkeypatch, seen)
    app = claimed(path, lang=None)
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)
        await pilot.pause()
        assert "当前进展" in seen[0] and "正在读取工作簿" in seen[0]
        assert "老王的账本" in seen[0]  # the title's name, peeked too
        assert app.language == "zh"
    # The language read was the one saved: opening wrote nothing back.
    assert path.read_bytes() == before


async def test_a_missed_peek_is_put_right_once_the_settings_are_read(
    tmp_path, claimed, monkeypatch
):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    path = tmp_path / "w.json"
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00")))
        wb.save_settings(Settings(language="zh", theme="light"))
    # Written by another tool: the settings first, a long log after them.
    data = json.loads(path.read_text(encoding="utf-8"))
    data = {"settings": data.pop("settings"), **data}
    data["communications"] = {
        str(i): {"at": "2026-11-01T09:00:00", "lender": "招商银行", "summary": "x" * 200}
        for i in range(1, 600)
    }
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    seen: list[str] = []
    _watch_load(monkeypatch, seen)
    app = claimed(path, lang=None)
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)
        await pilot.pause()
        assert "Where you stand" in seen[0]  # the locale's language until the read
        assert app.language == "zh" and app.theme == "textual-light"
        assert "当前进展" in screen_text(app)


async def test_a_damaged_file_ends_the_app_with_the_error(tmp_path, claimed):
    path = tmp_path / "w.json"
    path.write_text('{"debts": {"1": {"lender": ', encoding="utf-8")
    app = claimed(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert isinstance(app.open_error, WorkbookCorrupt)
    assert app.return_code == 2
    assert not lock_path(path).exists()  # no lock left beside a file that is no workbook
    assert path.read_text(encoding="utf-8") == '{"debts": {"1": {"lender": '


async def test_the_workbook_is_read_before_a_key_acts(tmp_path, claimed, monkeypatch):
    path = seed_demo_workbook(tmp_path / "demo.json")
    # As if the first key came before home's frame was written (which asks for the read).
    monkeypatch.setattr(RepayApp, "post_display_hook", lambda self: None)
    monkeypatch.setattr(RepayApp, "OPEN_ANYWAY_S", 600.0)
    app = claimed(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.is_open()
        await pilot.press("1")
        await pilot.pause()
        assert app.is_open()
        shown = screen_text(app)
        assert "Step 1: Know your debts" in shown
        assert app.data().debts[0].lender[:3] in shown  # the records, read


def test_the_command_prints_the_error_of_a_damaged_file(tmp_path, monkeypatch, capsys):
    """`repay --db damaged.json`: the app starts, the read fails, one line is printed."""
    from functools import partialmethod

    from tui.cli import main as cli

    path = tmp_path / "w.json"
    path.write_text("{}{}", encoding="utf-8")
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setattr(RepayApp, "run", partialmethod(RepayApp.run, headless=True, size=SIZE))
    assert cli.main(["--db", str(path), "--lang", "en"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("repay: ") and len(err.strip().splitlines()) == 1
    assert "w.json" in err
    assert not lock_path(path).exists()


async def test_the_workbook_is_read_even_if_no_frame_says_so(tmp_path, claimed, monkeypatch):
    path = seed_demo_workbook(tmp_path / "demo.json")
    monkeypatch.setattr(RepayApp, "post_display_hook", lambda self: None)
    monkeypatch.setattr(RepayApp, "OPEN_ANYWAY_S", 0.05)
    app = claimed(path)
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)  # the fallback timer read it
        await pilot.pause()
        assert app.is_open() and "Total debt" in screen_text(app)


async def test_a_draft_left_behind_is_offered_once_the_workbook_is_read(tmp_path, claimed):
    from storage.drafts import Drafts
    from tui.frame.ask import AskModal
    from tui.home.profile_form import ProfileForm
    from tui.widgets.field import Field

    path = seed_demo_workbook(tmp_path / "demo.json")
    Drafts(path).put("ProfileForm:new", {"title": "Your details", "form": "ProfileForm",
                                         "fields": {"name": "Li Lei"}})
    app = claimed(path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(500):  # a bound only: the offer comes once the file is read
            if isinstance(app.screen, AskModal):
                break
            await pilot.pause(0.01)
        assert isinstance(app.screen, AskModal)  # "Continue where you stopped?"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)
        assert app.screen.query_one("#name", Field).text == "Li Lei"
