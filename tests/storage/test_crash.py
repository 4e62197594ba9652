"""Kill a writer with SIGKILL at random moments: the workbook must always load and hold
every write whose `add` had returned (the writer reports those on stdout)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from storage import Workbook

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 60


def _run_and_kill(path: Path, run: int, rng: random.Random) -> dict[int, Decimal]:
    """Start a writer, kill it at a random moment; the debts it reported as stored."""
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    if run % 6 == 0:
        # Now and then while it is still opening (backup, migration, temp clean-up).
        time.sleep(rng.uniform(0.0, 0.12))
    else:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.1))
    os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err
    reported = {}
    for line in out.splitlines():
        if line == "ready":
            continue
        # A line cut by the kill has no balance yet; its write may or may not be on disk.
        parts = line.split()
        if len(parts) == 2:
            reported[int(parts[0])] = Decimal(parts[1])
    return reported


def test_sigkill_at_random_moments_never_loses_a_returned_write(tmp_path: Path):
    rng = random.Random(20240601)
    path = tmp_path / "crash" / "workbook.json"
    promised: dict[int, Decimal] = {}
    runs_with_writes = 0
    mid_write = 0  # kills that left a temporary file: caught between mkstemp and replace
    for run in range(1, KILLS + 1):
        reported = _run_and_kill(path, run, rng)
        runs_with_writes += bool(reported)
        mid_write += any(p.name.endswith(".tmp") for p in path.parent.iterdir())
        promised.update(reported)
        # Read-only: loads without writing, so it cannot repair what the kill left.
        with Workbook.open(path, read_only=True) as wb:
            stored = {d.id: d.balance for d in wb.debts.list()}
        for debt_id, balance in promised.items():
            assert stored.get(debt_id) == balance, (run, debt_id)
    print(f"{KILLS} kills, {len(promised)} debts promised, {mid_write} kills mid-write")
    assert runs_with_writes >= KILLS // 4  # the kills landed while writing, not only before
    assert mid_write > 0  # and some inside the write itself
    with Workbook.open(path) as wb:  # a writable open clears temp files killed writers left
        assert {d.id for d in wb.debts.list()} >= set(promised)
    leftovers = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
