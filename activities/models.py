"""The activity catalogue: activities, the welfare staircase and the four focus areas."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, F, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat, Lower, NullIf
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from portal.models import (
    OneRow,
    Publishable,
    PublishableQuerySet,
    RichTextField,
    RichTextMixin,
    Tag,
    subject_links,
)
from portal.search import Field, matching
from portal.text import SLUG_ERRORS, unique_slug
from projects.models import ResearchProject


def in_current_language(field: str):
    """Return an expression for a translated column in the current language, else Danish.

    modeltranslation rewrites ``order_by("name")`` to ``name_en`` without falling back,
    so rows without English would sort first on English pages.
    """
    danish = F(f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}")
    language = (get_language() or "").split("-")[0]
    codes = {code for code, _name in settings.LANGUAGES}
    if language in codes and language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        translated = NullIf(F(f"{field}_{language}"), Value(""))
        return Lower(Coalesce(translated, danish, output_field=models.CharField()))
    return Lower(danish)


def catalogue_url(**params: str) -> str:
    """Return the address of the catalogue filtered by the given parameters."""
    return f"{reverse('activities:list')}?{urlencode(params)}"


class CatalogueTerm(models.Model):
    """A word editors keep in the admin: a focus area, a step, a form, a method …"""

    name = models.CharField(_("navn"), max_length=120)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        error_messages=SLUG_ERRORS,
        help_text=_("Bruges i katalogets adresser, når der filtreres. Udfyldes ud fra navnet."),
    )
    order = models.PositiveSmallIntegerField(
        _("rækkefølge"), default=0, help_text=_("Lavest vises først.")
    )

    # The URL parameter of the catalogue facet this term belongs to.
    catalogue_param = ""

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, "name_da", None) or self.name)
        super().save(*args, **kwargs)

    @property
    def catalogue_url(self) -> str:
        """Return the catalogue filtered by this term."""
        return catalogue_url(**{self.catalogue_param: self.slug})


class FocusArea(CatalogueTerm):
    """One of the four focus areas ("indsatsområder") set by the political agreements."""

    goal = models.TextField(
        _("mål"),
        default="",
        help_text=_("Områdets overordnede mål, som det står i de politiske aftaler."),
    )

    catalogue_param = "indsatsomraade"

    class Meta(CatalogueTerm.Meta):
        verbose_name = _("indsatsområde")
        verbose_name_plural = _("indsatsområder")

    def get_absolute_url(self) -> str:
        return reverse("activities:focus_area", kwargs={"slug": self.slug})


class WelfareStep(CatalogueTerm):
    """A step of the welfare staircase ("velfærdstrappen"), from innovative to evidence-based."""

    order = models.PositiveSmallIntegerField(
        _("trin"),
        unique=True,
        error_messages={"unique": _("Der er allerede et trin med dette nummer.")},
        help_text=_("1 er det nederste trin. Trappen stiger mod de evidensbaserede aktiviteter."),
    )
    description = models.TextField(
        _("beskrivelse"),
        default="",
        help_text=_("Hvilke beboere trinnet handler om, og hvilke aktiviteter der hører til."),
    )
    realistic_goal = models.TextField(
        _("realistisk mål for beboerne"),
        default="",
        help_text=_("Den forandring, man realistisk kan opnå for beboerne på dette trin."),
    )

    catalogue_param = "trin"

    class Meta(CatalogueTerm.Meta):
        verbose_name = _("trin på velfærdstrappen")
        verbose_name_plural = _("velfærdstrappens trin")

    def get_absolute_url(self) -> str:
        return f"{reverse('activities:staircase')}#{self.slug}"


class ActivityForm(CatalogueTerm):
    """How an activity meets residents: one-to-one, in groups, user and professional."""

    catalogue_param = "form"

    class Meta(CatalogueTerm.Meta):
        verbose_name = _("aktivitetsform")
        verbose_name_plural = _("aktivitetsformer")


class TargetGroup(CatalogueTerm):
    catalogue_param = "maalgruppe"

    class Meta(CatalogueTerm.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class Method(CatalogueTerm):
    """A method of housing-related social work, e.g. "samskabelse"."""

    catalogue_param = "metode"

    class Meta(CatalogueTerm.Meta):
        verbose_name = _("metode")
        verbose_name_plural = _("metoder")


# The fixed sections of an activity page, in their fixed order: (field, anchor, heading).
SECTIONS = [
    ("target_group_text", "maalgruppe", _("Målgruppe")),
    ("method_text", "metode", _("Metode")),
    ("implementation", "implementering", _("Implementering")),
    ("evidence", "evidens", _("Effekt og evidens")),
    ("economy", "oekonomi", _("Økonomi og ressourcer")),
]
# Each section's text sits under the section's h2.
SECTION_HEADING_LEVELS = (3, 4)


class SortOrder(models.TextChoices):
    """The catalogue's orders; the stored values are the ones visitors see (?sortering=…)."""

    NAME = "navn", _("Navn")
    STEP = "trin", _("Trin på velfærdstrappen")


