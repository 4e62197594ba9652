"""Run by test_step5_conversation in a separate process: opens the call log on step 5,
types the notes, waits until the autosave has put them on disk, prints SAVED and
then waits to be killed with SIGKILL (so no clean-up of any kind runs).

Usage: python call_log_child.py WORKBOOK NOTES
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tui_helpers

from tui_helpers import SIZE, TODAY  # noqa: E402

from storage import Workbook
from tui.app import RepayApp
from tui.talk.call_log import CallLog

STARTED = datetime(2026, 11, 28, 14, 20)


def notes_on_disk(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [c["summary"] for c in data.get("communications", {}).values()]


async def main(path: Path, notes: str) -> None:
    CallLog.AUTOSAVE_DELAY = 0.05
    app = RepayApp(Workbook.open(path), today=TODAY, lang="en")
    app.now = lambda: STARTED
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c")
        await pilot.press(*notes)
        for _ in range(200):
            await pilot.pause(0.05)
            if notes in notes_on_disk(path):
                break
        print("SAVED", flush=True)
        await asyncio.sleep(120)  # the test kills us long before


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2]))
