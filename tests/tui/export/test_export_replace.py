"""The export dialog asks before replacing a file that repay did not write."""

from __future__ import annotations

import dataclasses

from tui_helpers import SIZE, TODAY

from storage import Workbook
from tui.export.dialog import ExportDialog
from tui.frame.confirm import ConfirmModal


async def _written(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_dialog_asks_before_replacing_a_foreign_file(demo_path, open_app, tmp_path):
    out = tmp_path / "out"
    with Workbook.open(demo_path) as wb:
        wb.save_settings(dataclasses.replace(wb.settings(), export_dir=str(out)))
    out.mkdir()
    theirs = out / f"summary-en-{TODAY.isoformat()}.pdf"
    theirs.write_bytes(b"the user's own file")
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await _written(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert theirs.read_bytes() == b"the user's own file"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await _written(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")  # replace it
        await _written(app, pilot)
    assert theirs.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out.iterdir()) == [theirs.name]
