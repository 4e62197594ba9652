"""The program never opens a network connection: a session and an export with the
socket layer made to fail on any connect."""

import socket
from pathlib import Path

import pytest
from tui_helpers import SIZE

from tui.cli.main import main
from tui.home.screen import HomeScreen
from tui.steps import step_screen


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("network connection attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


async def test_a_session_through_every_step_connects_nowhere(demo_app, no_network):
    async with demo_app.run_test(size=SIZE) as pilot:
        for n in range(1, 8):
            await pilot.press(str(n))
            await pilot.pause()
            assert type(demo_app.screen) is step_screen(n)  # the step was really shown
        await pilot.press("h", "l")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen) and demo_app.language == "zh"
    assert no_network == []


def test_exports_connect_nowhere(demo_path: Path, tmp_path: Path, no_network):
    for kind in ("summary", "log", "csv", "ics", "json"):
        assert main(["--db", str(demo_path), "export", kind, "--out", str(tmp_path / kind)]) == 0
    assert no_network == []
