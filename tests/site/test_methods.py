"""Pages answer the methods they serve and 405, with an Allow header, to the rest."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PAGES = ["/", "/en/", "/nu-undersoeger-vi/", "/soeg/", "/medarbejdere/", "/healthz/"]
FEEDS = ["/sitemap.xml", "/favicon.ico"]
UNSERVED = ["OPTIONS", "TRACE", "PUT", "PATCH", "DELETE"]


@pytest.mark.parametrize("path", PAGES + FEEDS + ["/admin/login/"])
@pytest.mark.parametrize("method", UNSERVED)
def test_a_method_no_page_serves_gets_405_with_what_is_allowed(client, path, method):
    answer = client.generic(method, path)

    assert answer.status_code == 405
    allowed = {method.strip() for method in answer["Allow"].split(",")}
    assert {"GET", "HEAD"} <= allowed
    assert not allowed & set(UNSERVED)


@pytest.mark.parametrize("path", PAGES + FEEDS)
def test_read_only_pages_refuse_post_and_still_answer_get_and_head(client, path):
    assert client.post(path).status_code == 405
    assert client.get(path).status_code in (200, 301)
    assert client.head(path).status_code in (200, 301)


def test_the_admin_still_takes_its_forms(client):
    get_user_model().objects.create_superuser("redaktoer", "r@example.org", "kodeord-1234")

    answer = client.post("/admin/login/", {"username": "redaktoer", "password": "kodeord-1234"})

    assert answer.status_code == 302
