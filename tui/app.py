"""RepayApp: the shell. Screens, dialogs and widgets live in their own modules.

The app owns the open workbook, `today` (injected in tests), the language and theme,
the drafts of open forms, and where the user goes. Its hold on the data (the cached
snapshot, `save()`) is in tui.app_data.
"""

from __future__ import annotations

import contextlib
import datetime
import signal
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import var

import storage
from storage.drafts import Drafts
from tui.ahead import START_STYLES, Prebuilder, folder_styles, read_styles
from tui.app_data import WorkbookApp
from tui.frame.ask import AskModal, leave_form_answers
from tui.frame.base import BaseScreen
from tui.frame.drafts import KeepsDraft
from tui.frame.export_context import ExportContext
from tui.frame.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from tui.palette import ActionsProvider
from tui.steps import step_screen
from tui.widgets import textual_fixes
from tui.widgets.scrollbar import use_solid_scrollbars
from workbook import i18n
from workbook.i18n import N_, _

if TYPE_CHECKING:
    from storage.claim import Claim
    from tui.frame.shell import Shell
    from workbook.followup.logfilter import LogFilter
    from workbook.models import Profile
    from workbook.snapshot import WorkbookData

textual_fixes.apply()  # before any screen: see the module for the Textual crash it avoids
# Each folder keeps its own styles; variables and the frame's are in tui/app.tcss.
# At start only the first screen's are read, the others when used (see tui.ahead).
STYLES: list[str | PurePath] = [*START_STYLES]
THEMES = {"dark": "textual-dark", "light": "textual-light"}


