from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from portal import registry
from portal.seo import page_meta
from portal.views import FriendlyPaginationMixin, StoredBodyMixin, crumbs
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


class ThemeDetailView(StoredBodyMixin, DetailView):
    template_name = "themes/theme_detail.html"
    body_template = "themes/includes/theme_body.html"
    context_object_name = "theme"

    def get_queryset(self):
        return Theme.objects.visible_to(self.request.user).select_related("contact")

    def get_body_context(self) -> dict:
        context = super().get_body_context()
        context["sections"] = self.object.sections.all()
        # Each section may show what it has about the theme (its themes.py).
        theme = self.object
        context["blocks"] = [
            block for provider in registry.values("themes", "block") if (block := provider(theme))
        ]
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs((_("Temaer"), reverse("themes:list")), (self.object.title, None))
        if self.object.hero_image:
            page_meta(context).image = self.object.hero_image.url
        return context


theme_list = ThemeListView.as_view()
theme_detail = ThemeDetailView.as_view()
