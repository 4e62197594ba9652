"""Edit the free-text parts of the application letter: the opening, an extra paragraph
for the hardship section, and the closing; and choose whether section 4 lists each
flexible spending item to the lender (by default only their total: what the borrower
can cut is theirs to decide, not the lender's to read).

The boxes start from our wording; text left as ours (or emptied) is stored as empty,
so the letter keeps following our wording. The letter is in Chinese, so is the
starting text. Ctrl+S saves, Esc cancels; Enter starts a new line.
"""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from tui.frame.form import SavesBeforeClosing
from tui.widgets.field import Choice
from tui.widgets.keybar import KeyBar
from workbook.i18n import N_, _
from workbook.models import Debt
from workbook.negotiation.letter import default_closing, default_opening
from workbook.negotiation.letter_input import LetterInput

LETTER_LANG = "zh"


def stored(text: str, default: str) -> str:
    """What to keep: empty when the text is ours (or nothing), else the text as typed."""
    text = text.strip()
    return "" if not text or text == default.strip() else text


class LetterEdit(SavesBeforeClosing, ModalScreen[Debt | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), key_display="Ctrl+S", id="save"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="cancel"),
    ]

    def __init__(self, debt: Debt, inp: LetterInput) -> None:
        super().__init__(classes="dialog")
        self.debt = debt
        self.default_opening = default_opening(inp, LETTER_LANG)
        self.default_closing = default_closing(LETTER_LANG)

    def compose(self) -> ComposeResult:
        debt = self.debt
        with Vertical(classes="dialog-box form-box letter-edit-box"):
            yield Static(
                Text(
                    _("Letter to {lender}: your own words").format(lender=debt.lender), style="bold"
                ),
                classes="dialog-title",
            )
            with VerticalScroll(classes="form-body"):
                yield Choice(
                    _("Flexible spending"),
                    [(_("total only"), False), (_("each item listed"), True)],
                    debt.letter_flexible,
                    id="letter-flexible",
                )
                yield Static(
                    Text(
                        _(
                            "Space or Left/Right: list each flexible spending item to the "
                            "lender, or only their total."
                        ),
                        style="dim",
                    ),
                    classes="letter-edit-hint",
                )
                yield Static(Text(_("Opening paragraph")), classes="letter-edit-label")
                yield TextArea(
                    debt.letter_opening or self.default_opening, id="letter-opening", compact=True
                )
                yield Static(
                    Text(_("More about your situation (added to section 3; may stay empty)")),
                    classes="letter-edit-label",
                )
                yield TextArea(debt.letter_statement, id="letter-statement", compact=True)
                yield Static(Text(_("Closing paragraph")), classes="letter-edit-label")
                yield TextArea(
                    debt.letter_closing or self.default_closing, id="letter-closing", compact=True
                )
            yield Static(
                Text(_("Ctrl+S saves. Empty a box to go back to our wording."), style="dim")
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")
        yield KeyBar()  # over the step's footer: this dialog's keys, Ctrl+S saves

    def on_mount(self) -> None:
        self.query_one("#letter-opening", TextArea).focus()

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextArea).text

    def action_save(self) -> None:
        self.save_then_close(
            dataclasses.replace(
                self.debt,
                letter_opening=stored(self._text("letter-opening"), self.default_opening),
                letter_statement=stored(self._text("letter-statement"), ""),
                letter_closing=stored(self._text("letter-closing"), self.default_closing),
                letter_flexible=bool(self.query_one("#letter-flexible", Choice).value),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
