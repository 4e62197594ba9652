"""Typed text kept as a draft: a dialog's fields written beside the workbook as you type.

`KeepsDraft` is mixed into record forms and the call log. Every change (re)starts a
short timer (`DRAFT_DELAY`, under 300 ms) after which the fields go to the app's
`storage.drafts.Drafts`; the app flushes every open dialog at once on SIGHUP/SIGTERM.
A draft is dropped when the dialog saves or the user discards it, and is offered back
at the next start otherwise (`RepayApp.offer_drafts`).

Field values are stored as text (a `Field`'s input), an index (`Choice`) or a list of
indexes (`Toggles`), so a draft never depends on a value parsing.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual.timer import Timer

DRAFT_DELAY = 0.25  # seconds after the last key; the issue asks for at most 0.3


def read_fields(root: Any) -> dict[str, Any]:
    """Every field under `root` by id, as a draft stores it."""
    # Here: the first screen has no form (TextArea ~5 ms, the field widgets ~4 ms at start).
    from textual.widgets import TextArea

    from tui.widgets.field import Choice, Field, Toggles

    values: dict[str, Any] = {}
    for field in root.query(Field):
        if field.id:
            values[field.id] = field.text
    for choice in root.query(Choice):
        if choice.id:
            values[choice.id] = {"index": choice.index}
    for toggles in root.query(Toggles):
        if toggles.id:
            values[toggles.id] = {"on": [i for i, (_l, v) in enumerate(toggles.options)
                                         if v in toggles.chosen]}
    for area in root.query(TextArea):
        if area.id:
            values[area.id] = area.text
    return values


def fill_fields(root: Any, values: dict[str, Any]) -> None:
    """Put a draft's values back (ids that no longer exist are skipped)."""
    from textual.widgets import TextArea

    from tui.widgets.field import Choice, Field, Toggles

    for key, value in values.items():
        found = root.query(f"#{key}") if key.replace("_", "").replace("-", "").isalnum() else []
        for widget in found:
            if isinstance(widget, Field) and isinstance(value, str):
                widget.input.value = value
            elif isinstance(widget, Choice) and isinstance(value, dict):
                index = value.get("index")
                if isinstance(index, int) and 0 <= index < len(widget.options):
                    widget.index = index
            elif isinstance(widget, Toggles) and isinstance(value, dict):
                on = [i for i in value.get("on", []) if isinstance(i, int)]
                widget.chosen = [v for i, (_l, v) in enumerate(widget.options) if i in on]
                widget._redraw()
            elif isinstance(widget, TextArea) and isinstance(value, str):
                widget.text = value


class KeepsDraft:
    """Mixin for a dialog (a Screen) whose typed text must survive the app's end."""

    _draft_timer: Timer | None = None
    _draft_start: dict[str, Any] | None = None
    _draft_done = False  # saved or discarded: nothing more is written

    def draft_key(self) -> str:
        return type(self).__name__ + ":new"

    def draft_context(self) -> dict[str, Any]:
        """What reopening needs besides the fields (the screen, a record's id)."""
        return {}

    def draft_title(self) -> str:
        return str(getattr(self, "form_title", type(self).__name__))

    def draft_fields(self) -> dict[str, Any]:
        return read_fields(self)

    def remember_start(self) -> None:
        """The fields as first shown: `has_changes` compares against them."""
        self._draft_start = self.draft_fields()

    def has_changes(self) -> bool:
        if self._draft_start is None or self._draft_done:
            return False
        try:
            return self.draft_fields() != self._draft_start
        except Exception:  # not mounted (yet, or any more)
            return False

    def _store(self):
        return getattr(getattr(self, "app", None), "drafts", None)

    def draft_changed(self) -> None:
        """Call on every change: the draft is written once the keys pause."""
        if self._draft_done or self._draft_start is None:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.write_draft_now)  # type: ignore[attr-defined]

    def write_draft_now(self) -> None:
        """Write the draft if anything differs from the start (also from signal handlers)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        store = self._store()
        if store is None or self._draft_done:
            return
        with contextlib.suppress(OSError):
            if self.has_changes():
                store.put(self.draft_key(), {"title": self.draft_title(),
                                             "fields": self.draft_fields(),
                                             **self.draft_context()})
            else:
                store.remove(self.draft_key())

    def drop_draft(self) -> None:
        """Saved or discarded: the draft goes and no later timer brings it back."""
        self._draft_done = True
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        store = self._store()
        if store is not None:
            with contextlib.suppress(OSError):
                store.remove(self.draft_key())

    def resume_from(self, draft: dict[str, Any]) -> None:
        fields = draft.get("fields")
        if isinstance(fields, dict):
            fill_fields(self, fields)


__all__ = ["DRAFT_DELAY", "KeepsDraft", "fill_fields", "read_fields"]
