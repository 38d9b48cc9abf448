"""Every public page type is valid HTML according to the Nu Html Checker."""

import json
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.site.pages import discover_pages

pytestmark = pytest.mark.django_db

VNU = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_type_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.skip("needs Java and vnu-jar (`npm ci`)")
    call_command("load_demo", verbosity=0)
    files = {}
    for number, (label, path) in enumerate(discover_pages(client).items()):
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(client.get(path).content)
        files[file.name] = f"{label} {path}"

    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.keys())],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files[m['url'].rsplit('/', 1)[-1]]}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert len(files) >= 12
    assert not errors, "\n".join(errors)
