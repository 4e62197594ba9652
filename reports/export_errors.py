"""The problems an export reports to the user, each already in the UI language."""

from __future__ import annotations

import errno
from pathlib import Path

from workbook.i18n import N_, _


class ExportError(Exception):
    """A problem the user can fix; the message is already translated."""


# The usual reasons a file cannot be written, in our words (strerror is English only).
OS_REASONS = {
    errno.EACCES: N_("no permission to write there"),
    errno.EPERM: N_("no permission to write there"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOTDIR: N_("part of the folder's path is a file"),
    errno.ENOENT: N_("the folder cannot be created there"),
    errno.EISDIR: N_("a folder has that name"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
}


class NotOurs(ExportError):
    """The target exists and repay did not write it (or it changed since)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            _("{path} exists and was not written by repay; add --force to replace it").format(
                path=path
            )
        )


class NoMatch(ExportError):
    """A filter (--lender) matched nothing: the user learns which names there are."""


class WriteError(ExportError):
    """The file could not be written: where, and why in the user's words."""

    def __init__(self, error: OSError, path: Path | None) -> None:
        reason = OS_REASONS.get(error.errno or 0)
        self.reason = _(reason) if reason else (error.strerror or str(error))
        self.path = path if path is not None else error.filename
        super().__init__(
            _("could not write {path}: {reason}").format(path=self.path, reason=self.reason)
        )


__all__ = ["OS_REASONS", "ExportError", "NoMatch", "NotOurs", "WriteError"]
