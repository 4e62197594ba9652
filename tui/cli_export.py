"""`repay export KIND`: write a PDF, CSV, JSON or calendar file from the workbook.

    repay export letter|checklist|log|summary|schedule|csv|json|ics
        [--debt ID] [--agreement ID] [--out PATH] [--lang zh|en]
        [--lender NAME] [--from DATE] [--to DATE] [--table debts|log|payments]

The workbook is opened read-only (an export never changes it and works while the TUI
holds the lock). Files are 0600, written by default to the folder set in the settings
(`export_dir`) or to `exports/` beside the workbook (0700). Each written path is
printed on its own line; a problem is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbook.i18n import _, current_language
from workbook.models import Agreement, Debt, Settings
from workbook.snapshot import WorkbookData

KINDS = ("letter", "checklist", "log", "summary", "schedule", "csv", "json", "ics")
PDF_KINDS = ("letter", "checklist", "log", "summary", "schedule")
CSV_TABLES = ("debts", "log", "payments")
EXIT_OK, EXIT_ERROR = 0, 2


class ExportError(Exception):
    """A problem the user can fix; the message is already translated."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repay export", description=_("Write a PDF, CSV, JSON or calendar file.")
    )
    parser.add_argument("kind", choices=KINDS, help=_("what to export"))
    parser.add_argument("--debt", type=int, metavar="ID", help=_("the debt (letter)"))
    parser.add_argument(
        "--agreement", type=int, metavar="ID", help=_("the agreement (checklist, schedule)")
    )
    parser.add_argument("--out", metavar="PATH", help=_("file or folder to write to"))
    parser.add_argument(
        "--lang", choices=("zh", "en"), help=_("language of the document (letter: zh by default)")
    )
    parser.add_argument("--lender", metavar="NAME", help=_("only this lender (log)"))
    parser.add_argument(
        "--from", dest="start", type=_date, metavar="YYYY-MM-DD", help=_("from this date (log)")
    )
    parser.add_argument(
        "--to", dest="end", type=_date, metavar="YYYY-MM-DD", help=_("up to this date (log)")
    )
    parser.add_argument("--table", choices=CSV_TABLES, help=_("only this table (csv)"))
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date; use YYYY-MM-DD").format(text=text)
        ) from None


def run_export(args: argparse.Namespace | list[str], workbook_path: Path) -> int:
    """Run one export; the exit status (0, or 2 after a one-line message)."""
    if not isinstance(args, argparse.Namespace):
        try:
            args = build_parser().parse_args(list(args))
        except SystemExit as stop:  # argparse has printed the usage and the problem
            return int(stop.code or 0)
    from storage import Workbook, WorkbookError

    try:
        with Workbook.open(Path(workbook_path), read_only=True) as wb:
            job = _Job.load(wb, Path(workbook_path), args)
            written = job.run()
    except (ExportError, WorkbookError) as exc:
        message = exc.message if isinstance(exc, WorkbookError) else str(exc)
        print(f"repay: {message}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(
            _("repay: could not write the file: {error}").format(error=exc.strerror or exc),
            file=sys.stderr,
        )
        return EXIT_ERROR
    for path in written:
        print(_("Written: {path}").format(path=path))
    return EXIT_OK


def default_folder(workbook_path: Path, settings: Settings) -> Path:
    """The export folder: the setting (relative to the workbook's folder), else exports/."""
    base = Path(workbook_path).expanduser().absolute().parent
    if settings.export_dir.strip():
        chosen = Path(settings.export_dir.strip()).expanduser()
        return chosen if chosen.is_absolute() else base / chosen
    return base / "exports"


def default_out_path(
    workbook_path: Path, settings: Settings, stem: str, suffix: str, today: date
) -> Path:
    """Where an export goes when the user names no place: e.g. exports/letter-快易借-2026-03-15.pdf.

    For the TUI's export dialog, so that it and the CLI put files in the same place.
    """
    return default_folder(workbook_path, settings) / f"{file_stem(stem, today.isoformat())}{suffix}"


def file_stem(*parts: str) -> str:
    """A file name from `parts`: letters (Chinese too) and digits kept, the rest '-'."""
    text = "-".join(p for p in parts if p)
    text = re.sub(r"[^\w.]+", "-", text, flags=re.UNICODE).strip("-.")
    return text[:80] or "export"


