import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from portal.models import (
    HasSubjects,
    Person,
    Publishable,
    PublishableQuerySet,
    PublishStatus,
    RichTextField,
    RichTextMixin,
    Tag,
    language_columns,
    prefetch_subjects,
)
from portal.search import Field, matching
from portal.text import SLUG_ERRORS, check_slug_is_free, unique_slug
from projects.models import ResearchProject
from themes.models import Theme

# The searched fields and their weights; news/migrations/0006 stores them as vectors.
SEARCH_FIELDS = (Field("title", "A"), Field("lead", "B"), Field("body", "C", html=True))


class NewsArticleQuerySet(PublishableQuerySet):
    def tagged(self, tag: Tag | int):
        return self.filter(tagged_items__tag=tag)

    def from_year(self, year: int):
        return self.filter(published_on__year=year)

    def search(self, text: str):
        """Return the articles with every word of ``text`` in the title, lead or body."""
        return matching(self, text, SEARCH_FIELDS)

    def card_prefetches(self) -> list:
        """Return the relations an article card shows, for ``prefetch_related``."""
        return [prefetch_subjects(TaggedArticle)]

    def with_list_relations(self):
        """Fetch what the list shows in a fixed number of queries; skip the body."""
        return self.defer(*language_columns("body")).prefetch_related(*self.card_prefetches())

    def detail_prefetches(self) -> list:
        """Return what an article page shows: subjects, active contacts, published
        relations (the related apps' own published() rules decide what visitors follow)."""
        return [
            *self.card_prefetches(),
            Prefetch("contacts", queryset=Person.objects.active(), to_attr="public_contacts"),
            Prefetch(
                "themes",
                queryset=Theme.objects.published().order_by("title"),
                to_attr="published_themes",
            ),
            Prefetch(
                "research_projects",
                queryset=ResearchProject.objects.published()
                .defer(*language_columns("body"))
                .order_by("title"),
                to_attr="published_projects",
            ),
        ]


class NewsArticle(HasSubjects, RichTextMixin, Publishable):
    """A news item from the centre ("Nyheder"): a short text or an interview."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        blank=True,
        error_messages=SLUG_ERRORS,
        help_text=_("Sidste del af nyhedens adresse: /nyheder/kortnavn/. Udfyldes ud fra titlen."),
    )
    published_on = models.DateField(
        _("dato"),
        default=timezone.localdate,
        help_text=_(
            "Datoen, som besøgende ser ved nyheden. En udgivet nyhed med en dato ude i "
            "fremtiden vises først fra den dag."
        ),
    )
    lead = models.TextField(
        _("manchet"),
        help_text=_("En til tre sætninger under titlen. Vises også i oversigten over nyheder."),
    )
    # Under the article's h1, before the h2s "Læs mere" and "Emner".
    body = RichTextField(_("brødtekst"), heading_levels=(2, 3))
    image = models.ImageField(
        _("billede"),
        upload_to="news/",
        blank=True,
        default="",
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(
        _("billedets bredde"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("billedets højde"), null=True, blank=True, editable=False
    )
    image_alt = models.CharField(
        _("billedtekst til skærmlæsere"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Beskriv, hvad billedet viser, for dem der ikke kan se det."),
    )
    contacts = models.ManyToManyField(
        Person,
        blank=True,
        related_name="news_articles",
        verbose_name=_("kontaktpersoner"),
    )
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="news_articles",
        verbose_name=_("temaer"),
        help_text=_("Vises under nyheden. Kun udgivne temaer vises for besøgende."),
    )
    research_projects = models.ManyToManyField(
        ResearchProject,
        blank=True,
        related_name="news_articles",
        verbose_name=_("forskningsprojekter"),
        help_text=_("Vises under nyheden. Kun udgivne projekter vises for besøgende."),
    )
    tags = TaggableManager(
        verbose_name=_("emner"),
        through="TaggedArticle",
        blank=True,
        help_text=_("Adskil emner med komma."),
    )

    rich_text_fields = ("body",)

    objects = NewsArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("nyhed")
        verbose_name_plural = _("nyheder")
        ordering = ["-published_on", "-pk"]
        indexes = [
            # The public list: published articles, newest first.
            models.Index(fields=["status", "-published_on", "-id"], name="news_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title_da or self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        check_slug_is_free(self.slug)
        if self.image and not (self.image_alt_da or "").strip():
            raise ValidationError(
                {"image_alt_da": _("Skriv en billedtekst, så skærmlæsere kan beskrive billedet.")}
            )

    @classmethod
    def published_condition(cls, prefix: str = "") -> Q:
        """Published, inside its window, and dated today or earlier."""
        return super().published_condition(prefix) & Q(
            **{f"{prefix}published_on__lte": timezone.localdate()}
        )

    @property
    def is_published(self) -> bool:
        return super().is_published and self.published_on <= timezone.localdate()

    def goes_live_at(self):
        """The later of its "vises fra" and the start of its date (local midnight)."""
        day = timezone.make_aware(datetime.datetime.combine(self.published_on, datetime.time.min))
        moments = [moment for moment in (self.publish_from, day) if moment is not None]
        moment = max(moments)
        return moment if moment > timezone.now() else None

    @property
    def is_scheduled(self) -> bool:
        """Return True when the article is published but dated in the future."""
        return self.status == PublishStatus.PUBLISHED and self.published_on > timezone.localdate()


class TaggedArticle(ItemBase):
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="news_items", verbose_name=_("emne")
    )
    content_object = models.ForeignKey(
        NewsArticle, on_delete=models.CASCADE, related_name="tagged_items", verbose_name=_("nyhed")
    )

    class Meta:
        verbose_name = _("emne på nyhed")
        verbose_name_plural = _("emner på nyheder")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="one_tag_per_article")
        ]


def tags_with_article_counts() -> list[dict]:
    """Return the subjects of public articles (pk, slug, names) with article counts."""
    public = NewsArticle.published_condition("news_items__content_object__")
    return list(
        Tag.objects.annotate(article_count=Count("news_items", filter=public))
        .filter(article_count__gt=0)
        .order_by("name")
        .values("pk", "slug", "name", "name_en", "article_count")
    )


def years_with_article_counts() -> list[dict]:
    """Return the years with public articles, newest first, with article counts."""
    return list(
        NewsArticle.objects.published()
        .annotate(year=ExtractYear("published_on"))
        .values("year")
        .annotate(article_count=Count("pk"))
        .order_by("-year")
    )
