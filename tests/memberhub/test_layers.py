"""memberhub builds on the core (portal) only: no module of it imports an app above it
(learninglines, knowledge, mailings, search), and the shared agenda lives in the core."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ABOVE_MEMBERHUB = ("learninglines", "knowledge", "mailings", "search")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def python_files(app):
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


@pytest.mark.parametrize("path", python_files("memberhub"),
                         ids=lambda path: str(path.relative_to(ROOT)))
def test_memberhub_imports_no_app_above_it(path):
    above = [name for name in imported_modules(path)
             if name.split(".")[0] in ABOVE_MEMBERHUB]
    assert above == []


@pytest.mark.parametrize("name", ["agenda.py", "scheduling.py", "filters.py", "fields.py",
                                  "dashboard.py"])
def test_the_shared_helpers_import_no_feature_app(name):
    modules = list(imported_modules(ROOT / "portal" / name))
    assert [module for module in modules
            if module.split(".")[0] in ("memberhub", *ABOVE_MEMBERHUB)] == []
