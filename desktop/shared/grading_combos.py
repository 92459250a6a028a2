"""Combo boxes for the Admiralty grading and a source's kind, filled the same way everywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from db.models import CREDIBILITY, RELIABILITY, SourceKind


def reliability_combo(parent: QWidget, empty: str) -> QComboBox:
    """Source reliability A–F, each with its meaning; *empty* (data None) first."""
    combo = QComboBox(parent)
    combo.addItem(empty, None)
    for letter, meaning in RELIABILITY.items():
        combo.addItem(f"{letter} — {meaning}", letter)
    return combo


def credibility_combo(parent: QWidget, empty: str) -> QComboBox:
    """Information credibility 1–6, each with its meaning; *empty* (data None) first."""
    combo = QComboBox(parent)
    combo.addItem(empty, None)
    for number, meaning in CREDIBILITY.items():
        combo.addItem(f"{number} — {meaning}", number)
    return combo


def source_kind_combo(parent: QWidget) -> QComboBox:
    """The kinds of source, by name (data: the stored value)."""
    combo = QComboBox(parent)
    for kind in SourceKind:
        combo.addItem(kind.value.capitalize(), kind.value)
    return combo
