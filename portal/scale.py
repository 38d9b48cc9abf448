"""Synthetic data at production scale for benchmarks: people, subjects, organisations."""

from portal.models import Organisation, Person, Tag

PEOPLE = 200
TAGS = 120
ORGANISATIONS = 60


def load(rng) -> dict[str, int]:
    Person.objects.bulk_create(
        [
            Person(
                name=f"Skala Person {n}",
                slug=f"skala-person-{n}",
                job_title_da="Konsulent",
                job_title_en="Consultant",
                phone="00000000",
                email=f"skala{n}@example.org",
                bio_da="Arbejder med boligsocial udvikling.",
                order=n,
            )
            for n in range(PEOPLE)
        ]
    )
    Tag.objects.bulk_create(
        [
            Tag(name=f"skalaemne {n}", slug=f"skalaemne-{n}", name_en=f"subject {n}")
            for n in range(TAGS)
        ]
    )
    Organisation.objects.bulk_create(
        [
            Organisation(name=f"Skala Organisation {n}", slug=f"skala-org-{n}")
            for n in range(ORGANISATIONS)
        ]
    )
    return {"people": PEOPLE, "tags": TAGS, "organisations": ORGANISATIONS}
