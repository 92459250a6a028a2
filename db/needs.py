"""A clear message when a package a feature needs is missing, never a traceback.

Readers and writers with heavy or optional dependencies import them when
first used, inside ``with needs("Reading HTML pages"):``.  A missing package
becomes :class:`MissingPackage`, one sentence naming the feature, the package
and the way to install it; an import error inside ClaimDesk's own modules is
a bug and is left to surface as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from db.errors import ClaimDeskError

OWN_PACKAGES = ("db", "desktop")


class MissingPackage(ClaimDeskError):
    """A Python package a feature needs is not installed."""


@contextmanager
def needs(feature: str) -> Iterator[None]:
    try:
        yield
    except ImportError as exc:
        name = (exc.name or "").split(".")[0]
        if not name or name in OWN_PACKAGES:
            raise
        raise MissingPackage(
            f"{feature} needs the Python package {name!r}, which is not installed here; "
            "install ClaimDesk again with `bash scripts/bootstrap.sh`."
        ) from None
