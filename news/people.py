"""What the news app shows on a person's page (see portal.registry)."""

from news.models import NewsArticle


def block(person) -> dict | None:
    articles = list(
        NewsArticle.objects.published().filter(contacts=person).with_list_relations()[:5]
    )
    return {"template": "news/person_block.html", "articles": articles} if articles else None
