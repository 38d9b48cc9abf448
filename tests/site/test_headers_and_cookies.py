"""Security headers on every response, and no cookies for anonymous visitors."""

import urllib.error
import urllib.request

import pytest
from django.core.management import call_command

from tests.site.pages import discover_pages, public_route_names, sitemap_paths, view_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def assert_security_headers(response) -> None:
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    # Autoplay only for the two film players the CSP lets in, so "Afspil film" plays.
    assert (
        'autoplay=("https://www.youtube-nocookie.com" "https://player.vimeo.com")'
        in response["Permissions-Policy"]
    )


def test_public_pages_send_every_security_header(client, demo):
    assert_security_headers(client.get("/nu-undersoeger-vi/"))
    assert_security_headers(client.get("/nu-undersoeger-vi/"))  # the cached copy too


def test_admin_pages_send_every_security_header(admin_client):
    assert_security_headers(admin_client.get("/admin/"))
    assert_security_headers(admin_client.get("/admin/projects/researchproject/add/"))


def test_production_adds_hsts_and_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert client.get("/").status_code == 301
    response = client.get("/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_anonymous_visitors_get_no_cookies_on_any_page(client, demo):
    pages = discover_pages(client)
    assert len(pages) > 10

    for label, path in pages.items():
        response = client.get(path)
        assert response.status_code in (200, 404), label
        assert not response.cookies, f"{label} set {list(response.cookies)}"
    assert not client.cookies


@pytest.mark.django_db(transaction=True)
def test_no_page_sends_a_set_cookie_header_over_http(client, live_server, demo):
    """The same, read from the raw HTTP answers of a running server."""
    for label, path in discover_pages(client).items():
        try:
            response = urllib.request.urlopen(live_server.url + path, timeout=10)  # noqa: S310
        except urllib.error.HTTPError as error:  # the 404 pages
            response = error
        with response:
            assert response.status in (200, 404), label
            assert response.headers.get_all("Set-Cookie") is None, label


def test_every_public_route_is_in_the_sitemap(client, demo):
    listed = {view_name(path) for path in sitemap_paths(client)}

    assert public_route_names() <= listed, "add the missing page types to a sitemaps.py"


def test_sitemap_lists_both_languages(client, demo):
    paths = sitemap_paths(client)

    assert "/nu-undersoeger-vi/" in paths
    assert "/en/nu-undersoeger-vi/" in paths
    assert "/nu-undersoeger-vi/det-boligsociale-arbejde-i-bevaegelse/" in paths


def test_health_check_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")

    assert response.content == b"ok"
