from django.urls import reverse

from portal.news.models import NewsArticle
from portal.sitemaps import PortalSitemap


class NewsListSitemap(PortalSitemap):
    def items(self):
        return ["news:list"]

    def location(self, item):
        return reverse(item)


class NewsArticleSitemap(PortalSitemap):
    def items(self):
        return (
            NewsArticle.objects.published()
            .defer("body", "body_da", "body_en")
            .order_by("-published_on", "slug")
        )

    def lastmod(self, article):
        return article.updated_at


sitemaps = {"news": NewsListSitemap, "news_article": NewsArticleSitemap}
