"""Step 3, choosing how to negotiate: what each channel is good for and what to watch.

Talking directly (phone, chat, in person) gets an answer at once and lets the borrower
adjust to the other side; a written application can set out a complicated situation in
full and leaves a record. The notes below say so per channel, briefly.
"""

from __future__ import annotations

from workbook.guide.wording import enum_text, tr
from workbook.i18n import N_
from workbook.models import Channel

# (when it works best, what to watch out for)
CHANNEL_NOTES: dict[Channel, tuple[str, str]] = {
    Channel.PHONE: (
        N_("You hear the answer straight away and can change your proposal as the agent responds."),
        N_(
            "Nothing is written down. Note the agent's name, staff number and the time, "
            "and ask for any offer to be sent to you in writing."
        ),
    ),
    Channel.ONLINE_CHAT: (
        N_(
            "You can take a moment before each reply, and the conversation can be "
            "saved as screenshots."
        ),
        N_(
            "A bot often answers first: ask for a human agent. Take screenshots before "
            "you close the window; the history may not be kept."
        ),
    ),
    Channel.IN_PERSON: (
        N_(
            "A complicated case, papers to show, or a new agreement to sign: you can "
            "go through it line by line."
        ),
        N_(
            "Bring copies, not originals. Read everything before you sign, take a "
            "signed copy home, and bring someone you trust if you can."
        ),
    ),
    Channel.LETTER: (
        N_(
            "It explains a complicated situation in full, with your numbers and "
            "evidence, and leaves a record of what you asked and when."
        ),
        N_(
            "Answers are slow. Send it in a way you can prove (registered post with a "
            "receipt, email, or an upload in the app), keep a copy, and follow up by "
            "phone."
        ),
    ),
    Channel.APP: (
        N_(
            "Many apps have a hardship or deferral request form; what you submit there "
            "is on record."
        ),
        N_(
            "The app offers standard options that may not fit your budget. Check the "
            "new total and instalment before you accept, and screenshot each step."
        ),
    ),
    Channel.SMS: (
        N_(
            "Short written confirmations: what was agreed on a call, or a request to "
            "be called back."
        ),
        N_(
            "Anyone can send a text. Check the sender against the lender's official "
            "number, never open links in it, and never pay an account named only in "
            "a message."
        ),
    ),
}

# What a written application contains (step 3; the letter builder follows this order).
LETTER_CONTENTS: tuple[str, ...] = (
    N_("Your details: name, ID number, how to reach you"),
    N_("The loan: lender, contract number, amounts, rate and repayment method"),
    N_("Why you cannot pay as agreed, with your evidence"),
    N_("What you can pay: income, living costs, money left each month"),
    N_("Your request: a longer term, a lower rate, waived fees, a pause or a settlement"),
)


def channel_label(channel: Channel, lang: str | None = None) -> str:
    return enum_text(channel, lang)


def channel_best_for(channel: Channel, lang: str | None = None) -> str:
    return tr(CHANNEL_NOTES[channel][0], lang)


def channel_watch_out(channel: Channel, lang: str | None = None) -> str:
    return tr(CHANNEL_NOTES[channel][1], lang)


def channel_note(channel: Channel, lang: str | None = None) -> str:
    """Both halves of the note as one translated paragraph."""
    best = tr(N_("Works best: {text}"), lang).format(text=channel_best_for(channel, lang))
    watch = tr(N_("Watch out: {text}"), lang).format(text=channel_watch_out(channel, lang))
    return f"{best}\n{watch}"
