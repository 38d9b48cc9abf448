"""Events ("Arrangementer"): when, where, how to sign up, and what they are about.

Editors give a date and, unless the event lasts all day, a time: as they read them in
Copenhagen. On save the event's moments are worked out in Europe/Copenhagen
(``starts_at``/``ends_at``, stored in UTC), so daylight-saving changes are handled once,
here, and lists and calendar files compare instants.

An event counts as *upcoming* until it ends: a seminar from 13:00 to 15:00 is listed
under "Kommende arrangementer" until 15:00 and under "Tidligere arrangementer" after.
Its end is a schedule edge (``schedule_edges``), so stored pages turn over at that
moment, not at midnight.
"""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Prefetch, Q, Value, When
from django.db.models.functions import ExtractYear
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.models import (
    Person,
    Publishable,
    PublishableQuerySet,
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
    Field("lead", "B"),
    Field("place", "B", translated=False),
    Field("description", "C", html=True),
)
# The events happen in Denmark; their times are read on Copenhagen's clock.
EVENT_ZONE = ZoneInfo("Europe/Copenhagen")


def local_moment(day: datetime.date, time: datetime.time | None) -> datetime.datetime:
    """Return ``day`` at ``time`` (midnight when None) in Copenhagen, as an aware moment."""
    return datetime.datetime.combine(day, time or datetime.time.min, tzinfo=EVENT_ZONE)


def exists_in_copenhagen(day: datetime.date, time: datetime.time) -> bool:
    """Tell whether the clock in Copenhagen shows ``time`` on ``day``: not in the hour
    skipped when summer time begins (02:00–03:00 on the last Sunday of March)."""
    moment = local_moment(day, time)
    back = moment.astimezone(datetime.UTC).astimezone(EVENT_ZONE)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def event_moments(start_date, start_time, end_date, end_time):
    """Return (starts_at, ends_at) for an event's dates and times.

    An event without an end time ends at the close of its last day (midnight after it):
    an all-day event, or one whose end the editor left open.
    """
    last_day = end_date or start_date
    starts_at = local_moment(start_date, start_time)
    if end_time is not None:
        ends_at = local_moment(last_day, end_time)
    else:
        ends_at = local_moment(last_day + datetime.timedelta(days=1), None)
    return starts_at, ends_at


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet (those under way included)."""
        return self.filter(ends_at__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())

    def in_list_order(self, now=None):
        """Upcoming events first, the soonest at the top; then past events, newest first."""
        now = now or timezone.now()
        is_upcoming = Q(ends_at__gt=now)
        return self.annotate(
            upcoming_first=Case(When(is_upcoming, then=Value(0)), default=Value(1)),
            soonest=Case(When(is_upcoming, then="starts_at"), default=None),
            newest=Case(When(is_upcoming, then=None), default="starts_at"),
        ).order_by("upcoming_first", "soonest", "-newest", "pk")

    def about_theme(self, theme: Theme | int):
        return self.filter(themes=theme)

    def from_year(self, year: int):
        return self.filter(start_date__year=year)

    def search(self, text: str):
        """Return the events with every word of ``text`` in the title, description or place."""
        return matching(self, text, SEARCH_FIELDS)

    def card_prefetches(self) -> list:
        """Return the relations an event card shows, for ``prefetch_related``."""
        return []

    def with_list_relations(self):
        """Fetch what the list shows; skip the description."""
        return self.defer(*language_columns("description"))

    def detail_prefetches(self) -> list:
        """Return what an event page shows: active contacts and published relations."""
        return [
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


class Event(RichTextMixin, Publishable):
    """An event the centre holds or takes part in: a seminar, a network meeting, a webinar."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        blank=True,
        error_messages=SLUG_ERRORS,
        help_text=_(
            "Sidste del af arrangementets adresse: /arrangementer/kortnavn/. "
            "Udfyldes ud fra titlen."
        ),
    )
    start_date = models.DateField(_("dato"), help_text=_("Den dag, arrangementet begynder."))
    start_time = models.TimeField(
        _("starttidspunkt"),
        null=True,
        blank=True,
        help_text=_("Dansk tid. Tomt: arrangementet varer hele dagen."),
    )
    end_date = models.DateField(
        _("slutdato"),
        null=True,
        blank=True,
        help_text=_("Kun hvis arrangementet varer mere end én dag."),
    )
    end_time = models.TimeField(
        _("sluttidspunkt"), null=True, blank=True, help_text=_("Dansk tid.")
    )
    # Worked out from the dates and times above on each save (see event_moments).
    starts_at = models.DateTimeField(_("begynder"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("slutter"), editable=False, db_index=True)
    place = models.CharField(
        _("sted"),
        max_length=250,
        help_text=_("Adressen, fx “Vesterbrogade 1, 1620 København V”, eller “Online”."),
    )
    lead = models.TextField(
        _("manchet"),
        blank=True,
        default="",
        help_text=_(
            "En til to sætninger under titlen. Vises også i oversigten. "
            "Tomt: oversigten viser kun tid og sted."
        ),
    )
    description = RichTextField(_("beskrivelse"), heading_levels=(2, 3))
    signup_url = models.URLField(
        _("link til tilmelding"),
        blank=True,
        default="",
        help_text=_("Tomt: arrangementet kræver ikke tilmelding."),
    )
    signup_deadline = models.DateField(
        _("tilmeldingsfrist"),
        null=True,
        blank=True,
        help_text=_("Den sidste dag, man kan tilmelde sig."),
    )
    contacts = models.ManyToManyField(
        Person, blank=True, related_name="events", verbose_name=_("kontaktpersoner")
    )
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="events",
        verbose_name=_("temaer"),
        help_text=_("Arrangementet vises på temaets side. Kun udgivne temaer vises for besøgende."),
    )
    research_projects = models.ManyToManyField(
        ResearchProject,
        blank=True,
        related_name="events",
        verbose_name=_("forskningsprojekter"),
        help_text=_("Vises under arrangementet. Kun udgivne projekter vises for besøgende."),
    )

    # Calendar files' SEQUENCE (RFC 5545): one more each time the time or place changes,
    # so a calendar that imported the event takes the new file as the newer version.
    sequence = models.PositiveIntegerField(_("version i kalenderfiler"), default=0, editable=False)

    rich_text_fields = ("description",)
    # The moment an event ends moves it from the upcoming to the past (portal.cache).
    schedule_edges = ("ends_at",)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title_da or self.title)
        self.set_moments()
        super().save(*args, **kwargs)

    def set_moments(self) -> None:
        self.starts_at, self.ends_at = event_moments(
            self.start_date, self.start_time, self.end_date, self.end_time
        )

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.start_date is None:
            return
        if self.end_time is not None and self.start_time is None:
            raise ValidationError(
                {
                    "start_time": _(
                        "Skriv et starttidspunkt, når arrangementet har et sluttidspunkt."
                    )
                }
            )
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatoen ligger før datoen.")})
        skipped = _(
            "Klokken %(time)s findes ikke den %(date)s: den nat stilles urene frem fra "
            "2.00 til 3.00. Vælg et andet tidspunkt."
        )
        for name, day, time in (
            ("start_time", self.start_date, self.start_time),
            ("end_time", self.end_date or self.start_date, self.end_time),
        ):
            if time is not None and not exists_in_copenhagen(day, time):
                raise ValidationError(
                    {
                        name: skipped
                        % {"time": time.strftime("%H.%M"), "date": date_format(day, "DATE_FORMAT")}
                    }
                )
        if self.start_time is not None and self.end_time is not None:
            starts_at, ends_at = event_moments(
                self.start_date, self.start_time, self.end_date, self.end_time
            )
            if ends_at <= starts_at:
                raise ValidationError({"end_time": _("Arrangementet slutter, før det begynder.")})
        if self.signup_deadline is not None and not self.signup_url:
            raise ValidationError(
                {"signup_url": _("Skriv linket til tilmelding, når der er en tilmeldingsfrist.")}
            )

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def spans_days(self) -> bool:
        return self.last_day != self.start_date

    @property
    def is_upcoming(self) -> bool:
        return self.ends_at > timezone.now()

    @property
    def signup_closed(self) -> bool:
        """True once the sign-up deadline (a whole day, Danish time) has passed."""
        return self.signup_deadline is not None and self.signup_deadline < timezone.localdate(
            timezone=EVENT_ZONE
        )

    @property
    def description_text(self) -> str:
        """The description as plain text (calendar files, feeds, search hits)."""
        return html_as_text(self.description)


