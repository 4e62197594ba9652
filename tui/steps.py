"""Which guide step has a screen: the registry the step bar and the keys 1-7 read.

A step screen registers itself by subclassing `tui.screens.base.StepScreen` with
`STEP = n` in any module of `tui.screens`; `load_step_screens()` imports them all.
A step without a screen shows as "not built yet" and cannot be entered.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

from workbook.i18n import N_
from workbook.progress import STEPS

if TYPE_CHECKING:
    from textual.screen import Screen

STEP_NUMBERS = tuple(range(1, 8))

# Short names for the step bar (80 columns hold all seven); long titles on home.
STEP_SHORT = {
    1: N_("Debts"),
    2: N_("Budget"),
    3: N_("Method"),
    4: N_("Reasons"),
    5: N_("Talk"),
    6: N_("Confirm"),
    7: N_("Help"),
}
# Full titles (message ids) are the domain's: workbook.progress.STEPS.
STEP_TITLES = {step.number: step.title for step in STEPS}

STEP_SCREENS: dict[int, type[Screen]] = {}
# module name -> error, for screen modules that failed to import: their step shows as
# not built instead of the whole app failing to start (tests assert this stays empty).
LOAD_ERRORS: dict[str, str] = {}


def register_step_screen(step: int, screen_class: type[Screen]) -> None:
    if step not in STEP_NUMBERS:
        raise ValueError(f"no step {step}")
    STEP_SCREENS[step] = screen_class


def load_step_screens() -> dict[int, type[Screen]]:
    """Import every module in tui.screens so each StepScreen registers itself."""
    import tui.screens as package

    for info in pkgutil.iter_modules(package.__path__):
        name = f"{package.__name__}.{info.name}"
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - one broken screen must not stop the app
            LOAD_ERRORS[name] = f"{type(exc).__name__}: {exc}"
    return STEP_SCREENS


def is_built(step: int) -> bool:
    return step in STEP_SCREENS
