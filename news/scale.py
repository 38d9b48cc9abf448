"""5,000 published news articles over the last ten years, with two or three subjects each."""

from datetime import timedelta

from django.utils import timezone

from news.models import NewsArticle, TaggedArticle
from portal.models import PublishStatus, Tag

ARTICLES = 5000
DAYS = 365 * 10
LEAD = "Centret har ny viden om boligsocialt arbejde, samarbejde og finansiering i boligområderne."
PARAGRAPH = (
    "Kommuner og boligorganisationer afprøver nye måder at organisere det boligsociale "
    "arbejde på, og centret følger erfaringerne tæt. "
)


def load(rng) -> dict[str, int]:
    tags = list(Tag.objects.filter(slug__startswith="skalaemne-"))
    today = timezone.localdate()
    articles = NewsArticle.objects.bulk_create(
        [
            NewsArticle(
                title_da=f"Skalanyhed {n}: nyt om boligsocialt arbejde",
                title_en=f"Scale news {n}" if n % 2 else "",
                slug=f"skalanyhed-{n}",
                published_on=today - timedelta(days=rng.randrange(DAYS)),
                lead_da=LEAD,
                body_da=f"<p>{PARAGRAPH * 5}</p>" * 4,
                status=PublishStatus.PUBLISHED,
            )
            for n in range(ARTICLES)
        ],
        batch_size=500,
    )
    TaggedArticle.objects.bulk_create(
        [
            TaggedArticle(content_object=article, tag=tag)
            for article in articles
            for tag in rng.sample(tags, rng.choice((2, 3)))
        ],
        batch_size=2000,
    )
    return {"news articles": ARTICLES}
