"""What a CDN, a proxy or a browser in front may keep, and how it asks again.

Pages the page cache serves or may store are public for shared caches, with an ETag;
a matching If-None-Match gets 304 from the stored page without a database query.
Everything else (staff, previews, parameters a page does not serve, errors, forms,
the admin) is private and not stored.
"""

import urllib.error
import urllib.request

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse

from portal import cache as stores
from portal.drafts import PREVIEW_PARAMETER, preview_token
from portal.models import PublishStatus
from tests.clock import Clock, at
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.site.test_two_processes import app_processes  # noqa: F401

pytestmark = pytest.mark.django_db

LIST_URL = reverse("projects:list")
PUBLIC = (
    f"public, max-age=0, s-maxage={stores.PAGE_TIMEOUT}, stale-while-revalidate=60"
)  # fmt: skip


@pytest.fixture
def clock(monkeypatch):
    """Midday, far from midnight and from any publishing edge."""
    clock = Clock(at(12))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock


@pytest.fixture
def project():
    person = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    return ProjectFactory(title="Boligsocialt projekt", contacts=[person])


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def assert_private(response) -> None:
    assert {"private", "no-store"} <= directives(response), response.get("Cache-Control")
    assert "public" not in directives(response)
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert "ETag" not in response


# Public pages -----------------------------------------------------------------------


PUBLIC_PAGES = {
    "home": lambda project: reverse("portal:home"),
    "list": lambda project: LIST_URL,
    "detail": lambda project: project.get_absolute_url(),
    "english list": lambda project: "/en" + LIST_URL,
    "filtered list": lambda project: f"{LIST_URL}?kontakt=helle-nielsen",
    "sitemap": lambda project: "/sitemap.xml",
}


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_pages_for_visitors_are_public_for_shared_caches(client, clock, project, page):
    url = PUBLIC_PAGES[page](project)

    rendered = client.get(url)
    replayed = client.get(url)

    assert (rendered.status_code, replayed.status_code) == (200, 200)
    assert (rendered["X-Page-Cache"], replayed["X-Page-Cache"]) == ("miss", "hit")
    for response in (rendered, replayed):
        assert response["Cache-Control"] == PUBLIC
        assert response["ETag"].startswith('W/"')
        assert response["Vary"] == "Cookie"
    assert replayed["ETag"] == rendered["ETag"]


def test_each_page_has_its_own_etag(client, project):
    etags = {client.get(PUBLIC_PAGES[page](project))["ETag"] for page in PUBLIC_PAGES}

    assert len(etags) == len(PUBLIC_PAGES)


def test_the_language_comes_from_the_address_alone(client, project):
    """Why a public page does not vary on Accept-Language: neither the header nor the
    language cookie changes what an address shows."""
    for url, language in ((LIST_URL, "da"), ("/en" + LIST_URL, "en")):
        plain = client.get(url)
        cache.clear()
        client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en" if language == "da" else "da"
        asking = client.get(url, headers={"accept-language": "en" if language == "da" else "da"})
        del client.cookies[django_settings.LANGUAGE_COOKIE_NAME]
        cache.clear()

        assert asking["X-Page-Cache"] == "miss"
        assert asking["Content-Language"] == plain["Content-Language"] == language
        assert asking.content == plain.content


def test_staff_see_other_content_at_the_same_address_so_pages_vary_on_cookie(client, admin_client):
    draft = ProjectFactory(title="Kladde til redaktionen", status=PublishStatus.DRAFT)
    ProjectFactory(title="Offentligt projekt")

    visitor = client.get(LIST_URL)
    editor = admin_client.get(draft.get_absolute_url())

    assert "Cookie" in visitor["Vary"]
    assert editor.status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def negotiated_page(request):
    from django.http import HttpResponse
    from django.utils.cache import patch_vary_headers

    response = HttpResponse("Side")
    patch_vary_headers(response, ("Accept-Language",))  # as LocaleMiddleware does
    return response


# A site without language prefixes in its addresses, where LocaleMiddleware would pick
# the language from the Accept-Language header.
urlpatterns = [path("side/", negotiated_page)]


@pytest.mark.parametrize(
    ("urlconf", "vary"),
    [(None, "Cookie"), (__name__, "Accept-Language, Cookie")],
)
def test_pages_vary_on_accept_language_only_where_the_language_is_negotiated(rf, urlconf, vary):
    from portal.middleware import PublicPageCacheMiddleware

    def requested():
        request = rf.get("/side/")
        if urlconf is not None:
            request.urlconf = urlconf
        return request

    middleware = PublicPageCacheMiddleware(negotiated_page)
    rendered, replayed = middleware(requested()), middleware(requested())

    assert (rendered["X-Page-Cache"], replayed["X-Page-Cache"]) == ("miss", "hit")
    assert rendered["Vary"] == replayed["Vary"] == vary


