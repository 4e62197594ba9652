"""The call log opens on the agent's name, the notes are one key away (Ctrl+N, on its
own footer), in both languages (issue 13)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea
from tui_helpers import SIZE

from tui.talk.call_log import CallLog
from tui.widgets.field import Field
from tui.widgets.keybar import KeyBar
from workbook import i18n

NOTES_KEY = {"en": "Ctrl+N To the notes", "zh": "Ctrl+N 跳到随手记"}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_call_log_starts_on_the_agent_and_ctrl_n_goes_to_the_notes(
    demo_path, open_app, lang
):
    app = open_app(demo_path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, CallLog)
        agent = log.query_one("#agent_name", Field)
        assert isinstance(app.focused, Input) and app.focused is agent.input
        bar = log.query_one(KeyBar).render().plain
        assert NOTES_KEY[lang] in bar and "Ctrl+S" in bar and "Esc" in bar
        await pilot.press(*"Li", "ctrl+n", *"ok")
        await pilot.pause()
        notes = log.query_one("#call-notes", TextArea)
        assert app.focused is notes and notes.text == "ok"
        assert agent.text == "Li"
        log.query_one("#outcome", Field).focus()  # from any field, to the end of the notes
        await pilot.press("ctrl+n", *"!")
        assert notes.text == "ok!"
    i18n.set_language("en")
