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


def check_html(java: str, folder, names: list[str]) -> list[dict]:
    """Run the checker on the files and return its errors.

    Fails unless the checker plainly did its work: its report (``--format json``, on
    stderr) must be {"messages": [...]}, its exit code 1 exactly when it found errors
    and 0 otherwise, and it must name every file as checked (``--verbose``, on stdout):
    it skips a missing file with no more than a warning, which --errors-only hides.
    """
    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU), "--errors-only", "--verbose", "--format", "json", *names],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    said = (
        f"exit code {result.returncode}\n"
        f"stdout: {result.stdout[:2000]}\nstderr: {result.stderr[:2000]}"
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"The HTML checker gave no JSON report; {said}")
    messages = report.get("messages") if isinstance(report, dict) else None
    assert isinstance(messages, list), f"The report has no list of messages; {said}"
    assert all(isinstance(m, dict) and m.get("type") == "error" for m in messages), (
        f"The checker reported something other than validation errors; {said}"
    )
    assert result.returncode == (1 if messages else 0), f"The checker failed; {said}"
    assert sorted(result.stdout.split()) == sorted(names), f"Not every page was checked; {said}"
    return messages


def test_every_page_type_is_valid_html(client, tmp_path, settings):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.skip("needs Java and vnu-jar (`npm ci`)")
    settings.DEMO_NOTICE = "auto"  # pages as the demo shows them: with its notice
    call_command("load_demo", verbosity=0)
    files = {}
    for number, (label, path) in enumerate(discover_pages(client).items()):
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(client.get(path).content)
        files[file.name] = f"{label} {path}"

    messages = check_html(java, tmp_path, list(files))

    errors = [
        f"{files[m['url'].rsplit('/', 1)[-1]]}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert len(files) >= 12
    assert not errors, "\n".join(errors)


def test_the_checker_finds_an_error_in_a_broken_page(tmp_path):
    """The check above means something: a page with an error does not pass it."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.skip("needs Java and vnu-jar (`npm ci`)")
    (tmp_path / "broken.html").write_text(
        '<!doctype html><html lang="da"><head><title>x</title></head><body><p><div></p>',
        encoding="utf-8",
    )

    messages = check_html(java, tmp_path, ["broken.html"])

    assert messages
    assert all(m["url"].endswith("/broken.html") for m in messages)
