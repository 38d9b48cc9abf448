"""Editors read permission names in Danish, for every model, also models added later."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal

from news.models import NewsArticle
from portal.permissions import name_default_permissions
from projects.models import ResearchProject

pytestmark = pytest.mark.django_db


def names_of(model) -> set[str]:
    content_type = ContentType.objects.get_for_model(model)
    return set(Permission.objects.filter(content_type=content_type).values_list("name", flat=True))


def test_the_default_permissions_have_danish_names():
    assert names_of(ResearchProject) >= {
        "Kan tilføje forskningsprojekt",
        "Kan ændre forskningsprojekt",
        "Kan slette forskningsprojekt",
        "Kan se forskningsprojekt",
    }


def test_no_installed_app_keeps_an_english_permission_name():
    english = Permission.objects.filter(name__startswith="Can ").values_list("name", flat=True)
    assert list(english) == []


def test_other_apps_models_are_named_with_their_danish_names():
    assert Permission.objects.get(codename="add_group").name == "Kan tilføje gruppe"
    assert Permission.objects.get(codename="view_logentry").name == "Kan se logmeddelelse"


def test_permissions_created_by_a_later_migrate_are_named_too():
    content_type = ContentType.objects.get_for_model(NewsArticle)
    Permission.objects.filter(content_type=content_type, codename__startswith="view_").delete()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert Permission.objects.get(codename="view_newsarticle").name == "Kan se nyhed"


def test_naming_again_changes_nothing(django_assert_num_queries):
    news = apps.get_app_config("news")
    with django_assert_num_queries(1):
        assert name_default_permissions(news) == 0


def test_permissions_of_our_own_making_keep_their_names():
    content_type = ContentType.objects.get_for_model(NewsArticle)
    Permission.objects.update_or_create(
        content_type=content_type,
        codename="publish_newsarticle",
        defaults={"name": "Kan udgive nyhed"},
    )
    Permission.objects.filter(codename="add_newsarticle").update(name="Can add nyhed")

    news = apps.get_app_config("news")
    assert name_default_permissions(news) == 1

    assert Permission.objects.get(codename="publish_newsarticle").name == "Kan udgive nyhed"
    assert Permission.objects.get(codename="add_newsarticle").name == "Kan tilføje nyhed"
