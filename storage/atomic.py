"""Durable, atomic file writes, and the TinyDB storage classes built on them.

TinyDB's own JSONStorage rewrites the file in place (seek 0, write, truncate). A crash
between the write and the truncate leaves text that no longer parses, and a crash in
the middle of the write leaves half of the new text over the old. Here a write
serialises everything first, writes a temporary file in the same folder (so that
`os.replace` is a rename within one filesystem), flushes and fsyncs it, replaces the
target and fsyncs the folder so that the rename itself is on disk. At every instant
the path holds either the old bytes or the new ones, never a mixture.

The storage keeps the last data it wrote (or was opened with) in memory: the
workbook's lock means no other process writes the file, so reads need not parse it
again. Records are never changed in place: every write builds new table dicts, so the
in-memory copy always equals the file, also after a write that failed.

A record is held in one of two forms: the JSON dict it was read or written as, or,
once a repository has decoded it (`keep_decoded`), the decoded record itself, which
the app's snapshot then shares. A 10,000-entry log held as JSON dicts beside its
decoded records cost ~8 MB; a record only changes form when encoding it gives back
exactly the dict it replaces, so what is written is the same either way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from storage.errors import ReadOnlyError, WorkbookWriteError
from storage.private import (
    DIR_MODE,
    FILE_MODE,
    TEMP_SUFFIX,
    fsync_dir,
    make_private_dir,
    remove_stale_temps,
    temp_prefix,
)
from workbook.codec import encode_record

Tables = dict[str, dict[str, Any]]

__all__ = ["DIR_MODE", "FILE_MODE", "TEMP_SUFFIX", "fsync_dir", "make_private_dir", "temp_prefix"]


def _write_temp(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` durably (0600); on any error the old file is untouched.

    The temp file is created with O_EXCL (mkstemp: never through a planted link) and
    held under flock until it has been renamed, so that the clean-up of another
    process never takes it for one a killed writer left (storage.private).
    """
    path = Path(path)
    folder = path.parent
    for attempt in (1, 2):
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.fchmod(fd, FILE_MODE)
            _write_temp(fd, data)
            os.replace(tmp, path)
        except FileNotFoundError:
            # Another process's clean-up removed the temp file in the instant between
            # mkstemp and flock: write it again once.
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if attempt == 2:
                raise
            continue
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        os.close(fd)
        break
    fsync_dir(folder)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Temporary files a killed writer left next to `path`."""
    return remove_stale_temps(Path(path).parent, f".{Path(path).name}")


def _encode_extra(value: Any) -> Any:
    # Files read with parse_float=Decimal may carry Decimals: they go back as strings.
    if isinstance(value, Decimal):
        return str(value)
    # A record kept decoded (AtomicJSONStorage.keep_decoded) goes back as the dict it
    # was decoded from.
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode_record(value)
    raise TypeError(f"cannot store {type(value).__name__}")


def dumps(data: Any) -> bytes:
    """UTF-8 JSON without ASCII escaping (Chinese stays readable and small)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_encode_extra)
    return text.encode("utf-8")


def _table_copies(data: Tables) -> Tables:
    # New top-level and table dicts, shared records: TinyDB replaces whole tables.
    return {name: dict(table) for name, table in data.items()}


def _same_order(encoded: dict[str, Any], doc: dict[str, Any]) -> bool:
    """Whether two equal dicts also list their keys (nested ones too) in one order."""
    if list(encoded) != list(doc):
        return False
    for key, value in encoded.items():
        if isinstance(value, dict) and not _same_order(value, doc[key]):
            return False
        if isinstance(value, list):
            for item, other in zip(value, doc[key], strict=True):
                if isinstance(item, dict) and not _same_order(item, other):
                    return False
    return True


def encodes_back(record: object, doc: dict[str, Any]) -> bool:
    """Whether `record` encodes to exactly `doc`, keys in the same order: holding the
    record instead of the dict then changes nothing the file would get."""
    encoded = encode_record(record)
    return encoded == doc and _same_order(encoded, doc)


class _KeepsDecoded(Storage):
    _data: Tables

    def __init__(self) -> None:
        super().__init__()
        # Held by a repository while it decodes a table: the app's worker thread and
        # its main thread may both read the workbook at start, and two decodes at
        # once would leave the app holding records the storage does not (twice the
        # memory). The second waits and finds them decoded.
        self.decoding = threading.Lock()

    def keep_decoded(self, name: str, key: str, doc: Any, record: object) -> bool:
        """Hold `record` instead of the JSON dict `doc` it was decoded from, when the
        data read now still holds `doc` there and `record` encodes back to exactly
        `doc` (same keys in the same order: the file would not change by a byte).

        True if kept. A dict that does not come back the same (an unknown key from a
        newer program, a number where text is usual) stays as it is.
        """
        table = self._data.get(name)
        if table is None or table.get(key) is not doc or not isinstance(doc, dict):
            return False
        if not encodes_back(record, doc):
            return False
        # Another thread may have written in between: the data of a write is new
        # table dicts, so this only ever changes the table it checked above.
        table[key] = record
        return True


class AtomicJSONStorage(_KeepsDecoded):
    """A TinyDB storage whose every write is atomic and durable (see the module doc)."""

    def __init__(self, path: Path, data: Tables) -> None:
        super().__init__()
        self.path = Path(path)
        self._data = data
        self._pending: Tables | None = None
        self._depth = 0

    def read(self) -> Tables:
        return _table_copies(self._pending if self._pending is not None else self._data)

    def write(self, data: Tables) -> None:
        if self._depth:
            self._pending = data
            return
        self._write_now(data)

    def _write_now(self, data: Tables) -> None:
        raw = dumps(data)  # serialise first: a record that cannot be stored changes nothing
        try:
            write_atomic(self.path, raw)
        except OSError as error:
            raise WorkbookWriteError(self.path, error) from error
        self._data = data

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes made inside into one durable write at the end.

        An exception inside discards the writes made in this block (a nested block
        acts as a savepoint of the outer one).
        """
        saved = self._pending
        self._depth += 1
        try:
            yield
        except BaseException:
            self._pending = saved
            raise
        finally:
            self._depth -= 1
        if self._depth == 0 and self._pending is not None:
            data, self._pending = self._pending, None
            self._write_now(data)

    def close(self) -> None:
        self._pending = None


class ReadOnlyStorage(_KeepsDecoded):
    """The workbook as it was read (and migrated in memory); writes are refused."""

    def __init__(self, path: Path, data: Tables) -> None:
        super().__init__()
        self.path = Path(path)
        self._data = data

    def read(self) -> Tables:
        return _table_copies(self._data)

    def write(self, data: Tables) -> None:
        raise ReadOnlyError(self.path)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        yield
