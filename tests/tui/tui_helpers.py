"""Constants and helpers shared by the TUI tests."""

from __future__ import annotations

import io
import stat
from datetime import date
from pathlib import Path

from storage import Workbook
from tui.cli.demo import seed_demo

TODAY = date(2026, 11, 28)
SIZE = (80, 24)
# Every user text field gets this: markup brackets, a closing tag, HTML, an ampersand, Chinese.
NASTY = "张[三] [/] <b>&"


def seed_demo_workbook(path: Path, today: date = TODAY) -> Path:
    """A fresh demo workbook at `path` (the borrower 张伟, six debts, a budget)."""
    with Workbook.open(path) as wb:
        seed_demo(wb, today)
    return path


def notes(app) -> list[str]:
    """The messages of the app's notifications so far."""
    return [n.message for n in app._notifications]


def plain(app, selector: str, width: int = 78) -> str:
    """The text a Static shows (tables included), without styles."""
    from rich.console import Console

    content = app.screen.query_one(selector).content
    if isinstance(content, str):
        return content
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return console.export_text()


LPSTAT_TWO_PRINTERS = (
    "printer HP is idle.  enabled since x\\n"
    "printer PDF is idle.  enabled since x\\n"
    "system default destination: PDF\\n"
)


def fake_cups(folder: Path, lpstat: str = LPSTAT_TWO_PRINTERS, lpstat_err: str = "") -> tuple[Path, Path]:
    """`lpstat` and `lp` scripts in `folder`/bin answering as CUPS does in the C locale
    (`lp` records its arguments, one a line, and names job PDF-3). Returns (bin, args
    file); put bin first on PATH. The real CUPS test is tests/e2e/test_print_cups.py."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(exist_ok=True)
    calls = folder / "lp-args"
    scripts = {
        "lpstat": f'printf "{lpstat}"\nprintf "{lpstat_err}" >&2\n',
        "lp": f'for a in "$@"; do printf "%s\\n" "$a"; done > "{calls}"\n'
              'echo "request id is PDF-3 (1 file(s))"\n',
    }  # fmt: skip
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return bin_dir, calls


async def home_figures(app) -> None:
    """Wait until home shows the figures its worker works out (they come after the first
    paint). A bound on the wait only so that a broken worker fails instead of hanging."""
    import asyncio

    from tui.home.screen import HomeScreen

    home = app.screen
    assert isinstance(home, HomeScreen)
    await asyncio.wait_for(home.figures_shown.wait(), timeout=60)
