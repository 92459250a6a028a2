"""The import asks before storing a file whose encoding was only recognised.

Real Windows-1251 and EUC-KR files (text written for these tests) go through
the main window's import: the dialog names the recognised encoding with a
preview, lets the analyst pick another, refuses one that cannot read the bytes
(naming the byte offset), and stores nothing until Import is chosen.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from gui_shell_support import make_window
from PySide6.QtWidgets import QApplication

from db.articles import article_text, list_articles
from desktop.articles.encoding_dialog import EncodingDialog

RUSSIAN = (
    "Министр финансов заявил в понедельник, что бюджет региона вырос на двенадцать процентов.\n"
    "По словам чиновника, новые школы откроются осенью, а дороги отремонтируют к зиме.\n"
)
KOREAN = (
    "Mayor's briefing\n"
    "시장은 월요일 기자회견에서 새 다리가 다음 달에 개통된다고 말했다.\n"
    "시 관계자에 따르면 공사비는 예상보다 십오 퍼센트 늘었다.\n"
)


def _dialog(qtbot) -> EncodingDialog:  # type: ignore[no-untyped-def]
    found: list[EncodingDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, EncodingDialog) and w.isVisible()
        ]
        return len(found) == 1

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


def _pick(dialog: EncodingDialog, codec: str) -> None:
    index = dialog.combo.findData(codecs.lookup(codec).name)
    assert index >= 0, codec
    dialog.combo.setCurrentIndex(index)


def _window(ws, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.ctx.dialogs.interactive = True  # someone is there to answer
    return window


def test_windows_1251_file_is_stored_only_in_the_encoding_confirmed(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "budget.txt"
    data = RUSSIAN.encode("cp1251")
    path.write_bytes(data)
    window = _window(ws, tmp_path, qtbot)
    window.import_paths([path])
    dialog = _dialog(qtbot)
    assert list_articles(ws) == []  # nothing stored while the analyst decides
    assert dialog.encoding() == "cp1251"
    assert "(recognised)" in dialog.combo.currentText()
    assert "Windows-1251" in dialog.findChild(type(dialog.error), "encodingIntro").text()
    assert RUSSIAN.splitlines()[0] in dialog.preview.toPlainText()

    # UTF-8 cannot read these bytes: refused, with the offset of the first one it cannot.
    _pick(dialog, "utf-8")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
    assert dialog.error.isVisibleTo(dialog)
    assert f"offset {offset}" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.preview.toPlainText() == ""

    # KOI8-R reads any byte: the preview shows what that would store.
    _pick(dialog, "koi8_r")
    assert dialog.import_button.isEnabled()
    assert dialog.preview.toPlainText().splitlines()[0] == data.decode("koi8_r").splitlines()[0]
    assert RUSSIAN.splitlines()[0] not in dialog.preview.toPlainText()

    _pick(dialog, "cp1251")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: len(list_articles(ws)) == 1, timeout=10000)
    (info,) = list_articles(ws)
    assert info.encoding == "cp1251"
    assert article_text(ws, info.id).text == RUSSIAN
    assert window.ctx.dialogs.errors == []


def test_a_pick_that_cannot_read_the_whole_file_is_refused(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bridge.txt"
    data = KOREAN.encode("euc_kr")
    path.write_bytes(data)
    window = _window(ws, tmp_path, qtbot)
    window.import_paths([path])
    dialog = _dialog(qtbot)
    assert dialog.encoding() in ("cp949", "euc_kr")
    assert KOREAN.splitlines()[1] in dialog.preview.toPlainText()

    # Shift-JIS: a byte in the text does not fit; the refusal names where.
    _pick(dialog, "shift_jis")
    try:
        data.decode("shift_jis")
    except UnicodeDecodeError as exc:
        offset = exc.start
    assert f"offset {offset}" in dialog.error.text()
    assert not dialog.import_button.isEnabled()

    # Skipping stores nothing.
    _pick(dialog, "euc_kr")
    assert dialog.import_button.isEnabled()
    dialog.findChild(type(dialog.import_button), "encodingSkip").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.wait(200)
    assert list_articles(ws) == []


def test_several_files_are_asked_about_in_turn(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(RUSSIAN.encode("cp1251"))
    second.write_bytes(KOREAN.encode("euc_kr"))
    plain = tmp_path / "plain.txt"
    plain.write_text("An ordinary UTF-8 article.\nWith a second line.\n", encoding="utf-8")
    window = _window(ws, tmp_path, qtbot)
    window.import_paths([first, plain, second])
    dialog = _dialog(qtbot)
    # The UTF-8 file was certain: stored at once.
    assert [a.filename for a in list_articles(ws)] == ["plain.txt"]
    assert "(1 of 2)" in dialog.windowTitle()
    dialog.import_button.click()
    dialog = _dialog(qtbot)
    assert "(2 of 2)" in dialog.windowTitle()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: len(list_articles(ws)) == 3, timeout=10000)
    texts = {a.filename: article_text(ws, a.id).text for a in list_articles(ws)}
    assert texts["a.txt"] == RUSSIAN
    assert texts["b.txt"] == KOREAN


def test_without_anyone_to_ask_the_recognised_encoding_is_used_and_named(
    ws, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "budget.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    window = make_window(ws, tmp_path, qtbot)
    job = window.import_paths([path])
    qtbot.waitUntil(lambda: len(list_articles(ws)) == 1, timeout=10000)
    assert job is not None
    (info,) = list_articles(ws)
    assert article_text(ws, info.id).text == RUSSIAN


def _page(charset: str | None) -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{line}</p>" for line in RUSSIAN.splitlines())
    head = f"<head>{meta}<title>Бюджет</title></head>"
    html = f"<html>{head}<body><article>{body}</article></body></html>"
    return html.encode("cp1251")


def test_an_html_page_that_declares_its_charset_is_not_asked_about(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    declared, undeclared = tmp_path / "declared.html", tmp_path / "undeclared.html"
    declared.write_bytes(_page("windows-1251"))
    undeclared.write_bytes(_page(None))
    window = _window(ws, tmp_path, qtbot)
    window.import_paths([declared, undeclared])
    dialog = _dialog(qtbot)
    assert dialog.path == undeclared
    assert [a.filename for a in list_articles(ws)] == ["declared.html"]
    assert list_articles(ws)[0].encoding == "cp1251"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: len(list_articles(ws)) == 2, timeout=10000)
    texts = [article_text(ws, a.id).text for a in list_articles(ws)]
    assert all(RUSSIAN.splitlines()[0] in text for text in texts)
