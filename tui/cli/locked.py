"""When another `repay` of the same user on this machine holds the workbook.

Typically its SSH link hung: the process is alive, its terminal is gone, and the
kernel keeps its lock. Rather than a dead end, say so and offer to end it (SIGTERM: it
keeps its drafts, which this start then offers back) or to open read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from storage.lock import Holder, end_holder, is_local_and_ours, terminal_gone
from workbook.i18n import _

END, READ_ONLY, QUIT = "end", "read-only", "quit"


def ask_about_holder(
    path: Path,
    found: Holder,
    *,
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> str:
    """END (the holder was ended, open normally), READ_ONLY or QUIT."""
    if not is_local_and_ours(found) or found.pid is None:
        return QUIT
    if terminal_gone(found.pid):
        say(_("Repay Workbook is still running as process {pid} on this machine, but its "
              "terminal is gone (a dropped connection).").format(pid=found.pid))
    else:
        say(_("Repay Workbook is open as process {pid} on this machine, in another "
              "terminal of yours.").format(pid=found.pid))
    prompt = _("[e] end it (it keeps what was typed) and open here, [r] open read-only, "
               "[q] quit: ")
    try:
        answer = ask(prompt).strip().lower()
    except EOFError:
        return QUIT
    if answer in ("e", "end"):
        if end_holder(path, found):
            return END
        say(_("It did not stop; close it there, or start with --read-only."))
        return QUIT
    if answer in ("r", "read-only"):
        return READ_ONLY
    return QUIT
