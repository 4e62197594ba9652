"""Private places on disk: folders we make (0700), files we read, temp files we clean.

A workbook may sit in a folder other users can write to (a shared drive, /tmp). There
another user can plant a symbolic link, a hard link or a folder of their own where the
program is about to create something, and the program would then truncate, chmod or
write into whatever that points at. So: every file we create is opened with
O_NOFOLLOW (and O_EXCL when new); a folder we keep copies in must be a real folder of
ours that nobody else can write to; a file we read must be a regular file (a FIFO
blocks, /dev/zero never ends).

Temporary files are held under an `flock` while they are written, so the clean-up at
the next start can tell a file a killed writer left (the kernel dropped its lock) from
one another process is writing now.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
from pathlib import Path

# The one helper for private folders (shared with reports, which may not import storage).
from workbook.private_files import FILE_MODE, FOLDER_MODE, fsync_dir, make_private_dir

__all__ = [
    "DIR_MODE",
    "FILE_MODE",
    "FOLDER_MODE",
    "MAX_READ_BYTES",
    "TEMP_SUFFIX",
    "NotRegular",
    "TooLarge",
    "UnsafePlace",
    "check_own_file",
    "check_own_folder",
    "fsync_dir",
    "make_private_dir",
    "open_lock_file",
    "own_private_dir",
    "read_regular",
    "real_path",
    "remove_stale_temps",
    "temp_prefix",
]

DIR_MODE = FOLDER_MODE
TEMP_SUFFIX = ".tmp"
# Far beyond any workbook a person keeps; reading more would only exhaust the memory
# before JSON could say what is wrong.
MAX_READ_BYTES = 512 * 1024 * 1024


class UnsafePlace(Exception):
    """`path` must not be used; `why` is a key of storage.errors' UNSAFE_REASONS."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path, self.why = Path(path), why


class NotRegular(Exception):
    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.path, self.kind = Path(path), kind


class TooLarge(Exception):
    def __init__(self, path: Path, size: int) -> None:
        super().__init__(f"{path}: {size} bytes")
        self.path, self.size = Path(path), size


def real_path(path: Path | str) -> Path:
    """The absolute path with every symbolic link resolved, worked out once.

    Opening a workbook by a link and by its real path must lock and write the same
    file; and an atomic rename over a link would replace the link, not the workbook.
    """
    return Path(os.path.realpath(Path(path).expanduser()))


def check_own_file(path: Path, info: os.stat_result) -> None:
    """UnsafePlace unless `info` (an fstat of `path`) is a regular file of ours, one name."""
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePlace(path, "not-regular")
    if info.st_uid != os.geteuid():
        raise UnsafePlace(path, "other-owner")
    if info.st_nlink != 1:  # a hard link planted elsewhere would share our writes
        raise UnsafePlace(path, "hard-link")


def check_own_folder(folder: Path) -> None:
    """UnsafePlace unless `folder` is a real folder (no link) of ours others cannot write."""
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePlace(folder, "symlink")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePlace(folder, "not-folder")
    if info.st_uid != os.geteuid():
        raise UnsafePlace(folder, "other-owner")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafePlace(folder, "others-write")


def own_private_dir(folder: Path, *, below: Path) -> None:
    """`folder` under `below`, each level a real folder of ours (checked before anything
    is made inside it), missing levels made 0700; UnsafePlace otherwise."""
    folder, below = Path(folder), Path(below)
    levels = [folder, *(p for p in folder.parents if below in p.parents)]
    for level in reversed(levels):
        if not os.path.lexists(level):
            try:
                os.mkdir(level, DIR_MODE)
            except FileExistsError:  # another process made it meanwhile
                pass
            else:
                os.chmod(level, DIR_MODE)  # mkdir's mode is filtered through the umask
                fsync_dir(level.parent)
        check_own_folder(level)


def open_lock_file(path: Path) -> int:
    """An fd on the lock file `path`, created 0600; never through a link (UnsafePlace)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
    try:
        fd = os.open(path, flags, FILE_MODE)
    except OSError as error:
        # ELOOP for a link; in a sticky folder the kernel may say EACCES first.
        try:
            info = os.lstat(path)
        except OSError:
            raise error from None
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePlace(path, "symlink") from error
        if info.st_uid != os.geteuid():
            raise UnsafePlace(path, "other-owner") from error
        raise
    try:
        check_own_file(path, os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path, limit: int = MAX_READ_BYTES) -> bytes:
    """The bytes of the regular file `path`; NotRegular or TooLarge instead of hanging."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(path, "device" if stat.S_ISCHR(info.st_mode) else "special")
        if info.st_size > limit:
            raise TooLarge(path, info.st_size)
        # One buffer of the file's size (FileIO.readall), not chunks joined into a
        # second copy: opening a 5 MB workbook held 10 MB for a moment.
        with os.fdopen(os.dup(fd), "rb", buffering=0) as file:
            data = file.readall()
        if len(data) > limit:  # grew since the fstat
            raise TooLarge(path, len(data))
        return data
    finally:
        os.close(fd)


def temp_prefix(path: Path) -> str:
    """Temporary files for `path` are hidden siblings: `.<name>.<random>.tmp`."""
    return f".{Path(path).name}."


def remove_stale_temps(
    folder: Path, prefix: str = ".", targets: tuple[str, ...] = ("",)
) -> list[Path]:
    """Temporary files a killed writer left in `folder` (ours, unlocked); removed.

    Only names as our writers make them: `<prefix>...<target ending>.<8 random>.tmp`
    (tempfile.mkstemp), so another program's temp file in a shared export folder is
    never touched. A temp file is held under flock by its writer until it is renamed,
    so one whose lock can be taken has no writer: the kernel dropped it when it died.
    """
    endings = "|".join(re.escape(t) for t in targets)
    ours = re.compile(rf"{re.escape(prefix)}.*(?:{endings})\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not ours.fullmatch(name):
            continue
        item = Path(folder) / name
        try:
            fd = os.open(item, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue  # a link or gone: not ours to remove
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # being written right now
            with contextlib.suppress(OSError):
                os.unlink(item)
                removed.append(item)
        finally:
            os.close(fd)
    return removed
