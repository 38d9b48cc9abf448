"""/indsatsomraader/: what a social housing effort is, the four areas, the figures and a film."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from activities.models import Overview
from portal.models import PublishStatus
from tests.activities.factories import FocusAreaFactory, OverviewFactory
from tests.films.factories import FilmFactory
from tests.keyfigures.factories import KeyFigureBandFactory, KeyFigureFactory
from tests.portal.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

URL = "/indsatsomraader/"


@pytest.fixture
def areas():
    return [
        FocusAreaFactory(name=name, slug=slug, goal=goal, order=order)
        for order, (name, slug, goal) in enumerate(
            [
                ("Uddannelse og livschancer", "uddannelse", "Flere tager en uddannelse."),
                ("Beskæftigelse", "beskaeftigelse", "Flere kommer i arbejde."),
                ("Kriminalitetsforebyggelse", "kriminalitet", "Et liv uden kriminalitet."),
                ("Sammenhængskraft og medborgerskab", "medborgerskab", "Flere deltager."),
            ]
        )
    ]


def test_the_page_frames_the_efforts_and_links_the_four_areas(client, areas):
    html = client.get(URL).text

    assert "<h1>Hvad er boligsociale indsatser?</h1>" in html
    assert "almenboliglovens § 91a" in html
    assert "Kommuner, boligorganisationer og civilsamfund arbejder sammen" in html
    for area in areas:
        assert f'<a href="/indsatsomraader/{area.slug}/">{area.name}</a>' in html
        assert area.goal in html


def test_the_page_shows_the_band_and_the_chosen_film_with_its_transcript(client, areas):
    KeyFigureFactory(band=KeyFigureBandFactory(), value="2,4 mia. kr.")
    FilmFactory(title="Om indsatserne", on_overview=True, transcript="<p>Fortæller: Velkommen.</p>")
    FilmFactory(title="En anden film")

    html = client.get(URL).text

    assert html.index("almenboliglovens") < html.index("2,4 mia. kr.") < html.index(areas[0].name)
    assert "Tallene er gældende fra januar 2023." in html
    assert "Om indsatserne" in html and "En anden film" not in html
    assert "Fortæller: Velkommen." in html
    assert "<iframe" not in html and "youtube-nocookie" not in html


def test_without_band_or_film_the_page_still_stands(client, areas):
    FilmFactory(on_overview=True, status=PublishStatus.DRAFT, transcript="")

    response = client.get(URL)

    assert response.status_code == 200
    assert "key-figures" not in response.text and "data-film-player" not in response.text


def test_the_page_is_in_the_navigation_and_the_areas_lead_back_to_it(client, areas):
    assert '<a href="/indsatsomraader/">Indsatsområder</a>' in client.get("/").text
    area_page = client.get(f"/indsatsomraader/{areas[0].slug}/").text
    assert '<li><a href="/indsatsomraader/">Indsatsområder</a></li>' in area_page


def test_the_english_page(client, areas):
    KeyFigureFactory(band=KeyFigureBandFactory())

    html = client.get(f"/en{URL}").text

    assert "<h1>What are social housing efforts?</h1>" in html
    assert "Figures as of January 2023." in html


def test_the_page_is_in_the_sitemap(client):
    sitemap = client.get("/sitemap-activity_pages.xml").text

    assert "/indsatsomraader/</loc>" in sitemap


def test_the_activities_app_names_neither_films_nor_key_figures():
    from pathlib import Path

    from django.conf import settings

    sources = (Path(settings.BASE_DIR) / "activities").rglob("*.py")
    text = "\n".join(path.read_text() for path in sources)
    assert "films" not in text and "keyfigures" not in text


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_does_not_grow(client, django_assert_num_queries, rows):
    for order in range(4):
        FocusAreaFactory(order=order)
    band = KeyFigureBandFactory()
    KeyFigureFactory.create_batch(rows, band=band)
    FilmFactory.create_batch(rows, on_overview=True)

    # The publishing edge, the page's texts, the catalogue's terms (5 kinds), the band,
    # its figures, the film.
    with django_assert_num_queries(10):
        response = client.get(URL)

    assert response.status_code == 200


# The texts are the editors' -----------------------------------------------------------


def overview_admin() -> str:
    return reverse("admin:activities_overview_changelist")


def test_the_migration_brings_the_first_texts_and_keeps_an_editors():
    from activities.models import FIRST_OVERVIEW

    migration = importlib.import_module("activities.migrations.0009_overview_first_texts")
    migration.add_the_row(apps, None)
    assert Overview.objects.filter(pk=1, **FIRST_OVERVIEW).exists()

    OverviewFactory(title_da="Redaktionens overskrift")
    migration.add_the_row(apps, None)
    assert Overview.objects.get().title_da == "Redaktionens overskrift"


def test_without_its_row_the_page_shows_the_first_texts_and_writes_nothing(client, areas):
    Overview.objects.all().delete()
    html = client.get(URL).text
    english = client.get(f"/en{URL}").text

    assert "<h1>Hvad er boligsociale indsatser?</h1>" in html
    assert "<h1>What are social housing efforts?</h1>" in english
    assert "section 91a of the Social Housing Act" in english
    assert not Overview.objects.exists()


def test_an_editor_opens_the_one_page_from_the_admin_list(admin_client):
    Overview.objects.all().delete()  # and gets it back, should it be gone
    response = admin_client.get(overview_admin())

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:activities_overview_change", args=[1])
    assert Overview.objects.get().title_da == "Hvad er boligsociale indsatser?"
    page = admin_client.get(response["Location"]).text
    assert "Tilføj" not in page.split('id="content"')[1].split("</h1>")[0]
    assert reverse("admin:activities_overview_delete", args=[1]) not in page
    assert admin_client.get(reverse("admin:activities_overview_add")).status_code == 403


def test_an_editor_rewrites_the_texts_in_both_languages_and_visitors_see_them(
    admin_client, client, areas
):
    assert "almenboliglovens" in client.get(URL).text  # stored by the page cache
    change = admin_client.get(admin_client.get(overview_admin())["Location"])
    data = change_form_data(change.text)
    data |= {
        "title_da": ["Boligsociale indsatser kort fortalt"],
        "title_en": ["Social housing efforts in brief"],
        "lead_da": ["Et nyt indledende afsnit."],
        "body_da": [
            "<h2>Nyt afsnit</h2><p>Tekst<script>alert(1)</script> med "
            '<a href="javascript:x">link</a>.</p>'
        ],
        "areas_intro_da": ["Indsatserne arbejder inden for fire områder:"],
    }

    saved = admin_client.post(change.request["PATH_INFO"], data)

    assert saved.status_code == 302, saved.context["adminform"].form.errors
    html = client.get(URL).text
    assert "<h1>Boligsociale indsatser kort fortalt</h1>" in html
    assert '<p class="lead">Et nyt indledende afsnit.</p>' in html
    assert "<h2>Nyt afsnit</h2>" in html
    assert "<script>alert" not in html and "javascript:" not in html
    assert "Indsatserne arbejder inden for fire områder:" in html
    assert "almenboliglovens" not in html
    assert "<title>Boligsociale indsatser kort fortalt" in html
    assert "<h1>Social housing efforts in brief</h1>" in client.get(f"/en{URL}").text
    assert Overview.objects.count() == 1


def test_an_emptied_english_text_falls_back_to_danish_marked_as_danish(client, areas):
    OverviewFactory(title_da="Om indsatserne", lead_da="Kun på dansk.", lead_en="")

    english = client.get(f"/en{URL}").text

    assert '<p class="lead" lang="da">Kun på dansk.</p>' in english
