"""`repay export KIND`: write a PDF, CSV, JSON or calendar file from the workbook.

    repay export letter|checklist|log|summary|schedule|csv|json|ics
        [--debt ID] [--agreement ID] [--out PATH] [--lang zh|en]
        [--lender NAME] [--from DATE] [--to DATE] [--table debts|log|payments]

The workbook is opened read-only (an export never changes it and works while the TUI
holds the lock). Files are 0600, written by default to the folder set in the settings
(`export_dir`) or to `exports/` beside the workbook (0700). Each written path is
printed on its own line; a problem is one line on stderr and exit status 2. What each
kind writes, and from which records, is `tui.export_job`, shared with the TUI's dialog.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tui.export_job import (
    CSV_TABLES,
    KINDS,
    PDF_KINDS,
    ExportError,
    ExportJob,
    ExportRequest,
    default_folder,
    default_out_path,
    file_stem,
)
from workbook.i18n import _

EXIT_OK, EXIT_ERROR = 0, 2


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
            job = ExportJob.load(
                wb, Path(workbook_path), ExportRequest.from_args(args),
                args.today or date.today(), notice=_say,
            )  # fmt: skip
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


def _say(message: str) -> None:
    print(f"repay: {message}", file=sys.stderr)


__all__ = [
    "CSV_TABLES",
    "KINDS",
    "PDF_KINDS",
    "ExportError",
    "build_parser",
    "default_folder",
    "default_out_path",
    "file_stem",
    "run_export",
]
