"""The bundle file: a zip whose members are all checked before anything is imported.

Nothing is ever extracted to disk, and no member is held whole in memory by the
check: each is read as a stream (its size, SHA-256 and, for a text, its UTF-8),
then read again as a stream when it is used.

The records travel in one of three layouts, which the manifest's version names:

* version 3 (written since): each section's records as JSON Lines, one record a
  line (``"records": "jsonl"``), split into numbered members of bounded size,
  ``records/<section>.0001.jsonl``, ``records/<section>.0002.jsonl`` and so on,
  listed in the manifest in that order; a record never spans two members;
* version 2 (older bundles, still read): one JSON Lines member per section,
  ``records/<section>.jsonl``;
* version 1 (older still, still read): every section in one ``data.json``
  object of lists.

A version 3 section's members must be numbered from 1 without a gap and listed
in order; anything else is refused before a record is read.  Either way
:meth:`BundleContents.records` hands a section's records over one at a time:
JSON Lines a line at a time, ``data.json`` by a streaming parse of its object
(:class:`_JsonStream`), so a member of many small records is never parsed whole.
The check on opening notes where each section's list starts in ``data.json``,
so reading a section later parses that section alone (the bytes before it are
only decompressed).  No record may be larger than ``MAX_RECORD_BYTES``.  A
bundle is refused (InvalidInput naming the problem) when it is not a zip, has
too many or oversized members, a suspicious compression ratio, unsafe or
duplicate member names, symlinks, encrypted members, a manifest that does not
match its members, or malformed JSON.
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import InvalidInput

FORMAT = "claimdesk-bundle"
VERSION = 3
READABLE = (1, 2, 3)
SUFFIX = ".claimdesk"
MANIFEST = "manifest.json"
DATA = "data.json"  # version 1: every section in one JSON object
JSONL = "jsonl"  # versions 2 and 3: the manifest's "records"
# The sections a bundle carries, in the order a merge applies them
# (db.bundles.records.SECTIONS maps each to its model).
SECTION_NAMES = (
    "analysts",
    "sources",
    "articles",
    "claims",
    "links",
    "evidence",
    "comments",
    "verdicts",
    "history",
)
# The sections only a full backup of a workspace carries (``"scope": "workspace"``
# in its manifest; db.bundles.full maps each to its table).  A merge leaves them
# be; restoring the backup into an empty workspace writes them all.
BACKUP_SECTION_NAMES = (
    "settings",
    "tags",
    "taggings",
    "facts",
    "revisions",
    "relays",
    "filters",
    "dismissals",
    "proposals",
)
ALL_SECTION_NAMES = SECTION_NAMES + BACKUP_SECTION_NAMES
WORKSPACE_SCOPE = "workspace"  # the manifest's "scope" of a full backup
MAX_RECORD_BYTES = 8 * 2**20
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 64 * 2**20
# The manifest is the one member read whole before the others are checked: a
# line of about 130 bytes per member, so MAX_MEMBERS of them fit many times over.
MAX_MANIFEST_BYTES = 8 * 2**20
# An exporter starts a section's next member before one would pass this size
# (version 3), well inside what an import accepts.
RECORDS_MEMBER_BYTES = 32 * 2**20
MAX_PARTS = 9999  # members of one section (four digits)
MAX_TOTAL_BYTES = 1024 * 2**20
MAX_FILE_BYTES = 1024 * 2**20
MAX_RATIO = 200  # uncompressed / compressed, for members past RATIO_FLOOR
RATIO_FLOOR = 2**20
_MEMBER_RE = re.compile(r"^articles/([0-9a-f-]{36})\.(txt|orig)$")
_REVISION_RE = re.compile(r"^revisions/([0-9a-f-]{36})\.txt$")
_RECORDS_RE = re.compile(r"^records/([a-z]+)(?:\.([0-9]{4}))?\.jsonl$")


def records_member(section: str, part: int = 1) -> str:
    """The version 3 member holding the *part*-th slice of *section*'s records (from 1)."""
    if not 1 <= part <= MAX_PARTS:
        raise ValueError(f"a section's records fill at most {MAX_PARTS} members")
    return f"records/{section}.{part:04d}.jsonl"


