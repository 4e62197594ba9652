"""The workbook: one TinyDB file opened safely, with a repository per entity.

Opening for writing takes the lock, refuses (and leaves untouched) a file that is
empty, does not parse or has a newer schema, takes a rotating backup, migrates an
older schema (keeping the old file as a tagged backup) and removes temporary files
a killed writer left behind. Opening read-only takes no lock and never writes;
older schemas are migrated in memory only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Table

from storage.atomic import (
    FILE_MODE,
    AtomicJSONStorage,
    ReadOnlyStorage,
    dumps,
    remove_stale_temp_files,
    write_atomic,
)
from storage.backup import clean_side_folders, newest_good_backup, take_backup
from storage.claim import Claim, claim
from storage.errors import (
    ReadOnlyError,
    WorkbookClosed,
    WorkbookCorrupt,
    WorkbookError,
    WorkbookMissing,
    WorkbookTooNew,
    WorkbookUnreadable,
    WorkbookWriteError,
)
from storage.lock import WorkbookLock
from storage.private import NotRegular, TooLarge, read_regular, real_path
from storage.records import ENTITY_CLASSES, decoded_data, records_problem
from storage.repository import DECODE_ERRORS, Repository
from storage.schema import (
    SCHEMA_VERSION,
    SINGLE_ID,
    Data,
    FileProblem,
    NewerSchema,
    meta_record,
    new_workbook_data,
    parse_workbook,
    table_label,
    with_workbook_id,
    workbook_text,
)
from workbook.codec import from_dict, to_dict
from workbook.followup.agreements import with_agreed_proposals
from workbook.i18n import _
from workbook.links import Linked, linked_records
from workbook.models import (
    Agreement,
    Communication,
    Debt,
    ExpenseItem,
    Hardship,
    IncomeItem,
    Payment,
    Profile,
    Proposal,
    Settings,
)
from workbook.snapshot import WorkbookData

R = TypeVar("R")
S = TypeVar("S", Profile, Settings)


def normal_path(path: Path | str) -> Path:
    """The workbook's one real path (links resolved): see storage.private.real_path."""
    return real_path(path)


def read_file(path: Path) -> bytes:
    """The bytes of the workbook (or backup) at `path`, or the WorkbookError saying why not."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        raise WorkbookMissing(path) from None
    except IsADirectoryError:
        raise WorkbookCorrupt(path, _("it is a folder, not a file"), None) from None
    except NotRegular:
        raise WorkbookCorrupt(path, _("it is not a regular file"), None) from None
    except TooLarge as error:
        problem = _("it is too large to be a workbook ({size} MB)").format(
            size=error.size // (1024 * 1024)
        )
        raise WorkbookCorrupt(path, problem, None) from None
    except OSError as error:  # permissions, a disk error: the file is not damaged
        raise WorkbookUnreadable(path, error) from error


def read_checked(path: Path) -> tuple[Data, int]:
    """The file's tables and schema version, or WorkbookCorrupt/WorkbookTooNew. Never writes."""
    try:
        # The bytes are let go once decoded (they are only this call's argument).
        return parse_workbook(workbook_text(read_file(path)))
    except FileProblem as error:
        raise WorkbookCorrupt(path, error.problem, newest_good_backup(path)) from error
    except NewerSchema as error:
        raise WorkbookTooNew(
            path, error.version, SCHEMA_VERSION, newest_good_backup(path)
        ) from error


def migrated(path: Path, data: Data, version: int) -> Data:
    """`data` at this program's schema, every record decoded (WorkbookCorrupt if one
    cannot be): held decoded where that changes nothing written (storage.records)."""
    try:
        return decoded_data(data, version)
    except FileProblem as error:
        raise WorkbookCorrupt(path, error.problem, newest_good_backup(path)) from error


def check_workbook(path: Path | str) -> Path:
    """Raise as a read-only open of `path` would (damage, newer schema); its real path."""
    path = normal_path(path)
    data, version = read_checked(path)
    migrated(path, data, version)
    return path


