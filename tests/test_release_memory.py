"""Memory freed under a block still in use is handed back to the system on request."""

from __future__ import annotations

import sys
from pathlib import Path

from db.memory import release_freed


def _resident_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


def test_memory_freed_below_a_live_block_is_given_back() -> None:
    if not sys.platform.startswith("linux"):
        assert release_freed() is False  # nothing to ask the C library for
        return
    release_freed()
    # 64 MiB in blocks of 4 KiB (each one malloc), then one block that stays: freeing
    # the others leaves a free stretch below it, which the C library keeps resident.
    blocks = [bytearray(4096) for _ in range(16_384)]
    kept = bytearray(4096)
    del blocks
    before = _resident_kib()
    assert release_freed() is True
    after = _resident_kib()
    assert before - after > 32 * 1024, (before, after)
    assert len(kept) == 4096
