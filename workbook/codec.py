"""Dataclass records <-> plain JSON-safe dicts.

Decimals become strings (never floats), dates and datetimes ISO 8601, enums their
value. `from_dict` ignores keys it does not know, so an older program can read a
record that a newer field was added to, and fills missing fields with defaults.

`from_dict` checks every value's type and raises TypeError or ValueError (with the
value) for one that does not fit: a hand-edited or damaged file is refused when it is
opened instead of failing later in the middle of a screen.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from workbook.i18n import N_, _

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# Records are dataclasses: what `dataclasses.fields` and `dataclasses.replace` take.
T = TypeVar("T", bound="DataclassInstance")


def to_dict(record: Any) -> dict[str, Any]:
    """A plain dict of `record`'s fields, without its `id` (storage keeps that).

    ValueError/TypeError for a value `from_dict` would refuse (out of range): what is
    stored must open again, so such a value is refused before anything is written.
    """
    out = {}
    for f in dataclasses.fields(record):
        if f.name == "id":
            continue
        out[f.name] = _encode(getattr(record, f.name))
    check_dict(type(record), out)
    return out


@functools.cache
def record_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    """`to_dict` for one class without its checks: one dict display, each field's
    encoding chosen once from its type.

    For records known to be storable (decoded from a checked file): storage writes a
    10,000-entry log through it on every save (see storage.atomic), where `to_dict`'s
    per-value type tests took ~100 ms. Gives the same dict as `to_dict`, keys in
    field order (a test compares the two on generated records).
    """
    hints = _hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.name != "id"]
    namespace: dict[str, Any] = {"_encode": _encode}
    items = []
    for name in names:
        if not name.isidentifier():  # never for a dataclass field; said, not assumed
            raise TypeError(f"field {name!r}")
        items.append(f"{name!r}: {_field_expression(hints[name], f'r.{name}')}")
    source = "def encode_record(r):\n    return {" + ", ".join(items) + "}\n"
    exec(source, namespace)  # noqa: S102 - the source is made of field names only
    encode_record: Callable[[Any], dict[str, Any]] = namespace["encode_record"]
    return encode_record


def encode_record(record: Any) -> dict[str, Any]:
    """`record_encoder` of the record's own class, applied."""
    encoder: Callable[[Any], dict[str, Any]] = record_encoder(record.__class__)
    return encoder(record)


