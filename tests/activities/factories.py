import factory

from activities.models import (
    Activity,
    ActivityForm,
    FocusArea,
    Method,
    Overview,
    Source,
    TargetGroup,
    WelfareStep,
)
from portal.models import PublishStatus


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Indsatsområde {n}")
    slug = factory.Sequence(lambda n: f"indsatsomraade-{n}")
    goal = "Flere beboere er en del af fællesskabet."
    order = factory.Sequence(lambda n: n)


class WelfareStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WelfareStep
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Trin {n}")
    slug = factory.Sequence(lambda n: f"trin-{n}")
    order = factory.Sequence(lambda n: n + 1)
    description = "Hvem trinnet handler om."
    realistic_goal = "Hvad beboerne realistisk kan opnå."


class ActivityFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityForm
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Form {n}")
    slug = factory.Sequence(lambda n: f"form-{n}")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Målgruppe {n}")
    slug = factory.Sequence(lambda n: f"maalgruppe-{n}")


class MethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Method
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Metode {n}")
    slug = factory.Sequence(lambda n: f"metode-{n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    """A published activity. ``focus_areas=[…]``, ``forms=[…]`` etc. add relations."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Aktivitet {n}")
    slug = factory.Sequence(lambda n: f"aktivitet-{n}")
    summary = "Et kort resumé af aktiviteten."
    status = PublishStatus.PUBLISHED
    target_group_text = "Hvem aktiviteten er for."
    method_text = "Hvad man gør."
    implementation = "Hvordan man kommer i gang."
    evidence = "Hvad vi ved om effekten."
    economy = "Hvad det koster."

    @factory.post_generation
    def focus_areas(self, create, areas, **kwargs):
        if areas:
            self.focus_areas.set(areas)

    @factory.post_generation
    def forms(self, create, forms, **kwargs):
        if forms:
            self.forms.set(forms)

    @factory.post_generation
    def target_groups(self, create, groups, **kwargs):
        if groups:
            self.target_groups.set(groups)

    @factory.post_generation
    def methods(self, create, methods, **kwargs):
        if methods:
            self.methods.set(methods)

    @factory.post_generation
    def tags(self, create, tags, **kwargs):
        if tags:
            self.tags.add(*tags)

    @factory.post_generation
    def research_projects(self, create, projects, **kwargs):
        if projects:
            self.research_projects.set(projects)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    activity = factory.SubFactory(ActivityFactory)
    title = factory.Sequence(lambda n: f"Rapport {n}")
    publisher = "VIVE"
    year = 2020
    url = "https://example.org/rapport.pdf"


class OverviewFactory(factory.django.DjangoModelFactory):
    """The one page "Hvad er boligsociale indsatser?" (saving always makes row 1)."""

    class Meta:
        model = Overview

    title = "Hvad er boligsociale indsatser?"
    lead = "En indsats er et lokalt supplement."
    body = "<h2>Lovgrundlag</h2><p>Almenboliglovens § 91a.</p>"
    areas_intro = "Fire områder:"
    # No English unless a test writes it (the migration's row has the first texts).
    title_en = ""
    lead_en = ""
    body_en = ""
    areas_intro_en = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The row may exist already (migration 0009): the factory's texts replace its own.
        overview, _created = model_class.objects.update_or_create(pk=1, defaults=kwargs)
        return overview
