"""Fuzz (hypothesis) of every parser and of the record decoder, seen from storage.

- Whatever text a parser accepts (workbook.parse), the record holding the value is
  stored and opened again: a form can never save what the next start refuses.
- The text helpers (workbook.textnum) never raise on any text and keep their promises.
- The record decoder (workbook.codec) meets any JSON value: it raises only the errors
  an open turns into "damaged" (storage.repository.DECODE_ERRORS), check_dict refuses
  exactly what from_dict refuses, and what it accepts is stored again unchanged.
- Any bytes given as a workbook are accepted or refused as damage; never a traceback.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from datetime import date
from decimal import Decimal, localcontext

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.records import check_workbook_bytes
from storage.repository import DECODE_ERRORS
from storage.schema import FileProblem, NewerSchema
from workbook import models
from workbook.codec import check_dict, from_dict, to_dict
from workbook.parse import (
    parse_date,
    parse_due_day,
    parse_int,
    parse_money,
    parse_percent,
    parse_rate,
)
from workbook.textnum import clean, decimal_places, plain, scaled, small_number

MODEL_CLASSES = [
    cls
    for _, cls in inspect.getmembers(models, inspect.isclass)
    if dataclasses.is_dataclass(cls) and cls.__module__ == models.__name__
]
# Texts near what people type: digits, separators, units, Chinese numerals, junk.
PIECES = list("0123456789０１２３４５６７８９.,。-+%‰/年月日号万千亿元¥ ") + [
    "rmb", "k", "w", "月息", "日息万五", "年化", "end", "月末", "2026-12-01", "1e400",
    "9" * 30, "一", "十五", "点", "\u3000", "\x00",
]  # fmt: skip
TYPED = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _round_trips(record: object) -> None:
    stored = json.loads(json.dumps(to_dict(record), ensure_ascii=False))
    assert from_dict(type(record), stored) == dataclasses.replace(record)


@FUZZ
@given(text=TYPED)
def test_what_the_money_parser_accepts_is_stored_and_read_back(text):
    parsed = parse_money(text, allow_negative=True)
    if parsed.ok and parsed.value is not None:
        _round_trips(models.Debt(lender="x", balance=parsed.value, monthly_payment=parsed.value))


@FUZZ
@given(text=TYPED)
def test_what_the_rate_and_percent_parsers_accept_is_stored_and_read_back(text):
    rate = parse_rate(text)
    if rate.ok and rate.value is not None:
        _round_trips(models.Debt(lender="x", balance=Decimal(1), rate=rate.value))
    percent = parse_percent(text)
    if percent.ok and percent.value is not None:
        _round_trips(models.Debt(lender="x", balance=Decimal(1), card_min_percent=percent.value))


@FUZZ
@given(text=TYPED)
def test_what_the_day_date_and_count_parsers_accept_is_stored_and_read_back(text):
    day = parse_due_day(text)
    if day.ok and day.value is not None:
        _round_trips(models.Debt(lender="x", balance=Decimal(1), due_day=day.value))
    when = parse_date(text)
    if when.ok and when.value is not None:
        _round_trips(models.Debt(lender="x", balance=Decimal(1), start_date=when.value))
    count = parse_int(text)
    if count.ok and count.value is not None:
        _round_trips(models.Debt(lender="x", balance=Decimal(1), overdue_days=count.value))


@FUZZ
@given(text=st.one_of(st.none(), TYPED))
def test_the_text_helpers_never_raise(text):
    cleaned = clean(text)
    assert isinstance(cleaned, str) and not any(c.isspace() for c in cleaned)
    number = small_number(cleaned)
    assert number is None or isinstance(number, Decimal)


@FUZZ
@given(value=st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_plain_keeps_the_value_and_drops_only_zeros(value):
    if abs(value.adjusted()) > 300:
        return  # far outside anything typed (the parsers cap input at 100 characters)
    assert plain(value) == value
    assert decimal_places(plain(value)) == decimal_places(value)


@FUZZ
@given(digits=st.from_regex(r"[0-9]{1,30}(\.[0-9]{0,30})?", fullmatch=True), power=st.integers(-8, 8))
def test_scaled_is_exact(digits, power):
    with localcontext() as exact:  # the expected value without the default 28 digits
        exact.prec = 200
        expected = Decimal(digits) * Decimal(10) ** power
    assert scaled(digits, power) == expected


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["2026-01-31", "9999-12-31", "1e400", "NaN", "12.50", "31", "monthly"])
    | st.decimals(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _doc_for(cls: type) -> st.SearchStrategy:
    """Dicts with the class's own field names (so decoders run), values anything."""
    names = [f.name for f in dataclasses.fields(cls)]
    return st.dictionaries(st.sampled_from(names), JSON, max_size=len(names)) | JSON


@FUZZ
@given(data=st.data())
def test_the_record_decoder_only_raises_what_an_open_reports(data):
    cls = data.draw(st.sampled_from(MODEL_CLASSES))
    doc = data.draw(_doc_for(cls))
    try:
        record = from_dict(cls, doc)
    except DECODE_ERRORS:
        refused = True
    else:
        refused = False
        _round_trips(record)  # accepted: it is stored again and reads back the same
    try:
        check_dict(cls, doc)
    except DECODE_ERRORS:
        assert refused or _has_defaults_for_missing(cls, doc)
    else:
        assert not refused


def _has_defaults_for_missing(cls: type, doc: object) -> bool:
    # check_dict also demands the required fields, which from_dict leaves to the class.
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    return isinstance(doc, dict) and any(name not in doc for name in required)


@FUZZ
@given(
    tables=st.dictionaries(
        st.sampled_from(["debts", "agreements", "payments", "meta", "profile", "x"]),
        st.dictionaries(st.sampled_from(["1", "2", "01", "a", "9" * 12]), JSON, max_size=2)
        | JSON,
        max_size=4,
    )
)
def test_any_json_as_a_workbook_is_accepted_or_reported_as_damage(tables):
    raw = json.dumps(tables, default=str).encode()
    try:
        check_workbook_bytes(raw)
    except (FileProblem, NewerSchema):
        pass


@FUZZ
@given(raw=st.binary(max_size=200))
def test_any_bytes_as_a_workbook_are_accepted_or_reported_as_damage(raw):
    try:
        check_workbook_bytes(raw)
    except (FileProblem, NewerSchema):
        pass


def test_the_fuzz_reaches_accepted_values():
    # Guards the guards above: the typed texts do produce values the parsers accept.
    assert parse_money("1.2万").value == Decimal("12000.00")
    assert parse_due_day("月末").value == 31
    assert parse_date("2026年2月3日").value == date(2026, 2, 3)
