"""The step bar: the guide's seven steps, each with its state, the current one marked.

States come from `workbook.followup.progress` (not started / in progress / done); a step
whose screen is not built yet is shown as such and cannot be entered. Marks are
ASCII so they line up on terminals that draw ambiguous-width glyphs wide.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from workbook.followup.steps import STEPS
from workbook.i18n import N_, _

# Short names for the step bar (80 columns hold all seven); the full titles are the
# domain's (`STEP_TITLES`, message ids), shown on home, in headers and in the palette.
STEP_SHORT = {
    1: N_("Debts"),
    2: N_("Budget"),
    3: N_("Method"),
    4: N_("Reasons"),
    5: N_("Talk"),
    6: N_("Confirm"),
    7: N_("Help"),
}
STEP_TITLES = {step.number: step.title for step in STEPS}
STEP_NUMBERS = tuple(STEP_TITLES)

# state value -> (mark, CSS class); values follow workbook.followup.progress.StepState
MARKS = {
    "done": ("[x]", "-done"),
    "in_progress": ("[~]", "-progress"),
    "not_started": ("[ ]", "-todo"),
}
NOT_BUILT = ("[-]", "-unbuilt")
# While the states are still being worked out from the whole log (home's first paint).
PENDING = "pending"
PENDING_MARK = ("[.]", "-todo")


class StepTab(Static):
    DEFAULT_CSS = """
    StepTab { width: auto; height: 1; margin: 0 1 0 0; }
    StepTab:last-of-type { margin: 0; }
    StepTab.-done { color: $success; }
    StepTab.-progress { color: $warning; }
    StepTab.-unbuilt { color: $text-disabled; }
    StepTab.-current { background: $accent; color: $text; text-style: bold; }
    """

    @dataclass
    class Clicked(Message):
        step: int

    def __init__(self, number: int) -> None:
        super().__init__(markup=False, classes="step-tab")
        self.number = number

    def on_click(self, event: Click) -> None:
        self.post_message(self.Clicked(self.number))

    def set_step(self, title: str, state: str | None, current: bool) -> None:
        if state == PENDING:
            mark, cls = PENDING_MARK
        else:
            mark, cls = MARKS.get(state, MARKS["not_started"]) if state else NOT_BUILT
        self.set_classes(f"step-tab {cls}" + (" -current" if current else ""))
        self.update(Text(f"{mark}{self.number} {title}"))


class StepBar(HorizontalGroup):
    """One line; clicking a step is the same as pressing its number."""

    DEFAULT_CSS = """
    StepBar { height: 1; width: 1fr; background: $panel; }
    """

    @dataclass
    class Selected(Message):
        step: int

    def __init__(self, current: int = 0) -> None:
        super().__init__(id="step-bar")
        self.current = current

    def compose(self) -> ComposeResult:
        for number in range(1, 8):
            yield StepTab(number)

    def update_steps(self, titles: dict[int, str], states: dict[int, str | None]) -> None:
        """`states[n]` is the state value, or None when step n has no screen yet."""
        for tab in self.query(StepTab):
            tab.set_step(_(titles[tab.number]), states.get(tab.number), tab.number == self.current)

    @on(StepTab.Clicked)
    def _clicked(self, event: StepTab.Clicked) -> None:
        event.stop()
        self.post_message(self.Selected(event.step))
