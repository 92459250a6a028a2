"""The claim inspector: every field of one claim, edited with undo."""

from desktop.inspector.inspector import ClaimInspector

__all__ = ["ClaimInspector"]
