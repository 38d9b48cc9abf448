"""Site-wide search: each app answers for its own content in its ``search.py``.

An app's ``search(text, limit)`` returns a SearchGroup. The search page asks every app
in the registry's order, so a new section is searchable once it has that module; the
people, which belong to the portal itself, come first.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from portal import registry

MAX_WORDS = 8


@dataclass
class SearchHit:
    title: str
    url: str
    summary: str = ""
    meta: str = ""


@dataclass
class SearchGroup:
    label: str
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    more_url: str = ""

    @classmethod
    def of(cls, label: str, found, limit: int, hit, more_url: str = "") -> "SearchGroup":
        """Return a section's group: how many ``found`` has, and its first as hits."""
        return cls(label, found.count(), [hit(obj) for obj in found[:limit]], more_url)


def words(text: str) -> list[str]:
    return text.split()[:MAX_WORDS]


def matching_every_word(text: str, fields: list[str], also=None) -> Q:
    """Return a Q where every word occurs in one of the fields, in either language.

    A field named with a trailing ``*`` is translated: modeltranslation does not fall
    back between languages inside queries, so each language column is searched by name.
    ``also(word)`` may add other ways for a word to match (a contact's name, a subject).
    """
    query = Q()
    for word in words(text):
        any_field = also(word) if also else Q()
        for name in fields:
            if name.endswith("*"):
                for code, _label in settings.LANGUAGES:
                    any_field |= Q(**{f"{name[:-1]}_{code}__icontains": word})
            else:
                any_field |= Q(**{f"{name}__icontains": word})
        query &= any_field
    return query


def search(text: str, limit: int) -> SearchGroup:
    """Search the people: name and job title."""
    from django.utils.translation import gettext

    from portal.models import Person

    people = Person.objects.active().filter(matching_every_word(text, ["name", "job_title*"]))
    return SearchGroup.of(
        gettext("Medarbejdere"),
        people,
        limit,
        lambda p: SearchHit(title=p.name, url=p.get_absolute_url(), meta=p.job_title),
    )


def search_everything(text: str, limit: int = 5) -> list[SearchGroup]:
    providers = registry.values("search", "search")
    return [group for provider in providers if (group := provider(text, limit)).total]
