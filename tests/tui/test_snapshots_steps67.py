"""Snapshots at 80x24 of step 6, the communication log and step 7, in both languages
(demo workbook). Update after an intended change with
`pytest tests/tui/test_snapshots_steps67.py --snapshot-update` and look at the SVGs
before committing them.
"""

from __future__ import annotations

import pytest
from tui_helpers import SIZE

SCREENS = {"followup": ["6"], "commlog": ["6", "c", "down", "down", "down", "down"],
           "help": ["7"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, demo_path, open_app, screen, lang):
    app = open_app(demo_path, lang=lang)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=SIZE)
