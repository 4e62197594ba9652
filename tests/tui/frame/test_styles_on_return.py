"""A screen that comes back is restyled only when styles may have changed meanwhile.

Textual restyles every widget of a screen at each return (and empties each table's
rendered lines): BaseScreen skips it when neither the theme, nor the styles read, nor
the terminal's size changed while the screen was hidden. These tests fail if the skip
kept a screen in an old theme, or if it stopped skipping.
"""

from __future__ import annotations

from textual.screen import Screen
from tui_helpers import SIZE, home_figures


async def _visit(pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


async def test_a_screen_shown_again_keeps_its_styles_unless_the_theme_changed(
    demo_app, monkeypatch
):
    restyled: list[str] = []
    real = Screen.update_node_styles

    def counted(self, animate: bool = True) -> None:
        restyled.append(type(self).__name__)
        real(self, animate)

    monkeypatch.setattr(Screen, "update_node_styles", counted)
    async with demo_app.run_test(size=SIZE) as pilot:
        await home_figures(demo_app)
        await _visit(pilot, "1")
        debts = demo_app.screen
        table = debts.query_one("#debts")
        dark = table.styles.background
        await _visit(pilot, "h")
        restyled.clear()
        await _visit(pilot, "1")
        assert "InventoryScreen" not in restyled  # nothing changed: styles kept

        await _visit(pilot, "h")
        await _visit(pilot, "t")  # the theme, switched on home
        await _visit(pilot, "1")
        assert demo_app.screen is debts
        assert "InventoryScreen" in restyled
        light = table.styles.background
        assert light != dark  # in the new theme, not the one it was hidden in

        await _visit(pilot, "t")  # and back, here: Textual restyles the screen in front
        assert table.styles.background == dark
        await _visit(pilot, "h")
        await _visit(pilot, "1")
        assert table.styles.background == dark


async def test_a_screen_shown_again_after_a_resize_is_restyled(demo_app, monkeypatch):
    restyled: list[str] = []
    real = Screen.update_node_styles
    monkeypatch.setattr(
        Screen, "update_node_styles",
        lambda self, animate=True: restyled.append(type(self).__name__) or real(self, animate),
    )
    async with demo_app.run_test(size=SIZE) as pilot:
        await home_figures(demo_app)
        await _visit(pilot, "2")
        await _visit(pilot, "h")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        restyled.clear()
        await _visit(pilot, "2")
        assert "CapacityScreen" in restyled
