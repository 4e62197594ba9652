"""reports/ carries its own translations: a document in Chinese does not depend on the
TUI's catalog being loaded (the CLI export never loads it)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import ast, pathlib, sys
import reports
from workbook import i18n
assert not any(m == "tui" or m.startswith("tui.") for m in sys.modules)
zh = i18n.catalog("zh")
missing = []
for path in sorted(pathlib.Path("reports").rglob("*.py")):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_") and node.args
                and isinstance(node.args[0], ast.Constant)):
            if not zh.get(node.args[0].value):
                missing.append(f"{path}:{node.lineno}: {node.args[0].value!r}")
print("\\n".join(missing))
sys.exit(1 if missing else 0)
"""


def test_reports_messages_are_translated_without_the_tui():
    result = subprocess.run(
        [sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
