"""The core runs headless: db/ never imports Qt or desktop/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "desktop")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_db_sources_never_import_qt_or_desktop() -> None:
    offenders = []
    for path in sorted((ROOT / "db").rglob("*.py")):
        for name in _imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_cli_runs_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.launcher import main; "
        f"rc = main(['--db', {str(tmp_path / 'w.sqlite')!r}, 'articles']); "
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "print(rc, len(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split()[-2:] == ["0", "0"]


# --- One door: desktop/ reaches db/ services only through desktop/operations/ ---------
#
# desktop/operations/<noun>.py is the door for reads and plain calls.  desktop/commands/
# holds the undoable writes: a QUndoCommand acts on the database by id, so it is part of
# the door too (operations push commands; commands calling operations back would make
# every write a function in two places and an import cycle).  Commands never touch
# widgets (checked below).  desktop/launcher.py picks the headless CLI (db.cli) or the
# GUI before Qt is loaded: it is the composition root, not a widget.
DOOR = ("desktop/operations/", "desktop/commands/", "desktop/launcher.py")

# Modules holding only values, enums, constants and pure functions of values.
VALUE_MODULES = {
    "db.changes",
    "db.errors",
    "db.paths",
    "db.anchors",
    "db.dates",
    "db.invisible",
    "db.models.enums",
    "db.enums",
    "db.claim_criteria",
    "db.claim_order",
}


def _enum_names() -> set[str]:
    names: set[str] = set()
    for path in ("db/enums.py", "db/models/enums.py"):
        names |= _module_enum_names(ROOT / path)
    return names


def _module_enum_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()}
    return names


# Value types (frozen dataclasses, filters), constants and pure formatting helpers that
# live beside the services that produce them.  Nothing here takes a Workspace or session.
VALUE_NAMES: dict[str, set[str]] = {
    "db.models": _enum_names(),
    "db.articles": {
        "ArticleInfo",
        "ArticleText",
        "NewArticle",
        "in_offset",
        "published_text",
        "utc_offset_text",
        "zone_text",
    },
    "db.claims": {"ClaimInfo", "ClaimFilter"},
    "db.spans": {"SpanRow"},
    "db.sources": {"SourceInfo"},
    "db.links": {"LinkInfo", "LinkView", "FORWARD_LABEL"},
    "db.evidence": {"EvidenceInfo"},
    "db.comments": {"CommentInfo"},
    "db.review": {"QueueItem", "VerdictInfo", "QueueFilter", "QueueKey", "QueueSort"},
    "db.history": {"HistoryItem", "FieldChange", "ENTITY_TYPES"},
    "db.analysts": {"AnalystInfo", "PALETTE", "DEFAULT_NAME", "default_initials"},
    "db.agreement": {"AgreementReport"},
    "db.bundles": {"Conflict", "MergeReport"},
    "db.compare": {"CompareItem"},
    "db.rules": {"VERDICTS"},
    "db.decisions": {"DECIDED", "needs_rationale"},
    "db.ids": {"short"},
    "db.workspace": {"Workspace", "redact", "to_url"},  # the handle, for annotations
    "db.changefeed": {"ChangeMark", "ChangeSet", "TeamState"},
    "db.exporting": {"FILE_SUFFIX", "format_label", "formats"},
    "db.exporting.pdf": {"PAGE_SIZES"},
    "db.exporting.rows": {"COLUMNS"},
    "db.backup": {"BackupInfo", "KEEP_DAYS", "KEEP_LAST", "size_text"},
    "db.check": {"CheckReport", "RepairReport"},
    "db.needs": {"explain"},  # one line for an import failure
    "db.facts.proposals": {"LinkProposal"},
    "db.facts.profile": {"Profile"},
    "db.facts.service": {"BestAnswer", "FactInfo"},
    "db.search": {"Hit", "SearchResult"},
    "db.revisions": {"OrphanInfo", "ReplaceReport", "RevisionInfo"},
}


def _value_name(module: str, name: str) -> bool:
    if module in VALUE_MODULES:
        return True
    allowed = VALUE_NAMES.get(module, set())
    # db.claim_rows: the row type and its column positions (R_*).
    row_names = module in ("db.claim_rows", "db.claim_row_values") and (
        name == "ClaimRow" or name.startswith("R_")
    )
    return name in allowed or row_names


def _service_imports(path: Path) -> list[str]:
    """The db/ service modules and names *path* imports (values and enums excepted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top == "db" and alias.name not in VALUE_MODULES:
                    found.append(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "db":
                continue
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if node.module == "db" or (ROOT / (submodule.replace(".", "/") + ".py")).exists():
                    if submodule not in VALUE_MODULES:
                        found.append(submodule)
                elif not _value_name(node.module, alias.name):
                    found.append(f"{node.module}.{alias.name}")
    return found


def _widget_modules() -> list[Path]:
    out = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith(DOOR) and rel not in DOOR:
            out.append(path)
    return out


def test_widgets_reach_db_only_through_operations() -> None:
    offenders = {}
    for path in _widget_modules():
        rel = path.relative_to(ROOT).as_posix()
        found = _service_imports(path)
        if found:
            offenders[rel] = found
    assert offenders == {}, "call desktop/operations instead of db/ services"


def _module_path(module: str) -> Path:
    base = ROOT / module.replace(".", "/")
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _takes_the_database(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
    annotations = [ast.unparse(a.annotation) for a in arguments if a.annotation is not None]
    names = {a.arg for a in arguments}
    return bool(names & {"ws", "session", "conn"}) or any(
        word in text for text in annotations for word in ("Workspace", "Session", "Connection")
    )


def test_allowed_names_are_values_not_services() -> None:
    """What widgets may import never reaches the database: no function of it takes a
    workspace, session or connection."""
    services = []
    checks = [(m, None) for m in sorted(VALUE_MODULES)]
    checks += [(m, names) for m, names in sorted(VALUE_NAMES.items())]
    for module, names in checks:
        tree = ast.parse(_module_path(module).read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if (names is None or node.name in names) and _takes_the_database(node):
                services.append(f"{module}.{node.name}")
    assert services == []


def test_rule_sees_service_imports_in_every_form(tmp_path: Path) -> None:
    sample = tmp_path / "widget.py"
    sample.write_text(
        "import db.claims\n"
        "from db import articles as article_ops\n"
        "from db.analysts import list_analysts, AnalystInfo\n"
        "from db.models import Status, Claim\n"
        "from db.changes import Changes\n"
        "from db.errors import ClaimDeskError\n"
        "def later():\n"
        "    from db.workspace import open_workspace\n",
        encoding="utf-8",
    )
    assert sorted(_service_imports(sample)) == [
        "db.analysts.list_analysts",
        "db.articles",
        "db.claims",
        "db.models.Claim",
        "db.workspace.open_workspace",
    ]


def test_commands_never_touch_widgets() -> None:
    offenders = []
    for path in sorted((ROOT / "desktop/commands").rglob("*.py")):
        for name in _imported_modules(path):
            if name.startswith("PySide6.QtWidgets") or (
                name.startswith("desktop.")
                and not name.startswith(("desktop.commands", "desktop.context"))
            ):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []
