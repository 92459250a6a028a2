"""The reason a conflict is proposed gives each figure as its report words it."""

from __future__ import annotations

import json
from pathlib import Path

from db.cli import run
from db.sample import create_sample_workspace


def test_a_rounded_figure_is_shown_as_worded_with_what_its_rounding_allows(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys
) -> None:
    path = create_sample_workspace(tmp_path / "sample.sqlite")
    capsys.readouterr()
    assert run(["--db", str(path), "conflicts", "--format", "json"]) == 0

    proposals = json.loads(capsys.readouterr().out)
    whys = [p["why"] for p in proposals]
    # "about 12,000" against "around 3,000": each as worded, then the span it allows.
    assert any(
        "about 12,000 (10,800–13,200)" in w and "around 3,000 (2,700–3,300)" in w for w in whys
    ), whys
