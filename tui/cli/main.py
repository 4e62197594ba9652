"""The `repay` command: opens the TUI, or runs one of the headless sub-commands.

Only the TUI path imports Textual, so `repay due` in a login script stays quick and
works where no terminal is attached. Every failure is one line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from workbook.i18n import _, choose_language, set_language

APP_DIR_NAME = "repay-workbook"
EXIT_ERROR = 2


def data_dir() -> Path:
    """Where workbooks live by default: the XDG data folder on Linux (what platformdirs
    gives there, without its ~8 ms import at every start), platformdirs elsewhere."""
    if sys.platform.startswith("linux"):
        # The XDG rule: $XDG_DATA_HOME when it is an absolute path, else ~/.local/share.
        base = os.environ.get("XDG_DATA_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        return Path(base) / APP_DIR_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_workbook() -> Path:
    return data_dir() / "workbook.json"


def demo_workbook() -> Path:
    return data_dir() / "demo" / "demo-workbook.json"


def program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("repay-workbook")
    except PackageNotFoundError:
        return "0+unknown"


class _Version(argparse.Action):
    """--version, looked up only when asked: importlib.metadata costs every start ~20 ms."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"repay {program_version()}")
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage block), as every other failure."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: {message} (repay --help)\n")


def _global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    # On the main parser and again on every sub-command, so `repay demo --lang en`
    # works as well as `repay --lang en demo`; a sub-command's copy defaults to
    # SUPPRESS so it never overwrites what was given before the sub-command.
    parser.add_argument("--db", metavar="PATH", default=default, help=_("workbook file (default: $REPAY_DB or the user data folder)"))
    parser.add_argument("--lang", choices=["zh", "en"], default=default, help=_("language of the interface"))
    parser.add_argument("--read-only", action="store_true", default=default or False, help=_("open without changing anything"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="repay",
        description=_("Repay Workbook: negotiate new repayment terms with each lender."),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=_("show the version and exit"))
    _global_options(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        made = sub.add_parser(name, help=help)
        _global_options(made, default=argparse.SUPPRESS)
        return made

    demo = command("demo", _("open a demo workbook (your own is not touched)"))
    demo.add_argument("--reset", action="store_true", help=_("rebuild the demo workbook from scratch"))

    command("backup", _("take a backup of the workbook now"))

    restore = command("restore", _("list backups, or restore one"))
    restore.add_argument("backup", nargs="?", help=_("number from the list, or a backup file"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    due = command("due", _("print instalments due soon and overdue; exit 1 if any is overdue"))
    due.add_argument("--days", type=_days, default=30, help=_("how many days ahead (default 30)"))
    due.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)

    imp = command("import", _("make a new workbook (--db) from a JSON export"))
    imp.add_argument("source", help=_("the JSON file written by 'repay export json'"))

    # No -h of its own: `repay export --help` is answered by tui.cli.export, which lists
    # every kind and option.
    export = sub.add_parser(
        "export", help=_("write a PDF, CSV, JSON or calendar file"), add_help=False
    )
    export.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)

    printing = sub.add_parser("print", help=_("write a PDF and print it (CUPS, A4)"))
    printing.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def resolve_workbook(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db).expanduser()
    env = os.environ.get("REPAY_DB")
    if env:
        return Path(env).expanduser()
    return default_workbook()


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse `argv`; everything after `export` (its --help too) goes to tui.cli.export,
    since argparse's REMAINDER refuses an option as its first word."""
    if "export" in argv:
        at = argv.index("export")
        args = parser.parse_args([*argv[:at], "export"])
        args.rest = argv[at + 1 :]
        return args
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    # The language of CLI messages: --lang, then the locale (the saved setting is
    # only known once a workbook is open; the TUI applies it then).
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(choose_language(_peek_lang(argv), None))
    parser = build_parser()
    args = _parse(parser, argv)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `repay due | head`: the reader left; not an error worth a message.
        _silence_stdout()
        return 0
    except Exception as exc:  # one line, never a traceback
        from storage import WorkbookError

        if isinstance(exc, WorkbookError):
            print(f"repay: {exc.message}", file=sys.stderr)
        else:
            print(_("repay: unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_ERROR


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 3660:
        raise argparse.ArgumentTypeError(_("give a whole number of days from 0 to 3660"))
    return days


def _silence_stdout() -> None:
    # Python flushes stdout at exit; with the pipe gone that would raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _peek_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "demo":
        from tui.cli.demo import ensure_demo

        if not _has_terminal():
            return EXIT_ERROR
        path = ensure_demo(demo_workbook(), reset=args.reset, today=date.today())
        return _run_tui(path, args)
    path = resolve_workbook(args)
    if args.command is None:
        return _run_tui(path, args)  # the full screen: the sub-commands' imports not needed
    from tui.cli import commands as cli_commands

    if args.command == "backup":
        return cli_commands.backup(path)
    if args.command == "restore":
        return cli_commands.restore(path, args.backup, assume_yes=args.yes)
    if args.command == "due":
        if args.lang is None:
            _use_saved_language(path)
        return cli_commands.due(path, days=args.days, today=args.today or date.today())
    if args.command == "import":
        return cli_commands.import_workbook(Path(args.source).expanduser(), path)
    if args.command == "export":
        from tui.cli.export import run_export

        return run_export(args.rest, path)
    if args.command == "print":
        from tui.cli.printing import run_print

        return run_print(args.rest, path)
    return _run_tui(path, args)


def _has_terminal() -> bool:
    if sys.stdin.isatty() and sys.stdout.isatty():
        return True
    print(_("repay: the workbook needs a terminal; for scripts use 'repay due' or 'repay export'."), file=sys.stderr)
    return False


def _run_tui(path: Path, args: argparse.Namespace) -> int:
    from storage import WorkbookLocked
    from storage.claim import claim

    if not _has_terminal():
        return EXIT_ERROR
    try:
        # The checks and the lock now; the records are read once home's frame is drawn.
        held = claim(path, read_only=args.read_only)
    except WorkbookLocked as exc:
        # The file is fine, only busy: say so in the language the user saved in it.
        translated = args.lang is None and _use_saved_language(path)
        held = _open_past_holder(path, exc)
        if held is None:
            if translated:
                raise WorkbookLocked(exc.path, exc.pid, exc.host, exc.since) from None
            raise
    app = None
    try:
        from tui.app import RepayApp

        app = RepayApp(held, lang=args.lang)
        app.run()
    finally:
        if app is not None:
            app.close_workbook()
        else:
            held.release()
    if app.open_error is not None:
        raise app.open_error  # printed as any other failure to open (main)
    return EXIT_ERROR if app.return_code else 0  # a crash in the TUI is not a success


def _open_past_holder(path: Path, exc):
    """A holder of ours on this machine (a hung SSH session): end it or open read-only."""
    from storage import WorkbookLocked
    from storage.claim import claim
    from storage.lock import Holder
    from tui.cli.locked import END, READ_ONLY, ask_about_holder

    if not sys.stdin.isatty():
        return None
    answer = ask_about_holder(path, Holder(exc.pid, exc.host, exc.since))
    try:
        if answer == END:
            return claim(path)
        if answer == READ_ONLY:
            return claim(path, read_only=True)
    except WorkbookLocked:
        return None
    return None


def _use_saved_language(path: Path) -> bool:
    """Switch to the language saved in the workbook, if it can be read; True if switched."""
    from tui.cli.commands import saved_language

    lang = saved_language(path)
    if lang is None:
        return False
    set_language(lang)
    return True


if __name__ == "__main__":
    raise SystemExit(main())
