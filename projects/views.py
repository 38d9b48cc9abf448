from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from portal.views import CleanQueryMixin, FriendlyPaginationMixin, crumbs, url_without
from projects.forms import ProjectFilterForm
from projects.models import ResearchProject


class ProjectListView(CleanQueryMixin, FriendlyPaginationMixin, ListView):
    template_name = "projects/project_list.html"
    card_template = "includes/project_card.html"
    card_name = "project"
    context_object_name = "projects"
    paginate_by = 12

    def get(self, request, *args, **kwargs):
        self.form = ProjectFilterForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        projects = ResearchProject.objects.published()
        return self.form.filter(projects).with_list_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["active_filters"] = [
            {"label": label, "value": value, "remove_url": url_without(self.request, param)}
            for param, label, value in self.form.active_filters()
        ]
        context["notices"] = self.form.error_notices() + self.notices
        return context


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return ResearchProject.objects.visible_to(self.request.user).with_detail_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs(
            (_("Nu undersøger vi"), reverse("projects:list")), (self.object.title, None)
        )
        # Themes link to projects; the reverse relation keeps this app free of theirs.
        context["themes"] = self.object.themes.published()
        context["activities"] = self.object.activities.published()
        return context


project_list = ProjectListView.as_view()
project_detail = ProjectDetailView.as_view()
