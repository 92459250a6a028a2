"""The cycle collector held back while the window starts, its objects set aside after.

Loading the window's libraries makes hundreds of thousands of objects that live as long
as the process: modules, classes, functions, Qt's wrappers.  With the collector on, it
walks them again and again as they pile up (a full pass alone took 40 ms of the ~350 ms
before the window's first paint) and finds nothing to free.  :func:`hold` switches it
off before those modules load; :func:`release`, once the panels are built, collects
once (start-up's own cyclic garbage is freed), then moves every object still alive to
the permanent generation (:func:`gc.freeze`) so that later passes, a key press's
included, walk only what was made since.  :func:`unfreeze` (the window's end) hands
them back to the collector.
"""

from __future__ import annotations

import gc

_held = False  # the collector was on and :func:`hold` switched it off
_frozen = False  # :func:`release` froze the objects alive then


def hold() -> None:
    """Switch the collector off for start-up (nothing when it is off already)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Start-up is done: free its cyclic garbage, set aside what lives on, switch the
    collector back on.  Nothing when :func:`hold` did not switch it off."""
    global _held, _frozen
    if not _held:
        return
    _held = False
    gc.collect()
    if gc.get_freeze_count() == 0:
        gc.freeze()
        _frozen = True
    gc.enable()


def unfreeze() -> None:
    """Hand start-up's objects back to the collector (the window has closed); the
    collector is on again in any case."""
    global _frozen
    release()
    if _frozen:
        gc.unfreeze()
        _frozen = False