def single_records_member(section: str) -> str:
    """The version 2 member holding all of *section*'s records, one a line."""
    return f"records/{section}.jsonl"


@dataclass
class BundleContents:
    """A checked bundle: its manifest, its members left in the zip (read as streams)."""

    manifest: dict[str, Any]
    path: Path
    zip: zipfile.ZipFile
    # member name -> (zip entry, size, SHA-256), each checked against the manifest
    files: dict[str, tuple[zipfile.ZipInfo, int, str]] = field(default_factory=dict)
    # version 1: section -> byte offset in data.json of its list, found by check_records
    lists: dict[str, int] | None = None
    # versions 2 and 3: section -> the members holding its records, in order
    parts: dict[str, list[str]] = field(default_factory=dict)

    @property
    def version(self) -> int:
        return int(self.manifest["version"])

    @property
    def full(self) -> bool:
        """Whether the bundle is a full backup of a workspace (every table)."""
        return self.manifest.get("scope") == WORKSPACE_SCOPE

    def records(self, section: str) -> Iterator[Any]:
        """*section*'s records (parsed JSON values) one at a time, read as a stream.

        InvalidInput when the member is not valid JSON (Lines), a record is larger
        than ``MAX_RECORD_BYTES``, or (``data.json``) the section is not a list.
        """
        if self.version == 1:
            if self.lists is None:
                self.check_records()
            assert self.lists is not None
            if section in self.lists:
                start = self.lists[section]
                yield from _JsonStream(self.path, DATA, self.chunks(DATA, start)).items()
            return
        for name in self.parts.get(section, ()):
            yield from _lines(self.path, name, self.chunks(name))

    def check_records(self) -> None:
        """Read every record once, so malformed JSON is refused before anything is merged."""
        if self.version == 1:
            self.lists = _JsonStream(self.path, DATA, self.chunks(DATA)).check()
            return
        for section in ALL_SECTION_NAMES:
            for _ in self.records(section):
                pass

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

    def chunks(self, name: str, start: int = 0) -> Iterator[bytes]:
        """The member's bytes a chunk at a time, checked again against its checksum.

        From byte *start* on when given (the bytes before it are decompressed and
        dropped, not checked again).
        """
        info, size, digest = self.files[name]
        if start:
            yield from _chunks(self.path, self.zip, info, start)
            return
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


def revision_member(revision_id: uuid.UUID) -> str:
    """The member holding an earlier text of an article (a full backup's)."""
    return f"revisions/{revision_id}.txt"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_manifest(members: dict[str, bytes], created_at: str, created_by: str) -> bytes:
    sums = {name: (sha256(data), len(data)) for name, data in members.items()}
    return manifest_bytes(sums, created_at, created_by)


def manifest_bytes(
    members: dict[str, tuple[str, int]],
    created_at: str,
    created_by: str,
    *,
    scope: str | None = None,
) -> bytes:
    """The manifest of *members* (name -> (SHA-256, size)): version 1 when they hold a data.json.

    *scope* ``"workspace"`` marks a full backup of a workspace.
    """
    entries = [
        {"path": name, "sha256": digest, "size": size}
        for name, (digest, size) in sorted(members.items())
    ]
    manifest: dict[str, Any] = {"format": FORMAT, "version": 1 if DATA in members else VERSION}
    if DATA not in members:
        manifest["records"] = JSONL
    if scope is not None:
        manifest["scope"] = scope
    manifest.update(created_at=created_at, created_by=created_by, members=entries)
    return json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8")


def jsonl_line(record: Any) -> bytes:
    """One record as a line of JSON Lines: compact JSON, keys sorted, a line break."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def jsonl(records: Iterable[Any]) -> bytes:
    """Records as JSON Lines: one compact JSON value a line."""
    return b"".join(jsonl_line(r) for r in records)


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
    records = _RECORDS_RE.match(name)
    if records is not None and records.group(1) in ALL_SECTION_NAMES:
        return
    if records is not None:
        raise _refuse(path, f"the member {name!r} holds records of no known kind")
    if name not in (MANIFEST, DATA) and not (_MEMBER_RE.match(name) or _REVISION_RE.match(name)):
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


def _chunks(
    path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, start: int = 0
) -> Iterator[bytes]:
    """The member's bytes (from byte *start*) a chunk at a time, refused past its declared size."""
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    seen = start
    try:
        with zf.open(info) as stream:
            if start:
                stream.seek(start)
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


