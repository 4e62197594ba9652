"""Run a command in a pseudo-terminal and watch its screen as a person would see it.

The command gets a real pty of 80x24 (TERM=xterm-256color); everything it writes is
fed to `pyte`, a terminal emulator, so "on screen" means what a terminal would show
after interpreting every escape sequence, not what was merely written. Benchmark-only
(the `bench` extra: ptyprocess, pyte).
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import ptyprocess
import pyte

COLUMNS, LINES = 80, 24


class ScreenTimeout(RuntimeError):
    pass


class PtyScreen:
    """One command in a pty, its output kept on an emulated 80x24 screen."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        self.proc = ptyprocess.PtyProcess.spawn(
            list(argv), env=env, cwd=str(cwd) if cwd else None, dimensions=(LINES, COLUMNS)
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def text(self) -> str:
        # Not pyte's `display`: it fails on a cell left empty by some wide characters.
        rows = self.screen.buffer
        return "\n".join(
            "".join(rows[y][x].data for x in range(COLUMNS)) for y in range(LINES)
        )

    def _pump(self, timeout: float) -> bool:
        """Feed what the program wrote within `timeout` s to the screen; False at EOF."""
        ready, _w, _x = select.select([self.proc.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.proc.fd, 1 << 16)
        except OSError:  # EIO: the program closed the terminal
            return False
        if not data:
            return False
        self.stream.feed(data)
        return True

    def wait_for(self, found: Callable[[str], bool], timeout: float = 60.0) -> float:
        """Seconds since `mark()` (or the start) until `found(screen text)` holds."""
        deadline = time.perf_counter() + timeout
        while not found(self.text()):
            if time.perf_counter() > deadline:
                raise ScreenTimeout(self.text())
            if not self._pump(0.05):
                if found(self.text()):
                    break
                raise ScreenTimeout("the program ended:\n" + self.text())
        return time.perf_counter() - self.started

    def mark(self) -> None:
        """Start timing again from now (before sending a key)."""
        self.started = time.perf_counter()

    def send(self, keys: str) -> None:
        self.proc.write(keys.encode())

    def settle(self, seconds: float) -> None:
        """Keep reading (and drawing) for `seconds`."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            if not self._pump(min(0.05, end - time.perf_counter())):
                return

    def peak_rss_mb(self) -> float:
        """The program's peak resident memory so far (VmHWM), in MB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmHWM in /proc")

    def quit(self, keys: str = "\x11", timeout: float = 10.0) -> None:
        """Send `keys` (Ctrl+Q) and wait for the program to end; kill it if it does not."""
        try:
            self.send(keys)
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline and self._pump(0.05):
                pass
        finally:
            if self.proc.isalive():
                self.proc.terminate(force=True)
            self.proc.close()


def contains_all(*needles: str) -> Callable[[str], bool]:
    return lambda text: all(n in text for n in needles)
