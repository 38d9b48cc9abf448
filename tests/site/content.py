"""Each section's list and detail pages, described once for the site-wide tests.

Several checks are the same for every section: odd input, English fallbacks, drafts.
They run over these tables, so a new section gets them by adding a row here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory
from tests.events.factories import EventFactory
from tests.films.factories import FilmFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory


@dataclass(frozen=True)
class Listing:
    """A paginated list page: its route and the name the template gives its rows."""

    route: str
    rows: str
    # Filter parameter → the notice an unknown value gets, with {} for the value.
    messages: dict[str, str] = field(default_factory=dict)
    # A valid filter that leaves fewer rows than the whole list (with ``listed_content``).
    narrowing: tuple[str, str] | None = None

    def __str__(self) -> str:
        return self.route


PROJECTS = Listing(
    "projects:list",
    "projects",
    messages={
        "kontakt": "Vi kender ikke kontaktpersonen “{}”. Vælg en fra listen.",
        "emne": "Vi kender ikke emnet “{}”. Vælg et fra listen.",
        "status": "Status “{}” findes ikke. Vælg igangværende eller afsluttede projekter.",
    },
    narrowing=("kontakt", "mette-fabricius-madsen"),
)
ACTIVITIES = Listing(
    "activities:list",
    "activities",
    messages={
        "trin": "Vi kender ikke trinnet “{}”. Vælg et trin fra listen.",
        "indsatsomraade": "Vi kender ikke indsatsområdet “{}”. Vælg et fra listen.",
        "form": "Vi kender ikke aktivitetsformen “{}”. Vælg en fra listen.",
        "maalgruppe": "Vi kender ikke målgruppen “{}”. Vælg en fra listen.",
        "metode": "Vi kender ikke metoden “{}”. Vælg en fra listen.",
        "sortering": "Vi kan ikke sortere efter “{}”. Aktiviteterne står efter navn.",
    },
    narrowing=("trin", "evidens"),
)
NEWS = Listing(
    "news:list",
    "articles",
    messages={
        "emne": "Vi kender ikke emnet “{}”. Vælg et fra listen.",
        "aar": "Vi har ingen nyheder fra året “{}”. Vælg et år fra listen.",
    },
    narrowing=("emne", "finansiering"),
)
EVENTS = Listing(
    "events:list",
    "events",
    messages={
        "tema": "Vi kender ikke temaet “{}”. Vælg et fra listen.",
        "aar": "Vi har ingen arrangementer fra året “{}”. Vælg et år fra listen.",
    },
    narrowing=("tema", "tema-med-arrangementer"),
)
THEMES = Listing("themes:list", "themes")
PEOPLE = Listing("portal:person_list", "people")
FILMS = Listing("films:list", "films")

LISTINGS = [PROJECTS, ACTIVITIES, NEWS, EVENTS, THEMES, PEOPLE, FILMS]
FILTERED_LISTINGS = [listing for listing in LISTINGS if listing.messages]
FILTERS = [(listing, param) for listing in FILTERED_LISTINGS for param in listing.messages]


def listed_content() -> None:
    """Three published rows on every list; the ``narrowing`` filter keeps two of them."""
    mette = PersonFactory(name="Mette Fabricius Madsen", slug="mette-fabricius-madsen")
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    PersonFactory(name="Rikke Engly Mygind", slug="rikke-engly-mygind")
    money = TagFactory(name="finansiering", slug="finansiering")

    ProjectFactory.create_batch(2, contacts=[mette], tags=[money])
    ProjectFactory(contacts=[helle])

    area = FocusAreaFactory(name="Beskæftigelse", slug="beskaeftigelse")
    step = WelfareStepFactory(name="Evidensbaserede aktiviteter", slug="evidens")
    ActivityFactory(name="Fritidsjob", step=step, focus_areas=[area])
    ActivityFactory(name="Mentorordninger", step=step, focus_areas=[area])
    ActivityFactory(name="Fællesspisning")

    NewsArticleFactory.create_batch(2, published_on=datetime.date(2021, 2, 15), tags=[money])
    NewsArticleFactory(published_on=datetime.date(2020, 1, 1))

    FilmFactory.create_batch(3)
    ThemeFactory.create_batch(2)
    theme = ThemeFactory(slug="tema-med-arrangementer")
    EventFactory.create_batch(2, themes=[theme])
    EventFactory()


@dataclass(frozen=True)
class Detail:
    """A page of one thing: where it is mounted, and how to make one."""

    name: str
    prefix: str  # the Danish address up to the slug
    make: Callable  # make(**fields) returns a saved, visible instance
    title: str  # the field the page's <h1> shows
    lead: str | None = None  # the translated field the page shows as <p class="lead">
    # The list page that shows these as cards; a section with drafts has one.
    listing: Listing | None = None

    def __str__(self) -> str:
        return self.name


PROJECT = Detail("project", "/nu-undersoeger-vi/", ProjectFactory, "title", "summary", PROJECTS)
ACTIVITY = Detail("activity", "/aktiviteter/", ActivityFactory, "name", "summary", ACTIVITIES)
ARTICLE = Detail("article", "/nyheder/", NewsArticleFactory, "title", "lead", NEWS)
EVENT = Detail("event", "/arrangementer/", EventFactory, "title", "lead", EVENTS)
THEME = Detail("theme", "/temaer/", ThemeFactory, "title", "lead", THEMES)
FOCUS_AREA = Detail("focus area", "/indsatsomraader/", FocusAreaFactory, "name")
PERSON = Detail("person", "/medarbejdere/", PersonFactory, "name")
# The description is rich text (no <p class="lead">): the language checks of films are
# in tests/films/.
FILM = Detail("film", "/film/", FilmFactory, "title")

DETAILS = [PROJECT, ACTIVITY, ARTICLE, EVENT, THEME, FOCUS_AREA, PERSON, FILM]
# Editorial content: drafts, translated titles and leads, a list of cards.
PUBLISHABLE_DETAILS = [detail for detail in DETAILS if detail.listing]
