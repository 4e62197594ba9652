"""Every record survives to_dict -> JSON text -> from_dict exactly.

The strategies are derived from the dataclasses' own type hints, so a field added to
a model later is covered without touching this file.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import types
import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import i18n, models
from workbook.codec import (
    INT_RANGES,
    MAX_DIGITS,
    MAX_INT,
    MAX_MAGNITUDE,
    MAX_YEAR,
    MIN_YEAR,
    check_dict,
    from_dict,
    record_encoder,
    to_dict,
)

MODEL_CLASSES = [
    cls
    for _, cls in inspect.getmembers(models, inspect.isclass)
    if dataclasses.is_dataclass(cls) and cls.__module__ == models.__name__
]

def _in_range(d: Decimal) -> bool:
    # What the decoder accepts (codec's range checks; refusals: tests/storage/test_out_of_range.py).
    return not d or (
        -MAX_DIGITS <= d.adjusted() < MAX_MAGNITUDE and len(d.as_tuple().digits) <= MAX_DIGITS
    )


# Finite Decimals of any shape the decoder accepts: large, tiny, negative zero,
# trailing zeros, exponents.
DECIMALS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False).filter(_in_range),
    st.decimals(min_value=-(10**12), max_value=10**12, places=2),
    st.sampled_from([Decimal("-0"), Decimal("0.00"), Decimal("1E+3"), Decimal("12.3400")]),
)
TIMEZONES = st.one_of(
    st.none(),
    st.builds(timezone, st.timedeltas(timedelta(hours=-23, minutes=-59), timedelta(hours=23))),
)
BASIC: dict[type, st.SearchStrategy] = {
    str: st.text(),
    int: st.integers(-MAX_INT, MAX_INT),
    bool: st.booleans(),
    Decimal: DECIMALS,
    date: st.dates(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)),
    datetime: st.datetimes(
        datetime(MIN_YEAR, 1, 1), datetime(MAX_YEAR, 12, 31), timezones=TIMEZONES
    ),
}


def strategy_for(tp: typing.Any, name: str = "") -> st.SearchStrategy:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(strategy_for(a, name) for a in typing.get_args(tp)))
    if tp is int and name in INT_RANGES:
        return st.integers(*INT_RANGES[name])
    if tp is type(None):
        return st.none()
    if origin is list:
        (inner,) = typing.get_args(tp)
        return st.lists(strategy_for(inner), max_size=4)
    if origin is dict:
        key, value = typing.get_args(tp)
        return st.dictionaries(strategy_for(key), strategy_for(value), max_size=4)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return st.sampled_from(list(tp))
    if dataclasses.is_dataclass(tp):
        return record_strategy(tp)
    return BASIC[tp]


def record_strategy(cls: type) -> st.SearchStrategy:
    hints = typing.get_type_hints(cls)
    fields = {f.name: strategy_for(hints[f.name], f.name) for f in dataclasses.fields(cls)}
    return st.builds(cls, **fields)


def test_every_model_class_is_covered():
    names = {cls.__name__ for cls in MODEL_CLASSES}
    assert {"Debt", "Rate", "Agreement", "Communication", "Settings", "LprEntry"} <= names
    for cls in MODEL_CLASSES:
        record_strategy(cls)  # raises KeyError for a field type this file cannot build


def _same(a: typing.Any, b: typing.Any) -> None:
    """Equal, and Decimals equal in form too ("1.0" stays "1.0", "-0" stays "-0")."""
    assert type(a) is type(b), (a, b)
    if isinstance(a, Decimal):
        assert str(a) == str(b)
    elif isinstance(a, datetime):
        assert a == b and a.utcoffset() == b.utcoffset()
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name))
    elif isinstance(a, list):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    elif isinstance(a, dict):
        assert a.keys() == b.keys()
        for k in a:
            _same(a[k], b[k])
    else:
        assert a == b


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_round_trip_through_json(cls, data):
    record = data.draw(record_strategy(cls))
    text = json.dumps(to_dict(record), ensure_ascii=False)
    stored = json.loads(text)
    back = from_dict(cls, stored, id=getattr(record, "id", None))
    assert back == record
    _same(back, record)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_stored_form_is_plain_json(cls, data):
    record = data.draw(record_strategy(cls))
    stored = to_dict(record)
    assert "id" not in stored  # storage keeps the id

    def check(value: typing.Any) -> None:
        assert value is None or isinstance(value, str | int | bool | list | dict), value
        assert not isinstance(value, float)
        if isinstance(value, list):
            for v in value:
                check(v)
        if isinstance(value, dict):
            for v in value.values():
                check(v)

    check(stored)


def test_decimals_are_stored_as_exact_strings():
    debt = models.Debt(lender="x", balance=Decimal("12345.10"), rate=models.Rate(Decimal("0.05")))
    stored = to_dict(debt)
    assert stored["balance"] == "12345.10"
    assert stored["rate"] == {"percent": "0.05", "unit": "year"}


def test_unknown_keys_are_ignored_and_missing_fields_take_defaults():
    debt = from_dict(models.Debt, {"lender": "x", "balance": "1.00", "from_the_future": 1}, id=7)
    assert debt == models.Debt(lender="x", balance=Decimal("1.00"), id=7)


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"balance": "abc"}, "'abc' is not a number"),
        ({"balance": "NaN"}, "'NaN' is not a number"),
        ({"balance": "-Infinity"}, "is not a number"),
        ({"balance": 1.5}, "1.5 is not a number"),  # a float would not be exact
        ({"balance": True}, "True is not a number"),
        ({"lender": 5}, "5 is not text"),
        ({"overdue_days": "3"}, "'3' is not a whole number"),
        ({"overdue_days": True}, "True is not a whole number"),
        ({"status": "weird"}, "weird"),
        ({"start_date": "2026-13-01"}, "month must be in 1..12"),
        ({"channels": "phone"}, "'phone' is not a list"),
        ({"rate": "18%"}, "'18%' is not a record"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_with_the_value(changes, complaint):
    i18n.set_language("en")
    good = to_dict(models.Debt(lender="x", balance=Decimal("1.00")))
    with pytest.raises((TypeError, ValueError)) as caught:
        from_dict(models.Debt, {**good, **changes})
    assert complaint in str(caught.value)


def test_integers_are_exact_decimals():
    assert from_dict(models.Debt, {"lender": "x", "balance": 12}).balance == Decimal(12)


def test_the_complaint_is_in_the_ui_language():
    i18n.set_language("zh")
    with pytest.raises(ValueError) as caught:
        from_dict(models.Debt, {"lender": "x", "balance": "abc"})
    assert str(caught.value) == "'abc' 不是数字"


@pytest.mark.parametrize(
    "doc",
    [
        {"lender": "x", "balance": "abc"},
        {"balance": "1.00"},  # a required field missing
        {"lender": "x", "balance": "1", "rate": {"percent": "1", "unit": "week"}},
        "not a record",
    ],
)
def test_check_dict_refuses_what_from_dict_refuses(doc):
    for call in (lambda: from_dict(models.Debt, doc), lambda: check_dict(models.Debt, doc)):
        with pytest.raises((TypeError, ValueError)):
            call()
    check_dict(models.Debt, to_dict(models.Debt(lender="x", balance=Decimal(1))))


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_the_fast_record_encoder_writes_what_to_dict_writes(cls, data):
    # Storage writes records it holds decoded through record_encoder on every save:
    # the text must be to_dict's to the byte (keys in the same order, same types).
    record = data.draw(record_strategy(cls))
    fast = record_encoder(cls)(record)
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(to_dict(record), ensure_ascii=False)


def test_short_texts_read_from_many_records_are_one_shared_string():
    # A lender's name repeated over a 10,000-entry log is held once (memory).
    docs = [{"at": "2026-01-01T09:00:00", "lender": "".join(["机构", "7"]), "summary": "x" * 40}
            for _ in range(3)]
    records = [from_dict(models.Communication, doc) for doc in docs]
    assert records[0].lender is records[1].lender is records[2].lender
    assert records[0].summary == docs[0]["summary"]  # long texts read as they are
