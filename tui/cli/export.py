"""`repay export KIND`: write a PDF, CSV, JSON or calendar file from the workbook.

    repay export letter|checklist|log|summary|schedule|objection|defence|csv|json|ics
        [--debt ID] [--agreement ID] [--out PATH|-] [--force] [--lang zh|en]
        [--lender NAME] [--from DATE] [--to DATE] [--table debts|log|payments]
        [--statement]

The workbook is opened read-only (an export never changes it and works while the TUI
holds the lock). Files are 0600, written by default to the folder set in the settings
(`export_dir`) or to `exports/` beside the workbook (0700). Each written path is
printed on its own line; `--out -` writes the one file to standard output instead. A
file repay did not write is never replaced without `--force` (a default name numbers
itself instead). A problem is one line on stderr and exit status 2; a `--lender` that
matches nothing is exit status 1. What each kind writes, and from which records, is
`reports.export_job`, shared with the TUI's dialog.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import NoReturn

from reports.export_job import (
    CSV_TABLES,
    KINDS,
    PDF_KINDS,
    ExportError,
    ExportRequest,
    NoMatch,
    WriteError,
    default_folder,
    default_out_path,
    file_stem,
)
from workbook.i18n import N_, _

EXIT_OK, EXIT_NO_MATCH, EXIT_ERROR = 0, 1, 2

# One line per kind for --help.
KIND_HELP = {
    "letter": N_("the application letter to one lender (--debt; Chinese unless --lang en)"),
    "checklist": N_("the signed-agreement checklist to print (--agreement)"),
    "log": N_("the communication log (--lender, --from, --to, --statement)"),
    "summary": N_("the case summary"),
    "schedule": N_("an agreement's payment schedule (--agreement)"),
    "objection": N_("a draft objection to a payment order (--debt; Chinese unless --lang en)"),
    "defence": N_("a draft defence outline for a lawsuit (--debt; Chinese unless --lang en)"),
    "csv": N_("tables for a spreadsheet: debts, log, payments (--table)"),
    "json": N_("the whole workbook as JSON (read back with repay import)"),
    "ics": N_("agreed due dates and next actions as a calendar"),
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's headings in the user's language (its own are English only)."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix=_("usage: "))


class _Parser(argparse.ArgumentParser):
    """argparse with its complaints as one line in the user's language (argparse's
    own are English and come after a block of usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"repay export: {usage_problem(message)}\n")


# argparse's messages (Python 3.11), in the order they are tried.
_ARGPARSE_PROBLEMS = (
    (r"the following arguments are required: .*", N_("say what to export: {choices}")),
    (r"argument kind: invalid choice: '(?P<value>.*)' \(choose from .*\)",
     N_("unknown export {value}; choose one of: {choices}")),
    (r"argument (?P<option>\S+): invalid choice: '(?P<value>.*)' \(choose from (?P<list>.*)\)",
     N_("{option} cannot be {value}; choose one of: {list}")),
    (r"argument (?P<option>\S+): invalid int value: '(?P<value>.*)'",
     N_("{option} takes a number (the ID shown in the app), not {value}")),
    (r"argument (?P<option>\S+): expected one argument", N_("{option} needs a value")),
    (r"unrecognized arguments: (?P<value>.*)", N_("unknown option {value}; see repay export --help")),
    (r"argument (?P<option>\S+): (?P<value>.*)", N_("{option}: {value}")),
)  # fmt: skip


def usage_problem(message: str) -> str:
    """argparse's `message` in our words and the interface language."""
    for pattern, msgid in _ARGPARSE_PROBLEMS:
        match = re.fullmatch(pattern, message)
        if match:
            values = {"choices": ", ".join(KINDS), **match.groupdict()}
            if "list" in values:
                values["list"] = values["list"].replace("'", "")
            return _(msgid).format(**values)
    return message


