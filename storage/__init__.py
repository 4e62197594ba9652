"""Durable TinyDB storage for the workbook: atomic writes, a lock, backups, migrations.

See storage.atomic for why TinyDB's own JSONStorage is not used, storage.workbook for
what opening does, storage.claim for opening in two parts, and storage.repository for
the per-entity API.

The errors are imported at once (they are light); `Workbook`, `Repository` and
`SCHEMA_VERSION` when first used: they bring TinyDB and every record class, which the
TUI's first frame does not need.
"""

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.i18n import add_catalog_dir

add_catalog_dir(Path(__file__).parent / "locale")

from storage.errors import (  # noqa: E402  (the catalog is registered first)
    ReadOnlyError,
    RecordNotFound,
    UnsafeLocation,
    WorkbookClosed,
    WorkbookCorrupt,
    WorkbookError,
    WorkbookExists,
    WorkbookIsFolder,
    WorkbookLocked,
    WorkbookMissing,
    WorkbookTooNew,
    WorkbookUnreadable,
    WorkbookWriteError,
)

if TYPE_CHECKING:
    from storage.repository import Repository
    from storage.schema import SCHEMA_VERSION
    from storage.workbook import Workbook

_LAZY = {
    "Repository": "storage.repository",
    "SCHEMA_VERSION": "storage.schema",
    "Workbook": "storage.workbook",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # looked up once
        return value
    raise AttributeError(f"module 'storage' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "ReadOnlyError",
    "RecordNotFound",
    "Repository",
    "UnsafeLocation",
    "Workbook",
    "WorkbookClosed",
    "WorkbookCorrupt",
    "WorkbookError",
    "WorkbookExists",
    "WorkbookIsFolder",
    "WorkbookLocked",
    "WorkbookMissing",
    "WorkbookTooNew",
    "WorkbookUnreadable",
    "WorkbookWriteError",
]
