"""A private CUPS scheduler with a cups-pdf printer, for the print test.

cupsd runs as root in a mount namespace of its own: a private tmpfs on /run, the test's
folder bound at /run/repay-cups (so its paths are short and the same inside and out),
and the folder's `etc` bound over /etc/cups, because the cups-pdf backend reads its
configuration from /etc/cups/cups-pdf.conf and nowhere else. The machine's CUPS
configuration, spool and any running cupsd are not touched; clients reach this one
through CUPS_SERVER=<folder>/cups.sock. cups-pdf writes what it prints to <folder>/out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

INSIDE = "/run/repay-cups"  # the test folder as cupsd and its filters see it
PPD_CANDIDATES = (
    "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd",
    "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd",
    "/usr/share/cups/model/CUPS-PDF_opt.ppd",
)
START_TIMEOUT = 15.0


class CupsUnavailable(Exception):
    """A private CUPS with cups-pdf cannot run here; the message says why."""


def _ppd() -> str | None:
    return next((p for p in PPD_CANDIDATES if Path(p).is_file()), None)


CUPSD_CONF = f"""\
Listen {INSIDE}/cups.sock
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

CUPS_FILES_CONF = f"""\
ServerRoot /etc/cups
RequestRoot {INSIDE}/spool
TempDir {INSIDE}/spool/tmp
CacheDir {INSIDE}/cache
StateDir {INSIDE}/state
ErrorLog {INSIDE}/log/error_log
AccessLog {INSIDE}/log/access_log
PageLog {INSIDE}/log/page_log
Printcap {INSIDE}/printcap
FileDevice No
"""

CUPS_PDF_CONF = f"""\
Out {INSIDE}/out
AnonDirName {INSIDE}/out
Spool {INSIDE}/cups-pdf-spool
Grp root
UserUMask 0077
Log {INSIDE}/log
LogType 1
"""


class PrivateCups:
    def __init__(self, folder: Path) -> None:
        if os.geteuid() != 0:
            raise CupsUnavailable("a private cupsd with cups-pdf needs root (CI runs as root)")
        for tool in ("cupsd", "lp", "lpstat", "lpadmin", "unshare"):
            if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
                raise CupsUnavailable(f"{tool} is not installed (.ci/run installs cups and cups-client)")
        if not Path("/usr/lib/cups/backend/cups-pdf").exists() or _ppd() is None:
            raise CupsUnavailable("the cups-pdf printer is not installed (.ci/run installs printer-driver-cups-pdf)")
        self.folder = folder
        for name in ("etc/ppd", "spool/tmp", "cache", "state", "log", "out", "cups-pdf-spool"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / "etc" / "cupsd.conf").write_text(CUPSD_CONF)
        (folder / "etc" / "cups-files.conf").write_text(CUPS_FILES_CONF)
        (folder / "etc" / "cups-pdf.conf").write_text(CUPS_PDF_CONF)
        # The filters run as the unprivileged `lp` user: the spool must be readable to it.
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o1777 if path.name in ("tmp", "cups-pdf-spool") else 0o755)
        self.out = folder / "out"
        self.socket = folder / "cups.sock"
        self.process: subprocess.Popen | None = None

    @property
    def environ(self) -> dict[str, str]:
        """The environment of a CUPS client talking to this scheduler."""
        return {**os.environ, "CUPS_SERVER": str(self.socket), "LC_ALL": "C"}

    def start(self) -> PrivateCups:
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        script = (
            f"mount -t tmpfs -o mode=0755 repay-cups /run && mkdir -p {INSIDE} /run/cups"
            f" && mount --bind {self.folder} {INSIDE} && mount --bind {self.folder}/etc /etc/cups"
            f" && exec {cupsd} -f -c /etc/cups/cupsd.conf -s /etc/cups/cups-files.conf"
        )
        log = (self.folder / "cupsd.out").open("wb")
        self.process = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CupsUnavailable(f"cupsd could not start: {self._logs()}")
            probe = subprocess.run(["lpstat", "-r"], env=self.environ, capture_output=True, text=True)
            if "is running" in probe.stdout:
                return self
            time.sleep(0.1)
        self.stop()
        raise CupsUnavailable(f"cupsd did not answer within {START_TIMEOUT} s: {self._logs()}")

    def add_pdf_printer(self, name: str = "PDF", *, default: bool = True) -> None:
        command = ["lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-P", str(_ppd())]
        done = subprocess.run(command, env=self.environ, capture_output=True, text=True)
        if done.returncode != 0:
            raise CupsUnavailable(f"lpadmin could not add the cups-pdf printer: {done.stderr.strip()}")
        if default:
            subprocess.run(["lpadmin", "-d", name], env=self.environ, check=True, capture_output=True)

    def _logs(self) -> str:
        parts = [self.folder / "cupsd.out", self.folder / "log" / "error_log"]
        return " | ".join(p.read_text(errors="replace").strip() for p in parts if p.exists())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
