"""Add or edit a hardship reason: what happened, since when, in the user's words, and
the evidence checklist that the kind of hardship suggests.

In the checklist Up/Down move and Space marks a document as in hand; a document
typed under it is added with Enter (Enter elsewhere saves, as in every form).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from tui.frame.form import FormDialog
from tui.widgets.field import Choice, Field, text_parser
from tui.widgets.ticklist import TickList
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import N_, _
from workbook.models import EvidenceItem, Hardship, HardshipKind
from workbook.negotiation.reasons import evidence_missing
from workbook.parse import parse_date
from workbook.textnum import Parsed, fail


def suggestions(kind: HardshipKind, listed: list[EvidenceItem]) -> list[EvidenceItem]:
    """The kind's usual evidence that is not listed yet (each not in hand)."""
    probe = Hardship(kind=kind, evidence=list(listed))
    return [item for item in evidence_missing(probe) if item not in listed]


class EvidenceChecklist(TickList):
    """Documents, `[x]` when the user has it."""

    BINDINGS = [Binding("space", "tick", N_("Have it"), id="evidence-toggle")]

    def __init__(self, items: list[EvidenceItem], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = [dataclasses.replace(item) for item in items]

    def rows(self) -> list[tuple[bool, str]]:
        return [(item.have, item.name) for item in self.items]

    def empty_text(self) -> Text:
        return Text(_("No documents listed."), style="dim")

    def tick(self, index: int) -> None:
        self.items[index].have = not self.items[index].have

    def add(self, name: str) -> bool:
        name = name.strip()
        if not name or any(i.name.strip().casefold() == name.casefold() for i in self.items):
            return False
        self.items.append(EvidenceItem(name=name, have=True))
        self.refresh(layout=True)
        return True

    def replace_items(self, items: list[EvidenceItem]) -> None:
        self.items = items
        self.cursor = min(self.cursor, max(len(items) - 1, 0))
        self.refresh(layout=True)


_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


def parse_since(text: str, today: date | None = None) -> Parsed[date]:
    """A date, or just a month ("2026-03", "2026年3月"): hardships start in a month more
    often than on a known day. A month counts from its first day. With `today`, a start
    after it is refused: a letter cannot cite a hardship that has not begun."""
    found = _MONTH.match(text)
    if found and 1 <= int(found.group(2)) <= 12:
        result = Parsed(date(int(found.group(1)), int(found.group(2)), 1))
    else:
        result = parse_date(text, required=False)
    if today is not None and result.value is not None and result.value > today:
        return fail(_("The start cannot be after today ({today}): type the month or the day "
                      "it began.").format(today=fmt.date_(today)))
    return result


class HardshipForm(FormDialog[Hardship | None]):
    def __init__(self, hardship: Hardship | None = None, *, today: date) -> None:
        super().__init__(_("Edit reason") if hardship is not None else _("Add a reason"))
        self.hardship = hardship
        self.today = today
        self._typed: set[str] = {i.name for i in hardship.evidence} if hardship else set()

    def compose_fields(self) -> ComposeResult:
        h = self.hardship
        kind = h.kind if h else HardshipKind.JOB_LOSS
        yield Choice(
            _("Kind of hardship"), [(fmt.enum_label(k), k) for k in HardshipKind], kind, id="kind"
        )
        yield Field(
            _("Since (date)"),
            partial(parse_since, today=self.today),
            fmt.date_(h.since) if h and h.since else "",
            id="since",
            placeholder=_("a month or a day, e.g. 2026-03"),
        )
        yield Static(
            Text(_("In your own words (two or three sentences)")), classes="hardship-label"
        )
        yield TextArea(h.statement if h else "", id="statement", compact=True)
        yield Static("", markup=False, id="statement-error")
        yield self.group(_("Evidence: Space marks what you have"))
        listed = list(h.evidence) if h else []
        yield EvidenceChecklist(listed + suggestions(kind, listed), id="evidence")
        yield Field(
            _("Add a document"),
            text_parser,
            "",
            id="evidence-new",
            placeholder=_("name, then Enter"),
        )

    def on_mount(self) -> None:
        self.query_one("#kind", Choice).focus()
        self.watch(self.query_one("#kind", Choice), "index", self._kind_changed, init=False)

    def _kind_changed(self) -> None:
        kind = self.query_one("#kind", Choice).value
        checklist = self.query_one("#evidence", EvidenceChecklist)
        kept = [i for i in checklist.items if i.have or i.name in self._typed]
        checklist.replace_items(kept + suggestions(kind, kept))

    def _statement_ok(self) -> bool:
        """A reason needs the user's words (the letter quotes them); says so when not."""
        ok = bool(self.query_one("#statement", TextArea).text.strip())
        message = "" if ok else _("Say in a sentence or two what happened: the letter to the "
                                  "lender uses your words.")
        self.query_one("#statement-error", Static).update(Wrapped(Text(message)))
        self.set_class(not ok, "-statement-invalid")
        return ok

    @on(TextArea.Changed, "#statement")
    def _statement_changed(self) -> None:
        if self.has_class("-statement-invalid"):
            self._statement_ok()

    def validate_all(self) -> tuple[dict[str, Any], list[Widget]]:
        values, wrong = super().validate_all()
        if not self._statement_ok():
            # In the order of the form: after the date, before the evidence.
            since = [w for w in wrong if w.id in ("kind", "since")]
            wrong = [*since, self.query_one("#statement", TextArea),
                     *[w for w in wrong if w not in since]]
        return values, wrong

    @on(Input.Submitted, "#evidence-new Input")
    def _add_document(self, event: Input.Submitted) -> None:
        # Enter here adds a document; it must not reach the form's Enter-saves handler.
        event.stop()
        event.prevent_default()
        name = event.value.strip()
        if self.query_one("#evidence", EvidenceChecklist).add(name):
            self._typed.add(name)
        event.input.value = ""

    def build(self, values: dict[str, Any]) -> Hardship:
        statement = self.query_one("#statement", TextArea).text.strip()
        evidence = [dataclasses.replace(i) for i in self.query_one(EvidenceChecklist).items]
        pending = values.get("evidence-new") or ""
        if pending and not any(i.name.casefold() == pending.casefold() for i in evidence):
            evidence.append(EvidenceItem(name=pending, have=True))
        fields = dict(
            kind=values["kind"], since=values["since"], statement=statement, evidence=evidence
        )
        if self.hardship is None:
            return Hardship(**fields)
        return dataclasses.replace(self.hardship, **fields)
