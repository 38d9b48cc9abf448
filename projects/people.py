"""What the projects app shows on the staff pages (see portal.registry)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext

from projects.models import ResearchProject, contacts_with_project_counts

# A person page shows this many projects; the list filtered by the person has them all.
SHOWN = 12


def filtered_list_url(slug: str) -> str:
    return f"{reverse('projects:list')}?{urlencode({'kontakt': slug})}"


def block(person) -> dict:
    """The projects this person is contact for; always shown, with an empty state."""
    projects = ResearchProject.objects.published().for_contact(person).with_list_relations()
    found = list(projects[: SHOWN + 1])  # one more tells whether there are more
    return {
        "template": "projects/person_block.html",
        "projects": found[:SHOWN],
        "all_url": filtered_list_url(person.slug) if len(found) > SHOWN else "",
    }


def links() -> dict[int, dict]:
    """Return {person pk: link to the project list filtered by them}, for the staff list."""
    return {
        person["pk"]: {
            "url": filtered_list_url(person["slug"]),
            "label": ngettext("%(count)d projekt", "%(count)d projekter", count) % {"count": count},
        }
        for person in contacts_with_project_counts()
        if (count := person["project_count"])
    }
