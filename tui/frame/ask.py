"""A question with a few answers, each a button and a key: leave a form, resume a draft.

Esc always gives the last answer (the one that changes nothing), like `ConfirmModal`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.widgets.keybar import KeyBar
from tui.widgets.wrap import Wrapped
from workbook.i18n import _


class AskModal(ModalScreen[str]):
    """`answers`: (value, label, key). Dismisses with the chosen value."""

    BINDINGS = [Binding("escape", "answer_last", show=False, id="ask-escape")]

    def __init__(self, question: str, answers: Sequence[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.answers = list(answers)
        for value, label, key in self.answers:
            self._bindings.bind(key, f"answer('{value}')", label, key_display=key)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box confirm-box"):
            yield Static(Wrapped(Text(self.question)), markup=False, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                for i, (value, label, key) in enumerate(self.answers):
                    yield Button(f"{label} ({key})", id=f"ask-{value}",
                                 variant="primary" if i == 0 else "default")
        yield KeyBar()

    def on_mount(self) -> None:
        # The safe answer (the last: keep editing, decide later) has the focus.
        self.query_one(f"#ask-{self.answers[-1][0]}", Button).focus()

    def action_answer(self, value: str) -> None:
        self.dismiss(value)

    def action_answer_last(self) -> None:
        self.dismiss(self.answers[-1][0])

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "ask-").removeprefix("ask-"))


def leave_form_answers() -> list[tuple[str, str, str]]:
    return [("save", _("Save"), "s"), ("discard", _("Discard"), "d"),
            ("keep", _("Keep editing"), "k")]
