"""Choose which log entries to show: lender, channel, dates, flags, words.

The flags choice is all entries, every flagged entry, or the entries one conduct rule
flags (for a complaint about night calls, say). The result is a
`workbook.followup.logfilter.LogFilter`; `LogFilter()` shows everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button

from tui.frame.form import FormDialog
from tui.widgets.field import Choice, Field, text_parser
from workbook import fmt
from workbook.followup.conduct import Rule, rule_title
from workbook.followup.logfilter import LogFilter, lender_key
from workbook.i18n import N_, _
from workbook.models import Channel, Communication
from workbook.parse import parse_date


def lender_names(comms: Sequence[Communication]) -> list[str]:
    """One name per lender in the log (as first written), in alphabetical order."""
    names: dict[str, str] = {}
    for comm in comms:
        if comm.lender.strip():
            names.setdefault(lender_key(comm.lender), comm.lender.strip())
    return sorted(names.values(), key=str.casefold)


FLAGGED = "flagged"  # the flags choice's value for "every flagged entry"


class LogFilterForm(FormDialog[LogFilter | None]):
    # The form saves nothing: its button and keys say "Show".
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Show"), key_display="Ctrl+S", id="save"),
        Binding("enter", "save", N_("Show"), show=False, id="save-enter"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc", id="cancel"),
    ]

    def __init__(self, current: LogFilter, lenders: Sequence[str]) -> None:
        super().__init__(_("Show log entries"))
        self.current = current
        self.lenders = list(lenders)
        if current.lender and current.lender not in self.lenders:
            self.lenders.append(current.lender)

    def compose_fields(self) -> ComposeResult:
        f = self.current
        yield Choice(_("Lender"), [(_("All lenders"), None), *[(n, n) for n in self.lenders]],
                     f.lender, id="lender")
        yield Choice(_("Channel"),
                     [(_("All channels"), None), *[(fmt.enum_label(c), c) for c in Channel]],
                     f.channel, id="channel")
        yield Field(_("From"), partial(parse_date, required=False),
                    fmt.date_(f.start) if f.start else "", id="start", placeholder="2026-01-01")
        yield Field(_("To"), partial(parse_date, required=False),
                    fmt.date_(f.end) if f.end else "", id="end", placeholder="2026-12-31")
        flags: list[tuple[str, object]] = [(_("All entries"), None),
                                            (_("Only flagged entries"), FLAGGED)]
        flags += [(_(rule_title(rule)), rule) for rule in Rule]
        current = f.rule if f.rule is not None else (FLAGGED if f.flagged_only else None)
        yield Choice(_("Flags"), flags, current, id="flags")
        yield Field(_("Words"), text_parser, f.search, id="search",
                    placeholder=_("in the summary, offer, outcome, agent"))

    def on_mount(self) -> None:
        self.query_one("#save", Button).label = _("Show")
        self.query_one("#lender", Choice).focus()

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if values["start"] and values["end"] and values["start"] > values["end"]:
            return {"end": _("The end date cannot be before the start date.")}
        return {}

    def build(self, values: dict[str, Any]) -> LogFilter:
        return LogFilter(
            lender=values["lender"],
            channel=values["channel"],
            start=values["start"],
            end=values["end"],
            flagged_only=values["flags"] is not None,
            search=values["search"],
            rule=values["flags"] if isinstance(values["flags"], Rule) else None,
        )
