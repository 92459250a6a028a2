"""Reading assists: figures, event dates and attributions read from an article's text.

The readers are pure functions over text (no database, no Qt), so they run on any
thread; :mod:`db.assist.suggest` combines them into suggested claims.
"""
