"""Drafts: what is typed in open forms, kept beside the workbook until it is saved.

`<workbook>.drafts` is a small JSON file (0600, replaced atomically): one entry per
open form, keyed by the form, holding every field's text. It is written a moment after
each key and on SIGHUP/SIGTERM, so a dropped SSH link or a closed terminal loses
nothing typed; the next start offers each entry back. It lives apart from the workbook
so a keystroke never rewrites a large workbook file (nor makes a backup of it).

A damaged or foreign drafts file is ignored (and replaced on the next write): drafts
are a convenience, never a reason not to open the workbook.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

FORMAT = 1
MAX_BYTES = 2_000_000  # far above any form; a bigger file is not ours


def drafts_path(workbook: Path) -> Path:
    workbook = Path(workbook)
    return workbook.with_name(workbook.name + ".drafts")


class Drafts:
    """The drafts of one workbook. Every change is on disk when the call returns."""

    def __init__(self, workbook: Path) -> None:
        self.path = drafts_path(workbook)

    def all(self) -> dict[str, dict[str, Any]]:
        """Every draft by key, oldest first; {} when there are none or the file is unreadable."""
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return {}
            raw = json.loads(self.path.read_bytes().decode("utf-8"))
        except (OSError, ValueError):
            return {}
        entries = raw.get("drafts") if isinstance(raw, dict) else None
        if not isinstance(entries, dict):
            return {}
        return {str(k): v for k, v in entries.items() if isinstance(v, dict)}

    def get(self, key: str) -> dict[str, Any] | None:
        return self.all().get(key)

    def put(self, key: str, draft: dict[str, Any]) -> None:
        """Keep `draft` (JSON-able) under `key`, stamped with the time it was written."""
        entries = self.all()
        entries.pop(key, None)  # re-inserted last: the newest draft is offered last
        entries[key] = {**draft, "written": datetime.now().astimezone().isoformat(timespec="seconds")}
        self._write(entries)

    def remove(self, key: str) -> None:
        entries = self.all()
        if entries.pop(key, None) is not None:
            self._write(entries)

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)

    def _write(self, entries: dict[str, dict[str, Any]]) -> None:
        if not entries:
            self.clear()
            return
        from storage.atomic import write_atomic  # TinyDB comes with it: not needed to start

        data = {"format": FORMAT, "drafts": entries}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
