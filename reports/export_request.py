"""What an export is asked for (`ExportRequest`, the kinds) and where it goes by default.

Names end with the document's language and the date, e.g.
`letter-快易借-zh-2026-03-15.pdf`, so a zh and an en copy never share a name, and a long
lender name is shortened, never the language or the date. `reports.export_job` writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from workbook.models import Settings

KINDS = ("letter", "checklist", "log", "summary", "schedule", "objection", "defence", "csv",
         "json", "ics")
PDF_KINDS = ("letter", "checklist", "log", "summary", "schedule", "objection", "defence")
COURT_KINDS = ("objection", "defence")  # go to a Chinese court: Chinese unless asked
CSV_TABLES = ("debts", "log", "payments")


def default_folder(workbook_path: Path, settings: Settings) -> Path:
    """The export folder: the setting (relative to the workbook's folder), else exports/."""
    base = Path(workbook_path).expanduser().absolute().parent
    if settings.export_dir.strip():
        chosen = Path(settings.export_dir.strip()).expanduser()
        return chosen if chosen.is_absolute() else base / chosen
    return base / "exports"


def default_out_path(
    workbook_path: Path, settings: Settings, stem: str, suffix: str, today: date, lang: str = ""
) -> Path:
    """Where an export goes when the user names no place: e.g.
    exports/letter-快易借-zh-2026-03-15.pdf (`lang` empty for a file in no language).

    For the TUI's export dialog, so that it and the CLI put files in the same place.
    """
    name = file_stem(stem, lang, today.isoformat())
    return default_folder(workbook_path, settings) / f"{name}{suffix}"


STEM_MAX = 80  # characters; file systems allow 255 bytes, and a CJK character is 3


def _clean(part: str) -> str:
    return re.sub(r"[^\w.]+", "-", part, flags=re.UNICODE).strip("-.")


def file_stem(*parts: str) -> str:
    """A file name from `parts`: letters (Chinese too) and digits kept, the rest '-'.
    Only the first part (the document and lender) is shortened to fit: the language
    and the date after it always stay."""
    cleaned = [c for c in map(_clean, parts) if c]
    if not cleaned:
        return "export"
    head, tail = cleaned[0], "-".join(cleaned[1:])
    room = STEM_MAX - (len(tail) + 1 if tail else 0)
    head = head[: max(room, 1)].rstrip("-.")
    return "-".join(p for p in (head, tail) if p) or "export"


@dataclass(frozen=True)
class ExportRequest:
    """What to write. The field names match `repay export`'s parsed arguments.

    `out` is the CLI's --out (a file, or an existing folder); `folder` puts the file
    under its default name into that folder (created 0700 if missing).
    """

    kind: str
    debt: int | None = None
    agreement: int | None = None
    lang: str | None = None
    lender: str | None = None
    start: date | None = None
    end: date | None = None
    table: str | None = None
    out: str | None = None
    folder: Path | None = None
    force: bool = False  # replace an existing file even if repay did not write it
    ask: bool = False  # the dialog: a foreign file under a default name raises NotOurs
    statement: bool = False  # log: end with the borrower's signed statement

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> ExportRequest:
        names = ("debt", "agreement", "lang", "lender", "start", "end", "table", "out")
        values: dict[str, Any] = {n: getattr(args, n, None) for n in names}
        values["force"] = bool(getattr(args, "force", False))
        values["statement"] = bool(getattr(args, "statement", False))
        return cls(args.kind, **values)
