"""The layering and lint rules, enforced as tests so CI fails when they break."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_ruff_passes():
    result = subprocess.run(
        [_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes():
    # Strict for workbook/ and storage/, the defaults for reports/ and tui/: see
    # [tool.mypy] in pyproject.toml, which also names the packages it checks.
    result = subprocess.run(
        # No cache: each run checks from scratch and leaves nothing behind.
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold():
    result = subprocess.run(
        [_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_packages_never_load_textual():
    # The static graph misses imports done at run time; import every module for real.
    code = """
import importlib, pkgutil, sys
for name in ("workbook", "storage", "reports"):
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
assert not loaded, loaded
"""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_cli_headless_commands_do_not_load_textual():
    code = "import sys, tui.cli.main, tui.cli.commands; assert 'textual' not in sys.modules"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_first_frame_does_not_load_the_records_or_tinydb():
    # What `repay` imports before home's frame is drawn (tui/README.md, "Start"): the
    # record classes, the step rules, storage's TinyDB side and the reports come after.
    code = """
import sys, tui.cli.main, tui.cli.demo, storage.claim, tui.app, tui.home.screen
heavy = ("tinydb", "storage.workbook", "workbook.models", "workbook.followup.progress",
         "workbook.overview", "reportlab", "textual.widgets._data_table")
loaded = sorted(m for m in sys.modules if m.startswith(heavy))
assert not loaded, loaded
"""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_an_existing_demo_is_handed_over_unread(tmp_path):
    # `repay demo` on a demo made before: the command reads nothing itself (the app does).
    code = f"""
import sys
from datetime import date
from pathlib import Path
from tui.cli.demo import ensure_demo
path = Path({str(tmp_path / "demo.json")!r})
made = path.exists()
ensure_demo(path, reset=False, today=date(2026, 11, 28))
assert path.stat().st_size > 1024
if made:
    assert "storage.workbook" not in sys.modules and "workbook.models" not in sys.modules
"""
    for _ in ("make the demo", "start on it"):
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
