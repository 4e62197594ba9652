"""Printing through CUPS on the machine the app runs on (`lp`, `lpstat`).

`lp_command` builds the command (the default printer or a chosen one, copies, A4);
`list_printers` asks `lpstat -p -d` which printers exist and which is the default;
`print_file` checks the choice against that list, runs `lp` and returns the job id.
Every failure is a `DeliveryError` naming what is missing (no print system, the print
service not running, no printer, no default) and what to do instead (send the file to
your own computer and print it there). The commands are run with `LC_ALL=C` because
their output is parsed; what the user reads is ours, in the interface language.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reports.delivery import DeliveryError
from workbook.i18n import N_, _

MAX_COPIES = 99
LP_TIMEOUT = 60  # seconds: a local spooler answers at once; a stuck one must not hang us
Runner = Callable[..., subprocess.CompletedProcess]

# What to do instead, said at the end of every "cannot print here" message.
INSTEAD = N_("Or send the file to your own computer and print it there.")


@dataclass(frozen=True)
class Printers:
    """The printers CUPS knows, in its order, and the default (None: not set)."""

    names: tuple[str, ...] = ()
    default: str | None = None
    disabled: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PrintJob:
    job_id: str  # as CUPS names it, e.g. "PDF-12"
    printer: str
    copies: int

    def message(self) -> str:
        return _("Sent to the printer {printer} ({copies} copies), job {job}.").format(
            printer=self.printer, copies=self.copies, job=self.job_id
        )


def check_copies(copies: int | str) -> int:
    """1 to 99 copies, or a DeliveryError saying so."""
    try:
        value = int(str(copies).strip())
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_COPIES:
        raise DeliveryError(
            "bad-copies",
            _("Copies must be a whole number from 1 to {most}.").format(most=MAX_COPIES),
        )
    return value


def lp_command(
    path: Path | str, *, printer: str | None = None, copies: int = 1, title: str | None = None
) -> list[str]:
    """The `lp` command for `path`: A4, `copies` copies, on `printer` (None: the default).

    The path is made absolute so a file named like an option (`-n3.pdf`) stays a file.
    """
    command = ["lp"]
    if printer:
        command += ["-d", printer]
    command += ["-n", str(check_copies(copies)), "-o", "media=A4"]
    if title:
        command += ["-t", title]
    command.append(str(Path(path).absolute()))
    return command


def parse_lpstat(text: str) -> Printers:
    """`lpstat -p -d` output (C locale) as `Printers`."""
    names: list[str] = []
    disabled: set[str] = set()
    default = None
    for line in text.splitlines():
        printer = re.match(r"printer (\S+) (.*)", line)
        if printer:
            names.append(printer.group(1))
            if " disabled" in f" {printer.group(2)}":
                disabled.add(printer.group(1))
            continue
        chosen = re.match(r"system default destination: (\S+)", line)
        if chosen:
            default = chosen.group(1)
    return Printers(tuple(names), default, frozenset(disabled))


def _c_locale(environ: Mapping[str, str] | None) -> dict[str, str]:
    env = dict(os.environ if environ is None else environ)
    env["LC_ALL"] = "C"  # the output is parsed: keep it English whatever the user's locale
    return env


def _no_print_system() -> DeliveryError:
    return DeliveryError(
        "no-print-system",
        _("This computer has no print system: the CUPS command 'lp' is not installed. Ask the administrator to install CUPS (Debian/Ubuntu: apt-get install cups-client).")
        + " " + _(INSTEAD),
    )  # fmt: skip


def _service_down() -> DeliveryError:
    return DeliveryError(
        "print-service-down",
        _("The print service (CUPS) is not running on this computer. Start it (systemctl start cups) or ask the administrator.")
        + " " + _(INSTEAD),
    )  # fmt: skip


def _no_printer() -> DeliveryError:
    return DeliveryError(
        "no-printer",
        _("No printer is set up on this computer. Add one (lpadmin, or the system's printer settings).")
        + " " + _(INSTEAD),
    )  # fmt: skip


_SERVICE_DOWN = re.compile(r"scheduler is not running|unable to connect|connection refused", re.I)


def list_printers(*, run: Runner = subprocess.run, environ: Mapping[str, str] | None = None) -> Printers:
    """The printers CUPS knows; a DeliveryError when there is no print system, it is not
    running, or no printer is set up."""
    try:
        result = run(
            ["lpstat", "-p", "-d"], capture_output=True, text=True,
            env=_c_locale(environ), timeout=LP_TIMEOUT, check=False,
        )  # fmt: skip
    except FileNotFoundError:
        raise _no_print_system() from None
    except subprocess.TimeoutExpired:
        raise _service_down() from None
    if _SERVICE_DOWN.search(result.stderr or ""):
        raise _service_down()
    printers = parse_lpstat(result.stdout or "")
    if not printers.names:
        raise _no_printer()
    return printers


def choose_printer(printers: Printers, wanted: str | None) -> str:
    """The printer to use: `wanted` if CUPS has it, else the default (or the only one)."""
    listed = ", ".join(printers.names)
    if wanted:
        if wanted not in printers.names:
            raise DeliveryError(
                "unknown-printer",
                _("There is no printer named {name}. The printers here: {names}.").format(
                    name=wanted, names=listed
                ),
            )
        return wanted
    if printers.default in printers.names:
        return printers.default
    if len(printers.names) == 1:
        return printers.names[0]
    raise DeliveryError(
        "no-default-printer",
        _("No default printer is set; choose one of: {names}.").format(names=listed),
    )


def print_file(
    path: Path | str,
    *,
    printer: str | None = None,
    copies: int = 1,
    title: str | None = None,
    run: Runner = subprocess.run,
    environ: Mapping[str, str] | None = None,
) -> PrintJob:
    """Send `path` to a printer on A4; the job as CUPS names it, or a DeliveryError."""
    path = Path(path)
    copies = check_copies(copies)
    if not path.is_file():
        raise DeliveryError("no-file", _("There is no file to print at {path}.").format(path=path))
    chosen = choose_printer(list_printers(run=run, environ=environ), printer)
    command = lp_command(path, printer=chosen, copies=copies, title=title or path.name)
    try:
        result = run(
            command, capture_output=True, text=True,
            env=_c_locale(environ), timeout=LP_TIMEOUT, check=False,
        )  # fmt: skip
    except FileNotFoundError:
        raise _no_print_system() from None
    except subprocess.TimeoutExpired:
        raise _service_down() from None
    job = re.search(r"request id is (\S+)", result.stdout or "")
    if result.returncode != 0 or job is None:
        if _SERVICE_DOWN.search(result.stderr or ""):
            raise _service_down()
        detail = " ".join((result.stderr or result.stdout or "").split()) or f"lp exit {result.returncode}"
        raise DeliveryError(
            "print-failed",
            _("The print system did not take the file: {detail}").format(detail=detail)
            + " " + _(INSTEAD),
        )  # fmt: skip
    return PrintJob(job.group(1), chosen, copies)


__all__ = [
    "MAX_COPIES",
    "PrintJob",
    "Printers",
    "check_copies",
    "choose_printer",
    "list_printers",
    "lp_command",
    "parse_lpstat",
    "print_file",
]
