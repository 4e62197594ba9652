"""Rotating backups of a workbook, kept in `<folder>/backups/<stem>/` (0700, files 0600).

A copy is taken every time the workbook is opened for writing (20 kept), so a wrong
edit or a damaged file can be undone. A copy identical to the newest one is not
taken again: twenty opens without changes must not push older states out. Tagged
copies (the file before a schema migration, the file a restore replaced) rotate on
their own (10 kept), so plain opens never push them out. Every copy is written
atomically, like the workbook itself.

Order is the order the copies were taken: each name carries a sequence number one
above the highest in the folder, so a clock set back cannot make new copies look
older than the ones they should replace (copies from before the numbers existed
come first, by modification time). A backup is good only when it passes the very
check an open makes, every record included: offering one that an open refuses
would send the user in a circle.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from storage.atomic import write_atomic
from storage.errors import (
    BackupFailed,
    UnsafeLocation,
    WorkbookCorrupt,
    WorkbookTooNew,
    WorkbookUnreadable,
    WorkbookWriteError,
    os_reason,
)
from storage.lock import WorkbookLock
from storage.private import (
    NotRegular,
    TooLarge,
    UnsafePlace,
    check_own_folder,
    make_private_dir,
    own_private_dir,
    read_regular,
    real_path,
    remove_stale_temps,
)
from storage.records import check_workbook_bytes
from storage.schema import SCHEMA_VERSION, FileProblem, NewerSchema
from workbook.i18n import N_, _

KEEP = 20
EXPORT_ENDINGS = (".pdf", ".csv", ".json", ".ics")  # what reports.export_job writes
KEEP_TAGGED = 10
_STAMP = r"\d{8}-\d{6}-\d{6}"


def backup_dir(workbook_path: Path) -> Path:
    workbook_path = Path(workbook_path)
    return workbook_path.parent / "backups" / workbook_path.stem


def _pattern(workbook_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(workbook_path).stem)
    return re.compile(
        rf"^{stem}-(?:(?P<seq>\d{{6,}})-)?(?P<stamp>{_STAMP})(?P<tag>-[a-z0-9-]+)?"
        rf"(?:\.(?P<n>\d+))?\.json$"
    )


def _safe_folder(workbook_path: Path) -> bool:
    """The backup folder and `backups/` are real folders of ours that others cannot write:
    copies in a folder another user controls could be theirs, offered as ours."""
    folder = backup_dir(workbook_path)
    try:
        check_own_folder(folder.parent)
        check_own_folder(folder)
    except (UnsafePlace, OSError):
        return False
    return True


def _entries(workbook_path: Path) -> list[tuple[re.Match[str], Path]]:
    """(name match, path) of every backup, newest first."""
    if not _safe_folder(workbook_path):
        return []
    folder = backup_dir(workbook_path)
    pattern = _pattern(workbook_path)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None:
            continue
        try:
            mtime = path.lstat().st_mtime_ns
        except OSError:
            continue
        seq = int(match["seq"]) if match["seq"] else -1
        # Taken in the same microsecond, `.1`, `.2` ... came later than the bare name.
        found.append(((seq, mtime, int(match["n"] or 0)), match, path))
    found.sort(key=lambda item: item[0], reverse=True)
    return [(match, path) for _key, match, path in found]


def list_backups(workbook_path: Path) -> list[Path]:
    """Every backup of the workbook, newest first."""
    return [path for _match, path in _entries(workbook_path)]


def _next_seq(workbook_path: Path) -> int:
    seqs = [int(m["seq"]) for m, _p in _entries(workbook_path) if m["seq"]]
    return max(seqs, default=0) + 1


def _free_name(folder: Path, stem: str, tag: str, seq: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    base = f"{stem}-{seq:06d}-{stamp}{'-' + tag if tag else ''}"
    candidate = folder / f"{base}.json"
    n = 1
    while os.path.lexists(candidate):
        candidate = folder / f"{base}.{n}.json"
        n += 1
    return candidate


def _rotate(workbook_path: Path, *, tagged: bool, keep: int) -> None:
    same_kind = [p for m, p in _entries(workbook_path) if bool(m["tag"]) == tagged]
    for old in same_kind[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()


def _holds(path: Path, raw: bytes, chunk: int = 1 << 20) -> bool:
    """Whether the file at `path` holds exactly `raw`, read a chunk at a time: at every
    open of a big workbook, reading the whole backup beside the workbook's own bytes
    and its decoded records added ~5 MB to the app's peak memory."""
    view = memoryview(raw)
    with open(path, "rb") as file:
        if os.fstat(file.fileno()).st_size != len(raw):
            return False
        for start in range(0, len(raw), chunk):
            if file.read(chunk) != view[start:start + chunk]:
                return False
        return file.read(1) == b""


