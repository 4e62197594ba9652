"""The log's footer shows delete (issue 13), and the key it shows works."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE

from tui.frame.confirm import ConfirmModal
from tui.widgets.keybar import KeyBar
from workbook import i18n

DELETE = {"en": "d Delete", "zh": "d 删除"}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_log_footer_shows_delete(demo_path, open_app, lang):
    app = open_app(demo_path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c")
        await pilot.pause()
        line = app.screen.query_one(KeyBar).render()
        assert DELETE[lang] in line.plain and line.cell_len <= SIZE[0]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)  # asks first
    i18n.set_language("en")
