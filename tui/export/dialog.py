"""`e`: export what fits where the user stands, and say where the file went.

The list comes from `tui.export.offers.offers_for(screen.export_context())`: the letter to
the selected debt's lender, the selected agreement's checklist and schedule, the log as
filtered on screen, then the summary, CSV tables, calendar and JSON copy. Enter writes
the highlighted one into the folder shown (the workbook's export folder; a folder typed
here is remembered in the settings when the workbook is writable). The file is written
in a worker thread - a long log takes seconds as a PDF - while the dialog counts the
seconds; then the path (and the font warning, if any) shows here and as a notification.
A failure is one line here. Read-only workbooks export too: nothing is changed.

Print (Ctrl+O) writes the highlighted PDF the same way, then sends it to a printer chosen
in `PrintOptions`; Send to my computer (Ctrl+T) writes it, then hands the terminal to a
ZMODEM transfer (or the iTerm2 file escape) and takes it back. In an SSH session every
file written is followed by the scp command that fetches it, copied with OSC 52. The
work after writing is `tui.export.delivery`'s.
"""

from __future__ import annotations

import dataclasses
import time
from functools import partial
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from reports.delivery import DeliveryError
from reports.export_job import OS_REASONS, ExportError, NotOurs, WriteError, default_folder
from storage import WorkbookError
from tui.export.delivery import PrintAndSend, PrintChoice, fetch_hint, print_written
from tui.export.offers import (
    LETTER_LANG,
    ExportContext,
    ExportSource,
    Offer,
    Written,
    choices_for,
    chosen,
    folder_from_text,
    offers_for,
    write_offer,
)
from tui.frame.pick import PickRecord
from tui.frame.shell import Shell, shell
from tui.widgets.cells import crop_text
from tui.widgets.field import Choice, Field, text_parser
from tui.widgets.keybar import KeyBar
from workbook.i18n import N_, _, current_language
from workbook.models import Settings

TITLE_WIDTH = 60  # leaves the file type room at 80 columns
LANGUAGES = (("zh", N_("Chinese")), ("en", N_("English")))


def shown_folder(folder: Path) -> str:
    """A folder as the user reads it: the home folder as ~."""
    home = Path.home()
    try:
        return "~/" + str(folder.relative_to(home)) if folder != home else "~"
    except ValueError:
        return str(folder)


def problem_line(exc: BaseException) -> str:
    """One translated line for what went wrong while writing."""
    if isinstance(exc, WriteError):
        detail = f"{exc.reason}: {exc.path}"
    elif isinstance(exc, ExportError):
        detail = str(exc)
    elif isinstance(exc, WorkbookError):
        detail = exc.message
    elif isinstance(exc, OSError):
        reason = OS_REASONS.get(exc.errno or 0)
        detail = _(reason) if reason else (exc.strerror or str(exc))
        if exc.filename:
            detail = f"{detail}: {exc.filename}"
    else:  # a bug: still one line, never a crash
        detail = f"{type(exc).__name__}: {exc}"
    return " ".join(_("Not written: {error}").format(error=detail).split())


