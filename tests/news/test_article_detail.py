"""One news article at /nyheder/<slug>/: date, text, contacts, related pages, subjects."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsArticle
from portal.models import PublishStatus
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("news:list")


@pytest.fixture
def helle():
    return PersonFactory(
        name="Helle Nielsen", slug="helle-nielsen", job_title="Specialkonsulent", phone="00000005"
    )


@pytest.fixture
def article(helle):
    return NewsArticleFactory(
        title="CFBU sætter fokus på de nye veje i det boligsociale arbejde",
        slug="nye-veje",
        published_on=datetime.date(2021, 2, 15),
        lead="Færre penge fra Landsbyggefonden.",
        body="<h2>Hvad er det boligsociale arbejde i dag?</h2><p>– Der findes ikke ét svar.</p>",
        contacts=[helle],
        tags=[TagFactory(name="finansiering", slug="finansiering")],
    )


def test_visitor_reads_the_article_with_date_lead_and_body(client, article):
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>CFBU sætter fokus på de nye veje i det boligsociale arbejde</h1>" in response.text
    assert '<time datetime="2021-02-15">15. februar 2021</time>' in response.text
    assert '<p class="lead">Færre penge fra Landsbyggefonden.</p>' in response.text
    assert "<h2>Hvad er det boligsociale arbejde i dag?</h2>" in response.text


def test_breadcrumbs_lead_home_then_to_the_news(client, article):
    response = client.get(article.get_absolute_url())

    assert [c["label"] for c in response.context["crumbs"]] == [
        "Nyheder",
        "CFBU sætter fokus på de nye veje i det boligsociale arbejde",
    ]
    assert '<li><a href="/">Forside</a></li>' in response.text
    assert f'<li><a href="{LIST_URL}">Nyheder</a></li>' in response.text
    assert 'aria-current="page">CFBU sætter fokus' in response.text


def test_the_contact_person_is_shown_as_a_card(client, article):
    response = client.get(article.get_absolute_url())

    assert 'class="contact-card"' in response.text
    assert '<a href="/medarbejdere/helle-nielsen/">Helle Nielsen</a>' in response.text
    assert "Specialkonsulent" in response.text
    assert ">Kontaktperson</h2>" in response.text


def test_inactive_contacts_are_left_out(client, article):
    article.contacts.add(PersonFactory(name="Tidligere Kollega", is_active=False))

    response = client.get(article.get_absolute_url())

    assert "Tidligere Kollega" not in response.text
    assert ">Kontaktperson</h2>" in response.text


def test_an_article_without_contacts_has_no_contact_box(client):
    article = NewsArticleFactory()

    response = client.get(article.get_absolute_url())

    assert "contacts-heading" not in response.text


def test_published_theme_and_project_are_linked_and_drafts_are_not(client, article):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse", slug="i-bevaegelse")
    project = ProjectFactory(title="Nye veje", slug="nye-veje-projekt")
    article.themes.add(theme, ThemeFactory(title="Kladdetema", status=PublishStatus.DRAFT))
    article.research_projects.add(
        project, ProjectFactory(title="Kladdeprojekt", status=PublishStatus.DRAFT)
    )

    response = client.get(article.get_absolute_url())

    assert f'<a href="{theme.get_absolute_url()}">Det boligsociale arbejde i bevægelse</a>' in (
        response.text
    )
    assert f'<a href="{project.get_absolute_url()}">Nye veje</a>' in response.text
    assert "Kladdetema" not in response.text
    assert "Kladdeprojekt" not in response.text


def test_subjects_link_back_to_the_filtered_list(client, article):
    response = client.get(article.get_absolute_url())

    assert f'href="{LIST_URL}?emne=finansiering"' in response.text


def test_the_article_links_to_the_latest_news(client, article):
    response = client.get(article.get_absolute_url())

    assert f'<a href="{LIST_URL}">Se seneste nyheder</a>' in response.text


def test_a_future_dated_article_is_a_404_for_visitors(client):
    later = NewsArticleFactory(published_on=timezone.localdate() + datetime.timedelta(days=1))

    assert client.get(later.get_absolute_url()).status_code == 404


def test_staff_preview_a_future_dated_article_with_its_date(admin_client):
    day = timezone.localdate() + datetime.timedelta(days=3)
    later = NewsArticleFactory(published_on=day)

    response = admin_client.get(later.get_absolute_url())

    assert response.status_code == 200
    assert "Planlagt – vises for besøgende fra" in response.text
    assert "Kladde" not in response.text


def test_hostile_html_in_the_body_is_removed_when_saved(client):
    article = NewsArticleFactory(
        body=(
            '<p onclick="alert(1)">Ok</p><script>alert(1)</script>'
            '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">link</a>'
            "<iframe src='https://example.org'></iframe>"
        ),
        body_en="<p>Fine</p><script>alert(2)</script>",
    )
    article.refresh_from_db()

    assert "script" not in article.body_da
    assert "onclick" not in article.body_da
    assert "onerror" not in article.body_da
    assert "javascript:" not in article.body_da
    assert "iframe" not in article.body_da
    assert "<p>Ok</p>" in article.body_da
    assert article.body_en == "<p>Fine</p>"
    response = client.get(article.get_absolute_url())
    assert "alert(" not in response.text.split("<main")[1]


def test_plain_text_paragraphs_become_html_paragraphs(article):
    article.body = "Første afsnit.\n\nAndet afsnit."
    article.save()

    assert article.body_da == "<p>Første afsnit.</p><p>Andet afsnit.</p>"


def test_a_slug_is_made_from_the_danish_title():
    first = NewsArticle.objects.create(title="Læringstilbud om medborgerskab", lead="x", body="y")
    second = NewsArticle.objects.create(title="Læringstilbud om medborgerskab", lead="x", body="y")

    assert first.slug == "laeringstilbud-om-medborgerskab"
    assert second.slug == "laeringstilbud-om-medborgerskab-2"
    assert first.status == PublishStatus.DRAFT
    assert first.published_on == timezone.localdate()


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow_with_relations(client, django_assert_num_queries, rows):
    article = NewsArticleFactory(
        contacts=PersonFactory.create_batch(rows),
        themes=ThemeFactory.create_batch(rows),
        research_projects=ProjectFactory.create_batch(rows),
        tags=TagFactory.create_batch(rows),
    )

    # The next publishing edge, read once per content version, then:
    # article, subjects, contacts, themes, projects
    with django_assert_num_queries(6):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.text.count('class="contact-card"') == rows
