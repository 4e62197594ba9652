"""Where the letter would print blank borrower details, step 3 and the letter say so
plainly, and `p` (profile) is on their footers; filling it in updates the letter
(issue 13)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tui_helpers import SIZE, plain

from storage import Workbook
from tui.home.profile_form import ProfileForm
from tui.method.letter_preview import LetterPreview
from tui.method.screen import ChannelScreen
from tui.widgets.field import Field
from tui.widgets.keybar import KeyBar
from workbook import i18n
from workbook.models import Channel, Debt, Profile
from workbook.negotiation.borrower import blank_details

SAID = {
    "en": ("Missing from your profile: name, ID number, phone number.", "p Profile"),
    "zh": ("个人信息中缺少：姓名、身份证号、电话。", "p 个人信息"),
}


def one_debt(path, profile: Profile | None = None):
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="快易借", balance=Decimal("5000"), channels=[Channel.LETTER]))
        if profile is not None:
            wb.save_profile(profile)
    return path


def flat(text: str) -> str:
    return " ".join(text.split()).replace("、 ", "、")  # wrapped lines joined


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_blank_details_are_named_and_p_is_on_the_footer(tmp_path, open_app, lang):
    app = open_app(one_debt(tmp_path / "w.json"), lang=lang)
    warning, key = SAID[lang]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ChannelScreen)
        assert warning in flat(plain(app, "#channel-note-text"))
        assert key in app.screen.query_one(KeyBar).render().plain
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LetterPreview)
        assert warning in flat(plain(app, ".letter-hint"))
        assert key in app.screen.query_one(KeyBar).render().plain
    i18n.set_language("en")


async def test_p_from_the_letter_fills_the_profile_and_the_letter_follows(tmp_path, open_app):
    app = open_app(one_debt(tmp_path / "w.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w", "p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProfileForm)
        form.query_one("#name", Field).input.value = "张三"
        form.query_one("#phone", Field).input.value = "13800001234"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LetterPreview)
        hint = flat(plain(app, ".letter-hint"))
        assert "Missing from your profile: ID number." in hint
        assert "本人张三" in plain(app, "#letter-body")


async def test_a_complete_profile_gives_no_warning(tmp_path, open_app):
    profile = Profile(name="张三", id_number="110101199003077777", phone="13800001234")
    assert blank_details(profile) == []
    app = open_app(one_debt(tmp_path / "w.json", profile))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w")
        await pilot.pause()
        assert "Missing" not in plain(app, ".letter-hint")


def test_spaces_count_as_blank():
    assert blank_details(Profile(name="  ", phone="1")) == ["name", "ID number"]
