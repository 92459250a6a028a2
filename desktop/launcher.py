"""The ``claimdesk`` entry point: subcommands run headless; no subcommand opens the GUI.

The arguments are parsed once, here.  Qt is imported only when the GUI is
wanted, so the command line stays fast and runs on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from db.cli import EXIT_USAGE
from db.cli.files import split_file_arguments, window_options_only
from db.errors import ClaimDeskError
from db.paths import RENDER_PDF_FLAG, RENDER_VIEW_FLAG


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The command line, parsed (a usage error exits 2 with one line)."""
    from db.cli import parse

    return parse(argv)[1]


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except ImportError as exc:  # a package missing: the window's own, or a command's
        from db.cli import import_failure

        print(f"claimdesk: {import_failure(exc)}", file=sys.stderr)
        return EXIT_USAGE


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [RENDER_PDF_FLAG]:  # a packaged build rendering a PDF report
        from desktop.pdf_render import main as render_main

        return render_main(args[1:])
    if args[:1] == [RENDER_VIEW_FLAG]:  # ... or a timeline or link graph picture
        from desktop.view_render import main as view_main

        return view_main(args[1:])
    from db.cli import build_parser, run, wants_gui

    files: list[str] = []
    if window_options_only(args):  # the window's options only: no subcommand to parse
        parser = build_parser(commands=False)
    else:
        parser = build_parser()
        try:
            args, files = split_file_arguments(args, subcommands(parser))
        except ClaimDeskError as exc:
            print(f"claimdesk: {exc}", file=sys.stderr)
            return EXIT_USAGE
    parsed = (parser, parser.parse_args(args))
    if wants_gui(parsed[1]):
        from desktop import start_collection

        start_collection.hold()  # (back on once the panels are built: desktop.app)
        # The window opens the file checking its form only; the quick integrity
        # check runs once the window shows (writes wait for it).
        from desktop.source_lines import scan_sources_quickly

        scan_sources_quickly()  # before the window's modules load
        from desktop.app import main as gui_main

        parsed[1].open_files = files  # what the desktop handed over (%F)
        return gui_main(parsed[1])
    check_named_workspace(args)
    return run(parsed=parsed)


def check_named_workspace(args: Sequence[str]) -> None:
    """Begin the integrity check of the file named by ``--db`` in the background
    (:func:`db.file_guard.check_soon`) while a subcommand's code loads; opening the
    workspace takes its verdict.  Anything not an existing file is left to the
    parser and to opening."""
    from db.file_guard import check_soon

    for n, arg in enumerate(args):
        if arg == "--":
            return
        value = arg.removeprefix("--db=") if arg.startswith("--db=") else None
        if arg == "--db" and n + 1 < len(args):
            value = args[n + 1]
        if value and "://" not in value:
            path = Path(value).expanduser()
            if path.is_file():
                check_soon(path.resolve())
            return


def subcommands(parser: argparse.ArgumentParser) -> set[str]:
    """The names of *parser*'s subcommands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


if __name__ == "__main__":
    raise SystemExit(main())
