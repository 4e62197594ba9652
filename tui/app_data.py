"""The app's hold on the open workbook: one cached snapshot, the step states worked out
once per change, the settings, and `save()`: the single path from a user action to a
durable storage call, after which every screen is brought up to date (`data_version`).

The app may be started on a claimed workbook (storage.claim: checked and locked, not
read): home's first frame is drawn, then `open_now()` reads it. Until then `wb` is
not touched by anything on screen; anything that does need it opens it first.
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
from workbook.i18n import _

if TYPE_CHECKING:
    from storage.claim import Claim
    from workbook.models import LprEntry, Settings
    from workbook.snapshot import WorkbookData

T = TypeVar("T")


class WorkbookApp(App[None]):
    """The data half of RepayApp (tui.app gives it the workbook with `hold`, and `today`)."""

    data_version: var[int] = var(0)
    today: datetime.date
    read_only: bool
    _data: WorkbookData | None = None
    _wb: storage.Workbook | None = None
    _claim: Claim | None = None
    # Read ahead from the file's end (storage.claim.peek_settings) while it is unread.
    _peeked: dict[str, str] = {}
    # Why the claimed workbook could not be opened; the app has ended (tui.cli says it).
    open_error: storage.WorkbookError | None = None

    def hold(self, workbook: storage.Workbook | Claim) -> None:
        """Take an open workbook, or a claimed one to read after the first frame."""
        from storage.claim import Claim

        if isinstance(workbook, Claim):
            self._claim = workbook
            self._peeked = workbook.peek_settings()
            self.read_only = workbook.read_only
        else:
            self._wb = workbook
            self.read_only = bool(getattr(workbook, "read_only", False))

    @property
    def workbook_path(self) -> Path | None:
        held = self._wb if self._wb is not None else self._claim
        path = getattr(held, "path", None)
        return Path(path) if path else None

    @property
    def wb(self) -> storage.Workbook:
        if self._wb is None and not self.open_now():
            assert self.open_error is not None
            raise self.open_error
        assert self._wb is not None
        return self._wb

    def is_open(self) -> bool:
        return self._wb is not None

    def open_now(self) -> bool:
        """Read the claimed workbook, once; False (and the app ends, keeping the error
        for the command to print) when it cannot be opened."""
        if self._wb is not None:
            return True
        if self._claim is None or self.open_error is not None:
            return False
        from storage.workbook import Workbook  # TinyDB and the records: not for the first frame

        try:
            self._wb = Workbook.load_claimed(self._claim)
        except storage.WorkbookError as exc:
            self.open_error = exc
            self.exit(return_code=2)
            return False
        self._peeked = {}
        self.workbook_opened()
        self.data_changed()
        return True

    def workbook_opened(self) -> None:
        """Called once a claimed workbook has been read (RepayApp applies its settings)."""

    def close_workbook(self) -> None:
        """Close what the app holds: the workbook, or a claim never read."""
        if self._wb is not None:
            self._wb.close()
        elif self._claim is not None:
            self._claim.release()

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
        if self._peeked.get("workbook_name"):
            return self._peeked["workbook_name"]
        path = self.workbook_path
        return path.stem if path else _("Workbook")

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
            from workbook.followup.progress import step_states  # the rules: not for the first frame

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
        if self._wb is None:
            return None  # not read yet: the first frame does with what was peeked
        try:
            return self.wb.settings()
        except storage.WorkbookError:
            return None

    def _save_setting(self, **changes: Any) -> None:
        settings = self._read_settings()
        if settings is None or self.read_only:
            return  # the choice holds for this session
        if all(getattr(settings, key) == value for key, value in changes.items()):
            return  # nothing new: no write
        try:
            self.wb.save_settings(dataclasses.replace(settings, **changes))
        except storage.WorkbookError as exc:
            self.notify(exc.message, title=_("Not saved"), severity="error", markup=False)
