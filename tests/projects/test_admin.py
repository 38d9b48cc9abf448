"""Editors' home for research projects: list, search, filters and the project form."""

import pytest
from django.contrib import admin
from django.urls import reverse

from projects.models import ResearchProject
from tests.portal.factories import OrganisationFactory, PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    person = PersonFactory(name="Mette Fabricius Madsen")
    tag = TagFactory(name="renovering")
    project = ProjectFactory(title="Praktikpladser", contacts=[person], tags=[tag])
    project.partners.add(OrganisationFactory(name="Landsbyggefonden"))
    return {"person": person, "tag": tag, "project": project}


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_changelist_search_and_change_form_open(admin_client, content):
    project = content["project"]
    url = admin_url(ResearchProject, "changelist")

    assert admin_client.get(url).status_code == 200
    found = admin_client.get(url, {"q": str(project)[:6]})
    assert found.status_code == 200
    assert str(project) in found.text
    assert admin_client.get(admin_url(ResearchProject, "change", project.pk)).status_code == 200
    assert admin_client.get(admin_url(ResearchProject, "add")).status_code == 200


def test_every_registered_model_is_covered():
    ours = {m for m in admin.site._registry if m._meta.app_label == "projects"}
    assert ours == {ResearchProject}


def test_project_list_filters_by_contact_and_tag(admin_client, content):
    person, tag = content["person"], content["tag"]
    url = admin_url(ResearchProject, "changelist")

    assert "Praktikpladser" in admin_client.get(url, {"contacts__id__exact": person.pk}).text
    assert "Praktikpladser" in admin_client.get(url, {"tags__id__exact": tag.pk}).text


@pytest.mark.parametrize("rows", [3, 30])
def test_project_changelist_shows_tags_without_n_plus_one(
    admin_client, django_assert_max_num_queries, rows
):
    people = PersonFactory.create_batch(2)
    tags = TagFactory.create_batch(3)
    for _ in range(rows):
        ProjectFactory(contacts=people, tags=tags)

    with django_assert_max_num_queries(14):
        response = admin_client.get(admin_url(ResearchProject, "changelist"))

    assert response.status_code == 200


def test_editor_adds_a_project_with_two_contacts(admin_client):
    mette, helle = PersonFactory(), PersonFactory()
    subjects = [TagFactory(name="renovering"), TagFactory(name="beskæftigelse", slug="")]
    url = admin_url(ResearchProject, "add")
    data = {
        "title_da": "Nyt projekt",
        "title_en": "",
        "slug": "nyt-projekt",
        "status": "published",
        "summary_da": "Kort.",
        "summary_en": "",
        "body_da": "Tekst <script>alert(1)</script>",
        "body_en": "",
        "research_status": "igangvaerende",
        "start_year": "2024",
        "end_year": "2026",
        "tags": [str(subject.pk) for subject in subjects],
        "contact_links-TOTAL_FORMS": "2",
        "contact_links-INITIAL_FORMS": "0",
        "contact_links-MIN_NUM_FORMS": "1",
        "contact_links-MAX_NUM_FORMS": "1000",
        "contact_links-0-person": str(helle.pk),
        "contact_links-0-order": "2",
        "contact_links-1-person": str(mette.pk),
        "contact_links-1-order": "1",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    project = ResearchProject.objects.get(slug="nyt-projekt")
    assert [link.person for link in project.contact_links.public()] == [mette, helle]
    assert "<script>" not in project.body_da
    assert sorted(project.tags.names()) == ["beskæftigelse", "renovering"]
    assert project.tags.get(name="beskæftigelse").slug == "beskaeftigelse"


def test_end_year_before_start_year_is_refused_with_a_message(admin_client):
    person = PersonFactory()
    data = {
        "title_da": "Forkert",
        "slug": "forkert",
        "status": "draft",
        "summary_da": "Kort.",
        "research_status": "igangvaerende",
        "start_year": "2024",
        "end_year": "2020",
        "contact_links-TOTAL_FORMS": "1",
        "contact_links-INITIAL_FORMS": "0",
        "contact_links-MIN_NUM_FORMS": "1",
        "contact_links-MAX_NUM_FORMS": "1000",
        "contact_links-0-person": str(person.pk),
        "contact_links-0-order": "1",
    }

    response = admin_client.post(admin_url(ResearchProject, "add"), data)

    assert response.status_code == 200
    assert "Slutåret kan ikke ligge før startåret." in response.text
    assert not ResearchProject.objects.filter(slug="forkert").exists()
