"""Files handed to ``claimdesk`` by the desktop (the ``.desktop`` entry's ``%F``).

``claimdesk story.txt folder/ team.claimdesk`` names no subcommand: the paths
are split from the options here and opened by the window (articles and folders
imported into the workspace, bundles offered for merging, a workspace file
opened).  A subcommand always wins over a file of the same name.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from db.errors import InvalidInput

# Top-level options that take a value (``--db PATH``, ``--as NAME``).
VALUE_OPTIONS = frozenset({"--db", "--as"})
# The options of the window alone (no subcommand, no file, no help or version asked).
WINDOW_OPTIONS = VALUE_OPTIONS | {"--demo"}


def window_options_only(argv: Sequence[str]) -> bool:
    """True when *argv* holds only the window's own options (``--db X``, ``--as Y``,
    ``--demo``, spelt out in full): the window opens and no subcommand's parser is
    needed.  Anything else (a file, a subcommand, ``--help``, an abbreviation) is left
    to the whole parser."""
    index = 0
    while index < len(argv):
        name, eq, _value = argv[index].partition("=")
        if name not in WINDOW_OPTIONS or (eq and name not in VALUE_OPTIONS):
            return False
        index += 2 if name in VALUE_OPTIONS and not eq else 1
    return True


def split_file_arguments(
    argv: Sequence[str], commands: Collection[str]
) -> tuple[list[str], list[str]]:
    """(the arguments for the parser, the paths to open).

    Paths are the positional arguments from the first one that is not a
    subcommand on; each must exist.  With a subcommand nothing is split off.
    """
    args = list(argv)
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            index += 1
            break
        if arg in VALUE_OPTIONS:
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        break
    if index >= len(args) or args[index] in commands:
        return args, []
    options = [a for a in args[:index] if a != "--"]
    files: list[str] = []
    rest = args[index:]
    skip = False
    for n, arg in enumerate(rest):
        if skip:
            skip = False
            continue
        if arg in VALUE_OPTIONS and n + 1 < len(rest):
            options += [arg, rest[n + 1]]
            skip = True
        elif arg.startswith("-") and not Path(arg).exists():
            options.append(arg)
        else:
            files.append(arg)
    looks_like_path = any(sep in files[0] for sep in ("/", "\\", ".")) if files else False
    if files and not Path(files[0]).exists() and not looks_like_path:
        return args, []  # a mistyped subcommand: the parser names the choices
    missing = [name for name in files if not Path(name).exists()]
    if missing:
        raise InvalidInput(f"{missing[0]}: no such file or folder.")
    return options, [str(Path(name).resolve()) for name in files]


__all__ = ["split_file_arguments", "window_options_only"]
