from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import Person, Publishable, PublishableQuerySet, RichTextField, RichTextMixin
from portal.text import SLUG_ERRORS, slugify, unique_slug
from projects.models import ResearchProject

READ_MORE_HELP = _(
    "Vises sammenfoldet under “Læs mere”, så læseren selv vælger at åbne den. "
    "Udskrives altid foldet ud."
)

# Ids the theme page or the site's frame already use: an anchor must not clash with them.
RESERVED_ANCHORS = frozenset(
    {"indhold", "footer-contact", "tema-indhold", "tema-kontakt", "tema-projekter"}
)


class ThemeQuerySet(PublishableQuerySet):
    def with_list_relations(self):
        """Fetch what the list of themes shows, in one query."""
        return self.select_related("contact")

    def detail_prefetches(self) -> list:
        """Return what a theme page shows, for ``prefetch_related``.

        Sections come with their items and call-out contacts, and the related projects
        with what a project card shows; draft projects stay off the public page.
        """
        return [
            Prefetch(
                "sections",
                queryset=Section.objects.select_related("contact").prefetch_related("items"),
            ),
            Prefetch(
                "projects",
                queryset=ResearchProject.objects.published().with_list_relations(),
                to_attr="published_projects",
            ),
        ]


class Theme(RichTextMixin, Publishable):
    """A long-form guide made of ordered sections: "Det boligsociale arbejde i bevægelse"."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        blank=True,
        error_messages=SLUG_ERRORS,
        help_text=_("Sidste del af temaets adresse: /temaer/kortnavn/. Udfyldes ud fra titlen."),
    )
    lead = models.TextField(
        _("manchet"),
        help_text=_("En til tre sætninger under titlen. Vises også i oversigten over temaer."),
    )
    # Before the first section's h2 and outside the table of contents: a heading here
    # would be a section the contents do not list, so the intro has none.
    intro = RichTextField(
        _("indledning"),
        blank=True,
        default="",
        heading_levels=(),
        help_text=_("Teksten før temaets afsnit."),
    )
    contact = models.ForeignKey(
        Person,
        # PROTECT: removing a person must not silently leave a theme without its contact.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="themes",
        verbose_name=_("kontaktperson"),
    )
    hero_image = models.ImageField(
        _("topbillede"),
        upload_to="themes/",
        blank=True,
        default="",
        width_field="hero_width",
        height_field="hero_height",
    )
    hero_width = models.PositiveIntegerField(
        _("topbilledets bredde"), null=True, blank=True, editable=False
    )
    hero_height = models.PositiveIntegerField(
        _("topbilledets højde"), null=True, blank=True, editable=False
    )
    hero_alt = models.CharField(
        _("billedtekst til skærmlæsere"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Beskriv, hvad billedet viser, for dem der ikke kan se det."),
    )
    order = models.PositiveIntegerField(
        _("rækkefølge"), default=0, help_text=_("Lave tal vises først i oversigten.")
    )
    projects = models.ManyToManyField(
        ResearchProject,
        blank=True,
        related_name="themes",
        verbose_name=_("forskningsprojekter"),
        help_text=_("Vises nederst på temasiden. Kun udgivne projekter vises for besøgende."),
    )

    rich_text_fields = ("intro",)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title_da or self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("themes:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.hero_image and not (self.hero_alt_da or "").strip():
            raise ValidationError(
                {"hero_alt_da": _("Skriv en billedtekst, så skærmlæsere kan beskrive billedet.")}
            )

    @property
    def public_contact(self) -> Person | None:
        return self.contact if self.contact and self.contact.is_active else None


class SectionKind(models.TextChoices):
    TEXT = "text", _("Tekst")
    TYPOLOGY = "typology", _("Typologi (nummererede punkter)")
    PROCESS = "process", _("Procesmodel (faser i rækkefølge)")
    CALLOUT = "callout", _("Fremhævet boks")


def validate_anchor(value: str) -> None:
    if value in RESERVED_ANCHORS:
        raise ValidationError(
            _("Ankeret “%(value)s” bruges allerede af siden. Vælg et andet."),
            params={"value": value},
            code="reserved",
        )


def free_anchor(text: str, taken: set[str]) -> str:
    """Return a slug of ``text`` for an in-page anchor that is not in ``taken``."""
    base = slugify(text)[:70].strip("-") or "afsnit"
    candidate, counter = base, 2
    while candidate in taken or candidate in RESERVED_ANCHORS:
        candidate = f"{base}-{counter}"
        counter += 1
    return candidate


class Section(RichTextMixin, models.Model):
    """One part of a theme page, with its own heading and place in the table of contents."""

    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="sections", verbose_name=_("tema")
    )
    heading = models.CharField(_("overskrift"), max_length=200)
    anchor = models.SlugField(
        _("anker"),
        max_length=80,
        blank=True,
        validators=[validate_anchor],
        help_text=_(
            "Afsnittets adresse på siden (/temaer/…/#anker). Udfyldes ud fra overskriften. "
            "Ændr det helst ikke, når temaet er udgivet: links til afsnittet holder op med "
            "at virke."
        ),
    )
    kind = models.CharField(
        _("type"),
        max_length=10,
        choices=SectionKind.choices,
        default=SectionKind.TEXT,
        help_text=_(
            "Typologi: punkterne vises som en nummereret liste. Procesmodel: punkterne er "
            "faser og vises trin for trin. Fremhævet boks: til fx “Brug for inspiration?” "
            "med kontaktperson og link."
        ),
    )
    # Under the section's h2, as are its items' h3 titles.
    body = RichTextField(_("tekst"), heading_levels=(3, 4))
    read_more = RichTextField(
        _("læs mere"), blank=True, default="", heading_levels=(3, 4), help_text=READ_MORE_HELP
    )
    contact = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="theme_sections",
        verbose_name=_("kontaktperson"),
        help_text=_("Vises med navn, stilling, telefon og e-mail, typisk i en fremhævet boks."),
    )
    link_url = models.URLField(_("link"), blank=True, default="")
    link_label = models.CharField(
        _("linktekst"),
        max_length=150,
        blank=True,
        default="",
        help_text=_("Fx “Se centrets kommende arrangementer”. Skal udfyldes, hvis der er et link."),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    rich_text_fields = ("body", "read_more")

    class Meta:
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "anchor"],
                name="one_anchor_per_theme",
                violation_error_message=_(
                    "Et andet afsnit i temaet har allerede dette anker. Vælg et andet."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.heading

    def save(self, *args, **kwargs):
        if not self.anchor:
            taken = set(
                Section.objects.filter(theme_id=self.theme_id)
                .exclude(pk=self.pk)
                .values_list("anchor", flat=True)
            )
            self.anchor = free_anchor(self.heading_da or self.heading, taken)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.theme.get_absolute_url()}#{self.anchor}"

    def clean(self):
        super().clean()
        if self.link_url and not (self.link_label_da or "").strip():
            raise ValidationError({"link_label_da": _("Skriv den tekst, linket skal have.")})
        if (self.link_label_da or "").strip() and not self.link_url:
            raise ValidationError({"link_url": _("Skriv adressen, linkteksten skal føre til.")})

    @property
    def public_contact(self) -> Person | None:
        return self.contact if self.contact and self.contact.is_active else None

    @property
    def is_numbered(self) -> bool:
        return self.kind in {SectionKind.TYPOLOGY, SectionKind.PROCESS}


class SectionItem(RichTextMixin, models.Model):
    """A point inside a section: one of three approaches, one phase of a process."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="items", verbose_name=_("afsnit")
    )
    title = models.CharField(_("titel"), max_length=200)
    # Under the item's h3 title.
    body = RichTextField(_("tekst"), heading_levels=(4,))
    read_more = RichTextField(
        _("læs mere"), blank=True, default="", heading_levels=(4,), help_text=READ_MORE_HELP
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    rich_text_fields = ("body", "read_more")

    class Meta:
        verbose_name = _("punkt")
        verbose_name_plural = _("punkter")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title
