"""A key storm: random keys on every screen, with restarts, must never crash the app.

Each round opens the app on one screen (home, steps 1-7, the log) and presses random
keys (letters, digits, Esc, Ctrl+Q, Ctrl+P, PageUp/PageDown, Tab, Enter, arrows...)
until the keys run out or a key quits; then the workbook must open and decode, and
the drafts file must be readable. The default run presses about 800 keys in all; the
`slow` variant 20,000 (`pytest -m slow`).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from tui_helpers import SIZE, TODAY, seed_demo_workbook

from storage import Workbook
from storage.drafts import drafts_path
from tui.app import RepayApp

# q and Ctrl+Q end a round (a restart costs a second): one key in a hundred quits.
QUITS = ["q", "ctrl+q"]
QUIT_CHANCE = 0.01
KEYS = [*"abcdefghijklmnoprstuvwxyz", *"1234567", "?", "escape", "escape",
        "ctrl+p", "ctrl+p", "pageup", "pagedown", "pagedown", "tab", "shift+tab", "enter",
        "enter", "up", "down", "left", "right", "space", "home", "end", "ctrl+s",
        "backspace", "delete"]
STARTS: list[tuple[str, ...]] = [(), ("1",), ("2",), ("3",), ("4",), ("5",), ("6",), ("7",),
                                 ("log",)]


async def _round(path: Path, rng: random.Random, start: tuple[str, ...], keys: int) -> int:
    """One app run: returns how many keys were pressed before it ended."""
    app = RepayApp(Workbook.open(path), today=TODAY, lang=rng.choice(["en", "zh"]))
    pressed = 0
    try:
        async with app.run_test(size=SIZE) as pilot:
            if start == ("log",):
                app.show_log()
            else:
                await pilot.press(*start)
            while pressed < keys and not getattr(app, "_quitting", False):
                burst = [rng.choice(QUITS) if rng.random() < QUIT_CHANCE else rng.choice(KEYS)
                         for _ in range(rng.randint(1, 8))]
                for key in burst:  # fast, as a held key or a paste would come
                    if getattr(app, "_quitting", False):
                        break
                    await pilot.press(key)
                    pressed += 1
                await pilot.pause()
    finally:
        app.wb.close()
    assert app.return_code in (0, None), "the app ended on an error"
    return pressed


def _check_files(path: Path) -> None:
    with Workbook.open(path, read_only=True) as wb:
        wb.snapshot()  # every record decodes
    drafts = drafts_path(path)
    if drafts.exists():
        json.loads(drafts.read_text(encoding="utf-8"))


async def _storm(tmp_path: Path, total: int, seed: int, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # exports land here, never in a real home
    path = seed_demo_workbook(tmp_path / "storm.json")
    rng = random.Random(seed)
    done, i = 0, 0
    while done < total:
        start = STARTS[i % len(STARTS)]
        done += await _round(path, rng, start, min(200, total - done)) or 1
        _check_files(path)
        i += 1


async def test_a_storm_of_random_keys_on_every_screen_never_crashes(tmp_path, monkeypatch):
    await _storm(tmp_path, total=800, seed=13, monkeypatch=monkeypatch)


@pytest.mark.slow
async def test_a_long_storm_of_random_keys(tmp_path, monkeypatch):
    for seed in range(5):
        await _storm(tmp_path / str(seed), total=4000, seed=seed, monkeypatch=monkeypatch)


class _Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*[f"option {i}" for i in range(30)], id="hidden")


async def test_paging_a_list_that_is_not_laid_out_does_not_crash():
    # textual 8.2.8 raised KeyError here (tui/widgets/textual_fixes.py); the app applies
    # the fix when it is imported, as this module does.
    app = _Lists()
    async with app.run_test(size=SIZE) as pilot:
        options = app.query_one(OptionList)
        options.display = False
        await pilot.pause()
        options._clear_caches()
        options.highlighted = 20
        options.action_page_down()
        options.action_page_up()
        assert options.highlighted == 20
