"""Snapshots at 80x24 of steps 3, 4 and 5 in both languages (demo workbook), and of
their main dialogs: the letter, the request with its live effect, the call log.

Update after an intended change with
`pytest tests/tui/test_snapshots_steps345.py --snapshot-update` and look at the SVGs
before committing them.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.screen import Screen
from tui_helpers import SIZE

from tui import steps

SCREENS = {
    "channel": ["3"],
    "plan": ["4"],
    "conversation": ["5"],
    "letter": ["3", "w"],
    "request": ["4", "tab", "enter"],
    "call_log": ["5", "c"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, demo_path, open_app, monkeypatch, screen, lang):
    app = open_app(demo_path, lang=lang)
    app.now = lambda: datetime(2026, 11, 28, 14, 20)  # the call log's start stamp
    # The step bar as when all seven steps are built, whatever other screens exist today.
    registry = {n: steps.STEP_SCREENS.get(n, Screen) for n in steps.STEP_NUMBERS}
    monkeypatch.setattr(steps, "STEP_SCREENS", registry)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=SIZE)
