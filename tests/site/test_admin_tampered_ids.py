"""Tampered ids in the admin's autocomplete fields get the form's message, never an error."""

import pytest
from django.urls import reverse

from tests.activities.factories import ActivityFactory
from tests.events.factories import EventFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def project():
    return ProjectFactory(contacts=[PersonFactory()])


def theme():
    return SectionFactory(theme=ThemeFactory()).theme


# (what to make, the posted field, a value no id can be)
TAMPERED = [
    (project, "partners", "abc"),
    (project, "contact_links-0-person", "abc"),
    (project, "partners", "1' OR 1=1 --"),
    (theme, "contact", "abc"),
    (theme, "projects", "-"),
    (theme, "sections-0-contact", "abc"),
    (ActivityFactory, "focus_areas", "abc"),
    (NewsArticleFactory, "contacts", "9.5"),
    (NewsArticleFactory, "themes", "abc"),
    (EventFactory, "research_projects", "abc"),
    (EventFactory, "contacts", "1' OR 1=1 --"),
]


@pytest.mark.parametrize(("make", "field", "value"), TAMPERED)
def test_a_tampered_id_is_a_message_on_the_form(admin_client, make, field, value):
    obj = make()
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = change_form_data(admin_client.get(url).text)
    data[field] = [value]

    answer = admin_client.post(url, {**data, "_save": "Gem"})

    assert answer.status_code == 200
    errors = answer.context["errors"]
    assert errors and any("gyldig" in str(message) for message in errors)