def take_backup(workbook_path: Path, *, tag: str = "", keep: int = KEEP) -> Path | None:
    """Copy the workbook into its backup folder; None when there is nothing to copy.

    Copies of each kind (plain, tagged) rotate: the newest `keep` plain ones and
    KEEP_TAGGED tagged ones stay. When the newest plain copy already holds these
    bytes it is returned instead of a new one.
    """
    workbook_path = real_path(workbook_path)
    try:
        raw = read_regular(workbook_path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WorkbookUnreadable(workbook_path, error) from error
    if not raw:
        return None
    folder = backup_dir(workbook_path)
    try:
        own_private_dir(folder, below=workbook_path.parent)
        entries = _entries(workbook_path)
        if not tag:
            plain = [p for m, p in entries if not m["tag"]]
            if plain and _holds(plain[0], raw):
                return plain[0]
        target = _free_name(folder, workbook_path.stem, tag, _next_seq(workbook_path))
        write_atomic(target, raw)
        _rotate(workbook_path, tagged=bool(tag), keep=keep if not tag else KEEP_TAGGED)
    except UnsafePlace as unsafe:
        raise UnsafeLocation(unsafe.path, unsafe.why) from None
    except OSError as error:
        raise BackupFailed(workbook_path, folder, error) from error
    return target


# What is wrong with a backup, for `repay restore`'s list (translated when shown).
BACKUP_PROBLEMS = {
    "damaged": N_("damaged: cannot be restored"),
    "too-new": N_("from a newer version: cannot be restored"),
    "unreadable": N_("cannot be read: {reason}"),
}


def backup_problem(backup: Path) -> str | None:
    """Why `backup` cannot be restored, as a phrase in the UI language; None if it can."""
    try:
        check_workbook_bytes(read_regular(Path(backup)))
    except (FileProblem, NotRegular, TooLarge):
        return _(BACKUP_PROBLEMS["damaged"])
    except NewerSchema:
        return _(BACKUP_PROBLEMS["too-new"])
    except OSError as error:
        return _(BACKUP_PROBLEMS["unreadable"]).format(reason=os_reason(error))
    return None


def is_good(backup: Path) -> bool:
    """The backup passes the check an open makes (every record) at this schema or older."""
    return backup_problem(backup) is None


def newest_good_backup(workbook_path: Path) -> Path | None:
    return next((b for b in list_backups(workbook_path) if is_good(b)), None)


def restore_backup(workbook_path: Path, backup: Path) -> None:
    """Put `backup` back as the workbook, keeping the file it replaces as a tagged backup.

    Refused (WorkbookLocked) while any process has the workbook open for writing.
    """
    workbook_path, backup = real_path(workbook_path), Path(backup)
    try:
        raw = read_regular(backup)
    except OSError as error:
        if isinstance(error, FileNotFoundError | IsADirectoryError):
            raise WorkbookCorrupt(
                backup, os_reason(error), newest_good_backup(workbook_path), workbook=workbook_path
            ) from error
        raise WorkbookUnreadable(backup, error) from error
    except (NotRegular, TooLarge) as error:
        raise WorkbookCorrupt(
            backup, _("it is not a regular file"), newest_good_backup(workbook_path),
            workbook=workbook_path,
        ) from error  # fmt: skip
    try:
        check_workbook_bytes(raw)
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


def export_folders(workbook_path: Path, settings: Any) -> list[Path]:
    """Where exports of this workbook go: `exports/` beside it and the folder set in
    the settings (relative to the workbook's folder), as reports.export_job chooses."""
    base = Path(workbook_path).parent
    folders = [base / "exports"]
    chosen = settings.get("export_dir") if isinstance(settings, dict) else None
    if isinstance(chosen, str) and chosen.strip():
        path = Path(chosen.strip()).expanduser()
        folders.append(path if path.is_absolute() else base / path)
    return folders


def clean_side_folders(workbook_path: Path, settings: Any) -> list[Path]:
    """Temp files killed backups and exports left (partial copies of personal data).

    Only in folders of ours that others cannot write to, and only unlocked temp files
    of ours (see storage.private.remove_stale_temps).
    """
    removed = []
    folders = [backup_dir(workbook_path), *export_folders(workbook_path, settings)]
    for n, folder in enumerate(folders):
        try:
            check_own_folder(folder)
        except (UnsafePlace, OSError):
            continue
        removed += remove_stale_temps(folder, ".", EXPORT_ENDINGS if n else (".json",))
    return removed
