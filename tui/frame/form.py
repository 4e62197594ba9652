"""The frame shared by record forms: a title, scrolling fields, Save and Cancel.

Ctrl+S saves, and the footer says so; Enter in a text field saves too, while Enter on
a select opens its list (`Choice`). Esc or the Cancel button (reachable by Tab)
cancels, asking first (save / discard / keep editing) when anything was typed. Saving
validates every field first and dismisses with the record only when all are valid;
otherwise the first wrong field gets the focus (scrolled into view). What is typed is
kept as a draft beside the workbook until the form saves or is discarded
(`tui.frame.drafts`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Any, Self, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from tui.frame.ask import AskModal, leave_form_answers
from tui.frame.confirm import ConfirmModal
from tui.frame.drafts import KeepsDraft
from tui.palette import DialogActionsProvider, ScreenAction
from tui.widgets.field import Choice, Field, Toggles
from tui.widgets.keybar import KeyBar
from workbook import fmt
from workbook.i18n import N_, _
from workbook.textnum import Parsed

T = TypeVar("T")


def enum_options(enum: type[StrEnum]) -> list[tuple[str, Any]]:
    return [(fmt.enum_label(member), member) for member in enum]


def shown(value: Any) -> str:
    """A stored value as the text a field starts with (parsers read it back)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt.number(value)
    if hasattr(value, "unit"):
        return fmt.rate(value)
    if hasattr(value, "isoformat"):
        return fmt.date_(value)
    return str(value)


class SavesBeforeClosing(ModalScreen[T]):
    """A dialog that writes its result before closing, so a failed write loses nothing.

    `with_writer(write)`: `write(record)` returns `app.save_or_keep`'s pair. When the
    write fails (disk full, folder gone) the dialog stays open with everything the user
    typed; on success it closes with what the write returned (the stored record, with
    its id) or the record itself. Without a writer it just closes with the record.
    """

    _writer: Callable[[Any], tuple[bool, Any]] | None = None
    closed_saved = False  # set once the record is written and the form closed

    def with_writer(self, write: Callable[[Any], tuple[bool, Any]]) -> Self:
        self._writer = write
        return self

    def save_then_close(self, record: Any) -> None:
        if self._writer is not None:
            saved, stored = self._writer(record)
            if not saved:
                return  # the app said why; everything typed is still here
            record = stored if stored is not None else record
        if isinstance(self, KeepsDraft):
            self.drop_draft()
        self.closed_saved = True
        self.dismiss(record)


class FormDialog(KeepsDraft, SavesBeforeClosing[T]):
    COMMANDS = {DialogActionsProvider}
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), key_display="Ctrl+S", id="save"),
        Binding("enter", "save", N_("Save"), show=False, id="save-enter"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(classes="dialog form-dialog")
        self.form_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-box"):
            yield Static(Text(self.form_title, style="bold"), classes="dialog-title")
            with VerticalScroll(classes="form-body"):
                yield from self.compose_fields()
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")
        yield KeyBar()

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def group(self, title: str) -> Static:
        return Static(Text(title, style="bold"), classes="form-group")

    def build(self, values: dict[str, Any]) -> T:
        """The record from the parsed values (keyed by field id). Override."""
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """Errors that need more than one field, by field id. Override when needed."""
        return {}

    def confirm_first(self, record: T) -> str | None:
        """A question to answer before saving a record that is valid but unusual (a
        payment far above what is due); None saves at once. Override when needed."""
        return None

    def validate_all(self) -> tuple[dict[str, Any], list[Widget]]:
        """Every value by id, and the widgets that are wrong (each showing why)."""
        values: dict[str, Any] = {}
        wrong: list[Widget] = []
        for field in self.query(Field):
            result: Parsed[Any] = field.validate()
            if result.ok:
                values[field.id or ""] = result.value
            else:
                wrong.append(field)
        for choice in self.query("Choice, Toggles"):
            if isinstance(choice, Choice | Toggles):  # always: tells mypy they have a value
                values[choice.id or ""] = choice.value
        if not wrong:
            for field_id, message in self.check(values).items():
                field = self.query_one(f"#{field_id}", Field)
                field.show_error(message)
                wrong.append(field)
        return values, wrong

    def on_mount(self) -> None:
        self.call_after_refresh(self._start_draft)

    def _start_draft(self) -> None:
        self.remember_start()
        pending = getattr(self.app, "take_pending_draft", None)
        draft = pending(self.draft_key()) if pending else None
        if draft is not None:
            self.resume_from(draft)
            self.draft_changed()

    draft_record_id: int | None = None  # an edit form's record; None for a new one

    def draft_key(self) -> str:
        return f"{type(self).__name__}:{self.draft_record_id or 'new'}"

    def draft_context(self) -> dict[str, Any]:
        # The screen under the form reopens it (`BaseScreen.resume_draft`).
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) else None
        name = getattr(self.app, "screen_name", lambda s: None)(below)
        return {"screen": name, "form": type(self).__name__, "record_id": self.draft_record_id}

    @on(Input.Changed)
    @on(Choice.Changed)
    @on(Toggles.Changed)
    def _keep_draft_on_change(self) -> None:
        self.draft_changed()

    def action_save(self) -> None:
        self.save_form()

    def save_form(self, then: Callable[[], None] | None = None) -> None:
        """Validate, ask `confirm_first`'s question if any, save; `then` runs once saved."""
        values, wrong = self.validate_all()
        if wrong:
            wrong[0].focus()
            wrong[0].scroll_visible(animate=False)
            self.notify(_("Please correct the fields marked in red."), severity="warning")
            return
        # A warning from an earlier try must not outlive the form it was about.
        self.app.clear_notifications()
        record = self.build(values)

        def save() -> None:
            self.save_then_close(record)
            if self.closed_saved and then is not None:
                then()

        question = self.confirm_first(record)
        if question is None:
            save()
            return
        # The safe answer (Esc, n) goes back to the form with everything still typed.
        self.app.push_screen(ConfirmModal(question, yes_label=_("Save anyway")),
                             lambda yes: save() if yes else None)

    def action_cancel(self) -> None:
        """Esc: close at once when nothing was typed, else ask what to do with it."""
        if not self.has_changes():
            self.drop_draft()
            self.dismiss(None)
            return
        self.ask_before_leaving(lambda: None)

    def ask_before_leaving(self, then: Callable[[], None]) -> None:
        """Save / discard / keep editing; `then` runs once the form is closed."""

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.save_form(then)
            elif answer == "discard":
                self.drop_draft()
                self.dismiss(None)
                then()

        self.app.push_screen(
            AskModal(_("This form has changes that are not saved."), leave_form_answers()),
            answered,
        )

    def actions(self) -> list[ScreenAction]:
        """The palette on a form: save or cancel it."""
        return [
            ScreenAction(_("Save"), _("Ctrl+S (or Enter in a text field); only when every field is right"),
                         self.action_save),
            ScreenAction(_("Cancel"), _("Esc; asks first when anything was typed"),
                         self.action_cancel),
        ]

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

