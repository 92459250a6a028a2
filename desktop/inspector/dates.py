"""Event-date text <-> dates for the inspector field."""

from __future__ import annotations

import datetime as dt

from db.errors import InvalidInput

try:  # the shared parser, when present, understands more formats
    from db.dates import parse_event_date as _shared_parse
except ImportError:  # pragma: no cover - depends on the installed core
    _shared_parse = None


def _fallback(text: str) -> tuple[dt.date, dt.date | None]:
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 2:
        raise InvalidInput(f"{text!r} is not a date; write YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD.")
    try:
        dates = [dt.date.fromisoformat(p) for p in parts]
    except ValueError:
        raise InvalidInput(
            f"{text!r} is not a date; write YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD."
        ) from None
    start = dates[0]
    end = dates[1] if len(dates) == 2 else None
    if end is not None and end < start:
        raise InvalidInput("The event's end date is before its start date.")
    return start, end


def parse_event_text(text: str) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) for the field's text; empty text clears the date.

    Raises InvalidInput with a sentence for the analyst when the text is not a date.
    """
    text = text.strip()
    if not text:
        return None, None
    if _shared_parse is not None:
        try:
            start, end = _shared_parse(text)
        except InvalidInput:
            raise
        except ValueError as exc:
            raise InvalidInput(str(exc) or f"{text!r} is not a date.") from None
    else:
        start, end = _fallback(text)
    if end == start:
        end = None
    return start, end


def event_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}/{end.isoformat()}"
