"""Add or edit an entry of the communication log: every field of `Communication`.

The flags at the end feed the conduct checks (`workbook.followup.conduct`): whether a call got
through (only connected calls count towards three a day), whether a collection agency
made it, whether they contacted someone else, and whether the user felt threatened.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.frame.form import FormDialog, enum_options
from tui.widgets.field import Choice, Field, Toggles, text_parser
from workbook import fmt
from workbook.i18n import _
from workbook.models import Channel, Communication, Debt, Direction
from workbook.parse import parse_date
from workbook.textnum import Parsed, fail

_TIME = re.compile(
    r"(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?|[点时](?:(?P<cm>[0-9]{1,2})分?)?)"
)
_DATE_TIME = re.compile(r"(?P<date>.+?)[\sT]*(?P<time>" + _TIME.pattern + r")")

FLAGS = ("connected", "by_collector", "third_party", "threat_or_abuse")


def _normal(text: str) -> str:
    # NFKC turns full-width digits and the full-width colon of a Chinese IME into ASCII.
    return unicodedata.normalize("NFKC", text or "").strip()


def parse_time(text: str) -> Parsed[time]:
    """A clock time: 14:30, 9:05, 14:30:00, 14点30分, 9点."""
    m = _TIME.fullmatch(_normal(text))
    if not m:
        return fail(_("Type the time as hours:minutes, for example 14:30."))
    hour = int(m["h"])
    minute = int(m["m"] or m["cm"] or 0)
    second = int(m["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return fail(_("That time is not on the clock: hours 0-23, minutes 0-59."))
    return Parsed(time(hour, minute, second))


def parse_datetime(text: str, *, required: bool = True) -> Parsed[datetime]:
    """A date and a time: 2026-11-28 14:30, 2026/11/28 9:05, 2026年11月28日 14点30分."""
    message = _("Type the date and the time, for example 2026-11-28 14:30.")
    s = _normal(text)
    if not s:
        return fail(message) if required else Parsed()
    m = _DATE_TIME.fullmatch(s) if len(s) <= 40 else None
    if not m:
        return fail(message)
    day = parse_date(m["date"])
    if not day.ok or day.value is None:
        return fail(day.error or message)
    clock = parse_time(m["time"])
    if not clock.ok or clock.value is None:
        return fail(clock.error or message)
    return Parsed(datetime.combine(day.value, clock.value))


def parse_end(text: str) -> Parsed[datetime | time]:
    """When the contact ended: a time on the same day, a full date and time, or nothing."""
    s = _normal(text)
    if not s:
        return Parsed()
    if _TIME.fullmatch(s):
        return parse_time(s)
    ended = parse_datetime(s)
    if not ended.ok and not any(ch.isdigit() for ch in s):
        return fail(_("Type the time it ended, for example 14:45, or a date and a time."))
    return ended


def end_text(comm: Communication) -> str:
    """The end as a time when it is on the day the contact started, else in full."""
    if comm.ended_at is None:
        return ""
    if comm.ended_at.date() == comm.at.date():
        return comm.ended_at.strftime("%H:%M")
    return fmt.datetime_(comm.ended_at)


def lender_options(debts: Sequence[Debt]) -> list[tuple[str, int | None]]:
    """Each debt's lender, then "another lender" (typed in the next field)."""
    options: list[tuple[str, int | None]] = [(d.lender, d.id) for d in debts]
    return [*options, (_("Another lender (type the name below)"), None)]


