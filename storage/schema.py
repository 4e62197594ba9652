"""The workbook file's layout, its schema versions and the migrations between them.

A workbook is one TinyDB JSON file: one table per entity, `profile` and `settings`
(one document each) and `meta`, whose document 1 holds `schema_version` and the
highest id ever given in each table (so a deleted record's id is never reused and
old references cannot point at a new record).

`parse_workbook` decides whether bytes are a workbook this program may open; it
never writes. `migrate` upgrades the data one version at a time with the functions
in MIGRATIONS (MIGRATIONS[n] turns version n into n+1). A file with no `meta` is
version 0: the prototype's layout (see `migrate_0_to_1`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from workbook.i18n import N_, _, current_language, translate

SCHEMA_VERSION = 1
META = "meta"
META_ID = "1"
SINGLE_ID = "1"  # profile and settings are one document each
MAX_ID_DIGITS = 9

# table name -> label for messages (translated when shown)
ENTITY_TABLES: dict[str, str] = {
    "debts": N_("debts"),
    "incomes": N_("income items"),
    "expenses": N_("expense items"),
    "proposals": N_("proposals"),
    "hardships": N_("hardship reasons"),
    "communications": N_("the communication log"),
    "agreements": N_("agreements"),
    "payments": N_("payments"),
}
SINGLE_TABLES: dict[str, str] = {"profile": N_("the profile"), "settings": N_("the settings")}
ALL_TABLES = (*ENTITY_TABLES, *SINGLE_TABLES, META)

Data = dict[str, dict[str, Any]]


def table_label(name: str) -> str:
    """A table's name for messages, in the current UI language."""
    msgid = ENTITY_TABLES.get(name) or SINGLE_TABLES.get(name) or name
    return translate(msgid, current_language())


class FileProblem(Exception):
    """What is wrong with a file's content, as a phrase in the current UI language."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class NewerSchema(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def parse_workbook(raw: bytes | str) -> tuple[Data, int]:
    """The tables in `raw` (bytes, or text from `workbook_text`) and their schema
    version; FileProblem or NewerSchema if unusable."""
    data = parse_json(raw)
    problem = structure_problem(data)
    if problem:
        raise FileProblem(problem)
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    return data, version


def workbook_text(raw: bytes) -> str:
    """The text of a workbook file's bytes; FileProblem if it is not UTF-8.

    Decoding first lets a caller drop the bytes before the parse: a 5 MB file is then
    held twice at most (text and tree), not three times.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            _("it is not UTF-8 text (bad byte at position {position})").format(position=error.start)
        ) from error


def parse_json(raw: bytes | str) -> Any:
    """JSON from bytes or text, numbers with a fraction kept exact as Decimal."""
    if not raw.strip():
        raise FileProblem(_("the file is empty"))
    text = workbook_text(raw) if isinstance(raw, bytes) else raw
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise FileProblem(
            _(
                "it is not valid JSON; it is cut short or damaged at line {line}, column {column}"
            ).format(line=error.lineno, column=error.colno)
        ) from error
    except RecursionError as error:
        raise FileProblem(_("it is nested too deeply to be a workbook")) from error
    except ValueError as error:  # an integer of thousands of digits (int's own limit)
        raise FileProblem(_("it holds a number with too many digits")) from error


def structure_problem(data: Any) -> str | None:
    """Why `data` is not a set of TinyDB tables, or None when it is."""
    if not isinstance(data, dict):
        return _("it is not a workbook (the top level is not a set of tables)")
    for name, table in data.items():
        if not isinstance(table, dict):
            return _("table {table} is not a set of records").format(table=name)
        for key, record in table.items():
            # An id is a short run of digits: int() of a 5,000-digit key would raise.
            good_key = key.isascii() and key.isdigit() and len(key) <= MAX_ID_DIGITS
            if not good_key or not isinstance(record, dict):
                shown = key if len(key) <= 20 else key[:17] + "..."
                return _("record {id} in table {table} is damaged").format(id=shown, table=name)
    return None


def schema_version(data: Data) -> int:
    """The file's schema version; 0 when it has no `meta` (the prototype's layout)."""
    meta = data.get(META, {}).get(META_ID)
    if meta is None or "schema_version" not in meta:
        return 0
    version = meta["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise FileProblem(
            _("its schema version {version} is not a whole number").format(version=version)
        )
    return version