class ExportDialog(PrintAndSend, ModalScreen[Path | None]):
    """Dismissed with the last file written, or None."""

    BINDINGS = [
        Binding("ctrl+s", "export", N_("Export"), key_display="Enter", id="export-run"),
        # Enter where the focused widget has no use for it (the language): export too.
        Binding("enter", "export", show=False),
        Binding("ctrl+o", "print", N_("Print"), key_display="Ctrl+O", id="export-print"),
        Binding("ctrl+t", "send", N_("Send"), key_display="Ctrl+T", id="export-send"),
        Binding("escape", "close", N_("Close"), key_display="Esc", id="close"),
    ]

    def __init__(self, context: ExportContext | None = None) -> None:
        super().__init__(classes="dialog export-dialog")
        self.context = context or ExportContext()
        self.offers: list[Offer] = []
        self._last_offer: Offer | None = None  # the offer last written (with its record)
        self.last_written: Path | None = None
        # The letter's language and every other document's, each kept once chosen.
        self._chosen_langs = {"letter": LETTER_LANG, "other": current_language()}
        self._writing: Offer | None = None
        self._writing_since = 0.0
        self._writing_ticker: Timer | None = None
        self._shown_folder_text = ""

    @property
    def repay(self) -> Shell:
        return shell(self)

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.offers = offers_for(self.context, self.repay.data())
        self._shown_folder_text = shown_folder(
            default_folder(self._workbook_path(), self._settings())
        )
        first = self.offers[0]
        with Vertical(classes="dialog-box export-box"):
            yield Static(Text(_("Export"), style="bold"), classes="dialog-title")
            width = min(max(cell_len(o.title) for o in self.offers), TITLE_WIDTH)
            yield OptionList(*[Option(self._line(o, width), id=o.key) for o in self.offers],
                             id="export-kinds")  # fmt: skip
            yield Choice(_("Language"), [(_(label), code) for code, label in LANGUAGES],
                         self._lang_for(first), id="export-lang")  # fmt: skip
            yield Field(_("Folder"), text_parser, self._shown_folder_text, id="export-folder")
            yield Static(Text(_("Enter writes the highlighted file into this folder."),
                              style="dim"), id="export-status")  # fmt: skip
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Export"), id="export", variant="primary")
                yield Button(_("Print"), id="print")
                yield Button(_("Send to my computer"), id="send")
                yield Button(_("Cancel"), id="cancel")
        yield KeyBar()

    @staticmethod
    def _line(offer: Offer, width: int) -> Text:
        """The title, then the file type in a column of its own."""
        # ASCII "...": "…" is ambiguous width and shifts the column on CJK terminals
        line = crop_text(Text(offer.title, no_wrap=True), width)
        line.pad_right(width - line.cell_len)
        line.append(f"  {offer.file_type}", style="dim")
        return line

    def on_mount(self) -> None:
        kinds = self.query_one("#export-kinds", OptionList)
        kinds.highlighted = 0
        kinds.focus()

    # -- language -------------------------------------------------------------------

    @staticmethod
    def _group(offer: Offer) -> str:
        return "letter" if offer.default_lang else "other"

    def _lang_for(self, offer: Offer) -> str:
        return self._chosen_langs[self._group(offer)]

    def highlighted_offer(self) -> Offer | None:
        index = self.query_one("#export-kinds", OptionList).highlighted
        return self.offers[index] if index is not None and index < len(self.offers) else None

    @on(OptionList.OptionHighlighted, "#export-kinds")
    def _highlighted(self) -> None:
        offer = self.highlighted_offer()
        if offer is None:
            return
        choice = self.query_one("#export-lang", Choice)
        choice.select(self._lang_for(offer))
        choice.disabled = not offer.has_language

    @on(Choice.Changed, "#export-lang")
    def _language_chosen(self, event: Choice.Changed) -> None:
        offer = self.highlighted_offer()
        # A change we made when the highlight moved may arrive after a newer one: skip it.
        if offer is not None and event.value == event.choice.value:
            self._chosen_langs[self._group(offer)] = event.value

    # -- writing --------------------------------------------------------------------

    def _workbook_path(self) -> Path:
        return Path(getattr(self.repay.wb, "path", None) or Path.cwd() / "workbook.json")

    def _settings(self) -> Settings:
        try:
            return self.repay.wb.settings()
        except WorkbookError:  # an unreadable setting: the defaults still export
            return Settings()

    @on(OptionList.OptionSelected, "#export-kinds")
    @on(Button.Pressed, "#export")
    @on(Input.Submitted)
    def _chosen(self, event: Message) -> None:
        event.stop()
        self.action_export()

    def action_export(self, then: PrintChoice | str | None = None, force: bool = False) -> None:
        """Write the highlighted file; `then` print it (a PrintChoice) or "send" it;
        `force` after the user agreed to replace a file repay did not write. A document
        offered without its record (the letter on home) first asks which one."""
        offer = self.highlighted_offer()
        if offer is None:
            return
        if offer.needs is None:
            self._export(offer, then, force)
            return
        data = self.repay.data()
        question = (_("Which debt is the letter for?") if offer.needs == "debt"
                    else _("Which agreement?"))  # fmt: skip

        def picked(record_id: int | None) -> None:
            if record_id is not None:
                self._export(chosen(offer, record_id, data), then, force)

        self.app.push_screen(PickRecord(question, choices_for(offer, data)), picked)

    def _export(self, offer: Offer, then: PrintChoice | str | None, force: bool) -> None:
        self._last_offer = offer
        if self._writing is not None:
            self._status(_("Still writing the last file; a moment please."), "")
            return
        field = self.query_one("#export-folder", Field)
        folder_text = field.text.strip()
        if not folder_text:
            field.show_error(_("Type the folder to write to."))
            field.focus()
            return
        field.show_error(None)
        settings = self._settings()
        source = ExportSource(self.repay.wb, self._workbook_path(), self.repay.data(),
                              settings, self.repay.today)  # fmt: skip
        folder = folder_from_text(folder_text, source.workbook_path)
        lang = self.query_one("#export-lang", Choice).value if offer.has_language else "en"
        self._writing = offer
        self._writing_since = time.monotonic()
        self.query_one("#export", Button).disabled = True
        self._tick()
        self._writing_ticker = self.set_interval(0.5, self._tick)
        # The app runs the worker and is told the outcome: closing the dialog meanwhile
        # loses nothing (the file is still written, and the notification says where).
        app = self.repay
        work = partial(self._work, app, offer, lang, folder, source, folder_text, then, force)
        app.run_worker(work, thread=True, group="export", exit_on_error=False)

    def _work(self, app: Shell, offer: Offer, lang: str, folder: Path, source: ExportSource,
              folder_text: str, then: PrintChoice | str | None,
              force: bool = False) -> None:  # fmt: skip
        """In a worker thread: write (and print), then hand the outcome to the UI thread."""
        outcome: Written | BaseException
        printed: str | BaseException | None = None
        try:
            outcome = write_offer(offer, lang=lang, folder=folder, source=source,
                                  notice_lang=current_language(), force=force)  # fmt: skip
        except Exception as exc:  # shown as one line, whatever it is
            outcome = exc
        if isinstance(then, PrintChoice) and isinstance(outcome, Written) and outcome.paths:
            try:
                printed = print_written(outcome.paths, then)
            except DeliveryError as exc:
                printed = exc
        try:
            app.call_from_thread(self._finished, app, outcome, folder_text, then, printed)
        except RuntimeError:  # the app is closing: nobody to tell
            pass

    def _tick(self) -> None:
        if self._writing is None:
            return
        seconds = int(time.monotonic() - self._writing_since)
        self._status(_("Writing {what} ... {n} s").format(what=self._writing.title, n=seconds), "")

    def _finished(self, app: Shell, outcome: Written | BaseException, folder_text: str,
                  then: PrintChoice | str | None = None,
                  printed: str | BaseException | None = None) -> None:  # fmt: skip
        self._writing = None
        if self._writing_ticker is not None:
            self._writing_ticker.stop()
            self._writing_ticker = None
        shown = self.is_attached and self.is_mounted
        if isinstance(outcome, NotOurs) and shown:
            self.query_one("#export", Button).disabled = False
            self._ask_to_replace(outcome.path, then)
            return
        if isinstance(outcome, BaseException):
            line = problem_line(outcome)
            if shown:
                self._status(line, "-error")
                self.query_one("#export", Button).disabled = False
            else:
                app.notify(line, severity="error", markup=False, timeout=10)
            return
        for path in outcome.paths:
            app.notify(_("Written: {path}").format(path=path), markup=False, timeout=10)
        for message in outcome.notices:
            app.notify(message, severity="warning", markup=False, timeout=15)
        self.last_written = outcome.paths[-1] if outcome.paths else self.last_written
        self._remember_folder(app, folder_text)
        hint = fetch_hint(outcome.paths)
        if hint is not None:
            app.copy_to_clipboard(hint[1])  # OSC 52: on the user's own computer's clipboard
        if isinstance(printed, BaseException):
            app.notify(getattr(printed, "message", str(printed)), severity="error", markup=False,
                       timeout=15)  # fmt: skip
        elif printed:
            app.notify(printed, markup=False, timeout=10)
        if shown:
            text = Text()
            for path in outcome.paths:
                text.append(_("Written: {path}").format(path=path) + "\n", style="bold")
            for message in outcome.notices:
                text.append(message + "\n", style="bold red")
            if isinstance(printed, BaseException):
                text.append(getattr(printed, "message", str(printed)) + "\n", style="bold red")
            elif printed:
                text.append(printed + "\n", style="bold")
            if hint is not None and then != "send":
                text.append(hint[0] + "\n")
            text.rstrip()
            self._status(text, "-done")
            self.query_one("#export", Button).disabled = False
            self.query_one("#cancel", Button).label = _("Close")
        if then == "send" and outcome.paths:
            self._send(app, outcome.paths[-1])

    def _ask_to_replace(self, path: Path, then: PrintChoice | str | None = None) -> None:
        """A file repay did not write has the name: replace it only if the user says so."""
        from tui.frame.confirm import ConfirmModal

        question = _("{name} is already in the folder and was not written by repay. "
                     "Replace it?").format(name=path.name)  # fmt: skip
        self._status(question, "-error")

        def answered(yes: bool | None) -> None:
            if yes and self._last_offer is not None:
                self._export(self._last_offer, then, force=True)
            else:
                self._status(_("Nothing written; {name} is as it was.").format(name=path.name), "")

        self.app.push_screen(ConfirmModal(question, yes_label=_("Replace")), answered)

    def _remember_folder(self, app: Shell, folder_text: str) -> None:
        """A folder typed here becomes the workbook's export folder (when it can be saved)."""
        if folder_text == self._shown_folder_text or app.read_only:
            return
        self._shown_folder_text = folder_text
        try:
            settings = app.wb.settings()
        except WorkbookError:
            return  # the folder holds for this dialog; the settings stay as they are
        changed = dataclasses.replace(settings, export_dir=folder_text)
        app.save(lambda: app.wb.save_settings(changed))

    def _status(self, message: str | Text, state: str) -> None:
        status = self.query_one("#export-status", Static)
        status.update(message if isinstance(message, Text) else Text(message))
        status.set_class(state == "-error", "-error")
        status.set_class(state == "-done", "-done")

    # -- print and send (the actions are tui.export.delivery.PrintAndSend's) -------

    @on(Button.Pressed, "#print")
    def _print_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_print()

    @on(Button.Pressed, "#send")
    def _send_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_send()

    # -- closing --------------------------------------------------------------------

    @on(Button.Pressed, "#cancel")
    def action_close(self) -> None:
        self.dismiss(self.last_written)
