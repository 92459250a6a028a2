"""The crash drill: 20 SIGKILLs of a busy writer, nothing acknowledged lost."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "crash_drill.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _drill():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("crash_drill", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_twenty_kills_lose_no_acknowledged_write(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--kills", "20", "--workspace", str(tmp_path / "d.sqlite")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    lines = result.stdout.splitlines()
    kills = [line for line in lines if line.startswith("kill ")]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(kills) == 20 and all(line.endswith("— ok") for line in kills)
    written = int(lines[-1].split(" kills, ")[1].split()[0])
    assert written > 20  # the writer was really writing when it was killed


def test_the_drill_notices_a_lost_write(tmp_path: Path) -> None:
    drill = _drill()
    path = tmp_path / "w.sqlite"
    drill.prepare(path)
    ghost = str(uuid.uuid4())
    claims, links, doubtful = drill.expected_state([f"create {ghost}"])
    problems = drill.verify(path, claims, links, doubtful)
    assert problems == [f"acknowledged claim {ghost} is missing"]
    # A write announced but never acknowledged may be missing.
    claims, links, doubtful = drill.expected_state([f"create {ghost}", f"try delete {ghost}"])
    assert drill.verify(path, claims, links, doubtful) == []