class CommForm(FormDialog[Communication | None]):
    def __init__(
        self, debts: Sequence[Debt], comm: Communication | None = None, *, now: datetime
    ) -> None:
        super().__init__(_("Edit log entry") if comm is not None else _("Add a log entry"))
        self.debts = [d for d in debts if d.id is not None]
        self.comm = comm
        self.now = now

    def compose_fields(self) -> ComposeResult:
        c = self.comm or Communication(at=self.now, lender="")
        known = {d.id for d in self.debts}
        debt_id = c.debt_id if c.debt_id in known else None
        if self.comm is None and self.debts:
            debt_id = self.debts[0].id
        other = "" if debt_id is not None else c.lender
        yield self.group(_("When and who"))
        yield Field(_("Date and time *"), parse_datetime, fmt.datetime_(c.at), id="at",
                    placeholder="2026-11-28 14:30")
        yield Field(_("Ended at"), parse_end, end_text(c), id="ended_at", placeholder="14:45")
        yield Choice(_("Lender"), lender_options(self.debts), debt_id, id="debt")
        yield Field(_("Other lender's name"), text_parser, other, id="lender")
        yield Choice(_("Channel"), enum_options(Channel), c.channel, id="channel")
        yield Choice(_("Who got in touch"), enum_options(Direction), c.direction, id="direction")
        yield Field(_("Agent's name"), text_parser, c.agent_name, id="agent_name")
        yield Field(_("Agent's staff ID"), text_parser, c.agent_id, id="agent_id")
        yield Field(_("Number used"), text_parser, c.number_used, id="number_used",
                    placeholder=_("the number they called from or you called"))
        yield self.group(_("What was said"))
        yield Field(_("Summary"), text_parser, c.summary, id="summary", max_length=2000)
        yield Field(_("Their offer"), text_parser, c.their_offer, id="their_offer")
        yield Field(_("What I committed to"), text_parser, c.my_commitment, id="my_commitment")
        yield Field(_("Outcome"), text_parser, c.outcome, id="outcome")
        yield Field(_("Next action"), text_parser, c.next_action, id="next_action")
        yield Field(_("Next action by"), partial(parse_date, required=False),
                    fmt.date_(c.next_action_date) if c.next_action_date else "",
                    id="next_action_date", placeholder="2026-12-05")
        yield Field(_("Evidence"), text_parser, c.evidence_ref, id="evidence_ref",
                    placeholder=_("recording or screenshot file name"))
        yield self.group(_("Flags for the conduct checks"))
        yield Toggles(
            _("Mark"),
            [(_("Call got through"), "connected"), (_("Made by a collection agency"),
             "by_collector"), (_("They contacted someone else"), "third_party"),
             (_("Threat or abuse"), "threat_or_abuse")],
            [flag for flag in FLAGS if getattr(c, flag)],
            id="flags",
        )
        yield Static(Text(_("Left/Right choose a flag, Space ticks it. Only contacts they made "
                            "are checked against the collection rules."), style="dim"),
                     classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#at", Field).focus()

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors = {}
        if values["debt"] is None and not values["lender"]:
            errors["lender"] = _("Choose a lender above or type the name here.")
        # The log records contacts that happened (a planned one is the next action), as a
        # payment cannot be dated after today; to the minute, which is all the form shows.
        latest = self.now.replace(second=59, microsecond=999999)
        now = fmt.datetime_(self.now)
        end = self._end(values)
        if values["at"] > latest:
            errors["at"] = _("The contact cannot be later than now ({now}): log it once it "
                             "has happened.").format(now=now)
        elif end is not None and end < values["at"]:
            errors["ended_at"] = _("The end cannot be before the start.")
        elif end is not None and end > latest:
            errors["ended_at"] = _("The end cannot be later than now ({now}).").format(now=now)
        return errors

    @staticmethod
    def _end(values: dict[str, Any]) -> datetime | None:
        end = values["ended_at"]
        if isinstance(end, time):
            return datetime.combine(values["at"].date(), end)
        return end

    def build(self, values: dict[str, Any]) -> Communication:
        debt_id = values["debt"]
        lender = next((d.lender for d in self.debts if d.id == debt_id), values["lender"])
        flags = values["flags"]
        fields = dict(
            at=values["at"],
            ended_at=self._end(values),
            lender=lender,
            debt_id=debt_id,
            channel=values["channel"],
            direction=values["direction"],
            agent_name=values["agent_name"],
            agent_id=values["agent_id"],
            number_used=values["number_used"],
            summary=values["summary"],
            their_offer=values["their_offer"],
            my_commitment=values["my_commitment"],
            outcome=values["outcome"],
            next_action=values["next_action"],
            next_action_date=values["next_action_date"],
            evidence_ref=values["evidence_ref"],
            **{flag: flag in flags for flag in FLAGS},
        )
        if self.comm is None:
            return Communication(**fields)
        return dataclasses.replace(self.comm, **fields)


def default_contact_time(today: date, clock: time) -> datetime:
    """A new entry starts at `today`, at the given clock time to the minute."""
    return datetime.combine(today, clock.replace(second=0, microsecond=0))
