from news.models import NewsArticle
from portal.sitemaps import NamedPagesSitemap, PublishedSitemap

sitemaps = {
    "news": NamedPagesSitemap("news:list"),
    "news_article": PublishedSitemap(NewsArticle, "-published_on", "slug"),
}
