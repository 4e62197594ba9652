"""Regenerate screenshots/*.svg: the real app on the demo workbook at 80x24.

Every built screen (home and each registered step) in Chinese and English, plus a
few dialogs in English. The demo is seeded fresh in a temporary folder for a fixed
date, so the pictures change only when the program does. `--only NAME` (repeatable)
regenerates just those pictures.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--only dialog-export-ssh-en]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage import Workbook  # noqa: E402
from tui.app import RepayApp  # noqa: E402
from tui.cli.demo import seed_demo  # noqa: E402
from tui.steps import STEP_SCREENS  # noqa: E402

TODAY = date(2026, 11, 28)
SIZE = (80, 24)
LANGUAGES = ("zh", "en")
# (file name, keys pressed from home), English only
DIALOGS = (
    ("dialog-debt-form-en", ["1", "a"]),
    ("dialog-keys-en", ["1", "question_mark"]),
    ("dialog-palette-en", ["1", "ctrl+p"]),
    ("dialog-confirm-delete-en", ["1", "d"]),
    ("dialog-channels-en", ["3", "c"]),
    ("dialog-letter-en", ["3", "w"]),
    ("dialog-reason-en", ["4", "enter"]),
    ("dialog-request-en", ["4", "tab", "enter"]),
    ("dialog-agreement-en", ["6", "m"]),
    ("dialog-checklist-en", ["6", "x"]),
    ("dialog-payment-en", ["6", "tab", "down", "down", "r"]),  # past the 2 debts recorded late
    ("dialog-schedule-en", ["6", "s"]),
    ("dialog-log-entry-en", ["6", "c", "down", "down", "down", "down", "enter"]),
    ("dialog-log-filter-en", ["6", "c", "slash"]),
    ("dialog-help-card-en", ["7", "up", "enter"]),
    ("dialog-export-en", ["6", "e"]),
    ("dialog-lpr-table-en", ["ctrl+p", *"LPR table", "enter"]),
)
# The export dialog over SSH after writing the summary: the path, the scp command to
# fetch it (documentation addresses), and the Print / Send to my computer actions.
SSH_SESSION = {"SSH_CONNECTION": "203.0.113.7 52000 198.51.100.20 22", "USER": "lin"}
SSH_DIALOGS = (("dialog-export-ssh-en", ["e", "enter"]),)
# A fixed folder for that export, so the path in the picture is the same on every run.
SSH_EXPORTS = Path(tempfile.gettempdir()) / "repay-workbook-screenshots"

# Screens that are not steps, in every language: (file name without -lang, keys)
OTHER_SCREENS = (
    ("commlog", ["6", "c", "down", "down", "down", "down"]),  # a flagged entry explained
    ("step7-situation", ["7", "enter"]),  # the payment-order checklist
    ("step7-situation-form", ["7", "s"]),  # recording a situation and its deadline
    ("step7-court-card", ["7", "ctrl+p", *"失信", "enter"]),  # a court card, by search
)


# The pictures keep their names (the README links them).
STEP_SLUGS = {1: "inventory", 2: "capacity", 3: "channel", 4: "plan", 5: "conversation",
              6: "followup", 7: "help"}


def step_slug(step: int) -> str:
    return f"step{step}-{STEP_SLUGS[step]}"


async def shoot(wb: Workbook, lang: str, keys: list[str], out: Path, name: str) -> Path:
    app = RepayApp(wb, today=TODAY, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()  # an export written in the background
        await pilot.pause(0.2)
        app.clear_notifications()  # the toasts would cover the dialog's buttons
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(out))
    return out / f"{name}.svg"


async def main(out: Path, only: set[str] | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    real_shoot = shoot

    async def shoot_wanted(wb, lang, keys, out, name):  # noqa: ANN001 - as `shoot`
        if only and name not in only:
            return None
        return await real_shoot(wb, lang, keys, out, name)

    written = await _shoot_all(out, shoot_wanted)
    return [w for w in written if w is not None]


async def _shoot_all(out: Path, shoot) -> list[Path]:  # noqa: ANN001
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.json"
        with Workbook.open(path) as wb:
            seed_demo(wb, TODAY)
            # The export dialog shows the folder: one that is the same on every run.
            wb.save_settings(dataclasses.replace(wb.settings(), export_dir="~/repay-exports"))
        for lang in LANGUAGES:
            with Workbook.open(path) as wb:
                written.append(await shoot(wb, lang, [], out, f"home-{lang}"))
                for step in sorted(STEP_SCREENS):
                    name = f"{step_slug(step)}-{lang}"
                    written.append(await shoot(wb, lang, [str(step)], out, name))
                for slug, keys in OTHER_SCREENS:
                    written.append(await shoot(wb, lang, keys, out, f"{slug}-{lang}"))
        with Workbook.open(path) as wb:
            for name, keys in DIALOGS:
                written.append(await shoot(wb, "en", keys, out, name))
        shutil.rmtree(SSH_EXPORTS, ignore_errors=True)
        with Workbook.open(path) as wb:
            wb.save_settings(dataclasses.replace(wb.settings(), export_dir=str(SSH_EXPORTS)))
        saved = {k: os.environ.get(k) for k in SSH_SESSION}
        os.environ.update(SSH_SESSION)
        try:
            with Workbook.open(path) as wb:
                for name, keys in SSH_DIALOGS:
                    written.append(await shoot(wb, "en", keys, out, name))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            shutil.rmtree(SSH_EXPORTS, ignore_errors=True)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="regenerate only this picture (file name without .svg)")
    args = parser.parse_args()
    for file in asyncio.run(main(args.out, set(args.only or ()))):
        print(file.relative_to(ROOT) if file.is_relative_to(ROOT) else file)
