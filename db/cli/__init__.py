"""The ``claimdesk`` command line: headless, never imports Qt.

Each subcommand module (core, team, shared, formats, safety, versions, search,
assist, facts, views) adds its subcommands through ``register(subparsers, common)``;
a handler receives a :class:`CliContext` and returns an exit code.  The parser is built
once per run: :func:`parse` reads the arguments, and the launcher hands the
result to :func:`run` or to the GUI.  Expected failures
(:class:`ClaimDeskError`) print one line on stderr and exit 2, having changed
nothing; so does a Python package found missing, wherever it was imported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, NoReturn

from db.errors import ClaimDeskError

if TYPE_CHECKING:  # the workspace (and SQLAlchemy) load when a command first needs them
    from db.workspace import Workspace

EXIT_USAGE = 2

Handler = Callable[["CliContext"], int]


@dataclass
class CliContext:
    args: argparse.Namespace
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    err: IO[str] = field(default_factory=lambda: sys.stderr)
    _ws: Workspace | None = None

    @property
    def ws(self) -> Workspace:
        """The workspace named by --db (or the default one), opened on first use."""
        if self._ws is None:
            from db.paths import default_workspace
            from db.workspace import open_workspace

            target = getattr(self.args, "db", None) or default_workspace()
            self._ws = open_workspace(target)
            self._bind(self._ws)
        return self._ws

    def _bind(self, ws: Workspace) -> None:
        """Who acts: --as NAME, else the workspace's first analyst.  In a local workspace
        without analysts the first write makes the person at this computer its first
        analyst (never a made-up name); :meth:`close` says so."""
        from db.analysts import bind_working_analyst, machine_analyst_name
        from db.errors import Refused

        if bind_working_analyst(ws, getattr(self.args, "as_analyst", None)) is not None:
            return
        name = machine_analyst_name()
        if not name:
            ws.close()
            self._ws = None
            raise Refused("This workspace has no analyst yet: say who you are with --as NAME.")
        ws.first_analyst = name
        ws.on_first_analyst = self._say_first_analyst

    def _say_first_analyst(self, name: str) -> None:
        print(
            f"claimdesk: this workspace records your work as {name!r}, its first analyst "
            "(admin); --as NAME names someone else.",
            file=self.err,
        )

    def print(self, *parts: Any) -> None:
        print(*parts, file=self.out)

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--db and --as, accepted before or after the subcommand."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="workspace: a SQLite file or a postgresql+psycopg:// URL",
    )
    parser.add_argument(
        "--as",
        dest="as_analyst",
        metavar="ANALYST",
        default=default,
        help="act as this analyst (local workspaces)",
    )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2
        self.exit(EXIT_USAGE, f"claimdesk: {message}\n")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without *commands* only its top-level options (what
    opening the window takes: see :func:`db.cli.files.window_options_only`), which
    spares the window's start the subcommand modules and what they import."""
    parser = _Parser(
        prog="claimdesk",
        description="Check what news articles claim.",
        epilog="Without a command the window opens; files named then (articles, folders, "
        ".claimdesk bundles, a workspace) are opened in it.",
    )
    add_global_options(parser, suppress=False)
    parser.add_argument(
        "--demo", action="store_true", help="open (creating if needed) the sample workspace"
    )
    from db import __version__

    parser.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    if not commands:
        return parser
    common = _Parser(add_help=False)
    add_global_options(common, suppress=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # The subcommand modules import CliContext from here: import them once it exists.
    from db.cli import (
        assist,
        claim_edit,
        core,
        facts,
        formats,
        safety,
        search,
        shared,
        team,
        versions,
        views,
    )

    for module in (
        core,
        claim_edit,
        team,
        shared,
        formats,
        safety,
        versions,
        search,
        assist,
        facts,
        views,
    ):
        module.register(subparsers, common)
    # Editing commands last: they extend groups ("claim edit", "article") made above.
    from db.cli import edits

    edits.register(subparsers, common)
    return parser


def parse(argv: Sequence[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """The parser and the parsed arguments (a usage error exits 2 with one line)."""
    parser = build_parser()
    return parser, parser.parse_args(argv)


def run(
    argv: Sequence[str] | None = None,
    *,
    out: IO[str] | None = None,
    parsed: tuple[argparse.ArgumentParser, argparse.Namespace] | None = None,
) -> int:
    """Run a subcommand (from *argv*, or already *parsed*); returns the exit code."""
    parser, args = parsed or parse(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        chosen_parser(parser, args).print_usage(sys.stderr)
        return EXIT_USAGE
    ctx = CliContext(args=args, out=out or sys.stdout)
    try:
        from db import leftovers

        leftovers.clean()  # part files of exports a killed process left behind
        return handler(ctx)
    except ClaimDeskError as exc:
        print(f"claimdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        from db.invisible import marked

        line = f"claimdesk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        print(marked(line), file=sys.stderr)
        return EXIT_USAGE
    except ImportError as exc:  # a package missing where no feature said it needs one
        print(f"claimdesk: {import_failure(exc)}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        ctx.close()


def import_failure(exc: ImportError) -> str:
    """The one line an import failure is told in (:func:`db.needs.explain`)."""
    from db.needs import explain

    return explain(exc)


def chosen_parser(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> argparse.ArgumentParser:
    """The (sub)parser of the deepest command given: ``claimdesk claim`` → ``claim``'s."""
    while True:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                name = getattr(args, action.dest or "", None)
                if name in action.choices:
                    parser = action.choices[name]
                    break
        else:
            return parser


def wants_gui(args: argparse.Namespace) -> bool:
    """True when no subcommand was given (``claimdesk``, ``claimdesk --db X``, ``--demo``)."""
    return getattr(args, "command", None) is None


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