def _check_manifest(
    path: Path, manifest: Any, members: dict[str, tuple[int, str]]
) -> dict[str, list[str]]:
    """Check *manifest* against the *members* found; each section's record members, in order."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "it is not a ClaimDesk bundle (wrong format in manifest.json)")
    version = manifest.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version not in READABLE:
        raise _refuse(
            path,
            f"its format version {version!r} is not supported "
            f"(this ClaimDesk reads versions {READABLE[0]} to {READABLE[-1]})",
        )
    layout = manifest.get("records", "json" if version == 1 else None)
    if layout != ("json" if version == 1 else JSONL):
        raise _refuse(
            path,
            f"manifest.json names a layout of records ({layout!r}) that version {version} "
            "does not have",
        )
    listed = manifest.get("members")
    if not isinstance(listed, list):
        raise _refuse(path, "manifest.json has no list of members")
    seen: dict[str, None] = {}  # in the manifest's order
    for entry in listed:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise _refuse(path, "manifest.json lists a malformed member")
        name = entry["path"]
        if name in seen:
            raise _refuse(path, f"manifest.json lists {name!r} twice")
        seen[name] = None
        if name not in members:
            raise _refuse(path, f"the member {name!r} listed in manifest.json is missing")
        size, digest = members[name]
        if entry.get("size") != size or entry.get("sha256") != digest:
            raise _refuse(path, f"the member {name!r} does not match its checksum (tampered?)")
    extra = sorted(set(members) - set(seen))
    if extra:
        raise _refuse(path, f"the member {extra[0]!r} is not listed in manifest.json")
    if version == 1 and DATA not in seen:
        raise _refuse(path, "the member 'data.json' is missing")
    misplaced = sorted(n for n in seen if _layout_of(n) not in (None, version))
    if misplaced:
        raise _refuse(
            path, f"the member {misplaced[0]!r} does not belong in a version {version} bundle"
        )
    return _section_parts(path, list(seen))


def _layout_of(name: str) -> int | None:
    """The version whose layout has the records member *name* (None: not a records member)."""
    if name == DATA:
        return 1
    match = _RECORDS_RE.match(name)
    if match is None:
        return None
    return 2 if match.group(2) is None else 3


def _section_parts(path: Path, listed: list[str]) -> dict[str, list[str]]:
    """Each section's records members in the manifest's order *listed*.

    A version 3 section's members must be numbered 1, 2, 3 ... with none missing,
    and listed in that order: a bundle whose records were reordered, cut short or
    padded is refused as a whole.
    """
    parts: dict[str, list[str]] = {}
    for name in listed:
        match = _RECORDS_RE.match(name)
        if match is not None:
            parts.setdefault(match.group(1), []).append(name)
    for section, names in parts.items():
        numbers = [int(m.group(2) or 1) for n in names if (m := _RECORDS_RE.match(n))]
        expected = list(range(1, len(numbers) + 1))
        if numbers == expected:
            continue
        if sorted(numbers) == expected:
            raise _refuse(
                path,
                f"manifest.json lists the members of the {section} records out of order "
                f"({', '.join(names)})",
            )
        missing = next(n for n in expected if n not in numbers)
        raise _refuse(
            path,
            f"the {section} records are incomplete: 'records/{section}.{missing:04d}.jsonl' "
            "is missing",
        )
    return parts


def read_bundle(path: Path) -> BundleContents:
    """Open and check a bundle; close it (or use it in a ``with``) when done.

    Sizes are checked before bytes are read: the zip's sizes against the limits
    (and their ratio to what is compressed), the manifest's against the zip's, and
    each member is read no further than the size declared (a member holding more
    is refused as its bytes pass that size, a zip bomb among them).
    The manifest is read whole (at most MAX_MANIFEST_BYTES); every other member is
    read once as a stream to check its size, checksum and (for a text) its UTF-8,
    and the records once more to check that they are JSON; all are kept in the
    zip, for :meth:`BundleContents.chunks` and :meth:`BundleContents.records`.
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
    if by_name[MANIFEST].file_size > MAX_MANIFEST_BYTES:
        raise _refuse(path, f"its manifest.json is larger than {MAX_MANIFEST_BYTES // 2**20} MiB")
    manifest = _json(path, MANIFEST, _read_member(path, zf, by_name[MANIFEST]))
    _check_scope(path, manifest, by_name)
    _check_listed_sizes(path, manifest, by_name)
    scanned = {
        info.filename: _scan_member(path, zf, info) for info in infos if info.filename != MANIFEST
    }
    parts = _check_manifest(path, manifest, scanned)
    bundle = BundleContents(manifest=manifest, path=path, zip=zf, parts=parts)
    for name, (size, digest) in scanned.items():
        bundle.files[name] = (by_name[name], size, digest)
    bundle.check_records()
    return bundle


