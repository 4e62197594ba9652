"""The program never opens a network connection: a session and an export with the
socket layer made to fail on any connect."""

import socket
from pathlib import Path

import pytest
from tui_helpers import SIZE

from tui.cli import main


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
        for key in ("1", "2", "3", "4", "5", "6", "7", "h", "l"):
            await pilot.press(key)
    assert no_network == []


def test_exports_connect_nowhere(demo_path: Path, tmp_path: Path, no_network):
    for kind in ("summary", "log", "csv", "ics", "json"):
        assert main(["--db", str(demo_path), "export", kind, "--out", str(tmp_path / kind)]) == 0
    assert no_network == []