class Workbook:
    """An open workbook. Use `Workbook.open(...)`, ideally as a context manager."""

    def __init__(
        self,
        path: Path,
        storage: AtomicJSONStorage | ReadOnlyStorage,
        lock: WorkbookLock | None,
    ) -> None:
        self.path = path
        self.read_only = lock is None
        self._storage = storage
        self._lock = lock
        self._closed = False
        self._db = TinyDB(storage=lambda: storage)
        self._tables: dict[str, Table] = {}
        self.debts: Repository[Debt] = Repository(self, "debts", Debt)
        self.incomes: Repository[IncomeItem] = Repository(self, "incomes", IncomeItem)
        self.expenses: Repository[ExpenseItem] = Repository(self, "expenses", ExpenseItem)
        self.proposals: Repository[Proposal] = Repository(self, "proposals", Proposal)
        self.hardships: Repository[Hardship] = Repository(self, "hardships", Hardship)
        self.communications: Repository[Communication] = Repository(
            self, "communications", Communication
        )
        self.agreements: Repository[Agreement] = Repository(self, "agreements", Agreement)
        self.payments: Repository[Payment] = Repository(self, "payments", Payment)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, create: bool = True) -> Workbook:
        return cls.load_claimed(claim(path, read_only=read_only, create=create))

    @classmethod
    def load_claimed(cls, claimed: Claim) -> Workbook:
        """The second half of `open` (storage.claim): read, check, back up, migrate.
        Once per claim; on any error the lock is let go, as a failed open does."""
        if claimed.loaded:
            raise RuntimeError("a claim is loaded once")
        claimed.loaded = True
        path = claimed.path
        if claimed.lock is None:
            data, version = read_checked(path)
            return cls(path, ReadOnlyStorage(path, migrated(path, data, version)), None)
        lock = claimed.lock
        try:
            data = cls._prepare(path, claimed.create)
        except BaseException:
            # A file that is not a workbook gets no `.lock` left beside it.
            lock.release(remove=lock.created)
            raise
        return cls(path, AtomicJSONStorage(path, data), lock)

    @staticmethod
    def _prepare(path: Path, create: bool) -> Data:
        """Under the lock: check, back up and migrate the file, or create it."""
        try:
            remove_stale_temp_files(path)
            if not path.exists():
                if not create:
                    raise WorkbookMissing(path)
                data = new_workbook_data()
                write_atomic(path, dumps(data))
                return data
            data, version = read_checked(path)
            upgraded = migrated(path, data, version)  # refused here leaves no backup behind
            if os.stat(path).st_mode & 0o777 != FILE_MODE:
                os.chmod(path, FILE_MODE)
            take_backup(path)
            clean_side_folders(path, data.get("settings", {}).get(SINGLE_ID))
            if version < SCHEMA_VERSION:
                take_backup(path, tag=f"schema{version}")
            # A workbook from before ids were kept gets one the first time it is opened
            # for writing (after the backup above), so its calendar UIDs stay put.
            identified = with_workbook_id(upgraded)
            if version < SCHEMA_VERSION or identified is not upgraded:
                write_atomic(path, dumps(identified))
            return identified
        except OSError as error:
            raise WorkbookWriteError(path, error, opening=True) from error

    # --- lifetime ---------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._db.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Workbook {self.path} {mode}{' closed' if self._closed else ''}>"

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def schema_version(self) -> int:
        return int(meta_record(self._storage.read())["schema_version"])

    def repositories(self) -> dict[str, Repository[Any]]:
        """Table name -> repository, for code that walks every entity (export, demo)."""
        return {name: getattr(self, name) for name in ENTITY_CLASSES}

    # --- single documents ---------------------------------------------------------

    def profile(self) -> Profile:
        return self._single("profile", Profile)

    def save_profile(self, p: Profile) -> None:
        self._save_single("profile", p)

    def settings(self) -> Settings:
        return self._single("settings", Settings)

    def save_settings(self, s: Settings) -> None:
        self._save_single("settings", s)

    def _single(self, name: str, cls: type[S]) -> S:
        self._check_open()
        doc = self._storage.read().get(name, {}).get(SINGLE_ID)
        if doc is None:
            return cls()
        try:
            return from_dict(cls, doc)
        except DECODE_ERRORS as error:
            problem = _("{record} cannot be read ({error})").format(
                record=table_label(name), error=error
            )
            raise WorkbookCorrupt(self.path, problem, self._newest_good_backup()) from error

    def _save_single(self, name: str, record: Profile | Settings) -> None:
        doc = to_dict(record)

        def change(tables: Data) -> None:
            if name == "settings" and not doc.get("workbook_id"):
                # Settings built afresh (the demo's, a reset) never drop the id: the
                # calendar's UIDs hang on it.
                stored = tables.get(name, {}).get(SINGLE_ID) or {}
                if stored.get("workbook_id"):
                    doc["workbook_id"] = stored["workbook_id"]
            tables[name] = {SINGLE_ID: doc}

        self._transact(change)

    # --- whole-workbook reads and changes ------------------------------------------

    def snapshot(self) -> WorkbookData:
        """Every table and the profile, as the domain's whole-workbook value."""
        lists = {name: self.repositories()[name].list() for name in ENTITY_CLASSES}
        # A proposal with an agreement recorded for it reads as accepted, also in files
        # written before saving an agreement marked it so.
        lists["proposals"] = with_agreed_proposals(lists["proposals"], lists["agreements"])
        settings = self.settings()
        return WorkbookData(
            **lists, profile=self.profile(), cards_read=tuple(settings.cards_read),
            extra_lpr=tuple(settings.extra_lpr),
        )

    def delete_debt(self, debt_id: int) -> Linked:
        """Delete a debt with its plan, agreements and their payments, and unlink its log
        entries (they are evidence and stay): one durable write or none. Returns what
        went with it."""
        linked = linked_records(self.snapshot(), debt_id)
        with self.batch():
            for payment in linked.payments:
                self.payments.delete(payment.id)
            for agreement in linked.agreements:
                self.agreements.delete(agreement.id)
            for proposal in linked.proposals:
                self.proposals.delete(proposal.id)
            for entry in linked.log_entries:
                self.communications.update(dataclasses.replace(entry, debt_id=None))
            self.debts.delete(debt_id)
        return linked

    # --- writing ----------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Everything written inside becomes one durable write at the end (imports,
        a delete with its dependants). On an exception nothing of it is written."""
        self._check_writable()
        with self._storage.batch():
            yield

    def _transact(self, change: Callable[[Data], R]) -> R:
        """Apply `change` to a copy of the tables and write the result durably."""
        self._check_writable()
        tables = self._storage.read()
        result = change(tables)
        self._storage.write(tables)
        return result

    def _check_open(self) -> None:
        if self._closed:
            raise WorkbookClosed(self.path)

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            raise ReadOnlyError(self.path)

    def _table(self, name: str) -> Table:
        self._check_open()
        if name not in self._tables:
            # No query cache: our writes bypass Table, which would not know to clear it.
            self._tables[name] = self._db.table(name, cache_size=0)
        return self._tables[name]

    def _newest_good_backup(self) -> Path | None:
        return newest_good_backup(self.path)


__all__ = [
    "ENTITY_CLASSES",
    "Workbook",
    "WorkbookError",
    "check_workbook",
    "read_checked",
    "read_file",
    "records_problem",
]