def build_parser() -> argparse.ArgumentParser:
    kinds = "\n".join(f"  {kind:<10} {_(KIND_HELP[kind])}" for kind in KINDS)  # every kind
    parser = _Parser(
        prog="repay export",
        description=_("Write a PDF, CSV, JSON or calendar file."),
        epilog=_("What to export:") + "\n" + kinds,
        formatter_class=_Formatter,
        add_help=False,
    )
    parser._positionals.title = _("arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
    parser.add_argument("kind", choices=KINDS, help=_("what to export"))
    add_selection_options(parser)
    parser.add_argument("--table", choices=CSV_TABLES, help=_("only this table (csv)"))
    return parser


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """Which records and where to: shared by `repay export` and `repay print`."""
    parser.add_argument("--debt", type=int, metavar="ID", help=_("the debt (letter)"))
    parser.add_argument(
        "--agreement", type=int, metavar="ID", help=_("the agreement (checklist, schedule)")
    )
    parser.add_argument(
        "--out", metavar="PATH", help=_("file or folder to write to; - for standard output")
    )
    parser.add_argument(
        "--force", action="store_true",
        help=_("replace an existing file even if repay did not write it"),
    )  # fmt: skip
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
    parser.add_argument(
        "--statement", action="store_true",
        help=_("end the log with a signed statement that it is true (log)"),
    )  # fmt: skip
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date; use YYYY-MM-DD").format(text=text)
        ) from None


def run_export(args: argparse.Namespace | list[str], workbook_path: Path) -> int:
    """Run one export; the exit status (0; 1 when --lender matched nothing; 2 after a
    one-line message)."""
    if not isinstance(args, argparse.Namespace):
        try:
            args = build_parser().parse_args(list(args))
        except SystemExit as stop:  # argparse has printed the usage and the problem
            return int(stop.code or 0)
    request = ExportRequest.from_args(args)
    if request.out == "-":
        return _to_stdout(request, workbook_path, args.today or date.today())
    status, written = _export(request, workbook_path, args.today or date.today())
    for path in written:
        print(_("Written: {path}").format(path=path))
    tell_how_to_fetch(written)
    return status


def _export(request: ExportRequest, workbook_path: Path, today: date) -> tuple[int, list[Path]]:
    """Run the job: (exit status, the files written); a problem is printed to stderr."""
    from storage import Workbook, WorkbookError
    from tui.export.offers import load_job

    try:
        with Workbook.open(Path(workbook_path), read_only=True) as wb:
            job = load_job(wb, Path(workbook_path), request, today, notice=_say)
            written = job.run()
    except (ExportError, WorkbookError) as exc:
        message = exc.message if isinstance(exc, WorkbookError) else str(exc)
        print(f"repay: {message}", file=sys.stderr)
        return (EXIT_NO_MATCH if isinstance(exc, NoMatch) else EXIT_ERROR), []
    except OSError as exc:  # opening the workbook itself failed
        print(f"repay: {WriteError(exc, None)}", file=sys.stderr)
        return EXIT_ERROR, []
    return EXIT_OK, written


def _to_stdout(request: ExportRequest, workbook_path: Path, today: date) -> int:
    """`--out -`: write into a private temporary folder, copy the one file to stdout."""
    with tempfile.TemporaryDirectory(prefix="repay-export-") as tmp:
        into_tmp = dataclasses.replace(request, out=None, folder=Path(tmp))
        status, written = _export(into_tmp, workbook_path, today)
        if status != EXIT_OK:
            return status
        if len(written) != 1:
            print(
                "repay: " + _("--out - writes one file; choose one with --table"), file=sys.stderr
            )
            return EXIT_ERROR
        sys.stdout.flush()
        sys.stdout.buffer.write(written[0].read_bytes())
        sys.stdout.buffer.flush()
    return EXIT_OK


def tell_how_to_fetch(paths: list[Path]) -> None:
    """In an SSH session at a terminal: the scp command to fetch `paths`, shown on stderr
    (stdout stays one path a line for scripts) and copied with OSC 52."""
    from reports.delivery.ssh import scp_command, scp_message
    from reports.delivery.terminal import osc52

    command = scp_command(paths) if paths else None
    if command is None or not sys.stderr.isatty():
        return
    print(scp_message(command), file=sys.stderr)
    sys.stderr.write(osc52(command))
    sys.stderr.flush()


def _say(message: str) -> None:
    print(f"repay: {message}", file=sys.stderr)


__all__ = [
    "CSV_TABLES",
    "KINDS",
    "PDF_KINDS",
    "ExportError",
    "add_selection_options",
    "build_parser",
    "default_folder",
    "default_out_path",
    "file_stem",
    "run_export",
]
