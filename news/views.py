from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from news.filters import NewsFilterSet
from news.models import NewsArticle
from portal.views import FilteredListView, StoredBodyMixin, crumbs


class NewsListView(FilteredListView):
    feed_url_name = "news:feed"
    feed_title = _("Nyheder (Atom-feed)")
    model = NewsArticle
    filterset_class = NewsFilterSet
    template_name = "news/article_list.html"
    context_object_name = "articles"
    card_template = "news/includes/article_card.html"
    card_name = "article"


class NewsDetailView(StoredBodyMixin, DetailView):
    template_name = "news/article_detail.html"
    body_template = "news/includes/article_body.html"
    context_object_name = "article"

    def get_queryset(self):
        return NewsArticle.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["crumbs"] = crumbs((_("Nyheder"), reverse("news:list")), (self.object.title, None))
        return context


article_list = NewsListView.as_view()
article_detail = NewsDetailView.as_view()
