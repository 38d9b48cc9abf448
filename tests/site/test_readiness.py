"""/healthz/ready/: the database and the cache both answer, or 503 naming which does not."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_ready_when_the_database_and_the_cache_answer(client):
    response = client.get("/healthz/ready/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "status": "ready"}
    assert response["Cache-Control"] == "no-store"
    assert "X-Page-Cache" not in response.headers


def test_readiness_is_asked_again_every_time(client):
    client.get("/healthz/ready/")
    assert "X-Page-Cache" not in client.get("/healthz/ready/").headers


@pytest.mark.parametrize("method", ["head", "get"])
def test_readiness_answers_safe_methods(client, method):
    assert getattr(client, method)("/healthz/ready/").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete", "options", "trace"])
def test_readiness_refuses_other_methods(client, method):
    assert getattr(client, method)("/healthz/ready/").status_code == 405


def test_readiness_names_the_cache_when_it_fails(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }  # stores nothing: the round trip reads back nothing

    response = client.get("/healthz/ready/")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "database": "ok",
        "cache": "unavailable",
        "status": "unavailable",
    }
    assert response["Cache-Control"] == "no-store"
