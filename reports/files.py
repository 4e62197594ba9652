"""Writing export files privately and atomically.

The files hold names, ID numbers and debts: they are created 0600 (folders we create
0700), written to a temporary file in the destination folder, flushed to disk and
moved over the destination in one step, so a reader never sees half a file and an
interrupted export leaves the previous one intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from workbook.private_files import FILE_MODE, FOLDER_MODE, make_private_dir


def write_private(out: Path, data: bytes) -> Path:
    """Write `data` to `out` (0600) atomically; returns the absolute path."""
    out = Path(out).expanduser().absolute()
    make_private_dir(out.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
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


__all__ = ["FILE_MODE", "FOLDER_MODE", "write_private"]
