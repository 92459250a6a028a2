"""An export killed mid-way leaves no part file behind after the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from db import leftovers
from db.cli import run
from db.exporting import atomic_path

ROOT = Path(__file__).resolve().parent.parent


def test_a_killed_writer_leaves_a_part_file_that_the_next_start_removes(tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        from db.exporting import atomic_path
        with atomic_path(Path({str(target)!r})) as tmp:
            tmp.write_text("half a sheet")
            print("writing", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ), capture_output=True, text=True
    )
    assert result.returncode == -signal.SIGKILL and "writing" in result.stdout
    parts = list(tmp_path.glob(".sheet.csv.*.part"))
    assert len(parts) == 1 and not target.exists()
    # The next start (here: any CLI command) removes it.
    assert run(["--db", str(tmp_path / "w.sqlite"), "articles"]) == 0
    assert list(tmp_path.glob("*.part")) == [] and not target.exists()


def test_a_part_file_being_written_is_left_alone(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "live.csv") as tmp:
        tmp.write_text("in progress")
        assert leftovers.clean() == []
        assert tmp.exists()
    assert (tmp_path / "live.csv").read_text() == "in progress"
    assert leftovers.clean() == []


def test_a_backup_killed_mid_copy_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    from db.workspace import open_workspace

    workspace = tmp_path / "story.sqlite"
    open_workspace(workspace).close()
    copy = tmp_path / "copies" / "story-copy.sqlite"
    copy.parent.mkdir()
    code = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from db.backup import take_backup

        def killed(done, total):
            print("copying", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

        take_backup(Path({str(workspace)!r}), Path({str(copy)!r}), progress=killed)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ), capture_output=True, text=True
    )
    assert result.returncode == -signal.SIGKILL and "copying" in result.stdout, result.stderr
    assert (copy.parent / ".story-copy.sqlite.part").exists() and not copy.exists()
    assert run(["--db", str(workspace), "articles"]) == 0
    assert list(copy.parent.iterdir()) == []
