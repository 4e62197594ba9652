"""`repay export --help` describes every export kind the job knows (a kind added to the
job without a line here made every export fail)."""

from reports.export_job import KINDS
from tui.cli.export import KIND_HELP


def test_every_kind_has_its_help_line():
    assert set(KIND_HELP) == set(KINDS)
