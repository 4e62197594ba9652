"""Fixtures for the TUI tests: a demo workbook in tmp_path, an app at a fixed date.

`async def` tests run on a fresh event loop each (no pytest-asyncio needed).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import TODAY, seed_demo_workbook

from storage import Workbook
from tui.app import RepayApp


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{n: pyfuncitem.funcargs[n] for n in names}))
        return True
    return None


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return seed_demo_workbook(tmp_path / "demo.json")


@pytest.fixture
def open_app() -> Iterator:
    """`open_app(path, lang=..., read_only=...)` -> RepayApp; its workbook closes after."""
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
