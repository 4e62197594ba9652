"""Switching steps on a big workbook: from the key press to the step's screen on screen.

`repay --db big.json` (500 debts, 10,000 log entries) runs in a pty at 80x24 as in
`bench_startup`; once home is complete, the keys 1-7 and h are pressed in turn and the
clock runs from writing the key to the step's title showing on the emulated screen.
The first visit to a step builds its screen; later visits show the one already built.
Goal: every switch under 100 ms.

Run: python -m benchmarks.bench_steps [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_startup import (
    HOME_COMPLETE,
    ROOT,
    environment,
    make_big_workbook,
    repay_command,
)
from benchmarks.pty_screen import PtyScreen

KEYS = "1234567h"
GOAL_MS = 100


def _title(key: str) -> str:
    return ">  Home" if key == "h" else f">  Step {key}:"


def measure(big: Path, env: dict[str, str], repeat: int) -> dict[str, list[float]]:
    """Key -> seconds per press; the first press of each key is stored under 'first'."""
    times: dict[str, list[float]] = {key: [] for key in KEYS}
    times["first"] = []
    term = PtyScreen([*repay_command(), "--db", str(big), "--lang", "en"], env, cwd=ROOT)
    try:
        term.wait_for(HOME_COMPLETE)
        term.settle(0.3)
        for round_ in range(repeat + 1):
            for key in KEYS:
                term.mark()
                term.send(key)
                title = _title(key)
                spent = term.wait_for(lambda text, title=title: title in text.splitlines()[0])
                term.settle(0.05)  # let the rest of the frame arrive before the next key
                (times["first"] if round_ == 0 and key != "h" else times[key]).append(spent)
    finally:
        term.quit()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir(mode=0o700)
        big = make_big_workbook(Path(tmp) / "big.json")
        times = measure(big, environment(home), args.repeat)
    print(f"step switch on the big workbook (key to title on screen), {args.repeat} rounds")
    print(f"{'key':20} {'median':>8} {'max':>8}")
    worst = 0.0
    for key, runs in times.items():
        if not runs:
            continue
        name = "first visit (1-7)" if key == "first" else ("h (home)" if key == "h" else key)
        worst = max(worst, max(runs)) if key != "first" else worst
        print(f"{name:20} {statistics.median(runs) * 1000:6.0f}ms {max(runs) * 1000:6.0f}ms")
    print(f"slowest switch to a visited step: {worst * 1000:.0f} ms (goal < {GOAL_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
