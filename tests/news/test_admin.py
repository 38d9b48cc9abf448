"""Editors write news in the admin: list, search, filter, change and add."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from news.models import NewsArticle
from portal.models import PublishStatus
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:news_newsarticle_changelist")
ADD = reverse("admin:news_newsarticle_add")


def change_url(article) -> str:
    return reverse("admin:news_newsarticle_change", args=[article.pk])


@pytest.fixture
def article():
    return NewsArticleFactory(
        title="CFBU sætter fokus på de nye veje",
        published_on=datetime.date(2021, 2, 15),
        tags=[TagFactory(name="finansiering", slug="finansiering")],
    )


def test_news_articles_are_registered_in_the_admin():
    assert NewsArticle in admin.site._registry


def test_changelist_shows_title_date_status_and_subjects(admin_client, article):
    response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
    assert "CFBU sætter fokus på de nye veje" in response.text
    assert "15. februar 2021" in response.text
    assert "Udgivet" in response.text
    assert "finansiering" in response.text


def test_changelist_search_finds_by_title(admin_client, article):
    NewsArticleFactory(title="Noget helt andet")

    response = admin_client.get(CHANGELIST, {"q": "nye veje"})

    assert response.status_code == 200
    assert "CFBU sætter fokus på de nye veje" in response.text
    assert "Noget helt andet" not in response.text


def test_changelist_filters_by_status_year_and_subject(admin_client, article):
    NewsArticleFactory(title="Et udkast", status=PublishStatus.DRAFT)

    drafts = admin_client.get(CHANGELIST, {"status__exact": "draft"})
    year = admin_client.get(CHANGELIST, {"published_on__year": "2021"})
    tag = admin_client.get(CHANGELIST, {"tags__id__exact": str(article.tags.get().pk)})

    assert "Et udkast" in drafts.text
    assert "CFBU sætter fokus" not in drafts.text
    assert year.status_code == 200
    assert "CFBU sætter fokus" in year.text
    assert tag.status_code == 200
    assert "CFBU sætter fokus" in tag.text


def test_change_and_add_forms_open_with_language_tabs_and_autocomplete(admin_client, article):
    change = admin_client.get(change_url(article))
    add = admin_client.get(ADD)

    assert change.status_code == 200
    assert add.status_code == 200
    assert 'name="title_da"' in add.text and 'name="title_en"' in add.text
    assert 'name="image_alt_da"' in add.text
    for field in ("contacts", "themes", "research_projects"):
        tag = add.text.split(f'<select name="{field}"')[1].split(">")[0]
        assert 'class="admin-autocomplete"' in tag


def test_editor_adds_an_article_and_its_slug_and_relations_are_saved(admin_client):
    person, theme, project = PersonFactory(), ThemeFactory(), ProjectFactory()
    data = {
        "title_da": "Nyt læringstilbud",
        "title_en": "A new learning programme",
        "slug": "",
        "status": PublishStatus.PUBLISHED,
        "published_on": "2021-06-01",
        "lead_da": "Kort manchet.",
        "lead_en": "",
        "body_da": "<p>Tekst</p><script>alert(1)</script>",
        "body_en": "",
        "image_alt_da": "",
        "image_alt_en": "",
        "contacts": [person.pk],
        "themes": [theme.pk],
        "research_projects": [project.pk],
        "tags": [
            str(TagFactory(name="medborgerskab").pk),
            str(TagFactory(name="frivillighed").pk),
        ],
    }

    response = admin_client.post(ADD, data)

    assert response.status_code == 302, response.context["adminform"].errors
    article = NewsArticle.objects.get(title_da="Nyt læringstilbud")
    assert article.slug == "nyt-laeringstilbud"
    assert article.body_da == "<p>Tekst</p>"
    assert list(article.contacts.all()) == [person]
    assert list(article.themes.all()) == [theme]
    assert list(article.research_projects.all()) == [project]
    assert sorted(article.tags.names()) == ["frivillighed", "medborgerskab"]


def test_an_image_needs_a_text_for_screen_readers(admin_client, tmp_path, settings):
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    data = {
        "title_da": "Med billede",
        "slug": "med-billede",
        "status": PublishStatus.DRAFT,
        "published_on": "2021-06-01",
        "lead_da": "Manchet.",
        "body_da": "Tekst.",
        "image": SimpleUploadedFile("foto.png", png, content_type="image/png"),
        "image_alt_da": "",
    }

    response = admin_client.post(ADD, data)

    assert response.status_code == 200
    assert "Skriv en billedtekst" in response.text
    assert not NewsArticle.objects.filter(slug="med-billede").exists()


@pytest.mark.parametrize("rows", [3, 30])
def test_changelist_query_count_does_not_grow_with_news(
    admin_client, django_assert_num_queries, rows
):
    tags = TagFactory.create_batch(3)
    for _ in range(rows):
        NewsArticleFactory(tags=tags)
    # session, user, subject filter, count, total count, page of articles, their subjects
    # (one query for all), first and last date and the months for the date hierarchy
    with django_assert_num_queries(9):
        response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
