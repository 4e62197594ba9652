"""The app's hold on the open workbook: one cached snapshot, the step states worked out
once per change, the settings, and `save()`: the single path from a user action to a
durable storage call, after which every screen is brought up to date (`data_version`).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.reactive import var

import storage
from workbook.followup.progress import step_states
from workbook.i18n import _

if TYPE_CHECKING:
    from workbook.models import LprEntry, Settings
    from workbook.snapshot import WorkbookData

T = TypeVar("T")


class WorkbookApp(App[None]):
    """The data half of RepayApp (tui.app sets `wb`, `today` and `read_only`)."""

    data_version: var[int] = var(0)
    wb: storage.Workbook
    today: datetime.date
    read_only: bool
    _data: WorkbookData | None = None

    def data(self) -> WorkbookData:
        """The workbook's records, read once per change (`save` invalidates)."""
        if self._data is None:
            self._data = self.wb.snapshot()
        return self._data

    def cached_data(self):
        """The snapshot if already read since the last change, else None (not read here)."""
        return self._data

    def now(self) -> datetime.datetime:
        """The time for stamps (a call log's start and end); tests replace it."""
        return datetime.datetime.now().replace(microsecond=0)

    def workbook_name(self) -> str:
        settings = self._read_settings()
        if settings and settings.workbook_name:
            return settings.workbook_name
        path = getattr(self.wb, "path", None)
        return Path(path).stem if path else _("Workbook")

    def extra_lpr(self) -> list[LprEntry]:
        """LPR entries the user added (settings), for the benchmark checks."""
        settings = self._read_settings()
        return list(settings.extra_lpr) if settings else []

    def step_bar_states(self) -> dict[int, str | None]:
        """Each step's state value."""
        # The step bar asks on every screen sync; the rules walk the whole log (conduct
        # checks), so work them out once per change of data.
        cached = self.cached_step_states()
        if cached is None:
            self._keep_states(self.data_version, step_states(self.data(), self.today))
            cached = self.cached_step_states()
        return cached  # type: ignore[return-value]

    def cached_step_states(self) -> dict[int, str | None] | None:
        """The step states if already worked out for the data as it is, else None."""
        if getattr(self, "_states_key", None) != (self.data_version, self.today):
            return None
        return dict(self._states)

    def adopt(self, version: int, data: Any, states: dict) -> bool:
        """Keep a snapshot and its step states worked out by a worker thread from the
        data as it was at `version`; False (nothing kept) when a save came since."""
        if version != self.data_version:
            return False
        if self._data is None:
            self._data = data
        self._keep_states(version, states)
        return True

    def _keep_states(self, version: int, states: dict) -> None:
        self._states_key = (version, self.today)
        self._states = {n: str(s) for n, s in states.items()}

    def save(self, write: Callable[[], T], done: str | None = None) -> T | None:
        """Run one storage call; say `done` only once it is on disk.

        Refuses politely when read-only; a storage error becomes a notification.
        Returns what `write` returned, or None when nothing was saved.
        """
        if not self.writable():
            return None
        try:
            result = write()
        except storage.WorkbookError as exc:
            self.notify(exc.message, title=_("Not saved"), severity="error", markup=False,
                        timeout=10)
            return None
        self.data_changed()
        if done:
            self.notify(done, markup=False)
        return result

    def save_or_keep(self, write: Callable[[], T], done: str | None = None) -> tuple[bool, T | None]:
        """`save`, saying whether it reached the disk (a form stays open when not)."""
        before = self.data_version
        result = self.save(write, done)
        return self.data_version != before, result

    def writable(self) -> bool:
        """False (and a polite notice) when the workbook is read-only: check before a form."""
        if self.read_only:
            self.notify(_("This workbook is open read-only: nothing can be changed."),
                        severity="warning", markup=False)
        return not self.read_only

    def data_changed(self) -> None:
        self._data = None
        self.data_version += 1

    def _read_settings(self) -> Settings | None:
        try:
            return self.wb.settings()
        except storage.WorkbookError:
            return None

    def _save_setting(self, **changes: Any) -> None:
        settings = self._read_settings()
        if settings is None or self.read_only:
            return  # the choice holds for this session
        try:
            self.wb.save_settings(dataclasses.replace(settings, **changes))
        except storage.WorkbookError as exc:
            self.notify(exc.message, title=_("Not saved"), severity="error", markup=False)