def _check_scope(path: Path, manifest: Any, by_name: dict[str, zipfile.ZipInfo]) -> None:
    """What only a full backup carries is refused in any other bundle."""
    if isinstance(manifest, dict) and manifest.get("scope") == WORKSPACE_SCOPE:
        return
    if isinstance(manifest, dict) and "scope" in manifest:
        raise _refuse(path, f"manifest.json names an unknown scope {manifest['scope']!r}")
    for name in by_name:
        records = _RECORDS_RE.match(name)
        if _REVISION_RE.match(name) or (records and records.group(1) in BACKUP_SECTION_NAMES):
            raise _refuse(path, f"the member {name!r} belongs only in a full backup")


def _check_listed_sizes(path: Path, manifest: Any, by_name: dict[str, zipfile.ZipInfo]) -> None:
    """Before any member is read: each size the manifest lists is the zip's for it.

    A member the manifest lists smaller (or larger) than the zip says is refused
    unread, and every member listed is then read no further than its listed size.
    What else the manifest must hold is checked once the members are read
    (:func:`_check_manifest`).
    """
    listed = manifest.get("members") if isinstance(manifest, dict) else None
    if not isinstance(listed, list):
        return
    for entry in listed:
        if not isinstance(entry, dict):
            continue
        name, size = entry.get("path"), entry.get("size")
        info = by_name.get(name) if isinstance(name, str) else None
        if info is None or name == MANIFEST:
            continue
        if isinstance(size, bool) or not isinstance(size, int) or size != info.file_size:
            raise _refuse(
                path,
                f"the member {name!r} does not match its checksum (tampered?): it holds "
                f"{info.file_size} bytes, not the {size!r} manifest.json lists",
            )


# ---------------------------------------------------------------- records


def _lines(path: Path, name: str, chunks: Iterator[bytes]) -> Iterator[Any]:
    """The JSON value of each non-blank line of a JSON Lines member, one at a time."""
    pending = bytearray()
    number = 0

    def parse(line: bytes) -> Any:
        try:
            return json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise _refuse(path, f"{name} is not valid JSON (line {number}: {exc})") from None

    for chunk in chunks:
        pending += chunk
        start = 0
        while (end := pending.find(b"\n", start)) >= 0:
            number += 1
            if end - start > MAX_RECORD_BYTES:
                raise _refuse(path, f"a record of {name} is larger than {_record_limit()}")
            line = bytes(pending[start:end])
            start = end + 1
            if line.strip():
                yield parse(line)
        del pending[:start]
        if len(pending) > MAX_RECORD_BYTES:
            raise _refuse(path, f"a record of {name} is larger than {_record_limit()}")
    if pending.strip():
        number += 1
        if len(pending) > MAX_RECORD_BYTES:
            raise _refuse(path, f"a record of {name} is larger than {_record_limit()}")
        yield parse(bytes(pending))


def _record_limit() -> str:
    if MAX_RECORD_BYTES % 2**20:
        return f"{MAX_RECORD_BYTES} bytes"
    return f"{MAX_RECORD_BYTES // 2**20} MiB"


