"""Import article files: read and store each one, then report every outcome at once.

A text or HTML file whose encoding was recognised rather than certain (not
UTF-8, no byte-order mark) can be kept aside, unstored, for the analyst to
confirm the encoding or pick another (:func:`encoding_preview`,
:func:`check_encoding`); it is then imported again in the encoding chosen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from db.articles import ArticleInfo, NewArticle, Stored, duplicate_of, sha256_of
from db.changes import EVERYTHING, Entity, Op, changed
from db.errors import ClaimDeskError, DuplicateArticle
from db.importing import (
    ANNOTATION_SUFFIXES,
    ArticleBatch,
    import_any,
    read_file,
    read_limited,
    supported_suffixes,
)
from db.importing.encodings import choices, preview, recognised
from db.importing.encodings import label as _label
from db.importing.folders import FolderScan, scan_folder, skipped_reason
from db.importing.streamed import NotStreamed, read_long_text, store_long_text, streams_file
from db.memory import release_freed
from db.needs import explain
from db.search import articles_to_index
from db.workspace import Workspace
from desktop.commands.articles import ImportArticlesCommand
from desktop.context import AppContext
from desktop.operations.articles import just_stored
from desktop.operations.revised_imports import settle_revised
from desktop.operations.revisions import earlier_versions
from desktop.workers import Job, Progress, run_job

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    added: list[ArticleInfo] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    # Files that were not UTF-8: (file, the encoding they were recognised in).
    fallbacks: list[tuple[str, str]] = field(default_factory=list)
    annotated: list[tuple[str, int]] = field(default_factory=list)  # (file, claims added)
    # What an importer left undone in a stored article: (file, note).
    notes: list[tuple[str, str]] = field(default_factory=list)
    # Files that look like a new text of a stored article (same URL or title): kept
    # aside, unstored, until the analyst says whether they replace it.
    revised: list[tuple[str, NewArticle, ArticleInfo]] = field(default_factory=list)
    # Files read in a recognised (not certain) encoding, kept aside unstored for the
    # analyst to confirm or change it: (file, the encoding recognised).
    guessed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    # Articles waiting for the background indexer once the import ended (with
    # index_later; counted by the import's thread, not the window's).
    queued: int = 0

    @property
    def problems(self) -> bool:
        return bool(self.duplicates or self.failures)

    def summary(self) -> str:
        """One message naming every file that needs the analyst's attention."""
        lines = [f"Imported {len(self.added)} article{'s' if len(self.added) != 1 else ''}."]
        for name, count in self.annotated:
            lines.append(f"{name}: {count} claim{'s' if count != 1 else ''} from Web Annotations.")
        if self.cancelled:
            lines.append("The import was cancelled; the remaining files were not read.")
        if self.fallbacks:
            lines.append("Not UTF-8; recognised in another encoding, check the characters:")
            lines += [f"  • {name}: read as {encoding}" for name, encoding in self.fallbacks]
        if self.notes:
            lines.append("Imported, with something for you to check:")
            lines += [f"  • {name}: {note}" for name, note in self.notes]
        if self.duplicates:
            lines.append("Already in the workspace, skipped:")
            lines += [f"  • {name}: {message}" for name, message in self.duplicates]
        if self.failures:
            lines.append("Not imported:")
            lines += [f"  • {name}: {reason}" for name, reason in self.failures]
        return "\n".join(lines)


def file_filters() -> str:
    patterns = " ".join(f"*{s}" for s in supported_suffixes())
    notes = " ".join(f"*{s}" for s in ANNOTATION_SUFFIXES)
    return f"Articles ({patterns});;Web Annotations ({notes});;All files (*)"


class EarlierFinder(Protocol):
    """The stored article a new one revises (say, :class:`db.revisions.EarlierVersions`);
    *digest* is the SHA-256 of the new article's file, worked out once per file."""

    def __call__(
        self, ws: Workspace, new: NewArticle, digest: str | None = None
    ) -> ArticleInfo | None: ...


def guessed_encoding(new: NewArticle) -> bool:
    """True when the file's encoding was recognised, not certain (UTF-8, a BOM, or the
    charset an HTML page declares)."""
    return recognised(new.encoding, new.format, new.original)