@dataclass
class _Job:
    args: argparse.Namespace
    data: WorkbookData
    settings: Settings
    workbook_path: Path
    today: date
    wb: object

    @classmethod
    def load(cls, wb, workbook_path: Path, args: argparse.Namespace) -> _Job:
        from tui.workbook_data import load_data

        today = args.today or date.today()
        return cls(args, load_data(wb), wb.settings(), workbook_path, today, wb)

    @property
    def lang(self) -> str:
        if self.args.lang:
            return self.args.lang
        return "zh" if self.args.kind == "letter" else current_language()

    @property
    def workbook_name(self) -> str:
        return self.settings.workbook_name.strip() or self.workbook_path.stem

    def out_path(self, stem: str, suffix: str) -> Path:
        default = default_out_path(self.workbook_path, self.settings, stem, suffix, self.today)
        if self.args.out:
            out = Path(self.args.out).expanduser()
            return out / default.name if out.is_dir() else out
        return default

    def run(self) -> list[Path]:
        handler: Callable[[], list[Path]] = getattr(self, f"_{self.args.kind}")
        return handler()

    # --- PDFs -----------------------------------------------------------------
    def _pdf_common(self) -> dict:
        from reports.fonts import choose_fonts

        fonts = choose_fonts(self.settings.pdf_font)
        for message in fonts.messages(current_language()):
            print(f"repay: {message}", file=sys.stderr)
        return {"today": self.today, "workbook_name": self.workbook_name, "fonts": fonts}

    def _letter(self) -> list[Path]:
        from reports.letter import build_letter
        from tui.negotiation import letter_input
        from workbook.letter import build_letter as letter_for

        debt = self._debt()
        letter = letter_for(letter_input(self.data, debt, self.today), self.lang)
        out = self.out_path(f"letter-{debt.lender}", ".pdf")
        return [build_letter(letter, out, **self._pdf_common())]

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

        a = self.args
        out = self.out_path(f"log-{a.lender or ''}", ".pdf")
        common = self._pdf_common()
        return [
            build_log(
                self.data.communications, out, lang=self.lang, lender=a.lender,
                start=a.start, end=a.end, **common,
            )
        ]  # fmt: skip

    def _summary(self) -> list[Path]:
        from reports.summary import build_summary

        out = self.out_path("summary", ".pdf")
        common = self._pdf_common()
        return [
            build_summary(self.data, out, lang=self.lang, currency=self.settings.currency, **common)
        ]

    # --- other formats ------------------------------------------------------------
    def _csv(self) -> list[Path]:
        from reports.tables import debts_csv, log_csv, payments_csv

        d, a = self.data, self.args
        tables = [a.table] if a.table else list(CSV_TABLES)
        if len(tables) > 1 and a.out and Path(a.out).suffix.lower() == ".csv":
            raise ExportError(_("--out must be a folder when exporting every table; add --table"))
        written = []
        for table in tables:
            if len(tables) > 1 and a.out:
                out = Path(a.out).expanduser() / f"{file_stem(table, self.today.isoformat())}.csv"
            else:
                out = self.out_path(table, ".csv")
            if table == "debts":
                written.append(debts_csv(d.debts, out, lang=self.lang, today=self.today))
            elif table == "log":
                written.append(
                    log_csv(d.communications, out, lang=self.lang, lender=a.lender,
                            start=a.start, end=a.end)
                )  # fmt: skip
            else:
                written.append(
                    payments_csv(d.payments, d.agreements, d.debts, out, lang=self.lang)
                )
        return written

    def _json(self) -> list[Path]:
        from reports.files import ensure_private_folder
        from storage.transfer import export_json

        out = self.out_path("workbook", ".json")
        ensure_private_folder(out.parent)
        return [export_json(self.wb, out)]

    def _ics(self) -> list[Path]:
        from reports.calendar import build_calendar

        d = self.data
        out = self.out_path("calendar", ".ics")
        return [
            build_calendar(
                d.agreements, d.debts, d.payments, d.communications, out, lang=self.lang,
                today=self.today, workbook_name=self.workbook_name,
                currency=self.settings.currency,
            )
        ]  # fmt: skip

    # --- choosing records -----------------------------------------------------------
    def _debt(self) -> Debt:
        debts = self.data.debts
        if self.args.debt is not None:
            for debt in debts:
                if debt.id == self.args.debt:
                    return debt
            raise ExportError(
                _("no debt with ID {id}; debts: {list}").format(
                    id=self.args.debt, list=_listing((d.id, d.lender) for d in debts)
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
        if self.args.agreement is not None:
            chosen = next((a for a in agreements if a.id == self.args.agreement), None)
            if chosen is None:
                raise ExportError(
                    _("no agreement with ID {id}; agreements: {list}").format(
                        id=self.args.agreement, list=self._agreement_listing()
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


def _listing(pairs) -> str:
    return ", ".join(f"{id_} {' '.join(str(name).split())}" for id_, name in pairs) or "-"


__all__ = [
    "KINDS",
    "ExportError",
    "build_parser",
    "default_folder",
    "default_out_path",
    "file_stem",
    "run_export",
]
