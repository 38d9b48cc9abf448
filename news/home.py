from news.models import NewsArticle


def block() -> dict | None:
    articles = list(NewsArticle.objects.published().with_list_relations()[:3])
    return {"template": "news/home_block.html", "articles": articles} if articles else None
