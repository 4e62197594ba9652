"""Every screen's messages are translated by the catalogs the TUI loads at start.

`tests/workbook/test_i18n.py` merges every package's catalog; the running TUI has only
workbook's and tui's own (each screen folder's `locale/`) until something imports
`reports`, so a message translated only in reports' catalog would show in English.
"""

from __future__ import annotations

import ast
from pathlib import Path

from workbook.i18n import parse_po

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tui").rglob("*.py"))


def test_every_message_is_in_a_catalog_the_tui_loads():
    catalog: dict[str, str] = {}
    folders = [ROOT / "workbook/locale/zh", *sorted((ROOT / "tui").glob("**/locale/zh"))]
    for folder in folders:
        for po in sorted(folder.glob("*.po")):
            catalog.update(parse_po(po.read_text(encoding="utf-8")))
    missing = []
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and not catalog.get(node.args[0].value)):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value!r}")
    assert len(FILES) > 40 and not missing, "\n".join(missing)


def test_flags_are_never_called_breaches_of_law_or_regulation_in_chinese():
    """The checks rest on an industry guideline known from the news: "flagged"
    (已标记), never "illegal" (违法) or "against the regulations" (违规)."""
    catalog: dict[str, str] = {}
    for po in sorted((ROOT / "tui").glob("**/locale/zh/*.po")):
        catalog.update(parse_po(po.read_text(encoding="utf-8")))
    wrong = [msgid for msgid, msgstr in catalog.items()
             if any(word in msgstr for word in ("违法", "违规", "违反"))]
    assert not wrong, wrong
