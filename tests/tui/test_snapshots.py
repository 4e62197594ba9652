"""Snapshots at 80x24 of home, step 1 and step 2 in both languages (demo workbook).

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.screen import Screen
from tui_helpers import SIZE

from tui import steps

SCREENS = {"home": [], "inventory": ["1"], "capacity": ["2"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, demo_path, open_app, monkeypatch, screen, lang):
    app = open_app(demo_path, lang=lang)
    # The step bar as when all seven steps are built, whatever other screens exist today:
    # these snapshots are about home and steps 1 and 2.
    registry = {n: steps.STEP_SCREENS.get(n, Screen) for n in steps.STEP_NUMBERS}
    monkeypatch.setattr(steps, "STEP_SCREENS", registry)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=SIZE)
