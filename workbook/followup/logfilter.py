"""Filtering the communication log: by lender, channel, dates, flags and free text.

Lenders are matched by `lender_key` (trimmed, case-folded, inner spaces collapsed) so
"Ant  Credit" and "ant credit" are one lender, but "平安" never matches "平安普惠":
a filter picks one lender, it does not search names. Free text (`search`) is a
case-insensitive substring of the lender, agent, summary, offer, commitment, outcome
and next action. `rule` keeps the entries flagged by one conduct rule (a
`workbook.followup.conduct.Rule` value; a plain string here, since conduct imports this module).

`breaches_by_id` is what `workbook.followup.conduct.breaches` returned for the same list, so
entries without a storage id are keyed by `communication_key` (their position).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from workbook.models import Channel, Communication


def lender_key(name: str) -> str:
    """The name a lender is grouped by: trimmed, case-folded, single-spaced."""
    return " ".join(name.split()).casefold()


def communication_key(comm: Communication, index: int) -> int:
    """The storage id, or -(index + 1) for an entry not yet saved.

    Storage ids start at 1, so negative keys can never collide with them.
    """
    return comm.id if comm.id is not None else -(index + 1)


@dataclass(frozen=True)
class LogFilter:
    lender: str | None = None
    channel: Channel | None = None
    start: date | None = None  # inclusive, on the entry's date
    end: date | None = None  # inclusive
    flagged_only: bool = False
    search: str = ""
    rule: str | None = None  # only entries flagged by this conduct rule


def _text_matches(comm: Communication, needle: str) -> bool:
    fields = (
        comm.lender,
        comm.agent_name,
        comm.summary,
        comm.their_offer,
        comm.my_commitment,
        comm.outcome,
        comm.next_action,
    )
    return any(needle in text.casefold() for text in fields)


def filter_log(
    comms: Sequence[Communication],
    f: LogFilter,
    breaches_by_id: Mapping[int, Iterable[object]] | None = None,
) -> list[Communication]:
    """The entries of `comms` that pass `f`, newest first (ties: higher id first)."""
    wanted_lender = lender_key(f.lender) if f.lender and f.lender.strip() else None
    needle = f.search.strip().casefold()
    flagged = breaches_by_id or {}
    kept: list[tuple[int, Communication]] = []
    for index, comm in enumerate(comms):
        if wanted_lender is not None and lender_key(comm.lender) != wanted_lender:
            continue
        if f.channel is not None and comm.channel != f.channel:
            continue
        day = comm.at.date()
        if f.start is not None and day < f.start:
            continue
        if f.end is not None and day > f.end:
            continue
        key = communication_key(comm, index)
        if f.flagged_only and not flagged.get(key):
            continue
        if f.rule is not None and not any(
            getattr(b, "rule", None) == f.rule for b in flagged.get(key, ())
        ):
            continue
        if needle and not _text_matches(comm, needle):
            continue
        kept.append((key, comm))
    kept.sort(key=lambda pair: (pair[1].at, pair[0]), reverse=True)
    return [comm for _, comm in kept]


__all__ = ["LogFilter", "communication_key", "filter_log", "lender_key"]
