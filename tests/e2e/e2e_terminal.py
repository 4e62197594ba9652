"""A terminal for end-to-end tests: a program in a pseudo-terminal, its screen read by pyte.

What the test sees is what a person at an 80x24 terminal would see: the program's output
goes through a real pty (and, in the SSH test, through ssh and sshd) into the `pyte`
terminal emulator. Waits poll that screen until the text appears (generous timeouts, no
fixed sleeps); keys are paced (>= 20 ms apart) as a person's would be, because keys that
arrive in one burst can land before Textual has moved the focus.

When the program starts a ZMODEM send (`sz`), the terminal does what Xshell or SecureCRT
does: it hands the byte stream to a receiver (`rz`, in a folder of the test's choosing)
until the transfer ends, then goes back to showing the screen.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pyte
from ptyprocess import PtyProcess

COLUMNS, LINES = 80, 24
KEY_PACE = 0.03  # seconds between keys: above the 20 ms that keeps keys in order
ZMODEM_START = b"**\x18B00"  # ZRQINIT: sz asks the other side to receive

KEYS = {
    "enter": "\r", "escape": "\x1b", "tab": "\t", "down": "\x1b[B", "up": "\x1b[A",
    "left": "\x1b[D", "right": "\x1b[C",
}  # fmt: skip


def _bytes_for(key: str) -> bytes:
    if key in KEYS:
        return KEYS[key].encode()
    if len(key) == 6 and key.startswith("ctrl+") and key[5].isalpha():
        return bytes([ord(key[5].lower()) - ord("a") + 1])  # Ctrl+A is 0x01 ...
    if len(key) > 1 and key.isascii() and not key.isalnum():
        raise ValueError(f"unknown key name {key!r}")
    return key.encode("utf-8")


class Terminal:
    """`argv` running in a COLUMNSxLINES pseudo-terminal, shown on a pyte screen."""

    def __init__(self, argv: Sequence[str], *, env: dict[str, str], cwd: Path | None = None,
                 receive_dir: Path | None = None) -> None:  # fmt: skip
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.lock = threading.Lock()
        self.raw = bytearray()  # everything shown on the screen, for failure reports
        self.receive_dir = receive_dir
        self.transfers: list[int] = []  # rz's exit status, one per ZMODEM transfer
        self.process = PtyProcess.spawn(list(argv), env=env, cwd=str(cwd) if cwd else None,
                                        dimensions=(LINES, COLUMNS))  # fmt: skip
        self._rz: subprocess.Popen | None = None
        self._pump: threading.Thread | None = None
        self._tail = b""  # the end of the last read: a ZMODEM start split across two reads
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- output ---------------------------------------------------------------------

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.process.fd, 65536)
            except OSError:  # EIO: the program and its pty are gone
                return
            if not data:
                return
            if self._rz is None and self.receive_dir is not None:
                seen = self._tail + data
                if ZMODEM_START in seen:
                    before, _, after = seen.partition(ZMODEM_START)
                    self._show(before[len(self._tail):])
                    self._start_rz()
                    data = ZMODEM_START + after
                self._tail = b"" if self._rz else seen[-(len(ZMODEM_START) - 1):]
            if self._rz is not None:
                self._feed_rz(data)
            else:
                self._show(data)

    def _show(self, data: bytes) -> None:
        with self.lock:
            self.raw += data
            self.stream.feed(data)

    def _start_rz(self) -> None:
        self._rz = subprocess.Popen(
            ["rz", "--binary"], cwd=self.receive_dir, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._pump = threading.Thread(target=self._pump_rz, args=(self._rz,), daemon=True)
        self._pump.start()

    def _feed_rz(self, data: bytes) -> None:
        assert self._rz is not None and self._rz.stdin is not None
        try:
            self._rz.stdin.write(data)
            self._rz.stdin.flush()
        except BrokenPipeError:  # rz has finished: the rest is the program's screen again
            self._finish_rz()
            self._show(data)

    def _pump_rz(self, rz: subprocess.Popen) -> None:
        """rz's answers go back to sz through the terminal, as a client's would."""
        assert rz.stdout is not None
        while chunk := os.read(rz.stdout.fileno(), 65536):
            os.write(self.process.fd, chunk)
        rz.wait()
        if self._rz is rz:
            self._finish_rz()

    def _finish_rz(self) -> None:
        rz, self._rz = self._rz, None
        if rz is not None:
            self.transfers.append(rz.wait())

    # -- input ----------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Keys by name ("enter", "ctrl+t") or as the characters typed."""
        for key in keys:
            os.write(self.process.fd, _bytes_for(key))
            time.sleep(KEY_PACE)

    def type(self, text: str) -> None:
        self.press(*text)

    # -- reading the screen ---------------------------------------------------------

    def text(self) -> str:
        with self.lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *texts: str, timeout: float = 20.0) -> str:
        """The screen once all `texts` are on it; AssertionError with the screen if not."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if all(t in screen for t in texts):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen after {timeout} s: {texts!r}\n{screen}")
            time.sleep(0.05)

    def wait_until(self, condition, what: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not happen in {timeout} s\n{self.text()}")
            time.sleep(0.05)

    def wait_exit(self, timeout: float = 20.0) -> int:
        self.wait_until(lambda: not self.process.isalive(), "the program's exit", timeout)
        self._reader.join(timeout=5)
        # The program may end a moment before the receiver has written its last answer.
        rz, pump = self._rz, self._pump
        if rz is not None and rz.stdin is not None:
            rz.stdin.close()
        if pump is not None:
            pump.join(timeout=10)
        return self.process.exitstatus if self.process.exitstatus is not None else -1

    def close(self) -> None:
        if self.process.isalive():
            self.process.terminate(force=True)
        if self._rz is not None:
            self._rz.kill()
