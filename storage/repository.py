"""One repository per entity: add, update, delete, get, list over a TinyDB table.

Reads go through TinyDB's Table. Writes do not use Table.insert/update: those would
take one file write for the record and another for the id counter in `meta`, and
TinyDB's update changes stored documents in place. Each call here builds the new
tables and hands them to the workbook as one durable write (see storage.atomic).
Ids are TinyDB doc_ids and are never reused, even after a delete.
"""

from __future__ import annotations

import builtins
import copy
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from storage.errors import RecordNotFound, WorkbookCorrupt
from storage.schema import META, Data, meta_record, table_label, with_meta
from workbook.codec import from_dict, record_decoder, to_dict
from workbook.i18n import _

if TYPE_CHECKING:
    from storage.atomic import AtomicJSONStorage, ReadOnlyStorage
    from storage.workbook import Workbook



class StoredRecord(Protocol):
    """What a table holds: a dataclass with an `id` (None until it is stored)."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def id(self) -> int | None: ...


T = TypeVar("T", bound=StoredRecord)


def stored_id(record: StoredRecord) -> int:
    """The id of a record read from or added to a workbook, where every record has one."""
    if record.id is None:
        raise ValueError(f"this {type(record).__name__} is not stored yet: it has no id")
    return record.id

# What a damaged record can raise while being decoded (InvalidOperation is an ArithmeticError).
DECODE_ERRORS = (TypeError, ValueError, KeyError, AttributeError, ArithmeticError)


def insert_docs(tables: Data, name: str, docs: list[dict[str, Any]]) -> list[int]:
    """Put `docs` into `tables[name]` under fresh ids; returns the ids."""
    table = dict(tables.get(name, {}))
    stored = meta_record(tables).get("last_ids")
    last_ids = dict(stored) if isinstance(stored, dict) else {}
    previous = last_ids.get(name, 0)
    last = max(
        previous if isinstance(previous, int) else 0,
        max((int(key) for key in table), default=0),
    )
    ids = []
    for doc in docs:
        last += 1
        table[str(last)] = doc
        ids.append(last)
    tables[name] = table
    last_ids[name] = last
    tables[META] = with_meta(tables, last_ids=last_ids)[META]
    return ids


class Repository(Generic[T]):
    """The records of one table as dataclasses of type `cls`."""

    def __init__(self, workbook: Workbook, name: str, cls: type[T]) -> None:
        self._workbook = workbook
        self.name = name
        self.cls = cls

    @property
    def label(self) -> str:
        """The table's name for messages, in the current UI language."""
        return table_label(self.name)

    def _check(self, record: T) -> None:
        if not isinstance(record, self.cls):
            raise TypeError(f"{self.name} holds {self.cls.__name__}, not {type(record).__name__}")

    def add(self, record: T) -> T:
        """Store `record` (one durable write); returns a copy with its new id."""
        return self.add_many([record])[0]

    def add_many(self, records: list[T]) -> list[T]:
        """Store all `records` in one durable write; returns copies with their ids."""
        for record in records:
            self._check(record)
        docs = [to_dict(record) for record in records]
        ids = self._workbook._transact(lambda tables: insert_docs(tables, self.name, docs))
        return [dataclasses.replace(r, id=i) for r, i in zip(records, ids, strict=True)]

    def update(self, record: T) -> T:
        """Replace the stored record with the same id (one durable write)."""
        self._check(record)
        record_id = record.id
        if record_id is None:
            raise ValueError("update() needs a record that has an id; use add()")
        doc = to_dict(record)
        self._workbook._transact(
            self._changer(record_id, lambda table, key: table.update({key: doc}))
        )
        return record

    def delete(self, id: int | None) -> None:
        """Remove the record `id` (one durable write)."""
        if id is None:
            raise ValueError("delete() needs the id of a stored record")
        self._workbook._transact(self._changer(id, lambda table, key: table.pop(key)))

    def _changer(
        self, record_id: int, change: Callable[[dict[str, Any], str], Any]
    ) -> Callable[[Data], None]:
        def apply(tables: Data) -> None:
            key = str(record_id)
            if key not in tables.get(self.name, {}):
                raise RecordNotFound(self.label, record_id)
            table = dict(tables[self.name])
            change(table, key)
            tables[self.name] = table

        return apply

    def get(self, id: int) -> T | None:
        """The record `id`, or None when there is none (a copy of its own: changing it
        changes nothing stored)."""
        self._workbook._check_open()
        doc = self._workbook._storage.read().get(self.name, {}).get(str(int(id)))
        if doc is None:
            return None
        if type(doc) is self.cls:
            return copy.copy(doc)
        return self._decode(doc, int(id))

    def list(self) -> list[T]:
        """Every record, in id order.

        Straight from the stored table, decoded in one loop: TinyDB's `all()` would wrap
        each of a 10,000-entry log's records in a Document (a copy) first. The storage
        then holds the decoded records in place of their JSON dicts (see storage.atomic):
        the next call decodes only what was written since, and the records returned
        are the ones the storage holds. They are never to be changed in place (the
        app's snapshot is read-only; a change goes through `update` with a copy made
        by `dataclasses.replace`).
        """
        self._workbook._check_open()
        storage = self._workbook._storage
        with storage.decoding:
            return self._list(storage)

    def _list(self, storage: AtomicJSONStorage | ReadOnlyStorage) -> builtins.list[T]:
        table = storage.read().get(self.name, {})
        cls, name = self.cls, self.name
        decode = record_decoder(cls)
        ids = sorted(int(key) for key in table)
        records: builtins.list[T] = []
        try:
            for i in ids:
                key = str(i)
                doc = table[key]
                if type(doc) is cls:
                    records.append(doc)
                    continue
                record = decode(doc, i)
                if storage.keep_decoded(name, key, doc, record):
                    # The copy read above lets go of the dict too: freed record by
                    # record, its memory holds the records decoded next, instead
                    # of the process growing by both (peak memory is what counts).
                    table[key] = record
                del doc
                records.append(record)
        except DECODE_ERRORS:
            for i in ids:  # which record: the message names it
                if type(table[str(i)]) is not cls:
                    self._decode(table[str(i)], i)
            raise
        return records

    def count(self) -> int:
        return len(self._workbook._table(self.name))

    def __len__(self) -> int:
        return self.count()

    def _decode(self, doc: dict[str, Any], doc_id: int) -> T:
        try:
            return from_dict(self.cls, doc, id=doc_id)
        except DECODE_ERRORS as error:
            problem = _("record {id} in {table} cannot be read ({error})").format(
                id=doc_id, table=self.label, error=error
            )
            raise WorkbookCorrupt(
                self._workbook.path, problem, self._workbook._newest_good_backup()
            ) from error
