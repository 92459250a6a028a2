"""The link graph: its data and layout (db.facts.graph, `claimdesk graph`) and its view."""

from __future__ import annotations

import json
import math
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from db.cli import run
from db.facts.graph import graph, layout
from db.facts.service import assign_claims, create_fact
from db.models import Relation
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.graph import GraphWindow
from tests.canvas_support import captions, captions_apart_at_each_zoom
from tests.gui_shell_support import make_window
from tests.test_facts import OCT
from tests.test_timeline import _story


def test_graph_has_every_claim_and_typed_links(ws) -> None:  # type: ignore[no-untyped-def]
    ids = _story(ws)
    seoul, kyiv, late, _reinf, _ranged, words = ids
    data = graph(ws)
    assert {str(n.claim_id) for n in data.nodes} == set(ids)
    got = {(e.relation, str(e.from_claim_id), str(e.to_claim_id)) for e in data.edges}
    assert got == {
        (Relation.CONTRADICTS, kyiv, seoul),
        (Relation.UPDATES, late, seoul),
        (Relation.SUPPORTS, words, seoul),
    }
    at = {str(n.claim_id): (n.x, n.y) for n in data.nodes}
    assert all(math.isfinite(v) for p in at.values() for v in p)
    assert len(set(at.values())) == len(at)  # no two claims on one spot
    only = graph(ws, relations=[Relation.CONTRADICTS])
    assert [e.relation for e in only.edges] == [Relation.CONTRADICTS]
    fact, _ = create_fact(ws, "How many troops?")
    assign_claims(ws, fact.id, [seoul, late])
    small = graph(ws, str(fact.id))
    assert {str(n.claim_id) for n in small.nodes} == {seoul, late}
    assert [e.relation for e in small.edges] == [Relation.UPDATES]


def test_layout_keeps_linked_claims_together_and_is_deterministic() -> None:
    edges = [(i, i + 1) for i in range(9)] + [(20 + i, 21 + i) for i in range(200)]
    first = layout(300, edges)
    assert first == layout(300, edges)
    chain = [math.dist(first[a], first[b]) for a, b in edges[:9]]
    spread = max(math.dist(first[0], p) for p in first)
    assert max(chain) < spread / 3


