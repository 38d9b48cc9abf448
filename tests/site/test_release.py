"""A deploy never serves what the code it replaced had stored: every key holds the
release, the digest of the sources that shape a page (or DJANGO_RELEASE)."""

import pytest
from django.urls import reverse

from portal import cache as stores
from tests.projects.factories import ProjectFactory

LIST_URL = reverse("projects:list")


def tree(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


SOURCES = {
    "portal/views.py": "def home(): ...\n",
    "templates/base.html": "<html>{% block main %}{% endblock %}</html>\n",
    "static/css/site.css": "body { color: #1c2422; }\n",
    "locale/en/LC_MESSAGES/django.po": 'msgid "Søg"\nmsgstr "Search"\n',
    "uv.lock": "django = 6.0\n",
}


FOLDERS = ("portal", "templates", "static", "locale")


def digest(root) -> str:
    return stores.source_digest(root, [root / name for name in FOLDERS])


def test_the_same_sources_give_the_same_release_on_every_machine(tmp_path):
    first = tree(tmp_path / "a", SOURCES)
    second = tree(tmp_path / "b", SOURCES)

    assert digest(first) == digest(second)


@pytest.mark.parametrize(
    "changed",
    [
        "portal/views.py",
        "templates/base.html",
        "static/css/site.css",
        "locale/en/LC_MESSAGES/django.po",
        "uv.lock",
    ],
)
def test_any_change_to_a_page_source_is_a_new_release(tmp_path, changed):
    root = tree(tmp_path, SOURCES)
    before = digest(root)

    (root / changed).write_text((root / changed).read_text() + "\n")

    assert digest(root) != before


def test_what_else_a_working_tree_holds_is_not_part_of_the_release(tmp_path):
    root = tree(tmp_path, SOURCES)
    before = digest(root)

    # Files of the kinds a release reads, in places it does not.
    tree(
        root,
        {
            "tests/test_home.py": "def test(): ...\n",
            "portal/tests/test_views.py": "def test(): ...\n",
            "portal/migrations/0002_data.py": "operations = []\n",
            "portal/__pycache__/views.py": "x = 1\n",
            "static/node_modules/axe/axe.js": "1\n",
            "templates/.cache/base.html": "<p></p>\n",
            "test-results/trace.js": "1\n",
            "htmlcov/index.html": "<p></p>\n",
            "venv/lib/site.py": "x = 1\n",
            "build/lib/portal/views.py": "x = 1\n",
        },
    )
    (root / "portal" / "loop").symlink_to(root)  # read forever, were links followed

    assert digest(root) == before


def test_the_deploy_can_name_the_release(monkeypatch):
    stores.release.cache_clear()
    monkeypatch.setenv("DJANGO_RELEASE", "4f2a9c1")
    try:
        assert stores.release() == "4f2a9c1"
        assert stores.scope().startswith("4f2a9c1:")
    finally:
        stores.release.cache_clear()


def test_without_a_name_the_release_is_the_digest_of_this_checkout(monkeypatch, settings):
    stores.release.cache_clear()
    monkeypatch.delenv("DJANGO_RELEASE", raising=False)
    try:
        assert stores.release() == stores.source_digest(settings.BASE_DIR, stores.release_folders())
    finally:
        stores.release.cache_clear()


@pytest.mark.django_db
def test_a_page_stored_by_the_previous_release_is_not_served_by_the_next(client, monkeypatch):
    ProjectFactory()
    client.get(LIST_URL)
    assert client.get(LIST_URL)["X-Page-Cache"] == "hit"

    monkeypatch.setattr(stores, "release", lambda: "next-release")

    assert client.get(LIST_URL)["X-Page-Cache"] == "miss"
    assert client.get(LIST_URL)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_values_derived_by_the_previous_release_are_computed_again(monkeypatch):
    store = stores.Store("test-release", timeout=60, local_entries=4, shared=True)
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with stores.request_scope():
        assert store.get_or_set("count", compute) == 1
        assert store.get_or_set("count", compute) == 1
    monkeypatch.setattr(stores, "release", lambda: "next-release")
    with stores.request_scope():
        assert store.get_or_set("count", compute) == 2
