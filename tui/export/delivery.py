"""What the export dialog does after writing a file: print it, send it to the user's own
computer through the terminal, and (over SSH) say how to fetch it with scp.

The printing runs in the dialog's worker thread (`lp` may take a moment); sending needs
the terminal itself, so it runs on the UI thread inside `App.suspend()`: Textual gives
the terminal back, `sz` (or the iTerm2 escape) runs on it, and the app redraws after.
The commands and messages are `reports.delivery`'s, shared with the CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.text import Text

from reports.delivery import DeliveryError
from reports.delivery.printing import Printers, list_printers, print_file
from reports.delivery.ssh import scp_command, scp_message
from reports.delivery.terminal import (
    for_multiplexer,
    is_iterm_like,
    iterm_file_for,
    iterm_sent_message,
)
from reports.delivery.zmodem import before_message, find_sz, send_zmodem, sent_message
from tui.export.print_options import PrintChoice, PrintOptions
from workbook.i18n import _


def print_written(paths: list[Path], choice: PrintChoice) -> str:
    """Print the (last) file written; the job line, or DeliveryError. In a worker thread."""
    path = paths[-1]
    job = print_file(path, printer=choice.printer, copies=choice.copies, title=path.name)
    return job.message()


def fetch_hint(paths: list[Path]) -> tuple[str, str] | None:
    """(what to show, the command to copy) in an SSH session; None elsewhere."""
    command = scp_command(paths) if paths else None
    return (scp_message(command), command) if command else None


def send_way() -> str:
    """"iterm" when the terminal saves OSC 1337 files, else "zmodem"."""
    return "iterm" if is_iterm_like() else "zmodem"


def send_to_terminal(app: Any, path: Path) -> str:
    """Hand the terminal to the transfer and take it back; the line to show, or
    DeliveryError (sz missing, transfer failed, a terminal that cannot be handed over)."""
    from textual.app import SuspendNotSupported

    way = send_way()
    if way == "zmodem":
        find_sz()  # before suspending: a missing sz is said in the dialog, not on a bare screen
    out = sys.__stdout__
    try:
        if out is None:  # no terminal at all (a service, a test runner without one)
            raise SuspendNotSupported("no terminal")
        with app.suspend():
            if way == "iterm":
                out.write(for_multiplexer(iterm_file_for(path)))
                out.flush()
            else:
                out.write(before_message(path.name) + "\r\n")
                out.flush()
                send_zmodem(path)
    except SuspendNotSupported:
        raise DeliveryError(
            "cannot-suspend",
            _("This terminal cannot be handed over to a file transfer; fetch the file with scp."),
        ) from None
    return iterm_sent_message(path.name) if way == "iterm" else sent_message(path.name)


class PrintAndSend:
    """The export dialog's Print and Send to my computer actions (a mixin: it uses the
    dialog's highlighted offer, its status line and `action_export(then=...)`; the
    buttons' handlers stay in the dialog, where Textual's `@on` finds them)."""

    # What the dialog provides.
    app: Any
    repay: Any
    is_attached: bool
    is_mounted: bool
    highlighted_offer: Any
    action_export: Any
    _status: Any

    def action_print(self) -> None:
        offer = self.highlighted_offer()
        if offer is None:
            return
        if offer.file_type != "PDF":
            self._status(_("Only PDF documents can be printed; choose one marked PDF."), "-error")
            return
        self._status(_("Looking for printers ..."), "")
        app = self.repay

        def find() -> None:
            found: Printers | DeliveryError
            try:
                found = list_printers()
            except DeliveryError as exc:
                found = exc
            try:
                app.call_from_thread(self._printers_found, offer, found)
            except RuntimeError:  # the app is closing
                pass

        app.run_worker(find, thread=True, group="export", exit_on_error=False)

    def _printers_found(self, offer: Any, found: Printers | DeliveryError) -> None:
        if not (self.is_attached and self.is_mounted):
            return
        if isinstance(found, DeliveryError):
            self._status(found.message, "-error")
            return
        self._status(_("Choose the printer and the number of copies."), "")

        def chosen(choice: PrintChoice | None) -> None:
            if choice is not None and self.highlighted_offer() == offer:
                self.action_export(then=choice)

        self.app.push_screen(PrintOptions(found, offer.title), callback=chosen)

    def action_send(self) -> None:
        if self.highlighted_offer() is not None:
            self.action_export(then="send")

    def _send(self, app: Any, path: Path) -> None:
        """On the UI thread: the terminal goes to the transfer, then comes back."""
        try:
            line = send_to_terminal(app, path)
        except DeliveryError as exc:
            line, state = exc.message, "-error"
            app.notify(line, severity="error", markup=False, timeout=15)
        else:
            state = "-done"
            app.notify(line, markup=False, timeout=10)
        hint = fetch_hint([path])
        if self.is_attached and self.is_mounted:
            text = Text(_("Written: {path}").format(path=path) + "\n", style="bold")
            text.append(line, style="bold red" if state == "-error" else "bold")
            if hint is not None and state == "-error":
                text.append("\n" + hint[0])
            self._status(text, state)


__all__ = ["PrintAndSend", "PrintChoice", "fetch_hint", "print_written", "send_to_terminal", "send_way"]
