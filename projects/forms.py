from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.cache import cached_by_content
from portal.forms import FilterChoiceField, FilterForm
from projects.models import ResearchStatus, contacts_with_project_counts, tags_with_project_counts


class ProjectFilterForm(FilterForm):
    """The filters of "Nu undersøger vi". Field names are the Danish URL parameters."""

    q = forms.CharField(
        label=_("Søg i projekterne"),
        required=False,
        max_length=200,
        error_messages={
            "max_length": _("Søgeteksten er for lang. Skriv højst %(limit_value)d tegn."),
        },
    )
    kontakt = FilterChoiceField(
        label=_("Kontaktperson"),
        required=False,
        error_messages={
            "invalid_choice": _("Vi kender ikke kontaktpersonen “%(value)s”. Vælg en fra listen."),
        },
    )
    emne = FilterChoiceField(
        label=_("Emne"),
        required=False,
        error_messages={
            "invalid_choice": _("Vi kender ikke emnet “%(value)s”. Vælg et fra listen."),
        },
    )
    status = FilterChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle projekter")), *ResearchStatus.choices],
        error_messages={
            "invalid_choice": _(
                "Status “%(value)s” findes ikke. Vælg igangværende eller afsluttede projekter."
            ),
        },
    )

    def set_choices(self) -> None:
        people = cached_by_content("projects:contacts", contacts_with_project_counts)
        tags = cached_by_content("projects:tags", tags_with_project_counts)
        english = get_language() == "en"
        for tag in tags:
            tag["label"] = (english and tag["name_en"]) or tag["name"]
        self.people = {person["slug"]: person for person in people}
        self.tags = {tag["slug"]: tag for tag in tags}
        # Callables: Django then reads the long lists only when it needs them.
        self.fields["kontakt"].choices = lambda: [
            ("", _("Alle kontaktpersoner")),
            *((p["slug"], f"{p['name']} ({p['project_count']})") for p in people),
        ]
        self.fields["emne"].choices = lambda: [
            ("", _("Alle emner")),
            *((t["slug"], f"{t['label']} ({t['project_count']})") for t in tags),
        ]

    @property
    def contact(self) -> dict | None:
        return self.people.get(self.valid_data.get("kontakt"))

    @property
    def tag(self) -> dict | None:
        return self.tags.get(self.valid_data.get("emne"))

    def filter(self, projects):
        """Narrow a queryset of projects by the valid filters."""
        data = self.valid_data
        if self.contact:
            projects = projects.for_contact(self.contact["pk"])
        if self.tag:
            projects = projects.tagged(self.tag["pk"])
        if data.get("status"):
            projects = projects.with_research_status(data["status"])
        if data.get("q"):
            projects = projects.search(data["q"])
        return projects

    def active_filters(self) -> list[tuple[str, str, str]]:
        """Return (parameter, label, value shown) for each valid filter in use."""
        data = self.valid_data
        active = []
        if data.get("q"):
            active.append(("q", _("Søgning"), data["q"]))
        if self.contact:
            active.append(("kontakt", _("Kontaktperson"), self.contact["name"]))
        if self.tag:
            active.append(("emne", _("Emne"), self.tag["label"]))
        if data.get("status"):
            active.append(("status", _("Status"), ResearchStatus(data["status"]).label))
        return active
