from django.utils.translation import gettext_lazy as _

from portal.cache import cached_by_content
from portal.filters import ListFilterSet, Option, SlugChoiceFilter, SubjectFilter, subject_options
from projects.models import ResearchStatus, contacts_with_project_counts, tags_with_project_counts


def contacts() -> dict[str, Option]:
    people = cached_by_content("projects:contacts", contacts_with_project_counts)
    return {p["slug"]: Option(p["pk"], p["name"], p["project_count"]) for p in people}


def subjects() -> dict[str, Option]:
    tags = cached_by_content("projects:tags", tags_with_project_counts)
    return subject_options(tags, "project_count")


class ProjectFilterSet(ListFilterSet):
    """The filters of "Nu undersøger vi"."""

    kontakt = SlugChoiceFilter(
        contacts,
        "for_contact",
        _("Kontaktperson"),
        _("Alle kontaktpersoner"),
        _("Vi kender ikke kontaktpersonen “%(value)s”. Vælg en fra listen."),
    )
    emne = SubjectFilter(subjects)
    status = SlugChoiceFilter.from_choices(
        ResearchStatus,
        "with_research_status",
        _("Status"),
        _("Alle projekter"),
        _("Status “%(value)s” findes ikke. Vælg igangværende eller afsluttede projekter."),
    )

    search_label = _("Søg i projekterne")
