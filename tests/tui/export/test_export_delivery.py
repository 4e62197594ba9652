"""The export dialog's Print and Send actions, and the scp line after an export over SSH.

CUPS is played by scripts first on PATH (tui_helpers.fake_cups); the terminal transfer
by a stand-in for `send_to_terminal` where the app cannot hand its terminal over (Pilot
runs headless). The real thing runs in tests/e2e over a real SSH session.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from tui_helpers import SIZE, fake_cups, notes

from reports.delivery import DeliveryError
from storage import Workbook
from tui.export import delivery as export_delivery
from tui.export.delivery import send_to_terminal
from tui.export.dialog import ExportDialog
from tui.export.print_options import PrintOptions
from tui.widgets.field import Choice, Field
from workbook.i18n import set_language


def _status(app) -> str:
    return str(app.screen.query_one("#export-status").content)


async def _settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def out(demo_path, tmp_path) -> Path:
    folder = tmp_path / "out"
    with Workbook.open(demo_path) as wb:
        wb.save_settings(dataclasses.replace(wb.settings(), export_dir=str(folder)))
    return folder


@pytest.fixture
def cups(tmp_path, monkeypatch):
    bin_dir, calls = fake_cups(tmp_path)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return calls


async def test_print_picks_the_printer_and_copies_then_names_the_job(open_app, demo_path, out, cups):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+o")
        await _settle(app, pilot)
        options = app.screen
        assert isinstance(options, PrintOptions)
        printer = options.query_one("#print-printer", Choice)
        assert printer.value == "PDF"  # the default first
        await pilot.press("right")  # the other one
        assert printer.value == "HP"
        options.query_one("#print-copies", Field).input.value = "2"
        await pilot.press("ctrl+s")  # Enter on the printer would open its list
        await _settle(app, pilot)
        assert isinstance(app.screen, ExportDialog)
        (pdf,) = out.iterdir()
        assert "Sent to the printer HP (2 copies), job PDF-3." in _status(app)
        assert cups.read_text().splitlines() == [
            "-d", "HP", "-n", "2", "-o", "media=A4", "-t", pdf.name, str(pdf),
        ]  # fmt: skip


async def test_copies_are_checked_at_the_field(open_app, demo_path, out, cups):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+o")
        await _settle(app, pilot)
        app.screen.query_one("#print-copies", Field).input.value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrintOptions)
        assert "Copies must be a whole number from 1 to 99." in (
            app.screen.query_one("#print-copies", Field).error_message
        )
        await pilot.press("escape", "d")  # typed in: asks first; discard
        assert isinstance(app.screen, ExportDialog)
        assert not out.exists() and not cups.exists()  # nothing written, nothing printed


async def test_no_print_service_is_said_in_the_dialog(open_app, demo_path, tmp_path, monkeypatch):
    bin_dir, calls = fake_cups(tmp_path, lpstat="no system default destination\\n",
                               lpstat_err="lpstat: Scheduler is not running.\\n")  # fmt: skip
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+o")
        await _settle(app, pilot)
        assert isinstance(app.screen, ExportDialog)
        assert "打印服务（CUPS）没有运行" in _status(app)
        assert "自己的电脑上再打印" in _status(app)
        assert app.screen.query_one("#export-status").has_class("-error")


async def test_only_pdfs_print(open_app, demo_path, out, cups):
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "down", "ctrl+o")  # the debts table (CSV)
        await pilot.pause()
        assert "Only PDF documents can be printed" in _status(app)
        assert not cups.exists()


async def test_send_writes_then_hands_the_file_to_the_terminal(open_app, demo_path, out, monkeypatch):
    sent: list[Path] = []

    def fake_send(app, path):
        sent.append(path)
        return f"{path.name} was sent to your computer by ZMODEM."

    monkeypatch.setattr(export_delivery, "send_to_terminal", fake_send)
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+t")
        await _settle(app, pilot)
        (pdf,) = out.iterdir()
        assert sent == [pdf]
        assert f"{pdf.name} was sent to your computer by ZMODEM." in _status(app)


async def test_send_where_the_terminal_cannot_be_handed_over(open_app, demo_path, out, monkeypatch):
    # Pilot's headless driver cannot suspend: the real send_to_terminal says so, one line.
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+t")
        await _settle(app, pilot)
        assert "fetch the file with scp" in _status(app)
        assert app.screen.query_one("#export-status").has_class("-error")


async def test_send_without_sz_says_how_to_install_it(open_app, demo_path, out, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name in ("sz", "lsz") else real_which(name, *a, **k))
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+t")
        await _settle(app, pilot)
        assert "apt-get install lrzsz" in _status(app)
        assert any("没有安装 sz" in n for n in notes(app))


async def test_after_an_export_over_ssh_the_scp_command_is_shown_and_copied(open_app, demo_path, out, monkeypatch):
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.5 40000 10.0.0.1 22")
    monkeypatch.setenv("USER", "lin")
    app = open_app(demo_path)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "enter")
        await _settle(app, pilot)
        (pdf,) = out.iterdir()
        command = f"scp lin@10.0.0.1:{pdf} ."
        assert copied == [command]
        status = _status(app)
        assert "On your own computer, fetch it with" in status and command in status.replace("\n", " ")


async def test_no_scp_line_outside_ssh(open_app, demo_path, out, monkeypatch):
    app = open_app(demo_path)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "enter")
        await _settle(app, pilot)
        assert copied == [] and "scp " not in _status(app) and "your own computer" not in _status(app)


async def test_the_keys_are_in_the_footer_at_80_columns(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        keybar = demo_app.screen.query_one("KeyBar")
        words = [(key, desc) for _id, key, desc, _on in keybar.parts()]
        assert ("Ctrl+O", "Print") in words and ("Ctrl+T", "Send") in words


def test_iterm_terminals_get_the_file_escape(tmp_path, monkeypatch):
    # The transfer itself, outside the dialog: the app's suspend hands over the terminal.
    monkeypatch.setenv("LC_TERMINAL", "iTerm2")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 data")
    written = []

    class FakeOut:
        def write(self, text):
            written.append(text)

        def flush(self):
            pass

    class FakeApp:
        suspended = 0

        def suspend(self):
            import contextlib

            FakeApp.suspended += 1
            return contextlib.nullcontext()

    monkeypatch.setattr("sys.__stdout__", FakeOut())
    set_language("en")
    assert send_to_terminal(FakeApp(), pdf) == "Sent a.pdf to your terminal; it saves it as a download."
    assert FakeApp.suspended == 1
    (escape,) = written
    assert escape.startswith("\x1b]1337;File=name=" + base64.b64encode(b"a.pdf").decode())
    assert escape.endswith(base64.b64encode(b"%PDF-1.4 data").decode() + "\x07")


def test_the_send_error_is_a_delivery_error(tmp_path, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name in ("sz", "lsz") else real_which(name, *a, **k))
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(DeliveryError) as caught:
        send_to_terminal(object(), pdf)  # refused before the app is touched
    assert caught.value.reason == "sz-missing"


async def test_a_disabled_printer_is_marked_and_the_dialog_still_works(open_app, demo_path, out, tmp_path, monkeypatch):
    # Regression: the list of disabled printers once went into Textual's own `disabled`
    # attribute, which switched the whole print dialog off.
    lpstat = ("printer PDF is idle.  enabled since x\\nprinter Old disabled since x -\\n"
              "system default destination: PDF\\n")  # fmt: skip
    bin_dir, calls = fake_cups(tmp_path, lpstat=lpstat)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+o")
        await _settle(app, pilot)
        options = app.screen
        assert isinstance(options, PrintOptions) and not options.disabled
        await pilot.press("right")
        printer = options.query_one("#print-printer", Choice)
        assert printer.value == "Old"
        assert "Old (disabled)" in str(printer.query_one(".choice-value").content)
        await pilot.press("left", "ctrl+s")
        await _settle(app, pilot)
        assert calls.read_text().splitlines()[:2] == ["-d", "PDF"]
