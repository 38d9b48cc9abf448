from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from portal.news.forms import NewsFilterForm
from portal.news.models import NewsArticle
from portal.views import CleanQueryMixin, FriendlyPaginationMixin, crumbs, url_without


class NewsListView(CleanQueryMixin, FriendlyPaginationMixin, ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    card_template = "news/includes/article_card.html"
    card_name = "article"
    paginate_by = 12

    def get(self, request, *args, **kwargs):
        self.form = NewsFilterForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        articles = NewsArticle.objects.published()
        return self.form.filter(articles).with_list_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["active_filters"] = [
            {"label": label, "value": value, "remove_url": url_without(self.request, param)}
            for param, label, value in self.form.active_filters()
        ]
        context["notices"] = self.form.error_notices() + self.notices
        return context


class NewsDetailView(DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return NewsArticle.objects.visible_to(self.request.user).with_detail_relations()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs((_("Nyheder"), reverse("news:list")), (self.object.title, None))
        return context


article_list = NewsListView.as_view()
article_detail = NewsDetailView.as_view()
