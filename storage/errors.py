"""What can go wrong with a workbook file, as exceptions that carry one clear line.

The TUI and CLI show `error.message` as it is, so every message is a whole sentence
in the current UI language that says which file, what is wrong and what the user can
do next. Nothing here touches the disk.
"""

from __future__ import annotations

import errno
import shlex
from datetime import datetime
from pathlib import Path

from workbook.i18n import N_, _, current_language


class WorkbookError(Exception):
    """Base of every storage error; `.message` is one line in the current UI language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkbookLocked(WorkbookError):
    """Another process holds the workbook's lock."""

    def __init__(
        self,
        path: Path,
        pid: int | None,
        host: str,
        since: datetime | None,
        *,
        restoring: bool = False,
    ) -> None:
        self.path, self.pid, self.host, self.since = Path(path), pid, host, since
        who = {
            "path": str(path),
            "pid": pid if pid is not None else "?",
            "host": host or "?",
            "since": since.strftime("%Y-%m-%d %H:%M") if since else "?",
        }
        if restoring:
            text = _(
                "{path} is open in another Repay Workbook (process {pid} on {host}, "
                "since {since}). Close it there before restoring a backup."
            )
        else:
            text = _(
                "{path} is open in another Repay Workbook (process {pid} on {host}, "
                "since {since}). Close it there, or start with --read-only to look "
                "without changing anything."
            )
        super().__init__(text.format(**who))


def sentences(*parts: str) -> str:
    """Sentences joined as the language writes them: Chinese puts no space after 。."""
    return ("" if current_language() == "zh" else " ").join(parts)


# What the operating system says, in the UI's language (strerror is always English).
_OS_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EIO: N_("the disk reported an input/output error"),
}


def os_reason(error: OSError) -> str:
    """Why the operating system refused, as a phrase in the current UI language."""
    msgid = _OS_REASONS.get(error.errno or 0)
    return _(msgid) if msgid else (error.strerror or str(error))


def _backup_advice(workbook: Path, backup: Path | None, *, too_new: bool = False) -> str:
    if backup is None:
        return _("No good backup was found.")
    # The whole command, with --db: a bare `repay restore` would act on the default
    # workbook, not on this one.
    command = f"repay --db {shlex.quote(str(workbook))} restore {shlex.quote(str(backup))}"
    if too_new:
        return _(
            "If you cannot update, put back the newest backup this version can open "
            "(what the newer version saved since is then lost): {command}"
        ).format(command=command)
    return _("To put back the newest good backup: {command}").format(command=command)


class WorkbookCorrupt(WorkbookError):
    """The file is empty, does not parse, or holds something that is not a workbook.

    `workbook` is the workbook the backup would restore, when `path` is not it (a
    damaged backup chosen for a restore)."""

    def __init__(
        self, path: Path, problem: str, backup: Path | None, *, workbook: Path | None = None
    ) -> None:
        self.path, self.problem, self.backup = Path(path), problem, backup
        text = _("{path} is damaged: {problem}. The file was left exactly as it is.").format(
            path=str(path), problem=problem
        )
        super().__init__(sentences(text, _backup_advice(Path(workbook or path), backup)))


class WorkbookTooNew(WorkbookError):
    """The file was written by a newer program (a schema version we do not know)."""

    def __init__(
        self,
        path: Path,
        version: int,
        known: int,
        backup: Path | None,
        *,
        workbook: Path | None = None,
    ) -> None:
        self.path, self.version, self.known, self.backup = Path(path), version, known, backup
        text = _(
            "{path} was saved by a newer version of Repay Workbook (schema {version}; "
            "this program knows up to {known}). The file was left exactly as it is: "
            "update the program to open it."
        ).format(path=str(path), version=version, known=known)
        advice = _backup_advice(Path(workbook or path), backup, too_new=True)
        super().__init__(sentences(text, advice))


class ReadOnlyError(WorkbookError):
    """A change was attempted on a workbook opened read-only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            _(
                "{path} is open read-only, so nothing can be changed. Close it and open "
                "it without --read-only to make changes."
            ).format(path=str(path))
        )


class WorkbookWriteError(WorkbookError):
    """The operating system refused a write (disk full, permissions, ...)."""

    def __init__(self, path: Path, error: OSError, *, opening: bool = False) -> None:
        self.path, self.error = Path(path), error
        reason = os_reason(error)
        if opening:
            text = _("Could not open {path} for writing: {reason}. Nothing was changed.")
        else:
            text = _(
                "Could not save {path}: {reason}. The last change was not saved; the file "
                "on disk still holds the previous version."
            )
        super().__init__(text.format(path=str(path), reason=reason))


class BackupFailed(WorkbookWriteError):
    """A backup could not be written (disk full, permissions); nothing was changed."""

    def __init__(self, workbook: Path, folder: Path, error: OSError) -> None:
        self.path, self.folder, self.error = Path(workbook), Path(folder), error
        WorkbookError.__init__(
            self,
            _(
                "Could not write a backup of {path} into {folder}: {reason}. Nothing was "
                "changed. Free some space or fix the folder, then try again; --read-only "
                "opens the workbook without taking a backup."
            ).format(path=str(workbook), folder=str(folder), reason=os_reason(error)),
        )


class WorkbookMissing(WorkbookError):
    """No workbook file where one was expected."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(_("There is no workbook at {path}.").format(path=str(path)))


class WorkbookIsFolder(WorkbookError):
    """The path given for the workbook is a folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            _(
                "{path} is a folder, not a workbook file. Give the file's path, for "
                "example {example}."
            ).format(path=str(path), example=str(Path(path) / "workbook.json"))
        )


class WorkbookExists(WorkbookError):
    """An import would overwrite an existing workbook."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            _(
                "{path} already exists. Choose a new file name for the imported workbook; "
                "the existing one was not touched."
            ).format(path=str(path))
        )


class WorkbookClosed(WorkbookError):
    """The workbook was used after close()."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(_("{path} has been closed; open it again.").format(path=str(path)))


class RecordNotFound(WorkbookError, KeyError):
    """update/delete of a record that is not (or no longer) in the workbook."""

    def __init__(self, table_label: str, record_id: int | None) -> None:
        self.table, self.record_id = table_label, record_id
        super().__init__(
            _("There is no record {id} in {table}; it may have been deleted.").format(
                id=record_id, table=table_label
            )
        )

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


# Why a file or folder is refused (storage.private.UnsafePlace.why), translated when shown.
UNSAFE_REASONS = {
    "symlink": N_("it is a symbolic link, which another user may have planted"),
    "other-owner": N_("it belongs to another user"),
    "others-write": N_("other users can write to it"),
    "hard-link": N_("it has a second name (a hard link), which another user may have made"),
    "not-regular": N_("it is not a regular file"),
    "not-folder": N_("it is not a folder"),
}


class UnsafeLocation(WorkbookError):
    """A lock file, backup folder or export folder that another user could have planted."""

    def __init__(self, path: Path, why: str) -> None:
        self.path, self.why = Path(path), why
        reason = _(UNSAFE_REASONS.get(why, why))
        super().__init__(
            _(
                "Refused to use {path}: {reason}. Nothing was changed. Remove it, or keep "
                "the workbook in a folder only you can write to."
            ).format(path=str(path), reason=reason)
        )


class WorkbookUnreadable(WorkbookError):
    """The file exists but cannot be read (permissions, a disk error): not damage."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path, self.error = Path(path), error
        super().__init__(
            _("Could not read {path}: {reason}. The file was left exactly as it is.").format(
                path=str(path), reason=os_reason(error)
            )
        )
