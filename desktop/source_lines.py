"""Keep PySide6's per-module source scan cheap, and drop what module loading left in
:mod:`linecache`.

Once PySide6 is loaded, its import hook asks of every module imported after it
whether the module's source names PySide6 (modules that do may switch on its
"feature" options, such as snake-case names).  PySide6 answers through
``inspect.getsource``: every module's file is read line by line into
:mod:`linecache` and joined again, about a tenth of the time the window's modules
take to load and about 15 MiB of cached lines by the time the panels are built.
:func:`scan_sources_quickly` gives the hook the same answer from the file's bytes,
read once and not kept.  ClaimDesk never switches a feature on, so the answer only
has to stay the same, never be more exact.

Where the hook is not the one expected (another PySide6 release), nothing is
replaced, and :func:`forget` still empties the line cache after each stage of
start-up that loads modules.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_SCAN = "_mod_uses_pyside"


def names_pyside(module: ModuleType) -> bool:
    """Whether *module*'s source file mentions PySide6, as PySide6's own scan says:
    False for a module with no Python source (built-in, compiled, bytecode only)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def scan_sources_quickly() -> bool:
    """Load PySide6 and give its import hook :func:`names_pyside` as its scan; False
    (nothing replaced) when this PySide6 has no such scan."""
    import PySide6.QtCore  # noqa: F401 (loading it installs the import hook)

    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _SCAN, None)):
        return False
    setattr(feature, _SCAN, names_pyside)
    return True


def forget() -> None:
    """Empty the source-line cache (it refills on demand)."""
    linecache.clearcache()
