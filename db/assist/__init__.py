"""Reading assists: figures, event dates and attributions read from an article's text.

The readers are pure functions over text (no database, no Qt), so they run on any
thread:

- :func:`db.assist.numbers.extract_figures` → :class:`~db.assist.numbers.Figure`
- :func:`db.assist.dates.extract_dates` → :class:`~db.assist.dates.EventDate`
- :func:`db.assist.attribution.extract_attributions` →
  :class:`~db.assist.attribution.Attribution`
- :func:`db.assist.suggest.suggest` combines them into
  :class:`~db.assist.suggest.Suggestion` values (kind, code-point span and quote of the
  clause, the figure or date's own span as ``target_start``/``target_end``, value, unit,
  qualifier, event date, source, source kind, registry ``source_id``, relays, cue, hedge).

:mod:`db.assist.service` is the database side: ``suggestions_for_article(ws, id,
kinds)`` (cached by text, publication date, registry and existing claims) and
``accept_suggestions(ws, id, suggestions)`` returning
:class:`~db.assist.service.Accepted` with the new claims, new sources and the
:class:`~db.changes.Changes` record to publish.  :mod:`db.assist.quality` scores
suggestions against a hand-marked reference.
"""