def _field_expression(tp: Any, value: str) -> str:
    """Python source that encodes `value` (an attribute read) of type `tp` as `_encode`."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and args[0] is not type(None):
            inner = _field_expression(args[0], "v")
            if inner == "v":
                return value
            return f"(None if (v := {value}) is None else {inner})"
        return f"_encode({value})"
    if tp in (str, int, bool):
        return value  # decoded with an exact type check: already JSON
    if tp is Decimal:
        return f"str({value})"
    if tp in (datetime, date):
        return f"{value}.isoformat()"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"{value}.value"
    return f"_encode({value})"


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    raise TypeError(f"cannot store {type(value).__name__}")


def from_dict(cls: type[T], data: dict[str, Any], id: int | None = None) -> T:
    """Build a `cls` from a dict made by `to_dict`; `id` is set when the class has one."""
    decode: Callable[[Any, int | None], T] = record_decoder(cls)
    return decode(data, id)


@functools.cache
def record_decoder(cls: type[T]) -> Callable[[Any, int | None], T]:
    """`from_dict` for one class, its field decoders looked up once: storage decodes a
    10,000-entry log with it in one loop, without the per-record lookups."""
    decoders = _decoders(cls)
    has_id = "id" in _hints(cls)

    def decode_record(data: Any, id: int | None = None) -> T:
        if not isinstance(data, dict):
            raise TypeError(_wrong(dict, data))
        kwargs = {name: decode(data[name]) for name, decode in decoders if name in data}
        if id is not None and has_id:
            kwargs["id"] = id
        return cls(**kwargs)

    return decode_record


def check_dict(cls: type, data: Any) -> None:
    """Raise as `from_dict(cls, data)` would, without building the record (faster)."""
    if not isinstance(data, dict):
        raise TypeError(_wrong(dict, data))
    for name, decode in _decoders(cls):
        if name in data:
            decode(data[name])
    missing = [name for name in _required(cls) if name not in data]
    if missing:
        raise TypeError(f"missing {', '.join(missing)}")


@functools.cache
def _required(cls: type) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _decoders(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    # Worked out once per class: a log of 10,000 entries decodes field by field.
    hints = _hints(cls)
    return tuple((f.name, _decoder(hints[f.name], f.name)) for f in dataclasses.fields(cls))


def _identity(value: Any) -> Any:
    return value


# What a value should have been, for the message that says it was not (translated).
_KINDS = {
    str: N_("{value} is not text"),
    int: N_("{value} is not a whole number"),
    bool: N_("{value} is not yes or no"),
    list: N_("{value} is not a list"),
    dict: N_("{value} is not a record"),
    Decimal: N_("{value} is not a number"),
}


def _wrong(tp: type, value: Any) -> str:
    shown = repr(value)
    return _(_KINDS[tp]).format(value=shown if len(shown) <= 40 else shown[:37] + "...")


SHARED_TEXT = 24  # texts up to this length are read as one shared string


def _short_text_shared(value: Any) -> Any:
    # A lender's name, a phone number or a channel repeats in thousands of log entries:
    # each record pointing at one string saves ~1 MB on a 10,000-entry log.
    if type(value) is not str:
        raise TypeError(_wrong(str, value))
    return sys.intern(value) if len(value) <= SHARED_TEXT else value


def _exactly(tp: type) -> Callable[[Any], Any]:
    # `type(...) is`: JSON true is not a number and 1 is not a yes/no.
    def check(value: Any) -> Any:
        if type(value) is not tp:
            raise TypeError(_wrong(tp, value))
        return value

    return check


# Range checks at decode: a value of the right type that no screen could compute with
# (1e400 overflows the first quantize, 9999-12-31 has no next month, a due day of 99
# none at all) is found when the file is opened and reported like other damage,
# instead of a traceback later. The bounds are far beyond what the forms accept.
MAX_DIGITS = 40  # a Decimal with more significant digits than this is not money
MAX_MAGNITUDE = 15  # |x| < 10**15: a thousand times the largest amount a form takes
MAX_INT = 10**9
MIN_YEAR, MAX_YEAR = 1000, 9000  # dates get months and years added, never 10000
INT_RANGES = {"due_day": (1, 31)}


def _out_of_range(value: Any) -> str:
    shown = repr(value)
    return _("{value} is out of range").format(
        value=shown if len(shown) <= 40 else shown[:37] + "..."
    )


def _decimal(value: Any) -> Decimal:
    if type(value) not in (str, int, Decimal):  # never a float, never a bool
        raise TypeError(_wrong(Decimal, value))
    if type(value) is str and len(value) > 2 * MAX_DIGITS:
        raise ValueError(_wrong(Decimal, value))
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(_wrong(Decimal, value)) from None
    if not number.is_finite():  # NaN would raise in the first comparison of a screen
        raise ValueError(_wrong(Decimal, value))
    if number and (
        number.adjusted() >= MAX_MAGNITUDE
        or len(number.as_tuple().digits) > MAX_DIGITS
        or number.adjusted() < -MAX_DIGITS
    ):
        raise ValueError(_out_of_range(value))
    return number


def _int(name: str) -> Callable[[Any], Any]:
    low, high = INT_RANGES.get(name, (-MAX_INT, MAX_INT))
    exactly = _exactly(int)

    def check(value: Any) -> Any:
        exactly(value)
        if not low <= value <= high:
            raise ValueError(_out_of_range(value))
        return value

    return check


def _when(tp: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if type(value) is not str:
            raise TypeError(_wrong(str, value))
        parsed = tp.fromisoformat(value)  # type: ignore[attr-defined]
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValueError(_out_of_range(value))
        return parsed

    return check


def _container(tp: type, decode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, tp):
            raise TypeError(_wrong(tp, value))
        return decode(value)

    return check


def _decoder(tp: Any, name: str = "") -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        decode_inner = _decoder(inner, name)
        return lambda value: None if value is None else decode_inner(value)
    if origin is list:
        (inner,) = typing.get_args(tp)
        decode_item = _decoder(inner)
        return _container(list, lambda value: [decode_item(v) for v in value])
    if origin is dict:
        _, inner = typing.get_args(tp)
        decode_value = _decoder(inner)
        return _container(dict, lambda value: {k: decode_value(v) for k, v in value.items()})
    if tp is Decimal:
        return _decimal
    if tp is int:
        return _int(name)
    if tp is str:
        return _short_text_shared
    if tp is bool:
        return _exactly(tp)
    if tp in (datetime, date):
        return _when(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda value: from_dict(tp, value)
    return _identity