def test_cli_graph_json_and_bad_input(ws, ws_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _story(ws)
    out = tmp_path / "g.json"
    assert run(["--db", str(ws_path), "graph", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 3
    assert {"claim", "quote", "status", "x", "y"} <= set(data["nodes"][0])
    capsys.readouterr()
    assert run(["--db", str(ws_path), "graph", "--fact", str(uuid.uuid4()), "-o", "x.json"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_graph_view_draws_clicks_and_exports(ws, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _story(ws)
    ctx = AppContext(ws, RecordingDialogs())
    window = GraphWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.show()
    view = window.view
    assert set(view.markers) == set(ids)
    assert "1,500 troops arrived in Russia" in view.markers[ids[0]].toolTip()
    relations = {item.data(1) for item in view.scene().items() if item.data(1)}
    assert relations == {"contradicts", "updates", "supports"}
    centre = view.mapFromScene(view.markers[ids[1]].pos())
    with qtbot.waitSignal(ctx.claimSelected, timeout=2000) as got:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert got.args == [ids[1]]
    # Filters: a relation turned off, then one status only; the layout stays put.
    window.relation_boxes[Relation.SUPPORTS].setChecked(False)
    relations = {item.data(1) for item in view.scene().items() if item.data(1)}
    assert relations == {"contradicts", "updates"}
    before = view.markers[ids[0]].pos()
    window.status_box.setCurrentIndex(window.status_box.findData("verified"))
    assert set(view.markers) == {ids[0]}  # only the Seoul claim is verified
    assert view.markers[ids[0]].pos() == before
    window.status_box.setCurrentIndex(0)
    png = tmp_path / "graph.png"
    size = view.export_png(png)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (size.width(), size.height()) != (0, 0)


def _captions(window: GraphWindow) -> dict[str, object]:
    return captions(window.view)


def test_graph_dots_carry_the_claims_first_words_and_captions_never_overlap(  # type: ignore[no-untyped-def]
    ws, qtbot, monkeypatch
) -> None:
    from desktop import canvas_captions

    ids = _story(ws)
    ctx = AppContext(ws, RecordingDialogs())
    window = GraphWindow(ctx)
    window.resize(900, 600)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.show()
    captions = _captions(window)
    assert set(captions) == set(ids)
    seoul = captions[ids[0]].text()
    assert "1,500 troops arrived" in seoul and len(seoul) <= canvas_captions.CAPTION_CHARS + 1
    view = window.view

    zooms = [view.zoom_out, view.zoom_out, view.zoom_out, view.zoom_in]
    captions_apart_at_each_zoom(view, qtbot, zooms)
    window.captions_box.setChecked(False)
    assert _captions(window) == {}
    window.captions_box.setChecked(True)
    assert _captions(window)[ids[0]].text() == seoul
    window.close()

    # A graph larger than the limit opens without captions; the box says so.
    monkeypatch.setattr(canvas_captions, "CAPTIONS_UP_TO", len(ids) - 1)
    crowded = GraphWindow(ctx)
    qtbot.addWidget(crowded)
    with qtbot.waitSignal(crowded.loaded, timeout=15000):
        crowded.show()
    assert not crowded.captions_box.isChecked()
    assert _captions(crowded) == {}


def test_claims_with_no_link_are_named_at_the_fitted_zoom(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Claims with no link sit in a grid below the linked ones, far enough apart that
    each keeps its caption when the graph is first shown (they were a dot's width apart,
    so every caption but the last was hidden as covering the next dot)."""
    from tests.test_facts import _claims

    _story(ws)
    lone = _claims(
        ws,
        [
            (f"Officials said {n},000 troops were seen in town {n}.", f"{n},000 troops", OCT)
            for n in range(2, 7)
        ],
    )
    window = GraphWindow(AppContext(ws, RecordingDialogs()))
    window.resize(1056, 700)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.show()
    view = window.view
    view.fit()
    qtbot.waitUntil(lambda: not view.labels.timer.isActive(), timeout=2000)
    captions = _captions(window)
    assert all(captions[claim].isVisible() for claim in lone)


def test_captions_are_the_first_words_cut_short() -> None:
    from desktop.canvas_captions import CAPTION_CHARS, caption

    assert caption("1,500 troops arrived") == "1,500 troops arrived"
    assert caption("one two three four five six seven") == "one two three four five six…"
    long = caption("Internationalisation " * 3)
    assert long.endswith("…") and len(long) <= CAPTION_CHARS


def test_link_graph_from_the_view_menu(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = _story(ws)
    main = make_window(ws, tmp_path, qtbot)
    assert main.graph_action in main.menu("View").actions()
    main.graph_action.trigger()
    (window,) = main.graph_windows
    qtbot.waitUntil(lambda: len(window.view.markers) == len(ids), timeout=15000)
    window.close()


def test_timeline_and_graph_on_postgresql(pg_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        bind_analyst(ws)
        seoul, kyiv, late, *_rest = _story(ws)
    finally:
        ws.close()
    for command in ("timeline", "graph"):
        out = tmp_path / f"{command}.json"
        assert run(["--db", pg_url, command, "-o", str(out)]) == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        links = data["links"] if command == "timeline" else data["edges"]
        assert {"relation": "contradicts", "from": kyiv, "to": seoul} in links
        assert {"relation": "updates", "from": late, "to": seoul} in links
        assert len(data["items" if command == "timeline" else "nodes"]) == 6
        picture = tmp_path / f"{command}.png"  # drawn from the shared workspace too
        assert run(["--db", pg_url, command, "-o", str(picture)]) == 0
        assert not QImage(str(picture)).isNull()


def test_a_layout_is_remembered_and_not_shared_by_reference() -> None:
    from db.facts import graph as graph_module

    edges = [(i, i + 1) for i in range(30)]
    graph_module._LAYOUTS.clear()
    first = layout(40, edges)
    assert len(graph_module._LAYOUTS) == 1
    first[0] = (999.0, 999.0)  # a caller changing its copy changes nothing remembered
    again = layout(40, edges)
    assert again[0] != (999.0, 999.0) and again == graph_module._layout(40, edges, 1)
    assert layout(40, edges[:-1]) != again  # another input, another layout
