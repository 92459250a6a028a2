"""The command line run in-process, as the tests of its commands use it."""

from __future__ import annotations

import io

from db.cli import run


def cli(*argv: str) -> tuple[int, str]:
    """The exit code and the output of one command."""
    out = io.StringIO()
    return run(list(argv), out=out), out.getvalue()
