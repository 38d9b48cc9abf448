"""The sitemap: an index of section files, each small, each address in both languages."""

import re

import pytest

from portal.sitemaps import PortalSitemap
from tests.projects.factories import ProjectFactory
from tests.site.pages import sitemap_paths

pytestmark = pytest.mark.django_db


def test_the_index_names_every_file_of_a_long_section(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    # A file holds ``limit`` addresses: each project has two, Danish and English.
    ProjectFactory.create_batch(PortalSitemap.limit // 2 + 1)

    index = client.get("/sitemap.xml").text

    assert "http://testserver/sitemap-project.xml</loc>" in index
    assert "http://testserver/sitemap-project.xml?p=2</loc>" in index
    second = client.get("/sitemap-project.xml", {"p": "2"}).text
    assert len(re.findall(r"<url>", second)) == 2  # one project, in Danish and in English


def test_every_listed_project_is_in_one_file_in_both_languages(client):
    projects = ProjectFactory.create_batch(3)

    paths = sitemap_paths(client)

    for project in projects:
        assert project.get_absolute_url() in paths
        assert f"/en{project.get_absolute_url()}" in paths


@pytest.mark.parametrize(
    "address",
    ["/sitemap-findes-ikke.xml", "/sitemap-project.xml?p=abc", "/sitemap-project.xml?p=99"],
)
def test_an_unknown_section_or_page_is_404(client, address):
    assert client.get(address).status_code == 404


def test_a_section_file_is_stored_only_for_its_own_parameter(client):
    ProjectFactory()

    client.get("/sitemap-project.xml", {"p": "1"})
    client.get("/sitemap-project.xml", {"p": "1", "x": "junk"})

    assert client.get("/sitemap-project.xml", {"p": "1"})["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/sitemap-project.xml", {"p": "1", "x": "junk"})
