"""The site search on PostgreSQL: Danish stemming, compounds, ranking, snippets, typos."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.models import PublishStatus
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEARCH_URL = reverse("portal:search")


def titles(response) -> list[str]:
    return [hit.title for group in response.context["groups"] for hit in group.hits]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("boligområder", "Et boligområde i forandring"),
        ("stedsidentiteter", "Stedsidentiteten i udsatte boligområder"),
        ("Boligområdet", "Et boligområde i forandring"),
    ],
)
def test_danish_stemming_finds_other_forms_of_a_word(client, query, title):
    ProjectFactory(title=title, summary="Om byen.", body="")
    ProjectFactory(title="Noget helt andet", summary="Om skolen.", body="")

    response = client.get(SEARCH_URL, {"q": query})

    assert titles(response) == [title]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("lommepenge", "Lommepengeprojekter i sommerferien"),
        ("projekt", "Et forskningsprojekt om naboskab"),
    ],
)
def test_a_word_finds_the_compounds_it_is_part_of(client, query, title):
    ProjectFactory(title=title, summary="Om unge.", body="")
    ProjectFactory(title="Naboskab og fællesskab", summary="Om unge.", body="")

    response = client.get(SEARCH_URL, {"q": query})

    assert titles(response) == [title]


def test_the_lists_filter_uses_the_same_engine(client):
    NewsArticleFactory(title="Nyt om boligområdet", lead="Kort.", body="<p>Tekst.</p>")
    NewsArticleFactory(title="Andet", lead="Kort.", body="<p>Tekst.</p>")

    response = client.get(reverse("news:list"), {"q": "boligområder"})

    assert [a.title for a in response.context["articles"]] == ["Nyt om boligområdet"]


def test_a_title_hit_ranks_above_a_body_hit(client):
    # Without the rank, the newer project (and the first by title) would come first.
    ProjectFactory(
        title="Aktivt naboskab",
        start_year=2024,
        end_year=None,
        summary="Kort.",
        body="<p>Her nævnes beskæftigelse en gang.</p>",
    )
    ProjectFactory(
        title="Beskæftigelse for unge", start_year=2020, summary="Kort.", body="<p>Tekst.</p>"
    )
    ProjectFactory(
        title="Unge i job", start_year=2022, summary="Om beskæftigelse.", body="<p>Tekst.</p>"
    )

    response = client.get(SEARCH_URL, {"q": "beskæftigelse"})

    assert titles(response) == ["Beskæftigelse for unge", "Unge i job", "Aktivt naboskab"]


def test_snippets_mark_the_match_and_escape_everything_else(client):
    ProjectFactory(
        title="Kodeord <b>fed</b> <script>alert(1)</script>",
        summary="Et resumé om tryghed <script>alert(2)</script> og <b>fed</b> tekst.",
        body="<p>Mere om tryghed.</p>",
    )

    response = client.get(SEARCH_URL, {"q": "tryghed"})

    html = response.text
    assert "<script>alert" not in html
    assert "<b>fed</b>" not in html
    assert "Kodeord &lt;b&gt;fed&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    snippet = response.context["groups"][0].hits[0].snippet
    assert "<mark>tryghed</mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_html_in_a_body_is_stripped_before_the_snippet(client):
    ProjectFactory(
        title="Naboskab",
        summary="",
        body='<p>Om <a href="/x/">naboer</a> og <strong>fællesskab</strong>.</p>',
    )

    response = client.get(SEARCH_URL, {"q": "fællesskab"})

    snippet = response.context["groups"][0].hits[0].snippet
    assert "<mark>fællesskab</mark>" in snippet
    assert "href" not in snippet
    assert "&lt;" not in snippet


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("boligsocilat", "boligsocialt"), ("mentorordnig", "mentorordning")],
)
def test_a_typo_gets_did_you_mean_with_a_link(client, typo, meant):
    ProjectFactory(title="Det boligsocialt arbejde", summary="En mentorordning for unge.")

    response = client.get(SEARCH_URL, {"q": typo})

    assert response.context["suggestion"] == meant
    assert f'Mente du <a href="/soeg/?q={meant}">{meant}</a>?' in response.text
    assert client.get(SEARCH_URL, {"q": meant}).context["total"] == 1


def test_no_suggestion_from_unpublished_words(client):
    ProjectFactory(title="Mentorordning i kladde", status=PublishStatus.DRAFT)

    response = client.get(SEARCH_URL, {"q": "mentorordnig"})

    assert response.context["suggestion"] == ""


def test_english_pages_search_the_english_text_and_fall_back_to_danish(client):
    ProjectFactory(title="Tryghed", title_en="Safety in housing areas", summary="Kort.")
    ProjectFactory(title="Beboere og naboskab", summary="Kort.")

    with translation.override("en"):
        url = reverse("portal:search")
    english = client.get(url, {"q": "safety"})
    danish_only = client.get(url, {"q": "naboskab"})

    assert titles(english) == ["Safety in housing areas"]
    assert titles(danish_only) == ["Beboere og naboskab"]


def test_themes_are_found_through_their_sections(client):
    theme = ThemeFactory(title="Det boligsociale arbejde")
    SectionFactory(theme=theme, heading="Organisering", body="<p>Om helhedsplaner.</p>")

    response = client.get(SEARCH_URL, {"q": "helhedsplanerne"})

    assert titles(response) == ["Det boligsociale arbejde"]


@pytest.mark.parametrize("rows", [2, 20])
@pytest.mark.parametrize(
    "params",
    [
        {"q": "boligsocial"},
        {"q": "boligsocial", "type": "projekter"},
        {"q": "boligsocial", "type": "projekter", "page": "2"},
        {"q": "boligsocial", "type": "projekter", "page": "99"},
        {"q": "boligsocilat"},
    ],
)
def test_the_query_count_does_not_grow_with_the_rows(
    client, django_assert_max_num_queries, rows, params
):
    for n in range(rows):
        PersonFactory(name=f"Boligsocial Person {n}")
        ProjectFactory(title=f"Boligsocialt projekt {n}", summary="Boligsociale indsatser.")
        ThemeFactory(title=f"Boligsocialt tema {n}")
        NewsArticleFactory(title=f"Boligsocial nyhed {n}")

    with django_assert_max_num_queries(12):
        response = client.get(SEARCH_URL, params)

    assert response.status_code == 200
