"""What search engines and link previews read in every page's head (portal/seo.py).

The pages are the demo's, one of each public type in both languages, found the way the
quality checks find them (tests/site/pages.py): the sitemap, the filtered variants the
lists link to, searches and a 404.
"""

import datetime
import io
import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from PIL import Image

from news.models import NewsArticle
from portal import seo
from portal.models import PublishStatus
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.site.pages import discover_pages
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
GENERIC = "Forskning, temaer og aktiviteter om boligsocialt arbejde i Danmark."
SITE = "Viden om boligsocialt arbejde"
HOSTILE = "</script><script>alert(1)</script>"


class Head(HTMLParser):
    """The head's title, meta tags, links and JSON-LD scripts, as a crawler reads them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.jsonld: list = []
        self.scripts: list[str] = []
        self._in: str | None = None
        self._text = ""
        self.feed(html.split("</head>", 1)[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in, self._text = "title", ""
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self._in, self._text = attrs.get("type") or "script", ""

    def handle_data(self, data):
        if self._in:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "title" and self._in == "title":
            self.title = self._text
        elif tag == "script" and self._in:
            self.scripts.append(self._text)
            if self._in == "application/ld+json":
                self.jsonld.append(json.loads(self._text))
        if tag in ("title", "script"):
            self._in = None

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def canonical(self) -> str | None:
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) <= 1
        return found[0] if found else None

    def alternates(self) -> dict[str, str]:
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link  # feeds have none
        }

    def noindex(self) -> bool:
        return "noindex" in self.meta.get("robots", [""])[0]

    def types(self) -> list[str]:
        return [data["@type"] for data in self.jsonld]

    def of_type(self, name: str) -> dict:
        found = [data for data in self.jsonld if data["@type"] == name]
        assert len(found) == 1, self.types()
        return found[0]


def read(client, path: str):
    response = client.get(path)
    return response, Head(response.text)


@pytest.fixture
def demo(client) -> dict[str, tuple]:
    """label → (path, response, head) for every discovered page of the demo."""
    call_command("load_demo", verbosity=0)
    return {label: (path, *read(client, path)) for label, path in discover_pages(client).items()}


def is_noindex_page(label: str, path: str) -> bool:
    """A search (any page with ``?q=``, however it was found) and an error."""
    searched = "q" in parse_qs(urlsplit(path).query)
    return searched or "searched" in label or label.startswith("404")


def expected_canonical(label: str, path: str) -> str:
    if is_noindex_page(label, path) or "?" not in path:
        return ORIGIN + path.partition("?")[0]
    return ORIGIN + path  # a list narrowed by one filter is a page of its own


def test_every_page_has_a_title_of_its_own(demo):
    titles = {}
    for label, (path, _response, head) in demo.items():
        assert head.title.strip(), label
        titles.setdefault(head.title, []).append(f"{label} {path}")

    shared = {title: pages for title, pages in titles.items() if len(pages) > 1}
    assert not shared, shared
    assert len(demo) >= 12


def test_every_page_has_a_description_from_its_content(demo):
    for label, (path, _response, head) in demo.items():
        description = head.one("description")
        assert description.strip(), label
        assert len(description) <= seo.DESCRIPTION_LENGTH, label
        assert "<" not in description, label
        if label.startswith(("portal:search", "404")):
            continue
        assert description != GENERIC, f"{label} {path} has the generic description"


def test_content_pages_are_described_by_their_lead_cut_at_a_word(client, demo):
    article = NewsArticle.objects.published().first()
    _response, head = read(client, article.get_absolute_url())

    description = head.one("description")
    assert description == seo.describe(article.lead)
    assert article.lead.startswith(description.rstrip("…"))


def test_the_canonical_address_is_absolute_and_the_page_itself(demo):
    for label, (path, _response, head) in demo.items():
        if label.startswith("404"):
            assert head.canonical() is None, label
            continue
        assert head.canonical() == expected_canonical(label, path), label


def in_language(url: str, code: str) -> str:
    """The same address in the other language: English under /en/, Danish at the root."""
    path = url.removeprefix(ORIGIN).removeprefix("/en")
    return ORIGIN + ("/en" if code == "en" else "") + path


def test_hreflang_names_both_languages_and_a_default_by_absolute_address(demo):
    for label, (_path, _response, head) in demo.items():
        if label.startswith("404"):
            continue
        alternates = head.alternates()
        assert set(alternates) == {"da", "en", "x-default"}, label
        assert all(url.startswith(ORIGIN + "/") for url in alternates.values()), label
        own = "en" if "[en]" in label else "da"
        assert alternates[own] == head.canonical(), label
        for code in ("da", "en"):
            assert alternates[code] == in_language(head.canonical(), code), label
        assert alternates["x-default"] == alternates["da"], label


def test_link_previews_have_opengraph_and_twitter_tags_with_absolute_addresses(demo):
    for label, (_path, _response, head) in demo.items():
        if label.startswith("404"):
            continue
        title = head.title.rsplit(" · ", 1)[0]
        assert head.one("og:title") == head.one("twitter:title"), label
        assert title.startswith(head.one("og:title")), label
        assert head.one("og:description") == head.one("description"), label
        assert head.one("twitter:description") == head.one("description"), label
        assert head.one("og:url") == head.canonical(), label
        assert head.one("og:site_name") == "Center for Boligsocial Udvikling"
        assert head.one("og:type") in {"website", "article", "profile", "video.other"}
        language = "en_GB" if "[en]" in label else "da_DK"
        assert head.one("og:locale") == language, label
        assert head.meta["og:locale:alternate"] == [{"da_DK": "en_GB"}.get(language, "da_DK")]
        assert head.one("og:image").startswith(ORIGIN + "/"), label
        assert head.one("twitter:image") == head.one("og:image"), label
        assert head.one("twitter:card") in {"summary", "summary_large_image"}


def test_the_default_preview_image_exists(client, demo):
    _path, _response, head = demo["portal:home [da]"]

    image = head.one("og:image").removeprefix(ORIGIN)
    assert image.endswith(".png")
    from django.contrib.staticfiles import finders

    assert finders.find(image.removeprefix("/static/"))


def expected_types(label: str) -> set[str]:
    name = label.split(" ")[0]
    types = {
        "portal:home": {"Organization"},
        "portal:person_detail": {"Person", "BreadcrumbList"},
        "news:detail": {"NewsArticle", "BreadcrumbList"},
        "projects:detail": {"BreadcrumbList"},
        "themes:detail": {"BreadcrumbList"},
        "activities:detail": {"BreadcrumbList"},
        "activities:focus_area": {"BreadcrumbList"},
        "activities:staircase": {"BreadcrumbList"},
        "activities:overview": {"BreadcrumbList"},
        "events:list": {"ItemList"},
        "events:detail": {"Event", "BreadcrumbList"},
        "films:detail": {"VideoObject", "BreadcrumbList"},
        "films:list": {"ItemList"},
        "portal:person_list": {"ItemList"},
        "projects:list": {"ItemList"},
        "themes:list": {"ItemList"},
        "news:list": {"ItemList"},
        "activities:list": {"ItemList"},
    }
    return types.get(name, set())


def test_schema_org_data_has_the_type_that_fits_each_page(demo):
    for label, (path, _response, head) in demo.items():
        assert all(data["@context"] == "https://schema.org" for data in head.jsonld), label
        assert set(head.types()) == expected_types(label), f"{label} {path}: {head.types()}"


def test_breadcrumbs_follow_the_trail_on_the_page(demo):
    _path, _response, head = demo["news:detail [en]"]

    trail = head.of_type("BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in trail] == [1, 2, 3]
    assert trail[0] == {"@type": "ListItem", "position": 1, "name": "Home", "item": ORIGIN + "/en/"}
    assert trail[1]["item"] == ORIGIN + "/en/nyheder/"
    assert trail[2]["item"] == head.canonical()


def test_lists_give_their_rows_with_positions_and_absolute_addresses(client, demo):
    _path, _response, head = demo["news:list [da]"]

    rows = head.of_type("ItemList")["itemListElement"]
    assert rows, "the demo has news"
    assert [row["position"] for row in rows] == list(range(1, len(rows) + 1))
    assert all(row["url"].startswith(ORIGIN + "/nyheder/") for row in rows)
    with translation.override("da"):
        first = NewsArticle.objects.published().order_by("-published_on", "title").first()
        assert rows[0]["name"] == first.title


def test_page_two_of_a_list_counts_on_from_the_first_page(client):
    NewsArticleFactory.create_batch(14)

    _response, head = read(client, "/nyheder/?page=2")

    assert head.canonical() == ORIGIN + "/nyheder/?page=2"
    assert "side 2" in head.title
    assert not head.noindex()
    assert head.of_type("ItemList")["itemListElement"][0]["position"] == 13


def test_a_theme_and_a_project_of_one_name_have_titles_of_their_own(demo):
    project = demo["projects:detail [da]"][2]
    theme = demo["themes:detail [da]"][2]

    assert project.one("og:title") == theme.one("og:title")
    assert project.title == f"{project.one('og:title')} – Nu undersøger vi · {SITE}"
    assert theme.title == f"{theme.one('og:title')} – Temaer · {SITE}"


def test_the_home_page_names_the_centre(demo):
    _path, _response, head = demo["portal:home [da]"]

    organisation = head.of_type("Organization")
    assert organisation["name"] == "Center for Boligsocial Udvikling"
    assert organisation["url"] == ORIGIN + "/"


def test_a_news_article_gives_its_dates_image_and_publisher(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(picture, "PNG")
    article = NewsArticleFactory(
        image=SimpleUploadedFile("foto.png", picture.getvalue(), content_type="image/png"),
        image_alt="Et foto",
    )

    _response, head = read(client, article.get_absolute_url())

    data = head.of_type("NewsArticle")
    assert data["headline"] == article.title
    assert data["datePublished"] == article.published_on.isoformat()
    assert data["dateModified"].startswith(article.updated_at.date().isoformat())
    assert data["publisher"]["name"] == "Center for Boligsocial Udvikling"
    image = ORIGIN + article.image.url
    assert data["image"] == [image]
    assert head.one("og:image") == head.one("twitter:image") == image
    assert head.one("og:type") == "article"
    assert head.one("twitter:card") == "summary_large_image"


def test_a_person_page_gives_name_title_and_workplace_but_no_contact_details(client):
    person = PersonFactory(phone="12345678", email="lene@example.org", job_title="Analytiker")

    _response, head = read(client, person.get_absolute_url())

    data = head.of_type("Person")
    assert data["name"] == person.name
    assert data["jobTitle"] == "Analytiker"
    assert data["worksFor"]["name"] == "Center for Boligsocial Udvikling"
    text = json.dumps(head.jsonld)
    assert "12345678" not in text and "lene@example.org" not in text
    assert not {"telephone", "email"} & set(data)
    assert head.one("og:type") == "profile"


def test_a_hostile_title_cannot_leave_the_script_element(client):
    article = NewsArticleFactory(title=HOSTILE, lead=f"Manchet {HOSTILE}")

    for path in (article.get_absolute_url(), "/nyheder/"):
        response, head = read(client, path)
        head_html = response.text.split("</head>", 1)[0]
        assert "<script>alert(1)" not in head_html, path
        # Every script element in the head is one the site wrote: the JSON-LD and site.js.
        assert all(not text.strip() or text.lstrip().startswith("{") for text in head.scripts)
        assert HOSTILE in json.dumps(head.jsonld, ensure_ascii=False), path
    assert head.of_type("ItemList")["itemListElement"][0]["name"] == HOSTILE
    _response, head = read(client, article.get_absolute_url())
    assert head.of_type("NewsArticle")["headline"] == HOSTILE
    assert head.one("og:title") == HOSTILE


def test_jsonld_escapes_what_could_end_a_script_element():
    text = seo.jsonld({"name": "</script><!-- & -->"})

    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!-- & -->"}


def test_descriptions_are_cut_at_a_word_boundary():
    words = "boligsocialt arbejde " * 20

    cut = seo.describe(f"<p>{words}</p>")

    assert len(cut) <= seo.DESCRIPTION_LENGTH
    assert cut.endswith("arbejde…") or cut.endswith("boligsocialt…")
    assert seo.describe("Kort &amp; godt") == "Kort & godt"


# --- noindex: exactly where the page is not one of its own --------------------------


def test_noindex_only_on_searches_and_errors_among_the_demo_pages(demo):
    for label, (path, response, head) in demo.items():
        expected = is_noindex_page(label, path)
        assert head.noindex() is expected, f"{label} {path}"
        assert (response.get("X-Robots-Tag") == "noindex") is expected, f"{label} {path}"


@pytest.fixture
def two_subjects():
    housing, youth = TagFactory(slug="bolig", name="bolig"), TagFactory(slug="unge", name="unge")
    NewsArticleFactory(tags=[housing, youth], published_on=datetime.date(2021, 3, 1))
    return housing, youth


def test_one_filter_is_a_page_of_its_own(client, two_subjects):
    _response, head = read(client, "/nyheder/?emne=bolig")

    assert not head.noindex()
    assert head.canonical() == ORIGIN + "/nyheder/?emne=bolig"
    assert "bolig" in head.title


def test_tracking_parameters_leave_the_canonical_address(client, two_subjects):
    _response, head = read(client, "/nyheder/?emne=bolig&utm_source=nyhedsbrev&fbclid=x")

    assert not head.noindex()
    assert head.canonical() == ORIGIN + "/nyheder/?emne=bolig"
    assert head.alternates()["en"] == ORIGIN + "/en/nyheder/?emne=bolig"


@pytest.mark.parametrize(
    "query",
    [
        "emne=bolig&aar=2021",  # two filters
        "emne=bolig&emne=unge",  # one filter twice
        "emne=findes-ikke",  # a value the list does not know
        "q=bolig",  # free text is a search
        "emne=bolig&q=bolig",
    ],
)
def test_filtered_variants_beyond_the_first_filter_are_not_indexed(client, two_subjects, query):
    response, head = read(client, f"/nyheder/?{query}")

    assert response.status_code == 200
    assert head.noindex()
    assert response["X-Robots-Tag"] == "noindex"
    assert head.canonical() == ORIGIN + "/nyheder/"


def test_a_sort_order_is_a_variant_of_the_same_page(client, demo):
    _response, head = read(client, "/aktiviteter/?sortering=trin")

    assert not head.noindex()
    assert head.canonical() == ORIGIN + "/aktiviteter/"


def test_the_empty_search_page_is_indexed_and_a_search_is_not(client):
    _response, empty = read(client, "/soeg/")
    response, searched = read(client, "/soeg/?q=bolig")

    assert not empty.noindex() and empty.canonical() == ORIGIN + "/soeg/"
    assert searched.noindex() and response["X-Robots-Tag"] == "noindex"


def test_error_pages_are_not_indexed(client, admin_user):
    response, head = read(client, "/findes-ikke/")
    assert response.status_code == 404
    assert head.noindex() and response["X-Robots-Tag"] == "noindex"

    for template in ("403.html", "500.html", "503.html"):
        client = Client()
        rendered = render_to_string(template, request=client.get("/").wsgi_request)
        assert '<meta name="robots" content="noindex">' in rendered, template


def test_a_draft_shown_to_staff_is_not_indexed(admin_client):
    article = NewsArticleFactory(status=PublishStatus.DRAFT)

    response, head = read(admin_client, article.get_absolute_url())

    assert head.noindex() and response["X-Robots-Tag"] == "noindex"
    assert head.canonical() == ORIGIN + article.get_absolute_url()


def test_a_stored_variant_keeps_its_noindex(client, two_subjects):
    first = client.get("/nyheder/?emne=bolig&aar=2021")
    second = client.get("/nyheder/?emne=bolig&aar=2021")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second["X-Robots-Tag"] == "noindex"
    assert Head(second.text).noindex()
    assert "X-Robots-Tag" not in client.get("/nyheder/?emne=bolig")


def test_a_theme_with_a_hero_image_shows_it_in_link_previews(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(picture, "PNG")
    theme = ThemeFactory(
        hero_image=SimpleUploadedFile("hero.png", picture.getvalue(), content_type="image/png")
    )

    _response, head = read(client, theme.get_absolute_url())

    assert head.one("og:image") == ORIGIN + theme.hero_image.url
    assert head.one("twitter:card") == "summary_large_image"
