"""Open data: the research projects, as the list "Nu undersøger vi" shows them."""

from django.utils.translation import gettext_lazy as _

from portal.models import language_columns
from portal.opendata import INTEGER, LIST, TEXT, URL, Dataset, Field
from projects.filters import ProjectFilterSet
from projects.models import ResearchProject


def projects():
    """The published projects in the list's order, with their contacts and subjects."""
    published = ResearchProject.objects.published()
    return published.defer(*language_columns("body")).prefetch_related(*published.card_prefetches())


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
        "contacts": [link.person.name for link in project.public_contact_links],
        "subjects": [subject.label for subject in project.subjects],
        "url": project.get_absolute_url(),
        "last_modified": changed.date().isoformat(),
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
        filterset_class=ProjectFilterSet,
        list_url="projects:list",
    )
]