# Private responses ------------------------------------------------------------------


def test_parameters_a_page_does_not_serve_are_private(client, project):
    assert_private(client.get(LIST_URL, {"utm_source": "nyhedsbrev"}))
    assert_private(client.get(reverse("portal:search"), {"q": "bolig"}))


def test_staff_pages_are_private(admin_client, project):
    for url in (LIST_URL, project.get_absolute_url(), reverse("portal:home")):
        response = admin_client.get(url)
        assert response.wsgi_request.user.is_staff
        assert_private(response)


def test_a_visitor_with_a_session_cookie_gets_private_pages(client, project):
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "udloebet"

    assert_private(client.get(LIST_URL))


def test_a_preview_link_stays_private_and_unstored(client, project):
    draft = ProjectFactory(title="Hemmelig kladde", status=PublishStatus.DRAFT)
    url = f"{draft.get_absolute_url()}?{PREVIEW_PARAMETER}={preview_token(draft)}"

    response = client.get(url)

    assert response.status_code == 200
    assert "Hemmelig kladde" in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


def test_errors_forms_and_the_admin_are_private(client, admin_client, project):
    not_found = client.get("/nu-undersoeger-vi/findes-ikke/")
    not_allowed = client.post(LIST_URL)
    options = client.options(LIST_URL)
    login = client.post("/admin/login/", {"username": "nogen", "password": "forkert"})
    admin = admin_client.get("/admin/")
    health = client.get("/healthz/")

    assert (not_found.status_code, not_allowed.status_code, options.status_code) == (
        404,
        405,
        405,
    )
    for response in (not_found, not_allowed, options, login, admin, health):
        assert_private(response)
    assert "must-revalidate" in admin["Cache-Control"]  # Django's never_cache, kept


def test_a_not_found_page_never_answers_304(client, project):
    response = client.get("/nu-undersoeger-vi/findes-ikke/", headers={"if-none-match": "*"})

    assert response.status_code == 404


def test_without_a_reachable_cache_pages_stay_public_without_an_etag(client, monkeypatch, clock):
    from django.core.cache.backends.redis import RedisCache

    nothing_listens_here = RedisCache("redis://127.0.0.1:1/0", {})
    monkeypatch.setattr("portal.cache.cache", nothing_listens_here)
    monkeypatch.setattr("portal.middleware.cache", nothing_listens_here)
    ProjectFactory()

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert "ETag" not in response


@pytest.mark.parametrize("control", ["no-cache", "no-store", "max-age=0, no-store"])
def test_a_view_that_keeps_its_page_out_of_caches_is_not_made_public(rf, control):
    from django.http import HttpResponse

    from portal.middleware import PublicPageCacheMiddleware

    def view(request):
        response = HttpResponse("Kun til dig")
        response["Cache-Control"] = control
        return response

    middleware = PublicPageCacheMiddleware(view)
    first = middleware(rf.get("/kun-til-dig/"))
    second = middleware(rf.get("/kun-til-dig/"))

    for response in (first, second):
        assert response["Cache-Control"] == control
        assert "ETag" not in response
        assert "X-Page-Cache" not in response


# Conditional requests ---------------------------------------------------------------


