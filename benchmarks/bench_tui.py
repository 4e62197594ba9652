"""TUI costs, each as a ratio against a bare Textual app measured in the same run.

1. Startup to the first interactive screen: RepayApp on the demo workbook against an
   App that shows one Label.
2. Opening a workbook of 500 debts and 10,000 log entries: RepayApp reaching home on it
   against the same bare App (so the ratio shows what the data costs on top).
3. Key presses in a 10,000-row table: 50 cursor moves in the debt inventory holding
   10,000 debts, against 50 moves in a bare DataTable of 10,000 rows.

Headless (Textual's test driver), so it measures our work, not the terminal.
Run: python benchmarks/bench_tui.py [--repeat N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Label

from benchmarks.bench_storage import _comms, _debts
from storage import Workbook
from tui.app import RepayApp
from tui.cli.demo import seed_demo

TODAY = date(2026, 11, 28)
SIZE = (80, 24)
MOVES = 50


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("ready")


class BareTable(App[None]):
    def compose(self) -> ComposeResult:
        table = DataTable()
        table.add_columns("lender", "balance", "rate")
        table.add_rows((f"机构{i}", f"{1000 + i}.45", "18%") for i in range(10_000))
        yield table


async def _start(app: App, keys: tuple[str, ...] = (), moves: int = 0) -> tuple[float, float]:
    t0 = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        started = time.perf_counter() - t0
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        t1 = time.perf_counter()
        for _ in range(moves):
            await pilot.press("down")
        await pilot.pause()
        moved = time.perf_counter() - t1
    return started, moved


def _median(runs: list[float]) -> float:
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        demo_path = Path(tmp) / "demo.json"
        with Workbook.open(demo_path) as wb:
            seed_demo(wb, TODAY)
        big_path = Path(tmp) / "big.json"
        with Workbook.open(big_path) as wb:
            wb.debts.add_many(_debts(500))
            wb.communications.add_many(_comms(10_000))
        table_path = Path(tmp) / "table.json"
        with Workbook.open(table_path) as wb:
            wb.debts.add_many(_debts(10_000))

        def ours(path: Path, keys=(), moves=0) -> tuple[float, float]:
            with Workbook.open(path, read_only=True) as wb:
                return asyncio.run(_start(RepayApp(wb, today=TODAY, lang="en"), keys, moves))

        bare = [asyncio.run(_start(BareApp()))[0] for _ in range(args.repeat)]
        demo = [ours(demo_path)[0] for _ in range(args.repeat)]
        big = [ours(big_path)[0] for _ in range(args.repeat)]
        table_bare = [asyncio.run(_start(BareTable(), moves=MOVES))[1] for _ in range(args.repeat)]
        table_ours = [ours(table_path, ("1",), MOVES)[1] for _ in range(args.repeat)]

    rows = [
        ("startup, demo workbook", _median(demo), _median(bare), "bare App"),
        ("open 500 debts + 10,000 log entries", _median(big), _median(bare), "bare App"),
        (f"{MOVES} key presses, 10,000-row table", _median(table_ours), _median(table_bare),
         "bare DataTable"),
    ]
    print(f"{'measure':40} {'ours':>9} {'baseline':>9} {'ratio':>7}  baseline")
    for name, value, base, what in rows:
        print(f"{name:40} {value * 1000:7.0f}ms {base * 1000:7.0f}ms {value / base:6.2f}x  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
