"""A stand-in for subprocess.run that answers each command from a script."""

from __future__ import annotations

import subprocess


class FakeRun:
    """Answers commands in order; records each call (argv and keyword arguments)."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls: list[tuple[list[str], dict]] = []

    def __call__(self, argv, **kwargs):
        self.calls.append((list(argv), kwargs))
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        code, out, err = answer
        return subprocess.CompletedProcess(argv, code, out, err)
