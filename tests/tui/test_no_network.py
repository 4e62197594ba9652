"""The program never opens a network connection: a whole session and every export run
under a guard that fails on any socket but the event loop's own (a local socket pair),
and on any name lookup."""

import socket
from pathlib import Path

import pytest
from tui_helpers import SIZE

from reports.export_job import KINDS
from tui.cli.main import main
from tui.home.screen import HomeScreen
from tui.steps import step_screen

LOCAL_FAMILIES = {socket.AF_UNIX}


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[object] = []
    real_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        real_init(self, family, type, proto, fileno)
        if self.family not in LOCAL_FAMILIES:
            attempts.append(("socket", self.family))
            self.close()
            raise AssertionError(f"a {self.family!r} socket was opened")

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("network connection or lookup attempted")

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return attempts


def test_the_guard_catches_an_internet_socket(no_network):
    with pytest.raises(AssertionError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    a, b = socket.socketpair()  # what the event loop uses: allowed
    a.close(), b.close()
    assert no_network == [("socket", socket.AF_INET)]


async def test_a_session_through_every_step_connects_nowhere(demo_app, no_network):
    async with demo_app.run_test(size=SIZE) as pilot:
        for n in range(1, 8):
            await pilot.press(str(n))
            await pilot.pause()
            assert type(demo_app.screen) is step_screen(n)  # the step was really shown
            await pilot.press("e")  # the export dialog of each step
            await pilot.pause()
            assert demo_app.screen.offers
            await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press("escape", "h", "l")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen) and demo_app.language == "zh"
    assert no_network == []


def test_every_export_kind_connects_nowhere(demo_path: Path, tmp_path: Path, no_network):
    # The letter names a debt, the checklist and schedule an agreement (the demo's first).
    choose = {"letter": ["--debt", "1"], "objection": ["--debt", "1"], "defence": ["--debt", "1"],
              "checklist": ["--agreement", "1"],
              "schedule": ["--agreement", "1"]}
    for kind in KINDS:
        out = tmp_path / kind
        argv = ["--db", str(demo_path), "export", kind, *choose.get(kind, []), "--out", f"{out}/"]
        assert main(argv) == 0, kind
        assert any(out.iterdir()), kind
    assert no_network == []
