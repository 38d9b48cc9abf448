"""Demo content of "Nu undersøger vi": the centre's research projects."""

from portal.demo import read, upsert
from portal.models import Organisation, Person, Tag
from projects.models import ProjectContact, ResearchProject


def load() -> dict[str, int]:
    rows = read("projects.json")
    for row in rows:
        contacts = row.pop("contacts")
        partners = row.pop("partners")
        tags = row.pop("tags")
        project = upsert(ResearchProject, "slug", row)
        project.contact_links.exclude(person__slug__in=contacts).delete()
        for order, slug in enumerate(contacts, start=1):
            ProjectContact.objects.update_or_create(
                project=project, person=Person.objects.get(slug=slug), defaults={"order": order}
            )
        project.partners.set(Organisation.objects.filter(name__in=partners))
        project.tags.set(list(Tag.objects.filter(name__in=tags)))
    return {"projects": len(rows)}
