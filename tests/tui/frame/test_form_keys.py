"""Every form: Enter on a select opens its list (it never saves the form), Ctrl+S saves
and the footer says so, in both languages (issue 13)."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE

from tui.frame.form import FormDialog
from tui.widgets.choice_list import ChoiceList
from tui.widgets.field import Choice
from tui.widgets.keybar import KeyBar
from workbook import i18n

# (name, keys from home on the demo) -> a form with at least one select
FORMS = {
    "debt": ["1", "a"],
    "income": ["2", "a"],
    "expense": ["2", "tab", "a"],
    "reason": ["4", "a"],
    "request": ["4", "tab", "enter"],
    "agreement": ["6", "m"],
    "log entry": ["6", "c", "a"],
    "log filter": ["6", "c", "slash"],
    "situation": ["7", "s"],
}
# Dialogs that save with Ctrl+S without being a FormDialog: (keys, what the key says)
OTHER_SAVES = {
    "channels": (["3", "c"], "Save"),
    "letter text": (["3", "w", "m"], "Save"),
    "call log": (["5", "c"], "End call and save"),
}
SAVE = {"en": "Ctrl+S Save", "zh": "Ctrl+S 保存"}
SHOW = {"en": "Ctrl+S Show", "zh": "Ctrl+S 显示"}  # the log filter saves nothing
OPEN = {"en": "Enter Open list", "zh": "Enter 打开列表"}


def footer(app) -> str:
    return app.screen.query_one(KeyBar).render().plain


@pytest.mark.parametrize("name", list(FORMS))
async def test_enter_on_a_select_opens_it_and_never_saves(demo_path, open_app, name):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*FORMS[name])
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog), name
        before = demo_path.read_bytes()
        choice = form.query(Choice).first()
        choice.focus()
        await pilot.pause()
        assert OPEN["en"] in footer(app)
        start = choice.index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceList), name
        await pilot.press("escape")  # keeps the old value
        await pilot.pause()
        assert app.screen is form and choice.index == start and choice.has_focus
        await pilot.press("enter", "down", "enter")  # picks the next one
        await pilot.pause()
        assert app.screen is form, name  # the form is still open: nothing was saved
        assert choice.index == (start + 1) % len(choice.options)
        assert demo_path.read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_every_form_footer_says_ctrl_s_saves(demo_path, open_app, lang):
    app = open_app(demo_path, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        for name, keys in FORMS.items():
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, FormDialog), name
            said = SHOW[lang] if name == "log filter" else SAVE[lang]
            assert said in footer(app) and "Enter/" not in footer(app), (name, footer(app))
            app.screen.dismiss(None)
            await pilot.pause()
            if name.startswith("log"):
                await pilot.press("h")  # from the log back home
                await pilot.pause()
        for name, (keys, what) in OTHER_SAVES.items():
            await pilot.press(*keys)
            await pilot.pause()
            assert f"Ctrl+S {i18n._(what)}" in footer(app), (name, footer(app))
            while len(app.screen_stack) > 2:
                await pilot.press("escape")
                await pilot.pause()
    i18n.set_language("en")
