"""The demo brings two films with transcripts and seed 003's figures; scale data loads."""

import random

import pytest
from django.core.management import call_command

from films import scale as film_scale
from films.models import Film
from keyfigures import scale as band_scale
from keyfigures.models import KeyFigureBand

pytestmark = pytest.mark.django_db


def test_the_demo_films_have_transcripts_and_placeholder_addresses():
    call_command("load_demo", verbosity=0)

    films = list(Film.objects.published())
    assert len(films) == 2
    assert all(film.has_danish_transcript and film.transcript_en for film in films)
    assert {film.video_id for film in films} == {"eksempel001", "eksempel002"}
    assert Film.objects.filter(on_overview=True).count() == 1


def test_the_demo_band_holds_only_seed_003_s_figures():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # twice changes nothing

    band = KeyFigureBand.objects.current()
    assert (band.valid_month, band.valid_year) == (1, 2023)
    assert [(f.value_da, f.label_da) for f in band.figures.all()] == [
        ("2,4 mia. kr.", "investeret i boligsociale indsatser siden 2011"),
        ("4 år", "varer en boligsocial indsats"),
        ("4", "overordnede indsatsområder"),
    ]


def test_scale_data_loads_and_the_demo_band_stays_the_newest(monkeypatch, client):
    call_command("load_demo", verbosity=0)
    monkeypatch.setattr(film_scale, "FILMS", 15)

    film_scale.load(random.Random(1))
    band_scale.load(random.Random(1))

    assert Film.objects.published().count() == 17
    assert client.get("/film/?page=2").status_code == 200
    assert "Tallene er gældende fra januar 2023." in client.get("/").text
