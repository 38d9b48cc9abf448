"""Crawlers find the sitemap from /robots.txt and are kept out of the admin."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_by_its_absolute_address(client, settings):
    settings.ALLOWED_HOSTS = ["boligsocial.example.org"]
    response = client.get("/robots.txt", HTTP_HOST="boligsocial.example.org")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://boligsocial.example.org/sitemap.xml" in lines


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_preview_links(client):
    lines = client.get("/robots.txt").text.splitlines()

    assert "Disallow: /admin/" in lines
    assert "Disallow: /*?forhaandsvisning=" in lines
    assert not any(line == "Disallow: /" for line in lines), "the site itself stays open"


@override_settings(ADMIN_PATH="redaktion/")
def test_robots_txt_follows_a_moved_admin(client):
    assert "Disallow: /redaktion/" in client.get("/robots.txt").text.splitlines()


def test_robots_txt_is_only_at_the_root_and_answers_only_reading(client):
    assert client.get("/en/robots.txt").status_code == 404
    assert client.post("/robots.txt").status_code == 405
