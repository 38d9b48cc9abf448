"""The Atom feeds of news and research projects, whole and per contact person."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import PublishStatus
from projects.models import ResearchProject
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PROJECTS_FEED = reverse("projects:feed")
NEWS_FEED = reverse("news:feed")


def parse(response) -> ET.Element:
    """Parse a feed and check what RFC 4287 requires of the feed and of each entry."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "published", "summary"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith("http://testserver/")
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    return root


def entry_titles(root: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def mette():
    return PersonFactory(name="Mette Fabricius Madsen", slug="mette-fabricius-madsen")


@pytest.fixture
def helle():
    return PersonFactory(name="Helle Nielsen", slug="helle-nielsen")


def test_the_projects_feed_is_atom_with_every_published_project(client):
    ProjectFactory(title="Synligt", summary="Om praktikpladser & <job>.")
    ProjectFactory(title="Kladde", status=PublishStatus.DRAFT)

    root = parse(client.get(PROJECTS_FEED))

    assert entry_titles(root) == ["Synligt"]
    entry = root.find(f"{ATOM}entry")
    project = ResearchProject.objects.get(title="Synligt")
    assert (
        entry.find(f"{ATOM}link").get("href")
        == f"http://testserver/nu-undersoeger-vi/{project.slug}/"
    )
    # The summary is plain text, escaped: a reader shows "<job>", it never parses it.
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "Om praktikpladser &amp; &lt;job&gt;."


def test_one_contacts_feed_holds_exactly_her_published_projects(client, mette, helle):
    ProjectFactory(title="Praktikpladser", contacts=[mette])
    ProjectFactory(title="Jobgaranti", contacts=[helle, mette])
    ProjectFactory(title="Kladde", contacts=[mette], status=PublishStatus.DRAFT)
    ProjectFactory(
        title="Planlagt",
        contacts=[mette],
        publish_from=timezone.now() + datetime.timedelta(days=2),
    )
    ProjectFactory(title="Udløbet", contacts=[mette], publish_until=timezone.now())
    ProjectFactory(title="I bevægelse", contacts=[helle])

    root = parse(client.get(PROJECTS_FEED, {"kontakt": mette.slug}))

    assert sorted(entry_titles(root)) == ["Jobgaranti", "Praktikpladser"]
    assert "Mette Fabricius Madsen" in root.findtext(f"{ATOM}title")
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == f"http://testserver/nu-undersoeger-vi/?kontakt={mette.slug}"


@pytest.mark.parametrize(
    "query",
    [
        {"kontakt": "findes-ikke"},
        {"kontakt": "x" * 500},
        {"status": "maaske"},
        {"q": "praktik"},
        {"page": "2"},
        {"utm_source": "x"},
    ],
)
def test_a_feed_for_an_unknown_filter_is_404(client, mette, query):
    ProjectFactory(contacts=[mette])

    assert client.get(PROJECTS_FEED, query).status_code == 404


def test_a_contact_without_published_projects_has_no_feed(client, mette):
    ProjectFactory(contacts=[mette], status=PublishStatus.DRAFT)

    assert client.get(PROJECTS_FEED, {"kontakt": mette.slug}).status_code == 404


def test_an_entry_keeps_its_id_when_its_title_and_slug_change(client):
    project = ProjectFactory(title="Før", slug="foer")
    before = parse(client.get(PROJECTS_FEED)).find(f"{ATOM}entry")

    project.title, project.slug = "Efter", "efter"
    project.save()
    after = parse(client.get(PROJECTS_FEED)).find(f"{ATOM}entry")

    assert after.findtext(f"{ATOM}title") == "Efter"
    assert after.findtext(f"{ATOM}id") == before.findtext(f"{ATOM}id")
    assert after.findtext(f"{ATOM}id").startswith("tag:testserver,")
    assert "/efter/" in after.find(f"{ATOM}link").get("href")


def test_the_news_feed_holds_published_articles_newest_first_with_their_dates(client):
    NewsArticleFactory(title="Ældre", published_on=datetime.date(2021, 2, 1))
    NewsArticleFactory(
        title="Interview", published_on=datetime.date(2021, 2, 15), lead="Fire spørgsmål."
    )
    NewsArticleFactory(title="Kladde", status=PublishStatus.DRAFT)
    NewsArticleFactory(title="I morgen", published_on=timezone.localdate() + datetime.timedelta(1))

    root = parse(client.get(NEWS_FEED))

    assert entry_titles(root) == ["Interview", "Ældre"]
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}published").startswith("2021-02-15T00:00:00+01:00")
    assert entry.findtext(f"{ATOM}summary") == "Fire spørgsmål."
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/nyheder/")


def test_the_news_feed_takes_the_lists_subject_filter(client):
    tag = TagFactory(name="beskæftigelse", slug="beskaeftigelse")
    NewsArticleFactory(title="Om job", tags=[tag])
    NewsArticleFactory(title="Om andet")

    root = parse(client.get(NEWS_FEED, {"emne": "beskaeftigelse"}))

    assert entry_titles(root) == ["Om job"]
    assert client.get(NEWS_FEED, {"emne": "ukendt"}).status_code == 404


