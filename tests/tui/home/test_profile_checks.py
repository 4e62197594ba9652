"""The profile checks what it can where it is typed (issue 13): the ID number's check
character and date of birth, a mainland mobile number, an e-mail address; full-width
digits are accepted and everything is stored in half-width form."""

from __future__ import annotations

from tui_helpers import SIZE

from tui.home.profile_form import ProfileForm
from tui.home.screen import HomeScreen
from tui.widgets.field import Field


def error(field: Field) -> str:
    return field.error_message


async def test_wrong_details_are_refused_at_their_fields_and_right_ones_stored_half_width(
    demo_app,
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        form = demo_app.screen
        assert isinstance(form, ProfileForm)
        fields = {name: form.query_one(f"#{name}", Field)
                  for name in ("id_number", "phone", "email")}
        fields["id_number"].input.value = "110101199001011234"  # check character is 7
        fields["phone"].input.value = "1380013800"  # ten digits
        fields["email"].input.value = "zhangwei.example.com"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is form
        assert "does not match the other 17" in error(fields["id_number"])
        assert "10 digits" in error(fields["phone"])
        assert "exactly one @" in error(fields["email"])
        assert demo_app.focused is fields["id_number"].input  # the first wrong field
        fields["id_number"].input.value = "110101202701011237"
        await pilot.press("tab")
        assert "(2027-01-01) is after today" in error(fields["id_number"])
        fields["id_number"].input.value = "１１０１０１ １９９００１０１ １２３７"
        fields["phone"].input.value = "+86 １３９-１２３４-５６７８"
        fields["email"].input.value = "Zhang.Wei＠Example。com"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
    profile = demo_app.wb.profile()
    assert profile.id_number == "110101199001011237"
    assert profile.phone == "13912345678" and profile.email == "Zhang.Wei@example.com"


async def test_the_messages_are_in_chinese_too(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        form = app.screen
        form.query_one("#id_number", Field).input.value = "11010119900230123X"
        form.query_one("#phone", Field).input.value = "010-12345678"
        form.query_one("#email", Field).input.value = "张伟 @example.com"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "不是有效日期" in error(form.query_one("#id_number", Field))
        assert "大陆手机号码共 11 位" in error(form.query_one("#phone", Field))
        assert "电子邮箱" in error(form.query_one("#email", Field))
    assert app.wb.profile().phone == "13800001234"  # nothing was saved
