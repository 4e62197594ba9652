"""One export: which records, which file, which `reports` function writes it.

Shared by `repay export` (`tui.cli.export`) and the TUI's export dialog
(`tui.export.offers`), so that both write the same documents from the same inputs to the
same place. No Textual here: it runs in the CLI and in a worker thread of the app.
Files go to the folder set in the settings (`export_dir`, relative to the workbook's
folder) or to `exports/` beside the workbook, named as `reports.export_request` says.

An existing file is replaced only when repay wrote it (`reports.owned.is_ours`): else a
default name numbers itself (`-2`), and a named file raises `NotOurs` unless `force`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reports.export_errors import OS_REASONS, ExportError, NoMatch, NotOurs, WriteError
from reports.export_request import (
    COURT_KINDS,
    CSV_TABLES,
    KINDS,
    PDF_KINDS,
    ExportRequest,
    default_folder,
    default_out_path,
    file_stem,
)
from workbook.i18n import _, current_language

if TYPE_CHECKING:
    pass
from workbook.models import Agreement, Debt, Settings
from workbook.snapshot import WorkbookData


def _ignore(_message: str) -> None:
    pass


@dataclass
class ExportJob:
    """A request with the workbook's data; `run()` writes the file(s)."""

    request: ExportRequest
    data: WorkbookData
    settings: Settings
    workbook_path: Path
    today: date
    # The JSON copy is the storage layer's own format: the caller passes its writer.
    write_json: Callable[[Path], Path] | None = None
    # Told about the fonts (the blank-Chinese warning), in `notice_lang`.
    notice: Callable[[str], None] = _ignore
    notice_lang: str = ""
    target: Path | None = None  # the file being written, for the error message

    @property
    def lang(self) -> str:
        if self.request.lang:
            return self.request.lang
        chinese = self.request.kind == "letter" or self.request.kind in COURT_KINDS
        return "zh" if chinese else current_language()

    @property
    def workbook_name(self) -> str:
        return self.settings.workbook_name.strip() or self.workbook_path.stem

    @property
    def calendar_id(self) -> str:
        """What keeps calendar UIDs apart between workbooks and stable when the workbook
        is renamed: the settings' id when set, else the workbook file's absolute path."""
        return self.settings.workbook_id.strip() or str(
            Path(self.workbook_path).expanduser().absolute()
        )

    def out_path(self, stem: str, suffix: str, lang: str | None = None) -> Path:
        """The file to write (`lang` None: the document's; "" for none), checked so that
        nothing but an earlier export of ours is replaced."""
        path, named = self._out_path(stem, suffix, self.lang if lang is None else lang)
        self.target = self.checked(path, named)
        return self.target

    def checked(self, path: Path, named: bool) -> Path:
        """`path` if writing it replaces nothing foreign; a default name numbers itself;
        a name the user gave (or any, for the dialog, which asks) raises NotOurs, unless
        `force`."""
        from reports.owned import may_replace, numbered

        if self.request.force or may_replace(path):
            return path
        if named or self.request.ask:
            raise NotOurs(path)
        return numbered(path)

    def _out_path(self, stem: str, suffix: str, lang: str) -> tuple[Path, bool]:
        default = default_out_path(
            self.workbook_path, self.settings, stem, suffix, self.today, lang
        )
        if self.request.folder is not None:
            return Path(self.request.folder).expanduser() / default.name, False
        if self.request.out:
            out = Path(self.request.out).expanduser()
            # A trailing slash names a folder, even one not made yet.
            is_folder = out.is_dir() or self.request.out.endswith(("/", os.sep))
            return (out / default.name, False) if is_folder else (out, True)
        return default, False

    def run(self) -> list[Path]:
        """Write the file(s); ExportError (WriteError when the disk says no) otherwise."""
        if self.request.kind not in KINDS:
            raise ExportError(_("unknown export {kind}").format(kind=self.request.kind))
        self._check_filters()
        handler: Callable[[], list[Path]] = getattr(self, f"_{self.request.kind}")
        try:
            return handler()
        except OSError as exc:
            raise WriteError(exc, self.target) from exc

    def _check_filters(self) -> None:
        """--from after --to, or a --lender with no entries, is refused before writing."""
        from workbook.followup.logfilter import lender_key

        r = self.request
        if r.start is not None and r.end is not None and r.start > r.end:
            raise ExportError(
                _("--from {start} is after --to {end}").format(start=r.start, end=r.end)
            )
        uses_log = r.kind == "log" or (r.kind == "csv" and r.table in (None, "log"))
        if not (r.lender and r.lender.strip() and uses_log):
            return
        # Matched as the log screen's filter does: one lender, trimmed and case-folded.
        names = {lender_key(c.lender): c.lender for c in self.data.communications}
        if lender_key(r.lender) not in names:
            raise NoMatch(
                _("no log entries for lender {lender}; lenders in the log: {list}").format(
                    lender=r.lender.strip(), list=", ".join(sorted(names.values())) or "-"
                )
            )

    # --- PDFs -----------------------------------------------------------------
    def _pdf_common(self) -> dict:
        from reports.fonts import choose_fonts

        fonts = choose_fonts(self.settings.pdf_font)
        for message in fonts.messages(self.notice_lang or current_language()):
            self.notice(message)
        return {"today": self.today, "workbook_name": self.workbook_name, "fonts": fonts}

    def _letter(self) -> list[Path]:
        from reports.letter import build_letter
        from workbook.negotiation.figures import letter_input
        from workbook.negotiation.letter import build_letter as letter_for

        debt = self._debt()
        letter = letter_for(letter_input(self.data, debt, self.today), self.lang)
        # The language is in every name: the English copy never replaces the one sent.
        out = self.out_path(f"letter-{debt.lender}", ".pdf")
        return [build_letter(letter, out, **self._pdf_common())]

    def _objection(self) -> list[Path]:
        return self._court_draft("objection")

    def _defence(self) -> list[Path]:
        return self._court_draft("defence")

    def _court_draft(self, kind: Literal["objection", "defence"]) -> list[Path]:
        from reports.court_drafts import build_court_draft

        debt = self._debt()
        stem = f"{kind}-{debt.lender}" + ("" if self.lang == "zh" else f"-{self.lang}")
        common = self._pdf_common()
        return [
            build_court_draft(
                kind, debt, self.data.profile, self.out_path(stem, ".pdf"), lang=self.lang,
                extra_lpr=tuple(self.settings.extra_lpr), **common,
            )
        ]  # fmt: skip

    def _checklist(self) -> list[Path]:
        from reports.checklist import build_checklist

        agreement, debt = self._agreement()
        out = self.out_path(f"checklist-{debt.lender}", ".pdf")
        common = self._pdf_common()
        return [
            build_checklist(
                agreement, debt, self.data.profile, out, lang=self.lang,
                currency=self.settings.currency, **common,
            )
        ]  # fmt: skip

    def _schedule(self) -> list[Path]:
        from reports.schedule import build_schedule

        agreement, debt = self._agreement()
        out = self.out_path(f"schedule-{debt.lender}", ".pdf")
        common = self._pdf_common()
        return [
            build_schedule(
                agreement, debt, self.data.payments, out, lang=self.lang,
                currency=self.settings.currency, **common,
            )
        ]  # fmt: skip

    def _log(self) -> list[Path]:
        from reports.commlog import build_log

        r = self.request
        out = self.out_path(f"log-{r.lender or ''}", ".pdf")
        common = self._pdf_common()
        return [
            build_log(
                self.data.communications, out, lang=self.lang, lender=r.lender,
                start=r.start, end=r.end, statement=r.statement, **common,
            )
        ]  # fmt: skip

    def _summary(self) -> list[Path]:
        from reports.summary import build_summary

        out = self.out_path("summary", ".pdf")
        common = self._pdf_common()
        return [
            build_summary(self.data, out, lang=self.lang, currency=self.settings.currency,
                          extra_lpr=tuple(self.settings.extra_lpr), **common)
        ]

    # --- other formats ------------------------------------------------------------
    def _csv(self) -> list[Path]:
        from reports.tables import debts_csv, log_csv, payments_csv

        d, r = self.data, self.request
        tables = [r.table] if r.table else list(CSV_TABLES)
        if len(tables) > 1 and r.out and Path(r.out).suffix.lower() == ".csv":
            raise ExportError(_("--out must be a folder when exporting every table; add --table"))
        written = []
        for table in tables:
            if len(tables) > 1 and r.out and r.folder is None:
                name = file_stem(table, self.lang, self.today.isoformat())
                out = self.checked(Path(r.out).expanduser() / f"{name}.csv", named=False)
                self.target = out
            else:
                out = self.out_path(table, ".csv")
            if table == "debts":
                written.append(debts_csv(d.debts, out, lang=self.lang, today=self.today))
            elif table == "log":
                written.append(
                    log_csv(d.communications, out, lang=self.lang, lender=r.lender,
                            start=r.start, end=r.end)
                )  # fmt: skip
            else:
                written.append(payments_csv(d.payments, d.agreements, d.debts, out, lang=self.lang))
        return written

    def _json(self) -> list[Path]:
        from reports.files import ensure_private_folder

        if self.write_json is None:
            raise ExportError(_("unknown export {kind}").format(kind="json"))
        out = self.out_path("workbook", ".json", lang="")  # the data, in no language
        ensure_private_folder(out.parent)  # ours and closed to others, as for every kind
        return [self.write_json(out)]

    def _ics(self) -> list[Path]:
        from reports.calendar import build_calendar

        d = self.data
        out = self.out_path("calendar", ".ics")
        return [
            build_calendar(
                d.agreements, d.debts, d.payments, d.communications, out, lang=self.lang,
                today=self.today, workbook_name=self.workbook_name,
                currency=self.settings.currency, calendar_id=self.calendar_id,
            )
        ]  # fmt: skip

    # --- choosing records -----------------------------------------------------------
    def _debt(self) -> Debt:
        debts = self.data.debts
        if self.request.debt is not None:
            for debt in debts:
                if debt.id == self.request.debt:
                    return debt
            raise ExportError(
                _("no debt with ID {id}; debts: {list}").format(
                    id=self.request.debt, list=_listing((d.id, d.lender) for d in debts)
                )
            )
        if len(debts) == 1:
            return debts[0]
        if not debts:
            raise ExportError(_("the workbook has no debts yet"))
        raise ExportError(
            _("choose the debt with --debt ID: {list}").format(
                list=_listing((d.id, d.lender) for d in debts)
            )
        )

    def _agreement(self) -> tuple[Agreement, Debt]:
        agreements = self.data.agreements
        chosen: Agreement | None = None
        if self.request.agreement is not None:
            chosen = next((a for a in agreements if a.id == self.request.agreement), None)
            if chosen is None:
                raise ExportError(
                    _("no agreement with ID {id}; agreements: {list}").format(
                        id=self.request.agreement, list=self._agreement_listing()
                    )
                )
        elif len(agreements) == 1:
            chosen = agreements[0]
        elif not agreements:
            raise ExportError(_("the workbook has no agreements yet"))
        else:
            raise ExportError(
                _("choose the agreement with --agreement ID: {list}").format(
                    list=self._agreement_listing()
                )
            )
        debt = next((d for d in self.data.debts if d.id == chosen.debt_id), None)
        if debt is None:
            raise ExportError(
                _("agreement {id} belongs to a debt that no longer exists").format(id=chosen.id)
            )
        return chosen, debt

    def _agreement_listing(self) -> str:
        lenders = {d.id: d.lender for d in self.data.debts}
        return _listing(
            (a.id, f"{lenders.get(a.debt_id, '?')} {a.reference}".strip())
            for a in self.data.agreements
        )


def _listing(pairs: Iterable[tuple[int | None, str]]) -> str:
    return ", ".join(f"{id_} {' '.join(str(name).split())}" for id_, name in pairs) or "-"


__all__ = [
    "CSV_TABLES",
    "KINDS",
    "PDF_KINDS",
    "ExportError",
    "NoMatch",
    "NotOurs",
    "ExportJob",
    "ExportRequest",
    "OS_REASONS",
    "WriteError",
    "default_folder",
    "default_out_path",
    "file_stem",
]
