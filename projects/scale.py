"""2,000 research projects with several contacts, partners and subjects each."""

from portal.models import Organisation, Person, PublishStatus, Tag
from projects.models import ProjectContact, ResearchProject, ResearchStatus, TaggedProject

PROJECTS = 2000
PARAGRAPH = (
    "Projektet undersøger, hvordan boligsociale indsatser kan styrkes gennem bedre samarbejde "
    "mellem kommune, boligorganisation og beboere. "
)


def load(rng) -> dict[str, int]:
    people = list(Person.objects.filter(slug__startswith="skala-person-"))
    tags = list(Tag.objects.filter(slug__startswith="skalaemne-"))
    organisations = list(Organisation.objects.filter(slug__startswith="skala-org-"))
    projects = ResearchProject.objects.bulk_create(
        [
            ResearchProject(
                title_da=f"Skalaprojekt {n}: boligsocialt arbejde i bevægelse",
                title_en=f"Scale project {n}" if n % 2 else "",
                slug=f"skalaprojekt-{n}",
                summary_da=PARAGRAPH,
                body_da=f"<p>{PARAGRAPH * 6}</p>" * 4,
                status=PublishStatus.PUBLISHED if n % 10 else PublishStatus.DRAFT,
                research_status=ResearchStatus.ONGOING if n % 3 else ResearchStatus.COMPLETED,
                start_year=2015 + n % 10,
                end_year=2020 + n % 10,
            )
            for n in range(PROJECTS)
        ]
    )
    contacts, tagged, partners = [], [], []
    for project in projects:
        for order, person in enumerate(rng.sample(people, 2), start=1):
            contacts.append(ProjectContact(project=project, person=person, order=order))
        tagged += [TaggedProject(content_object=project, tag=t) for t in rng.sample(tags, 4)]
        partners += [
            ResearchProject.partners.through(researchproject=project, organisation=o)
            for o in rng.sample(organisations, 2)
        ]
    ProjectContact.objects.bulk_create(contacts)
    TaggedProject.objects.bulk_create(tagged)
    ResearchProject.partners.through.objects.bulk_create(partners)
    return {"projects": PROJECTS}
