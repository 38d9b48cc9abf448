"""Site-wide search: one box, results from every section."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("portal:search")


def test_search_finds_projects_themes_and_people(client):
    PersonFactory(name="Helle Nielsen", job_title="Specialkonsulent i geografi")
    ProjectFactory(title="Geografisk fokus i helhedsplaner")
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse")
    SectionFactory(theme=theme, heading="Det geografiske fokus", body="Om geografi.")
    ProjectFactory(title="Geografi i kladde", status=PublishStatus.DRAFT)

    response = client.get(SEARCH_URL, {"q": "geografi"})

    labels = {group.label: group.total for group in response.context["groups"]}
    assert labels == {"Medarbejdere": 1, "Nu undersøger vi": 1, "Temaer": 1}
    assert "Geografi i kladde" not in response.text
    assert "3 resultater for “geografi”" in response.text


def test_every_word_must_match(client):
    ProjectFactory(title="Praktikpladser i renovering")
    ProjectFactory(title="Renovering af boliger")

    response = client.get(SEARCH_URL, {"q": "renovering praktikpladser"})

    assert response.context["total"] == 1


def test_no_result_says_so_and_points_onwards(client):
    response = client.get(SEARCH_URL, {"q": "xyzzy"})

    assert "Vi fandt ingenting" in response.text


def test_the_empty_search_page_shows_just_the_form(client):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert 'type="search"' in response.text
    assert "resultat" not in response.text


def test_a_hostile_search_is_answered_and_not_echoed(client):
    hostile = client.get(SEARCH_URL, {"q": "<script>alert(1)</script>"})

    assert hostile.status_code == 200
    assert "<script>alert(1)</script>" not in hostile.text


@pytest.mark.parametrize("rows", [3, 30])
def test_search_query_count_does_not_grow(client, django_assert_max_num_queries, rows):
    for n in range(rows):
        PersonFactory(name=f"Boligsocial Person {n}")
        ProjectFactory(title=f"Boligsocialt projekt {n}")
        ThemeFactory(title=f"Boligsocialt tema {n}")

    with django_assert_max_num_queries(14):  # 12, and one each for films and events
        response = client.get(SEARCH_URL, {"q": "boligsocial"})

    assert response.context["total"] == rows * 3


def test_search_finds_activities(client):
    from tests.activities.factories import ActivityFactory

    ActivityFactory(name="Lektiecafé", summary="Hjælp til lektier i boligområdet.")

    response = client.get(SEARCH_URL, {"q": "lektier"})

    assert {group.label for group in response.context["groups"]} == {"Aktiviteter"}


def test_a_snippet_is_escaped_as_a_whole_and_only_the_match_is_marked():
    from portal.search import MARK_START, MARK_STOP, marked

    raw = f'<script>alert(1)</script> <b onclick="x">{MARK_START}tryghed{MARK_STOP}</b> &amp;'

    assert marked(raw) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=&quot;x&quot;&gt;"
        "<mark>tryghed</mark>&lt;/b&gt; &amp;"
    )


HOSTILE = [
    '"citat',
    "'enkelt",
    "&|!:*()",
    "bolig & | ! : * ( ) <-> :*A",
    "') OR 1=1 --",
    "'; DROP TABLE portal_person; --",
    "x" * 5000,
    "bolig " * 1000,
    "🏠 boligområde 🎉",
    "a\x00b",
    "\\",
    "%_%",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("kind", ["", "projekter"])
def test_hostile_queries_are_answered_never_a_500(client, query, kind):
    ProjectFactory(title="Boligområde og tryghed")

    response = client.get(SEARCH_URL, {"q": query, "type": kind, "page": "2"})

    assert response.status_code in (200, 302)


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("list_name", ["projects:list", "news:list", "activities:list"])
def test_hostile_queries_in_the_lists_are_answered(client, query, list_name):
    response = client.get(reverse(list_name), {"q": query})

    assert response.status_code in (200, 302)


def test_results_are_grouped_with_a_count_and_a_link_to_each_type(client):
    for n in range(7):
        ProjectFactory(title=f"Tryghed {n}", slug=f"tryghed-{n}")
    PersonFactory(name="Tryghed Jensen")

    response = client.get(SEARCH_URL, {"q": "tryghed"})

    groups = {group.slug: (group.total, len(group.hits)) for group in response.context["groups"]}
    assert groups == {"medarbejdere": (1, 1), "projekter": (7, 5)}
    assert "?q=tryghed&amp;type=projekter" in response.text
    assert "Nu undersøger vi (7)" in response.text
    assert "Se alle 7 under Nu undersøger vi" in response.text
    assert 'value="tryghed"' in response.text


def test_the_type_filter_shows_one_kind_a_page_at_a_time(client):
    for n in range(25):
        ProjectFactory(title=f"Tryghed {n:02}", slug=f"tryghed-{n}", start_year=2021)
    PersonFactory(name="Tryghed Jensen")

    first = client.get(SEARCH_URL, {"q": "tryghed", "type": "projekter"})
    second = client.get(SEARCH_URL, {"q": "tryghed", "type": "projekter", "page": "2"})

    assert [g.slug for g in first.context["groups"]] == ["projekter"]
    assert len(first.context["groups"][0].hits) == 20
    assert len(second.context["groups"][0].hits) == 5
    assert 'rel="next"' in first.text
    # The other kinds are still counted, to switch to them.
    assert "Medarbejdere (1)" in first.text
    assert 'aria-current="page">Nu undersøger vi (25)' in first.text


def test_an_unknown_type_or_page_is_reported_and_everything_shown(client):
    ProjectFactory(title="Tryghed")

    unknown = client.get(SEARCH_URL, {"q": "tryghed", "type": "<b>x</b>"})
    beyond = client.get(SEARCH_URL, {"q": "tryghed", "type": "projekter", "page": "9"})
    nonsense = client.get(SEARCH_URL, {"q": "tryghed", "page": "²"})

    assert unknown.context["total"] == 1
    assert "Vi kender ikke typen" in unknown.text
    assert "<b>x</b>" not in unknown.text
    long = client.get(SEARCH_URL, {"q": "tryghed", "type": "x" * 5000})
    assert f"Vi kender ikke typen “{'x' * 39}…”" in long.text
    assert beyond.context["groups"][0].hits[0].title == "Tryghed"
    assert "Side 9 findes ikke" in beyond.text
    assert "Sidetallet" in nonsense.text


def test_a_typo_gets_did_you_mean_on_sqlite_too(client):
    ProjectFactory(title="Det boligsociale arbejde", summary="En mentorordning for unge.")

    response = client.get(SEARCH_URL, {"q": "mentorordnig"})

    assert response.context["suggestion"] == "mentorordning"
    assert 'Mente du <a href="/soeg/?q=mentorordning">mentorordning</a>?' in response.text


@pytest.mark.parametrize("query", ["!!!", "—", "\ufffd\ufffd", "🏠", "?"])
def test_a_search_without_a_word_in_it_finds_nothing_rather_than_everything(client, query):
    ProjectFactory(title="Tryghed")
    ThemeFactory(title="Det boligsociale arbejde i bevægelse")

    response = client.get(SEARCH_URL, {"q": query})

    assert response.status_code == 200
    assert response.context["total"] == 0
    listed = client.get(reverse("projects:list"), {"q": query})
    assert listed.status_code == 200
    assert "Tryghed" not in listed.text


def test_a_suggestion_picks_the_nearest_word_and_only_looks_at_the_first_words(client):
    ProjectFactory(title="Det boligsociale arbejde", summary="En mentorordning for unge.")

    near = client.get(SEARCH_URL, {"q": "mentorordnig"})
    later = client.get(SEARCH_URL, {"q": "unge unge unge mentorordnig"})

    assert near.context["suggestion"] == "mentorordning"
    assert later.context["suggestion"] == ""  # the fourth word is kept as typed


def test_the_empty_page_and_the_fruitless_search_point_onwards(client):
    ProjectFactory(title="Tryghed", tags=["Beskæftigelse"])

    empty = client.get(SEARCH_URL)
    nothing = client.get(SEARCH_URL, {"q": "xyzzy"})

    for response in (empty, nothing):
        assert 'href="/medarbejdere/"' in response.text
        assert 'href="/aktiviteter/"' in response.text
        assert 'href="/soeg/?q=Besk%C3%A6ftigelse"' in response.text
    assert nothing.context["suggestion"] == ""


def test_every_page_has_the_search_box_in_its_header(client):
    response = client.get(reverse("portal:home"))

    assert 'action="/soeg/"' in response.text
    assert 'id="site-search-q"' in response.text


def test_the_search_page_variants_are_valid_html(client, tmp_path):
    import shutil

    from tests.site.test_html_validity import check_html

    java = shutil.which("java")
    if not java:
        pytest.skip("java is missing")
    for n in range(25):
        ProjectFactory(title=f"Tryghed {n}", slug=f"tryghed-{n}", summary="Om <tryghed> & ro.")
    PersonFactory(name="Tryghed Jensen")
    variants = {
        "all.html": {"q": "tryghed"},
        "kind.html": {"q": "tryghed", "type": "projekter", "page": "2"},
        "none.html": {"q": "xyzzy"},
        "typo.html": {"q": "trygged"},
        "empty.html": {},
    }
    for name, params in variants.items():
        (tmp_path / name).write_text(client.get(SEARCH_URL, params).text)

    assert check_html(java, tmp_path, list(variants)) == []


def test_the_suggestion_index_is_kept_per_language_and_content_version_and_bounded(client):
    from django.utils import translation

    from portal import search
    from portal.cache import bump_content_version

    ProjectFactory(title="Mentorordning", title_en="Mentoring scheme")
    search._INDEXES._entries.clear()

    with translation.override("da"):
        danish = search.vocabulary_index()
        assert search.vocabulary_index() is danish  # read once per version
    with translation.override("en"):
        assert "mentoring" in search.vocabulary_index().known  # a key of its own

    ProjectFactory(title="Lektiecafé")
    with translation.override("da"):
        assert "lektiecafé" in search.vocabulary_index().known  # a save: a new key

    for _ in range(6):
        bump_content_version()
        with translation.override("da"):
            search.vocabulary_index()
    assert len(search._INDEXES) == 4
