"""Alembic is loaded only to upgrade a schema; the revisions read without it match its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db.workspace import alembic_config, head_revision, known_revisions, make_engine

ROOT = Path(__file__).resolve().parent.parent


def test_revisions_match_alembics_script_directory(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        script = ScriptDirectory.from_config(alembic_config(engine))
        assert [head_revision()] == script.get_heads()
        assert known_revisions() == {r.revision for r in script.walk_revisions()}
    finally:
        engine.dispose()


def test_opening_workspaces_at_head_never_imports_alembic(tmp_path: Path) -> None:
    target = tmp_path / "w.sqlite"
    code = (
        "import sys; from db.workspace import open_workspace, current_revision, head_revision; "
        f"ws = open_workspace({str(target)!r}); ws.close(); "
        f"ws = open_workspace({str(target)!r}); "
        "print(current_revision(ws.engine) == head_revision(), "
        "any(m.startswith('alembic') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split() == ["True", "False"]


def test_every_migration_has_its_own_revision_id() -> None:
    """Two files claiming one id would make a branch that alembic refuses to upgrade."""
    from db.workspace import _REVISION_LINE, MIGRATIONS

    seen: dict[str, str] = {}
    clashes = []
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        revision = found["revision"]
        if revision in seen:
            clashes.append(f"{seen[revision]} and {path.name} are both {revision}")
        seen[revision] = path.name
    assert clashes == []
