"""The call log: open it when the call starts, type while you talk, close it at the end.

Opening stamps the start time (outgoing, by phone). Everything typed is kept as a
draft beside the workbook a moment after each key (`tui.frame.drafts`, never a rewrite
of the workbook per key) and on SIGHUP/SIGTERM, so a dropped SSH link loses nothing;
the next start offers the draft back. Ending the call (Ctrl+S or the button) stamps the
end and writes the entry to the workbook in one update. A log left empty records no
call; Esc cancels (asking first when anything was typed).

It opens on the agent's name (the first thing to ask); the notes are one key away,
Ctrl+N, and the footer says so (Tab gets there too).
"""

from __future__ import annotations

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
from textual.widgets import Button, Input, Static, TextArea

from tui.frame.ask import AskModal, leave_form_answers
from tui.frame.drafts import KeepsDraft
from tui.frame.shell import Shell, shell
from tui.widgets.field import Field, text_parser
from tui.widgets.keybar import KeyBar
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


class CallLog(KeepsDraft, ModalScreen[Communication | None]):
    BINDINGS = [
        Binding("ctrl+s", "end_call", N_("End call and save"), key_display="Ctrl+S",
                id="call-end"),
        Binding("ctrl+n", "notes", N_("To the notes"), key_display="Ctrl+N", id="call-notes"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="call-cancel"),
    ]

    def __init__(self, debt: Debt, existing: Communication | None = None) -> None:
        super().__init__(classes="dialog")
        self.debt = debt
        self.comm = existing
        self.resumed = existing is not None
        self._ended = False

    @property
    def repay(self) -> Shell:
        return shell(self)

    def compose(self) -> ComposeResult:
        if self.comm is None:  # kept in memory until the call ends: an empty log records nothing
            self.comm = new_call(self.debt, clock(shell(self)))
        comm = self.comm
        with Vertical(classes="dialog-box call-box"):
            title = _("Call log: {lender}").format(lender=self.debt.lender)
            if self.debt.contact_phone:
                title += "  " + self.debt.contact_phone
            yield Static(Text(title, style="bold"), classes="dialog-title")
            yield Static(id="call-status", markup=False)
            name, label = TEXT_FIELDS[0]
            yield Field(_(label), text_parser, getattr(comm, name), id=name)
            # The notes come right after the agent's name: one Tab away.
            yield Static(
                Text(_("Notes as you talk (Enter starts a new line)")), classes="call-label"
            )
            yield TextArea(comm.summary, id="call-notes", compact=True)
            for name, label in TEXT_FIELDS[1:]:
                yield Field(_(label), text_parser, getattr(comm, name), id=name)
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
                yield Button(_("Cancel"), id="call-cancel")
        yield KeyBar()  # over step 5's footer: the call's own keys

    def on_mount(self) -> None:
        self.remember_start()
        pending = getattr(self.app, "take_pending_draft", None)
        draft = pending(self.draft_key()) if pending else None
        if draft is not None:
            self.resume_from(draft)
            self.resumed = True
            with_start = draft.get("at")
            if isinstance(with_start, str) and self.comm is not None:
                try:
                    self.comm = dataclasses.replace(self.comm, at=datetime.fromisoformat(with_start))
                except ValueError:
                    pass
            self.draft_changed()
        self._show_status()
        self.query_one(f"#{TEXT_FIELDS[0][0]}", Field).focus()

    def action_notes(self) -> None:
        """Ctrl+N: to the notes from any field, the cursor at the end of what is there."""
        notes = self.query_one("#call-notes", TextArea)
        notes.focus()
        notes.move_cursor(notes.document.end)

    # -- drafts -------------------------------------------------------------------------

    def draft_key(self) -> str:
        return f"CallLog:{self.debt.id}"

    def draft_title(self) -> str:
        return _("Call log: {lender}").format(lender=self.debt.lender)

    def draft_context(self) -> dict[str, Any]:
        assert self.comm is not None
        return {"screen": "step-5", "form": "CallLog", "debt_id": self.debt.id,
                "comm_id": self.comm.id, "at": self.comm.at.isoformat()}

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
        else:
            text.append(_("Kept as you type; saved when the call ends"), style="dim")
        self.query_one("#call-status", Static).update(text)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed(self) -> None:
        self.draft_changed()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.write_draft_now()

    # -- ending -----------------------------------------------------------------------------

    def action_end_call(self) -> None:
        if self._ended or self.comm is None:
            return
        field = self.query_one("#next_action_date", Field)
        if not field.validate().ok:
            field.focus()
            self.notify(_("Please correct the fields marked in red."), severity="warning")
            return
        if self.comm.id is None and not self.has_changes():
            self.drop_draft()
            self._ended = True
            self.notify(_("Nothing was typed: no call was logged."))
            self.dismiss(None)
            return
        record = dataclasses.replace(self.current(), ended_at=clock(shell(self)))
        wb = self.repay.wb
        write = (lambda: wb.communications.add(record)) if record.id is None else (
            lambda: wb.communications.update(record))
        saved = self.repay.save(write)
        if saved is None:
            self._show_status(failed=True)
            return
        self.comm = saved
        self._ended = True
        self.drop_draft()
        self.notify(_("Call logged."))
        self.dismiss(self.comm)

    save_for_quit = action_end_call

    def action_cancel(self) -> None:
        """Esc: an untouched log closes recording nothing; typed notes ask first."""
        if not self.has_changes():
            self.drop_draft()
            self.dismiss(None)
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_end_call()
            elif answer == "discard":
                self.drop_draft()
                self.dismiss(None)

        self.app.push_screen(
            AskModal(_("The call log has notes that are not saved."), leave_form_answers()),
            answered,
        )

    @on(Button.Pressed, "#end")
    def _end_pressed(self) -> None:
        self.action_end_call()

    @on(Button.Pressed, "#call-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
