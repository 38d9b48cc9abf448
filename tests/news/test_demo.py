"""The demo news hold seed 002's facts (loading twice: tests/site/test_demo.py)."""

import datetime

import pytest
from django.core.management import call_command

from news.models import NewsArticle

pytestmark = pytest.mark.django_db

INTERVIEW = "cfbu-saetter-fokus-paa-de-nye-veje-i-det-boligsociale-arbejde"


@pytest.fixture
def interview():
    call_command("load_demo", verbosity=0)
    return NewsArticle.objects.get(slug=INTERVIEW)


def test_there_are_four_or_five_demo_articles(interview):
    assert 4 <= NewsArticle.objects.count() <= 5


def test_the_interview_is_published_on_15_february_2021(interview):
    assert interview.title_da == "CFBU sætter fokus på de nye veje i det boligsociale arbejde"
    assert interview.published_on == datetime.date(2021, 2, 15)
    assert interview in NewsArticle.objects.published()


def test_the_interview_asks_the_four_questions_with_helle_nielsen(interview):
    body = interview.body_da

    assert body.count("<h2>") == 4
    for topic in ("i dag", "drøfter", "omdrejningspunktet", "CFBU"):
        assert topic in body
    for fact in (
        "Parallelsamfundsaftalen",
        "boligforliget",
        "Landsbyggefonden",
        "politiet",
        "under 1000 beboere",
        "seneste halve år",
        "Det boligsociale arbejde i bevægelse",
    ):
        assert fact in body
    assert [p.slug for p in interview.contacts.all()] == ["helle-nielsen"]


def test_the_interview_links_the_theme_and_the_project(interview):
    slug = "det-boligsociale-arbejde-i-bevaegelse"

    assert [t.slug for t in interview.themes.all()] == [slug]
    assert [p.slug for p in interview.research_projects.all()] == [slug]


def test_the_interview_has_an_english_title_and_lead(interview):
    assert interview.title_en and interview.lead_en


def test_every_demo_item_is_dated_2021_or_2022_with_a_contact_and_a_subject(interview):
    for article in NewsArticle.objects.all():
        assert 2021 <= article.published_on.year <= 2022
        assert article.contacts.exists(), article.slug
        assert article.tags.exists(), article.slug
        assert article.research_projects.exists(), article.slug
    assert NewsArticle.objects.exclude(title_en="").exclude(lead_en="").count() >= 3


def test_the_demo_list_and_interview_render(client, interview):
    listing = client.get("/nyheder/")
    page = client.get(interview.get_absolute_url())

    assert listing.status_code == 200
    assert '<time datetime="2021-02-15">15. februar 2021</time>' in listing.text
    assert page.status_code == 200
    assert 'href="/temaer/det-boligsociale-arbejde-i-bevaegelse/"' in page.text
    assert 'href="/nu-undersoeger-vi/det-boligsociale-arbejde-i-bevaegelse/"' in page.text
    assert "Helle Nielsen" in page.text