def meta_record(data: Data) -> dict[str, Any]:
    record: dict[str, Any] = data.get(META, {}).get(META_ID, {})
    return record


def with_meta(data: Data, **changes: Any) -> Data:
    """`data` with document 1 of `meta` updated; builds new dicts, changes nothing shared."""
    out = dict(data)
    meta = dict(out.get(META, {}))
    meta[META_ID] = {**meta.get(META_ID, {}), **changes}
    out[META] = meta
    return out


def new_workbook_data() -> Data:
    data: Data = {name: {} for name in ALL_TABLES}
    return with_workbook_id(with_meta(data, schema_version=SCHEMA_VERSION, last_ids={}))


def new_workbook_id() -> str:
    """A random id for a new workbook (calendar UIDs): it stays with the file whatever
    it is called or wherever it is moved."""
    return str(uuid.uuid4())


def has_workbook_id(data: Data) -> bool:
    settings = data.get("settings", {}).get(SINGLE_ID)
    value = settings.get("workbook_id") if isinstance(settings, dict) else None
    return isinstance(value, str) and bool(value.strip())


def with_workbook_id(data: Data, fresh: bool = False) -> Data:
    """`data` with a workbook id in its settings: the one it has (unless `fresh`, for a
    copy that becomes a workbook of its own), else a new one. `data` is not changed."""
    if has_workbook_id(data) and not fresh:
        return data
    settings = data.get("settings", {}).get(SINGLE_ID)
    record = dict(settings) if isinstance(settings, dict) else {}
    record["workbook_id"] = new_workbook_id()
    return {**data, "settings": {SINGLE_ID: record}}


def _money(value: Any) -> Any:
    # Version 0 wrote money as JSON numbers; read as Decimal they keep every digit.
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    return value


# Fields of version 0 records that held money (JSON numbers then, strings now). Every
# other number (overdue days, a due day, a term in months) stays a whole number.
_V0_MONEY = frozenset(
    {
        "amount", "balance", "principal", "overdue_amount", "penalty_fees",
        "monthly_payment", "upfront_deduction", "monthly_fee", "card_min_percent",
        "card_min_floor",
    }
)  # fmt: skip


def _record_0_to_1(record: dict[str, Any]) -> dict[str, Any]:
    return {k: _money(v) if k in _V0_MONEY else v for k, v in record.items()}


def migrate_0_to_1(data: Data) -> Data:
    """Version 0 (the prototype): no `meta`; money as JSON numbers; a debt's balance was
    `amount`; its rate was `rate` (a number) plus `rate_unit`."""
    out = dict(data)
    debts = {}
    for key, old in data.get("debts", {}).items():
        kept = {k: v for k, v in old.items() if k not in ("amount", "rate", "rate_unit")}
        debt = _record_0_to_1(kept)
        if "amount" in old and "balance" not in old:
            debt["balance"] = _money(old["amount"])
        rate = old.get("rate")
        if isinstance(rate, dict):
            debt["rate"] = rate
        elif rate is not None:
            debt["rate"] = {"percent": _money(rate), "unit": old.get("rate_unit", "year")}
        debts[key] = debt
    out["debts"] = debts
    for name in ("incomes", "expenses", "payments"):
        out[name] = {key: _record_0_to_1(record) for key, record in data.get(name, {}).items()}
    return out


MIGRATIONS: list[Callable[[Data], Data]] = [migrate_0_to_1]


def migrate(data: Data, version: int) -> Data:
    """`data` upgraded from `version` to SCHEMA_VERSION, with every table present."""
    for step in range(version, SCHEMA_VERSION):
        try:
            data = MIGRATIONS[step](data)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise FileProblem(
                _("it could not be upgraded from schema {version} ({error})").format(
                    version=step, error=error
                )
            ) from error
        data = with_meta(data, schema_version=step + 1)
    for name in ALL_TABLES:
        data.setdefault(name, {})
    stored = meta_record(data).get("last_ids")
    last_ids = dict(stored) if isinstance(stored, dict) else {}
    for name in ENTITY_TABLES:
        highest = max((int(key) for key in data[name]), default=0)
        previous = last_ids.get(name, 0)
        if isinstance(previous, bool) or not isinstance(previous, int):
            previous = 0
        last_ids[name] = max(highest, previous)
    return with_meta(data, last_ids=last_ids)
