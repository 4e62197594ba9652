"""An offer of 0 a month is refused at the field and the live effect says so (issue
13): it used to fall back silently to the debt's share."""

from __future__ import annotations

from tui_helpers import SIZE, plain

from tui.plan.proposal_form import ProposalForm, parse_offer
from tui.widgets.field import Field


async def test_an_offer_of_0_says_so_at_the_field_and_in_the_effect(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "enter")  # the card's request
        form = demo_app.screen
        assert isinstance(form, ProposalForm)
        offer = form.query_one("#offered_payment", Field)
        assert demo_app.focused is offer.input
        offer.input.value = ""
        await pilot.press("0")
        effect = plain(demo_app, "#proposal-effect")
        assert "Offer each month: An offer of 0 a month repays nothing" in " ".join(effect.split())
        assert "a month for" not in effect
        await pilot.press("tab")
        assert offer.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is form
        offer.input.value = ""  # empty offers its share again: no message
        await pilot.pause()
        assert not offer.has_class("-invalid")
        assert "repays nothing" not in plain(demo_app, "#proposal-effect")


async def test_the_refusal_is_in_chinese_too(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "enter")
        app.screen.query_one("#offered_payment", Field).input.value = ""
        await pilot.press(*"0元")
        assert "每月还0元等于什么都没还" in plain(app, "#proposal-effect")


def test_parse_offer_refuses_only_zero():
    assert not parse_offer("0").ok and not parse_offer("¥0.00").ok and not parse_offer("０").ok
    assert parse_offer("").ok and parse_offer("").value is None
    assert parse_offer("0.01").ok and parse_offer("1,200").ok


def test_a_walk_away_point_of_0_is_refused_in_both_languages():
    from tui.plan.proposal_form import parse_walk_away
    from workbook.i18n import set_language

    set_language("en")
    assert not parse_walk_away("0").ok and not parse_walk_away("¥0.00").ok
    assert "would refuse every plan" in parse_walk_away("0").error
    assert parse_walk_away("").ok and parse_walk_away("").value is None
    assert parse_walk_away("1,500").value == 1500
    set_language("zh")
    try:
        assert "任何方案都得拒绝" in parse_walk_away("0元").error
    finally:
        set_language("en")


async def test_the_form_keeps_a_walk_away_point_of_0_from_being_saved(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "enter")
        form = demo_app.screen
        assert isinstance(form, ProposalForm)
        limit = form.query_one("#lowest_acceptable", Field)
        limit.input.value = "0"
        limit.input.focus()
        await pilot.press("tab")
        assert limit.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is form  # not saved
