"""Every package the code imports is declared, pinned in the lock, and nothing is declared idly."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = {"db", "desktop"}
# Declared for what they provide at run time without an import statement of their own.
RUNTIME_ONLY = {
    "psycopg",  # the PostgreSQL driver SQLAlchemy loads for postgresql+psycopg URLs
    "tzdata",  # the time-zone database zoneinfo falls back to where the system has none
}
# Distributions that come with a declared one (PySide6-Essentials brings shiboken6).
COMES_WITH = {"shiboken6": "pyside6-essentials"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9_.-]+)", spec)
    assert match, spec
    return _norm(match.group(1))


def _project() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _imported_top_levels(folders: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in OWN}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    mapping = packages_distributions()
    out = {}
    for module in modules:
        dists = {_norm(d) for d in mapping.get(module, [])}
        out[module] = dists | {COMES_WITH[d] for d in dists if d in COMES_WITH}
    return out


def test_everything_the_application_imports_is_declared() -> None:
    declared = {_requirement_name(s) for s in _project()["dependencies"]}
    missing = {
        module: dists
        for module, dists in _distributions(_imported_top_levels(("db", "desktop"))).items()
        if not dists & declared
    }
    assert missing == {}, "declare these in pyproject.toml [project] dependencies"


def test_every_declared_dependency_is_used() -> None:
    declared = {_requirement_name(s) for s in _project()["dependencies"]}
    used: set[str] = set()
    for dists in _distributions(_imported_top_levels(("db", "desktop"))).values():
        used |= dists
    assert declared - used - RUNTIME_ONLY == set()


def test_tests_and_benchmarks_import_only_declared_packages() -> None:
    project = _project()
    declared = {_requirement_name(s) for s in project["dependencies"]}
    declared |= {_requirement_name(s) for s in project["optional-dependencies"]["test"]}
    modules = _imported_top_levels(("tests", "bench", "scripts")) - {"tests", "bench", "conftest"}
    local = {
        p.stem for folder in ("tests", "bench", "scripts") for p in (ROOT / folder).glob("*.py")
    }
    missing = {
        module: dists
        for module, dists in _distributions(modules - local).items()
        if not dists & declared
    }
    assert missing == {}


def test_the_lock_pins_every_declared_package() -> None:
    lock = ROOT / "requirements.lock"
    pinned = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{line!r} in requirements.lock is not pinned with =="
            pinned[_norm(name)] = version
    project = _project()
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    names = {_requirement_name(s) for s in wanted}
    names.discard("pyside6-essentials")  # pinned below, with the Python-version marker
    assert names - set(pinned) == set()
    assert "pyside6-essentials" in pinned and not pinned["pyside6-essentials"].startswith("6.12")


def test_zoneinfo_users_get_the_time_zone_database_on_windows() -> None:
    """zoneinfo finds no zones on Windows without tzdata: declared there, and pinned."""
    from packaging.requirements import Requirement

    uses_zoneinfo = any(
        "zoneinfo" in _imported_modules(path)
        for folder in ("db", "desktop")
        for path in (ROOT / folder).rglob("*.py")
    )
    assert uses_zoneinfo
    specs = [Requirement(s) for s in _project()["dependencies"]]
    tzdata = [r for r in specs if _norm(r.name) == "tzdata"]
    assert len(tzdata) == 1 and tzdata[0].marker is not None
    marker = tzdata[0].marker
    assert marker.evaluate({"sys_platform": "win32", "platform_system": "Windows"})
    assert not marker.evaluate({"sys_platform": "linux", "platform_system": "Linux"})
    pinned = {
        _norm(line.partition("==")[0])
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert "tzdata" in pinned


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names
