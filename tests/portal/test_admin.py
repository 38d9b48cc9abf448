"""Editors' home for people, subjects and organisations: lists, searches and forms open."""

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.models import Organisation, Person, SiteNotice, Tag
from tests.portal.factories import OrganisationFactory, PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    person = PersonFactory(name="Mette Fabricius Madsen")
    tag = TagFactory(name="renovering")
    organisation = OrganisationFactory(name="Landsbyggefonden")
    project = ProjectFactory(title="Praktikpladser", contacts=[person], tags=[tag])
    project.partners.add(organisation)
    return {Person: person, Tag: tag, Organisation: organisation}


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", [Person, Tag, Organisation])
def test_changelist_search_and_change_form_open(admin_client, content, model):
    obj = content[model]

    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    found = admin_client.get(admin_url(model, "changelist"), {"q": str(obj)[:6]})
    assert found.status_code == 200
    assert str(obj) in found.text
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200


def test_every_registered_model_is_covered():
    ours = {m for m in admin.site._registry if m._meta.app_label == "portal"}
    # SiteNotice, the demo notice's switch: tests/portal/test_demo_notice.py.
    assert ours == {Person, Tag, Organisation, SiteNotice}


def test_a_person_with_projects_cannot_be_deleted_by_accident(admin_client, content):
    person = content[Person]

    response = admin_client.post(admin_url(Person, "delete", person.pk), {"post": "yes"})

    assert Person.objects.filter(pk=person.pk).exists()
    assert response.status_code == 200