class RepayApp(WorkbookApp):
    """Screens watch `data_version` (bumped after every save) and `language`."""

    TITLE = "Repay Workbook"
    CSS_PATH = STYLES
    COMMANDS = {ActionsProvider}
    COMMAND_PALETTE_DISPLAY = "Ctrl+P"
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True, id="quit-anywhere"),
    ]

    language: var[str] = var(i18n.DEFAULT_LANGUAGE)
    OPEN_ANYWAY_S = 1.0  # a claimed workbook is read by then, frame written or not

    def __init__(
        self,
        workbook: storage.Workbook | Claim,
        *,
        today: datetime.date | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        # An open workbook, or a claimed one (storage.claim), read after the first frame.
        self.hold(workbook)
        self.today = today or datetime.date.today()
        self._data: WorkbookData | None = None
        self._too_small: TooSmallScreen | None = None
        path = self.workbook_path
        # Typed text is kept beside the workbook (storage.drafts); none when read-only.
        self.drafts: Drafts | None = Drafts(path) if path and not self.read_only else None
        self._pending_draft: dict[str, Any] | None = None
        # Step screens built while the user is idle, once home is complete (tui.ahead).
        self.build_ahead: bool | None = None
        self._prebuilder = Prebuilder(self)
        self._lang_asked = lang
        self._open_asked = False
        saved = self._saved_choices()
        chosen = i18n.choose_language(lang, saved.get("language"))
        i18n.set_language(chosen)
        self.set_reactive(RepayApp.language, chosen)
        self._start_theme = THEMES.get(saved.get("theme", ""), THEMES["dark"])
        use_solid_scrollbars()

    def _saved_choices(self) -> dict[str, str]:
        """The saved language and theme: from the settings, or peeked before the read."""
        settings = self._read_settings()
        if settings is None:
            return dict(self._peeked)
        return {"language": settings.language or "", "theme": settings.theme or ""}

    def workbook_opened(self) -> None:
        # The peek may have missed (a file written in another order): the settings
        # now decide, as they would have at start.
        saved = self._saved_choices()
        chosen = i18n.choose_language(self._lang_asked, saved.get("language"))
        if chosen != self.language:
            self.language = chosen
        theme = THEMES.get(saved.get("theme", ""), THEMES["dark"])
        if theme != self.theme:
            self.theme = theme
        self.call_after_refresh(self.offer_drafts)

    # -- styles ---------------------------------------------------------------------------

    def _load_screen_css(self, screen: Any) -> None:
        # Textual calls this for every screen it pushes or switches to (Textual 8):
        # read the styles of the screen's folder first, once.
        read_styles(self, folder_styles(type(screen)))
        super()._load_screen_css(screen)

    # -- start, size --------------------------------------------------------------------

    async def on_mount(self) -> None:
        from tui.home.screen import HomeScreen

        self.theme = self._start_theme
        self.install_screen(HomeScreen(), "home")
        # Home is on the stack before the size is checked: the "enlarge the terminal"
        # notice goes on top of it, not under it (it was, when started small).
        await self.push_screen("home")
        self._check_size()
        self._catch_hangup()
        if self.is_open():  # else once read (workbook_opened)
            self.call_after_refresh(self.offer_drafts)
        else:
            # Read once home's frame is written (post_display_hook); this timer only in
            # case a Textual stops calling that hook: the workbook is read all the same.
            self.set_timer(self.OPEN_ANYWAY_S, self.open_now)
        if self.build_ahead is None:
            self.build_ahead = not self.is_headless  # tests turn it on where they check it
        if self.build_ahead:
            self._prebuilder.start()

    def post_display_hook(self) -> None:
        # Textual calls this after each frame it writes. Once home's first frame is on
        # the terminal, a claimed workbook is read, in the next message; its
        # data_version bump fills the figures. Textual also calls it for a frame held
        # back in a batch of changes (nothing written): those are skipped.
        if self.is_open() or self._open_asked or getattr(self, "_batch_count", False):
            return
        screen = self.screen
        if isinstance(screen, BaseScreen) and screen.is_laid_out():
            self._open_asked = True
            self.call_later(self.open_now)

    # -- drafts, hang-ups -----------------------------------------------------------------

    def _catch_hangup(self) -> None:
        """SIGHUP (SSH dropped, terminal closed) and SIGTERM: keep every draft, then end.

        Handled in the event loop (add_signal_handler), so the flush runs between two
        messages, never in the middle of a storage write.
        """
        import asyncio

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.hang_up)

    def hang_up(self) -> None:
        self.flush_drafts()
        self._quitting = True
        self.exit()

    def flush_drafts(self) -> None:
        """Write the draft of every open dialog now (a signal is ending the app)."""
        for screen in list(self.screen_stack):
            if isinstance(screen, KeepsDraft):
                with contextlib.suppress(Exception):  # one broken dialog must not stop the rest
                    screen.write_draft_now()

    def screen_name(self, screen: Any) -> str | None:
        """The name a screen was installed under (a draft names where to reopen it)."""
        for name, installed in self._installed_screens.items():
            if installed is screen:
                return name
        return None

    def take_pending_draft(self, key: str) -> dict[str, Any] | None:
        """The draft being resumed, once, to the form whose key it is."""
        draft = self._pending_draft
        if draft is not None and draft.get("key") == key:
            self._pending_draft = None
            return draft
        return None

    def offer_drafts(self) -> None:
        """At start: offer each draft left by an app that ended with a form open."""
        if self.drafts is None:
            return
        entries = self.drafts.all()
        if not entries:
            return
        key, draft = next(iter(entries.items()))
        title = str(draft.get("title") or "")
        when = str(draft.get("written") or "")[:16].replace("T", " ")
        question = _("Repay Workbook closed while you were typing in \"{title}\" ({when}). "
                     "Continue where you stopped?").format(title=title, when=when)

        def answered(answer: str | None) -> None:
            if answer == "continue":
                self.resume_draft(key, draft)
                return
            if answer == "discard" and self.drafts is not None:
                with contextlib.suppress(OSError):
                    self.drafts.remove(key)
                self.call_after_refresh(self.offer_drafts)  # the next one, if any

        self.push_screen(
            AskModal(question, [("continue", _("Continue"), "c"),
                                ("discard", _("Discard"), "d"),
                                ("later", _("Later"), "l")]),
            answered,
        )

    def resume_draft(self, key: str, draft: dict[str, Any]) -> None:
        self.call_later(self._resume_draft, key, draft)

    async def _resume_draft(self, key: str, draft: dict[str, Any]) -> None:
        """Show the screen the form was opened from, then have it reopen the form."""
        draft = {**draft, "key": key}
        self._pending_draft = draft
        if draft.get("form") == "ProfileForm":
            self.action_edit_profile()
            return
        name = draft.get("screen")
        if isinstance(name, str) and name.startswith("step-") and name[5:].isdigit():
            shown = self._show(name, step_screen(int(name[5:])))
        elif name == "commlog":
            self.show_log()
            shown = None
        else:
            shown = self._show("home", None)
        if shown is not None:
            await shown  # the screen is composed before it is asked to open the form
        screen = self.screen
        if not (isinstance(screen, BaseScreen) and screen.resume_draft(draft)):
            self._pending_draft = None
            self.notify(_("That draft cannot be reopened here; it is kept for later."),
                        severity="warning")

    def open_dialogs_with_changes(self) -> list[KeepsDraft]:
        return [s for s in self.screen_stack if isinstance(s, KeepsDraft) and s.has_changes()]

    async def action_quit(self) -> None:
        """q or Ctrl+Q: with typed text in a dialog, ask first (save, discard, keep)."""
        dialogs = self.open_dialogs_with_changes()
        if not dialogs:
            self.exit()
            return
        form = dialogs[-1]

        def answered(answer: str | None) -> None:
            if answer == "discard":
                for dialog in dialogs:
                    dialog.drop_draft()
                self.exit()
            elif answer == "save":
                save_form = getattr(form, "save_form", None)
                if save_form is not None and not hasattr(form, "save_for_quit"):
                    # It may ask first (a payment far above what is due): quit once the
                    # answer has saved it, not before and not never.
                    save_form(then=self._exit_when_saved)
                    return
                save = getattr(form, "save_for_quit", None) or getattr(form, "action_save", None)
                if save is not None:
                    save()
                self._exit_when_saved()

        if isinstance(self.screen, AskModal):
            return  # already asking
        self.push_screen(
            AskModal(_("A form has changes that are not saved. Quit anyway?"),
                     leave_form_answers()),
            answered,
        )

    def _exit_when_saved(self) -> None:
        if not self.open_dialogs_with_changes():
            self.exit()

    def _fatal_error(self) -> None:
        # Textual's crash report prints each frame's local variables: here they are ID
        # numbers, phone numbers and debts. Show where it failed, never the data.
        import rich
        from rich.console import Group
        from rich.segment import Segments
        from rich.text import Text
        from rich.traceback import Traceback

        self.bell()
        trace = Traceback(show_locals=False, width=None, suppress=[rich])
        note = Text(_("Repay Workbook stopped on an error. Everything saved before it is "
                      "on disk; please report the lines above (they hold none of your data)."))
        both = Group(trace, note)  # Textual prints only the first renderable
        self._exit_renderables.append(Segments(self.console.render(both, self.console.options)))
        self._close_messages_no_wait()

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._quitting = True
        super().exit(*args, **kwargs)

    async def on_event(self, event: events.Event) -> None:
        # Keys typed right after q (a fast "qe") must not open a dialog into an app
        # that is already closing: its widgets are gone before it mounts.
        if isinstance(event, events.Key) and getattr(self, "_quitting", False):
            event.stop()
            return
        if isinstance(event, (events.Key, events.MouseDown)):
            if not self.open_now():  # a key before the read: read first, then act on it
                event.stop()
                return
            self._prebuilder.user_acted()  # work ahead waits until the user pauses
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)

    def _check_size(self, size: Size | None = None) -> None:
        if not any(isinstance(screen, BaseScreen) for screen in self.screen_stack):
            return  # a resize before home is up: on_mount checks once it is
        size = size or self.size
        small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        if small and self._too_small is None:
            self._too_small = TooSmallScreen()
            self.push_screen(self._too_small)
        elif not small and self._too_small is not None:
            screen, self._too_small = self._too_small, None
            if screen.is_current:
                self.pop_screen()

    # -- navigation ---------------------------------------------------------------------

    def action_goto_step(self, step: int) -> None:
        self._show(f"step-{step}", step_screen(step))

    def action_go_home(self) -> None:
        self._show("home", None)

    def show_log(self, log_filter: LogFilter | None = None) -> None:
        """Open the log (optionally with a filter) from anywhere outside a dialog."""
        from tui.log.screen import LOG_SCREEN, CommLogScreen

        if not self.is_screen_installed(LOG_SCREEN):
            self.install_screen(CommLogScreen(), LOG_SCREEN)
        if log_filter is not None:
            self.get_screen(LOG_SCREEN, CommLogScreen).set_filter(log_filter)
        self._show(LOG_SCREEN, None)

    def show_lpr_table(self) -> None:
        from tui.debts.lpr_table import LprTableDialog

        self.push_screen(LprTableDialog())

    def open_export(self, context: ExportContext) -> None:
        from tui.export.dialog import ExportDialog

        self.push_screen(ExportDialog(context))

    def _show(self, name: str, factory: Callable[[], BaseScreen] | None) -> Any:
        """Switch to the screen `name`; returns what to await for it to be shown (or None)."""
        if not self.is_screen_installed(name) and factory is not None:
            self.install_screen(factory(), name)
        if self.screen is self.get_screen(name):
            return None
        if not isinstance(self.screen, BaseScreen):
            return None  # a dialog is open: it has to be closed first
        return self.switch_screen(name)

    # -- language, theme, profile -------------------------------------------------------

    def action_switch_language(self) -> None:
        lang = "en" if self.language == "zh" else "zh"
        self.language = lang
        self.notify(_("Language: English") if lang == "en" else _("Language: Chinese"))

    def watch_language(self, lang: str) -> None:
        i18n.set_language(lang)
        self._save_setting(language=lang)

    def action_toggle_theme(self) -> None:
        name = "light" if self.theme == THEMES["dark"] else "dark"
        self.theme = THEMES[name]
        self._save_setting(theme=name)

    def action_edit_profile(self) -> None:
        from tui.home.profile_form import ProfileForm

        if not self.writable():
            return
        try:
            profile = self.wb.profile()
        except storage.WorkbookError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return

        def write(result: Profile) -> tuple[bool, Profile | None]:
            return self.save_or_keep(lambda: self.wb.save_profile(result), _("Profile saved."))

        self.push_screen(ProfileForm(profile, today=self.today).with_writer(write))

    def action_command_palette(self) -> None:
        from textual._node_list import DuplicateIds
        from textual.command import CommandPalette

        # Textual types is_open(app: App[object]); App is invariant, and any App will do.
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            # A palette still closing (or under a dialog it opened) is still the app's
            # child under that id: a second one is refused (found by the key storm).
            with contextlib.suppress(DuplicateIds):
                self.push_screen(
                    CommandPalette(placeholder=_("Type to search actions"), id="--command-palette")
                )

    def get_key_display(self, binding: Binding) -> str:
        display = super().get_key_display(binding)
        return "Ctrl+" + display[1:].upper() if display.startswith("^") else display


if TYPE_CHECKING:
    # mypy checks here that the app gives screens all the Shell protocol promises.
    _SHELL_CHECK: type[Shell] = RepayApp
