from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from films.filters import FilmFilterSet
from films.models import Film
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
        return context


film_list = FilmListView.as_view()
film_detail = FilmDetailView.as_view()
