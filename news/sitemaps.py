from news.models import NewsArticle
from portal.sitemaps import NamedPagesSitemap, PortalSitemap


class NewsArticleSitemap(PortalSitemap):
    def items(self):
        return (
            NewsArticle.objects.published()
            .defer("body", "body_da", "body_en")
            .order_by("-published_on", "slug")
        )

    def lastmod(self, article):
        return article.updated_at


sitemaps = {"news": NamedPagesSitemap("news:list"), "news_article": NewsArticleSitemap}
