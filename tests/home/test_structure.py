"""The shared base knows no feature app: feature apps build on home/, never the reverse."""

import ast
from pathlib import Path

from django.conf import settings

HOME = Path(settings.BASE_DIR) / "home"
FEATURE_APPS = {
    "treatments",
    "directory",
    "editorial",
    "operations",
    "translations",
    "practice",
    "security",
}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_home_imports_no_feature_app():
    offenders = [
        f"{path.relative_to(HOME.parent)}: {module}"
        for path in HOME.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in FEATURE_APPS
    ]
    assert offenders == []
