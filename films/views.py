from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from films.filters import FilmFilterSet
from films.models import Film
from portal.seo import absolute, page_meta
from portal.text import html_as_text
from portal.views import FilteredListView, StoredBodyMixin, crumbs


class FilmListView(FilteredListView):
    model = Film
    filterset_class = FilmFilterSet
    template_name = "films/film_list.html"
    context_object_name = "films"
    card_template = "films/includes/film_card.html"
    card_name = "film"


class FilmDetailView(StoredBodyMixin, DetailView):
    template_name = "films/film_detail.html"
    body_template = "films/includes/film_body.html"
    context_object_name = "film"

    def get_queryset(self):
        return Film.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs((_("Film"), reverse("films:list")), (self.object.title, None))
        self.describe_film(page_meta(context), self.object)
        return context

    def describe_film(self, meta, film: Film) -> None:
        """schema.org's VideoObject, with the poster as its picture (and the link
        preview's). No player address: the page names the provider only in its link."""
        description = html_as_text(film.description)
        meta.type = "video.other"
        if description:
            meta.description = description
        facts = {
            "@type": "VideoObject",
            "name": film.title,
            "description": description or film.title,
            "uploadDate": (film.publish_from or film.created_at).isoformat(),
            "url": absolute(self.request, film.get_absolute_url()),
        }
        if film.duration_iso:
            facts["duration"] = film.duration_iso
        if film.poster:
            meta.image = film.poster.url
            facts["thumbnailUrl"] = [absolute(self.request, meta.image)]
        meta.jsonld.append(facts)


film_list = FilmListView.as_view()
film_detail = FilmDetailView.as_view()
