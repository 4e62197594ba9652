"""The borrower's details (issue 13): the ID number's check character (GB 11643, ISO
7064 MOD 11-2) and date of birth, a mainland mobile number, an e-mail address; each
in half-width form, each refusal a sentence in the user's language."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.parse import id_check_character, parse_email, parse_id_number, parse_mobile

TODAY = date(2026, 11, 28)
FULL_WIDTH = str.maketrans("0123456789X@.", "０１２３４５６７８９Ｘ＠。")


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def an_id(region: str, born: date, sequence: str) -> str:
    first17 = f"{region}{born:%Y%m%d}{sequence}"
    return first17 + id_check_character(first17)


def test_published_sample_numbers():
    # The worked example of GB 11643-1999's annex and a number ending in X.
    assert id_check_character("11010519491231002") == "X"
    assert parse_id_number("11010519491231002X", today=TODAY).value == "11010519491231002X"
    assert parse_id_number("110105194912310021", today=TODAY).error
    assert id_check_character("44052418800101001") == "4"


def test_the_check_character_is_mod_11_2():
    # ISO 7064 MOD 11-2: the sum of digit x 2^(17-i) plus the check value is 1 mod 11.
    values = {**{str(d): d for d in range(10)}, "X": 10}
    for first17 in ("11010119900101123", "44030419851231000", "65010220000229999"):
        check = values[id_check_character(first17)]
        weighted = sum(int(d) * 2 ** (17 - i) for i, d in enumerate(first17))
        assert (weighted + check) % 11 == 1


regions = st.sampled_from(["110101", "310104", "440305", "510107", "650102", "810000", "910000"])
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.from_regex(r"[0-9]{3}", fullmatch=True)


@given(regions, births, sequences)
def test_every_valid_number_is_accepted_in_any_typing(region, born, sequence):
    number = an_id(region, born, sequence)
    assert parse_id_number(number, today=TODAY).value == number
    typed = f" {number[:6]} {number[6:14]}-{number[14:]} ".lower().translate(FULL_WIDTH)
    assert parse_id_number(typed, today=TODAY).value == number


@given(regions, births, sequences, st.integers(0, 17), st.integers(1, 9))
def test_any_one_changed_digit_is_caught(region, born, sequence, position, delta):
    number = an_id(region, born, sequence)
    if position == 17:
        wrong = "0123456789X"[("0123456789X".index(number[17]) + delta) % 11]
    else:
        wrong = str((int(number[position]) + delta) % 10)
    typo = number[:position] + wrong + number[position + 1:]
    assert not parse_id_number(typo, today=TODAY).ok


@given(regions, st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2199, 1, 1)),
       sequences)
def test_a_birth_after_today_is_refused(region, born, sequence):
    error = parse_id_number(an_id(region, born, sequence), today=TODAY).error
    assert error and "after today" in error


def test_refusals_say_what_is_wrong():
    cases = {
        "110101900101123": "15-digit",
        "11010119900101123": "17 were typed",
        "1101011990010112A7": "no other letters",
        "110101199002301237": "is not a date",
        "110101189912311237": "is not a date",  # before 1900
        "110101199001011234": "check digit",
    }
    for typed, words in cases.items():
        error = parse_id_number(typed, today=TODAY).error
        assert error and words in error, typed
    assert parse_id_number("", today=TODAY).value == ""
    assert parse_id_number("", today=TODAY, required=True).error


@given(st.sampled_from("3456789"), st.from_regex(r"[0-9]{9}", fullmatch=True),
       st.sampled_from(["", "+86", "+86 ", "0086", "86"]), st.sampled_from(["", " ", "-"]))
def test_mobile_numbers_in_any_typing_become_11_digits(second, rest, prefix, sep):
    number = f"1{second}{rest}"
    typed = prefix + sep.join([number[:3], number[3:7], number[7:]])
    assert parse_mobile(typed).value == number
    assert parse_mobile(typed.translate(FULL_WIDTH)).value == number


def test_mobile_refusals():
    assert "10 digits" in parse_mobile("1380013800").error
    for typed in ("12345678901", "010-12345678", "phone", "138001380001"):
        assert parse_mobile(typed).error, typed
    assert parse_mobile("  ").value == ""


def test_email_addresses():
    assert parse_email("zhangwei@Example.COM").value == "zhangwei@example.com"
    assert parse_email("Zhang.Wei+debt＠ＥＸＡＭＰＬＥ。ｃｏｍ").value == "Zhang.Wei+debt@example.com"
    assert parse_email("").value == ""
    assert "exactly one @" in parse_email("a@@b.com").error
    assert "exactly one @" in parse_email("zhangwei.example.com").error
    for typed in ("a b@c.com", "a@b", "a..b@c.com", ".a@c.com", "a@-c.com", "a@c..com",
                  "a@c.c", "a" * 250 + "@c.com"):
        assert parse_email(typed).error, typed


@given(st.text(max_size=300))
def test_the_parsers_never_raise_and_return_half_width(text):
    for result in (parse_id_number(text, today=TODAY), parse_mobile(text), parse_email(text)):
        assert result.ok != (result.error is not None)
        if result.value:
            assert result.value.isascii() or "@" in result.value
            assert result.value == result.value.strip() and " " not in result.value


def test_every_message_is_exercised_and_translated():
    tree = ast.parse(Path(__file__).resolve().parents[2].joinpath("workbook/identity.py")
                     .read_text())
    msgids = {n.args[0].value for n in ast.walk(tree)
              if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "_"}
    made = [
        lambda: parse_id_number("x" * 101, today=TODAY),
        lambda: parse_id_number("", today=TODAY, required=True),
        lambda: parse_id_number("110101900101123", today=TODAY),
        lambda: parse_id_number("1101", today=TODAY),
        lambda: parse_id_number("1101011990010112A7", today=TODAY),
        lambda: parse_id_number("110101199002301237", today=TODAY),
        lambda: parse_id_number("110101203001011237", today=TODAY),
        lambda: parse_id_number("110101199001011234", today=TODAY),
        lambda: parse_mobile("phone"),
        lambda: parse_mobile("1380013800"),
        lambda: parse_email("a@b"),
        lambda: parse_email("a@@b"),
    ]
    seen = {make().error for make in made}
    assert not {m for m in msgids if not any(s.startswith(m.split("{")[0]) for s in seen)}
    i18n.set_language("zh")
    chinese = [make().error for make in made]
    assert all(any("\u4e00" <= c <= "\u9fff" for c in c_) for c_ in chinese)
    assert not any("{" in c for c in chinese)


def test_profile_problems_names_each_detail_the_form_would_refuse():
    from datetime import date

    from workbook.identity import profile_problems

    today = date(2026, 11, 28)
    assert profile_problems("110101199001011237", "13800138000", "li@example.com", today=today) == []
    assert profile_problems("", "", "", today=today) == []  # empty is allowed
    labels = [label for label, _ in profile_problems("110101199001011230", "12345", "li@", today=today)]
    assert labels == ["ID number", "Mobile", "Email"]
