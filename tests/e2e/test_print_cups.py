"""Printing the signed-agreement checklist through a real CUPS to the cups-pdf printer.

A private cupsd (see e2e_cupsd.py) with one cups-pdf printer as the default; the checklist
is written by `repay export` from the demo workbook and sent with
`reports.delivery.printing.print_file`, which must name the job CUPS made; the printed
file must then appear in cups-pdf's output folder as an A4 PDF of the same pages.
"""

from __future__ import annotations

import re
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest
from e2e_cupsd import CupsUnavailable, PrivateCups
from e2e_helpers import repay_command, unavailable
from pypdf import PdfReader

from reports.delivery import DeliveryError
from reports.delivery.printing import list_printers, print_file
from tui.cli.demo import ensure_demo

A4 = (595.28, 841.89)  # points
PRINT_TIMEOUT = 60.0  # seconds for the filters and ghostscript on a slow machine


@pytest.fixture(scope="module")
def cups(tmp_path_factory):
    try:
        server = PrivateCups(tmp_path_factory.mktemp("cups")).start()
    except CupsUnavailable as exc:
        unavailable(str(exc))
    yield server
    server.stop()


@pytest.fixture
def checklist(tmp_path):
    workbook = ensure_demo(tmp_path / "demo.json", reset=False, today=date(2026, 3, 15))
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        ["sh", "-c", repay_command("--db", str(workbook), "export", "checklist", "--out", str(out),
                                   "--today", "2026-03-15", "--lang", "en")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (line,) = [x for x in done.stdout.splitlines() if x.startswith("Written: ")]
    written = Path(line.split(": ", 1)[1])
    assert written.parent == out and written.suffix == ".pdf"
    return written


def _printed(cups: PrivateCups, before: set[Path]) -> Path:
    """The finished file cups-pdf wrote that was not there `before` (it appears before
    ghostscript has finished writing it)."""
    deadline = time.monotonic() + PRINT_TIMEOUT
    while time.monotonic() < deadline:
        for path in set(cups.out.rglob("*.pdf")) - before:
            data = path.read_bytes()
            if data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]:
                return path
        time.sleep(0.1)
    raise AssertionError(f"nothing printed in {PRINT_TIMEOUT} s: {cups._logs()}")


def test_no_printer_yet_says_so(cups):
    with pytest.raises(DeliveryError) as caught:
        list_printers(environ=cups.environ)
    assert caught.value.reason == "no-printer"


def test_the_checklist_prints_on_a4_and_the_job_is_named(cups, checklist):
    cups.add_pdf_printer("PDF")
    assert list_printers(environ=cups.environ).default == "PDF"
    before = set(cups.out.rglob("*.pdf"))
    job = print_file(checklist, environ=cups.environ)
    assert re.fullmatch(r"PDF-\d+", job.job_id)
    assert (job.printer, job.copies) == ("PDF", 1)
    printed = PdfReader(_printed(cups, before))
    original = PdfReader(checklist)
    assert len(printed.pages) == len(original.pages)
    for page in printed.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=1.5)


def test_an_unknown_printer_is_refused_by_name(cups, checklist):
    cups.add_pdf_printer("PDF")
    with pytest.raises(DeliveryError) as caught:
        print_file(checklist, printer="Nope", environ=cups.environ)
    assert caught.value.reason == "unknown-printer"
    assert "PDF" in caught.value.message


def test_repay_print_checklist_end_to_end(cups, tmp_path):
    cups.add_pdf_printer("PDF")
    before = set(cups.out.rglob("*.pdf"))
    workbook = ensure_demo(tmp_path / "demo.json", reset=False, today=date(2026, 3, 15))
    done = subprocess.run(
        ["sh", "-c", repay_command("--db", str(workbook), "print", "checklist", "--copies", "1",
                                   "--today", "2026-03-15", "--lang", "en")],
        capture_output=True, text=True, timeout=60, env=cups.environ,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written, sent = done.stdout.splitlines()
    assert written.startswith("Written: ") and written.endswith(".pdf")
    assert re.fullmatch(r"Sent to the printer PDF \(1 copies\), job PDF-\d+\.", sent)
    assert PdfReader(_printed(cups, before)).pages
