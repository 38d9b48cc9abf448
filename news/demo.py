"""Demo content of "Nyheder": the interview of 15 February 2021 and a few short items."""

from datetime import date

from news.models import NewsArticle
from portal.demo import read, upsert
from portal.models import Person, Tag

# People, projects and themes load first: their apps come before this one in INSTALLED_APPS.


def load() -> dict[str, int]:
    rows = read("news.json")
    for row in rows:
        contacts = row.pop("contacts")
        themes = row.pop("themes")
        projects = row.pop("research_projects")
        tags = row.pop("tags")
        row["published_on"] = date.fromisoformat(row["published_on"])
        article = upsert(NewsArticle, "slug", row)
        article.contacts.set(Person.objects.filter(slug__in=contacts))
        article.themes.set(article.themes.model.objects.filter(slug__in=themes))
        article.research_projects.set(
            article.research_projects.model.objects.filter(slug__in=projects)
        )
        article.tags.set(list(Tag.objects.filter(name__in=tags)))
    return {"news articles": len(rows)}
