"""A research project's own page."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from projects.models import ResearchStatus
from tests.portal.factories import OrganisationFactory, PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    lasse = PersonFactory(
        name="Lasse Kjeldsen",
        slug="lasse-kjeldsen",
        job_title="Chefkonsulent",
        phone="12345678",
        email="lk@example.org",
    )
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    return ProjectFactory(
        title="Ph.d. om fysiske og sociale indsatser",
        slug="phd",
        body="Første afsnit.\n\nAndet afsnit.",
        start_year=2019,
        end_year=2023,
        contacts=[lasse, helle],
        tags=[TagFactory(name="fysisk omdannelse", slug="fysisk-omdannelse")],
    )


def test_project_page_shows_text_years_status_and_contacts(client, project):
    project.partners.add(OrganisationFactory(name="Landsbyggefonden"))

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    assert "<h1>Ph.d. om fysiske og sociale indsatser</h1>" in text
    assert "<p>Første afsnit.</p><p>Andet afsnit.</p>" in text
    assert "2019" in text and "2023" in text
    assert "Igangværende" in text
    assert "Landsbyggefonden" in text
    assert 'href="tel:+4512345678">12 34 56 78</a>' in text
    assert 'href="mailto:lk@example.org"' in text
    assert "Chefkonsulent" in text
    assert text.index("Lasse Kjeldsen") < text.index("Helle Nielsen")


def test_tags_link_back_to_the_filtered_list(client, project):
    response = client.get(project.get_absolute_url())

    assert f'href="{reverse("projects:list")}?emne=fysisk-omdannelse"' in response.text


def test_completed_project_says_when_it_ended(client, project):
    project.research_status = ResearchStatus.COMPLETED
    project.save()

    response = client.get(project.get_absolute_url())

    assert "Afsluttet" in response.text


def test_inactive_contacts_are_not_shown(client, project):
    project.contacts.filter(slug="helle-nielsen").update(is_active=False)

    response = client.get(project.get_absolute_url())

    assert "Helle Nielsen" not in response.text
    assert "Lasse Kjeldsen" in response.text


def test_hostile_html_in_the_body_is_removed_on_save(client, project):
    project.body = (
        '<p>Ok</p><script>alert("x")</script><img src=x onerror="alert(1)">'
        '<a href="javascript:alert(1)">klik</a>'
    )
    project.save()
    project.refresh_from_db()

    response = client.get(project.get_absolute_url())

    assert "<script>alert" not in response.text
    assert "onerror" not in response.text
    assert "javascript:" not in response.text
    assert "<p>Ok</p>" in response.text


def test_detail_page_query_count(client, project, django_assert_num_queries):
    # The next publishing edge, read once per content version, then:
    with django_assert_num_queries(7):  # project, contacts, tags, partners, themes, activities
        client.get(project.get_absolute_url())


def test_project_page_links_to_its_published_themes(client, project):
    from tests.themes.factories import ThemeFactory

    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse")
    theme.projects.add(project)
    draft = ThemeFactory(title="Kladdetema", status=PublishStatus.DRAFT)
    draft.projects.add(project)

    response = client.get(project.get_absolute_url())

    assert f'href="{theme.get_absolute_url()}"' in response.text
    assert "Kladdetema" not in response.text
