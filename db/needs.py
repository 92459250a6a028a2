"""A clear message when a package a feature needs is missing, never a traceback.

Readers and writers with heavy or optional dependencies import them when
first used, inside ``with needs("Reading HTML pages"):``.  A missing package
becomes :class:`MissingPackage`, one sentence naming the feature, the package
and the way to install it; an import error inside ClaimDesk's own modules is
a bug and is left to surface as it is.

The package is named by the error itself (``ImportError.name``) or, when a
package re-raises an import error of its own without a name (lxml does for its
HTML cleaner, now a separate project), by the errors it was raised from and by
its message.  :func:`explain` turns any import error that reaches the top of
the command line or the window into one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from db.errors import ClaimDeskError

OWN_PACKAGES = ("db", "desktop")
REINSTALL = "install ClaimDesk again with `bash scripts/bootstrap.sh`."

# How import errors without a name say which module is missing.
_NAMED_IN_MESSAGE = (
    re.compile(r"No module named '([A-Za-z_][\w.]*)'"),
    re.compile(r"import of ([A-Za-z_][\w.]*) halted"),
    re.compile(r"separate project '?([A-Za-z_][\w]*)"),
)


class MissingPackage(ClaimDeskError):
    """A Python package a feature needs is not installed."""


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """*exc* and the exceptions it was raised from or while handling, nearest first."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def missing_module(exc: ImportError) -> str:
    """The top-level name of the module *exc* says could not be imported ('' if none)."""
    for link in _chain(exc):
        if not isinstance(link, ImportError):
            continue
        if link.name:
            return link.name.split(".")[0]
        for pattern in _NAMED_IN_MESSAGE:
            found = pattern.search(str(link))
            if found:
                return found.group(1).split(".")[0]
    return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def explain(exc: ImportError, feature: str = "ClaimDesk") -> str:
    """One line for an import failure: the package missing and how to install it, or,
    when no package is named (or the module is ClaimDesk's own), what Python said."""
    name = missing_module(exc)
    if name and name not in OWN_PACKAGES:
        return (
            f"{feature} needs the Python package {name!r}, which is not installed here; {REINSTALL}"
        )
    return _one_line(f"{feature} could not load a module it needs ({exc}); {REINSTALL}")


@contextmanager
def needs(feature: str) -> Iterator[None]:
    try:
        yield
    except ImportError as exc:
        name = missing_module(exc)
        if not name or name in OWN_PACKAGES:
            raise
        raise MissingPackage(explain(exc, feature)) from None
