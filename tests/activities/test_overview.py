"""/indsatsomraader/: what a social housing effort is, the four areas, the figures and a film."""

import pytest

from portal.models import PublishStatus
from tests.activities.factories import FocusAreaFactory
from tests.films.factories import FilmFactory
from tests.keyfigures.factories import KeyFigureBandFactory, KeyFigureFactory

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

    # The publishing edge, the catalogue's terms (5 kinds), the band, its figures, the film.
    with django_assert_num_queries(9):
        response = client.get(URL)

    assert response.status_code == 200
