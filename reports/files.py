"""Writing export files privately and atomically.

The files hold names, ID numbers and debts: they are created 0600 (folders we create
0700), written to a temporary file in the destination folder, flushed to disk and
moved over the destination in one step, so a reader never sees half a file and an
interrupted export leaves the previous one intact.

An existing file is "ours" (safe to replace with a newer export of the same document)
when it carries repay's mark; anything else (the user's own file) is never replaced
silently: see `reports.export_job`. No list is kept beside the files.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from pathlib import Path

from workbook.i18n import _
from workbook.private_files import FILE_MODE, FOLDER_MODE, make_private_dir


class UnsafeFolder(OSError):
    """The export folder belongs to another user or others can write to it: a planted
    folder (or a link to one) would hand them the letter and the figures."""

    def __init__(self, folder: Path, reason: str) -> None:
        # No errno: the export's error message shows this reason as it is.
        super().__init__(None, reason, str(folder))


def check_private_folder(folder: Path) -> None:
    """UnsafeFolder unless `folder` is ours and nobody else can write to it."""
    info = os.stat(folder)
    if info.st_uid != os.geteuid():
        raise UnsafeFolder(folder, _("the folder belongs to another user"))
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeFolder(folder, _("other users can write to the folder"))


def ensure_private_folder(folder: Path) -> Path:
    """The export folder: made 0700 if missing (workbook.private_files); an existing
    one must be ours and closed to others (UnsafeFolder)."""
    make_private_dir(folder)
    check_private_folder(folder)
    return Path(folder)


def write_private(out: Path, data: bytes) -> Path:
    """Write `data` to `out` (0600) atomically; returns the absolute path."""
    return _write(Path(out).expanduser().absolute(), data)


# What every file repay writes carries near its start or end, by suffix: the PDF's
# creator, the calendar's PRODID, the JSON export's format name. (CSV: its header row.)
_MARKS = {
    ".pdf": b"Repay Workbook",
    ".ics": b"PRODID:-//Repay Workbook//",
    ".json": b'"repay-workbook-export"',
}
_LARGEST = 256 * 1024 * 1024


def is_ours(path: Path) -> bool:
    """True when `path` looks like a file repay wrote (so a newer export may replace it)."""
    path = Path(path)
    try:
        if path.stat().st_size > _LARGEST:
            return False  # bigger than anything we write: not ours
        data = path.read_bytes()  # the PDF's creator sits mid-file, after the fonts
    except OSError:
        return False
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from reports.tables import is_our_header  # tables writes through this module

        first = data.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").rstrip("\r")
        return is_our_header(first)
    mark = _MARKS.get(suffix)
    return mark is not None and mark in data


def may_replace(path: Path) -> bool:
    """Whether writing `path` replaces nothing but an earlier export of ours."""
    path = Path(path)
    return not path.exists() or (path.is_file() and is_ours(path))


def numbered(path: Path) -> Path:
    """The first of `path`, `name-2.ext`, `name-3.ext`… that replaces nothing but ours."""
    path = Path(path)
    candidate, n = path, 1
    while not may_replace(candidate):
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _write(out: Path, data: bytes) -> Path:
    """Write `data` to `out` (0600) atomically; returns the absolute path.

    The temp file is held under flock until its rename: the clean-up at the next
    start (storage.private) removes only temp files nobody holds, that is the ones a
    killed export left.
    """
    out = Path(out).expanduser().absolute()
    ensure_private_folder(out.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        os.close(fd)
    _fsync_folder(out.parent)
    return out


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "is_ours",
    "may_replace",
    "numbered",
    "UnsafeFolder",
    "check_private_folder",
    "ensure_private_folder",
    "write_private",
]
