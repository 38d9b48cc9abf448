"""Editors add films in the admin; a film without a Danish transcript cannot go live."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from films.admin import FilmAdmin
from films.models import Film
from portal.models import PublishStatus
from tests.films.factories import FilmFactory
from tests.portal.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

ADD = reverse("admin:films_film_add")
CHANGELIST = reverse("admin:films_film_changelist")


def new_film(**fields) -> dict:
    return {
        "title_da": "Fire indsatsområder",
        "title_en": "",
        "slug": "",
        "status": PublishStatus.DRAFT,
        "video_url": "https://youtu.be/eksempel002",
        "duration": "2:15",
        "description_da": "<p>Om de fire områder.</p>",
        "description_en": "",
        "transcript_da": "",
        "transcript_en": "",
        "poster_alt_da": "",
        "poster_alt_en": "",
        **fields,
    }


def test_films_are_registered_on_the_shared_content_admin():
    from portal.admin_base import TranslatedContentAdmin

    assert isinstance(admin.site._registry[Film], FilmAdmin)
    assert isinstance(admin.site._registry[Film], TranslatedContentAdmin)


def test_editor_saves_a_draft_without_a_transcript(admin_client):
    response = admin_client.post(ADD, new_film())

    assert response.status_code == 302, response.context["adminform"].errors
    film = Film.objects.get()
    assert (film.slug, film.provider, film.video_id) == (
        "fire-indsatsomraader",
        "youtube",
        "eksempel002",
    )
    assert film.duration_label == "2 min. 15 sek."


@pytest.mark.parametrize("empty", ["<p></p>", "<p>&nbsp;</p>", "<p>&#160; </p>", "<p>\u00a0</p>"])
def test_a_film_without_a_danish_transcript_cannot_be_published(admin_client, empty):
    response = admin_client.post(
        ADD,
        new_film(
            status=PublishStatus.PUBLISHED,
            transcript_da=empty,
            transcript_en="<p>Only English.</p>",
        ),
    )

    assert response.status_code == 200
    assert "En film kan først udgives, når den har en transskription på dansk." in response.text
    assert not Film.objects.exists()


def test_with_a_danish_transcript_the_film_is_published(admin_client):
    response = admin_client.post(
        ADD, new_film(status=PublishStatus.PUBLISHED, transcript_da="<p>Fortæller: Hej.</p>")
    )

    assert response.status_code == 302
    assert Film.objects.published().count() == 1


def test_emptying_the_transcript_of_a_published_film_is_refused(admin_client):
    film = FilmFactory()
    url = reverse("admin:films_film_change", args=[film.pk])
    data = change_form_data(admin_client.get(url).text)
    data["transcript_da"] = [""]

    response = admin_client.post(url, data)

    assert "En film kan først udgives, når den har en transskription på dansk." in response.text
    film.refresh_from_db()
    assert film.has_danish_transcript


def test_another_provider_is_refused_in_danish(admin_client):
    response = admin_client.post(ADD, new_film(video_url="https://www.dailymotion.com/video/x1"))

    assert "Indsæt adressen på filmen hos YouTube eller Vimeo" in response.text
    assert not Film.objects.exists()


def test_the_publish_action_leaves_films_without_a_transcript_as_drafts(admin_client):
    ready = FilmFactory(status=PublishStatus.DRAFT, title="Klar")
    unready = FilmFactory(status=PublishStatus.DRAFT, title="Uden tekst", transcript="")

    response = admin_client.post(
        CHANGELIST,
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )

    ready.refresh_from_db()
    unready.refresh_from_db()
    assert ready.status == PublishStatus.PUBLISHED
    assert unready.status == PublishStatus.DRAFT
    assert "“Uden tekst” blev ikke udgivet: filmen mangler en transskription på dansk." in (
        response.text
    )


def test_scheduling_a_film_without_a_transcript_is_refused(admin_client):
    response = admin_client.post(
        ADD,
        new_film(
            status=PublishStatus.PUBLISHED, publish_from_0="01.03.2030", publish_from_1="09:00"
        ),
    )

    assert "En film kan først udgives, når den har en transskription på dansk." in response.text
    assert not Film.objects.exists()


@pytest.mark.parametrize("rows", [3, 30])
def test_changelist_query_count_does_not_grow_with_films(
    admin_client, django_assert_max_num_queries, rows
):
    FilmFactory.create_batch(rows)

    with django_assert_max_num_queries(20):
        response = admin_client.get(CHANGELIST)

    assert response.status_code == 200


PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
    "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def poster():
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("plakat.png", base64.b64decode(PNG), content_type="image/png")


def test_a_poster_needs_a_text_for_screen_readers(admin_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path

    response = admin_client.post(ADD, new_film(poster=poster()))

    assert response.status_code == 200
    assert "Skriv en billedtekst, så skærmlæsere kan beskrive billedet." in response.text
    assert not Film.objects.exists()


def test_the_poster_is_shown_in_place_of_the_player(admin_client, client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    admin_client.post(
        ADD,
        new_film(
            poster=poster(),
            poster_alt_da="Beboere i en gård",
            status=PublishStatus.PUBLISHED,
            transcript_da="<p>Tekst.</p>",
        ),
    )
    film = Film.objects.get()

    html = client.get(film.get_absolute_url()).text

    assert f'<img class="film-player__poster" src="{film.poster.url}" alt="Beboere i en gård"' in (
        html
    )
    assert "<iframe" not in html


def test_a_link_preview_shows_the_poster_and_search_engines_read_a_video(
    admin_client, client, tmp_path, settings
):
    import datetime
    import json

    settings.MEDIA_ROOT = tmp_path
    admin_client.post(
        ADD,
        new_film(
            poster=poster(),
            poster_alt_da="Beboere i en gård",
            status=PublishStatus.PUBLISHED,
            transcript_da="<p>Tekst.</p>",
        ),
    )
    film = Film.objects.get()
    film.duration = datetime.timedelta(minutes=3, seconds=40)
    film.save()

    html = client.get(film.get_absolute_url()).text

    poster_url = f"http://testserver{film.poster.url}"
    assert f'<meta property="og:image" content="{poster_url}">' in html
    assert '<meta property="og:type" content="video.other">' in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (video,) = [d for d in map(json.loads, blocks) if d["@type"] == "VideoObject"]
    assert video["name"] == film.title
    assert video["thumbnailUrl"] == [poster_url]
    assert video["duration"] == "PT3M40S"
    assert "youtube" not in json.dumps(video) and "vimeo" not in json.dumps(video)
