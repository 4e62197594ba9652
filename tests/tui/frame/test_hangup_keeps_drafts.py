"""A dropped connection (SIGHUP) while a debt form holds typed text, in a real terminal.

`repay` runs in a tmux pane at 80x24 (its own tmux server, in tmp_path), the keys go
in as a user types them, the process gets SIGHUP as when SSH drops, and a second
`repay` must offer the draft with every field, which then saves as a debt.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook
from storage.drafts import drafts_path

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (.ci/run)")

# (text to type, then the key that moves on). Tab order of the debt form: lender, type
# of lender (a choice: Right changes it), product, contract number, phone, contacts,
# balance, amount borrowed.
TYPED = [
    ("Hangup Bank", "Tab"),
    ("", "Right"),
    ("", "Tab"),
    ("Gold card", "Tab"),
    ("HT-2026-01", "Tab"),
    ("95555", "Tab"),
    ("Ms Wang", "Tab"),
    ("12345.67", "Tab"),
    ("20000", ""),
]


class Pane:
    def __init__(self, tmp: Path, name: str) -> None:
        self.socket = str(tmp / "tmux.sock")
        self.name = name

    def tmux(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True,
                             text=True, timeout=10)
        return out.stdout

    def start(self, command: str, env: dict[str, str]) -> int:
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24",
                  f"cd {ROOT} && exec env {exports} {command}")
        return int(self.tmux("display", "-p", "-t", self.name, "#{pane_pid}").strip())

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never shown; the screen:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def kill_server(self) -> None:
        self.tmux("kill-server")


def _gone(pid: int, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_sighup_keeps_the_debt_form_and_the_next_start_offers_every_field(tmp_path: Path):
    db = tmp_path / "w.json"
    Workbook.open(db).close()
    env = {"HOME": str(tmp_path), "LANG": "C.UTF-8", "TERM": "xterm-256color",
           "PYTHONPATH": str(ROOT)}
    command = f"{sys.executable} -m tui.cli.main --db {db} --lang en"
    pane = Pane(tmp_path, "first")
    try:
        pid = pane.start(command, env)
        pane.wait_for("Where you stand")
        pane.keys("1")
        pane.wait_for("Step 1")
        pane.keys("a")
        pane.wait_for("Add a debt")
        for text, key in TYPED:
            if text:
                pane.keys(text, literal=True)
                pane.wait_for(text)
            if key:
                pane.keys(key)
                time.sleep(0.3)  # a person's pace: the focus moves before the next key
        pane.wait_for("20000")
        os.kill(pid, signal.SIGHUP)  # the SSH link drops
        assert _gone(pid), "repay did not end on SIGHUP"
        assert stat.S_IMODE(drafts_path(db).stat().st_mode) == 0o600

        second = Pane(tmp_path, "second")
        pid = second.start(command, env)
        second.wait_for("Continue where you stopped?")
        second.keys("c")
        second.wait_for("Lender *")
        shown = second.wait_for("20000")
        for text, _key in TYPED:
            assert text in shown
        second.keys("C-s")
        second.wait_for("Debt saved")
        second.keys("C-q")
        assert _gone(pid), "repay did not quit on Ctrl+Q"
    finally:
        pane.kill_server()
    with Workbook.open(db, read_only=True) as wb:
        (debt,) = wb.debts.list()
    assert (debt.lender, debt.product, debt.contract_number) == (
        "Hangup Bank", "Gold card", "HT-2026-01")
    assert (debt.contact_phone, debt.contact_notes) == ("95555", "Ms Wang")
    assert (debt.balance, debt.principal) == (Decimal("12345.67"), Decimal("20000.00"))
    assert debt.lender_type.value != "other"  # the choice moved with Right
    assert not drafts_path(db).exists()  # saved: the draft is gone
