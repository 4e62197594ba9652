"""What the export dialog offers where the user stands, and writing the chosen file.

A screen describes what it shows in an `ExportContext` (the selected debt, the
selected agreement, the log and its filter); `offers_for` turns that into the list
the dialog shows: what fits the context first (the letter to the selected debt's
lender, the agreement's checklist and schedule, the filtered log), then what every
screen offers (the case summary, the CSV tables, the JSON copy, the calendar).
`write_offer` writes one through `reports.export_job`, the code `repay export` runs.
No Textual here: the dialog calls `write_offer` in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from reports.export_job import ExportJob, ExportRequest, default_folder
from storage import Workbook, WorkbookError
from tui.frame.export_context import ExportContext
from workbook import fmt
from workbook.i18n import _
from workbook.models import Settings
from workbook.snapshot import WorkbookData

LETTER_LANG = "zh"  # the letter goes to a Chinese lender in Chinese, whatever the UI


@dataclass(frozen=True)
class Offer:
    """One line of the dialog: what it writes (`request`, language chosen later)."""

    key: str  # unique in the list: "letter", "summary", "csv-debts", ...
    title: str  # translated
    file_type: str  # "PDF", "CSV", "JSON", "ICS"
    request: ExportRequest
    has_language: bool = True  # JSON is the same in every language

    @property
    def default_lang(self) -> str | None:
        """The letter's own default (Chinese); None: the interface language."""
        return LETTER_LANG if self.request.kind == "letter" else None


@dataclass(frozen=True)
class ExportSource:
    """The open workbook as the export needs it (read on the UI thread)."""

    wb: Workbook
    workbook_path: Path
    data: WorkbookData
    settings: Settings
    today: date


@dataclass
class Written:
    paths: list[Path]
    notices: list[str] = field(default_factory=list)  # the font warning, if any


def _lender(data: WorkbookData, debt_id: int | None) -> str | None:
    return next((d.lender for d in data.debts if d.id == debt_id), None)


def filter_words(context: ExportContext) -> str:
    """The log filter as shown in a title: "快易借 2026-01-01 ~ 2026-03-31"."""
    parts = [context.lender] if context.lender else []
    if context.start or context.end:
        start = fmt.date_(context.start) if context.start else "..."
        end = fmt.date_(context.end) if context.end else "..."
        parts.append(f"{start} ~ {end}")
    return " ".join(parts)


class _LogFilter(TypedDict, total=False):
    """The log filter's part of an ExportRequest."""

    lender: str | None
    start: date | None
    end: date | None


def offers_for(context: ExportContext, data: WorkbookData) -> list[Offer]:
    """Everything the dialog lists for `context`, what fits it first."""
    found: list[Offer] = []
    lender = _lender(data, context.debt_id)
    if lender is not None:
        found.append(Offer("letter", _("Application letter to {lender}").format(lender=lender),
                           "PDF", ExportRequest("letter", debt=context.debt_id)))
    agreement = next((a for a in data.agreements if a.id == context.agreement_id), None)
    if agreement is not None and _lender(data, agreement.debt_id) is not None:
        who = _lender(data, agreement.debt_id)
        found.append(Offer("checklist", _("Signing checklist: {lender}").format(lender=who),
                           "PDF", ExportRequest("checklist", agreement=agreement.id)))
        found.append(Offer("schedule", _("Payment schedule: {lender}").format(lender=who),
                           "PDF", ExportRequest("schedule", agreement=agreement.id)))
    log_filter: _LogFilter = {"lender": context.lender, "start": context.start, "end": context.end}
    words = filter_words(context)
    log_title = _("Communication log: {filter}").format(filter=words) if words else None
    if context.log:
        found.append(Offer("log", log_title or _("Communication log"), "PDF",
                           ExportRequest("log", **log_filter)))
    found += [
        Offer("summary", _("Case summary: debts, budget, plan, agreements"), "PDF",
              ExportRequest("summary")),
        Offer("csv-debts", _("Debts table"), "CSV", ExportRequest("csv", table="debts")),
        Offer("csv-log", (log_title if context.log else None) or _("Communication log table"),
              "CSV", ExportRequest("csv", table="log", **(log_filter if context.log else _LogFilter()))),
        Offer("csv-payments", _("Payments table"), "CSV", ExportRequest("csv", table="payments")),
        Offer("ics", _("Calendar: instalments and next actions"), "ICS", ExportRequest("ics")),
        Offer("json", _("The whole workbook, to keep or import"), "JSON", ExportRequest("json"),
              has_language=False),
    ]  # fmt: skip
    return found


def folder_from_text(text: str, workbook_path: Path) -> Path:
    """The folder typed in the dialog: ~ expanded, relative to the workbook's folder."""
    return default_folder(workbook_path, Settings(export_dir=text))


def write_offer(
    offer: Offer, *, lang: str, folder: Path, source: ExportSource, notice_lang: str
) -> Written:
    """Write `offer` in `lang` into `folder`; raises ExportError, WorkbookError, OSError."""
    notices: list[str] = []
    job = ExportJob(
        replace(offer.request, lang=lang, folder=folder),
        source.data,
        source.settings,
        source.workbook_path,
        source.today,
        json_writer(source.wb),
        notice=notices.append,
        notice_lang=notice_lang,
    )
    return Written(job.run(), notices)


def json_writer(wb: Workbook) -> Callable[[Path], Path]:
    """The export job's JSON writer: storage's own format, its failure as an OSError
    (storage words it as a failed save of the workbook; here it is an export)."""

    def write(out: Path) -> Path:
        from storage.transfer import export_json

        try:
            return export_json(wb, out)
        except WorkbookError as exc:
            if isinstance(exc.__cause__, OSError):
                raise exc.__cause__ from exc
            raise

    return write


def load_job(wb: Workbook, workbook_path: Path, request: ExportRequest, today: date,
             **kw: Any) -> ExportJob:
    """`request` with the workbook's data, ready to `run()` (the CLI's path)."""
    return ExportJob(request, wb.snapshot(), wb.settings(), Path(workbook_path), today,
                     json_writer(wb), **kw)


__all__ = [
    "ExportContext",
    "ExportSource",
    "Offer",
    "Written",
    "filter_words",
    "folder_from_text",
    "offers_for",
    "write_offer",
]
