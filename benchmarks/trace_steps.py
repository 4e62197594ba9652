"""Why a step switch is slow: what the app's thread did between a key and the screen.

A diagnostic next to `bench_steps` (not part of run_all). It runs the same pty session
(`repay --db big.json`, 80x24, keys 1-7 and h in rounds), but the app runs under a
tracer in its own process that records, on the machine's monotonic clock (shared by
both processes on Linux):
- every garbage collection (generation, milliseconds, objects collected);
- each slice of work ahead (`Prebuilder` jobs) and each screen `sync`;
- the key events as the app receives them, and each write to the terminal;
- a sample of the app thread's stack every 5 ms (the innermost frames of our code and
  Textual's), so an unexplained gap says where the time went.
Every switch slower than --over ms is printed with what happened between the key and
its title showing.

Run: python -m benchmarks.trace_steps [--repeat 5] [--pause 4] [--over 80] [--at-once]
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

CHILD_FLAG = "--trace-child"


# -- in the app's process ---------------------------------------------------------------


def _child(trace_path: str, argv: list[str]) -> int:
    events: list[tuple] = []
    log = events.append
    now = time.monotonic
    gc_start: dict[int, float] = {}

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_start[info["generation"]] = now()
        else:
            began = gc_start.pop(info["generation"], now())
            log(("gc", began, now(), info["generation"], info["collected"]))

    gc.callbacks.append(on_gc)

    from textual.drivers.linux_driver import LinuxDriver

    from tui.ahead import Prebuilder
    from tui.app import RepayApp
    from tui.frame.base import BaseScreen

    def timed(cls, name: str, label):
        original = getattr(cls, name)
        if hasattr(original, "__code__") and original.__code__.co_flags & 0x80:  # coroutine

            async def wrapper(self, *args, **kwargs):
                began = now()
                try:
                    return await original(self, *args, **kwargs)
                finally:
                    log(("call", began, now(), label(self, *args)))
        else:

            def wrapper(self, *args, **kwargs):
                began = now()
                try:
                    return original(self, *args, **kwargs)
                finally:
                    log(("call", began, now(), label(self, *args)))

        setattr(cls, name, wrapper)

    def job_name(self) -> str:
        job = self.jobs[0] if self.jobs else None
        func = getattr(job, "func", job)
        args = getattr(job, "args", ())
        arg = type(args[0]).__name__ if args and not isinstance(args[0], int) else args
        return f"ahead {getattr(func, '__name__', func)} {arg}"

    original_tick = Prebuilder.tick

    def tick(self) -> None:
        began, name = now(), job_name(self)
        ran = len(self.jobs)
        original_tick(self)
        if len(self.jobs) != ran or now() - began > 0.002:
            log(("call", began, now(), name))

    Prebuilder.tick = tick
    from tui import ahead

    original_freeze = ahead._freeze_heap

    def freeze(whole: bool = False) -> None:
        began = now()
        original_freeze(whole)
        log(("call", began, now(), f"freeze whole={whole}"))

    ahead._freeze_heap = freeze
    timed(BaseScreen, "sync", lambda self: f"sync {type(self).__name__}")
    timed(BaseScreen, "refresh_data", lambda self: f"refresh_data {type(self).__name__}")
    timed(RepayApp, "_show", lambda self, name, *a: f"show {name}")
    from textual.screen import Screen
    from textual.widgets import DataTable

    timed(Screen, "_refresh_layout", lambda self, *a, **k: f"layout {type(self).__name__}")
    timed(Screen, "_compositor_refresh", lambda self: f"paint {type(self).__name__}")
    timed(Screen, "update_node_styles", lambda self, *a, **k: f"styles {type(self).__name__}")
    timed(DataTable, "_update_dimensions", lambda self, *a: f"table sizes #{self.id}")

    original_event = RepayApp.on_event

    async def on_event(self, event):
        from textual import events as ev

        if isinstance(event, ev.Key):
            log(("key", now(), event.key))
        return await original_event(self, event)

    RepayApp.on_event = on_event
    original_write = LinuxDriver.write

    def write(self, data: str) -> None:
        log(("write", now(), len(data)))
        original_write(self, data)

    LinuxDriver.write = write

    main_thread = threading.main_thread()
    stop = threading.Event()
    root = str(Path(__file__).resolve().parents[1])

    def sampler() -> None:
        while not stop.wait(0.005):
            frame = sys._current_frames().get(main_thread.ident)
            stack = []
            while frame is not None and len(stack) < 4:
                code = frame.f_code
                where = code.co_filename
                if "asyncio" not in where and "selectors" not in where:
                    short = where.replace(root + "/", "").split("site-packages/")[-1]
                    stack.append(f"{short}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            if stack and "base_events" not in stack[0]:
                log(("sample", now(), " < ".join(stack)))

    threading.Thread(target=sampler, daemon=True).start()
    from tui.cli.main import main

    try:
        return main(argv)
    finally:
        stop.set()
        with open(trace_path, "w") as out:
            json.dump(events, out)


# -- in the benchmark's process ---------------------------------------------------------


def _session(big: Path, env: dict[str, str], trace: Path, rounds: int, pause: float):
    from benchmarks.bench_startup import HOME_COMPLETE, ROOT
    from benchmarks.bench_steps import KEYS, _title
    from benchmarks.pty_screen import PtyScreen

    argv = [sys.executable, "-m", "benchmarks.trace_steps", CHILD_FLAG, str(trace),
            "--db", str(big), "--lang", "en"]  # fmt: skip
    switches = []
    term = PtyScreen(argv, env, cwd=ROOT)
    try:
        term.wait_for(HOME_COMPLETE)
        term.settle(pause)
        for round_ in range(rounds):
            for key in KEYS:
                term.mark()
                sent = time.monotonic()
                term.send(key)
                title = _title(key)
                term.wait_for(lambda text, title=title: title in text.splitlines()[0])
                switches.append((round_, key, sent, time.monotonic()))
                term.settle(0.05)
    finally:
        term.quit()
    return switches


def _explain(events: list, sent: float, shown: float) -> list[str]:
    lines = []
    samples: collections.Counter[str] = collections.Counter()
    for event in events:
        kind, at = event[0], event[1]
        end = event[2] if kind in ("gc", "call") else at
        if end < sent - 0.001 or at > shown:
            continue
        if kind == "sample":
            samples[event[2]] += 1
            continue
        offset = (at - sent) * 1000
        if kind == "gc":
            lines.append(f"    {offset:6.1f} gc gen{event[3]} {(end - at) * 1000:.1f} ms "
                         f"collected {event[4]}")
        elif kind == "call":
            lines.append(f"    {offset:6.1f} {event[3]} {(end - at) * 1000:.1f} ms")
        elif kind == "key":
            lines.append(f"    {offset:6.1f} key {event[2]} received")
        elif kind == "write":
            lines.append(f"    {offset:6.1f} write {event[2]} chars")
    for stack, count in samples.most_common(6):
        lines.append(f"      ~{count * 5:3d} ms in {stack}")
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == CHILD_FLAG:
        return _child(argv[1], argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pause", type=float, default=4.0)
    parser.add_argument("--over", type=float, default=80.0)
    parser.add_argument("--at-once", action="store_true", help="keys 0.3 s after home")
    args = parser.parse_args(argv)
    from benchmarks.bench_startup import environment, make_big_workbook

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir(mode=0o700)
        big = make_big_workbook(Path(tmp) / "big.json")
        trace = Path(tmp) / "trace.json"
        rounds, pause = (1, 0.3) if args.at_once else (args.repeat + 1, args.pause)
        switches = _session(big, environment(home), trace, rounds, pause)
        events = json.loads(trace.read_text()) if trace.exists() else []
    gcs = [e for e in events if e[0] == "gc"]
    full = [e for e in gcs if e[3] == 2]
    start = switches[0][2] if switches else 0.0
    print(f"{len(gcs)} collections, {len(full)} of generation 2 (ms long, at s from the "
          "first key): " + ", ".join(f"{(e[2] - e[1]) * 1000:.0f} at {e[1] - start:+.1f}"
                                     for e in full))
    freezes = [e for e in events if e[0] == "call" and "freeze" in e[3]]
    print("heap frozen (at s from the first key, ms long): " + ", ".join(
        f"{e[1] - start:+.1f} {(e[2] - e[1]) * 1000:.0f}" for e in freezes))
    for round_, key, sent, shown in switches:
        spent = (shown - sent) * 1000
        flag = "  <-- slow" if spent > args.over else ""
        print(f"round {round_} key {key}: {spent:.0f} ms{flag}")
        if flag:
            print("\n".join(_explain(events, sent, shown)))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
