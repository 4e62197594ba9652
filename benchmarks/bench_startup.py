"""Startup as a person meets it: the command launched in a terminal, until its screen shows.

Each command runs in a pseudo-terminal of 80x24 (a new interpreter every time, so
interpreter start, imports, opening the file and the first frame all count); its output
goes through a terminal emulator (pyte) and the clock stops when the expected text is
on the emulated screen. Baseline: a bare Textual app (Header, Static, Footer) launched
the same way, in the same run. Runs are interleaved (bare, demo, big, bare, ...) and
the median of each is reported, with peak resident memory (VmHWM) once the screen is
complete.

- `repay demo` (HOME in a temporary folder; the demo workbook is made by a warm-up run)
- `repay --db big.json`: 500 debts and 10,000 log entries, generated
- "first screen": home's frame, its section titles and the footer are drawn;
  "complete": home's figures that need the whole log are there too (Warnings (n)).

Run: python -m benchmarks.bench_startup [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bare_app import READY
from benchmarks.pty_screen import PtyScreen, contains_all

ROOT = Path(__file__).resolve().parents[1]
HOME_FIRST = contains_all("Where you stand", "Key figures", "Ctrl+P")
HOME_COMPLETE = contains_all("Where you stand", "Key figures", "Warnings (", "Ctrl+P")
BARE = contains_all(READY, "Bare")


@dataclass
class Runs:
    first: list[float] = field(default_factory=list)
    complete: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)

    def median(self, name: str) -> float:
        return statistics.median(getattr(self, name))


def make_big_workbook(path: Path, debts: int = 500, entries: int = 10_000) -> Path:
    from benchmarks.bench_storage import _comms, _debts
    from storage import Workbook

    with Workbook.open(path) as wb:
        wb.debts.add_many(_debts(debts))
        wb.communications.add_many(_comms(entries))
    return path


def environment(home: Path) -> dict[str, str]:
    """A clean environment: a fresh HOME, a UTF-8 locale, a common terminal type."""
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    return env


def repay_command() -> list[str]:
    script = Path(sys.executable).with_name("repay")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "tui.cli"]


def run_once(argv, env, first, complete, runs: Runs, after=None) -> None:
    term = PtyScreen(argv, env, cwd=ROOT)
    try:
        runs.first.append(term.wait_for(first))
        runs.complete.append(term.wait_for(complete))
        term.settle(0.3)  # anything drawn or computed just after, in the peak too
        runs.rss_mb.append(term.peak_rss_mb())
        if after is not None:
            after(term)
    finally:
        term.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir(mode=0o700)
        env = environment(home)
        big = make_big_workbook(Path(tmp) / "big.json")
        repay = repay_command()
        commands = {
            "bare": ([sys.executable, "-m", "benchmarks.bare_app"], BARE, BARE),
            "demo": ([*repay, "demo", "--lang", "en"], HOME_FIRST, HOME_COMPLETE),
            "big": ([*repay, "--db", str(big), "--lang", "en"], HOME_FIRST, HOME_COMPLETE),
        }
        # Warm-up (not counted): makes the demo workbook, fills the file cache.
        for cmd, first, complete in commands.values():
            run_once(cmd, env, first, complete, Runs())
        results = {name: Runs() for name in commands}
        names = list(commands)
        for round_ in range(args.repeat):
            order = names[round_ % len(names):] + names[: round_ % len(names)]
            for name in order:
                cmd, first, complete = commands[name]
                run_once(cmd, env, first, complete, results[name])
    report(results, args.repeat)
    return 0


def report(results: dict[str, Runs], repeat: int) -> None:
    bare, demo, big = results["bare"], results["demo"], results["big"]
    b = bare.median("first")
    print(f"startup in a pty at 80x24, median of {repeat} interleaved runs")
    print(f"{'measure':46} {'ours':>8} {'baseline':>9} {'ratio':>7}  baseline")
    rows = [
        ("repay demo to home", demo.median("first"), b, "bare Textual app"),
        ("big workbook to home (first screen)", big.median("first"), b, "bare Textual app"),
        ("big workbook, home complete", big.median("complete"), b, "bare Textual app"),
        ("big workbook to home vs demo", big.median("first"), demo.median("first"), "repay demo"),
    ]
    for name, value, base, what in rows:
        print(f"{name:46} {value * 1000:6.0f}ms {base * 1000:7.0f}ms {value / base:6.2f}x  {what}")
    rb = bare.median("rss_mb")
    for name, runs in (("demo", demo), ("big workbook", big)):
        rss = runs.median("rss_mb")
        print(f"{'peak memory, ' + name:46} {rss:6.0f}MB {rb:7.0f}MB {rss / rb:6.2f}x  bare Textual app")
    print(f"summary: repay demo to home {demo.median('first') / b:.2f}x bare (goal <= 1.3x)")
    print(f"summary: big workbook to home {big.median('first') / b:.2f}x bare (goal <= 1.5x); "
          f"complete {big.median('complete') / b:.2f}x")
    print(f"summary: memory, big workbook open {big.median('rss_mb') / rb:.2f}x bare "
          f"({big.median('rss_mb'):.0f} MB / {rb:.0f} MB; goal <= 2x)")


if __name__ == "__main__":
    sys.exit(main())
