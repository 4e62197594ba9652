"""Home is drawn before the figures that need the whole log are worked out; they
arrive later on the same screen (a 10,000-entry log must not hold up the first screen).

The worker's two computations are held at a gate, so the order is certain without
any timing: while they are held, home is on screen with its titles and without them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading

from screen_text import screen_text
from tui_helpers import SIZE, TODAY, home_figures, plain

import tui.home.screen as home_module
import workbook.followup.progress as progress_module
import workbook.overview as overview_module
from tui.home.screen import HomeScreen
from workbook import fmt


async def test_home_is_composed_before_the_conduct_and_next_action_figures(
    demo_path, open_app, monkeypatch
):
    gate = threading.Event()
    done: list[str] = []
    real_states, real_overview = progress_module.step_states, overview_module.build_overview

    def held(name, fn):
        def run(*args, **kwargs):
            # On the UI thread it would hold the first paint (and this test) for ever.
            assert threading.current_thread() is not threading.main_thread(), name
            gate.wait()
            result = fn(*args, **kwargs)
            done.append(name)
            return result

        return run

    # The step states run the conduct rules over the whole log; the overview holds the
    # next action and the warnings.
    # (Home imports both where it uses them, off the first frame's path.)
    monkeypatch.setattr(progress_module, "step_states", held("states", real_states))
    monkeypatch.setattr(overview_module, "build_overview", held("overview", real_overview))
    app = open_app(demo_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            first = screen_text(app)
            assert "Where you stand" in first and "Key figures" in first
            assert "Reading the workbook..." in first
            assert "[.]1 Debts" in first  # the step bar waits for the states too
            assert "Next:" not in first and "Warnings (" not in first
            assert done == [] and app.cached_step_states() is None

            gate.set()
            await home_figures(app)
            await pilot.pause()
            assert app.screen is home  # the same screen, filled in
            later = screen_text(app)
            assert done == ["states", "overview"]
            assert "Next:" in later and "Warnings (" in later
            assert "Reading the workbook..." not in later
            assert "[x]1 Debts" in later
            assert app.cached_step_states() is not None
    finally:
        gate.set()


async def test_a_late_answer_from_before_a_save_is_not_shown(demo_path, open_app, monkeypatch):
    """A save while the worker runs: its figures (of the old data) are dropped and the
    round the save started shows the new ones."""
    gate = threading.Event()
    real_overview = overview_module.build_overview
    calls = []

    def held(*args, **kwargs):
        calls.append(len(args[0].debts))
        if len(calls) == 1:
            gate.wait()  # only the first round waits
        return real_overview(*args, **kwargs)

    delivered: list[int] = []
    real_deliver = home_module._deliver

    def deliver(app, method, *args):
        real_deliver(app, method, *args)  # returns once the UI thread has run it
        delivered.append(args[0])

    monkeypatch.setattr(overview_module, "build_overview", held)
    monkeypatch.setattr(home_module, "_deliver", deliver)
    app = open_app(demo_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            home = app.screen
            before = app.wb.snapshot()
            first_count = len(before.debts)
            debt = app.wb.debts.list()[0]
            app.save(lambda: app.wb.debts.delete(debt.id))
            await pilot.pause()
            gate.set()

            async def both_answered() -> None:
                while sorted(delivered) != [1, 2]:
                    await pilot.pause()

            await asyncio.wait_for(both_answered(), timeout=60)  # a bound, not a measure
            await home_figures(app)
            assert app.screen is home
            now = app.wb.snapshot()
            assert app.data().debts == now.debts  # the cache is the new data
            assert len(app.data().debts) == first_count - 1
            shown = plain(app, "#home-figure-list")
            assert fmt.money(real_overview(now, TODAY).total_debt) in shown
            assert fmt.money(real_overview(before, TODAY).total_debt) not in shown
    finally:
        gate.set()


async def test_a_thousand_warnings_show_the_first_hundred_and_count_the_rest(
    empty_app, monkeypatch
):
    lines = [f"warning {i}" for i in range(1000)]
    real_overview = overview_module.build_overview

    def many(*args, **kwargs):
        view = real_overview(*args, **kwargs)
        return dataclasses.replace(view, warnings=lines)

    monkeypatch.setattr(overview_module, "build_overview", many)
    async with empty_app.run_test(size=SIZE):
        await home_figures(empty_app)
        shown = plain(empty_app, "#home-warning-list")
        assert "Warnings (1000)" in screen_text(empty_app)
        assert "warning 0" in shown and "warning 99" in shown and "warning 100" not in shown
        assert "and 900 more, on the steps they belong to." in shown
