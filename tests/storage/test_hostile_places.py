"""A folder others can write to: planted links and folders are refused, never followed.

Each test plants what another user could plant next to a workbook (a symbolic or
hard link as the lock file, a link or a loose folder as the backup folder) and checks
that opening refuses with the reason and that the file the plant points at is
untouched. The same attacks made by a real second user: test_second_user.py.
"""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook, WorkbookCorrupt, WorkbookLocked
from storage.backup import backup_dir, list_backups, newest_good_backup
from storage.errors import UnsafeLocation
from storage.lock import holder, lock_path
from workbook.models import Debt


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _workbook(path: Path) -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="A", balance=Decimal("1.00")))


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file of the user's that a planted link points at."""
    target = tmp_path / "elsewhere" / "precious.txt"
    target.parent.mkdir()
    target.write_bytes(b"years of notes\n")
    os.chmod(target, 0o644)
    return target


def test_a_lock_planted_as_a_symlink_is_refused_and_its_target_untouched(wb_path, victim):
    _workbook(wb_path)
    lock_path(wb_path).unlink()
    lock_path(wb_path).symlink_to(victim)
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(wb_path)
    assert victim.read_bytes() == b"years of notes\n"
    assert _mode(victim) == 0o644  # not truncated, not made 0600
    message = caught.value.message
    assert str(lock_path(wb_path)) in message and "symbolic link" in message
    assert "\n" not in message


def test_a_dangling_lock_symlink_creates_nothing_where_it_points(wb_path, tmp_path):
    _workbook(wb_path)
    lock_path(wb_path).unlink()
    aim = tmp_path / "made-by-us"
    lock_path(wb_path).symlink_to(aim)
    with pytest.raises(UnsafeLocation):
        Workbook.open(wb_path)
    assert not os.path.lexists(aim)


def test_a_lock_planted_as_a_hard_link_is_refused(wb_path, victim):
    _workbook(wb_path)
    lock_path(wb_path).unlink()
    os.link(victim, lock_path(wb_path))
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(wb_path)
    assert victim.read_bytes() == b"years of notes\n"
    assert "hard link" in caught.value.message


def test_a_lock_of_another_user_is_refused(wb_path):
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root (test_second_user.py covers it)")
    _workbook(wb_path)
    os.chown(lock_path(wb_path), 65534, 65534)
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(wb_path)
    assert "belongs to another user" in caught.value.message


def test_a_backup_folder_planted_as_a_symlink_is_refused(wb_path, tmp_path):
    _workbook(wb_path)
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (wb_path.parent / "backups").symlink_to(theirs)
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(wb_path)
    assert list(theirs.iterdir()) == []  # no copy of the workbook went there
    assert "symbolic link" in caught.value.message
    assert holder(wb_path) is None


def test_a_backup_folder_others_can_write_to_is_refused_and_not_offered(wb_path):
    _workbook(wb_path)
    Workbook.open(wb_path).close()  # takes a backup
    (backup,) = list_backups(wb_path)
    os.chmod(backup_dir(wb_path), 0o777)
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(wb_path)
    assert "other users can write to it" in caught.value.message
    assert str(backup_dir(wb_path)) in caught.value.message
    # A copy in a folder anybody could have filled is never offered as "good".
    assert newest_good_backup(wb_path) is None
    wb_path.write_bytes(b"{")
    with pytest.raises(WorkbookCorrupt) as damaged:
        Workbook.open(wb_path, read_only=True)
    assert str(backup) not in damaged.value.message


def test_a_symlinked_workbook_stays_a_link_and_has_one_writer(tmp_path):
    real = tmp_path / "data" / "real.json"
    _workbook(real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with Workbook.open(link) as wb:
        assert wb.path == real
        wb.debts.add(Debt(lender="B", balance=Decimal("2.00")))
        # The link and the real path are one workbook: one writer.
        with pytest.raises(WorkbookLocked):
            Workbook.open(real)
    assert link.is_symlink() and os.readlink(link) == str(real)
    with Workbook.open(real, read_only=True) as wb:
        assert [d.lender for d in wb.debts.list()] == ["A", "B"]
    assert not os.path.lexists(lock_path(link))


def test_a_file_that_is_not_a_workbook_gets_no_lock_file_beside_it(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"shopping: rice, tea\n")
    with pytest.raises(WorkbookCorrupt):
        Workbook.open(notes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert notes.read_bytes() == b"shopping: rice, tea\n"


def test_a_lock_that_existed_before_a_failed_open_stays(wb_path):
    _workbook(wb_path)  # leaves its (released) lock file
    wb_path.write_bytes(b"{")
    with pytest.raises(WorkbookCorrupt):
        Workbook.open(wb_path)
    assert lock_path(wb_path).exists()
    assert holder(wb_path) is None


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_special_file_as_the_workbook_is_refused_without_hanging(tmp_path, kind):
    path = tmp_path / "w.json"
    if kind == "fifo":
        os.mkfifo(path)  # reading it would wait for a writer forever
    else:
        path.symlink_to("/dev/zero")  # reading it would never end
    for read_only in (True, False):
        with pytest.raises(WorkbookCorrupt) as caught:
            Workbook.open(path, read_only=read_only)
        assert "not a regular file" in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json"]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import storage.private as private

    path = tmp_path / "w.json"
    _workbook(path)
    monkeypatch.setattr(private, "MAX_READ_BYTES", 100)
    monkeypatch.setattr(private.read_regular, "__defaults__", (100,))
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(path, read_only=True)
    assert "too large to be a workbook" in caught.value.message


def _export(wb_path: Path, capsys, *args: str) -> tuple[int, str]:
    from tui.cli.export import run_export

    code = run_export(["csv", "--table", "debts", *args], wb_path)
    return code, capsys.readouterr().err


def test_an_export_folder_others_can_write_to_is_refused(wb_path, capsys):
    _workbook(wb_path)
    exports = wb_path.parent / "exports"
    exports.mkdir()
    os.chmod(exports, 0o777)
    code, err = _export(wb_path, capsys)
    assert code == 2
    assert "other users can write to the folder" in err and str(exports) in err
    assert list(exports.iterdir()) == []
    os.chmod(exports, 0o700)
    assert _export(wb_path, capsys)[0] == 0


def test_an_export_folder_planted_as_a_link_to_another_users_folder_is_refused(
    wb_path, tmp_path, capsys
):
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root (test_second_user.py covers it)")
    _workbook(wb_path)
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 65534, 65534)
    (wb_path.parent / "exports").symlink_to(theirs)
    code, err = _export(wb_path, capsys)
    assert code == 2 and "belongs to another user" in err
    assert list(theirs.iterdir()) == []


def test_repay_restore_through_a_link_lists_the_real_workbooks_backups(tmp_path, capsys):
    from tui.cli import commands as cli_commands

    real = tmp_path / "data" / "real.json"
    _workbook(real)
    Workbook.open(real).close()
    (backup,) = list_backups(real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert cli_commands.restore(link, None, assume_yes=False) == 0
    assert backup.name in capsys.readouterr().out
