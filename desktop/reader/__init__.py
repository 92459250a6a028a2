"""The article reader and its claim highlighter."""

from desktop.reader.view import EMPTY_HINT, ReaderView

__all__ = ["EMPTY_HINT", "ReaderView"]
