"""Panels built by other parts of the desktop layer, loaded when they exist.

A panel that cannot be imported yet is replaced by a placeholder with the same
objectName, so the window works at every stage and picks panels up later.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext

log = logging.getLogger(__name__)

# (module, class, objectName, placeholder hint)
INSPECTOR = (
    "desktop.inspector",
    "ClaimInspector",
    "claimInspector",
    "Select a claim to inspect it.",
)
CLAIMS_TABLE = ("desktop.claims_table", "ClaimsTableView", "claimsTable", "No claims yet.")
SOURCES = ("desktop.sources", "SourcesView", "sourcesView", "No sources yet.")


def placeholder(object_name: str, hint: str) -> QWidget:
    widget = QWidget()
    widget.setObjectName(object_name)
    widget.setProperty("placeholder", True)
    label = QLabel(hint, widget)
    label.setObjectName("emptyHint")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    layout = QVBoxLayout(widget)
    layout.addWidget(label)
    return widget


def load_panel(ctx: AppContext, spec: tuple[str, str, str, str]) -> QWidget:
    module_name, class_name, object_name, hint = spec
    try:
        module = importlib.import_module(module_name)
        cls = getattr(module, class_name)
    except (ImportError, AttributeError):
        log.info("%s.%s not available yet; using a placeholder", module_name, class_name)
        return placeholder(object_name, hint)
    try:
        return cls(ctx)
    except Exception:  # a broken panel must not keep the window from opening
        log.exception("could not create %s.%s", module_name, class_name)
        return placeholder(
            object_name, f"This panel could not be opened ({class_name}); see the log."
        )
