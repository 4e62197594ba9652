"""Started in a terminal smaller than 80x24: the "enlarge" notice is on top of home, and
goes once the terminal is enlarged, leaving home (it used to be pushed under home at
start, which then showed squeezed, and the notice stayed after the enlarging)."""

from __future__ import annotations

from screen_text import screen_text
from tui_helpers import SIZE

from tui.frame.ask import AskModal
from tui.frame.too_small import TooSmallScreen
from tui.home.screen import HomeScreen


def _stack(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack[1:]]


async def test_started_small_the_notice_is_on_top_then_goes(demo_app):
    async with demo_app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert _stack(demo_app) == ["HomeScreen", "TooSmallScreen"]
        assert "Please enlarge the terminal" in screen_text(demo_app)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert _stack(demo_app) == ["HomeScreen"]
        assert "Where you stand" in screen_text(demo_app)


async def test_a_notice_under_a_dialog_goes_when_the_dialog_closes(demo_app):
    async with demo_app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        # A dialog opened over the notice (as a draft offered at start would be).
        demo_app.push_screen(AskModal("?", [("later", "Later", "l")]))
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in demo_app.screen_stack)