def _as_paths(paths: Sequence[Path | str]) -> list[Path]:
    """*paths* as Path objects (those given so not parsed again)."""
    return [p if isinstance(p, Path) else Path(p) for p in paths]


def import_paths(
    ws: Workspace,
    paths: Sequence[Path | str],
    progress: Progress,
    earlier: EarlierFinder | None = None,
    *,
    encodings: Mapping[Path, str] | None = None,
    ask_encoding: bool = False,
    index_later: bool = False,
) -> ImportReport:
    """Import every file, many articles to a transaction; never stops at a bad file.

    Web Annotation files are taken after the articles, whose text they anchor in.
    Files read before a cancel are still stored.  With *earlier*, a file it finds
    a stored article for is not stored but listed in ``revised`` for the analyst.
    *encodings* names the encoding to read some files in.  With *ask_encoding*, a
    file whose encoding was only recognised is not stored but listed in ``guessed``.
    With *index_later*, the articles' search entries are left to the background
    indexer (:class:`desktop.search.indexer.SearchIndexer`), and ``queued`` says
    how many articles it has to index.
    """
    chosen = {Path(p): e for p, e in (encodings or {}).items()}
    report = ImportReport()
    total = len(paths)
    files = _as_paths(paths)
    ordered = sorted(files, key=lambda p: p.suffix.lower() in ANNOTATION_SUFFIXES)
    named = {path.name for path in chosen}  # read as the analyst said: no note
    remember = getattr(earlier, "remember", None)  # a finder that learns the new articles
    batch = ArticleBatch(
        ws,
        lambda new, outcome: _record(report, new, outcome, named, remember),
        index_later=index_later,
    )
    for done, path in enumerate(ordered):
        if not progress(done, total):
            report.cancelled = True
            break
        try:
            if path.suffix.lower() in ANNOTATION_SUFFIXES:
                batch.flush()  # the articles they anchor in are stored first
                outcome = import_any(ws, path)
                report.annotated.append((path.name, outcome.claims))
                report.failures += [(path.name, line) for line in outcome.problems]
                continue
            if streams_file(path, chosen.get(path)) and _import_long(
                ws, path, batch, report, earlier, named, remember
            ):
                continue
            new = read_file(path, chosen.get(path))
            if ask_encoding and path not in chosen and guessed_encoding(new):
                report.guessed.append((path, new.encoding))
                continue
            digest = sha256_of(new.original)  # worked out once: the batch stores it too
            existing = earlier(ws, new, digest) if earlier is not None else None
        except Exception as exc:
            _failed(report, path.name, exc)
        else:
            if existing is not None:
                report.revised.append((path.name, new, existing))
            else:
                taken = [new]
                del new  # a long article's text is freed as it is stored
                batch.take(taken, digest)
    batch.flush()
    if index_later and report.added:
        report.queued = articles_to_index(ws)
    # The window goes on to open the new article and find its suggestions on other
    # threads: what this import freed (on this thread's heaps) is handed back first.
    release_freed()
    progress(total, total)
    return report


def _import_long(
    ws: Workspace,
    path: Path,
    batch: ArticleBatch,
    report: ImportReport,
    earlier: EarlierFinder | None,
    named: set[str],
    remember: Callable[[ArticleInfo], None] | None,
) -> bool:
    """Store a long text file read a slice at a time (:mod:`db.importing.streamed`);
    False when it is to be read whole instead (not UTF-8, or a stored article it may
    revise, which the analyst settles with the whole text in hand)."""
    try:
        long = read_long_text(path)
    except NotStreamed:
        return False
    refusal = duplicate_of(ws, long.article, long.digest)
    if refusal is not None:
        raise refusal
    if earlier is not None and earlier(ws, long.article) is not None:
        return False
    batch.flush()  # the files before it are stored first
    try:
        outcome: Stored = store_long_text(ws, long)
    except Exception as exc:  # reported with its file; the others go on
        outcome = exc
    _record(report, long.article, outcome, named, remember)
    return True


def _failed(report: ImportReport, name: str, exc: Exception) -> None:
    if isinstance(exc, DuplicateArticle):
        report.duplicates.append((name, str(exc)))
    elif isinstance(exc, ClaimDeskError):
        report.failures.append((name, str(exc)))
    elif isinstance(exc, OSError):
        report.failures.append((name, exc.strerror or str(exc)))
    elif isinstance(exc, ImportError):  # a package missing where no reader said it needs it
        log.warning("import of %s failed", name, exc_info=exc)
        report.failures.append((name, explain(exc)))
    else:  # an importer bug must not lose the other files
        log.error("import of %s failed", name, exc_info=exc)
        report.failures.append((name, f"unexpected error ({exc}); see the log file"))


