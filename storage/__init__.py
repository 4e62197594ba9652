"""Durable TinyDB storage for the workbook: atomic writes, a lock, backups, migrations.

See storage.atomic for why TinyDB's own JSONStorage is not used, storage.workbook for
what opening does, and storage.repository for the per-entity API.
"""

from pathlib import Path

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
from storage.repository import Repository  # noqa: E402
from storage.schema import SCHEMA_VERSION  # noqa: E402
from storage.workbook import Workbook  # noqa: E402

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
