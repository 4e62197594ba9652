"""Switching steps on a big workbook: from the key press to the step's screen on screen.

`repay --db big.json` (500 debts, 10,000 log entries) runs in a pty at 80x24 as in
`bench_startup`; once home is complete the keys 1-7 and h are pressed in turn and the
clock runs from writing the key to the step's title showing on the emulated screen.

Two launches:
- "after a pause": the user looks at home for --pause seconds first (the app builds
  the step screens ahead meanwhile, see tui/ahead.py); then the first visit of each
  step, and --repeat rounds of visits to steps already seen;
- "at once": the keys start 0.3 s after home is complete (screens not built yet: each
  first visit builds its screen while the user waits).
Goal: every switch under 100 ms. The summary gives the slowest single switch (one
collection of a big heap or one slice of work ahead shows there, not in a median); to
see what a slow one spent its time on, run `benchmarks.trace_steps`.

Run: python -m benchmarks.bench_steps [--repeat 5] [--pause 4]
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


def measure(big: Path, env: dict[str, str], rounds: int, pause: float) -> dict[str, list[float]]:
    """Key -> seconds per press; each step's first press is stored under 'first N'."""
    times: dict[str, list[float]] = {}
    term = PtyScreen([*repay_command(), "--db", str(big), "--lang", "en"], env, cwd=ROOT)
    try:
        term.wait_for(HOME_COMPLETE)
        term.settle(pause)
        times["rss_mb"] = [term.peak_rss_mb()]  # the step screens built ahead by now
        for round_ in range(rounds):
            for key in KEYS:
                term.mark()
                term.send(key)
                title = _title(key)
                spent = term.wait_for(lambda text, title=title: title in text.splitlines()[0])
                term.settle(0.05)  # let the rest of the frame arrive before the next key
                name = f"first {key}" if round_ == 0 and key != "h" else key
                times.setdefault(name, []).append(spent)
    finally:
        term.quit()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pause", type=float, default=4.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir(mode=0o700)
        big = make_big_workbook(Path(tmp) / "big.json")
        env = environment(home)
        paused = measure(big, env, args.repeat + 1, args.pause)
        at_once = measure(big, env, 1, 0.3)
    report(paused, at_once, args)
    return 0


def report(paused: dict[str, list[float]], at_once: dict[str, list[float]], args) -> None:
    def ms(seconds: float) -> str:
        return f"{seconds * 1000:6.0f}ms"

    print("step switch on the big workbook (key to title on screen), pty 80x24")
    print(f"first visit of each step: after {args.pause:g} s on home | keys at once")
    firsts, quick = [], []
    for key in KEYS[:-1]:
        first, now = paused[f"first {key}"][0], at_once[f"first {key}"][0]
        firsts.append(first)
        quick.append(now)
        print(f"  step {key}  {ms(first)} | {ms(now)}")
    print(f"  median   {ms(statistics.median(firsts))} | {ms(statistics.median(quick))}")
    print(f"  slowest  {ms(max(firsts))} | {ms(max(quick))}")
    print(f"a step seen before, {args.repeat} rounds: median, slowest")
    worst = 0.0
    for key in KEYS:
        runs = paused[key]
        worst = max(worst, max(runs))
        name = "h (home)" if key == "h" else f"step {key}"
        print(f"  {name:9} {ms(statistics.median(runs))} {ms(max(runs))}")
    print(f"first visit after a pause: median {statistics.median(firsts) * 1000:.0f} ms, "
          f"slowest {max(firsts) * 1000:.0f} ms (goal < {GOAL_MS} ms)")
    print(f"first visit at once: median {statistics.median(quick) * 1000:.0f} ms, "
          f"slowest {max(quick) * 1000:.0f} ms")
    print(f"slowest switch to a step seen before: {worst * 1000:.0f} ms (goal < {GOAL_MS} ms)")
    every = firsts + [t for key in KEYS for t in paused[key]]
    over = sum(1 for t in every if t * 1000 >= GOAL_MS)
    print(f"slowest single switch after a pause (first visits and seen before, "
          f"{len(every)} switches): {max(every) * 1000:.0f} ms, {over} at or over {GOAL_MS} ms")
    rss = paused["rss_mb"][0]
    print(f"peak memory after {args.pause:g} s on home (step screens built ahead): {rss:.0f} MB")
    print(f"summary: memory, big workbook with the step screens built ahead: {rss:.0f} MB "
          "(divide by the bare app's peak in bench_startup)")
    print(f"summary: step switch, first visit after {args.pause:g} s on home: median "
          f"{statistics.median(firsts) * 1000:.0f} ms, slowest {max(firsts) * 1000:.0f} ms; "
          f"keys at once: median {statistics.median(quick) * 1000:.0f} ms; a step seen "
          f"before: slowest {worst * 1000:.0f} ms (goal < {GOAL_MS} ms)")
    print(f"summary: step switch, slowest single switch after a pause: {max(every) * 1000:.0f} ms "
          f"of {len(every)} ({over} at or over {GOAL_MS} ms); keys at once: slowest "
          f"{max(quick) * 1000:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