class ActivityQuerySet(PublishableQuerySet):
    def on_step(self, step: WelfareStep):
        return self.filter(step=step)

    def in_focus_area(self, area: FocusArea):
        return self.filter(focus_areas=area)

    def with_form(self, form: ActivityForm):
        return self.filter(forms=form)

    def for_target_group(self, group: TargetGroup):
        return self.filter(target_groups=group)

    def with_method(self, method: Method):
        return self.filter(methods=method)

    def facet_counts(
        self, choices: dict[str, "CatalogueTerm"], facets: dict[str, str]
    ) -> dict[str, dict[str, int]]:
        """Return {facet: {term slug: activities}}, each facet counted under the others.

        ``facets`` maps each facet's URL parameter to the activity's relation to its
        terms ({"trin": "step", …}); ``choices`` maps the chosen parameters to their
        terms. Each option counts the activities it would give beside the *other*
        choices. One query for all facets: a UNION ALL of one grouped count per facet.
        """
        parts = []
        for param, relation in facets.items():
            activities = self
            for other, term in choices.items():
                if other != param:
                    activities = activities.filter(**{facets[other]: term})
            parts.append(
                activities.order_by()
                # "facet:slug" in one column tells the facets apart in the combined result.
                .annotate(
                    key=Concat(
                        Value(f"{param}:"), F(f"{relation}__slug"), output_field=models.CharField()
                    )
                )
                .values("key")
                .annotate(activities=Count("pk", distinct=True))
                .values_list("key", "activities")
            )
        counts: dict[str, dict[str, int]] = {param: {} for param in facets}
        for key, number in parts[0].union(*parts[1:], all=True).order_by():
            if key:  # activities without a term in this facet
                param, slug = key.split(":", 1)
                counts[param][slug] = number
        return counts

    def search(self, text: str):
        """Return the activities matching every word of ``text`` (portal.search's engine):
        their own text or a subject."""
        return matching(
            self,
            text,
            Activity.search_fields,
            also=lambda word: Q(Exists(subject_links(TaggedActivity, word))),
        )

    def by_name(self):
        return self.order_by(in_current_language("name"), "pk")

    def by_step(self):
        """Order from the lowest step of the staircase up; activities without a step last."""
        return self.order_by(
            F("step__order").asc(nulls_last=True), in_current_language("name"), "pk"
        )

    def sorted_by(self, order: str):
        return self.by_step() if order == SortOrder.STEP else self.by_name()

    def related_to(self, activity: "Activity", limit: int = 4):
        """Return up to ``limit`` other activities on the same step or in a shared focus
        area, closest first.

        The ranking runs over activity ids alone in a subquery; only the few chosen rows
        are fetched whole (sorting every activity with its long texts was the slowest part
        of an activity page). Reads the activity's focus areas from its prefetch cache.
        """
        area_ids = [area.pk for area in activity.focus_areas.all()]
        chosen = self._ranked_near(activity, area_ids).values("pk")[:limit]
        return self._ranked_near(activity, area_ids).filter(pk__in=Subquery(chosen))

    def _ranked_near(self, activity: "Activity", area_ids: list[int]):
        same_area = Q(focus_areas__in=area_ids)
        return (
            self.exclude(pk=activity.pk)
            .annotate(
                shared_areas=Count("focus_areas", filter=same_area, distinct=True),
                same_step=Count("pk", filter=Q(step_id=activity.step_id), distinct=True)
                if activity.step_id
                else Value(0),
            )
            .filter(Q(shared_areas__gt=0) | Q(same_step__gt=0))
            .order_by("-shared_areas", "-same_step", in_current_language("name"), "pk")
        )

    def card_prefetches(self) -> list:
        """Return the relations an activity card shows, for ``prefetch_related``."""
        return ["focus_areas", "target_groups"]

    def with_list_relations(self):
        """Fetch what an activity card shows, in a fixed number of queries."""
        return self.select_related("step").prefetch_related(*self.card_prefetches())

    def with_compact_relations(self):
        """Fetch what a compact card shows (no target groups): suggestions beside a page."""
        return self.select_related("step").prefetch_related("focus_areas")

    def detail_prefetches(self) -> list:
        """Return the relations an activity page shows, for ``prefetch_related``."""
        return [
            "focus_areas",
            "forms",
            "target_groups",
            "methods",
            "sources",
            "tags",
            Prefetch(
                "research_projects",
                queryset=ResearchProject.objects.published().with_list_relations(),
                to_attr="published_research_projects",
            ),
        ]


