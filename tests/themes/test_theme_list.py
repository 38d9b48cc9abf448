"""/temaer/: the published themes, each with its title, lead and a link."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.portal.factories import PersonFactory
from tests.site.pages import sitemap_xml
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("themes:list")


def test_visitor_sees_published_themes_with_lead_and_link_and_no_drafts(client):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse", lead="Nye veje.")
    ThemeFactory(title="Hemmeligt tema", status=PublishStatus.DRAFT)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert [t.title for t in response.context["themes"]] == [theme.title]
    assert f'<a href="{theme.get_absolute_url()}">{theme.title}</a>' in response.text
    assert "Nye veje." in response.text
    assert "Hemmeligt tema" not in response.text


def test_staff_do_not_see_drafts_in_the_public_list_either(admin_client):
    ThemeFactory(title="Hemmeligt tema", status=PublishStatus.DRAFT)

    response = admin_client.get(LIST_URL)

    assert "Hemmeligt tema" not in response.text


def test_themes_follow_the_editors_order(client):
    ThemeFactory(title="B", order=2)
    ThemeFactory(title="A", order=3)
    ThemeFactory(title="C", order=1)

    response = client.get(LIST_URL)

    assert [t.title for t in response.context["themes"]] == ["C", "B", "A"]


def test_an_empty_list_says_so(client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "Der er ingen udgivne temaer endnu." in response.text


def test_main_navigation_shows_themes_and_marks_it_current(client):
    response = client.get(LIST_URL)

    assert f'<a href="{LIST_URL}" aria-current="page">Temaer</a>' in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow_with_themes(client, django_assert_num_queries, rows):
    people = PersonFactory.create_batch(3)
    for number in range(rows):
        ThemeFactory(contact=people[number % 3])

    # The next publishing edge, read once per content version, then:
    with django_assert_num_queries(3):  # count, page of themes with their contacts
        response = client.get(LIST_URL)

    assert response.status_code == 200


def test_sitemap_lists_the_themes_and_published_theme_pages_in_both_languages(client):
    ThemeFactory(slug="synligt")
    ThemeFactory(slug="kladde", status=PublishStatus.DRAFT)

    xml = sitemap_xml(client)

    for path in ("/temaer/", "/en/temaer/", "/temaer/synligt/", "/en/temaer/synligt/"):
        assert f"{path}</loc>" in xml
    assert "/temaer/kladde/" not in xml
