"""Importing files into the window and exporting claim sheets, in background jobs."""

from __future__ import annotations

import csv

import pytest
from gui_shell_support import action, add_text_article, make_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from db import claims as claim_ops
from db.articles import list_articles
from db.models import Status
from desktop.export_dialog import ExportDialog
from desktop.operations.imports import import_paths
from desktop.workers import run_job


def wait_job(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: job.done, timeout=30_000)


def test_import_action_adds_seed_articles_to_the_list(ws, tmp_path, qtbot, seed_paths) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    assert window.article_panel.view.isHidden()  # empty state shows the hint instead
    window.ctx.dialogs.next_paths = [str(p) for p in seed_paths]
    action(window, "actionImport").trigger()
    assert len(window.jobs) == 1
    wait_job(qtbot, window.jobs[0])
    qtbot.waitUntil(lambda: len(window.article_panel.model.articles) == 5, timeout=30_000)
    titles = {a.title for a in list_articles(ws)}
    assert set(window.article_panel.titles()) == titles
    assert window.ctx.dialogs.errors == []
    assert not window.article_panel.view.isHidden()
    # The first imported article opens in the reader when nothing was open.
    assert window.reader.article_id is not None
    assert window.reader.toPlainText().strip() != ""


def test_binary_file_gives_one_error_and_adds_nothing(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    junk = tmp_path / "scan.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    job = window.import_paths([junk])
    wait_job(qtbot, job)
    assert list_articles(ws) == []
    assert len(window.ctx.dialogs.errors) == 1
    title, message = window.ctx.dialogs.errors[0]
    assert title == "Import" and "scan.txt" in message
    assert "Imported 0 articles" in message


def test_summary_names_duplicates_failures_and_windows_1252(
    ws, tmp_path, qtbot, seed_paths
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\xe9 owners said prices rose by 5%.".encode("cp1252"))
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("plain words")
    job = window.import_paths([seed_paths[0], seed_paths[0], legacy, unknown])
    wait_job(qtbot, job)
    report = job.result
    assert len(report.added) == 2
    assert [name for name, _ in report.duplicates] == [seed_paths[0].name]
    assert [name for name, _ in report.failures] == ["notes.xyz"]
    assert report.fallbacks == [("legacy.txt", "Windows-1252")]
    (message,) = [m for _, m in window.ctx.dialogs.errors]
    for part in (seed_paths[0].name, "notes.xyz", "legacy.txt", "Windows-1252"):
        assert part in message
    assert len(list_articles(ws)) == 2


def test_text_an_html_page_leaves_out_is_named_in_the_summary(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    page = tmp_path / "ferry.html"
    page.write_text(
        "<html><head><title>Ferry cut</title></head><body><article>"
        "<p>The island ferry will run only twice a day from March, the operator said.</p>"
        "<aside><p>The island has had a ferry link since the railway closed.</p></aside>"
        "<p>Commuters said they would have to find rooms on the mainland.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    job = window.import_paths([page])
    wait_job(qtbot, job)
    assert len(list_articles(ws)) == 1
    assert window.ctx.dialogs.errors == []
    ((title, message),) = window.ctx.dialogs.infos
    assert title == "Import" and "ferry.html" in message
    assert "The island has had a ferry link since the railway closed." in message


def test_cancelled_import_stops_before_the_next_file(ws, seed_paths) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    report = import_paths(ws, seed_paths, progress)
    assert report.cancelled
    assert len(report.added) == 2
    assert len(list_articles(ws)) == 2
    assert "cancelled" in report.summary()


def test_dropping_files_on_the_window_imports_them(ws, tmp_path, qtbot, seed_paths) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in seed_paths[:2]])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: len(window.article_panel.model.articles) == 2, timeout=30_000)
    assert len(list_articles(ws)) == 2


def test_the_window_hands_dropped_file_names_to_the_job_as_they_are(
    ws, tmp_path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The names a drop gives are made Path objects by the import's thread: the GUI
    thread does nothing per file before the job starts."""
    import threading

    import desktop.operations.imports as imports

    real = imports._as_paths
    threads: list[bool] = []  # each conversion: on the GUI thread?

    def recording(paths):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return real(paths)

    monkeypatch.setattr(imports, "_as_paths", recording)
    names = []
    for n in range(3):
        path = tmp_path / f"bulletin-{n}.txt"
        path.write_text(f"Bulletin {n}\n\nThe ferry ran {n + 1} times.\n")
        names.append(str(path))
    window = make_window(ws, tmp_path, qtbot)
    job = window.import_paths(names)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert len(job.result.added) == 3
    assert threads == [False]


def test_worker_hands_errors_back_to_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    def boom(progress):  # type: ignore[no-untyped-def]
        progress(1, 2)
        raise ValueError("bad input")

    errors: list[BaseException] = []
    job = run_job("Test", boom, on_error=errors.append, show_progress=False)
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert [str(e) for e in errors] == ["bad input"]
    assert job.result is None


def test_worker_cancel_is_seen_by_the_function(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    started = threading.Event()

    def loop(progress):  # type: ignore[no-untyped-def]
        n = 0
        started.set()
        while progress(n, 1_000_000):
            n += 1
            if n > 20_000_000:
                return "never cancelled"
        return n

    job = run_job("Loop", loop, show_progress=True)
    assert started.wait(10)
    from PySide6.QtWidgets import QPushButton

    job.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert isinstance(job.result, int)


@pytest.fixture
def claims_ready(ws):  # type: ignore[no-untyped-def]
    article = add_text_article(
        ws, "The council said 12 bridges and 3 tunnels were repaired in May."
    )
    verified = claim_ops.create_claim_by_quote(ws, article.id, "12 bridges")
    claim_ops.update_claim(
        ws,
        verified.id,
        status=Status.VERIFIED,
        rationale="Checked against the record.",
        statement="Twelve bridges",
    )
    claim_ops.create_claim_by_quote(ws, article.id, "3 tunnels")  # stays unverified
    return article, verified


def test_export_dialog_writes_a_csv_of_verified_claims(ws, tmp_path, qtbot, claims_ready) -> None:  # type: ignore[no-untyped-def]
    _article, verified = claims_ready
    window = make_window(ws, tmp_path, qtbot)
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.format() == "csv"
    assert dialog.format_combo.currentText() == "CSV claim sheet"
    assert dialog.preview.rowCount() == 1  # verified only, by default
    assert dialog.preview.item(0, 0).text() == "Twelve bridges"
    target = tmp_path / "sheet.csv"
    dialog.path_edit.setText(str(target))
    job = dialog.start()
    wait_job(qtbot, job)
    assert dialog.written == 1
    with target.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [str(verified.id)]
    assert rows[0]["quote"] == "12 bridges"
    assert "Wrote 1 claim" in window.ctx.dialogs.infos[-1][1]


def test_export_dialog_status_filter_changes_preview_and_count(
    ws, tmp_path, qtbot, claims_ready
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.status_boxes[Status.UNVERIFIED].setChecked(True)
    assert dialog.preview.rowCount() == 2
    assert "2 claims" in dialog.count_label.text()
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert dialog.preview.rowCount() == 0


def test_export_dialog_counts_read_well_and_empty_filters_say_what_to_widen(
    ws, tmp_path, qtbot, claims_ready
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.count_label.text() == "1 claim matches."
    # Long cells are cut by the column widths; the tooltip shows them whole.
    assert dialog.preview.item(0, 0).toolTip() == "Twelve bridges"
    dialog.status_boxes[Status.VERIFIED].setChecked(False)
    dialog.status_boxes[Status.FALSE].setChecked(True)
    assert not dialog.export_button.isEnabled()
    assert "No claims match" in dialog.count_label.text()
    assert "Tick more statuses" in dialog.count_label.text()


def test_export_to_a_missing_folder_reports_and_writes_nothing(
    ws, tmp_path, qtbot, claims_ready
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    target = tmp_path / "missing" / "sheet.csv"
    dialog.path_edit.setText(str(target))
    wait_job(qtbot, dialog.start())
    assert dialog.written is None
    assert not target.exists()
    assert len(window.ctx.dialogs.errors) == 1
    assert "does not exist" in window.ctx.dialogs.errors[0][1]


def test_export_action_opens_the_dialog(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    action(window, "actionExport").trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_file_filter_lists_supported_suffixes() -> None:
    from db.importing import supported_suffixes
    from desktop.operations.imports import file_filters

    text = file_filters()
    assert all(f"*{s}" in text for s in supported_suffixes())
    assert ".txt" in supported_suffixes()


def test_web_annotations_import_after_their_articles(ws, tmp_path, seed_paths) -> None:  # type: ignore[no-untyped-def]
    from db.exporting import export
    from db.importing import import_file
    from db.workspace import open_workspace

    article = import_file(ws, seed_paths[0])
    text = seed_paths[0].read_text(encoding="utf-8")
    word = next(w for w in text.split() if len(w) > 6 and text.count(w) == 1)
    claim = claim_ops.create_claim_by_quote(ws, article.id, word, tags=["check"])
    notes = tmp_path / "claims.jsonld"
    export(ws, "w3c", claim_ops.ClaimFilter(), notes)

    other = open_workspace(tmp_path / "other.sqlite")
    try:
        # The annotation file is listed first; it is still read after the article.
        report = import_paths(other, [notes, seed_paths[0]], lambda done, total: True)
        assert report.failures == []
        assert report.annotated == [("claims.jsonld", 1)]
        again = claim_ops.get_claim(other, claim.id)
        assert (again.quote, again.start, again.tags) == (word, claim.start, ("check",))
    finally:
        other.close()


def test_export_dialog_writes_xlsx_when_chosen(ws, tmp_path, qtbot, claims_ready) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _article, verified = claims_ready
    window = make_window(ws, tmp_path, qtbot)
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "sheet.csv"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.format_combo.currentText() == "Excel workbook (XLSX)"
    assert dialog.path_edit.text().endswith("sheet.xlsx")
    wait_job(qtbot, dialog.start())
    sheet = load_workbook(tmp_path / "sheet.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == str(verified.id)
    assert len(rows) == 2


def test_export_dialog_writes_a_letter_pdf_when_chosen(ws, tmp_path, qtbot, claims_ready) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    window = make_window(ws, tmp_path, qtbot)
    dialog = ExportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    paper_label = dialog.form.labelForField(dialog.page_combo)
    assert paper_label.text() == "Paper"
    # Paper matters only for the PDF report: hidden, with its label, for other formats.
    assert not dialog.page_combo.isVisible() and not paper_label.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.page_combo.isVisible() and paper_label.isVisible()
    assert dialog.page_combo.isEnabled()
    assert [dialog.page_combo.itemData(i) for i in range(dialog.page_combo.count())] == [
        "A4",
        "Letter",
    ]
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert not dialog.page_combo.isVisible() and not paper_label.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    target = tmp_path / "report.pdf"
    dialog.path_edit.setText(str(target))
    job = dialog.start()
    qtbot.waitUntil(lambda: job.done, timeout=120_000)
    assert dialog.written == 1
    pdf = pdfium.PdfDocument(str(target))
    try:
        assert tuple(round(v) for v in pdf[0].get_size()) == (612, 792)  # US Letter
    finally:
        pdf.close()
