"""What screens and dialogs need of the app, as a protocol: they never import `tui.app`.

`shell(widget)` gives the running app typed as this protocol; `RepayApp` satisfies it
(checked by mypy through `tui.app`'s `_SHELL_CHECK`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from storage import Workbook
    from tui.frame.export_context import ExportContext
    from workbook.followup.logfilter import LogFilter
    from workbook.models import LprEntry
    from workbook.snapshot import WorkbookData

T = TypeVar("T")


class Shell(Protocol):
    today: datetime.date
    read_only: bool

    @property
    def wb(self) -> Workbook: ...
    @property
    def data_version(self) -> int: ...

    def is_open(self) -> bool: ...
    def open_now(self) -> bool: ...

    def data(self) -> WorkbookData: ...
    def cached_data(self) -> WorkbookData | None: ...
    def now(self) -> datetime.datetime: ...
    def workbook_name(self) -> str: ...
    def extra_lpr(self) -> list[LprEntry]: ...
    def step_bar_states(self) -> dict[int, str | None]: ...
    def cached_step_states(self) -> dict[int, str | None] | None: ...
    def adopt(self, version: int, data: WorkbookData, states: dict) -> bool: ...
    def save(self, write: Callable[[], T], done: str | None = None) -> T | None: ...
    def save_or_keep(
        self, write: Callable[[], T], done: str | None = None
    ) -> tuple[bool, T | None]: ...
    def writable(self) -> bool: ...
    def data_changed(self) -> None: ...
    def action_goto_step(self, step: int) -> None: ...
    def action_go_home(self) -> None: ...
    def show_log(self, log_filter: LogFilter | None = None) -> None: ...
    def open_export(self, context: ExportContext) -> None: ...
    # Textual's own, used through the shell by headless helpers of the screens:
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Literal["information", "warning", "error"] = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    # ... and by the export dialog, which writes in a worker the app owns:
    def run_worker(
        self,
        work: Callable[[], None],
        *,
        group: str = "default",
        exit_on_error: bool = True,
        thread: bool = False,
    ) -> object: ...
    def call_from_thread(self, callback: Callable[..., None], *args: object) -> None: ...


def shell(node: DOMNode) -> Shell:
    """The app `node` runs in, as the screens know it."""
    return cast("Shell", node.app)
