"""Every package the code imports is declared, pinned in the lock, and nothing is declared idly."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
OWN = {"db", "desktop"}
# Declared for what they provide at run time without an import statement of their own.
RUNTIME_ONLY = {
    "psycopg",  # the PostgreSQL driver SQLAlchemy loads for postgresql+psycopg URLs
    "tzdata",  # the time-zone database zoneinfo falls back to where the system has none
    "lxml-html-clean",  # lxml's HTML cleaner, imported by trafilatura's justext
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


def _runtime_requirements() -> list[Requirement]:
    return [Requirement(s) for s in _project()["dependencies"]]


def _applies(requirement: Requirement, extras: frozenset[str] = frozenset()) -> bool:
    """Whether *requirement* is wanted here, by a package installed with *extras*."""
    marker = requirement.marker
    return marker is None or any(marker.evaluate({"extra": e}) for e in {"", *extras})


def _brought_by_extras(requirement: Requirement) -> set[str]:
    """The distributions the extras of *requirement* bring (as its installed metadata says)."""
    extras = frozenset(requirement.extras)
    return {
        _norm(wanted.name)
        for wanted in map(Requirement, requires(requirement.name) or [])
        if wanted.marker is not None and _applies(wanted, extras) and not _applies(wanted)
    }


def _extras_dependencies_ask_for() -> dict[str, set[str]]:
    """The extras that the packages ClaimDesk needs at run time, all the way down, ask of
    the packages they need (the extras this project's own list asks for left out)."""
    top = [(r.name, frozenset(r.extras)) for r in _runtime_requirements() if _applies(r)]
    todo = list(top)
    seen: set[tuple[str, frozenset[str]]] = set()
    asked: dict[str, set[str]] = {}
    while todo:
        name, extras = todo.pop()
        if (_norm(name), extras) in seen:
            continue
        seen.add((_norm(name), extras))
        try:
            lines = requires(name) or []
        except PackageNotFoundError:
            continue
        for wanted in map(Requirement, lines):
            if _applies(wanted, extras):
                todo.append((wanted.name, frozenset(wanted.extras)))
                if wanted.extras:
                    asked.setdefault(wanted.name, set()).update(wanted.extras)
    return asked


def test_what_a_dependency_asks_for_as_an_extra_is_declared_by_name() -> None:
    """justext asks for lxml's HTML cleaner as the extra "lxml[html_clean]".  pip's legacy
    resolver keeps the first requirement of a package it meets (the plain "lxml" declared
    here) and drops the extras a later one asks for, and pip before 23.3 does not match
    "html_clean" to lxml's "html-clean": either way trafilatura could not read a page.  So
    whatever an extra asked for by a dependency brings is declared here by its own name."""
    declared = {_requirement_name(s) for s in _project()["dependencies"]}
    asked = _extras_dependencies_ask_for()
    assert "html_clean" in asked["lxml"]  # justext's, for trafilatura
    brought = {
        name: _brought_by_extras(Requirement(f"{name}[{','.join(sorted(extras))}]"))
        for name, extras in asked.items()
    }
    assert "lxml-html-clean" in brought["lxml"]
    undeclared = {name: dists - declared for name, dists in brought.items() if dists - declared}
    assert undeclared == {}


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
    # ... and what their extras bring (lxml[html_clean]: lxml_html_clean)
    names |= {name for spec in wanted for name in _brought_by_extras(Requirement(spec))}
    assert "lxml-html-clean" in names
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
