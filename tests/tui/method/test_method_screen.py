"""Step 3: channels per debt, the application letter (preview, edit, copy, PDF)."""

from __future__ import annotations

import os
import stat

from textual.widgets import DataTable, TextArea
from tui_helpers import NASTY, SIZE, notes, plain

from tui.export.dialog import ExportDialog
from tui.method.channel_form import ChannelForm, channel_note_text
from tui.method.letter_edit import LetterEdit
from tui.method.letter_preview import LetterPreview
from tui.method.screen import ChannelScreen
from workbook import i18n
from workbook.models import Channel

CARD = "北辰银行信用卡中心"


async def test_letter_from_the_demo_carries_borrower_lender_amounts_and_request(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert isinstance(demo_app.screen, ChannelScreen)
        await pilot.press("y")  # the first debt is the credit card
        letter = demo_app.clipboard
    assert letter.startswith("协商还款申请书")  # Chinese although the UI is English
    for expected in (
        "张伟",  # the borrower (profile)
        "110101199001011234",  # in full in the copy
        f"尊敬的{CARD}",  # the lender
        "剩余欠款：48,650.32元",  # step 1
        "逾期金额：4,865.03元",
        "每月收入合计9,800.00元",  # step 2: income, spending, what is left
        "生活支出合计8,000.00元",
        "1,800.00元",
        "本人另有5笔欠款",  # the other debts the money left has to cover
        "每月可向贵方还款790.23元",  # step 4: the offer and the requests
        "分60期按月偿还，每期790.23元",  # step 4's count: the penalty waived comes off first
        "减免罚息",
        "收入减少",  # the hardship reasons
    ):
        assert expected in letter, expected
    assert any("Letter copied" in n for n in notes(demo_app))


async def test_preview_masks_the_id_and_shows_the_english_version(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w")
        assert isinstance(demo_app.screen, LetterPreview)
        body = plain(demo_app, "#letter-body")
        assert "110***********1234" in body and "110101199001011234" not in body
        await pilot.press("v")
        assert "Application to Renegotiate Repayment" in plain(demo_app, "#letter-body")
        await pilot.press("y")
        assert demo_app.clipboard.startswith("Application to Renegotiate Repayment")
        assert "110101199001011234" in demo_app.clipboard
        await pilot.press("escape")
        assert isinstance(demo_app.screen, ChannelScreen)


async def test_edited_letter_text_is_saved_used_and_exported(demo_app, demo_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w", "m")
        assert isinstance(demo_app.screen, LetterEdit)
        await pilot.press("tab", *NASTY)  # the extra paragraph for section 3
        assert demo_app.focused is demo_app.screen.query_one("#letter-statement", TextArea)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, LetterPreview)
        (card,) = [d for d in demo_app.wb.debts.list() if d.lender == CARD]
        assert card.letter_statement == NASTY
        assert card.letter_opening == "" and card.letter_closing == ""  # ours, unchanged
        assert NASTY in plain(demo_app, "#letter-body")
        await pilot.press("y")
        assert NASTY in demo_app.clipboard
        await pilot.press("e")
        await pilot.pause()
    pdfs = list((demo_path.parent / "exports").glob("*.pdf"))  # where `repay export` writes
    assert [p.name for p in pdfs] == [f"letter-{CARD}-zh-2026-11-28.pdf"]
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(pdfs[0]).st_mode) == 0o600
    assert any(str(pdfs[0]) in n for n in notes(demo_app))


async def test_choosing_channels_saves_them(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "down", "down", "down")  # 鑫源: no channel yet
        table = demo_app.screen.query_one("#channel-debts", DataTable)
        debt = demo_app.screen.selected()
        assert debt is not None and debt.channels == []
        assert "No channel chosen yet" in plain(demo_app, "#channel-note-text")
        await pilot.press("c")
        assert isinstance(demo_app.screen, ChannelForm)
        await pilot.press("down", "space", "down", "down", "space")  # online chat, letter
        assert "Works best" in plain(demo_app, "#channel-note")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, ChannelScreen)
        saved = demo_app.wb.debts.get(debt.id)
        assert saved.channels == [Channel.ONLINE_CHAT, Channel.LETTER]
        assert str(table.get_cell(str(debt.id), "channels")).strip() == "Online chat, Letter"
        assert "The letter (press w) sets out" in plain(demo_app, "#channel-note-text")
        assert "Channels saved." in notes(demo_app)


async def test_e_offers_the_selected_lenders_letter_on_steps_3_to_5(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        for keys, lender in (
            (["3", "down"], "安家消费金融有限公司"),
            (["4", "tab"], CARD),
            (["5", "right"], "快易借"),
        ):
            await pilot.press(*keys, "e")
            dialog = demo_app.screen
            assert isinstance(dialog, ExportDialog)
            first = dialog.offers[0]
            assert first.key == "letter" and lender in first.title
            await pilot.press("escape")


def test_channel_notes_use_the_colon_of_their_language():
    i18n.set_language("zh")
    assert "适合：" in channel_note_text(Channel.PHONE).plain
    i18n.set_language("en")
    assert "Works best: " in channel_note_text(Channel.PHONE).plain


async def test_the_preview_warns_when_the_offer_never_repays_the_debt(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "down", "down", "w")  # 快易借: its share is below the interest
        assert isinstance(demo_app.screen, LetterPreview)
        hint = " ".join(plain(demo_app, ".letter-hint").split())
        assert "The offer of ¥74.37 a month never repays this debt" in hint
        assert "at least ¥194.95 would" in hint
        await pilot.press("escape", "up", "up", "w")  # the card's request does repay
        assert "masked on screen" in plain(demo_app, ".letter-hint")
