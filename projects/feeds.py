"""The Atom feed of "Nu undersøger vi", whole or filtered like the list.

``/nu-undersoeger-vi/feed/?kontakt=<slug>`` holds one contact person's published
projects: the same parameter as the list's filter, so the filtered list page and the
person's page both point to it.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal.feeds import ListFeed, feed_url
from portal.text import html_as_text
from projects.filters import ProjectFilterSet, contacts
from projects.models import ResearchProject


class ProjectFeed(ListFeed):
    model = ResearchProject
    filterset_class = ProjectFilterSet
    list_url_name = "projects:list"
    feed_title = _("Nu undersøger vi")
    subtitle = _("Centrets forskningsprojekter om boligsocialt arbejde.")
    item_order = ("-created_at", "-pk")

    def item_summary(self, project) -> str:
        summary = project.summary.strip()
        return summary or Truncator(html_as_text(project.body)).words(60)


def for_person(person) -> list[dict]:
    """Return the feed of this person's projects when she is a contact on any."""
    if person.slug not in contacts():
        return []
    return [
        {
            "title": _("Projekter med %(name)s") % {"name": person.name},
            "url": feed_url("projects:feed", {"kontakt": person.slug}),
        }
    ]
