"""The notice that the demo's texts are examples: on with load_demo, off by switch or setting."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.models import SiteNotice
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

NOTICE_DA = "Eksempelindhold: teksterne er skrevet til demonstration"
NOTICE_EN = "Example content: the texts were written for demonstration"


@pytest.fixture(autouse=True)
def _switch_follows_the_admin(settings):
    settings.DEMO_NOTICE = "auto"


def test_no_notice_before_the_demo_is_loaded(client):
    assert NOTICE_DA not in client.get("/").text


def test_load_demo_switches_the_notice_on_for_every_page(client):
    call_command("load_demo", verbosity=0)

    for url in ("/", reverse("projects:list"), reverse("news:list"), "/findes-ikke/"):
        page = client.get(url).text
        assert NOTICE_DA in page, url
        # A landmark of its own, named, outside the main content, before it.
        assert '<aside class="demo-notice" aria-label="Om indholdet">' in page
        assert page.index("demo-notice") < page.index('<main id="indhold"')
    assert NOTICE_EN in client.get("/en/").text


def test_the_admin_switch_turns_it_off_and_stored_pages_change_at_once(client):
    SiteNotice.switch_demo_notice(True)
    assert NOTICE_DA in client.get("/").text
    assert client.get("/")["X-Page-Cache"] == "hit"

    SiteNotice.switch_demo_notice(False)

    assert NOTICE_DA not in client.get("/").text


def test_the_setting_keeps_it_off_whatever_the_switch_says(client, settings):
    SiteNotice.switch_demo_notice(True)
    settings.DEMO_NOTICE = "off"

    assert NOTICE_DA not in client.get("/").text


def test_the_switch_costs_one_query_per_content_version(client, settings):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    SiteNotice.switch_demo_notice(True)
    ProjectFactory()

    def first_visit_queries() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("projects:list"))
        return len(queries)

    settings.DEMO_NOTICE = "off"
    without_switch = first_visit_queries()
    settings.DEMO_NOTICE = "auto"
    with_switch = first_visit_queries()

    assert with_switch == without_switch + 1
    # Another page of the same content version: the switch is not read again.
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("projects:list"), {"page": "1"})
    assert NOTICE_DA in page.text
    assert not [q for q in queries if "portal_sitenotice" in q["sql"]]


def test_there_is_one_row_whatever_the_caller_says():
    SiteNotice(pk=7, show_demo_notice=True).save()
    SiteNotice.switch_demo_notice(False)

    assert list(SiteNotice.objects.values_list("pk", "show_demo_notice")) == [(1, False)]


def test_editors_find_the_switch_in_danish_in_the_admin(admin_client):
    change = reverse("admin:portal_sitenotice_change", args=[1])
    assert "Vis eksempelindhold-besked" in admin_client.get(change).text

    assert admin_client.post(change, {"show_demo_notice": "on"}).status_code == 302
    assert NOTICE_DA in admin_client.get("/").text
    assert admin_client.post(change, {}).status_code == 302
    assert NOTICE_DA not in admin_client.get("/").text
    # The list of one row opens the row itself.
    listed = admin_client.get(reverse("admin:portal_sitenotice_changelist"))
    assert listed.status_code == 302 and listed["Location"] == change
    # One row: no second one can be added, and it cannot be deleted.
    assert admin_client.get(reverse("admin:portal_sitenotice_add")).status_code == 403
    assert admin_client.get(reverse("admin:portal_sitenotice_delete", args=[1])).status_code == 403
