from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.models import Activity
from films.video import VIMEO, YOUTUBE, Video, parse_video_url, validate_video_url
from portal.models import (
    Publishable,
    PublishableQuerySet,
    PublishStatus,
    RichTextField,
    RichTextMixin,
    language_columns,
)
from portal.search import Field, matching
from portal.text import SLUG_ERRORS, html_as_text, unique_slug
from projects.models import ResearchProject
from themes.models import Theme

SEARCH_FIELDS = (
    Field("title", "A"),
    Field("description", "B", html=True),
    Field("transcript", "C", html=True),
)


class Provider(models.TextChoices):
    YOUTUBE = YOUTUBE, "YouTube"
    VIMEO = VIMEO, "Vimeo"


def has_text(html: str | None) -> bool:
    """Tell whether rich text holds any words (an editor's empty paragraph holds none)."""
    return bool(html_as_text(html or "").strip())  # entities too: "&#160;", "&nbsp;"


class FilmQuerySet(PublishableQuerySet):
    def search(self, text: str):
        """Return the films with every word of ``text`` in the title, description or transcript."""
        return matching(self, text, SEARCH_FIELDS)

    def card_prefetches(self) -> list:
        return []

    def with_list_relations(self):
        """What a film card shows, in one query: everything but the transcript."""
        return self.defer(*language_columns("transcript"))

    def detail_prefetches(self) -> list:
        """Return what a film page shows: the published themes, projects and activities."""
        return [
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
            Prefetch(
                "activities",
                queryset=Activity.objects.published().only("slug", *language_columns("name")),
                to_attr="published_activities",
            ),
        ]


class Film(RichTextMixin, Publishable):
    """A film with its transcript ("Film"), played from YouTube or Vimeo on request only."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        blank=True,
        error_messages=SLUG_ERRORS,
        help_text=_("Sidste del af filmens adresse: /film/kortnavn/. Udfyldes ud fra titlen."),
    )
    video_url = models.URLField(
        _("adresse hos YouTube eller Vimeo"),
        max_length=300,
        validators=[validate_video_url],
        help_text=_(
            "Filmens adresse, som den står i browseren hos YouTube eller Vimeo. Filmen "
            "hentes først fra tjenesten, når en besøgende trykker på “Afspil film”."
        ),
    )
    provider = models.CharField(
        _("tjeneste"), max_length=10, choices=Provider.choices, editable=False, default=""
    )
    video_id = models.CharField(_("filmens id"), max_length=20, editable=False, default="")
    duration = models.DurationField(
        _("varighed"),
        null=True,
        blank=True,
        help_text=_("Minutter og sekunder, fx 4:30. Timer skrives foran: 1:05:00."),
    )
    description = RichTextField(
        _("beskrivelse"),
        heading_levels=(),
        help_text=_("Hvad filmen handler om, i et par sætninger. Vises også i oversigten."),
    )
    # Under the page's h2 "Transskription": h3 is the highest heading inside it.
    transcript = RichTextField(
        _("transskription"),
        heading_levels=(3,),
        blank=True,
        default="",
        help_text=_(
            "Alt, hvad der bliver sagt i filmen, og hvad der vises af tekst. Filmen kan "
            "først udgives, når transskriptionen findes på dansk."
        ),
    )
    poster = models.ImageField(
        _("stillbillede"),
        upload_to="films/",
        blank=True,
        default="",
        width_field="poster_width",
        height_field="poster_height",
        help_text=_("Vises i stedet for filmen, indtil den besøgende vælger at afspille den."),
    )
    poster_width = models.PositiveIntegerField(
        _("billedets bredde"), null=True, blank=True, editable=False
    )
    poster_height = models.PositiveIntegerField(
        _("billedets højde"), null=True, blank=True, editable=False
    )
    poster_alt = models.CharField(
        _("billedtekst til skærmlæsere"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Beskriv, hvad billedet viser, for dem der ikke kan se det."),
    )
    on_overview = models.BooleanField(
        _("vis på siden om boligsociale indsatser"),
        default=False,
        help_text=_(
            "Den nyeste udgivne film med dette valg vises med sin transskription på "
            "siden /indsatsomraader/."
        ),
    )
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="films",
        verbose_name=_("temaer"),
        help_text=_("Vises under filmen. Kun udgivne temaer vises for besøgende."),
    )
    research_projects = models.ManyToManyField(
        ResearchProject,
        blank=True,
        related_name="films",
        verbose_name=_("forskningsprojekter"),
        help_text=_("Vises under filmen. Kun udgivne projekter vises for besøgende."),
    )
    activities = models.ManyToManyField(
        Activity,
        blank=True,
        related_name="films",
        verbose_name=_("aktiviteter"),
        help_text=_("Vises under filmen. Kun udgivne aktiviteter vises for besøgende."),
    )

    rich_text_fields = ("description", "transcript")

    objects = FilmQuerySet.as_manager()

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("film")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title_da or self.title)
        video = parse_video_url(self.video_url)
        self.provider, self.video_id = (video.provider, video.video_id) if video else ("", "")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("films:detail", kwargs={"slug": self.slug})

    @property
    def video(self) -> Video | None:
        if self.provider and self.video_id:
            return Video(self.provider, self.video_id)
        return parse_video_url(self.video_url)

    @property
    def has_danish_transcript(self) -> bool:
        return has_text(self.transcript_da)

    def clean(self):
        super().clean()
        errors = {}
        if self.poster and not (self.poster_alt_da or "").strip():
            errors["poster_alt_da"] = _(
                "Skriv en billedtekst, så skærmlæsere kan beskrive billedet."
            )
        if self.status == PublishStatus.PUBLISHED and not self.has_danish_transcript:
            errors["transcript_da"] = _(
                "En film kan først udgives, når den har en transskription på dansk. "
                "Skriv transskriptionen, eller gem filmen som kladde."
            )
        if errors:
            raise ValidationError(errors)

    def _duration_parts(self) -> tuple[int, int, int]:
        total = max(int(self.duration.total_seconds()), 0) if self.duration else 0
        hours, rest = divmod(total, 3600)
        return (hours, *divmod(rest, 60))

    @property
    def duration_iso(self) -> str:
        """The duration as ISO 8601 ("PT4M30S"), for ``<time datetime>``; "" if none."""
        parts = zip(self._duration_parts(), "HMS", strict=True)
        found = "".join(f"{value}{unit}" for value, unit in parts if value)
        return f"PT{found}" if found else ""

    @property
    def duration_label(self) -> str:
        """The duration in words: "4 min. 30 sek." ("4 min 30 s")."""
        hours, minutes, seconds = self._duration_parts()
        parts = []
        if hours:
            parts.append(ngettext("%(count)d time", "%(count)d timer", hours) % {"count": hours})
        if minutes:
            parts.append(_("%(count)d min.") % {"count": minutes})
        if seconds:
            parts.append(_("%(count)d sek.") % {"count": seconds})
        return " ".join(parts)
