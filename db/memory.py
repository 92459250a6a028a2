"""Handing the memory a large piece of work has freed back to the system.

Python, libxml2 and SQLite allocate through the C library's ``malloc``.  GNU libc
keeps what is freed inside its heaps resident for the next allocation, and each
thread that allocates gets heaps of its own: after a large import on a worker
thread, the hundred-odd MiB that the page's trees and texts took stay resident in
that thread's heaps, where what the window does next on other threads (opening
the new article, finding its suggestions) never reuses them, so it comes on top.
:func:`release_freed` asks the C library to give every free page back
(``malloc_trim``); with another C library it does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """GNU libc's ``malloc_trim``, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the process runs on
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    found: Callable[[int], int] = trim
    return found


def release_freed() -> bool:
    """Give the memory freed in the process's heaps back to the system; False when the
    C library offers no way to (it then keeps it for later allocations)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
