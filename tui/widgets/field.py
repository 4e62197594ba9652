"""Form fields: a label, an input and the parser's message under it.

`Field` takes a parser from `workbook.parse` (text -> `Parsed`). It checks itself when
the user leaves it and, once wrong, on every change until it is right; a form calls
`validate()` on every field before saving, because untouched fields were never checked.
`Choice` picks one of a few values with Left/Right/Space in place, or from its list:
Enter opens it (`tui.widgets.choice_list`), so Enter on a select never saves the form
behind it. No ambiguous-width glyphs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.widgets.wrap import Packed, Wrapped
from workbook.i18n import N_
from workbook.textnum import Parsed

V = TypeVar("V")

FIELD_CSS = """
    .field-row { height: 1; width: 1fr; }
    .field-label { width: 24; height: 1; color: $text-muted; }
    .field-error { display: none; color: $error; padding-left: 24; height: auto; }
"""


def text_parser(text: str) -> Parsed[str]:
    """Free text: kept as typed, surrounding spaces removed."""
    return Parsed(text.strip())


def required_text(message: str) -> Callable[[str], Parsed[str]]:
    """Free text that may not be empty; `message` is already translated."""

    def parse(text: str) -> Parsed[str]:
        value = text.strip()
        return Parsed(value) if value else Parsed(error=message)

    return parse


class Field(Widget):
    DEFAULT_CSS = (
        """
    Field { height: auto; width: 1fr; }
    Field Input { width: 1fr; }
    Field.-invalid .field-error { display: block; }
    Field.-invalid .field-label { color: $error; }
    """
        + FIELD_CSS
    )

    def __init__(
        self,
        label: str,
        parser: Callable[[str], Parsed[Any]],
        value: str = "",
        *,
        id: str | None = None,
        placeholder: str = "",
        max_length: int = 400,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.parser = parser
        self._initial = value
        self._placeholder = placeholder
        self._max_length = max_length

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Static(Text(self.label), classes="field-label")
            yield Input(
                self._initial,
                placeholder=self._placeholder,
                max_length=self._max_length,
                compact=True,
                select_on_focus=False,
            )
        yield Static("", markup=False, classes="field-error")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value

    def validate(self) -> Parsed[Any]:
        """Parse the current text and show (or clear) the message under the field."""
        result = self.parser(self.input.value)
        self.show_error(result.error)
        return result

    error_message = ""  # what the line under the input says now ("" when right)

    def show_error(self, message: str | None) -> None:
        self.error_message = message or ""
        # Wrapped: a Chinese message breaks between characters, never before 。or ，
        self.query_one(".field-error", Static).update(Wrapped(Text(self.error_message)))
        self.set_class(bool(message), "-invalid")

    def focus(self, scroll_visible: bool = True) -> Field:
        self.input.focus(scroll_visible)
        return self

    @on(Input.Blurred)
    def _left(self) -> None:
        self.validate()

    @on(Input.Changed)
    def _changed(self) -> None:
        if self.has_class("-invalid"):
            self.validate()


class Choice(Widget, Generic[V], can_focus=True):
    """One value out of a few, shown as `< label >`; Left/Right/Space change it, Enter
    opens the list of every option."""

    DEFAULT_CSS = (
        """
    Choice { height: 1; width: 1fr; layout: horizontal; }
    Choice .choice-value { width: 1fr; height: 1; }
    Choice:focus .choice-value { background: $accent 40%; text-style: bold; }
    """
        + FIELD_CSS
    )
    BINDINGS = [
        Binding("left", "step(-1)", N_("Previous"), show=False),
        Binding("right,space", "step(1)", N_("Next choice"), show=False),
        # Before the form's own Enter (save): the focused widget's bindings come first.
        Binding("enter", "open", N_("Open list"), key_display="Enter", id="choice-open"),
    ]

    index: reactive[int] = reactive(0)
    # Set once the user changes the value (keys or mouse), never by `select`: a form can
    # tell a default it may still adjust from a choice it must keep.
    chosen_by_user = False

    @dataclass
    class Changed(Message):
        choice: Choice
        value: Any

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self, label: str, options: Sequence[tuple[str, V]], value: V, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.options = list(options)
        values = [v for _l, v in self.options]
        self.set_reactive(Choice.index, values.index(value) if value in values else 0)

    def compose(self) -> ComposeResult:
        yield Static(Text(self.label), classes="field-label")
        yield Static(self._shown(), classes="choice-value")

    def _shown(self) -> Text:
        label = self.options[self.index][0] if self.options else ""
        return Text(f"< {label} >")

    def watch_index(self) -> None:
        if self.is_mounted:
            self.query_one(".choice-value", Static).update(self._shown())
            self.post_message(self.Changed(self, self.value))

    def select(self, value: V) -> None:
        values = [v for _l, v in self.options]
        if value in values:
            self.index = values.index(value)

    @property
    def value(self) -> V:
        return self.options[self.index][1]

    def action_step(self, delta: int) -> None:
        self.chosen_by_user = True
        self.index = (self.index + delta) % len(self.options)

    def action_open(self) -> None:
        """The list of every option over the form; the pick becomes the value."""
        from tui.widgets.choice_list import ChoiceList

        def picked(index: int | None) -> None:
            if index is not None and 0 <= index < len(self.options):
                self.index = index
            self.focus()

        labels = [label for label, _v in self.options]
        self.app.push_screen(ChoiceList(self.label, labels, self.index), picked)

    def on_click(self, event: Click) -> None:
        self.focus()
        self.action_step(1)


class Toggles(Widget, Generic[V], can_focus=True):
    """Several values on or off, shown as `[x] A  [ ] B`; Left/Right move, Space toggles."""

    DEFAULT_CSS = (
        """
    Toggles { height: auto; width: 1fr; layout: horizontal; }
    Toggles .toggles-value { width: 1fr; height: auto; }
    """
        + FIELD_CSS
    )
    BINDINGS = [
        Binding("left", "move(-1)", N_("Previous"), show=False),
        Binding("right", "move(1)", N_("Next choice"), show=False),
        Binding("space", "tick", N_("Toggle"), show=False),
    ]

    cursor: reactive[int] = reactive(0)

    class Changed(Message):
        """A value was ticked or unticked (forms keep a draft of every change)."""

    def __init__(
        self,
        label: str,
        options: Sequence[tuple[str, V]],
        chosen: Sequence[V],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.options = list(options)
        self.chosen = [v for _l, v in self.options if v in chosen]

    def compose(self) -> ComposeResult:
        yield Static(Text(self.label), classes="field-label")
        yield Static(self._shown(), classes="toggles-value")

    def _shown(self) -> Packed:
        items = []
        for i, (label, value) in enumerate(self.options):
            mark = "[x]" if value in self.chosen else "[ ]"
            style = "reverse" if self.has_focus and i == self.cursor else ""
            items.append(Text(f"{mark} {label}", style=style))
        return Packed(items)  # a line breaks between options, never inside one

    def _redraw(self) -> None:
        if self.is_mounted:
            self.query_one(".toggles-value", Static).update(self._shown())

    def watch_cursor(self) -> None:
        self._redraw()

    def on_focus(self) -> None:
        self._redraw()

    def on_blur(self) -> None:
        self._redraw()

    @property
    def value(self) -> list[V]:
        return [v for _l, v in self.options if v in self.chosen]

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.options)

    def action_tick(self) -> None:
        value = self.options[self.cursor][1]
        if value in self.chosen:
            self.chosen.remove(value)
        else:
            self.chosen.append(value)
        self._redraw()
        self.post_message(self.Changed())