def themes_with_event_counts() -> list[dict]:
    """Return the published themes that have public events (pk, slug, titles, count)."""
    public = Event.published_condition("events__")
    return list(
        Theme.objects.published()
        .annotate(event_count=Count("events", filter=public))
        .filter(event_count__gt=0)
        .order_by("title")
        .values("pk", "slug", "title_da", "title_en", "event_count")
    )


def years_with_event_counts() -> list[dict]:
    """Return the years with public events, newest first, with event counts."""
    return list(
        Event.objects.published()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(event_count=Count("pk"))
        .order_by("-year")
    )


# What a calendar calls a new version of the event: another time or another place.
MOVING_FIELDS = ("starts_at", "ends_at", "place")


@receiver(pre_save, sender=Event, dispatch_uid="events.calendar_sequence")
def count_calendar_versions(sender, instance: Event, raw: bool = False, **kwargs) -> None:
    """Raise ``sequence`` by one when a save moves the event; never let it fall.

    A receiver rather than ``save()``: restoring a version (django-reversion writes the
    stored row, its old ``sequence`` included) and publishing a draft pass it too.
    """
    if instance.pk is None:
        return
    saved = sender.objects.filter(pk=instance.pk).values(*MOVING_FIELDS, "sequence").first()
    if saved is None:
        return
    highest = max(instance.sequence, saved["sequence"])
    moved = any(saved[name] != getattr(instance, name) for name in MOVING_FIELDS)
    instance.sequence = highest + 1 if moved else highest
