"""What the projects app shows on the staff pages (see portal.registry)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext

from projects.models import ResearchProject, contacts_with_project_counts


def block(person) -> dict:
    """The projects this person is contact for; always shown, with an empty state."""
    projects = ResearchProject.objects.published().for_contact(person).with_list_relations()
    return {"template": "projects/person_block.html", "projects": projects}


def links() -> dict[int, dict]:
    """Return {person pk: link to the project list filtered by them}, for the staff list."""
    url = reverse("projects:list")
    return {
        person["pk"]: {
            "url": f"{url}?{urlencode({'kontakt': person['slug']})}",
            "label": ngettext("%(count)d projekt", "%(count)d projekter", count) % {"count": count},
        }
        for person in contacts_with_project_counts()
        if (count := person["project_count"])
    }
