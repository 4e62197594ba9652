"""SIGKILL at the application level: a child uses the workbook as the app does
(app_crash_child.py) and is killed at random moments, also in the middle of an open,
a backup, a restore and an export. After every kill:

- the workbook parses and every record decodes;
- every acknowledged change is there, and at most the one change that was pending;
- the lock is not stale (the next writer gets it);
- every backup is good (passes the check an open makes);
- no temporary file survives the next open, beside the workbook, in backups/ or in
  exports/.

50 rounds by default; `pytest -m slow` runs 500. The counts are printed (-s shows them).
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook
from storage.backup import backup_problem, list_backups
from storage.lock import holder
from workbook.models import Communication, Debt

CHILD = Path(__file__).with_name("app_crash_child.py")
ROOT = Path(__file__).resolve().parents[2]  # the child imports this checkout's packages
AIMED = ("open", "backup", "restore", "export")
# Enough log entries that a write takes a few milliseconds: kills land inside it.
LOG_ENTRIES = 60


def _state(text: str) -> dict[int, Decimal]:
    pairs = (item.split("=") for item in text.split(",") if item)
    return {int(k): Decimal(v) for k, v in pairs}


class Acks:
    """What the child acknowledged, and the step it had started but not finished."""

    def __init__(self, expected: dict[int, Decimal]) -> None:
        self.expected = dict(expected)
        self.pending: list[str] | None = None

    def feed(self, line: str) -> None:
        words = line.split()
        if not words:
            return
        if words[0] == "start":
            self.pending = words[1:]
            return
        step, args = words[1], words[2:]
        if step == "add":
            self.expected[int(args[0])] = Decimal(args[1])
        elif step == "delete":
            del self.expected[int(args[0])]
        elif step == "restore":
            self.expected = _state(args[0] if args else "")
        self.pending = None

    def allowed(self) -> list[dict[int, Decimal]]:
        """The states the workbook may be in: the acknowledged one, or with the pending
        change made (an add's id is only known once it is on disk, so None for it)."""
        states = [self.expected]
        if not self.pending:
            return states
        step, args = self.pending[0], self.pending[1:]
        if step == "delete":
            states.append({k: v for k, v in self.expected.items() if k != int(args[0])})
        elif step == "restore":
            states.append(_state(args[0] if args else ""))
        return states

    def check(self, actual: dict[int, Decimal], where: str) -> None:
        if actual in self.allowed():
            return
        if self.pending and self.pending[0] == "add":
            extra = {k: v for k, v in actual.items() if k not in self.expected}
            rest = {k: v for k, v in actual.items() if k in self.expected}
            if rest == self.expected and list(extra.values()) == [Decimal(self.pending[1])]:
                return
        raise AssertionError(f"{where}: {actual} is not one of {self.allowed()} ({self.pending})")


def _seed_workbook(path: Path) -> dict[int, Decimal]:
    with Workbook.open(path) as wb, wb.batch():
        wb.communications.add_many(
            [
                Communication(lender="L", summary="记录 " * 40, at=_at(n))
                for n in range(LOG_ENTRIES)
            ]
        )
        debts = wb.debts.add_many([Debt(lender="起点", balance=Decimal("1.00"))])
    return {d.id: d.balance for d in debts}


def _at(n: int):
    from datetime import datetime, timedelta

    return datetime(2024, 1, 1, 9, 0) + timedelta(minutes=n)


class ForkServer:
    """app_crash_child.py as a fork server: one start-up (imports), then a fresh child
    per round, forked in a few milliseconds. Its lines arrive through a FIFO."""

    def __init__(self, path: Path, folder: Path) -> None:
        self.errors = folder / "child-errors.txt"
        self.fifo = folder / "child-lines"
        os.mkfifo(self.fifo)
        # Read and write: never EOF between children, never blocks a child's open.
        self.lines_fd = os.open(self.fifo, os.O_RDWR | os.O_NONBLOCK)
        with open(self.errors, "wb") as errors:
            self.proc = subprocess.Popen(
                [sys.executable, str(CHILD), str(path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )

    def _ask(self, line: str) -> int:
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, self.errors.read_text(errors="replace")
        return int(answer)

    def start(self, seed: int) -> int:
        return self._ask(f"run {seed} {self.fifo}")

    def reap(self, pid: int) -> int:
        return self._ask(f"reap {pid}")

    def drain(self) -> bytes:
        data = b""
        while True:
            try:
                chunk = os.read(self.lines_fd, 65536)
            except BlockingIOError:
                return data
            data += chunk

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        os.close(self.lines_fd)


def _run_and_kill(server: ForkServer, seed: int, rng: random.Random, acks: Acks) -> str:
    """A child started and killed; feeds its lines to `acks`; returns what the kill aimed at."""
    pid = server.start(seed)
    aim = rng.choice([*AIMED, "anywhere"])
    lines: list[bytes] = []
    buffer = b""
    deadline = time.monotonic() + 30  # a guard against a child that never gets there
    until = time.monotonic() + rng.uniform(0.0, 0.15)
    while True:
        now = time.monotonic()
        if aim == "anywhere" and now >= until:
            break
        if now > deadline:
            aim = "anywhere (late)"
            break
        ready, _, _ = select.select([server.lines_fd], [], [], 0.01)
        if not ready:
            continue
        buffer += server.drain()
        *complete, buffer = buffer.split(b"\n")
        lines += complete
        if aim != "anywhere" and any(line.startswith(f"start {aim}".encode()) for line in complete):
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0.0, 0.004))
            break
    os.kill(pid, signal.SIGKILL)
    status = server.reap(pid)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        status,
        server.errors.read_text(errors="replace"),
    )
    buffer += server.drain()  # the child is gone: all it wrote is in the FIFO
    *complete, _cut = buffer.split(b"\n")  # a line the kill cut short says nothing
    for line in [*lines, *complete]:
        acks.feed(line.decode("utf-8"))
    return aim