def test_a_matching_if_none_match_gets_304_with_no_database_query(
    client, clock, project, django_assert_num_queries
):
    etag = client.get(LIST_URL)["ETag"]

    with django_assert_num_queries(0):
        response = client.get(LIST_URL, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == PUBLIC
    assert response["Vary"] == "Cookie"
    assert response["X-Page-Cache"] == "hit"


def test_head_and_etag_lists_get_304_too(client, project, django_assert_num_queries):
    etag = client.get(LIST_URL)["ETag"]
    strong = etag.removeprefix("W/")

    with django_assert_num_queries(0):
        head = client.head(LIST_URL, headers={"if-none-match": etag})
        listed = client.get(LIST_URL, headers={"if-none-match": f'"andet", {etag}, "tredje"'})
        compared_weakly = client.get(LIST_URL, headers={"if-none-match": strong})
        anything = client.get(LIST_URL, headers={"if-none-match": "*"})

    assert [r.status_code for r in (head, listed, compared_weakly, anything)] == [304] * 4


def test_a_page_not_stored_yet_is_rendered_and_still_gets_304(client, project):
    etag = client.get(LIST_URL)["ETag"]
    cache.delete(stores.page_key(RequestFactory().get(LIST_URL)))

    response = client.get(LIST_URL, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response["X-Page-Cache"] == "miss"
    assert client.get(LIST_URL)["X-Page-Cache"] == "hit"


def test_a_stale_etag_gets_the_new_page_after_a_save(client, project):
    etag = client.get(LIST_URL)["ETag"]

    project.title = "Nyt navn på projektet"
    project.save()
    response = client.get(LIST_URL, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "Nyt navn på projektet" in response.text
    assert response["ETag"] != etag


def test_the_etag_changes_when_a_publishing_window_opens(client, clock):
    ProjectFactory(title="Altid synligt")
    ProjectFactory(title="Planlagt projekt", publish_from=at(12, 30))
    first = client.get(LIST_URL)
    assert "Planlagt projekt" not in first.text

    clock.moment = at(12, 20)
    before = client.get(LIST_URL, headers={"if-none-match": first["ETag"]})
    clock.moment = at(12, 30, 1)
    after = client.get(LIST_URL, headers={"if-none-match": first["ETag"]})

    assert before.status_code == 304
    assert after.status_code == 200
    assert "Planlagt projekt" in after.text
    assert after["ETag"] != first["ETag"]


def test_shared_caches_keep_a_page_no_longer_than_the_next_edge(client, clock):
    ProjectFactory(title="Planlagt projekt", publish_from=at(12, 5))

    response = client.get(LIST_URL)

    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_shared_caches_keep_a_page_no_longer_than_midnight(client, clock):
    clock.moment = at(23, 58, 30)
    ProjectFactory()

    response = client.get(LIST_URL)

    assert response["Cache-Control"] == "public, max-age=0, s-maxage=90"


def test_the_etag_is_the_same_after_a_process_restart(client, project, monkeypatch):
    first = client.get(LIST_URL)
    # A new process: no schedule marker read yet, the page not in the page cache.
    monkeypatch.setattr(stores, "schedule", stores.ScheduleMarker())
    cache.delete(stores.page_key(RequestFactory().get(LIST_URL)))

    again = client.get(LIST_URL)

    assert again["X-Page-Cache"] == "miss"
    assert again["ETag"] == first["ETag"]
    assert again.content == first.content


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        '"unterminated',
        "W/",
        ",,,",
        "*, *",
        '"a", garbage, W/"b"',
        "W/" + '"' + "x" * 20_000 + '"',
        '"\u00e6\u00f8\u00e5"',
    ],
)
def test_a_malformed_if_none_match_gets_the_page(client, project, value):
    client.get(LIST_URL)

    replayed = client.get(LIST_URL, headers={"if-none-match": value})
    rendered = client.get(f"{LIST_URL}?kontakt=helle-nielsen", headers={"if-none-match": value})
    private = client.get(f"{LIST_URL}?x=1", headers={"if-none-match": value, "if-match": value})

    assert (replayed.status_code, rendered.status_code, private.status_code) == (200, 200, 200)


def test_a_failing_if_match_is_412_and_private(client, project):
    client.get(LIST_URL)

    response = client.get(LIST_URL, headers={"if-match": '"andet"'})

    assert response.status_code == 412
    assert_private(response)


# Across processes -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_a_second_app_process_answers_the_first_ones_etag_with_304(app_processes):  # noqa: F811
    first, second = app_processes
    ProjectFactory(title="Delt projekt")

    with urllib.request.urlopen(first + LIST_URL, timeout=10) as response:  # noqa: S310
        etag = response.headers["ETag"]
        assert response.headers["X-Page-Cache"] == "miss"
    request = urllib.request.Request(second + LIST_URL, headers={"If-None-Match": etag})  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    with answer.value as not_modified:
        status, headers = not_modified.code, not_modified.headers

    assert status == 304
    assert headers["ETag"] == etag
    assert headers["X-Page-Cache"] == "hit"


def test_the_database_is_not_asked_for_a_304(client, project):
    from django.db import connection

    client.get(project.get_absolute_url())
    etag = client.get(project.get_absolute_url())["ETag"]

    with CaptureQueriesContext(connection) as queries:
        response = client.get(project.get_absolute_url(), headers={"if-none-match": etag})

    assert response.status_code == 304
    assert queries.captured_queries == []
