"""Time to open the timeline and the link graph at 2,000 claims, offscreen.

    PYTHONPATH=. .venv/bin/python bench/timeline_bench.py [CLAIMS]

Builds a temporary SQLite workspace of synthetic figure claims (event dates on
most, ranges on some, contradicts and updates links between neighbours) and
prints, beside a baseline measured in the same run (reading every claim with
db.claims.list_claims): the headless timeline data, the drawing of the scene,
and the time from opening a timeline window to its drawing shown; then the link
graph of 2,000 claims and 5,000 links: its layout, and opening its window.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

SENTENCES = [
    "Officials said {n:,} troops arrived in Russia.",
    "Some {n:,} soldiers were deployed to the region.",
    "Between {n:,} and {m:,} troops are now in Russia.",
    "At least {n:,} people were killed in the strikes.",
    "The talks were described as cordial by both sides.",
]


def build(path: Path, claims: int, extra_links: int = 0) -> tuple[list[uuid.UUID], uuid.UUID]:
    from bench.synthetic import claim_row, insert_claims
    from db.analysts import bind_analyst
    from db.articles import NewArticle, add_article
    from db.facts.service import create_fact
    from db.models import ClaimLink, Relation, Status
    from db.workspace import open_workspace

    rng = random.Random(7)
    ws = open_workspace(path)
    try:
        bind_analyst(ws)
        per_article = 20
        rows = []
        start_day = dt.date(2024, 1, 1)
        statuses = list(Status)
        fact, _ = create_fact(ws, "How many troops?")
        for a in range(claims // per_article):
            spans = []
            text = ""
            for _ in range(per_article):
                n = rng.randrange(500, 15_000, 100)
                sentence = rng.choice(SENTENCES).format(n=n, m=n + 1000)
                spans.append((len(text), len(text) + len(sentence) - 1))
                text += sentence + " "
            published = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=a % 330)
            art = add_article(
                ws, NewArticle(text=text, original=text.encode(), published_at=published)
            )
            for i, (s, e) in enumerate(spans):
                extra: dict[str, object] = {
                    "status": rng.choice(statuses),
                    "event_start": None,
                    "event_end": None,
                    "fact_id": None,
                }
                if i % 5:
                    day = start_day + dt.timedelta(days=rng.randrange(0, 330))
                    extra["event_start"] = day
                    extra["event_end"] = day + dt.timedelta(days=rng.choice((0, 0, 0, 14, 30)))
                if len(rows) % 4 == 0:
                    extra["fact_id"] = fact.id
                rows.append(claim_row(art.id, text, s, e, **extra))  # type: ignore[arg-type]
        insert_claims(ws, rows)
        ids = [r["id"] for r in rows]
        now = dt.datetime.now(dt.UTC)
        links = []
        for k in range(0, len(ids) - 7, 7):
            relation = Relation.CONTRADICTS if k % 2 else Relation.UPDATES
            links.append(
                {
                    "id": uuid.uuid4(),
                    "from_claim_id": ids[k + 7],
                    "to_claim_id": ids[k],
                    "relation": relation,
                    "note": "",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        relations = list(Relation)
        seen = {(link["from_claim_id"], link["to_claim_id"]) for link in links}
        while len(links) < extra_links:
            a, b = rng.sample(range(len(ids)), 2)
            if abs(a - b) > 60 or (ids[a], ids[b]) in seen or (ids[b], ids[a]) in seen:
                continue  # links join claims of nearby articles, as in real stories
            seen.add((ids[a], ids[b]))
            links.append(
                {
                    "id": uuid.uuid4(),
                    "from_claim_id": ids[a],
                    "to_claim_id": ids[b],
                    "relation": rng.choice(relations),
                    "note": "",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        with ws.engine.begin() as conn:
            conn.execute(insert(ClaimLink), links)
        return ids, fact.id
    finally:
        ws.close()


def best(times: list[float]) -> str:
    return f"{min(times) * 1000:7.0f} ms (median {sorted(times)[len(times) // 2] * 1000:.0f})"


def main() -> int:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from db.analysts import bind_analyst
    from db.claims import ClaimFilter, list_claims
    from db.facts.timeline import timeline
    from db.workspace import open_workspace
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.timeline import TimelineView, TimelineWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLAIMDESK_DATA_DIR"] = tmp
        path = Path(tmp) / "timeline.sqlite"
        started = time.perf_counter()
        _ids, fact = build(path, claims)
        print(f"built {claims} claims in {time.perf_counter() - started:.1f} s")
        ws = open_workspace(path)
        bind_analyst(ws)
        try:
            from db.facts import timeline as timeline_module

            base, data_t, scene_t, cold_t, window_t, fact_t = [], [], [], [], [], []

            def open_window(fact_id: object) -> tuple[float, int]:
                ctx = AppContext(ws, RecordingDialogs())
                t = time.perf_counter()
                window = TimelineWindow(ctx, fact_id)  # type: ignore[arg-type]
                done: list[int] = []
                window.loaded.connect(lambda: done.append(1))
                window.show()
                while not done:
                    app.processEvents()
                    time.sleep(0.001)
                window.view.viewport().repaint()
                elapsed = time.perf_counter() - t
                shown = len(window.view.markers)
                window.close()
                window.deleteLater()
                app.processEvents()
                return elapsed, shown

            for _ in range(3):
                t = time.perf_counter()
                list_claims(ws, ClaimFilter())
                base.append(time.perf_counter() - t)
                timeline_module._PROFILES.clear()  # nothing read yet in this process
                cold_t.append(open_window(None)[0])
                t = time.perf_counter()
                data = timeline(ws)
                data_t.append(time.perf_counter() - t)
                view = TimelineView()
                view.resize(1000, 600)
                t = time.perf_counter()
                view.set_timeline(data)
                scene_t.append(time.perf_counter() - t)
                view.deleteLater()
                window_t.append(open_window(None)[0])
                elapsed, shown = open_window(fact)
                fact_t.append(elapsed)
            print(f"items drawn (workspace): {len(data.items)}, links: {len(data.links)}")
            print(f"baseline: list_claims, all {claims} claims     {best(base)}")
            print(f"timeline data, figures known (warm)      {best(data_t)}")
            print(f"scene drawing (TimelineView.set_timeline)  {best(scene_t)}")
            print(f"open window to drawn, first time (cold)    {best(cold_t)}  (target ≤ 1 s)")
            print(f"open window to drawn, again (warm)         {best(window_t)}  (target ≤ 1 s)")
            print(f"open window to drawn, fact ({shown} claims)   {best(fact_t)}")
        finally:
            ws.close()
        path = Path(tmp) / "graph.sqlite"
        build(path, claims, extra_links=int(claims * 2.5))
        ws = open_workspace(path)
        bind_analyst(ws)
        try:
            from db.facts.graph import graph
            from desktop.graph import GraphWindow

            layout_t, graph_t = [], []
            for _ in range(3):
                t = time.perf_counter()
                g = graph(ws)
                layout_t.append(time.perf_counter() - t)
                ctx = AppContext(ws, RecordingDialogs())
                t = time.perf_counter()
                gw = GraphWindow(ctx)
                done: list[int] = []
                gw.loaded.connect(done.append)
                gw.show()
                while not done:
                    app.processEvents()
                    time.sleep(0.001)
                gw.view.viewport().repaint()
                graph_t.append(time.perf_counter() - t)
                t = time.perf_counter()
                gw.view.zoom_in()
                gw.view.horizontalScrollBar().setValue(gw.view.horizontalScrollBar().value() + 60)
                gw.view.viewport().repaint()
                frame = time.perf_counter() - t
                gw.close()
                gw.deleteLater()
                app.processEvents()
            print(f"graph: {len(g.nodes)} claims, {len(g.edges)} links")
            print(f"graph data + layout (db.facts.graph)      {best(layout_t)}")
            print(f"open graph window to drawn                {best(graph_t)}  (target ≤ 1 s)")
            print(f"one zoom + pan step, repainted            {frame * 1000:7.0f} ms")
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