def test_the_feed_under_en_is_english(client):
    ProjectFactory(title_da="Dansk titel", title_en="English title", summary_en="In English.")

    root = parse(client.get(f"/en{PROJECTS_FEED}"))

    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.findtext(f"{ATOM}title").startswith("Current research")
    assert entry_titles(root) == ["English title"]
    assert (
        root.find(f"{ATOM}entry/{ATOM}link")
        .get("href")
        .startswith("http://testserver/en/nu-undersoeger-vi/")
    )


# Autodiscovery ----------------------------------------------------------------------


def test_the_project_list_names_its_feed_in_its_head(client, mette):
    ProjectFactory(contacts=[mette])

    page = client.get(reverse("projects:list")).text
    head = page.split("</head>")[0]

    assert 'type="application/atom+xml"' in head
    assert f'href="{PROJECTS_FEED}"' in head


def test_the_filtered_list_names_exactly_its_own_feed(client, mette):
    ProjectFactory(contacts=[mette])

    page = client.get(reverse("projects:list"), {"kontakt": mette.slug, "q": "projekt"}).text
    head = page.split("</head>")[0]

    assert f'href="{PROJECTS_FEED}?kontakt={mette.slug}"' in head
    assert client.get(f"{PROJECTS_FEED}?kontakt={mette.slug}").status_code == 200


def test_the_news_list_names_its_feed(client):
    NewsArticleFactory()

    head = client.get(reverse("news:list")).text.split("</head>")[0]

    assert f'href="{NEWS_FEED}"' in head


def test_a_contacts_page_names_her_projects_feed(client, mette, helle):
    ProjectFactory(contacts=[mette])

    mettes = client.get(reverse("portal:person_detail", args=[mette.slug])).text
    helles = client.get(reverse("portal:person_detail", args=[helle.slug])).text

    assert f'href="{PROJECTS_FEED}?kontakt={mette.slug}"' in mettes.split("</head>")[0]
    assert "application/atom+xml" not in helles


# Page cache and query counts --------------------------------------------------------


@pytest.mark.parametrize("rows", [3, 30])
def test_a_contacts_feed_costs_a_fixed_number_of_queries(
    client, mette, django_assert_num_queries, rows
):
    for _ in range(rows):
        ProjectFactory(contacts=[mette])

    # The next publishing edge, the filter's options (contacts, subjects; kept until the
    # next save), the projects.
    with django_assert_num_queries(4):
        response = client.get(PROJECTS_FEED, {"kontakt": mette.slug})
    assert len(parse(response).findall(f"{ATOM}entry")) == rows

    # Stored by the page cache: the second request reads nothing.
    with django_assert_num_queries(0):
        again = client.get(PROJECTS_FEED, {"kontakt": mette.slug})
    assert again["X-Page-Cache"] == "hit"
    assert again.content == response.content


@pytest.mark.parametrize("rows", [3, 30])
def test_the_news_feed_costs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    NewsArticleFactory.create_batch(rows)

    # The next publishing edge and the articles.
    with django_assert_num_queries(2):
        response = client.get(NEWS_FEED)
    assert len(parse(response).findall(f"{ATOM}entry")) == rows


def test_a_stored_feed_changes_after_a_save(client, mette):
    project = ProjectFactory(title="Gammel titel", contacts=[mette])
    url = f"{PROJECTS_FEED}?kontakt={mette.slug}"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    project.title = "Ny titel"
    project.save()

    assert entry_titles(parse(client.get(url))) == ["Ny titel"]


def test_a_feed_with_an_empty_parameter_is_served_but_not_stored(client, mette):
    ProjectFactory(contacts=[mette])

    first = client.get(f"{PROJECTS_FEED}?kontakt=")
    second = client.get(f"{PROJECTS_FEED}?kontakt=")

    assert first.status_code == second.status_code == 200
    assert second.get("X-Page-Cache") != "hit"


def test_a_feed_with_two_filters_names_both_and_holds_what_both_allow(client, mette):
    ProjectFactory(title="I gang", contacts=[mette])
    ProjectFactory(title="Afsluttet", contacts=[mette], research_status="afsluttet")

    response = client.get(f"/en{PROJECTS_FEED}", {"kontakt": mette.slug, "status": "afsluttet"})

    root = parse(response)
    assert entry_titles(root) == ["Afsluttet"]
    assert root.findtext(f"{ATOM}title").endswith(": Mette Fabricius Madsen, Completed")


def test_no_item_takes_the_feeds_address_as_its_slug():
    from django.core.exceptions import ValidationError

    from news.models import NewsArticle

    titled_feed = NewsArticle(title="Feed", lead="Om feeds.", body="<p>Tekst.</p>")
    titled_feed.save()
    assert titled_feed.slug == "feed-2"

    project = ProjectFactory.build(slug="feed")
    with pytest.raises(ValidationError, match="feed"):
        project.full_clean()
