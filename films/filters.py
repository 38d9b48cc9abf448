from django.utils.translation import gettext_lazy as _

from portal.filters import ListFilterSet


class FilmFilterSet(ListFilterSet):
    """The list of films has the free text only."""

    search_label = _("Søg i filmene")
