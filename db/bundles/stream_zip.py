"""Writing a bundle's zip a member at a time, each member a chunk at a time.

Every member's size and SHA-256 are computed as its bytes pass on their way into
the zip, so no member is ever held whole; the manifest that lists them is the
last member written (a reader finds members by name, not by position).
"""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from db.bundles.archive import MANIFEST, manifest_bytes

BUFFER = 2**16  # bytes gathered before they go to the compressor


class MemberSink:
    """One member being written: bytes in, counted and hashed on the way."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._digest = hashlib.sha256()
        self._pending = bytearray()
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._pending and len(data) >= BUFFER:
            self._emit(data)  # a slice of a file: no copy into the buffer
            return
        self._pending += data
        if len(self._pending) >= BUFFER:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._emit(self._pending)
            self._pending.clear()

    def _emit(self, data: bytes | bytearray | memoryview) -> None:
        self._digest.update(data)
        self._stream.write(data)
        self.size += len(data)

    @property
    def written(self) -> int:
        """Bytes written so far, those still gathered included."""
        return self.size + len(self._pending)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()


class BundleZip:
    """A bundle being written to *path*: members, then :meth:`finish` writes the manifest."""

    def __init__(self, path: Path) -> None:
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        # member name -> (SHA-256, size)
        self.members: dict[str, tuple[str, int]] = {}

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16  # as ZipFile.writestr marks a member
        return info

    @contextmanager
    def member(self, name: str) -> Iterator[MemberSink]:
        """A sink for the member *name*'s bytes, closed (and its checksum noted) on leaving."""
        if name in self.members or name == MANIFEST:
            raise ValueError(f"the member {name!r} is written twice")
        with self._zip.open(self._info(name), "w") as stream:
            sink = MemberSink(stream)
            yield sink
            sink.flush()
        self.members[name] = (sink.sha256, sink.size)

    def finish(self, created_at: str, created_by: str, *, scope: str | None = None) -> None:
        """Write the manifest of every member written, and close the zip."""
        self._zip.writestr(
            self._info(MANIFEST),
            manifest_bytes(self.members, created_at, created_by, scope=scope),
        )
        self._zip.close()

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> BundleZip:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
