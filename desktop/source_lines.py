"""Drop the source lines that module loading left in :mod:`linecache`.

Once PySide6 is loaded it reads the source of every module an import statement
names after it (looking for its feature switches, once per module), and
:mod:`linecache` keeps every line it read:
about 15 MiB by the time the window's panels are built.  The cache only serves
tracebacks and warnings, which read a file again when they need it, so start-up
drops it after each stage that loads modules.
"""

from __future__ import annotations

import linecache


def forget() -> None:
    """Empty the source-line cache (it refills on demand)."""
    linecache.clearcache()
