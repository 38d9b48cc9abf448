"""Visitors find films, read each one's transcript, and load nothing from the provider
until they press "Afspil film"."""

import re

import pytest
from django.utils import translation

from portal.models import PublishStatus
from tests.activities.factories import ActivityFactory
from tests.films.factories import FilmFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/film/"
PLAYER_HOSTS = ("youtube-nocookie.com", "player.vimeo.com")


def titles(response) -> list[str]:
    return [film.title for film in response.context["films"]]


def test_main_navigation_links_to_the_films(client):
    response = client.get("/")

    assert '<a href="/film/">Film</a>' in response.text


def test_the_list_shows_published_films_only(client):
    FilmFactory(title="Udgivet film")
    FilmFactory(title="Kladde", status=PublishStatus.DRAFT)

    response = client.get(LIST_URL)

    assert titles(response) == ["Udgivet film"]
    assert "1 film" in response.text
    assert "4 min. 30 sek." in response.text


def test_visitor_searches_films_by_their_transcript(client):
    FilmFactory(title="Om beskæftigelse", transcript="<p>Vi møder en jobkonsulent.</p>")
    FilmFactory(title="Om fritid")

    assert titles(client.get(LIST_URL, {"q": "jobkonsulent"})) == ["Om beskæftigelse"]


def test_the_film_page_shows_the_transcript_under_its_own_heading(client):
    film = FilmFactory(transcript="<p>Fortæller: Her bor 2.000 beboere.</p>")

    response = client.get(film.get_absolute_url())

    transcript = response.text.split('<h2 id="transcript-heading">Transskription</h2>')[1]
    assert "Fortæller: Her bor 2.000 beboere." in transcript
    assert '<time datetime="PT4M30S">4 min. 30 sek.</time>' in response.text


@pytest.mark.parametrize(
    ("url", "watch"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"),
    ],
)
def test_the_served_page_has_no_player_and_names_no_player_host(client, url, watch):
    film = FilmFactory(video_url=url)

    html = client.get(film.get_absolute_url()).text

    assert "<iframe" not in html
    for host in PLAYER_HOSTS:
        assert host not in html
    # The provider is named in one place only: the link to watch the film there.
    assert re.findall(r"https?://[^\"' ]*(?:youtube|youtu\.be|vimeo)[^\"' ]*", html) == [watch]
    # Nothing on the page loads from anywhere but the site itself.
    assert not re.search(r'\bsrc="(?:https?:)?//', html)


def test_without_javascript_the_play_control_is_a_link_to_the_provider(client):
    film = FilmFactory(video_url="https://vimeo.com/76979871")

    html = client.get(film.get_absolute_url()).text

    link = re.search(r"<a [^>]*data-film-play[^>]*>([^<]*)</a>", html)
    assert 'href="https://vimeo.com/76979871"' in link.group(0)
    assert link.group(1) == "Afspil film hos Vimeo"
    assert 'data-provider="vimeo" data-video-id="76979871"' in html
    assert 'data-play-label="Afspil film"' in html
    assert "Filmen hentes fra Vimeo, først når du vælger at afspille den." in html
    assert '<script src="/static/js/film-player.js" defer></script>' in html


def test_the_policy_allows_frames_from_exactly_the_two_players(client):
    film = FilmFactory()

    policy = client.get(film.get_absolute_url())["Content-Security-Policy"]

    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert sorted(directives["frame-src"]) == [
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
    ]
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


def test_a_draft_film_is_not_found_by_visitors(client):
    film = FilmFactory(status=PublishStatus.DRAFT, transcript="")

    assert client.get(film.get_absolute_url()).status_code == 404


def test_related_content_links_only_to_what_is_published(client):
    film = FilmFactory(
        themes=[ThemeFactory(title="Synligt tema"), ThemeFactory(title="Skjult", status="draft")],
        research_projects=[ProjectFactory(title="Synligt projekt")],
        activities=[ActivityFactory(name="Lektiecafé")],
    )

    html = client.get(film.get_absolute_url()).text

    assert "Synligt tema" in html and "Skjult" not in html
    assert "Synligt projekt" in html
    assert "Lektiecafé" in html


def test_the_english_page_shows_english_text_and_marks_danish_fallbacks(client):
    film = FilmFactory(title_en="About the film", transcript_en="", transcript="<p>Dansk.</p>")

    html = client.get(f"/en{film.get_absolute_url()}").text

    assert "<h1>About the film</h1>" in html
    assert '<h2 id="transcript-heading">Transcript</h2>' in html
    assert '<div class="prose" lang="da"><p>Dansk.</p></div>' in html
    assert "Play film at YouTube" in html
    assert 'data-play-label="Play film"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/film/findes-ikke/",
        "/film/%C3%A6%C3%B8%C3%A5/",
        "/film/..%2F/",
    ],
)
def test_unknown_films_are_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query", [{"page": "abc"}, {"page": "999"}, {"page": "²"}, {"q": "x" * 500}, {"q": "\x00"}]
)
def test_odd_list_input_gives_a_page_not_an_error(client, query):
    FilmFactory()

    response = client.get(LIST_URL, query)

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow_with_films(client, django_assert_num_queries, rows):
    FilmFactory.create_batch(rows)

    # The next publishing edge, read once per content version, then: count, page.
    with django_assert_num_queries(3):
        response = client.get(LIST_URL)

    assert len(response.context["films"]) == min(rows, 12)


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow_with_relations(client, django_assert_num_queries, rows):
    film = FilmFactory(
        themes=ThemeFactory.create_batch(rows),
        research_projects=ProjectFactory.create_batch(rows),
        activities=ActivityFactory.create_batch(rows),
    )

    # The next publishing edge, the film, its themes, projects and activities.
    with django_assert_num_queries(5):
        response = client.get(film.get_absolute_url())

    assert response.status_code == 200


def test_the_duration_reads_in_both_languages():
    import datetime

    film = FilmFactory.build(duration=datetime.timedelta(hours=1, minutes=2, seconds=3))
    with translation.override("en"):
        assert film.duration_label == "1 hour 2 min 3 s"
    with translation.override("da"):
        assert film.duration_label == "1 time 2 min. 3 sek."
    assert film.duration_iso == "PT1H2M3S"


def test_the_privacy_page_says_what_the_film_page_does(client):
    film = FilmFactory()

    privacy = client.get("/privatliv/").text
    html = client.get(film.get_absolute_url()).text

    assert "hentes først, når du selv vælger at afspille det" in privacy
    assert "youtube-nocookie.com" in privacy
    # True of the film page: no frame, no outside source, and the transcript to read.
    assert "<iframe" not in html and not re.search(r'\bsrc="(?:https?:)?//', html)
    assert "Afspil film" in html and "Transskription" in html


def test_the_site_search_finds_a_film_by_its_transcript(client):
    FilmFactory(title="Om jobbet", transcript="<p>Vi møder en jobkonsulent.</p>")
    FilmFactory(title="Kladde", transcript="", status=PublishStatus.DRAFT)

    response = client.get("/soeg/", {"q": "jobkonsulent"})

    groups = {
        group.label: [hit.title for hit in group.hits] for group in response.context["groups"]
    }
    assert groups["Film"] == ["Om jobbet"]
