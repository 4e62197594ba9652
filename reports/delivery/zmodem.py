"""Sending a file to the user's own computer with ZMODEM (`sz` from lrzsz).

Xshell, SecureCRT, MobaXterm, ZOC, and others (and any terminal with `rz` behind it, as
in our end-to-end test) notice the ZMODEM start in the output and receive the file with
one click; in mainland China this is the everyday way to fetch a file from a server.
`sz` needs the raw terminal: the TUI suspends itself (`App.suspend()`) while it runs, the
CLI simply runs it. If the client does not speak ZMODEM, `sz` waits for an answer that
never comes: Ctrl+X pressed five times stops it, and the hint says so before it starts.

When `sz` exits, the receiver's last answers can still be on their way (over SSH they
arrive a moment later). They are binary, not text: left in the terminal's input they
would reach the app as keys - Textual's UTF-8 decoder stops the app on them (seen in our
end-to-end test) - so `drain_input` reads and drops them until the line is quiet.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import termios
import time
import tty
from collections.abc import Callable
from pathlib import Path
from typing import IO

from reports.delivery import DeliveryError
from workbook.i18n import _

Runner = Callable[..., subprocess.CompletedProcess]


def sz_command(path: Path | str, program: str = "sz") -> list[str]:
    """`sz` in binary mode, escaping control characters (some SSH paths eat them)."""
    return [program, "--binary", "--escape", str(Path(path).absolute())]


def missing_message() -> str:
    return _(
        "The program 'sz' (lrzsz) is not installed here, so the file cannot be sent through the terminal. Install it (Debian/Ubuntu: apt-get install lrzsz; Fedora/RHEL: dnf install lrzsz; Alpine: apk add lrzsz), or fetch the file with scp."
    )  # fmt: skip


def before_message(name: str) -> str:
    """Shown on the terminal just before `sz` starts."""
    return _(
        "Sending {name} by ZMODEM: your SSH client (Xshell, SecureCRT, MobaXterm...) asks where to save it. If nothing happens, your client does not receive ZMODEM: press Ctrl+X five times to stop."
    ).format(name=name)  # fmt: skip


def sent_message(name: str) -> str:
    return _("{name} was sent to your computer by ZMODEM.").format(name=name)


def find_sz(which: Callable[[str], str | None] | None = None) -> str:
    """The path of `sz` (some systems name it `lsz`), or an error saying how to get it."""
    which = which or shutil.which  # looked up when called: PATH may have changed
    for name in ("sz", "lsz"):
        found = which(name)
        if found:
            return found
    raise DeliveryError("sz-missing", missing_message())


def send_zmodem(
    path: Path | str,
    *,
    which: Callable[[str], str | None] | None = None,
    run: Runner = subprocess.run,
    stdin: IO[bytes] | int | None = None,
    stdout: IO[bytes] | int | None = None,
) -> None:
    """Run `sz` on `path` on the current terminal (or the given streams); errors say why."""
    path = Path(path)
    if not path.is_file():
        raise DeliveryError("no-file", _("There is no file to send at {path}.").format(path=path))
    program = find_sz(which)
    try:
        result = run(sz_command(path, program), stdin=stdin, stdout=stdout, check=False)
    except OSError as exc:
        raise DeliveryError("sz-missing", f"{missing_message()} ({exc.strerror or exc})") from None
    if result.returncode == 0:
        over_and_out(stdout)
    if stdin is None and sys.stdin is not None and sys.stdin.isatty():
        drain_input(sys.stdin.fileno())
    if result.returncode != 0:
        raise DeliveryError(
            "sz-failed",
            _("The ZMODEM transfer did not finish (sz exit status {code}). Your SSH client may not receive ZMODEM; fetch the file with scp instead.").format(code=result.returncode),
        )  # fmt: skip


def over_and_out(stdout: IO[bytes] | int | None) -> None:
    """Say "OO" (ZMODEM's over and out) once more after `sz` has finished.

    The receiver answers sz's ZFIN with its own and waits for "OO"; sz sends it only if it
    reads that answer, and exits quietly when it reads something else first (a header the
    receiver repeated). A receiver left waiting takes the app's next screen for a bad
    answer and repeats its ZFIN into the app's input: seen in our end-to-end test about
    once in ten transfers. A second "OO" after a complete transfer costs nothing (a
    receiver that is done shows two letters the app's redraw then covers).
    """
    fd = stdout if isinstance(stdout, int) else (stdout.fileno() if stdout is not None else 1)
    try:
        os.write(fd, b"OO")
    except OSError:  # the other side is gone: nobody waits for it
        pass


def drain_input(fd: int, *, quiet: float = 0.3, limit: float = 3.0) -> int:
    """Drop what arrives on terminal `fd` until it has been quiet for `quiet` seconds (at
    most `limit` seconds in all); the number of bytes dropped. The terminal is raw
    meanwhile, so a partial line in its buffer is dropped too, then restored as it was."""
    if not os.isatty(fd):
        return 0
    saved = termios.tcgetattr(fd)
    dropped = 0
    try:
        tty.setraw(fd, termios.TCSANOW)
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], quiet)
            if not ready:
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            dropped += len(chunk)
        termios.tcflush(fd, termios.TCIFLUSH)
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)
    return dropped


__all__ = [
    "before_message",
    "drain_input",
    "over_and_out",
    "find_sz",
    "missing_message",
    "send_zmodem",
    "sent_message",
    "sz_command",
]
