from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from portal.views import FilteredListView, StoredBodyMixin, crumbs
from projects.filters import ProjectFilterSet
from projects.models import ResearchProject


class ProjectListView(FilteredListView):
    feed_url_name = "projects:feed"
    feed_title = _("Nu undersøger vi (Atom-feed)")
    model = ResearchProject
    filterset_class = ProjectFilterSet
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    card_template = "includes/project_card.html"
    card_name = "project"


class ProjectDetailView(StoredBodyMixin, DetailView):
    template_name = "projects/project_detail.html"
    body_template = "projects/includes/project_body.html"
    context_object_name = "project"

    def get_queryset(self):
        return ResearchProject.objects.visible_to(self.request.user)

    def get_body_context(self) -> dict:
        return {
            **super().get_body_context(),
            # Themes and activities link to projects; the reverse relations keep this
            # app free of theirs.
            "themes": self.object.themes.published(),
            "activities": self.object.activities.published(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs(
            (_("Nu undersøger vi"), reverse("projects:list")), (self.object.title, None)
        )
        return context


project_list = ProjectListView.as_view()
project_detail = ProjectDetailView.as_view()