def _record(
    report: ImportReport,
    new: NewArticle,
    outcome: Stored,
    named: frozenset[str] | set[str] = frozenset(),
    remember: Callable[[ArticleInfo], None] | None = None,
) -> None:
    if isinstance(outcome, Exception):
        _failed(report, new.filename, outcome)
        return
    report.added.append(outcome)
    if remember is not None:
        remember(outcome)
    report.notes += [(new.filename, note) for note in new.notes]
    if guessed_encoding(new) and new.filename not in named:
        report.fallbacks.append((new.filename, _label(new.encoding)))


def show_report(ctx: AppContext, report: ImportReport) -> None:
    if report.annotated:
        # Web Annotations add claims to any article; only their count is known.
        ctx.publish(EVERYTHING)
    elif report.added:
        # The views list the new articles from the rows the import holds (no reading back).
        with just_stored(ctx, report.added):
            ctx.publish(changed(Entity.ARTICLE, [a.id for a in report.added], Op.CREATED))
    if report.problems or report.fallbacks or report.cancelled or report.annotated or report.notes:
        if report.failures or report.duplicates:
            ctx.dialogs.error("Import", report.summary())
        else:
            ctx.dialogs.info("Import", report.summary())


# Shows the analyst the files read in a recognised encoding (file, encoding) and
# imports those confirmed, each in the encoding chosen (start_import's encodings).
EncodingAsker = Callable[[list[tuple[Path, str]]], None]


def start_import(
    ctx: AppContext,
    paths: Sequence[Path | str],
    parent: QWidget | None = None,
    on_done: Callable[[ImportReport], None] | None = None,
    *,
    encodings: Mapping[Path, str] | None = None,
    ask_encodings: EncodingAsker | None = None,
    skipped: Sequence[Path] = (),
) -> Job:
    """Import *paths* in the background with progress; reports and refreshes when done.

    With *ask_encodings*, files whose encoding was only recognised are stored
    only once the analyst has confirmed or changed it (in a second import).
    """
    ws = ctx.ws
    files = list(paths)  # as given: the job makes Path objects of strings, off this thread

    def finished(report: ImportReport) -> None:
        report.failures += [(path.name, skipped_reason(path)) for path in skipped]
        if report.added:  # already stored: the command's first redo does nothing
            ctx.undo_stack.push(ImportArticlesCommand(ctx, [a.id for a in report.added]))
        show_report(ctx, report)
        if report.revised:
            settle_revised(ctx, report.revised, parent)
        if on_done is not None:
            on_done(report)
        if report.guessed and ask_encodings is not None:
            ask_encodings(report.guessed)

    asking = ask_encodings is not None
    return run_job(
        "Import articles",
        lambda progress: import_paths(
            ws,
            files,
            progress,
            earlier_versions(ws),
            encodings=encodings,
            ask_encoding=asking,
            index_later=True,  # the window's SearchIndexer indexes them next
        ),
        parent=parent,
        on_done=finished,
        on_error=lambda exc: ctx.report_error(exc, "Import"),
        label=f"Importing {len(files)} file{'s' if len(files) != 1 else ''}…",
    )


def folder_files(folder: Path) -> FolderScan:
    """The article files under *folder*, and the files ClaimDesk does not read."""
    return scan_folder(folder)


# ---------------------------------------------------------------- encodings


def encoding_choices() -> list[tuple[str, str]]:
    """(codec name, label) of every encoding the analyst may pick."""
    return choices()


def encoding_label(encoding: str) -> str:
    return _label(encoding)


def encoding_preview(path: Path, encoding: str) -> str:
    """The first lines of *path* read in *encoding*; InvalidInput naming the byte that
    does not fit."""
    return preview(read_limited(path), encoding, path.name)


def check_encoding(path: Path, encoding: str) -> None:
    """Read the whole file in *encoding* (nothing stored); InvalidInput when it does not
    fit, naming the offset of the first byte that cannot be read."""
    read_file(path, encoding)
