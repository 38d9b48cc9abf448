from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from portal.models import (
    HasSubjects,
    Organisation,
    Person,
    Publishable,
    PublishableQuerySet,
    RichTextField,
    RichTextMixin,
    Tag,
    language_columns,
    prefetch_subjects,
    subject_links,
)
from portal.search import Field, matching
from portal.text import SLUG_ERRORS, check_slug_is_free, unique_slug


class ResearchStatus(models.TextChoices):
    # The stored values are the ones visitors see in filter URLs (?status=…).
    ONGOING = "igangvaerende", _("Igangværende")
    COMPLETED = "afsluttet", _("Afsluttet")


# The searched fields and their weights; projects/migrations/0007 stores them as vectors.
SEARCH_FIELDS = (Field("title", "A"), Field("summary", "B"), Field("body", "C", html=True))


def people_or_subjects(word: str) -> Q:
    """A word also matches a project through a contact's name or a subject."""
    people = ProjectContact.objects.filter(project=OuterRef("pk"), person__name__icontains=word)
    return Q(Exists(people)) | Q(Exists(subject_links(TaggedProject, word)))


class ResearchProjectQuerySet(PublishableQuerySet):
    def for_contact(self, person: Person | int):
        """Return the projects that this person (or person pk) is a contact for."""
        return self.filter(contact_links__person=person)

    def tagged(self, tag: Tag | int):
        return self.filter(tagged_items__tag=tag)

    def with_research_status(self, status: str):
        return self.filter(research_status=status)

    def ongoing(self):
        return self.with_research_status(ResearchStatus.ONGOING)

    def search(self, text: str):
        """Return the projects matching every word of ``text`` (portal.search's engine):
        their own text, or a contact's name, or a subject."""
        return matching(self, text, SEARCH_FIELDS, also=people_or_subjects)

    def card_prefetches(self) -> list:
        """Return the relations a project card shows, for ``prefetch_related``."""
        return [
            Prefetch(
                "contact_links",
                queryset=ProjectContact.objects.public().select_related("person"),
                to_attr="public_contact_links",
            ),
            prefetch_subjects(TaggedProject),
        ]

    def with_list_relations(self):
        """Fetch what a project card shows, in a fixed number of queries; skip the body."""
        return self.defer(*language_columns("body")).prefetch_related(*self.card_prefetches())

    def detail_prefetches(self) -> list:
        """Return the relations a project page shows, for ``prefetch_related``."""
        return [
            *self.card_prefetches(),
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
        ]


class ResearchProject(HasSubjects, RichTextMixin, Publishable):
    """An ongoing or completed research project of the centre ("Nu undersøger vi")."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("kortnavn i adressen"),
        max_length=80,
        unique=True,
        error_messages=SLUG_ERRORS,
        help_text=_(
            "Sidste del af projektets adresse: /nu-undersoeger-vi/kortnavn/. "
            "Udfyldes ud fra titlen."
        ),
    )
    summary = models.TextField(
        _("resumé"), help_text=_("To-tre sætninger, der vises i oversigten."), default=""
    )
    # Under the page's h1, beside the h2s that follow it (partners, themes, activities).
    body = RichTextField(_("brødtekst"), blank=True, default="", heading_levels=(2, 3))
    research_status = models.CharField(
        _("projektstatus"),
        max_length=20,
        choices=ResearchStatus.choices,
        default=ResearchStatus.ONGOING,
        db_index=True,
    )
    start_year = models.PositiveSmallIntegerField(_("startår"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("forventet slutår"), null=True, blank=True)
    contacts = models.ManyToManyField(
        Person,
        through="ProjectContact",
        related_name="research_projects",
        verbose_name=_("kontaktpersoner"),
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="research_projects",
        verbose_name=_("samarbejdspartnere"),
    )
    tags = TaggableManager(
        verbose_name=_("emner"),
        through="TaggedProject",
        blank=True,
        help_text=_("Adskil emner med komma."),
    )

    rich_text_fields = ("body",)

    objects = ResearchProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("forskningsprojekt")
        verbose_name_plural = _("forskningsprojekter")
        ordering = ["-start_year", "title"]
        indexes = [
            # The public list: published projects, newest first.
            models.Index(fields=["status", "-start_year", "title"], name="project_list_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="project_ends_after_it_starts",
                violation_error_message=_("Slutåret kan ikke ligge før startåret."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True) | Q(start_year__range=(1950, 2100)),
                name="project_start_year_plausible",
                violation_error_message=_("Startåret skal ligge mellem 1950 og 2100."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title_da or self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        check_slug_is_free(self.slug)

    @property
    def period(self) -> str:
        """Return the years as visitors read them: "2019–2023", "2021", "fra 2020"."""
        start, end = self.start_year, self.end_year
        if start and end:
            return str(start) if start == end else f"{start}–{end}"
        if start:
            return _("fra %(year)s") % {"year": start}
        if end:
            return _("til %(year)s") % {"year": end}
        return ""


class ProjectContactQuerySet(models.QuerySet):
    def public(self):
        return self.filter(person__is_active=True).order_by("order", "pk")


class ProjectContact(models.Model):
    """A contact person on a project, in order: the first is the main contact."""

    project = models.ForeignKey(
        ResearchProject,
        on_delete=models.CASCADE,
        related_name="contact_links",
        verbose_name=_("forskningsprojekt"),
    )
    # PROTECT: removing a person must not silently strip projects of their contacts.
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="project_links",
        verbose_name=_("medarbejder"),
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    objects = ProjectContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="one_link_per_contact")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.project}"


class TaggedProject(ItemBase):
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="project_items", verbose_name=_("emne")
    )
    content_object = models.ForeignKey(
        ResearchProject,
        on_delete=models.CASCADE,
        related_name="tagged_items",
        verbose_name=_("forskningsprojekt"),
    )

    class Meta:
        verbose_name = _("emne på projekt")
        verbose_name_plural = _("emner på projekter")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="one_tag_per_project")
        ]


def contacts_with_project_counts() -> list[dict]:
    """Return active contacts (pk, slug, name) with their number of published projects."""
    published = ResearchProject.published_condition("project_links__project__")
    return list(
        Person.objects.active()
        .annotate(project_count=Count("project_links", filter=published))
        .filter(project_count__gt=0)
        .order_by("name")
        .values("pk", "slug", "name", "project_count")
    )


def tags_with_project_counts() -> list[dict]:
    """Return the subjects of published projects (pk, slug, names) with project counts."""
    published = ResearchProject.published_condition("project_items__content_object__")
    return list(
        Tag.objects.annotate(project_count=Count("project_items", filter=published))
        .filter(project_count__gt=0)
        .order_by("name")
        .values("pk", "slug", "name", "name_en", "project_count")
    )
