"""Opening in two parts (storage.claim): the checks and the lock first, the records later.

The claim must refuse what an open refuses before reading (a busy workbook, a folder),
read nothing itself, and leave no lock behind when the later read fails. The settings
peek must find what the full read finds, or nothing.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage import Workbook, WorkbookCorrupt, WorkbookIsFolder, WorkbookLocked
from storage.claim import TAIL_BYTES, claim, peek_settings
from storage.lock import lock_path
from workbook.models import Communication, Debt, Settings


def _workbook(path: Path, **chosen: str) -> Path:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("1200.50")))
        wb.save_settings(Settings(**chosen))
    return path


def test_a_claim_loaded_is_the_workbook_an_open_gives(wb_path):
    _workbook(wb_path, language="zh")
    held = claim(wb_path)
    wb = Workbook.load_claimed(held)
    try:
        assert [d.lender for d in wb.debts.list()] == ["招商银行"]
        assert wb.settings().language == "zh" and not wb.read_only
    finally:
        wb.close()
    with Workbook.open(wb_path) as again:  # the lock went with the close
        assert again.debts.list()[0].balance == Decimal("1200.50")


def test_the_claim_holds_the_lock_before_anything_is_read(wb_path):
    _workbook(wb_path)
    held = claim(wb_path)
    try:
        with pytest.raises(WorkbookLocked):
            claim(wb_path)
        with pytest.raises(WorkbookLocked):
            Workbook.open(wb_path)
    finally:
        held.release()
    claim(wb_path).release()  # free again


def test_a_damaged_file_is_claimed_then_refused_at_the_read_without_a_lock_left(wb_path):
    wb_path.parent.mkdir(parents=True)
    wb_path.write_text('{"debts": {"1": ', encoding="utf-8")
    held = claim(wb_path)  # nothing is read yet: the claim cannot know
    with pytest.raises(WorkbookCorrupt):
        Workbook.load_claimed(held)
    assert not lock_path(wb_path).exists()  # as a failed open: no .lock beside it
    claim(wb_path).release()  # and the lock is free
    assert wb_path.read_text(encoding="utf-8") == '{"debts": {"1": '  # untouched


def test_a_claim_is_loaded_once(wb_path):
    held = claim(wb_path)
    wb = Workbook.load_claimed(held)
    try:
        with pytest.raises(RuntimeError):
            Workbook.load_claimed(held)
        held.release()  # after a load the workbook owns the lock: nothing happens
        with pytest.raises(WorkbookLocked):
            claim(wb_path)
    finally:
        wb.close()


def test_the_path_checks_come_with_the_claim(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(WorkbookIsFolder):
        claim(folder)
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(WorkbookCorrupt):
        claim(fifo)
    assert not lock_path(fifo).exists()


def test_a_read_only_claim_takes_no_lock(wb_path):
    _workbook(wb_path)
    with Workbook.open(wb_path):  # another window writes
        held = claim(wb_path, read_only=True)
        assert held.lock is None
        wb = Workbook.load_claimed(held)
        assert wb.read_only and wb.debts.list()[0].lender == "招商银行"
        wb.close()


# -- the settings peek ---------------------------------------------------------------


def test_the_peek_finds_the_saved_language_theme_and_name(wb_path):
    _workbook(wb_path, language="zh", theme="light", workbook_name="我的账本")
    assert peek_settings(wb_path) == {
        "language": "zh",
        "theme": "light",
        "workbook_name": "我的账本",
    }


def test_the_peek_reads_past_a_big_log(wb_path):
    with Workbook.open(wb_path) as wb:
        wb.save_settings(Settings(language="zh"))
        wb.communications.add_many(
            [
                Communication(
                    at=datetime(2026, 11, 1, 9, 0), lender=f"机构{i}", summary="说明" * 40
                )
                for i in range(500)
            ]
        )
    assert wb_path.stat().st_size > 4 * TAIL_BYTES
    assert peek_settings(wb_path)["language"] == "zh"


def test_text_that_looks_like_the_settings_key_does_not_fool_the_peek(wb_path):
    sly = 'x"settings":{"1":{"language":"en","theme":"light"}}'
    _workbook(wb_path, language="zh", workbook_name=sly)
    assert peek_settings(wb_path) == {"language": "zh", "theme": "dark", "workbook_name": sly}


def test_settings_far_from_the_end_are_not_peeked(wb_path):
    _workbook(wb_path, language="zh")
    data = json.loads(wb_path.read_text(encoding="utf-8"))
    # A file written in another order: the settings first, a long log after them.
    data = {"settings": data.pop("settings"), **data}
    data["communications"] = {str(i): {"lender": "x" * 200} for i in range(1, 600)}
    wb_path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    assert peek_settings(wb_path) == {}


@pytest.mark.parametrize(
    "content",
    [b"", b"not json at all", b'{"settings":{"1":', b'{"settings":{"1":["zh"]}}', b"\xff\xfe\x00"],
)
def test_a_file_the_peek_cannot_read_gives_nothing(tmp_path, content):
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    assert peek_settings(path) == {}


def test_the_peek_of_a_missing_file_or_a_fifo_gives_nothing(tmp_path):
    assert peek_settings(tmp_path / "missing.json") == {}
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert peek_settings(fifo) == {}  # and does not wait for a writer


@settings(max_examples=40, deadline=None)
@given(
    name=st.text(max_size=60),
    language=st.sampled_from(["", "zh", "en"]),
    theme=st.sampled_from(["dark", "light"]),
)
def test_the_peek_agrees_with_the_full_read(tmp_path_factory, name, language, theme):
    path = tmp_path_factory.mktemp("peek") / "w.json"
    _workbook(path, language=language, theme=theme, workbook_name=name)
    peeked = peek_settings(path)
    with Workbook.open(path, read_only=True) as wb:
        saved = wb.settings()
    assert peeked == {key: getattr(saved, key) for key in ("language", "theme", "workbook_name")}
