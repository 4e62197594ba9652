"""What a screen adds to the export dialog (`e`): the selected debt or agreement, or the
log as filtered on screen. The export dialog turns it into the list of offers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ExportContext:
    """What a screen adds to the export dialog; empty: the whole workbook only."""

    debt_id: int | None = None  # a debt is selected: its letter
    agreement_id: int | None = None  # an agreement is selected: its checklist and schedule
    log: bool = False  # the communication log is on screen: the log, filtered as below
    lender: str | None = None
    start: date | None = None
    end: date | None = None
