"""Every page stays light: HTML, CSS and JS together at most 60 KB compressed."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from tests.site.pages import discover_pages

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024


def compressed_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def asset(url: str) -> bytes:
    path = finders.find(url.split("/static/", 1)[1])
    assert path, f"{url} is not a static file of the site"
    with open(path, "rb") as file:
        return file.read()


@pytest.fixture
def pages(client):
    call_command("load_demo", verbosity=0)
    return discover_pages(client)


def test_every_page_is_within_the_weight_budget(client, pages):
    too_heavy = {}
    for label, path in pages.items():
        html = client.get(path).content
        text = html.decode()
        styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        scripts = re.findall(r'<script[^>]* src="([^"]+)"', text)
        total = compressed_size(html) + sum(compressed_size(asset(u)) for u in styles + scripts)
        if total > BUDGET:
            too_heavy[label] = total
    assert not too_heavy


def test_no_script_blocks_rendering(client, pages):
    for label, path in pages.items():
        head = client.get(path).content.decode().split("</head>")[0]
        for tag in re.findall(r"<script\b[^>]*>", head):
            if 'type="application/ld+json"' in tag:
                continue  # data, never run
            assert re.search(r"\b(defer|async)\b|type=\"module\"", tag), f"{label}: {tag}"


def test_every_asset_a_page_uses_is_served_by_the_site(client, pages):
    for label, path in pages.items():
        text = client.get(path).content.decode()
        loaded = re.findall(r'<(?:script|img|iframe|source|video)\b[^>]*\ssrc="([^"]+)"', text)
        # Canonical and alternate links name addresses (absolute ones); they load nothing.
        loaded += re.findall(
            r'<link\b(?![^>]*rel="(?:canonical|alternate)")[^>]*\shref="([^"]+)"', text
        )
        outside = [url for url in loaded if re.match(r"(https?:)?//", url)]
        assert not outside, f"{label} loads {outside} from outside the site"
