"""Demo content of "Film": two example films with transcripts written for the demo.

The first tells the facts of seed 003 ("Hvad er boligsociale indsatser?", whose page has
a film with "Læs transskription af videoen"); the second walks through its four focus
areas. No seed gives a provider address, so both point to obvious placeholders.
"""

from datetime import timedelta

from films.models import Film
from portal.demo import upsert
from portal.models import PublishStatus

FILMS = [
    {
        "slug": "hvad-er-boligsociale-indsatser",
        "title_da": "Hvad er boligsociale indsatser?",
        "title_en": "What are social housing efforts?",
        "video_url": "https://www.youtube.com/watch?v=eksempel001",
        "duration": timedelta(minutes=3, seconds=40),
        "on_overview": True,
        "description_da": (
            "<p>En kort film om, hvad en boligsocial indsats er, hvem der står bag, og "
            "hvordan Landsbyggefonden finansierer arbejdet.</p>"
        ),
        "description_en": (
            "<p>A short film on what a social housing effort is, who is behind it and how "
            "the National Building Foundation funds the work.</p>"
        ),
        "transcript_da": (
            "<p><strong>Fortæller:</strong> I mange almene boligområder findes der en "
            "boligsocial indsats. Men hvad er det egentlig?</p>"
            "<p>En boligsocial indsats er et lokalt tilbud, som kommer oven i den velfærd "
            "og den drift, området allerede har. Kommunen, boligorganisationen og "
            "civilsamfundet arbejder sammen om den, tæt på beboerne.</p>"
            "<p>Pengene kommer for det meste fra Landsbyggefonden. Efter § 91a i "
            "almenboligloven kan fonden støtte sociale og forebyggende indsatser i "
            "boligområder med store udfordringer. Siden 2011 har fonden investeret 2,4 "
            "milliarder kroner i boligsociale indsatser.</p>"
            "<p>En indsats løber i fire år og arbejder inden for fire indsatsområder: "
            "uddannelse og livschancer, beskæftigelse, kriminalitetsforebyggelse og "
            "sammenhængskraft og medborgerskab.</p>"
            "<p><strong>Tekst på skærmen:</strong> Læs mere om de fire indsatsområder på "
            "siden om boligsociale indsatser.</p>"
        ),
        "transcript_en": (
            "<p><strong>Narrator:</strong> Many social housing areas have a social housing "
            "effort. But what is it, really?</p>"
            "<p>A social housing effort is a local offer that comes on top of the welfare "
            "services and the day-to-day management the area already has. The "
            "municipality, the housing organisation and civil society run it together, "
            "close to the residents.</p>"
            "<p>Most of the money comes from the National Building Foundation. Under "
            "section 91a of the Social Housing Act, the foundation may support social and "
            "preventive efforts in housing areas with serious problems. Since 2011 it has "
            "invested DKK 2.4 billion in social housing efforts.</p>"
            "<p>An effort runs for four years and works within four focus areas: education "
            "and life chances, employment, crime prevention, and cohesion and "
            "citizenship.</p>"
            "<p><strong>Text on screen:</strong> Read more about the four focus areas on "
            "the page about social housing efforts.</p>"
        ),
        "poster_alt_da": "",
    },
    {
        "slug": "fire-indsatsomraader",
        "title_da": "Fire indsatsområder",
        "title_en": "Four focus areas",
        "video_url": "https://youtu.be/eksempel002",
        "duration": timedelta(minutes=2, seconds=15),
        "on_overview": False,
        "description_da": (
            "<p>De fire indsatsområder, som de boligsociale indsatser arbejder inden for, "
            "og hvad hvert område skal opnå.</p>"
        ),
        "description_en": (
            "<p>The four focus areas of the social housing efforts, and what each of "
            "them sets out to achieve.</p>"
        ),
        "transcript_da": (
            "<p><strong>Fortæller:</strong> De boligsociale indsatser arbejder inden for "
            "fire indsatsområder.</p>"
            "<p>Det første er uddannelse og livschancer: børn og unge skal løftes fagligt, "
            "så flere er klar til skolen, og flere tager en uddannelse.</p>"
            "<p>Det andet er beskæftigelse: flere voksne beboere skal have fodfæste på "
            "arbejdsmarkedet.</p>"
            "<p>Det tredje er kriminalitetsforebyggelse: børn og unge skal støttes i et "
            "liv uden kriminalitet, og boligområderne skal føles trygge.</p>"
            "<p>Det fjerde er sammenhængskraft og medborgerskab: flere skal være en del "
            "af fællesskabet og tage aktivt del i samfundet.</p>"
        ),
        "transcript_en": (
            "<p><strong>Narrator:</strong> The social housing efforts work within four "
            "focus areas.</p>"
            "<p>The first is education and life chances: children and young people are to "
            "be lifted academically, so that more are ready for school and more take an "
            "education.</p>"
            "<p>The second is employment: more adult residents are to gain a foothold in "
            "the labour market.</p>"
            "<p>The third is crime prevention: children and young people are to be "
            "supported in a life without crime, and the housing areas are to feel "
            "safe.</p>"
            "<p>The fourth is cohesion and citizenship: more people are to be part of the "
            "community and take an active part in society.</p>"
        ),
        "poster_alt_da": "",
    },
]


def load() -> dict[str, int]:
    for row in FILMS:
        upsert(Film, "slug", {**row, "status": PublishStatus.PUBLISHED})
    return {"films": len(FILMS)}
