"""The headless sub-commands of `repay`: backup, restore, due, import (the demo: tui.cli.demo).

They print plain lines (a login script or cron reads them) and return the exit code.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from storage import Workbook, WorkbookCorrupt, WorkbookError, WorkbookTooNew
from storage.backup import backup_problem, list_backups, restore_backup, take_backup
from storage.workbook import check_workbook, normal_path
from workbook.i18n import LANGUAGES, _

EXIT_OK, EXIT_OVERDUE, EXIT_ERROR = 0, 1, 2


def saved_language(path: Path) -> str | None:
    """The language saved in the workbook at `path`; None when unset or unreadable."""
    try:
        with Workbook.open(path, read_only=True) as wb:
            lang = wb.settings().language
    except WorkbookError:
        return None
    return lang if lang in LANGUAGES else None


def backup(path: Path) -> int:
    if not path.exists():
        print(_("repay: no workbook at {path}").format(path=path), file=sys.stderr)
        return EXIT_ERROR
    try:
        # The check an open makes, every record included: a copy of a damaged file
        # would later be offered as the good one to restore.
        path = check_workbook(path)
    except (WorkbookCorrupt, WorkbookTooNew) as exc:
        print(_("repay: no backup was taken. {problem}").format(problem=exc.message), file=sys.stderr)
        return EXIT_ERROR
    before = set(list_backups(path))
    written = take_backup(path)
    if written in before:  # the newest backup already holds these bytes
        print(_("Nothing changed since the last backup: {path}").format(path=written))
    else:
        print(_("Backup written: {path}").format(path=written))
    return EXIT_OK


def restore(path: Path, which: str | None, *, assume_yes: bool) -> int:
    path = normal_path(path)  # through a link: the real workbook's backups
    backups = list_backups(path)
    if which is None:
        if not backups:
            print(_("No backups of {path} yet.").format(path=path))
            return EXIT_OK
        print(_("Backups of {path}, newest first:").format(path=path))
        for number, item in enumerate(backups, start=1):
            stamp = datetime.fromtimestamp(item.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")
            problem = backup_problem(item)
            damaged = f"  ({problem})" if problem else ""
            print(f"{number:3}  {stamp}  {item.stat().st_size:>9} B  {item.name}{damaged}")
        print(_("Restore one with: repay restore NUMBER"))
        return EXIT_OK
    chosen = _pick_backup(backups, which)
    if chosen is None:
        print(_("repay: no backup {which}; run 'repay restore' to list them.").format(which=which), file=sys.stderr)
        return EXIT_ERROR
    if not assume_yes:
        if not sys.stdin.isatty():
            print(_("repay: add --yes to restore without a terminal to confirm on."), file=sys.stderr)
            return EXIT_ERROR
        try:
            answer = input(
                _("Replace {path} with {backup}? The current file is kept as a backup. [y/N] ").format(
                    path=path, backup=chosen.name
                )
            )
        except EOFError:  # Ctrl+D is a no
            print()
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "是", "好"):
            print(_("Nothing changed."))
            return EXIT_OK
    restore_backup(path, chosen)
    print(_("Restored {path} from {backup}.").format(path=path, backup=chosen))
    return EXIT_OK


def _pick_backup(backups: list[Path], which: str) -> Path | None:
    if which.isdigit():
        index = int(which) - 1
        return backups[index] if 0 <= index < len(backups) else None
    candidate = Path(which).expanduser()
    return candidate if candidate.is_file() else None


def import_workbook(source: Path, target: Path) -> int:
    """A new workbook at `target` from a JSON export; never overwrites a file."""
    from storage.transfer import import_json  # the TUI path never needs it
    from workbook.identity import profile_problems

    with import_json(source, target) as wb:
        counts = {name: len(repo.list()) for name, repo in wb.repositories().items()}
        profile = wb.profile()
    print(_("Imported {source} into {target}.").format(source=source, target=target))
    print(", ".join(f"{name}: {count}" for name, count in counts.items()))
    # Imported as it was (nothing is dropped); what the profile form would refuse is
    # said now, so that it is corrected before a letter prints it.
    for label, problem in profile_problems(
        profile.id_number, profile.phone, profile.email, today=date.today()
    ):
        print(_("repay: check the profile's {field}: {problem} Correct it in the app "
                "(p, Profile).").format(field=_(label), problem=problem), file=sys.stderr)
    return EXIT_OK


def due(path: Path, *, days: int, today: date) -> int:
    """Print what is due within `days` and what is overdue; 1 when anything is overdue."""
    from workbook.followup.dues import due_report, has_overdue_anything

    if not path.exists():
        print(_("repay: no workbook at {path}").format(path=path), file=sys.stderr)
        return EXIT_ERROR
    with Workbook.open(path, read_only=True) as wb:
        agreements = wb.agreements.list()
        payments = wb.payments.list()
        communications = wb.communications.list()
        debts = wb.debts.list()
        currency = wb.settings().currency
    print(due_report(debts, agreements, payments, communications, today, days, currency))
    return EXIT_OVERDUE if has_overdue_anything(debts, agreements, payments, today) else EXIT_OK
