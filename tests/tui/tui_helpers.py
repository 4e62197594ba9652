"""Constants and helpers shared by the TUI tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from storage import Workbook
from tui.cli.commands import seed_demo

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
