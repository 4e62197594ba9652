"""One writer per workbook: an exclusive `flock` on `<workbook>.lock` for the app's life.

TinyDB has no multi-process safety: two processes would each rewrite the whole file
from their own copy and the later one silently undoes the earlier. The kernel drops
an flock when its holder dies, even by SIGKILL, so a crash never leaves a stale lock;
the side file's content (pid, host, start time) only serves the message shown to a
second process. Read-only opens take no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.errors import UnsafeLocation, WorkbookLocked, WorkbookWriteError
from storage.private import FILE_MODE, UnsafePlace, open_lock_file


def lock_path(workbook: Path) -> Path:
    workbook = Path(workbook)
    return workbook.with_name(workbook.name + ".lock")


@dataclass(frozen=True)
class Holder:
    pid: int | None
    host: str
    since: datetime | None


def _holder_from(raw: bytes) -> Holder:
    try:
        info = json.loads(raw.decode("utf-8"))
        pid = info.get("pid")
        since = info.get("since")
        return Holder(
            pid if isinstance(pid, int) else None,
            str(info.get("host") or ""),
            datetime.fromisoformat(since) if isinstance(since, str) else None,
        )
    except (ValueError, AttributeError):  # being written this instant, or from elsewhere
        return Holder(None, "", None)


class WorkbookLock:
    """Held from `acquire` until `release` (or until the process ends)."""

    def __init__(self, path: Path, fd: int, *, created: bool = False) -> None:
        self.path = path
        self._fd: int | None = fd
        self.created = created  # this acquire made the file (see release(remove=True))

    @classmethod
    def acquire(cls, workbook: Path, *, restoring: bool = False) -> WorkbookLock:
        """Take the lock or raise WorkbookLocked naming the holder."""
        path = lock_path(workbook)
        # O_NOFOLLOW and an owner check: in a folder others can write to, a planted
        # link would make the truncate below cut whatever file it points at.
        existed = os.path.lexists(path)
        try:
            fd = open_lock_file(path)
        except UnsafePlace as unsafe:
            raise UnsafeLocation(unsafe.path, unsafe.why) from None
        except OSError as error:
            raise WorkbookWriteError(path, error, opening=True) from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if not _still_named(fd, path):
                # Removed by a failed open that held it a moment ago: take the new one.
                os.close(fd)
                return cls.acquire(workbook, restoring=restoring)
        except BlockingIOError:
            holder = _holder_from(os.pread(fd, 4096, 0))
            os.close(fd)
            raise WorkbookLocked(
                Path(workbook), holder.pid, holder.host, holder.since, restoring=restoring
            ) from None
        except BaseException:
            os.close(fd)
            raise
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
        # The record only names the holder in a second process's message; the flock is
        # the lock. On a full disk it cannot be written, and that must not stop an open.
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)
            os.ftruncate(fd, 0)
            os.pwrite(fd, raw, 0)
        return cls(path, fd, created=not existed)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self, *, remove: bool = False) -> None:
        """Let go; `remove` also deletes the lock file (while still holding it), for an
        open that failed on a file that is not a workbook: it leaves nothing beside it."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        if remove and _still_named(fd, self.path):
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _still_named(fd: int, path: Path) -> bool:
    """`path` still names the file open as `fd` (not removed or replaced meanwhile)."""
    try:
        named = os.lstat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def holder(workbook: Path) -> Holder | None:
    """Who holds the workbook's lock now, or None when nobody does."""
    path = lock_path(workbook)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:  # none, or a planted link: nobody holds the workbook through it
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder_from(os.pread(fd, 4096, 0))
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


# -- a holder left behind by a dropped SSH link --------------------------------------------
# The kernel drops the flock only when the holder dies. A `repay` whose SSH link hung
# is alive with no terminal, so it holds the workbook forever; these let the next
# `repay` of the same user on the same machine see that and end it (SIGTERM: it keeps
# its drafts and releases the lock on the way out).


def is_local_and_ours(found: Holder) -> bool:
    """The holder runs on this machine under this user (so it may be signalled)."""
    if found.pid is None or found.pid == os.getpid() or found.host != socket.gethostname():
        return False
    try:
        return os.stat(f"/proc/{found.pid}").st_uid == os.getuid()
    except OSError:
        return False


def terminal_gone(pid: int) -> bool:
    """True when the process's terminal was closed (its pty hung up or was removed)."""
    try:
        target = os.readlink(f"/proc/{pid}/fd/0")
    except OSError:
        return False
    if target.endswith(" (deleted)"):
        return True
    return target.startswith("/dev/") and not os.path.exists(target)


def end_holder(workbook: Path, found: Holder, *, wait: float = 10.0) -> bool:
    """SIGTERM the holder and wait until the lock is free; True once it is."""
    import signal
    import time

    if not is_local_and_ours(found) or found.pid is None:
        return False
    try:
        os.kill(found.pid, signal.SIGTERM)
    except ProcessLookupError:
        return holder(workbook) is None
    except OSError:
        return False
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if holder(workbook) is None:
            return True
        time.sleep(0.05)
    return False
