"""Open data: the research projects, as the list "Nu undersøger vi" shows them."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.models import language_columns
from portal.opendata import INTEGER, LIST, TEXT, URL, Dataset, Field
from projects.filters import ProjectFilterSet
from projects.models import ProjectContact, ResearchProject, TaggedProject


def projects():
    """The published projects in the list's order, without their long text."""
    return ResearchProject.objects.published().defer(*language_columns("body"))


def with_people_and_subjects(chunk: list[ResearchProject]) -> None:
    """Give each project of a chunk its public contacts and its subjects: two queries of
    values, not model instances (two thousand projects have thousands of links)."""
    ids = [project.pk for project in chunk]
    contacts: dict[int, list[str]] = {pk: [] for pk in ids}
    people = ProjectContact.objects.public().filter(project_id__in=ids)
    for project_id, name in people.values_list("project_id", "person__name"):
        contacts[project_id].append(name)
    english = get_language() == "en"
    subjects: dict[int, list[str]] = {pk: [] for pk in ids}
    links = (
        TaggedProject.objects.filter(content_object_id__in=ids)
        .order_by("tag__name", "pk")
        .values_list("content_object_id", "tag__name", "tag__name_en")
    )
    for project_id, name, name_en in links:
        subjects[project_id].append((english and name_en) or name)
    for project in chunk:
        project.export_contacts = contacts[project.pk]
        project.export_subjects = subjects[project.pk]


def project_row(project: ResearchProject) -> dict:
    changed = max(filter(None, (project.updated_at, project.publish_from)))
    return {
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "status": project.research_status,
        "status_label": str(project.get_research_status_display()),
        "start_year": project.start_year,
        "end_year": project.end_year,
        "contacts": project.export_contacts,
        "subjects": project.export_subjects,
        "url": project.get_absolute_url(),
        "last_modified": timezone.localdate(changed).isoformat(),
    }


datasets = [
    Dataset(
        slug="projekter",
        title=_("Forskningsprojekter"),
        description=_(
            "Centrets igangværende og afsluttede forskningsprojekter fra listen “Nu undersøger vi”."
        ),
        fields=(
            Field("slug", TEXT, _("Kort, fast navn, som også står i projektets adresse.")),
            Field("title", TEXT, _("Projektets titel.")),
            Field("summary", TEXT, _("Resumé på to-tre sætninger.")),
            Field("status", TEXT, _("“igangvaerende” eller “afsluttet”, som i filteret ?status=.")),
            Field("status_label", TEXT, _("Status, som den står på siden.")),
            Field("start_year", INTEGER, _("Startår; tomt, hvis det ikke er kendt.")),
            Field("end_year", INTEGER, _("Forventet slutår; tomt, hvis det ikke er kendt.")),
            Field("contacts", LIST, _("Kontaktpersonernes navne, hovedkontakten først.")),
            Field("subjects", LIST, _("Emner.")),
            Field("url", URL, _("Projektets side på hjemmesiden.")),
            Field("last_modified", TEXT, _("Dato for seneste ændring (ÅÅÅÅ-MM-DD).")),
        ),
        queryset=projects,
        row=project_row,
        prepare=with_people_and_subjects,
        filterset_class=ProjectFilterSet,
        list_url="projects:list",
    )
]
