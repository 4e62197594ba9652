"""Whether every record of a workbook can be read: the one check of an open, a backup
and a restore, so that nothing is called good that an open would then refuse."""

from __future__ import annotations

from storage.atomic import encodes_back
from storage.repository import DECODE_ERRORS
from storage.schema import Data, FileProblem, migrate, parse_workbook, table_label
from workbook.codec import check_dict, record_decoder
from workbook.i18n import _
from workbook.models import (
    Agreement,
    Communication,
    Debt,
    ExpenseItem,
    Hardship,
    IncomeItem,
    Payment,
    Profile,
    Proposal,
    Settings,
)

# table name -> record class; the order is the order of export and of repositories()
ENTITY_CLASSES: dict[str, type] = {
    "debts": Debt,
    "incomes": IncomeItem,
    "expenses": ExpenseItem,
    "proposals": Proposal,
    "hardships": Hardship,
    "communications": Communication,
    "agreements": Agreement,
    "payments": Payment,
}
SINGLE_CLASSES: dict[str, type] = {"profile": Profile, "settings": Settings}


def records_problem(data: Data) -> str | None:
    """Which record cannot be read, or None when all can.

    Checked once at open (the open decodes every record: `decoded_data`), so that a
    hand-edited or damaged record is reported with its backup before any screen tries
    to show it.
    """
    for name, cls in {**ENTITY_CLASSES, **SINGLE_CLASSES}.items():
        for key, doc in data.get(name, {}).items():
            if type(doc) is cls:
                continue  # decoded at open: it could be read
            try:
                check_dict(cls, doc)
            except DECODE_ERRORS as error:
                if name in SINGLE_CLASSES:
                    return _("{record} cannot be read ({error})").format(
                        record=table_label(name), error=error
                    )
                return _("record {id} in {table} cannot be read ({error})").format(
                    id=key, table=table_label(name), error=error
                )
    return None


def checked_data(data: Data, version: int) -> Data:
    """`data` migrated to this program's schema; FileProblem if any record cannot be read."""
    data = migrate(data, version)
    problem = records_problem(data)
    if problem:
        raise FileProblem(problem)
    return data


def check_workbook_bytes(raw: bytes) -> Data:
    """The workbook in `raw`, as an open would accept it; FileProblem or NewerSchema."""
    data, version = parse_workbook(raw)
    return checked_data(data, version)


def decoded_data(data: Data, version: int) -> Data:
    """`checked_data` for an open: every record is decoded (that is the check), and held
    decoded in place of its dict when it encodes back to that very dict (see
    storage.atomic), so the app's first snapshot does not decode the file again.

    FileProblem, with the message of `records_problem`, if any record cannot be read.
    """
    data = migrate(data, version)
    for name, cls in ENTITY_CLASSES.items():
        decode = record_decoder(cls)
        table = data.get(name, {})
        for key, doc in table.items():
            try:
                record = decode(doc, int(key))
            except DECODE_ERRORS as error:
                # Named as every open and backup names it; this record if the check
                # passes what the decode refused.
                raise FileProblem(records_problem(data) or _(
                    "record {id} in {table} cannot be read ({error})"
                ).format(id=key, table=table_label(name), error=error)) from error
            if isinstance(doc, dict) and encodes_back(record, doc):
                table[key] = record  # the dict is let go as the next is decoded
    problem = records_problem(data)  # the profile and the settings
    if problem:
        raise FileProblem(problem)
    return data
