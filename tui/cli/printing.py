"""`repay print KIND`: write a PDF as `repay export` does, then send it to a printer.

    repay print letter|checklist|log|summary|schedule
        [--debt ID] [--agreement ID] [--out PATH] [--lang zh|en]
        [--lender NAME] [--from DATE] [--to DATE]
        [--printer NAME] [--copies N]
    repay print --printers

The PDF is written where `repay export` would write it (the user keeps what was
printed), then `reports.delivery.printing` sends it to CUPS on A4: the default printer
or `--printer`, `--copies` copies. The file path and the job id are printed; a problem
(no print system, no printer, the printer refused) is one line on stderr saying what to
do instead, and exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from reports.delivery import DeliveryError
from reports.delivery.printing import MAX_COPIES, check_copies, list_printers, print_file
from reports.export_job import PDF_KINDS, ExportError, ExportRequest, WriteError
from tui.cli.export import add_selection_options, usage_problem
from workbook.i18n import N_, _

EXIT_OK, EXIT_ERROR = 0, 2

_PRINT_PROBLEMS = (
    (r"the following arguments are required: .*", N_("say what to print: {choices}")),
    (r"argument kind: invalid choice: '(?P<value>.*)' \(choose from .*\)",
     N_("{value} cannot be printed; choose one of: {choices}")),
)  # fmt: skip


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"repay print: {print_problem(message)}\n")


def print_problem(message: str) -> str:
    """argparse's `message` in our words; the selection options' as `repay export` says them."""
    for pattern, msgid in _PRINT_PROBLEMS:
        match = re.fullmatch(pattern, message)
        if match:
            return _(msgid).format(choices=", ".join(PDF_KINDS), **match.groupdict())
    return usage_problem(message)


def _copies(text: str) -> int:
    try:
        return check_copies(text)
    except DeliveryError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def build_parser() -> argparse.ArgumentParser:
    """`repay export`'s selection options, PDFs only, plus the printer and copies."""
    parser = _Parser(prog="repay print", description=_("Write a PDF and print it (CUPS, A4)."))
    parser.add_argument("kind", nargs="?", choices=PDF_KINDS, help=_("what to print"))
    add_selection_options(parser)  # the same options, help and checks as export
    parser.add_argument("--printer", metavar="NAME", help=_("the printer (default: the system's default printer)"))
    parser.add_argument("--copies", type=_copies, default=1, metavar="N",
                        help=_("how many copies, 1 to {most} (default 1)").format(most=MAX_COPIES))  # fmt: skip
    parser.add_argument("--printers", action="store_true", help=_("list the printers and exit"))
    return parser


def run_print(args: argparse.Namespace | list[str], workbook_path: Path) -> int:
    """Write and print one document; the exit status (0, or 2 after a one-line message)."""
    if not isinstance(args, argparse.Namespace):
        try:
            args = build_parser().parse_args(list(args))
        except SystemExit as stop:
            return int(stop.code or 0)
    if args.printers:
        return _list_printers()
    if args.kind is None:  # optional only so that `--printers` needs none
        print(f"repay print: {print_problem('the following arguments are required: kind')}",
              file=sys.stderr)  # fmt: skip
        return EXIT_ERROR
    try:
        path = _write(args, Path(workbook_path))
    except (ExportError, DeliveryError) as exc:
        print(f"repay: {getattr(exc, 'message', None) or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(_("Written: {path}").format(path=path))
    try:
        job = print_file(path, printer=args.printer, copies=args.copies, title=path.name)
    except DeliveryError as exc:
        print(f"repay: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    print(job.message())
    return EXIT_OK


def _write(args: argparse.Namespace, workbook_path: Path) -> Path:
    from storage import Workbook, WorkbookError
    from tui.export.offers import load_job

    request = ExportRequest.from_args(args)
    try:
        with Workbook.open(workbook_path, read_only=True) as wb:
            job = load_job(wb, workbook_path, request, args.today or date.today(),
                           notice=lambda m: print(f"repay: {m}", file=sys.stderr))  # fmt: skip
            return job.run()[0]
    except WorkbookError as exc:
        raise ExportError(exc.message) from exc
    except OSError as exc:  # opening the workbook itself failed
        raise WriteError(exc, None) from exc


def _list_printers() -> int:
    try:
        printers = list_printers()
    except DeliveryError as exc:
        print(f"repay: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    for name in printers.names:
        marks = []
        if name == printers.default:
            marks.append(_("default"))
        if name in printers.disabled:
            marks.append(_("disabled"))
        print(f"{name}  ({', '.join(marks)})" if marks else name)
    return EXIT_OK


__all__ = ["build_parser", "print_problem", "run_print"]
