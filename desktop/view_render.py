"""Draw a timeline or link graph to PNG or SVG; run as ``python -m desktop.view_render``.

The command line (:mod:`db.facts.view_pictures`) starts this module in a subprocess,
so the core never imports Qt.  Usage::

    python -m desktop.view_render timeline|graph png|svg OUT < VIEW.json

The JSON is what ``claimdesk timeline`` / ``claimdesk graph`` write.  The picture is
drawn by the views the app shows (all of it, at full size, as their Export buttons
write it).  A failure prints one line on standard error and exits 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

KINDS = ("timeline", "graph")
FORMATS = ("png", "svg")


def render(kind: str, fmt: str, out: str, text: str) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.canvas_captions import CAPTIONS_UP_TO
    from desktop.operations.view_files import read_graph, read_timeline
    from desktop.timeline.view import ClaimCanvas

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the view's JSON is broken ({exc.msg}, line {exc.lineno})") from None
    _app = QApplication.instance() or QApplication([sys.argv[0]])
    if kind == "timeline":
        from desktop.timeline.view import TimelineView

        timeline_view = TimelineView()
        timeline = read_timeline(data)
        timeline_view.labels.on = len(timeline.items) <= CAPTIONS_UP_TO
        timeline_view.set_timeline(timeline)
        view: ClaimCanvas = timeline_view
    else:
        from desktop.graph.view import GraphView

        graph_view = GraphView()
        picture = read_graph(data)
        graph_view.labels.on = len(picture.nodes) <= CAPTIONS_UP_TO
        graph_view.set_graph(picture)
        view = graph_view
    # Shown at the picture's own size, so the captions left out are those that would
    # cover another on the picture.
    size = view.export_size()
    view.resize(size.width() + 4, size.height() + 4)
    view.show()
    _app.processEvents()
    view.fit()
    view.labels.declutter()
    if fmt == "png":
        view.export_png(out)
    else:
        view.export_svg(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 3 or args[0] not in KINDS or args[1] not in FORMATS:
        print(
            "usage: python -m desktop.view_render timeline|graph png|svg OUT < VIEW.json",
            file=sys.stderr,
        )
        return 2
    kind, fmt, out = args
    try:
        render(kind, fmt, out, sys.stdin.buffer.read().decode("utf-8"))
    except Exception as exc:  # one line for the command line to pass on
        print(f"{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
