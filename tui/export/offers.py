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
from workbook.i18n import N_, _
from workbook.models import Settings, Situation
from workbook.snapshot import WorkbookData

LETTER_LANG = "zh"  # the letter goes to a Chinese lender in Chinese, whatever the UI
COURT_DRAFTS = {
    Situation.PAYMENT_ORDER: ("objection", N_("Draft objection to the payment order: {lender}")),
    Situation.SUMMONS: ("defence", N_("Draft written defence outline: {lender}")),
}


@dataclass(frozen=True)
class Offer:
    """One line of the dialog: what it writes (`request`, language chosen later)."""

    key: str  # unique in the list: "letter", "summary", "csv-debts", ...
    title: str  # translated
    file_type: str  # "PDF", "CSV", "JSON", "ICS"
    request: ExportRequest
    has_language: bool = True  # JSON is the same in every language
    # "debt" or "agreement": the dialog asks which one before writing (a document
    # offered where none is selected, e.g. the letter on home).
    needs: str | None = None

    @property
    def default_lang(self) -> str | None:
        """The letter's own default (Chinese); None: the interface language."""
        chinese = self.request.kind in ("letter", "objection", "defence")
        return LETTER_LANG if chinese else None


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
    found += court_offers(data, context.debt_id)
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
        found.append(
            Offer(
                "log",
                log_title or _("Communication log"),
                "PDF",
                ExportRequest("log", **log_filter),
            )
        )
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
    return found + _documents_to_choose(context, data)


def _documents_to_choose(context: ExportContext, data: WorkbookData) -> list[Offer]:
    """Every document the context does not name already, each asking for its record, so
    that `e` reaches every document from anywhere (home included)."""
    found = []
    if context.debt_id is None and data.debts:
        found.append(Offer("letter-choose", _("Application letter (choose the debt)"), "PDF",
                           ExportRequest("letter"), needs="debt"))
    if context.agreement_id is None and data.agreements:
        found.append(Offer("checklist-choose", _("Signing checklist (choose the agreement)"),
                           "PDF", ExportRequest("checklist"), needs="agreement"))
        found.append(Offer("schedule-choose", _("Payment schedule (choose the agreement)"),
                           "PDF", ExportRequest("schedule"), needs="agreement"))
    if not context.log:
        found.append(Offer("log-all", _("Communication log: every contact"), "PDF",
                           ExportRequest("log")))
    return found


def choices_for(offer: Offer, data: WorkbookData) -> list[tuple[int, str]]:
    """What the user picks from for `offer` (id, line): the debts or the agreements."""
    if offer.needs == "debt":
        return [(d.id, f"{d.lender}  {fmt.money(d.balance)}") for d in data.debts
                if d.id is not None]
    if offer.needs == "agreement":
        return [
            (a.id, f"{_lender(data, a.debt_id) or '?'}  {fmt.money(a.instalment)} x {a.count}")
            for a in data.agreements if a.id is not None
        ]  # fmt: skip
    return []


def chosen(offer: Offer, record_id: int, data: WorkbookData) -> Offer:
    """`offer` for the picked record: titled like the offer a selection gives."""
    if offer.needs == "debt":
        title = _("Application letter to {lender}").format(lender=_lender(data, record_id))
        return replace(offer, title=title, needs=None,
                       request=replace(offer.request, debt=record_id))
    agreement = next(a for a in data.agreements if a.id == record_id)
    who = _lender(data, agreement.debt_id)
    title = (_("Signing checklist: {lender}") if offer.request.kind == "checklist"
             else _("Payment schedule: {lender}")).format(lender=who)
    return replace(offer, title=title, needs=None,
                   request=replace(offer.request, agreement=record_id))


def court_offers(data: WorkbookData, debt_id: int | None) -> list[Offer]:
    """The court draft for a debt with a payment order (objection) or a lawsuit (defence)."""
    debt = next((d for d in data.debts if d.id == debt_id), None)
    if debt is None or debt.situation not in COURT_DRAFTS:
        return []
    kind, title = COURT_DRAFTS[debt.situation]
    return [Offer(kind, _(title).format(lender=debt.lender), "PDF",
                  ExportRequest(kind, debt=debt.id))]


def folder_from_text(text: str, workbook_path: Path) -> Path:
    """The folder typed in the dialog: ~ expanded, relative to the workbook's folder."""
    return default_folder(workbook_path, Settings(export_dir=text))


def write_offer(
    offer: Offer,
    *,
    lang: str,
    folder: Path,
    source: ExportSource,
    notice_lang: str,
    force: bool = False,
) -> Written:
    """Write `offer` in `lang` into `folder`; raises ExportError, WorkbookError, OSError
    (NotOurs when a file repay did not write is in the way: the dialog asks, then passes
    `force`)."""
    notices: list[str] = []
    job = ExportJob(
        replace(offer.request, lang=lang, folder=folder, ask=True, force=force),
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


def load_job(
    wb: Workbook, workbook_path: Path, request: ExportRequest, today: date, **kw: Any
) -> ExportJob:
    """`request` with the workbook's data, ready to `run()` (the CLI's path)."""
    return ExportJob(
        request, wb.snapshot(), wb.settings(), Path(workbook_path), today, json_writer(wb), **kw
    )


__all__ = [
    "ExportContext",
    "ExportSource",
    "Offer",
    "Written",
    "choices_for",
    "chosen",
    "filter_words",
    "folder_from_text",
    "offers_for",
    "write_offer",
]
