"""The heap frozen for quick switches (tui.ahead), and screens that still catch up.

Once the step screens are built ahead the app freezes the heap (`gc.freeze`), so a full
garbage collection no longer walks the big workbook in the middle of a switch; later,
at a long pause, it thaws, collects and freezes again. Frozen or not, a screen built
ahead and revisited must show what a save changed and the language switched to, and
skip its refill only when neither changed.
"""

from __future__ import annotations

import gc
import weakref
from decimal import Decimal

import pytest
from screen_text import screen_text
from tui_helpers import SIZE, home_figures

from tui import ahead
from tui.steps import STEP_SCREENS
from workbook.models import Debt


@pytest.fixture(autouse=True)
def _thawed():
    """The test process must not keep objects frozen by an app under test."""
    yield
    gc.unfreeze()


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


class _Cycle:
    def __init__(self) -> None:
        self.me = self  # only the cyclic collector can free it


def test_freezing_keeps_garbage_until_the_whole_heap_is_thawed_and_collected():
    gc.unfreeze()
    kept = _Cycle()
    ref = weakref.ref(kept)
    ahead._freeze_heap()
    assert gc.get_freeze_count() > 0
    del kept
    gc.collect()
    assert ref() is not None  # frozen: the collector no longer looks at it
    ahead._freeze_heap(whole=True)
    assert ref() is None  # thawed, collected, what is alive frozen again
    assert gc.get_freeze_count() > 0


def test_garbage_of_the_moment_is_collected_before_freezing():
    gc.unfreeze()
    garbage = _Cycle()
    ref = weakref.ref(garbage)
    del garbage
    ahead._freeze_heap()
    assert ref() is None


async def test_the_heap_is_frozen_again_only_at_a_long_pause_after_enough_new_objects(
    demo_app, monkeypatch
):
    calls: list[bool] = []
    monkeypatch.setattr(ahead, "_freeze_heap", lambda whole=False: calls.append(whole))
    monkeypatch.setattr(ahead, "HEAP_CHECK_S", 1000.0)  # ticks by hand only
    async with demo_app.run_test(size=SIZE):
        await home_figures(demo_app)
        builder = demo_app._prebuilder
        builder.jobs.clear()  # every screen built
        builder.user_acted()
        builder.tick()
        assert calls == []  # the user is busy: a whole collection would be felt
        builder.last_input -= ahead.REFREEZE_IDLE_S
        monkeypatch.setattr(ahead, "REFREEZE_OBJECTS", 10**12)
        builder.tick()
        assert calls == []  # a long pause, but too few new objects to be worth it
        monkeypatch.setattr(ahead, "REFREEZE_OBJECTS", 0)
        builder.tick()
        assert calls == [True]


async def test_screens_built_ahead_in_a_frozen_heap_show_a_save_and_a_language_switch(
    demo_path, open_app, monkeypatch
):
    monkeypatch.setattr(ahead, "IDLE_S", 0.0)
    monkeypatch.setattr(ahead, "REFREEZE_IDLE_S", 0.0)
    monkeypatch.setattr(ahead, "REFREEZE_OBJECTS", 10**12)  # not yet (each one is slow here)
    monkeypatch.setattr(ahead, "HEAP_CHECK_S", 0.05)
    real_freeze = ahead._freeze_heap
    thawed: list[bool] = []

    def freeze(whole: bool = False) -> None:
        thawed.append(whole)
        real_freeze(whole)

    monkeypatch.setattr(ahead, "_freeze_heap", freeze)
    app = open_app(demo_path)
    app.build_ahead = True
    async with app.run_test(size=SIZE) as pilot:
        await home_figures(app)
        await _built(app, pilot)
        assert gc.get_freeze_count() > 0
        screens = {n: app.get_screen(f"step-{n}") for n in STEP_SCREENS}
        refills = {n: 0 for n in STEP_SCREENS}
        for n, screen in screens.items():
            real = screen.refresh_data

            def counted(n=n, real=real) -> None:
                refills[n] += 1
                real()

            monkeypatch.setattr(screen, "refresh_data", counted)

        async def visit_all() -> None:
            for n in STEP_SCREENS:
                await pilot.press(str(n))
                await pilot.pause()
                assert app.screen is screens[n]
            await pilot.press("h")
            await pilot.pause()

        app.save(lambda: app.wb.debts.add(Debt(lender="Frozen Heap Bank", balance=Decimal("1234"))))
        monkeypatch.setattr(ahead, "REFREEZE_OBJECTS", 0)
        for _ in range(100):  # a long pause: the heap thawed, collected, frozen again
            if True in thawed:
                break
            await pilot.pause(0.05)
        monkeypatch.setattr(ahead, "REFREEZE_OBJECTS", 10**12)
        assert True in thawed and gc.get_freeze_count() > 0
        await pilot.press("1")
        await pilot.pause()
        assert "Frozen Heap Bank" in screen_text(app)  # the save, not the debts as built
        await pilot.press("h")
        await pilot.pause()
        await visit_all()
        assert set(refills.values()) == {1}  # each caught up once, on its next visit
        await visit_all()
        assert set(refills.values()) == {1}  # and not again: nothing changed

        await pilot.press("l")  # the language, from home
        await pilot.pause(0.2)
        for n in STEP_SCREENS:
            await pilot.press(str(n))
            await pilot.pause()
            assert f"第 {n} 步" in screen_text(app).splitlines()[0]  # recomposed in Chinese
        assert set(refills.values()) == {2}
