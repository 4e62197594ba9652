"""Opening a workbook in two parts, so that the first screen need not wait for the data.

`claim()` does what needs no reading of the records: the checks on the path (a folder,
a link to nothing, a FIFO), the private folder and the lock. It is quick, and a busy
workbook is reported before any screen is drawn. `Workbook.load_claimed(claim)` then
reads the file, checks every record, takes the backup and migrates (storage.workbook):
on a workbook of 10,000 log entries that is the part that takes time. `Workbook.open`
is the two in a row; the app draws its first frame in between.

This module imports no TinyDB and no domain records: the TUI imports it before its
first frame.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.errors import WorkbookCorrupt, WorkbookIsFolder, WorkbookMissing, WorkbookWriteError
from storage.lock import WorkbookLock
from storage.private import real_path
from workbook.i18n import _
from workbook.private_files import make_private_dir

# The settings table is near the end of the file (a new workbook is made with its tables
# in the order records, profile, settings, meta, and TinyDB keeps that order), so the
# last bytes are enough to find it; a file in another order is simply not peeked into.
TAIL_BYTES = 64 * 1024
# Only these are read ahead: what the first frame needs (its language, colours, title).
PEEKED = ("language", "theme", "workbook_name")
SETTINGS_KEY = b'"settings":{'


@dataclass
class Claim:
    """A workbook whose path is checked and whose lock is held, not read yet."""

    path: Path
    read_only: bool
    lock: WorkbookLock | None
    create: bool = True
    # Set by Workbook.load_claimed: the workbook then holds the lock.
    loaded: bool = False

    def release(self) -> None:
        """Give the claim up without loading (the app ended before it read the file)."""
        if not self.loaded and self.lock is not None:
            self.loaded = True  # nothing left to load or to let go
            self.lock.release()

    def peek_settings(self) -> dict[str, str]:
        """The saved language, theme and name, read from the file's last bytes; {} when
        they cannot be found that way (the full read then decides, a moment later)."""
        return peek_settings(self.path)


def claim(path: Path | str, *, read_only: bool = False, create: bool = True) -> Claim:
    """Check `path` and take its lock (not for read-only); WorkbookError when refused."""
    given = Path(path).expanduser()
    real = real_path(given)
    if real.is_dir():  # before any lock file is made beside it
        raise WorkbookIsFolder(real)
    if given.is_symlink() and not real.exists():
        # A link to nothing (or a loop) is never followed to create a file.
        raise WorkbookMissing(given)
    if real.exists() and not real.is_file():  # a FIFO, /dev/zero: no lock beside it
        raise WorkbookCorrupt(real, _("it is not a regular file"), None)
    if read_only:
        return Claim(real, True, None, create=False)
    if not create and not real.exists():
        raise WorkbookMissing(real)
    try:
        make_private_dir(real.parent)
    except OSError as error:
        raise WorkbookWriteError(real.parent, error, opening=True) from error
    return Claim(real, False, WorkbookLock.acquire(real), create=create)


def peek_settings(path: Path) -> dict[str, str]:
    """See Claim.peek_settings. Never raises; never reads more than TAIL_BYTES."""
    try:
        tail = _tail(path)
        at = tail.rfind(SETTINGS_KEY)
        if at < 0:
            return {}
        # Inside a JSON string a quote is escaped, so the key found is the table's own.
        text = tail[at + len(SETTINGS_KEY) - 1 :].decode("utf-8")
        table, _end = json.JSONDecoder().raw_decode(text)
    except (OSError, ValueError):
        return {}
    record: Any = table.get("1") if isinstance(table, dict) else None
    if not isinstance(record, dict):
        return {}
    return {key: record[key] for key in PEEKED if isinstance(record.get(key), str)}


def _tail(path: Path) -> bytes:
    # O_NONBLOCK: a FIFO put in the file's place since the claim does not hang the start.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return b""
        os.lseek(fd, max(0, info.st_size - TAIL_BYTES), os.SEEK_SET)
        return os.read(fd, TAIL_BYTES)
    finally:
        os.close(fd)
