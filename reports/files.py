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
    "UnsafeFolder",
    "check_private_folder",
    "ensure_private_folder",
    "write_private",
]