class Activity(RichTextMixin, Publishable):
    """An activity in the catalogue, described once under fixed headings."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        error_messages=SLUG_ERRORS,
        help_text=_(
            "Sidste del af aktivitetens adresse: /aktiviteter/kortnavn/. Udfyldes ud fra navnet."
        ),
    )
    summary = models.TextField(
        _("resumé"),
        default="",
        help_text=_("To-tre sætninger, der vises i kataloget."),
    )
    step = models.ForeignKey(
        WelfareStep,
        # PROTECT: a step cannot disappear while activities still stand on it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("trin på velfærdstrappen"),
    )
    focus_areas = models.ManyToManyField(
        FocusArea,
        blank=True,
        related_name="activities",
        verbose_name=_("indsatsområder"),
        help_text=_("En aktivitet kan høre under flere indsatsområder."),
    )
    forms = models.ManyToManyField(
        ActivityForm, blank=True, related_name="activities", verbose_name=_("aktivitetsformer")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="activities", verbose_name=_("målgrupper")
    )
    methods = models.ManyToManyField(
        Method, blank=True, related_name="activities", verbose_name=_("metoder")
    )
    # The five texts below each sit under their own h2 on the activity's page.
    target_group_text = RichTextField(
        _("målgruppe"),
        blank=True,
        default="",
        heading_levels=SECTION_HEADING_LEVELS,
        help_text=_("Hvem aktiviteten er for, og hvordan man når dem."),
    )
    method_text = RichTextField(
        _("metode"),
        blank=True,
        default="",
        heading_levels=SECTION_HEADING_LEVELS,
        help_text=_("Hvad man gør, og hvorfor det virker."),
    )
    implementation = RichTextField(
        _("implementering"),
        blank=True,
        default="",
        heading_levels=SECTION_HEADING_LEVELS,
        help_text=_("Hvad der skal til for at sætte aktiviteten i gang og holde den kørende."),
    )
    evidence = RichTextField(
        _("effekt og evidens"),
        blank=True,
        default="",
        heading_levels=SECTION_HEADING_LEVELS,
        help_text=_("Hvad vi ved om virkningen, og hvor sikker den viden er."),
    )
    economy = RichTextField(
        _("økonomi og ressourcer"),
        blank=True,
        default="",
        heading_levels=SECTION_HEADING_LEVELS,
        help_text=_("Udgifter, medarbejdertimer, lokaler og samarbejdspartnere."),
    )
    # The demo's activities are described in words written for the demo; their pages
    # say "Eksempeltekst" instead of claiming experience from practice.
    text_is_example = models.BooleanField(
        _("eksempeltekst"),
        default=False,
        help_text=_(
            "Sæt hak, når beskrivelsen er skrevet som eksempel og ikke bygger på "
            "erfaringer eller kilder. Siden siger da “Eksempeltekst”."
        ),
    )
    tags = TaggableManager(
        verbose_name=_("emner"),
        through="TaggedActivity",
        blank=True,
        help_text=_("Adskil emner med komma."),
    )
    # The relation lives here so that the projects app need not know about activities.
    research_projects = models.ManyToManyField(
        ResearchProject,
        blank=True,
        related_name="activities",
        verbose_name=_("forskningsprojekter"),
    )

    rich_text_fields = tuple(field for field, _anchor, _heading in SECTIONS)
    # The same fields with their weights; activities/migrations/0005 stores them as vectors.
    search_fields = (
        Field("name", "A"),
        Field("summary", "B"),
        *(Field(name, "C", html=True) for name in rich_text_fields),
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["name"]
        indexes = [
            # The catalogue in Danish name order (ActivityQuerySet.by_name).
            models.Index(F("status"), Lower("name_da"), F("id"), name="activity_catalogue_order"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name_da or self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", kwargs={"slug": self.slug})

    @property
    def sections(self) -> list[dict]:
        """Return the fixed sections in their fixed order, each with anchor, heading and text."""
        return [
            {"anchor": anchor, "heading": heading, "text": getattr(self, field)}
            for field, anchor, heading in SECTIONS
        ]


class Source(models.Model):
    """A publication that documents an activity, listed as a reference."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="sources", verbose_name=_("aktivitet")
    )
    title = models.CharField(_("titel"), max_length=300)
    publisher = models.CharField(
        _("udgiver"), max_length=200, blank=True, default="", help_text=_("Fx VIVE eller CFBU.")
    )
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True, default="")
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("kilde")
        verbose_name_plural = _("kilder")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__range=(1900, 2100)),
                name="source_year_plausible",
                violation_error_message=_("Året skal ligge mellem 1900 og 2100."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


# The overview's first texts, written from the facts of the centre's page "Hvad er
# boligsociale indsatser?"; an editor replaces them in the admin.
FIRST_OVERVIEW = {
    "title_da": "Hvad er boligsociale indsatser?",
    "title_en": "What are social housing efforts?",
    "lead_da": (
        "En boligsocial indsats er et lokalt supplement til den velfærd og den drift, som "
        "et boligområde allerede har. Den bygger på et samarbejde mellem kommunen, "
        "boligorganisationen og civilsamfundet."
    ),
    "lead_en": (
        "A social housing effort is a local addition to the welfare services and the "
        "day-to-day management a housing area already has. It rests on cooperation between "
        "the municipality, the housing organisation and civil society."
    ),
    "body_da": (
        "<h2>Lovgrundlag og finansiering</h2><p>Efter almenboliglovens § 91a kan "
        "Landsbyggefonden give tilskud til en social og forebyggende indsats i boligområder "
        "med store udfordringer, både som boligsociale aktiviteter og som støtte til "
        "huslejen. De overordnede mål for områderne står i politiske aftaler, som "
        "Folketinget har vedtaget. Fonden betaler for de fleste boligsociale indsatser i "
        "områderne og sætter rammerne for dem.</p><h2>Hvem arbejder sammen?</h2><p>Kommuner, "
        "boligorganisationer og civilsamfund arbejder sammen om at møde beboerne tæt på, der "
        "hvor de bor. Derfor går arbejdet på tværs af parterne og ser på beboernes situation "
        "som en helhed. Ofte er lokale foreninger og virksomheder med, og løsningerne bliver "
        "udviklet sammen med beboerne.</p>"
    ),
    "body_en": (
        "<h2>Legal basis and funding</h2><p>Under section 91a of the Social Housing Act, the "
        "National Building Foundation (Landsbyggefonden) may grant funds for social and "
        "preventive work in housing areas with serious problems, both as social housing "
        "activities and as rent support. The overall goals for the areas are set in "
        "political agreements passed by the Danish Parliament. The foundation pays for most "
        "social housing efforts in these areas and sets their framework.</p><h2>Who works "
        "together?</h2><p>Municipalities, housing organisations and civil society work "
        "together to meet residents close to where they live. The work therefore cuts "
        "across the partners and looks at the residents’ situation as a whole. Local "
        "associations and businesses often take part, and solutions are developed together "
        "with the residents.</p>"
    ),
    "areas_intro_da": (
        "Hver indsats er forankret lokalt og løber i fire år. En samarbejdsaftale "
        "fastlægger, hvordan den er organiseret, og hvilke aktiviteter, mål og indikatorer "
        "den har inden for fire overordnede indsatsområder:"
    ),
    "areas_intro_en": (
        "Each effort is rooted locally and runs for four years. A cooperation agreement "
        "sets out how it is organised and which activities, goals and indicators it has "
        "within four overall focus areas:"
    ),
}


class Overview(RichTextMixin, OneRow):
    """The texts of /indsatsomraader/, "Hvad er boligsociale indsatser?": one row.

    Migration 0009 adds the row with ``FIRST_OVERVIEW``; should it be gone, the page
    shows those texts without writing them.
    """

    title = models.CharField(_("overskrift"), max_length=200)
    lead = models.TextField(
        _("indledning"),
        blank=True,
        default="",
        help_text=_("Et kort afsnit under overskriften. Står også i søgemaskinernes resultater."),
    )
    body = RichTextField(
        _("brødtekst"),
        blank=True,
        default="",
        heading_levels=(2, 3),
        help_text=_("Fx lovgrundlaget, finansieringen og hvem der arbejder sammen."),
    )
    areas_intro = models.TextField(
        _("tekst over indsatsområderne"),
        blank=True,
        default="",
        help_text=_("Står over de fire indsatsområder, som siden selv viser."),
    )

    rich_text_fields = ("body",)
    # What the site search reads (activities/search.py); migration 0008 stores the vectors.
    search_fields = (
        Field("title", "A"),
        Field("lead", "B"),
        Field("body", "C", html=True),
        Field("areas_intro", "C"),
    )

    class Meta:
        verbose_name = _("side om boligsociale indsatser")
        verbose_name_plural = _("side om boligsociale indsatser")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:overview")

    @classmethod
    def first_values(cls) -> dict[str, str]:
        return FIRST_OVERVIEW

    @classmethod
    def current(cls) -> "Overview":
        """Return the saved texts, or the first ones (unsaved) when the row is gone."""
        return cls.objects.filter(pk=1).first() or cls(pk=1, **FIRST_OVERVIEW)


class TaggedActivity(ItemBase):
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="activity_items", verbose_name=_("emne")
    )
    content_object = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="tagged_items", verbose_name=_("aktivitet")
    )

    class Meta:
        verbose_name = _("emne på aktivitet")
        verbose_name_plural = _("emner på aktiviteter")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="one_tag_per_activity")
        ]


def catalogue_terms() -> dict[str, dict]:
    """Return {facet parameter: {slug: term}} for every kind of catalogue term."""
    kinds = (FocusArea, WelfareStep, ActivityForm, TargetGroup, Method)
    return {kind.catalogue_param: {t.slug: t for t in kind.objects.all()} for kind in kinds}


STAIRCASE_ACTIVITIES = 15


def steps_with_activities():
    """Return the staircase from the bottom step up, each with its published activities.

    Each step brings its first activities by name and the number of all of them; the
    rest are a click away in the catalogue filtered by the step.
    """
    published = Activity.published_condition("activities__")
    return (
        WelfareStep.objects.order_by("order")
        .annotate(activity_count=Count("activities", filter=published))
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.published().by_name()[:STAIRCASE_ACTIVITIES],
                to_attr="published_activities",
            )
        )
    )
