"""The application letter (协商还款申请书) for one debt: read it, edit the free-text
parts, copy it, export it as PDF.

The letter goes to a Chinese lender in Chinese whatever the UI language; `v` shows
the English version for reading. On screen the ID number is masked; the copy and
the PDF carry it in full, as the lender needs it. When the profile lacks the name, ID
number or phone, the letter would print blank lines there: the screen says which, and
`p` (on its footer) opens the profile; the letter follows when it is saved.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from storage import WorkbookError
from tui.frame.shell import Shell, shell
from tui.widgets.keybar import KeyBar
from tui.widgets.wrap import Wrapped
from workbook import fmt
from workbook.i18n import N_, _, current_language
from workbook.models import Debt, Profile, Settings
from workbook.negotiation import figures as negotiation
from workbook.negotiation.borrower import blank_details
from workbook.negotiation.letter import Letter, build_letter, letter_request, letter_text

LETTER_LANG = "zh"  # what a Chinese lender receives


def find_debt(app: Shell, debt_id: int | None) -> Debt | None:
    return next((d for d in app.data().debts if d.id == debt_id), None)


def letter_for(app: Shell, debt: Debt, lang: str = LETTER_LANG, mask_id: bool = False) -> Letter:
    inp = negotiation.letter_input(app.data(), debt, app.today)
    return build_letter(inp, lang, mask_id=mask_id)


def blank_details_warning(profile: Profile) -> Text | None:
    """What the letter would print blank, said plainly; None when nothing is missing."""
    missing = blank_details(profile)
    if not missing:
        return None
    sep = "、" if current_language() == "zh" else ", "
    return Text(
        _("Missing from your profile: {details}. The letter would print blank lines "
          "there: press p to fill them in.").format(details=sep.join(_(m) for m in missing)),
        style="bold yellow",
    )


def copy_letter(app: Shell, letter: Letter) -> None:
    """The whole letter to the clipboard (OSC 52, so it works over SSH too)."""
    app.copy_to_clipboard(letter_text(letter))
    which = _("Chinese") if letter.lang == "zh" else _("English")
    app.notify(
        _("Letter copied ({which}, {n} characters): paste it into the chat or an email.").format(
            which=which, n=len(letter_text(letter))
        ),
        markup=False,
    )


def letter_pdf_path(app: Shell, debt: Debt, lang: str) -> Path:
    """Where `repay export letter` puts it too: the export folder from the settings, else
    exports/ beside the workbook."""
    from reports.export_job import default_out_path

    try:
        settings = app.wb.settings()
    except WorkbookError:  # an unreadable setting falls back to the default
        settings = Settings()
    workbook_path = Path(getattr(app.wb, "path", None) or Path.cwd() / "workbook.json")
    return default_out_path(
        workbook_path, settings, f"letter-{debt.lender}", ".pdf", app.today, lang
    )


def export_letter(app: Shell, debt: Debt, letter: Letter) -> Path | None:
    """Write the letter as PDF and say where; None (with a message) when it failed."""
    from reports.fonts import choose_fonts
    from reports.letter import build_letter as build_letter_pdf

    try:
        settings_font = app.wb.settings().pdf_font
    except WorkbookError:
        settings_font = ""
    fonts = choose_fonts(settings_font)
    from reports.owned import numbered

    # Never over a file repay did not write: the next free numbered name instead.
    out = numbered(letter_pdf_path(app, debt, letter.lang))
    try:
        path = build_letter_pdf(
            letter, out, today=app.today, workbook_name=app.workbook_name(), fonts=fonts
        )
    except OSError as exc:
        app.notify(
            _("The PDF was not written: {error}").format(error=exc.strerror or str(exc)),
            severity="error",
            markup=False,
        )
        return None
    for message in fonts.messages(current_language()):
        app.notify(message, severity="warning", markup=False, timeout=15)
    app.notify(_("Letter saved as PDF: {path}").format(path=path), markup=False, timeout=10)
    return path


class LetterPreview(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "close", N_("Close"), key_display="Esc", id="close"),
        Binding("y", "copy", N_("Copy"), id="letter-copy"),
        Binding("e", "export", N_("PDF"), id="letter-export"),
        Binding("m", "edit", N_("Edit text"), id="letter-edit"),
        Binding("v", "switch_version", N_("Chinese/English"), id="letter-version"),
        # The profile fills the letter's "about me": reachable here, not only from home.
        Binding("p", "app.edit_profile", N_("Profile"), id="letter-profile"),
    ]

    def __init__(self, debt: Debt) -> None:
        super().__init__(classes="dialog")
        self.debt_id = debt.id
        self.debt = debt
        self.lang = LETTER_LANG

    @property
    def repay(self) -> Shell:
        return shell(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box letter-box"):
            yield Static(id="letter-title", classes="dialog-title", markup=False)
            with VerticalScroll(id="letter-scroll"):
                yield Static(id="letter-body", markup=False)
            yield Static(classes="letter-hint", markup=False)
        # The key bar names every action (p too): a row of buttons saying the same was
        # a second footer and cost a line of the letter at 80x24.
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_letter()
        self.query_one("#letter-scroll").focus()
        # A profile saved from here (p) shows in the letter at once.
        self.watch(self.app, "data_version", self.show_letter, init=False)

    def show_letter(self) -> None:
        debt = find_debt(self.repay, self.debt_id) or self.debt
        self.debt = debt
        letter = letter_for(self.repay, debt, self.lang, mask_id=True)
        if self.lang == "zh":
            version = _("Chinese, to send")
            hint = _("The ID number is masked on screen; the copy and the PDF show it in full.")
        else:
            version = _("English, for reading")
            hint = _("The lender gets the Chinese letter: v shows it.")
        self.query_one("#letter-title", Static).update(
            Text(
                _("Letter to {lender} ({version})").format(lender=debt.lender, version=version),
                style="bold",
            )
        )
        hint_text = Text(hint, style="dim")
        effect = negotiation.effect_for(
            negotiation.plan(self.repay.data(), self.repay.today), debt.id
        )
        if effect is not None and effect.never_repays and effect.smallest_payment is not None:
            # A lender will see at once that the offer does not cover the interest.
            hint_text = Text(
                _(
                    "The offer of {offer} a month never repays this debt at its rate (at "
                    "least {least} would): ask for a lower rate in step 4."
                ).format(
                    offer=fmt.money(effect.new_instalment), least=fmt.money(effect.smallest_payment)
                ),
                style="yellow",
            )
        request = letter_request(negotiation.letter_input(self.repay.data(), debt, self.repay.today))
        proposal = negotiation.proposal_for(self.repay.data(), debt.id)
        offer = proposal.offered_payment if proposal is not None else None
        if request is not None and offer is not None and request.instalment > offer:
            # Step 4's term sets the amount the letter asks for, and it is more than the
            # user offered: the letter says it both in section 4 and section 5.
            hint_text = Text(
                _(
                    "The letter asks for {amount} a month (the term set in step 4), more than "
                    "the {offer} you offer: change the term or the offer in step 4."
                ).format(amount=fmt.money(request.instalment), offer=fmt.money(offer)),
                style="yellow",
            )
        blanks = blank_details_warning(self.repay.data().profile)
        if blanks is not None:  # a dead end first: the letter cannot go out like this
            hint_text = Text("\n").join([blanks, hint_text])
        self.query_one(".letter-hint", Static).update(Wrapped(hint_text))
        # Chinese wraps between characters, never inside an amount or a date.
        self.query_one("#letter-body", Static).update(Wrapped(Text(letter_text(letter))))

    def full_letter(self) -> Letter:
        return letter_for(self.repay, self.debt, self.lang)

    def action_copy(self) -> None:
        copy_letter(self.repay, self.full_letter())

    def action_export(self) -> None:
        export_letter(self.repay, self.debt, self.full_letter())

    def action_switch_version(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        self.show_letter()

    def action_edit(self) -> None:
        from tui.method.letter_edit import LetterEdit

        if not self.repay.writable():
            return
        inp = negotiation.letter_input(self.repay.data(), self.debt, self.repay.today)

        def write(changed: Debt) -> tuple[bool, Debt | None]:
            return self.repay.save_or_keep(lambda: self.repay.wb.debts.update(changed),
                                           _("Letter saved."))

        def done(changed: Debt | None) -> None:
            if changed is not None:
                self.show_letter()

        self.app.push_screen(LetterEdit(self.debt, inp).with_writer(write), done)

    def action_close(self) -> None:
        self.dismiss(None)
