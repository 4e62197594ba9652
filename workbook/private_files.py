"""Private folders (0700), the one helper every layer uses to make them.

Standard library only, so storage and reports (which may not import each other) share
it. The workbook and every export hold ID numbers and debts: no one else on the
machine may list or read them, whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> Path:
    """Create `folder` and any missing parents as 0700 (existing folders are left
    alone); each new entry is made durable. Returns `folder`."""
    folder = Path(folder)
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for item in reversed(missing):
        try:
            os.mkdir(item, FOLDER_MODE)
        except FileExistsError:  # another process made it meanwhile
            continue
        os.chmod(item, FOLDER_MODE)  # mkdir's mode is filtered through the umask
        fsync_dir(item.parent)
    return folder
