"""Whether a file in the export folder is one repay wrote, so that an export replaces
nothing else: the mark every kind carries, and the next free numbered name.

Kept apart from `reports.files` (which the table writer writes through) because the CSV
check reads the table writer's own header rows.
"""

from __future__ import annotations

from pathlib import Path

from reports.tables import is_our_header

# What every file repay writes carries near its start or end, by suffix: the PDF's
# creator, the calendar's PRODID, the JSON export's format name. (CSV: its header row.)
_MARKS = {
    ".pdf": b"Repay Workbook",
    ".ics": b"PRODID:-//Repay Workbook//",
    ".json": b'"repay-workbook-export"',
}
_LARGEST = 256 * 1024 * 1024


def is_ours(path: Path) -> bool:
    """True when `path` looks like a file repay wrote (so a newer export may replace it)."""
    path = Path(path)
    try:
        if path.stat().st_size > _LARGEST:
            return False  # bigger than anything we write: not ours
        data = path.read_bytes()  # the PDF's creator sits mid-file, after the fonts
    except OSError:
        return False
    suffix = path.suffix.lower()
    if suffix == ".csv":
        first = data.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").rstrip("\r")
        return is_our_header(first)
    mark = _MARKS.get(suffix)
    return mark is not None and mark in data


def may_replace(path: Path) -> bool:
    """Whether writing `path` replaces nothing but an earlier export of ours."""
    path = Path(path)
    return not path.exists() or (path.is_file() and is_ours(path))


def numbered(path: Path) -> Path:
    """The first of `path`, `name-2.ext`, `name-3.ext`… that replaces nothing but ours."""
    path = Path(path)
    candidate, n = path, 1
    while not may_replace(candidate):
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


__all__ = ["is_ours", "may_replace", "numbered"]
