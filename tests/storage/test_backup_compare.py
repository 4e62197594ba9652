"""A backup is compared with the workbook a chunk at a time (memory at every open)."""

from __future__ import annotations

from pathlib import Path

from storage.backup import _holds


def test_a_backup_holds_the_bytes_only_when_every_chunk_and_the_length_agree(tmp_path: Path):
    raw = bytes(range(256)) * 40  # 10 KiB, compared in 1 KiB chunks below
    same = tmp_path / "same"
    same.write_bytes(raw)
    assert _holds(same, raw, chunk=1024)
    late = tmp_path / "late"
    late.write_bytes(raw[:-1] + b"\x00")  # differs in the last chunk only
    assert not _holds(late, raw, chunk=1024)
    early = tmp_path / "early"
    early.write_bytes(b"\x01" + raw[1:])
    assert not _holds(early, raw, chunk=1024)
    longer = tmp_path / "longer"
    longer.write_bytes(raw + b"x")
    assert not _holds(longer, raw, chunk=1024)
    assert not _holds(same, raw[:-1], chunk=1024)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert _holds(empty, b"")