_WHITESPACE = " \t\n\r"


class _JsonStream:
    """A streaming reader of version 1's ``data.json``: an object of lists of records.

    Each record (and any value that is not a list) is decoded on its own with
    :meth:`json.JSONDecoder.raw_decode` once the buffer holds it whole, so at most
    one record's text, and a chunk, is held at a time.
    """

    def __init__(self, path: Path, name: str, chunks: Iterator[bytes]) -> None:
        self.path, self.name, self.chunks = path, name, chunks
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.json = json.JSONDecoder()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.dropped = 0  # bytes of the member before the buffer's first character
        self.lists: dict[str, int] = {}  # key -> byte offset of its list (see check)

    def _bad(self, why: str) -> InvalidInput:
        return _refuse(self.path, f"{self.name} is not valid JSON ({why})")

    def _more(self) -> bool:
        """Read at least one more chunk (as many as double what is held); False at the end."""
        if self.eof:
            return False
        self.dropped += len(self.buf[: self.pos].encode("utf-8"))
        self.buf = self.buf[self.pos :]
        self.pos = 0
        wanted = max(len(self.buf), CHUNK)
        added: list[str] = []
        size = 0
        while size < wanted:
            chunk = next(self.chunks, None)
            try:
                if chunk is None:
                    added.append(self.decoder.decode(b"", final=True))
                    self.eof = True
                    break
                text = self.decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise self._bad(str(exc)) from None
            added.append(text)
            size += len(text)
        self.buf += "".join(added)
        return True

    def _peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def _expect(self, chars: str) -> str:
        found = self._peek()
        if not found or found not in chars:
            raise self._bad(f"expected {' or '.join(repr(c) for c in chars)} at {found!r}")
        self.pos += 1
        return found

    def _value(self) -> Any:
        self._peek()
        while True:
            try:
                value, end = self.json.raw_decode(self.buf, self.pos)
            except RecursionError:
                raise self._bad("too deeply nested") from None
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > MAX_RECORD_BYTES:
                    raise self._too_long() from None
                if self._more():
                    continue
                raise self._bad(str(exc)) from None
            if end == len(self.buf) and self._more():
                continue  # a number may go on in the next chunk
            if end - self.pos > MAX_RECORD_BYTES:
                raise self._too_long()
            self.pos = end
            return value

    def _too_long(self) -> InvalidInput:
        return _refuse(self.path, f"a record of {self.name} is larger than {_record_limit()}")

    def _items(self) -> Iterator[tuple[str, Any, bool]]:
        """(key, value, is one of a list's items) through the whole object."""
        self._expect("{")
        if self._peek() == "}":
            self.pos += 1
        else:
            seen: set[str] = set()
            while True:
                if self._peek() != '"':
                    raise self._bad("expected a key")
                key = self._value()
                if key in seen:
                    raise self._bad(f"the key {key!r} appears twice")
                seen.add(key)
                self._expect(":")
                if self._peek() != "[":
                    yield key, self._value(), False
                else:
                    self.lists[key] = self.dropped + len(self.buf[: self.pos].encode("utf-8"))
                    for value in self.items():
                        yield key, value, True
                if self._expect(",}") == "}":
                    break
        if self._peek():
            raise self._bad("extra data after the object")

    def items(self) -> Iterator[Any]:
        """The items of the list that starts here, one at a time (nothing read past its end)."""
        self._expect("[")
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            yield self._value()
            if self._expect(",]") == "]":
                return

    def check(self) -> dict[str, int]:
        """Read the whole object: valid JSON, each section a list.

        The byte offset at which each section's list starts in the member, so
        that :meth:`items` can read one section without parsing those before it.
        """
        if self._peek() != "{":
            raise _refuse(self.path, f"{self.name} does not hold an object")
        for key, _value, listed in self._items():
            if key in SECTION_NAMES and not listed:
                raise InvalidInput(f"The bundle's {key} is not a list.")
        return {k: v for k, v in self.lists.items() if k in SECTION_NAMES}
