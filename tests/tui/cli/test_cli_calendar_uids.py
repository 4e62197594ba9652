"""`repay export ics`: the events' UIDs come from the workbook's own id, so they stay the
same when the workbook is renamed AND its file moved (a calendar app updates its events
instead of doubling them), and two workbooks never share one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import icalendar

from storage import Workbook
from tui.cli.demo import ensure_demo
from tui.cli.export import run_export
from workbook.i18n import set_language


def _uids(capsys, wb_path: Path, out: Path) -> list[str]:
    set_language("en")
    assert run_export(["ics", "--out", str(out), "--today", "2026-11-28"], wb_path) == 0
    capsys.readouterr()
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    return sorted(str(e["UID"]) for e in cal.walk("VEVENT"))


def test_uids_survive_renaming_and_moving_the_workbook(capsys, tmp_path):
    first = ensure_demo(tmp_path / "old place" / "demo.json", reset=False, today=date(2026, 11, 28))
    before = _uids(capsys, first, tmp_path / "before.ics")
    assert before
    with Workbook.open(first) as wb:
        assert wb.settings().workbook_id  # made with the demo
        wb.save_settings(wb.settings().__class__(workbook_name="改过的名字"))
    moved = tmp_path / "new place" / "renamed.json"
    moved.parent.mkdir(mode=0o700)
    shutil.move(first, moved)
    after = _uids(capsys, moved, tmp_path / "after.ics")
    assert after == before

    other = ensure_demo(tmp_path / "other" / "demo.json", reset=False, today=date(2026, 11, 28))
    assert not set(_uids(capsys, other, tmp_path / "other.ics")) & set(before)
