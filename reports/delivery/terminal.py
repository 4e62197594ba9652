"""Escape sequences that reach the user's own computer through the terminal itself.

- OSC 52 puts text on the clipboard of the computer the terminal runs on (xterm, iTerm2,
  WezTerm, kitty, Windows Terminal, tmux with set-clipboard; SSH carries it like any
  output). We use it for the `scp` command.
- iTerm2's OSC 1337 `File=` carries a whole file; with `inline=0` the terminal saves it
  as a download (iTerm2 asks where, WezTerm writes it to its downloads folder). We offer
  it only when the terminal says it is one of them: other terminals would print nothing
  useful, or the base64 itself.

Inside tmux or GNU screen an escape meant for the outer terminal must be wrapped in the
multiplexer's pass-through (tmux needs `allow-passthrough on` for OSC 1337; OSC 52 it
handles itself).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from pathlib import Path

from workbook.i18n import _

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"

# TERM_PROGRAM / LC_TERMINAL values of terminals that save OSC 1337 File= downloads.
# iTerm2 sets LC_TERMINAL=iTerm2 precisely so that it crosses SSH (ssh sends LC_*).
ITERM_LIKE = {"iterm.app", "iterm2", "wezterm"}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def osc52(text: str) -> str:
    """Copy `text` to the clipboard of the terminal's computer."""
    return f"{ESC}]52;c;{_b64(text.encode('utf-8'))}{BEL}"


def iterm_file(name: str, data: bytes) -> str:
    """iTerm2's file transfer: `data` saved by the terminal as `name` (not shown inline)."""
    encoded_name = _b64(name.encode("utf-8"))
    return f"{ESC}]1337;File=name={encoded_name};size={len(data)};inline=0:{_b64(data)}{BEL}"


def iterm_file_for(path: Path | str) -> str:
    path = Path(path)
    return iterm_file(path.name, path.read_bytes())


def is_iterm_like(environ: Mapping[str, str] | None = None) -> bool:
    """True when the terminal says it saves OSC 1337 File= transfers."""
    env = os.environ if environ is None else environ
    said = (env.get("TERM_PROGRAM", ""), env.get("LC_TERMINAL", ""))
    return any(value.lower() in ITERM_LIKE for value in said)


def for_multiplexer(sequence: str, environ: Mapping[str, str] | None = None) -> str:
    """`sequence` wrapped to pass through tmux or screen to the outer terminal."""
    env = os.environ if environ is None else environ
    if env.get("TMUX"):
        return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"
    if env.get("TERM", "").startswith("screen") and env.get("STY"):
        return f"{ESC}P{sequence}{ST}"
    return sequence


def iterm_sent_message(name: str) -> str:
    return _("Sent {name} to your terminal; it saves it as a download.").format(name=name)


__all__ = [
    "ITERM_LIKE",
    "for_multiplexer",
    "is_iterm_like",
    "iterm_file",
    "iterm_file_for",
    "iterm_sent_message",
    "osc52",
]
