"""The footers of step 6, the log and step 7 fit 80 columns in both languages: every
key of the screen with its words, then `?` and "Ctrl+P All actions"."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE

from tui.widgets.keybar import KeyBar

SCREENS = {
    "followup": (["6"], ["a", "m", "x", "r", "s", "c"]),
    "help": (["7"], ["o", "f", "c"]),
    "commlog": (["6", "c"], ["a", "m", "/", "f", "r"]),
}
WORDS = {"en": ("Keys", "All actions"), "zh": ("按键", "全部操作")}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("screen", list(SCREENS))
async def test_footer_fits_with_every_key_and_the_palette(demo_path, open_app, screen, lang):
    keys, own = SCREENS[screen]
    app = open_app(demo_path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = bar.render()
        assert line.cell_len <= SIZE[0], line.plain
        shown = {key for _id, key, desc, _on in bar.parts() if desc}
        assert set(own) <= {k for _i, k, _d, _e in bar.parts()}
        keys_word, palette = WORDS[lang]
        assert f"? {keys_word}" in line.plain and "Ctrl+P" in line.plain, line.plain
        assert f"Ctrl+P {palette}" in line.plain, line.plain
        assert set(own) <= shown
