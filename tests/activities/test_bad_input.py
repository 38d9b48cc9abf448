"""Odd, hostile and oversized input on the catalogue gets an answer, never a crash."""

import pytest
from django.urls import reverse

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("activities:list")


def names(response) -> list[str]:
    return sorted(activity.name for activity in response.context["activities"])


@pytest.fixture(autouse=True)
def some_activities():
    area = FocusAreaFactory(name="Beskæftigelse", slug="beskaeftigelse")
    step = WelfareStepFactory(name="Evidensbaserede aktiviteter", slug="evidens")
    ActivityFactory(name="Fritidsjob", step=step, focus_areas=[area])
    ActivityFactory(name="Lektiecafé")
    ActivityFactory(name="Fællesspisning")


def test_unknown_step_gets_a_clear_danish_message_and_all_activities(client):
    response = client.get(LIST_URL, {"trin": "ukendt"})

    assert response.status_code == 200
    assert "Vi kender ikke trinnet “ukendt”. Vælg et trin fra listen." in response.text
    assert len(names(response)) == 3


def test_script_in_focus_area_is_escaped_not_run(client):
    response = client.get(LIST_URL, {"indsatsomraade": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "Vi kender ikke indsatsområdet “&lt;script&gt;alert(1)&lt;/script&gt;”" in (
        response.text
    )


@pytest.mark.parametrize(
    ("param", "message"),
    [
        ("form", "Vi kender ikke aktivitetsformen “x”."),
        ("maalgruppe", "Vi kender ikke målgruppen “x”."),
        ("metode", "Vi kender ikke metoden “x”."),
        ("sortering", "Vi kan ikke sortere efter “x”. Aktiviteterne står efter navn."),
    ],
)
def test_every_unknown_value_gets_its_own_message(client, param, message):
    response = client.get(LIST_URL, {param: "x"})

    assert response.status_code == 200
    assert message in response.text
    assert len(names(response)) == 3


def test_an_unknown_value_is_ignored_while_valid_ones_still_apply(client):
    response = client.get(LIST_URL, {"trin": "ukendt", "indsatsomraade": "beskaeftigelse"})

    assert names(response) == ["Fritidsjob"]
    assert response.context["notices"]


def test_repeated_parameters_use_the_last_value(client):
    response = client.get(f"{LIST_URL}?trin=ukendt&trin=evidens")

    assert names(response) == ["Fritidsjob"]
    assert not response.context["notices"]


def test_empty_parameters_are_redirected_away(client):
    response = client.get(f"{LIST_URL}?trin=&indsatsomraade=&q=")

    assert response.status_code == 302
    assert response["Location"] == LIST_URL


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Sidetallet “abc” forstod vi ikke. Her er side 1."),
        ("99999", "Side 99999 findes ikke. Her er den sidste side, side 1."),
        ("-1", "Sidetallet “-1” forstod vi ikke."),
    ],
)
def test_odd_page_numbers_show_a_page_and_say_why(client, page, message):
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 200
    assert message in response.text
    assert response.context["page_obj"].number == 1


def test_a_very_long_search_is_refused_politely(client):
    response = client.get(LIST_URL, {"q": "x" * 5000})

    assert response.status_code == 200
    assert "Søgeteksten er for lang. Skriv højst 200 tegn." in response.text
    assert len(names(response)) == 3


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "trin=%00",
        "indsatsomraade=%FF%FE",
        "metode=%0D%0ASet-Cookie:x=1",
        "q=' OR 1=1 --",
        "q=%25%25%25_",
        "page=%00",
        "sortering=trin&sortering=",
        "unknown=1&form=",
        "maalgruppe=" + "a" * 5000,
    ],
)
def test_hostile_query_strings_never_break_the_page(client, query):
    response = client.get(f"{LIST_URL}?{query}", follow=True)

    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/aktiviteter/findes-ikke/",
        "/aktiviteter/%3Cscript%3E/",
        "/indsatsomraader/findes-ikke/",
        "/indsatsomraader/%3Cscript%3E/",
    ],
)
def test_unknown_addresses_are_a_404_in_the_site_design(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert "<script>" not in response.text
