"""Packaging files: the .desktop entry, AppStream metainfo, icon and PyInstaller spec."""

from __future__ import annotations

import ast
import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.claimdesk.ClaimDesk"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "claimdesk.spec"
ICON = ROOT / "resources" / "icons" / "claimdesk.svg"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_entry_has_required_keys() -> None:
    entry = _desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories", "MimeType", "Comment"):
        assert entry.get(key, "").strip(), key
    assert entry["Type"] == "Application"
    assert entry["Name"] == "ClaimDesk"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    for key in ("Categories", "MimeType", "Keywords"):
        assert entry[key].endswith(";"), key
    assert "Office" in entry["Categories"].split(";")
    mimes = entry["MimeType"].rstrip(";").split(";")
    assert "application/vnd.sqlite3" in mimes and "text/plain" in mimes
    assert all("/" in m for m in mimes)


def test_desktop_exec_is_the_installed_script() -> None:
    scripts = _pyproject()["project"]["scripts"]
    program = _desktop_entry()["Exec"].split()[0]
    assert program in scripts
    assert scripts[program] == "desktop.launcher:main"


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_metainfo_has_required_elements() -> None:
    root = _metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "ClaimDesk"
    summary = root.findtext("summary") or ""
    assert 10 <= len(summary) <= 100 and not summary.endswith(".")
    description = root.find("description")
    assert description is not None and description.findall("p")
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("provides/binary") == "claimdesk"


def test_metainfo_release_and_license_match_pyproject() -> None:
    project = _pyproject()["project"]
    root = _metainfo()
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == project["version"]
    assert root.findtext("project_license") == project["license"]["text"]


def test_icon_is_a_square_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in root.get("viewBox", "").split())
    assert (x, y) == (0, 0) and w == h > 0


def _spec_paths() -> list[Path]:
    """Every ``ROOT / "a" / "b"`` path expression in the spec, resolved."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    found: list[Path] = []

    def parts(node: ast.expr) -> list[str] | None:
        if isinstance(node, ast.Name) and node.id == "ROOT":
            return []
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left = parts(node.left)
            if left is not None and isinstance(node.right, ast.Constant):
                return [*left, str(node.right.value)]
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            chain = parts(node)
            if chain:
                found.append(ROOT.joinpath(*chain))
    return found


def test_spec_references_existing_paths() -> None:
    paths = _spec_paths()
    assert ROOT / "desktop" / "launcher.py" in paths
    assert ROOT / "resources" in paths
    assert ROOT / "db" / "migrations" / "versions" in paths
    assert ROOT / "db" / "migrations" / "script.py.mako" in paths
    missing = [str(p.relative_to(ROOT)) for p in paths if not p.exists()]
    assert missing == []


def test_spec_lists_dialect_and_alembic_hidden_imports() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for name in (
        "sqlalchemy.dialects.sqlite",
        "sqlalchemy.dialects.postgresql.psycopg",
        '"alembic"',
        '"db"',
        '"desktop"',
    ):
        assert name in text, name


def test_every_migration_ships_as_a_python_file() -> None:
    versions = ROOT / "db" / "migrations" / "versions"
    revisions = sorted(versions.glob("*.py"))
    assert revisions, "no migration revisions"
    for path in revisions:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            t.id
            for n in tree.body
            if isinstance(n, ast.AnnAssign | ast.Assign)
            for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            if isinstance(t, ast.Name)
        }
        assert {"revision", "down_revision"} <= names, path.name


def test_packaging_extra_is_optional() -> None:
    project = _pyproject()["project"]
    assert any(r.startswith("pyinstaller") for r in project["optional-dependencies"]["packaging"])
    assert not any("pyinstaller" in r.lower() for r in project["dependencies"])
