"""The attacks of a second user in a folder both can write to (sticky, like /tmp),
made by a real second account. Skipped, with the reason, where the test cannot make
one (it needs root and `useradd`).

The second user plants a link as the lock file, makes the backup and export folders
their own, and (as the reader of a file they may not read) runs `repay due` on a
workbook that is not theirs: "permission denied", never "damaged".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook
from storage.backup import list_backups
from storage.errors import UnsafeLocation
from storage.lock import lock_path
from workbook.models import Debt

OTHER = "repay-attacker"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def other_user():
    if os.geteuid() != 0:
        pytest.skip("making a second user needs root")
    if shutil.which("useradd") is None:
        pytest.skip("no useradd on this machine")
    made = False
    if subprocess.run(["id", OTHER], capture_output=True).returncode != 0:
        done = subprocess.run(
            ["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", OTHER],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            pytest.skip(f"useradd refused: {done.stderr.strip()}")
        made = True
    yield OTHER
    if made:
        subprocess.run(["userdel", OTHER], capture_output=True)


@pytest.fixture
def shared():
    """A folder everybody may write to, with the sticky bit (as /tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="repay-shared-", dir="/tmp"))
    os.chmod(folder, 0o1777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_other(user: str, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), user=user, group=user, capture_output=True, text=True, timeout=60
    )


def _workbook(path: Path) -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00")))


def test_a_lock_link_planted_by_another_user_is_refused(other_user, shared):
    precious = shared.parent / f"{shared.name}-precious.txt"
    precious.write_bytes(b"do not truncate\n")
    try:
        os.chmod(precious, 0o644)
        path = shared / "wb.json"
        assert as_other(other_user, "ln", "-s", str(precious), str(lock_path(path))).returncode == 0
        with pytest.raises(UnsafeLocation) as caught:
            Workbook.open(path)
        assert "symbolic link" in caught.value.message
        assert precious.read_bytes() == b"do not truncate\n"
        assert os.stat(precious).st_mode & 0o777 == 0o644
        assert not path.exists()
    finally:
        precious.unlink()


def test_a_lock_file_of_another_user_is_refused(other_user, shared):
    path = shared / "wb.json"
    assert as_other(other_user, "touch", str(lock_path(path))).returncode == 0
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(path)
    assert "belongs to another user" in caught.value.message


def test_a_backup_folder_made_by_another_user_gets_no_copy(other_user, shared):
    path = shared / "wb.json"
    _workbook(path)
    theirs = shared / "backups"
    assert as_other(other_user, "mkdir", "-m", "0777", str(theirs)).returncode == 0
    with pytest.raises(UnsafeLocation) as caught:
        Workbook.open(path)
    assert "belongs to another user" in caught.value.message
    assert list(theirs.iterdir()) == []
    assert list_backups(path) == []  # and nothing in it is ever offered as a backup


def test_an_export_folder_made_by_another_user_gets_no_export(other_user, shared, capsys):
    from tui.cli.export import run_export

    path = shared / "wb.json"
    _workbook(path)
    theirs = shared / "exports"
    assert as_other(other_user, "mkdir", "-m", "0777", str(theirs)).returncode == 0
    assert run_export(["csv", "--table", "debts"], path) == 2
    assert "belongs to another user" in capsys.readouterr().err
    assert list(theirs.iterdir()) == []


def _python_for(user: str) -> list[str]:
    """A Python the other user may run, importing this checkout and its packages."""
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    if not system.exists():
        pytest.skip(f"no {system} for the second user (our own Python is in /root)")
    return [str(system)]


def test_a_workbook_the_user_may_not_read_is_permission_denied_not_damaged(other_user, shared):
    import site

    path = shared / "wb.json"
    _workbook(path)
    os.chmod(shared, 0o1777)
    env = {
        "PYTHONPATH": os.pathsep.join([str(ROOT), *site.getsitepackages()]),
        "LANG": "C.UTF-8",
        "HOME": str(shared),
    }
    result = subprocess.run(
        [*_python_for(other_user), "-m", "tui.cli.main", "--lang", "en", "--db", str(path), "due"],
        user=other_user,
        group=other_user,
        capture_output=True,
        text=True,
        env=env,
        cwd=str(shared),
        timeout=60,
    )
    if "No module named" in result.stderr:
        pytest.skip(f"the second user cannot import the program: {result.stderr.strip()}")
    assert result.returncode == 2, result.stderr
    assert "permission denied" in result.stderr and str(path) in result.stderr
    assert "damaged" not in result.stderr and "Traceback" not in result.stderr
