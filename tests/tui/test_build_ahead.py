"""Work done ahead: step screens built while the user is idle, styles read per folder.

The app builds the step screens once home is complete and the user pauses (in a real
terminal only: `build_ahead` is off in headless tests unless a test turns it on). A
screen built ahead must be the one the key shows, already filled, and still catch up
after a save; a key press holds the building back.
"""

from __future__ import annotations

from decimal import Decimal

from tui_helpers import SIZE, home_figures

from tui import ahead
from tui.home.screen import HomeScreen
from tui.steps import STEP_SCREENS
from workbook.models import Debt


async def _built(app, pilot) -> None:
    # Bounded only so that a broken builder fails instead of hanging.
    for _ in range(600):
        if app._prebuilder.done and all(
            app.get_screen(f"step-{n}").is_mounted for n in STEP_SCREENS
        ):
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError("the step screens were not built ahead")


def _styles_read(app) -> set[str]:
    return {str(path) for path, _scope in app.stylesheet.source}


async def test_step_screens_are_built_and_filled_ahead_then_shown_as_built(
    demo_path, open_app, monkeypatch
):
    monkeypatch.setattr(ahead, "IDLE_S", 0.0)
    app = open_app(demo_path)
    app.build_ahead = True
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)
        await _built(app, pilot)
        assert isinstance(app.screen, HomeScreen)  # built unseen: home stays in front
        screens = {n: app.get_screen(f"step-{n}") for n in STEP_SCREENS}
        for screen in screens.values():
            assert screen._shown_version == app.data_version  # filled with the data
            assert screen.size == app.size  # laid out at the terminal's size
        assert {str(p) for p in ahead.all_styles()} <= _styles_read(app)

        debts = screens[1]
        refills: list[int] = []
        real = debts.refresh_data
        monkeypatch.setattr(debts, "refresh_data", lambda: refills.append(1) or real())
        await pilot.press("1")
        await pilot.pause()
        assert app.screen is debts and refills == []  # shown as built, not rebuilt
        assert debts.table.row_count == len(app.data().debts) > 0

        await pilot.press("h")
        await pilot.pause()
        app.save(lambda: app.wb.debts.add(Debt(lender="Built Ahead Bank", balance=Decimal("1000"))))
        await pilot.press("1")
        await pilot.pause()
        assert refills == [1]  # a save since: it catches up when shown
        assert debts.table.row_count == len(app.data().debts)


async def test_a_key_press_holds_the_building_back(demo_path, open_app):
    app = open_app(demo_path)
    app.build_ahead = False  # ticks driven by hand below
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)
        await pilot.pause()
        builder = app._prebuilder
        left = len(builder.jobs)
        await pilot.press("x")  # any key: the user is busy
        builder.tick()
        assert len(builder.jobs) == left
        builder.last_input -= ahead.IDLE_S  # a pause long enough
        builder.tick()
        assert len(builder.jobs) == left - 1


async def test_a_folders_styles_are_read_when_its_screen_is_first_shown(demo_app):
    from tui.plan.screen import PlanScreen

    plan_styles = {str(p) for p in ahead.folder_styles(PlanScreen)}
    assert str(ahead.TUI_DIR / "plan" / "plan.tcss") in plan_styles
    async with demo_app.run_test(size=SIZE) as pilot:
        await home_figures(demo_app)
        assert not plan_styles & _styles_read(demo_app)  # not at start
        await pilot.press("4")
        await pilot.pause()
        assert plan_styles <= _styles_read(demo_app)
