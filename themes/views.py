from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from portal.views import FriendlyPaginationMixin, crumbs
from themes.models import Theme


class ThemeListView(FriendlyPaginationMixin, ListView):
    template_name = "themes/theme_list.html"
    context_object_name = "themes"

    def get_queryset(self):
        return Theme.objects.published().with_list_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notices"] = self.notices
        return context


class ThemeDetailView(DetailView):
    template_name = "themes/theme_detail.html"
    context_object_name = "theme"

    def get_queryset(self):
        return Theme.objects.visible_to(self.request.user).with_page_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = self.object.sections.all()
        context["crumbs"] = crumbs((_("Temaer"), reverse("themes:list")), (self.object.title, None))
        return context


theme_list = ThemeListView.as_view()
theme_detail = ThemeDetailView.as_view()
