"""`claimdesk timeline` and `claimdesk graph` write PNG and SVG pictures, drawn by the
app's own views in another process; the views' JSON reads back whole."""

from __future__ import annotations

import json
import os
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from db.cli import run
from db.errors import InvalidInput
from db.facts import view_pictures
from db.facts.graph import graph
from db.facts.timeline import timeline
from db.facts.view_json import graph_from_json, timeline_from_json
from desktop.canvas_captions import caption
from tests.test_timeline import _story

SVG = "{http://www.w3.org/2000/svg}"


def _svg_texts(path: Path) -> str:
    root = ET.parse(path).getroot()  # a real XML reader: the file is well formed
    assert root.tag == f"{SVG}svg"
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_the_views_json_reads_back_to_the_same_view(ws) -> None:  # type: ignore[no-untyped-def]
    _story(ws)
    line = timeline(ws)
    assert timeline_from_json(json.loads(json.dumps(line.as_json()))).as_json() == line.as_json()
    drawn = graph(ws)
    assert graph_from_json(json.loads(json.dumps(drawn.as_json()))).as_json() == drawn.as_json()


@pytest.mark.parametrize(
    ("kind", "data", "words"),
    [
        ("timeline", {"items": "x", "links": []}, "'items' is not a list"),
        ("timeline", {"links": []}, "no 'items'"),
        ("graph", {"nodes": [{"claim": "nope", "x": 1, "y": 2}], "edges": []}, "not an id"),
        ("graph", {"nodes": [], "edges": [{"from": str(uuid.uuid4()), "to": str(uuid.uuid4()),
                                          "relation": "loves"}]}, "Unknown relation"),
    ],
)  # fmt: skip
def test_a_view_of_another_form_is_refused_in_words(kind: str, data: dict, words: str) -> None:  # type: ignore[type-arg]
    read = timeline_from_json if kind == "timeline" else graph_from_json
    with pytest.raises(InvalidInput, match=words):
        read(data)


def test_cli_draws_the_timeline_and_the_graph_as_png_and_svg(  # type: ignore[no-untyped-def]
    ws, ws_path: Path, tmp_path: Path, capsys
) -> None:
    ids = _story(ws)
    for kind in ("timeline", "graph"):
        png, svg = tmp_path / f"{kind}.png", tmp_path / f"{kind}.svg"
        for target in (png, svg):
            assert run(["--db", str(ws_path), kind, "-o", str(target)]) == 0
            assert f"written to {target}" in capsys.readouterr().out
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 300 and image.height() > 200
        # Something is drawn: more than one colour on the picture.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}  # fmt: skip
        assert len(colours) > 3
        texts = _svg_texts(svg)
        if kind == "timeline":
            assert "5,000" in texts and "10,000" in texts  # the value axis' ticks
            assert "01 Oct 2024" in texts  # the time axis
            assert "troops" in texts  # the unit
        # The claims' first words beside their marks (a view this small has captions;
        # which of them fit beside the others depends on where the claims are drawn).
        quotes = [n.quote for n in graph(ws).nodes]
        assert any(caption(q) in texts for q in quotes)
    assert len(ids) == 6
    assert not list(tmp_path.glob("*.part*"))  # nothing half-written left beside them


def test_a_picture_that_cannot_be_drawn_leaves_the_file_as_it_was(  # type: ignore[no-untyped-def]
    ws, ws_path: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    _story(ws)
    target = tmp_path / "kept.png"
    target.write_bytes(b"an earlier picture")
    # A renderer that fails as a broken Qt would: a message on stderr, exit 1.
    monkeypatch.setattr(
        view_pictures,
        "_command",
        lambda env: [
            "python3",
            "-c",
            "import sys; print('no display here', file=sys.stderr); sys.exit(1)",
        ],
    )
    capsys.readouterr()
    assert run(["--db", str(ws_path), "graph", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be drawn (no display here)" in err
    assert target.read_bytes() == b"an earlier picture"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("kept")] == ["kept.png"]


def test_the_renderer_refuses_broken_json_in_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    from desktop import view_render

    class Stdin:
        buffer = io.BytesIO(b"{not json")

    old = sys.stdin
    sys.stdin = Stdin()  # type: ignore[assignment]
    try:
        assert view_render.main(["timeline", "png", "out.png"]) == 1
    finally:
        sys.stdin = old
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "JSON is broken" in err
    assert view_render.main(["chart", "png", "out.png"]) == 2


def test_launcher_dispatches_view_pictures(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Packaged builds draw through the launcher, as "claimdesk --render-view ...".
    import subprocess
    import sys

    _story(ws)
    data = json.dumps(timeline(ws).as_json()).encode("utf-8")
    out = tmp_path / "t.svg"
    cmd = [sys.executable, "-m", "desktop.launcher", "--render-view", "timeline", "svg", str(out)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(cmd, input=data, check=True, capture_output=True, timeout=120, env=env)
    assert "troops" in _svg_texts(out)


def test_renderers_run_as_modules_or_through_a_packaged_builds_launcher(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from db.render_process import renderer_command

    env: dict[str, str] = {"PYTHONPATH": "/elsewhere"}
    cmd = renderer_command(env, "desktop.view_render", "--render-view")
    assert cmd == [sys.executable, "-m", "desktop.view_render"]
    root = Path(__file__).resolve().parents[1]
    assert env["PYTHONPATH"].split(os.pathsep) == [str(root), "/elsewhere"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert renderer_command({}, "desktop.view_render", "--render-view") == [
        sys.executable,
        "--render-view",
    ]
