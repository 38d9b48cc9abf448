"""Open data offered by the portal itself: the staff's work contact details."""

from django.utils.translation import gettext_lazy as _

from portal.models import Person
from portal.opendata import EMAIL, TEXT, URL, Dataset, Field


def people():
    """The people on the public staff list, in its order; only the columns exported."""
    return Person.objects.active().order_by("order", "name", "pk")


def person_row(person: Person) -> dict:
    # Only what the person's own public page shows.
    return {
        "slug": person.slug,
        "name": person.name,
        "job_title": person.job_title,
        "email": person.email or None,
        "phone": person.phone_display or None,
        "url": person.get_absolute_url(),
    }


datasets = [
    Dataset(
        slug="medarbejdere",
        title=_("Medarbejdere"),
        description=_(
            "Centrets nuværende medarbejdere med deres arbejdskontaktoplysninger, som de "
            "står på medarbejdernes egne sider. Tidligere medarbejdere er ikke med."
        ),
        fields=(
            Field("slug", TEXT, _("Kort, fast navn, som også står i adressen til personens side.")),
            Field("name", TEXT, _("Fulde navn.")),
            Field("job_title", TEXT, _("Stilling.")),
            Field(
                "email", EMAIL, _("Arbejds-e-mail, hvis den står på personens side; ellers tom.")
            ),
            Field("phone", TEXT, _("Arbejdstelefon, hvis den står på personens side; ellers tom.")),
            Field("url", URL, _("Personens side på hjemmesiden.")),
        ),
        queryset=people,
        row=person_row,
        list_url="portal:person_list",
    )
]
