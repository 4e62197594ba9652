"""A holder left by a dropped SSH link: seen as ours with its terminal gone, and ended."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from storage import Workbook
from storage.lock import Holder, end_holder, holder, is_local_and_ours, terminal_gone
from tui.cli.locked import END, QUIT, READ_ONLY, ask_about_holder

ROOT = Path(__file__).resolve().parents[2]
HOLD = "import sys, time; from storage import Workbook; Workbook.open(sys.argv[1]); " \
       "print('HELD', flush=True); time.sleep(120)"


def _hold(path: Path, stdin_fd: int) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=stdin_fd,
                             stdout=subprocess.PIPE, cwd=ROOT, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None and child.stdout.readline().strip() == "HELD"
    return child


def test_a_holder_whose_terminal_closed_is_ours_gone_and_can_be_ended(tmp_path: Path):
    path = tmp_path / "w.json"
    Workbook.open(path).close()
    master, slave = pty.openpty()
    child = _hold(path, slave)
    try:
        os.close(slave)
        found = holder(path)
        assert found is not None and found.pid == child.pid
        assert is_local_and_ours(found)
        assert not terminal_gone(child.pid)
        os.close(master)  # the SSH session's terminal goes away
        deadline = time.monotonic() + 5
        while not terminal_gone(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert terminal_gone(child.pid)
        said: list[str] = []
        assert ask_about_holder(path, found, ask=lambda _p: "e", say=said.append) == END
        assert "terminal is gone" in said[0]
        assert child.wait(timeout=10) != 0 and holder(path) is None
    finally:
        child.kill()
        child.wait()
    Workbook.open(path).close()  # free again


def test_other_answers_and_holders_that_are_not_ours(tmp_path: Path):
    path = tmp_path / "w.json"
    Workbook.open(path).close()
    child = _hold(path, subprocess.DEVNULL)
    try:
        found = holder(path)
        assert found is not None
        assert ask_about_holder(path, found, ask=lambda _p: "r", say=lambda _t: None) == READ_ONLY
        assert ask_about_holder(path, found, ask=lambda _p: "q", say=lambda _t: None) == QUIT
        elsewhere = Holder(found.pid, "another-host", found.since)
        assert not is_local_and_ours(elsewhere)
        assert not end_holder(path, elsewhere, wait=0.1)
        assert child.poll() is None  # never signalled
        assert not is_local_and_ours(Holder(os.getpid(), found.host, None))  # not ourselves
    finally:
        child.kill()
        child.wait()
