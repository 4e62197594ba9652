"""Rotating backups of a workbook, kept in `<folder>/backups/<stem>/` (0700, files 0600).

A copy is taken every time the workbook is opened for writing (20 kept), so a wrong
edit or a damaged file can be undone. A copy identical to the newest one is not
taken again: twenty opens without changes must not push older states out. Tagged
copies (the file before a schema migration, the file a restore replaced) are kept
outside the rotation. Every copy is written atomically, like the workbook itself.
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from pathlib import Path

from storage.atomic import write_atomic
from storage.errors import (
    BackupFailed,
    WorkbookCorrupt,
    WorkbookTooNew,
    WorkbookWriteError,
    os_reason,
)
from storage.lock import WorkbookLock
from storage.schema import SCHEMA_VERSION, FileProblem, NewerSchema, parse_workbook
from workbook.private_files import make_private_dir

KEEP = 20
_STAMP = r"\d{8}-\d{6}-\d{6}"


def backup_dir(workbook_path: Path) -> Path:
    workbook_path = Path(workbook_path)
    return workbook_path.parent / "backups" / workbook_path.stem


def _pattern(workbook_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(workbook_path).stem)
    return re.compile(
        rf"^{stem}-(?P<stamp>{_STAMP})(?P<tag>-[a-z0-9-]+)?(?:\.(?P<n>\d+))?\.json$"
    )


def list_backups(workbook_path: Path) -> list[Path]:
    """Every backup of the workbook, newest first."""
    folder = backup_dir(workbook_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(workbook_path)
    found = [(m, p) for p in folder.iterdir() if (m := pattern.match(p.name))]
    # Taken in the same microsecond, `.1`, `.2` ... came later than the bare name.
    found.sort(key=lambda mp: (mp[0]["stamp"], int(mp[0]["n"] or 0)), reverse=True)
    return [p for _, p in found]


def _plain_backups(workbook_path: Path) -> list[Path]:
    pattern = _pattern(workbook_path)
    # list_backups keeps only names the pattern matches; the walrus tells mypy so.
    return [
        p
        for p in list_backups(workbook_path)
        if (m := pattern.match(p.name)) is not None and not m["tag"]
    ]


def _free_name(folder: Path, stem: str, tag: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    base = f"{stem}-{stamp}{'-' + tag if tag else ''}"
    candidate = folder / f"{base}.json"
    n = 1
    while candidate.exists():
        candidate = folder / f"{base}.{n}.json"
        n += 1
    return candidate


def take_backup(workbook_path: Path, *, tag: str = "", keep: int = KEEP) -> Path | None:
    """Copy the workbook into its backup folder; None when there is nothing to copy.

    Untagged copies rotate (the newest `keep` stay); when the newest untagged copy
    already holds these bytes it is returned instead of a new one.
    """
    workbook_path = Path(workbook_path)
    try:
        raw = workbook_path.read_bytes()
    except FileNotFoundError:
        return None
    if not raw:
        return None
    folder = backup_dir(workbook_path)
    try:
        make_private_dir(folder)
        if not tag:
            plain = _plain_backups(workbook_path)
            if plain and plain[0].read_bytes() == raw:
                return plain[0]
        target = _free_name(folder, workbook_path.stem, tag)
        write_atomic(target, raw)
        if not tag:
            for old in _plain_backups(workbook_path)[keep:]:
                with contextlib.suppress(FileNotFoundError):
                    old.unlink()
    except OSError as error:
        raise BackupFailed(workbook_path, folder, error) from error
    return target


def is_good(backup: Path) -> bool:
    """The backup parses and has a schema this program can open."""
    try:
        parse_workbook(Path(backup).read_bytes())
    except (OSError, FileProblem, NewerSchema):
        return False
    return True


def newest_good_backup(workbook_path: Path) -> Path | None:
    return next((b for b in list_backups(workbook_path) if is_good(b)), None)


def restore_backup(workbook_path: Path, backup: Path) -> None:
    """Put `backup` back as the workbook, keeping the file it replaces as a tagged backup.

    Refused (WorkbookLocked) while any process has the workbook open for writing.
    """
    workbook_path, backup = Path(workbook_path), Path(backup)
    try:
        raw = backup.read_bytes()
    except OSError as error:
        raise WorkbookCorrupt(
            backup, os_reason(error), newest_good_backup(workbook_path), workbook=workbook_path
        ) from error
    try:
        parse_workbook(raw)
    except FileProblem as error:
        raise WorkbookCorrupt(
            backup, error.problem, newest_good_backup(workbook_path), workbook=workbook_path
        ) from error
    except NewerSchema as error:
        raise WorkbookTooNew(
            backup,
            error.version,
            SCHEMA_VERSION,
            newest_good_backup(workbook_path),
            workbook=workbook_path,
        ) from error
    try:
        make_private_dir(workbook_path.parent)
    except OSError as error:
        raise WorkbookWriteError(workbook_path.parent, error, opening=True) from error
    lock = WorkbookLock.acquire(workbook_path, restoring=True)
    try:
        take_backup(workbook_path, tag="before-restore")
        try:
            write_atomic(workbook_path, raw)
        except OSError as error:
            raise WorkbookWriteError(workbook_path, error) from error
    finally:
        lock.release()