def _temp_files(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*.tmp")]


def crash_rounds(tmp_path: Path, rounds: int, seed: int) -> Counter[str]:
    rng = random.Random(seed)
    path = tmp_path / "app" / "workbook.json"
    acks = Acks(_seed_workbook(path))
    counts: Counter[str] = Counter()
    checked: set[tuple[str, int, int]] = set()
    server = ForkServer(path, tmp_path)
    try:
        for run in range(1, rounds + 1):
            aim = _run_and_kill(server, run, rng, acks)
            _check_round(path, f"round {run}", aim, acks, counts, checked)
    finally:
        server.close()
    counts["acknowledged debts at the end"] = len(acks.expected)
    counts["backups at the end"] = len(list_backups(path))
    return counts


def _check_round(
    path: Path,
    where: str,
    aim: str,
    acks: Acks,
    counts: Counter[str],
    checked: set[tuple[str, int, int]],
) -> None:
    counts[f"aimed at {aim}"] += 1
    if acks.pending:
        counts[f"killed during {acks.pending[0]}"] += 1
    assert holder(path) is None, where  # the kernel dropped the dead child's lock
    with Workbook.open(path, read_only=True) as wb:  # parses, every record decodes
        for repo in wb.repositories().values():
            repo.list()
        wb.profile(), wb.settings()
        actual = {d.id: d.balance for d in wb.debts.list()}
    acks.check(actual, where)
    acks.expected, acks.pending = actual, None  # the pending change is settled now
    for item in list_backups(path):
        info = item.stat()
        key = (item.name, info.st_mtime_ns, info.st_size)
        if key not in checked:  # a backup never changes once written
            assert backup_problem(item) is None, (where, item.name)
            checked.add(key)
    export = path.parent / "exports" / "workbook-export.json"
    if export.exists():
        assert json.loads(export.read_text(encoding="utf-8"))["format"]
    Workbook.open(path).close()  # the next open (as the app's next start) ...
    assert _temp_files(path.parent) == [], where  # ... leaves no temp file anywhere


def _report(rounds: int, counts: Counter[str]) -> None:
    print(f"\n{rounds} SIGKILL rounds: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def test_sigkill_at_any_moment_of_open_backup_restore_export_and_writes(tmp_path):
    rounds = 50
    counts = crash_rounds(tmp_path, rounds, seed=14)
    _report(rounds, counts)
    assert sum(v for k, v in counts.items() if k.startswith("aimed at")) == rounds
    # Kills did land inside changes, not only between them.
    assert sum(v for k, v in counts.items() if k.startswith("killed during")) > 0


@pytest.mark.slow
def test_sigkill_many_more_rounds(tmp_path):
    rounds = 500
    counts = crash_rounds(tmp_path, rounds, seed=1414)
    _report(rounds, counts)
    for step in AIMED:
        assert counts[f"killed during {step}"] > 0, counts
