"""The home page shows the newest published key-figures band and the month it holds from."""

import pytest
from django.urls import reverse

from keyfigures.models import KeyFigureBand
from portal.models import PublishStatus
from tests.keyfigures.factories import KeyFigureBandFactory, KeyFigureFactory

pytestmark = pytest.mark.django_db


def seed_band(**fields) -> KeyFigureBand:
    band = KeyFigureBandFactory(**fields)
    KeyFigureFactory(band=band, value="2,4 mia. kr.", value_en="DKK 2.4 billion", order=1)
    KeyFigureFactory(band=band, value="4 år", label="varer en indsats", order=2)
    return band


def test_the_home_page_shows_the_band_with_its_month_in_danish(client):
    seed_band()

    html = client.get("/").text

    assert "Tallene er gældende fra januar 2023." in html
    band = html.split('<section class="key-figures"')[1].split("</section>")[0]
    assert band.index("2,4 mia. kr.") < band.index("4 år")
    assert '<ul class="key-figures__list">' in band
    assert "Fakta om igangværende boligsociale indsatser" in band


def test_the_english_home_page_says_figures_as_of_january_2023(client):
    seed_band()

    html = client.get("/en/").text

    assert "Figures as of January 2023." in html
    assert "DKK 2.4 billion" in html
    # A figure without English is shown in Danish and marked so.
    assert '<span class="key-figures__value" lang="da">4 år</span>' in html


def test_the_newest_published_band_is_the_one_shown(client):
    seed_band(valid_year=2022, valid_month=6, heading="Gammel")
    seed_band(valid_year=2023, valid_month=1, heading="Gældende")
    seed_band(valid_year=2024, valid_month=3, heading="Kladde", status=PublishStatus.DRAFT)

    html = client.get("/").text

    assert "Gældende" in html
    assert "Gammel" not in html and "Kladde" not in html
    assert "Tallene er gældende fra januar 2023." in html


def test_no_published_band_shows_no_band(client):
    seed_band(status=PublishStatus.DRAFT)
    KeyFigureBandFactory(valid_year=2020)  # published, but without figures

    assert "key-figures" not in client.get("/").text


def test_a_source_link_names_the_figure_it_belongs_to(client):
    band = KeyFigureBandFactory()
    KeyFigureFactory(band=band, label="boligsociale indsatser", source_url="https://example.org/")

    html = client.get("/").text

    assert (
        '<a class="key-figures__source" href="https://example.org/">Kilde'
        '<span class="visually-hidden">: boligsociale indsatser</span></a>'
    ) in html


def test_the_home_band_costs_a_fixed_number_of_queries(django_assert_num_queries):
    from keyfigures.home import block

    band = seed_band()
    KeyFigureFactory.create_batch(10, band=band)

    with django_assert_num_queries(2):  # the band, its figures
        found = block()

    assert len(found["band"].figures.all()) == 12


def test_editor_adds_a_band_with_figures_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:keyfigures_keyfigureband_add"),
        {
            "heading_da": "Fakta",
            "heading_en": "",
            "status": PublishStatus.PUBLISHED,
            "valid_month": "1",
            "valid_year": "2023",
            "figures-TOTAL_FORMS": "1",
            "figures-INITIAL_FORMS": "0",
            "figures-MIN_NUM_FORMS": "0",
            "figures-MAX_NUM_FORMS": "1000",
            "figures-0-value_da": "4",
            "figures-0-value_en": "",
            "figures-0-label_da": "indsatsområder",
            "figures-0-label_en": "focus areas",
            "figures-0-source_url": "",
            "figures-0-order": "1",
        },
    )

    assert response.status_code == 302, response.context["adminform"].errors
    band = KeyFigureBand.objects.current()
    assert [str(figure) for figure in band.figures.all()] == ["4 indsatsområder"]


def test_a_month_outside_the_year_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:keyfigures_keyfigureband_add"),
        {
            "heading_da": "Fakta",
            "status": PublishStatus.DRAFT,
            "valid_month": "13",
            "valid_year": "23",
            "figures-TOTAL_FORMS": "0",
            "figures-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert not KeyFigureBand.objects.exists()


def test_a_writer_s_band_stays_a_draft_until_an_editor_publishes_it(client, django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import WRITER, setup_roles

    setup_roles()
    writer = django_user_model.objects.create_user("skribent", password="x", is_staff=True)
    writer.groups.add(Group.objects.get(name=WRITER))
    client.force_login(writer)

    response = client.post(
        reverse("admin:keyfigures_keyfigureband_add"),
        {
            "heading_da": "Fakta",
            "status": PublishStatus.PUBLISHED,
            "valid_month": "1",
            "valid_year": "2023",
            "figures-TOTAL_FORMS": "0",
            "figures-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert KeyFigureBand.objects.get().status == PublishStatus.DRAFT
    assert KeyFigureBand.objects.current() is None
