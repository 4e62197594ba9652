"""Which screen shows which guide step: the registry the app, keys 1-7 and the palette read.

Each entry imports its screen only when the step is first opened, so the first screen
does not wait for the others. Every entry is imported by the tests: a screen that fails
to import fails them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.frame.base import StepScreen


def _debts() -> type[StepScreen]:
    from tui.debts.screen import InventoryScreen

    return InventoryScreen


def _budget() -> type[StepScreen]:
    from tui.budget.screen import CapacityScreen

    return CapacityScreen


def _method() -> type[StepScreen]:
    from tui.method.screen import ChannelScreen

    return ChannelScreen


def _plan() -> type[StepScreen]:
    from tui.plan.screen import PlanScreen

    return PlanScreen


def _talk() -> type[StepScreen]:
    from tui.talk.screen import ConversationScreen

    return ConversationScreen


def _followup() -> type[StepScreen]:
    from tui.followup.screen import FollowupScreen

    return FollowupScreen


def _help() -> type[StepScreen]:
    from tui.help.screen import HelpScreen

    return HelpScreen


STEP_SCREENS: dict[int, Callable[[], type[StepScreen]]] = {
    1: _debts,
    2: _budget,
    3: _method,
    4: _plan,
    5: _talk,
    6: _followup,
    7: _help,
}


def step_screen(step: int) -> type[StepScreen]:
    """The screen class of `step` (imported on first use)."""
    return STEP_SCREENS[step]()
