"""Valid money round-trips through storage exactly: add -> reopen -> get."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storage import Workbook
from workbook import fmt
from workbook.codec import MAX_DIGITS, MAX_MAGNITUDE
from workbook.models import Debt, Rate, RateUnit
from workbook.parse import parse_money

money = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=Decimal("999999999999.99"),
    allow_nan=False,
    allow_infinity=False,
    places=2,
)
# Whatever the user typed, with its own exponent: 1E+3, 0.10, 12345.6789, -0; any
# value the record decoder accepts (the ones it refuses: tests/storage/test_out_of_range.py).
any_exact = st.decimals(allow_nan=False, allow_infinity=False).filter(
    lambda d: not d
    or (-MAX_DIGITS <= d.adjusted() < MAX_MAGNITUDE and len(d.as_tuple().digits) <= MAX_DIGITS)
)
lenders = st.text(min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(balance=money, principal=any_exact, rate=any_exact, fee=money, lender=lenders)
def test_decimal_amounts_survive_add_reopen_get_exactly(balance, principal, rate, fee, lender):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "money.json"
        record = Debt(
            lender=lender,
            balance=balance,
            principal=principal,
            monthly_fee=fee,
            rate=Rate(rate, RateUnit.DAY),
        )
        with Workbook.open(path) as wb:
            stored = wb.debts.add(record)
        with Workbook.open(path) as wb:
            back = wb.debts.get(stored.id)
        assert back == stored
        for name in ("balance", "principal", "monthly_fee"):
            # Same value *and* same digits: 1.10 must not come back as 1.1.
            assert str(getattr(back, name)) == str(getattr(record, name))
            assert isinstance(getattr(back, name), Decimal)
        assert str(back.rate.percent) == str(rate)
        assert back.lender == lender


typed = st.decimals(
    min_value=Decimal("0"), max_value=Decimal("999999999999.99"), places=2
).flatmap(
    lambda d: st.sampled_from(
        [f"{d}", f"{d:,}", f"¥{d:,}", f"{d}元", "".join(chr(ord(c) + 0xFEE0) for c in f"{d}")]
    ).map(lambda text: (d, text))
)


@settings(max_examples=40, deadline=None)
@given(typed=typed)
def test_money_as_typed_is_stored_and_shown_back_to_the_cent(typed):
    # What a person types -> parse -> store -> reopen -> shown -> parsed again: no drift.
    amount, text = typed
    parsed = parse_money(text)
    assert parsed.ok and parsed.value == amount
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "typed.json"
        with Workbook.open(path) as wb:
            stored = wb.debts.add(Debt(lender="L", balance=parsed.value))
        with Workbook.open(path, read_only=True) as wb:
            back = wb.debts.get(stored.id).balance
    assert back == amount and back.as_tuple().exponent == -2
    assert parse_money(fmt.money(back)).value == back
