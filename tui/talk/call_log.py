"""The call log: open it when the call starts, type while you talk, close it at the end.

Opening stamps the start time and creates the log entry at once (outgoing, by phone).
Everything typed is written to the workbook two seconds after the last key, on every
Enter and when moving to another field, one storage update each: if the app or the
SSH connection dies mid-call, the notes so far are in the log. Closing (Ctrl+S, Esc
or the button) stamps the end time.
"""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Static, TextArea

from storage import WorkbookError
from tui.frame.shell import Shell, shell
from tui.widgets.field import Field, text_parser
from workbook import fmt
from workbook.i18n import N_, _
from workbook.models import Communication, Debt
from workbook.negotiation.figures import new_call
from workbook.parse import parse_date

TEXT_FIELDS = (
    ("agent_name", N_("Agent's name")),
    ("agent_id", N_("Staff number")),
    ("number_used", N_("Number called")),
)
AFTER_FIELDS = (
    ("their_offer", N_("What they offered")),
    ("my_commitment", N_("I committed to")),
    ("outcome", N_("Outcome")),
    ("next_action", N_("Next step")),
)


def clock(repay: Shell) -> datetime:
    """The app's clock (tests set `app.now`), to the second."""
    return repay.now().replace(microsecond=0)


class CallLog(ModalScreen[Communication | None]):
    AUTOSAVE_DELAY = 2.0  # seconds of quiet before the notes are written
    BINDINGS = [
        Binding("ctrl+s,escape", "end_call", N_("End call"), id="call-end"),
    ]

    def __init__(self, debt: Debt, existing: Communication | None = None) -> None:
        super().__init__(classes="dialog")
        self.debt = debt
        self.comm = existing
        self.resumed = existing is not None
        self._dirty = False
        self._timer: Timer | None = None
        self._saved_at: datetime | None = None
        self._ended = False
        self._pending: Communication | None = None  # typed but not yet written
        self._lines = 1

    @property
    def repay(self) -> Shell:
        return shell(self)

    def compose(self) -> ComposeResult:
        comm = self.comm or new_call(self.debt, clock(shell(self)))
        with Vertical(classes="dialog-box call-box"):
            title = _("Call log: {lender}").format(lender=self.debt.lender)
            if self.debt.contact_phone:
                title += "  " + self.debt.contact_phone
            yield Static(Text(title, style="bold"), classes="dialog-title")
            yield Static(id="call-status", markup=False)
            for name, label in TEXT_FIELDS:
                yield Field(_(label), text_parser, getattr(comm, name), id=name)
            yield Static(
                Text(_("Notes as you talk (Enter starts a new line)")), classes="call-label"
            )
            yield TextArea(comm.summary, id="call-notes", compact=True)
            for name, label in AFTER_FIELDS:
                yield Field(_(label), text_parser, getattr(comm, name), id=name)
            yield Field(
                _("Next step date"),
                partial(parse_date, required=False),
                fmt.date_(comm.next_action_date) if comm.next_action_date else "",
                id="next_action_date",
                placeholder=_("e.g. {date}").format(
                    date=fmt.date_(clock(shell(self)).date() + timedelta(days=7))
                ),
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("End call and save"), id="end", variant="primary")

    def on_mount(self) -> None:
        if self.comm is None:
            started = new_call(self.debt, clock(shell(self)))
            saved = self.repay.save(lambda: self.repay.wb.communications.add(started))
            if saved is None:  # read-only or a storage error: already said why
                self.dismiss(None)
                return
            self.comm = saved
        self._show_status()
        notes = self.query_one("#call-notes", TextArea)
        self._lines = notes.document.line_count
        notes.focus()

    # -- what the fields hold -------------------------------------------------------------

    def current(self) -> Communication:
        """The log entry with what is typed now (a date that does not parse is kept)."""
        assert self.comm is not None
        changes: dict[str, Any] = {}
        for name, _label in (*TEXT_FIELDS, *AFTER_FIELDS):
            changes[name] = self.query_one(f"#{name}", Field).text.strip()
        changes["summary"] = self.query_one("#call-notes", TextArea).text.rstrip()
        when = self.query_one("#next_action_date", Field).parser(
            self.query_one("#next_action_date", Field).text
        )
        if when.ok:
            changes["next_action_date"] = when.value
        return dataclasses.replace(self.comm, **changes)

    # -- saving -----------------------------------------------------------------------------

    def _changed(self, now: bool = False) -> None:
        if self.comm is None:  # still opening
            return
        self._pending = self.current()
        self._dirty = self._pending != self.comm
        if not self._dirty:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if now:
            self.autosave()
        else:
            self._timer = self.set_timer(self.AUTOSAVE_DELAY, self.autosave)

    def autosave(self) -> bool:
        """Write what is typed, if anything changed since the last write."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._dirty or self._pending is None:
            return True
        return self._write(self._pending)

    def _write(self, record: Communication) -> bool:
        saved = self.repay.save(lambda: self.repay.wb.communications.update(record))
        if saved is None:
            self._show_status(failed=True)
            return False
        self.comm = saved
        self._dirty = False
        self._saved_at = clock(shell(self))
        self._show_status()
        return True

    def _show_status(self, failed: bool = False) -> None:
        if self.comm is None:
            return
        text = Text()
        started = _("Continuing the call started {time}") if self.resumed else _("Started {time}")
        text.append(started.format(time=fmt.datetime_(self.comm.at)), style="bold")
        text.append("  ")
        if failed:
            text.append(
                _("NOT SAVED: the notes stay here; try again or copy them."), style="bold red"
            )
        elif self._saved_at is not None:
            text.append(
                _("Saved {time}").format(time=self._saved_at.strftime("%H:%M:%S")), style="green"
            )
        else:
            text.append(_("Saved as you type"), style="dim")
        self.query_one("#call-status", Static).update(text)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._changed()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._changed(now=True)

    @on(Input.Blurred)
    def _input_left(self) -> None:
        if self._dirty:
            self.autosave()

    @on(TextArea.Changed, "#call-notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        lines = event.text_area.document.line_count
        new_line, self._lines = lines > self._lines, lines
        self._changed(now=new_line)  # Enter writes at once

    # -- ending -----------------------------------------------------------------------------

    def action_end_call(self) -> None:
        if self._ended or self.comm is None:
            return
        field = self.query_one("#next_action_date", Field)
        if not field.validate().ok:
            field.focus()
            self.notify(_("Please correct the fields marked in red."), severity="warning")
            return
        if self._write(dataclasses.replace(self.current(), ended_at=clock(shell(self)))):
            self._ended = True
            self.notify(_("Call logged."))
            self.dismiss(self.comm)

    @on(Button.Pressed, "#end")
    def _end_pressed(self) -> None:
        self.action_end_call()

    def on_unmount(self) -> None:
        # Closed without ending the call (the app is quitting): keep what was typed.
        if not self._ended and self._dirty and self._pending is not None:
            with contextlib.suppress(WorkbookError):
                self.repay.wb.communications.update(self._pending)
