"""The bundle file: a zip whose members are all checked before anything is imported.

Nothing is ever extracted to disk, and no article file is held whole in memory
by the check: each is read as a stream (its size, SHA-256 and UTF-8), then read
again as a stream when it is stored.  A bundle is refused (InvalidInput naming
the problem) when it is not a zip, has too many or oversized members, a
suspicious compression ratio, unsafe or duplicate member names, symlinks,
encrypted members, a manifest that does not match its members, or malformed
JSON.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import stat
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import InvalidInput

FORMAT = "claimdesk-bundle"
VERSION = 1
SUFFIX = ".claimdesk"
MANIFEST = "manifest.json"
DATA = "data.json"
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 64 * 2**20
MAX_TOTAL_BYTES = 1024 * 2**20
MAX_FILE_BYTES = 1024 * 2**20
MAX_RATIO = 200  # uncompressed / compressed, for members past RATIO_FLOOR
RATIO_FLOOR = 2**20
_MEMBER_RE = re.compile(r"^articles/([0-9a-f-]{36})\.(txt|orig)$")


@dataclass
class BundleContents:
    """A checked bundle: its manifest and data, and its article files left in the zip."""

    manifest: dict[str, Any]
    data: dict[str, Any]
    path: Path
    zip: zipfile.ZipFile
    # member name -> (zip entry, size, SHA-256), each checked against the manifest
    files: dict[str, tuple[zipfile.ZipInfo, int, str]] = field(default_factory=dict)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> BundleContents:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def size(self, name: str) -> int | None:
        """The size of the member *name*, or None when the bundle lacks it."""
        entry = self.files.get(name)
        return None if entry is None else entry[1]

    def digest(self, name: str) -> str:
        return self.files[name][2]

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes a chunk at a time, checked again against its checksum."""
        info, size, digest = self.files[name]
        check = hashlib.sha256()
        seen = 0
        for chunk in _chunks(self.path, self.zip, info):
            check.update(chunk)
            seen += len(chunk)
            yield chunk
        if seen != size or check.hexdigest() != digest:
            raise _refuse(self.path, f"the member {name!r} changed while it was read")

    def read(self, name: str) -> bytes:
        """The whole member (for the small ones)."""
        return b"".join(self.chunks(name))


def text_member(article_id: uuid.UUID) -> str:
    return f"articles/{article_id}.txt"


def original_member(article_id: uuid.UUID) -> str:
    return f"articles/{article_id}.orig"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_manifest(members: dict[str, bytes], created_at: str, created_by: str) -> bytes:
    entries = [
        {"path": name, "sha256": sha256(data), "size": len(data)}
        for name, data in sorted(members.items())
    ]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": created_at,
        "created_by": created_by,
        "members": entries,
    }
    return json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8")


def write_zip(path: Path, members: dict[str, bytes], manifest: bytes) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest)
        for name in sorted(members):
            zf.writestr(name, members[name])


# ---------------------------------------------------------------- reading


def _refuse(path: Path, why: str) -> InvalidInput:
    return InvalidInput(f"{path.name} was refused: {why}; nothing was imported.")


def _check_name(path: Path, name: str) -> None:
    if "\\" in name:
        raise _refuse(path, f"the member {name!r} uses backslashes in its path")
    if name.startswith("/"):
        raise _refuse(path, f"the member {name!r} has an absolute path")
    if re.match(r"^[A-Za-z]:", name):
        raise _refuse(path, f"the member {name!r} names a drive")
    parts = name.split("/")
    if ".." in parts:
        raise _refuse(path, f"the member {name!r} points outside the bundle")
    if "\x00" in name or any(p in ("", ".") for p in parts):
        raise _refuse(path, f"the member name {name!r} is malformed")
    if name not in (MANIFEST, DATA) and not _MEMBER_RE.match(name):
        raise _refuse(path, f"the member {name!r} does not belong in a ClaimDesk bundle")


