"""The page /data/: what the exports hold, under which licence, and how to open them."""

import datetime

import pytest
from django.utils import timezone

from activities.models import Activity
from portal.models import PublishStatus
from tests.activities.factories import ActivityFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def set_updated(obj, moment) -> None:
    type(obj).objects.filter(pk=obj.pk).update(updated_at=moment)


def test_the_page_names_the_licence_the_datasets_and_their_fields(client):
    page = client.get("/data/").text

    assert "<h1>Åbne data</h1>" in page
    assert "Data på denne side udgives under" in page
    licence = "https://creativecommons.org/licenses/by/4.0/deed.da"
    assert f'href="{licence}" rel="license">CC BY 4.0' in page
    for dataset in ("aktiviteter", "projekter", "medarbejdere"):
        assert f'href="/data/{dataset}.json"' in page
        assert f'href="/data/{dataset}.csv"' in page
    assert "<code>step_number</code>" in page
    assert "<code>start_year</code>" in page
    assert "<code>job_title</code>" in page
    assert "semikolon (<code>;</code>)" in page
    assert "byte order mark (BOM)" in page


def test_the_page_says_when_published_content_last_changed(client):
    ActivityFactory(name="Ældre")
    newest = ProjectFactory()
    draft = ProjectFactory(status=PublishStatus.DRAFT)
    tz = timezone.get_current_timezone()
    for activity in Activity.objects.all():
        set_updated(activity, datetime.datetime(2020, 5, 1, 12, tzinfo=tz))
    set_updated(newest, datetime.datetime(2021, 2, 15, 12, tzinfo=tz))
    # A draft's change is not a change to what visitors see.
    set_updated(draft, datetime.datetime(2022, 1, 1, 12, tzinfo=tz))

    page = client.get("/data/").text

    changed = '<time datetime="2021-02-15">15. februar 2021</time>'
    assert f"Indholdet blev senest ændret {changed}" in page


def test_the_page_in_english(client, settings):
    settings.DATA_LICENCE_NAME = "CC0 1.0"
    settings.DATA_LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
    ProjectFactory()

    page = client.get("/en/data/").text

    assert "<h1>Open data</h1>" in page
    assert "The data on this page are published under" in page
    assert 'rel="license">CC0 1.0</a>' in page
    assert 'href="/en/data/projekter.csv"' in page
    assert "Fields in Research projects" in page
    assert "The content was last changed on" in page


def test_the_page_is_linked_from_the_footer_and_listed_in_the_sitemap(client):
    home = client.get("/").text
    sitemap = client.get("/sitemap-pages.xml").text

    assert 'href="/data/"' in home
    assert "http://testserver/data/" in sitemap


def test_the_page_reads_few_queries(client, django_assert_max_num_queries):
    ProjectFactory()
    with django_assert_max_num_queries(4):
        assert client.get("/data/").status_code == 200
