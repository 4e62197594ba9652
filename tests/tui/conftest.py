"""Fixtures for the TUI tests: a demo workbook in tmp_path, an app at a fixed date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storage import Workbook
from tui.app import RepayApp
from tui.cli_commands import seed_demo

TODAY = date(2026, 11, 28)
SIZE = (80, 24)
# Every user text field gets these: markup brackets, HTML, an ampersand and Chinese.
NASTY = "张[三] [/] <b>&"


def seed_demo_workbook(path: Path, today: date = TODAY) -> Path:
    """A fresh demo workbook at `path` (the borrower 张伟, six debts, a budget)."""
    with Workbook.open(path) as wb:
        seed_demo(wb, today)
    return path


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return seed_demo_workbook(tmp_path / "demo.json")


@pytest.fixture
def open_app(tmp_path: Path) -> Iterator:
    """`open_app(path, lang=...)` -> RepayApp on that workbook; closed after the test."""
    opened: list[Workbook] = []

    def make(path: Path, lang: str = "en", read_only: bool = False) -> RepayApp:
        wb = Workbook.open(path, read_only=read_only)
        opened.append(wb)
        return RepayApp(wb, today=TODAY, lang=lang)

    yield make
    for wb in opened:
        wb.close()


@pytest.fixture
def demo_app(demo_path: Path, open_app) -> RepayApp:
    return open_app(demo_path)


@pytest.fixture
def empty_app(tmp_path: Path, open_app) -> RepayApp:
    return open_app(tmp_path / "empty.json")
