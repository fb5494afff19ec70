"""The shape of the code (docs/architecture.md, "Layers"), read from the source with ast:
nothing is imported, so a broken app cannot hide a wrong arrow.

- No import cycle between apps.
- The core app ``portal`` imports no feature app.
- No module over 500 lines, outside migrations and demo data.

An import counts wherever it stands (top of the module or inside a function) and so does
``import_module("app.module")`` with a literal name: a lazy import is still a dependency.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGE = "ledenportaal"
CORE = "portal"
FEATURE_APPS = ("memberhub", "learninglines", "knowledge", "mailings", "search", "assessments")
PACKAGES = (PROJECT_PACKAGE, CORE, *FEATURE_APPS)
MAX_MODULE_LINES = 500
SHOWN_PER_EDGE = 4  # imports listed per arrow of a cycle; the fewest usually point up
SKIPPED_DIRS = {".venv", ".git", "node_modules", "static_collected", "__pycache__",
                "migrations"}


def python_files(root):
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in parts[:-1]):
            continue
        yield path


def is_demo_data(path):
    """Demo content modules (``<app>/demo.py``, ``demo_links.py``, a ``demo/`` package):
    data written as code, allowed to be long. Tests about the demo are not demo data."""
    parts = path.relative_to(ROOT).parts
    if parts[0] == "tests":
        return False
    return path.name.startswith("demo") or any(part.startswith("demo") for part in parts[:-1])


def imported_modules(path):
    """(line, dotted name) of every absolute import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and getattr(node.func, "id", getattr(node.func, "attr", None))
              in {"import_module", "__import__"}):
            yield node.lineno, node.args[0].value


def app_imports():
    """{importing package: {imported package: ["path:line module", ...]}} between the
    project's packages."""
    edges = defaultdict(lambda: defaultdict(list))
    for package in PACKAGES:
        for path in python_files(ROOT / package):
            for line, module in imported_modules(path):
                target = module.split(".")[0]
                if target in PACKAGES and target != package:
                    where = f"{path.relative_to(ROOT)}:{line} {module}"
                    edges[package][target].append(where)
    return edges


def cycles(edges):
    """Every elementary cycle of the package graph, each once (as a list of packages)."""
    found = []

    def walk(start, node, trail):
        for nxt in sorted(edges.get(node, {})):
            if nxt == start:
                found.append([*trail, start])
            elif nxt not in trail and nxt > start:  # each cycle from its smallest member
                walk(start, nxt, [*trail, nxt])

    for start in sorted(edges):
        walk(start, start, [start])
    return found


def test_no_import_cycle_between_apps():
    edges = app_imports()
    report = []
    for cycle in cycles(edges):
        report.append(" -> ".join(cycle))
        for source, target in zip(cycle, cycle[1:], strict=False):
            places = edges[source][target]
            report.append(f"  {source} -> {target}: {len(places)} import(s)")
            report.extend(f"    {where}" for where in places[:SHOWN_PER_EDGE])
            if len(places) > SHOWN_PER_EDGE:
                report.append(f"    ... and {len(places) - SHOWN_PER_EDGE} more")
    assert not report, "Import cycles between apps:\n" + "\n".join(report)


def test_the_core_app_imports_no_feature_app():
    edges = app_imports()
    report = [where for target in (*FEATURE_APPS, PROJECT_PACKAGE)
              for where in edges[CORE].get(target, [])]
    assert not report, (
        f"The core app {CORE!r} imports a feature app or the project package (move the code "
        "to that app, or let the app answer through a hook):\n    " + "\n    ".join(report))


def test_no_app_imports_the_project_package():
    edges = app_imports()
    report = [where for package in (CORE, *FEATURE_APPS)
              for where in edges[package].get(PROJECT_PACKAGE, [])]
    assert not report, ("Apps import the project package (settings come from "
                        "django.conf.settings):\n    " + "\n    ".join(report))


def test_no_module_over_500_lines():
    long_modules = []
    for path in python_files(ROOT):
        if is_demo_data(path):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            long_modules.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not long_modules, (
        f"Modules over {MAX_MODULE_LINES} lines (split them along their contents):\n    "
        + "\n    ".join(long_modules))


def test_the_checks_see_what_they_check(tmp_path):
    """The readers above find lazy imports, import_module names and cycles: a check that
    found nothing because it read nothing would pass for the wrong reason."""
    module = tmp_path / "sample.py"
    module.write_text("from importlib import import_module\n"
                      "def f():\n"
                      "    from memberhub.models import User\n"
                      "    import_module('search.service')\n"
                      "from . import sibling\n")
    assert [name for _line, name in imported_modules(module)] == [
        "importlib", "memberhub.models", "search.service"]
    assert cycles({"a": {"b": []}, "b": {"c": [], "a": []}, "c": {"a": []}}) == [
        ["a", "b", "a"], ["a", "b", "c", "a"]]
    assert cycles({"a": {"b": []}, "b": {}}) == []
    edges = app_imports()
    assert edges["memberhub"][CORE], "memberhub's imports of portal were not found"
    assert len(list(python_files(ROOT / CORE))) > 20
