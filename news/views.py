from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from news.filters import NewsFilterSet
from news.models import NewsArticle
from portal.context_processors import centre
from portal.seo import absolute, organization, page_meta
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
        self.describe_article(page_meta(context), self.object)
        return context

    def describe_article(self, meta, article) -> None:
        meta.type = "article"
        publisher = organization(centre(), self.request)
        facts = {
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.lead,
            "datePublished": article.published_on.isoformat(),
            "dateModified": article.updated_at.isoformat(),
            "mainEntityOfPage": absolute(self.request, article.get_absolute_url()),
            "author": publisher,
            "publisher": publisher,
        }
        if article.image:
            meta.image = article.image.url
            facts["image"] = [absolute(self.request, meta.image)]
        meta.jsonld.append(facts)


article_list = NewsListView.as_view()
article_detail = NewsDetailView.as_view()
