"""Getting a written file off the machine the app runs on: to a printer, or to the user's
own computer through the terminal they are already using.

The user typically reaches `repay` over SSH, so the PDF lands on the server. Nothing
here opens a network connection of its own; every way out uses what is already there:

- `printing`: CUPS (`lp`, `lpstat`) on this machine;
- `zmodem`: `sz` (lrzsz) on the current terminal, which Xshell, SecureCRT, MobaXterm
  and many other SSH clients receive with one click;
- `terminal`: the iTerm2 file escape (OSC 1337 File=) and OSC 52 (copy to the
  clipboard of the user's own computer);
- `ssh`: the exact `scp` command to paste on the user's own computer.

No Textual here (the CLI and the app both use it). Each problem is a `DeliveryError`
whose message is already in the interface language and says what to do instead.
"""

from __future__ import annotations


class DeliveryError(Exception):
    """A file could not be delivered; `message` says why and what to do instead.

    `reason` is a stable code for callers and tests: "no-print-system",
    "print-service-down", "no-printer", "no-default-printer", "unknown-printer",
    "print-failed", "no-file", "bad-copies", "sz-missing", "sz-failed".
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


__all__ = ["DeliveryError"]
