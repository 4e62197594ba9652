"""Sending a file to the user's own computer with ZMODEM (`sz` from lrzsz).

Xshell, SecureCRT, MobaXterm, ZOC, and others (and any terminal with `rz` behind it, as
in our end-to-end test) notice the ZMODEM start in the output and receive the file with
one click; in mainland China this is the everyday way to fetch a file from a server.
`sz` needs the raw terminal: the TUI suspends itself (`App.suspend()`) while it runs, the
CLI simply runs it. If the client does not speak ZMODEM, `sz` waits for an answer that
never comes: Ctrl+X pressed five times stops it, and the hint says so before it starts.
"""

from __future__ import annotations

import shutil
import subprocess
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


def find_sz(which: Callable[[str], str | None] = shutil.which) -> str:
    """The path of `sz` (Debian also installs it as `lsz` in some setups), or an error."""
    for name in ("sz", "lsz"):
        found = which(name)
        if found:
            return found
    raise DeliveryError("sz-missing", missing_message())


def send_zmodem(
    path: Path | str,
    *,
    which: Callable[[str], str | None] = shutil.which,
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
    if result.returncode != 0:
        raise DeliveryError(
            "sz-failed",
            _("The ZMODEM transfer did not finish (sz exit status {code}). Your SSH client may not receive ZMODEM; fetch the file with scp instead.").format(code=result.returncode),
        )  # fmt: skip


__all__ = [
    "before_message",
    "find_sz",
    "missing_message",
    "send_zmodem",
    "sent_message",
    "sz_command",
]
