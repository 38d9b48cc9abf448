"""The layout: portal/ is the shell, content apps plug into it and never the reverse."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from portal import registry

pytestmark = pytest.mark.django_db


def content_apps() -> set[str]:
    return {app.name for app in registry.project_apps()} - {"portal"}


def imported_modules(path: Path) -> set[str]:
    """Return every module a Python file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(node.args[0].value)
    return found


def test_no_portal_module_imports_a_content_app():
    apps = content_apps()
    assert {"projects", "themes", "activities", "news"} <= apps
    offences = [
        f"{path.relative_to(settings.BASE_DIR)} imports {module}"
        for path in sorted((Path(settings.BASE_DIR) / "portal").rglob("*.py"))
        for module in sorted(imported_modules(path))
        if module.split(".")[0] in apps
    ]
    assert offences == []


def test_the_import_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from projects.models import ResearchProject\n")

    assert imported_modules(module) == {"projects.models"}


def test_every_content_app_is_a_top_level_package_beside_portal():
    for name in content_apps():
        assert "." not in name
        assert (Path(settings.BASE_DIR) / name / "apps.py").exists()


def test_the_registry_asks_the_apps_in_installed_apps_order():
    order = [app for app in settings.INSTALLED_APPS if app in content_apps() | {"portal"}]

    assert [app for app, _block in registry.offered("demo", "load")] == order
    home = [app for app, _block in registry.offered("home", "block")]
    assert home == [app for app in order if app in home]


def test_the_registry_ignores_django_and_libraries():
    names = {app.name for app in registry.project_apps()}

    assert not any(name.startswith(("django", "taggit", "modeltranslation")) for name in names)
