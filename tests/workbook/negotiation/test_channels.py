"""Step 3: a short, honest note for every channel, in either language."""

import re

from workbook import i18n
from workbook.fmt import enum_label
from workbook.models import Channel
from workbook.negotiation.channels import (
    CHANNEL_NOTES,
    LETTER_CONTENTS,
    channel_best_for,
    channel_label,
    channel_note,
    channel_watch_out,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_channel_has_both_halves():
    assert set(CHANNEL_NOTES) == set(Channel)
    for best, watch in CHANNEL_NOTES.values():
        assert best and watch and best != watch


def test_direct_contact_gives_feedback_and_a_letter_leaves_a_record():
    assert "straight away" in channel_best_for(Channel.PHONE, "en")
    letter = channel_best_for(Channel.LETTER, "en")
    assert "in full" in letter and "record" in letter


def test_note_is_translated():
    zh = channel_note(Channel.LETTER, "zh")
    assert zh.startswith("适用场景：") and "注意事项：" in zh
    assert channel_best_for(Channel.LETTER, "zh") in zh
    assert channel_watch_out(Channel.LETTER, "zh") in zh
    en = channel_note(Channel.LETTER, "en")
    assert not CJK.search(en) and en.count("\n") == 1


def test_note_follows_the_ui_language_by_default():
    i18n.set_language("zh")
    assert channel_note(Channel.SMS) == channel_note(Channel.SMS, "zh")
    i18n.set_language("en")
    assert channel_note(Channel.SMS) == channel_note(Channel.SMS, "en")


def test_labels_are_the_apps_labels():
    for channel in Channel:
        assert channel_label(channel, "zh") == enum_label(channel, "zh")


def test_written_application_contents_in_order():
    assert len(LETTER_CONTENTS) == 5
    assert LETTER_CONTENTS[0].startswith("Your details")
    assert LETTER_CONTENTS[-1].startswith("Your request")