def _check_info(path: Path, info: zipfile.ZipInfo) -> None:
    _check_name(path, info.filename)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _refuse(path, f"the member {info.filename!r} is a symbolic link")
    if info.is_dir():
        raise _refuse(path, f"the member {info.filename!r} is a folder")
    if info.flag_bits & 0x1:
        raise _refuse(path, f"the member {info.filename!r} is encrypted")
    if info.file_size > MAX_MEMBER_BYTES:
        raise _refuse(
            path, f"the member {info.filename!r} is larger than {MAX_MEMBER_BYTES // 2**20} MiB"
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _refuse(path, f"the member {info.filename!r} expands suspiciously (a zip bomb?)")


CHUNK = 2**16


def _chunks(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes a chunk at a time, refused past its declared size."""
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    seen = 0
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(min(CHUNK, limit + 1 - seen)):
                seen += len(chunk)
                if seen > limit:
                    raise _refuse(path, f"the member {info.filename!r} is larger than declared")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise _refuse(path, f"the member {info.filename!r} is damaged ({exc})") from None


def _read_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    return b"".join(_chunks(path, zf, info))


def _scan_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, str]:
    """(size, SHA-256) of a member read as a stream; a text member must be UTF-8."""
    digest = hashlib.sha256()
    size = 0
    decoder = codecs.getincrementaldecoder("utf-8")() if info.filename.endswith(".txt") else None
    try:
        for chunk in _chunks(path, zf, info):
            digest.update(chunk)
            size += len(chunk)
            if decoder is not None:
                decoder.decode(chunk)
        if decoder is not None:
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _refuse(path, f"the member {info.filename!r} is not UTF-8 text") from None
    return size, digest.hexdigest()


def _json(path: Path, name: str, data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
        del data  # the bytes go before the records are built
        return json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _refuse(path, f"{name} is not valid JSON ({exc})") from None


def _check_manifest(path: Path, manifest: Any, members: dict[str, tuple[int, str]]) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "it is not a ClaimDesk bundle (wrong format in manifest.json)")
    if manifest.get("version") != VERSION:
        raise _refuse(
            path,
            f"its format version {manifest.get('version')!r} is not supported "
            f"(this ClaimDesk reads version {VERSION})",
        )
    listed = manifest.get("members")
    if not isinstance(listed, list):
        raise _refuse(path, "manifest.json has no list of members")
    seen: set[str] = set()
    for entry in listed:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise _refuse(path, "manifest.json lists a malformed member")
        name = entry["path"]
        if name in seen:
            raise _refuse(path, f"manifest.json lists {name!r} twice")
        seen.add(name)
        if name not in members:
            raise _refuse(path, f"the member {name!r} listed in manifest.json is missing")
        size, digest = members[name]
        if entry.get("size") != size or entry.get("sha256") != digest:
            raise _refuse(path, f"the member {name!r} does not match its checksum (tampered?)")
    extra = sorted(set(members) - seen)
    if extra:
        raise _refuse(path, f"the member {extra[0]!r} is not listed in manifest.json")
    if DATA not in seen:
        raise _refuse(path, "the member 'data.json' is missing")


def read_bundle(path: Path) -> BundleContents:
    """Open and check a bundle; close it (or use it in a ``with``) when done.

    The manifest and data.json are read whole (each at most MAX_MEMBER_BYTES);
    every article file is read once as a stream to check its size, checksum and
    (for a text) its UTF-8, and is kept in the zip, for :meth:`BundleContents.chunks`.
    """
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _refuse(path, f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(path, "it is not a ClaimDesk bundle (not a zip file)") from None
    try:
        return _checked_bundle(path, zf)
    except BaseException:
        zf.close()
        raise


def _checked_bundle(path: Path, zf: zipfile.ZipFile) -> BundleContents:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse(path, f"it has more than {MAX_MEMBERS} members")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if info.filename in by_name:
            raise _refuse(path, f"the member {info.filename!r} appears twice")
        by_name[info.filename] = info
        _check_info(path, info)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(path, f"it expands to more than {MAX_TOTAL_BYTES // 2**20} MiB")
    if MANIFEST not in by_name:
        raise _refuse(path, "it is not a ClaimDesk bundle (no manifest.json)")
    whole = {
        name: _read_member(path, zf, by_name[name]) for name in (MANIFEST, DATA) if name in by_name
    }
    scanned = {name: (len(blob), sha256(blob)) for name, blob in whole.items() if name != MANIFEST}
    for info in infos:
        if info.filename not in whole:
            scanned[info.filename] = _scan_member(path, zf, info)
    manifest = _json(path, MANIFEST, whole.pop(MANIFEST))
    _check_manifest(path, manifest, scanned)
    data = _json(path, DATA, whole.pop(DATA))
    if not isinstance(data, dict):
        raise _refuse(path, "data.json does not hold an object")
    bundle = BundleContents(manifest=manifest, data=data, path=path, zip=zf)
    for name, (size, digest) in scanned.items():
        match = _MEMBER_RE.match(name)
        if match:
            bundle.files[name] = (by_name[name], size, digest)
    return bundle
