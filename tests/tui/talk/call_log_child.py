"""Run by test_talk_screen in a separate process: opens the call log on step 5, types
the notes, waits until the draft has them on disk, prints SAVED and then waits to be
killed with SIGKILL (so no clean-up of any kind runs).

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
from storage.drafts import drafts_path
from tui.app import RepayApp

STARTED = datetime(2026, 11, 28, 14, 20)


def notes_in_drafts(path: Path) -> list[str]:
    try:
        data = json.loads(drafts_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [d["fields"].get("call-notes", "") for d in data.get("drafts", {}).values()]


async def main(path: Path, notes: str) -> None:
    app = RepayApp(Workbook.open(path), today=TODAY, lang="en")
    app.now = lambda: STARTED
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c", "tab")  # the notes are one key from the agent's name
        await pilot.press(*notes)
        for _ in range(200):
            await pilot.pause(0.05)
            if notes in notes_in_drafts(path):
                break
        print("SAVED", flush=True)
        await asyncio.sleep(120)  # the test kills us long before


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2]))
