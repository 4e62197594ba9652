"""Whole-workbook JSON export and import (backups a person can read, moves, demos).

The export holds every table, the profile and the settings as `workbook.codec`
dicts with their ids (other records refer to them), indented UTF-8 without ASCII
escaping, written atomically as 0600. An import builds the whole new workbook in
memory, checks every record decodes, runs the same schema migrations as a workbook
file and writes it in one durable write. It never overwrites an existing file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storage.atomic import dumps, write_atomic
from storage.errors import (
    WorkbookCorrupt,
    WorkbookExists,
    WorkbookTooNew,
    WorkbookWriteError,
)
from storage.lock import WorkbookLock
from storage.repository import DECODE_ERRORS
from storage.schema import (
    ENTITY_TABLES,
    SCHEMA_VERSION,
    SINGLE_ID,
    Data,
    FileProblem,
    migrate,
    parse_json,
    table_label,
    with_meta,
    with_workbook_id,
)
from storage.workbook import ENTITY_CLASSES, Workbook, normal_path, read_file
from workbook.codec import from_dict, to_dict
from workbook.i18n import _
from workbook.models import Profile, Settings
from workbook.private_files import make_private_dir

FORMAT = "repay-workbook-export"


def export_dict(wb: Workbook) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "profile": to_dict(wb.profile()),
        "settings": to_dict(wb.settings()),
        "tables": {
            name: [{"id": record.id, **to_dict(record)} for record in repo.list()]
            for name, repo in wb.repositories().items()
        },
    }


def export_json(wb: Workbook, out: Path) -> Path:
    """Write the whole workbook to `out` (replaced atomically if it exists); returns it."""
    out = normal_path(out)
    raw = json.dumps(export_dict(wb), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    try:
        make_private_dir(out.parent)
        write_atomic(out, raw)
    except OSError as error:
        raise WorkbookWriteError(out, error) from error
    return out


def _tables_from_export(doc: Any) -> tuple[Data, int]:
    """The export as workbook tables (ids as keys) and its schema version."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise FileProblem(_("it is not a Repay Workbook export"))
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise FileProblem(
            _("its schema version {version} is not a whole number").format(version=version)
        )
    tables = doc.get("tables", {})
    if not isinstance(tables, dict):
        raise FileProblem(_("its tables are missing or damaged"))
    data: Data = {}
    for name, records in tables.items():
        if name not in ENTITY_TABLES or not isinstance(records, list):
            raise FileProblem(_("table {table} is not a set of records").format(table=name))
        table: dict[str, Any] = {}
        for record in records:
            record_id = record.get("id") if isinstance(record, dict) else None
            if isinstance(record_id, bool) or not isinstance(record_id, int) or record_id < 1:
                raise FileProblem(_("a record in {table} has no valid id").format(table=name))
            if str(record_id) in table:
                raise FileProblem(
                    _("record {id} in table {table} appears twice").format(id=record_id, table=name)
                )
            table[str(record_id)] = {k: v for k, v in record.items() if k != "id"}
        data[name] = table
    for name in ("profile", "settings"):
        single = doc.get(name)
        data[name] = {SINGLE_ID: single} if isinstance(single, dict) else {}
    return with_meta(data, schema_version=version), version


def _normalised(data: Data) -> Data:
    """Every record decoded and encoded again: proves it loads, drops unknown keys."""
    out = dict(data)
    for name, cls in ENTITY_CLASSES.items():
        table = {}
        for key, record in data.get(name, {}).items():
            try:
                table[key] = to_dict(from_dict(cls, record))
            except DECODE_ERRORS as error:
                raise FileProblem(
                    _("record {id} in {table} cannot be read ({error})").format(
                        id=key, table=table_label(name), error=error
                    )
                ) from error
        out[name] = table
    for name, cls in (("profile", Profile), ("settings", Settings)):
        single = data.get(name, {}).get(SINGLE_ID)
        if single is not None:
            try:
                out[name] = {SINGLE_ID: to_dict(from_dict(cls, single))}
            except DECODE_ERRORS as error:
                raise FileProblem(
                    _("{record} cannot be read ({error})").format(
                        record=table_label(name), error=error
                    )
                ) from error
    return out


def import_json(src: Path, new_workbook: Path) -> Workbook:
    """A new workbook at `new_workbook` holding the export `src`; one durable write.

    Refuses (WorkbookExists) to overwrite an existing file; WorkbookCorrupt or
    WorkbookTooNew when the export is damaged or from a newer program.
    """
    src, target = normal_path(src), normal_path(new_workbook)
    if target.exists():
        raise WorkbookExists(target)
    raw = read_file(src)  # not found, a folder, a FIFO, too large, permission denied
    try:
        doc = parse_json(raw)
        data, version = _tables_from_export(doc)
        if version > SCHEMA_VERSION:
            raise WorkbookTooNew(src, version, SCHEMA_VERSION, None)
        # A copy is a workbook of its own (the original may still be in use): its
        # calendar UIDs must not collide with the original's.
        data = with_workbook_id(_normalised(migrate(data, version)), fresh=True)
    except FileProblem as error:
        raise WorkbookCorrupt(src, error.problem, None) from error
    try:
        make_private_dir(target.parent)
    except OSError as error:
        raise WorkbookWriteError(target.parent, error) from error
    lock = WorkbookLock.acquire(target)
    try:
        if target.exists():
            raise WorkbookExists(target)
        try:
            write_atomic(target, dumps(data))
        except OSError as error:
            raise WorkbookWriteError(target, error) from error
    finally:
        lock.release()
    return Workbook.open(target, create=False)
