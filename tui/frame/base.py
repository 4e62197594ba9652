"""The frame every full screen shares: header, step bar, body, key bar.

`BaseScreen` is home's and every step's base; `StepScreen` adds the step number (the
registry of step screens is `tui.steps`). Subclasses write `compose_body()`,
fill their widgets in `refresh_data()` (called on first show, after any save and
after a language switch), list their palette actions in `actions()` and say what the
export dialog (`e`) should offer in `export_context()`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen

from tui.frame.export_context import ExportContext
from tui.frame.shell import Shell, shell
from tui.palette import ScreenAction
from tui.widgets.keybar import KeyBar
from tui.widgets.stepbar import STEP_SHORT, STEP_TITLES, StepBar
from tui.widgets.titlebar import TitleBar
from workbook.i18n import N_, _, current_language

if TYPE_CHECKING:
    from storage import Workbook

# Keys every full screen shares. Steps and home are on the screens (not the app) so
# that a dialog on top blocks them: "1" typed on a dialog's button changes nothing.
GLOBAL_BINDINGS: list[BindingType] = [
    *[
        Binding(str(n), f"app.goto_step({n})", N_("Go to step"), show=False, id=f"step-{n}")
        for n in range(1, 8)
    ],
    Binding("h", "app.go_home", N_("Home"), id="home"),
    Binding("question_mark,f1", "show_keys", N_("Keys"), key_display="?", id="keys"),
    Binding("l", "app.switch_language", N_("Language"), show=False, id="language"),
    Binding("t", "app.toggle_theme", N_("Theme"), show=False, id="theme"),
    Binding("p", "app.edit_profile", N_("Profile"), show=False, id="profile"),
    Binding("e", "export", N_("Export"), show=False, id="export"),
    Binding("q", "app.quit", N_("Quit"), id="quit"),
]


class BaseScreen(Screen):
    STEP: ClassVar[int] = 0  # 0 is home
    BINDINGS = GLOBAL_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self._shown_language = ""
        self._shown_version = -1

    @property
    def repay(self) -> Shell:
        return shell(self)

    @property
    def wb(self) -> Workbook:
        return self.repay.wb

    @property
    def today(self) -> date:
        return self.repay.today

    def place_title(self) -> str:
        """Where the user is, for the header."""
        return _("Home")

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield StepBar(self.STEP)
        with Vertical(id="body", classes=f"body step-{self.STEP}"):
            yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def refresh_data(self) -> None:
        """Fill the widgets from the workbook. Override; keep it idempotent."""

    def is_laid_out(self) -> bool:
        """Whether the frame has been laid out (its key bar, the last widget, has a place)."""
        bars = self.query(KeyBar)
        return bool(bars) and bool(bars.last().region)

    def actions(self) -> list[ScreenAction]:
        """This screen's actions for the command palette (the globals come from the app)."""
        return []

    def export_context(self) -> ExportContext:
        """What the export dialog should offer besides the whole workbook: the selected
        debt, agreement, or the log's filter. Override (see tui/README.md)."""
        return ExportContext()

    async def sync(self) -> None:
        """Bring the screen up to date with the language and the data."""
        if self._shown_language and self._shown_language != current_language():
            await self.recompose()
            self._shown_version = -1
            self._focus_first()
        self._shown_language = current_language()
        if self._shown_version != self.repay.data_version:
            self._shown_version = self.repay.data_version
            self.refresh_chrome()
            self.refresh_data()

    def refresh_chrome(self) -> None:
        self.query_one(TitleBar).set_title(
            self.repay.workbook_name(),
            self.place_title(),
            _("READ-ONLY") if self.repay.read_only else "",
        )
        self.query_one(StepBar).update_steps(STEP_SHORT, self.step_states())

    def step_states(self) -> dict[int, str | None]:
        """The step bar's states (home shows them once its worker has them)."""
        return self.repay.step_bar_states()

    def _focus_first(self) -> None:
        if self.AUTO_FOCUS:
            for widget in self.query(self.AUTO_FOCUS):
                if widget.focusable:
                    widget.focus()
                    return

    def on_mount(self) -> None:
        # Only the screen in front follows changes at once; the others catch up when
        # they come back (on_screen_resume).
        self.watch(self.app, "data_version", self._app_changed, init=False)
        self.watch(self.app, "language", self._app_changed, init=False)

    async def _app_changed(self) -> None:
        if self.is_current:
            await self.sync()

    async def on_screen_resume(self) -> None:
        await self.sync()

    @on(StepBar.Selected)
    def _step_clicked(self, event: StepBar.Selected) -> None:
        self.repay.action_goto_step(event.step)

    def action_show_keys(self) -> None:
        from tui.frame.keys_help import KeysHelp

        self.app.push_screen(KeysHelp(self))

    def action_export(self) -> None:
        self.repay.open_export(self.export_context())

    def resume_draft(self, draft: dict) -> bool:
        """Reopen the form a draft was typed in (the app has set it as pending).

        A new record's form is this screen's `add`; screens with edit forms override
        this to select the record first. False when this screen cannot reopen it.
        """
        add = getattr(self, "action_add", None)
        if draft.get("record_id") is None and callable(add):
            add()
            return True
        return False


class StepScreen(BaseScreen):
    """A guide step's screen. Set STEP in the subclass and list it in `tui.steps`."""

    def place_title(self) -> str:
        return _("Step {n}: {title}").format(n=self.STEP, title=_(STEP_TITLES[self.STEP]))
