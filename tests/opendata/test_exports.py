"""The open data exports: JSON and CSV of the published lists, with the lists' filters."""

import csv
import io
import json

import pytest
from django.core.cache import cache

from activities.models import Activity
from portal.models import Person, PublishStatus
from projects.models import ResearchProject
from tests.activities.factories import (
    ActivityFactory,
    FocusAreaFactory,
    MethodFactory,
    TargetGroupFactory,
    WelfareStepFactory,
)
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

BOM = "\ufeff"


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def get_json(client, path, **params) -> dict:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return json.loads(body(response) if response.streaming else response.content)


def get_csv(client, path, **params) -> tuple[str, list[dict]]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = body(response) if response.streaming else response.content.decode()
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))
    return text, rows


@pytest.fixture
def catalogue():
    area = FocusAreaFactory(name="Uddannelse og livschancer", slug="uddannelse")
    other_area = FocusAreaFactory(name="Kriminalpræventiv indsats", slug="kriminalitet")
    low, high = (
        WelfareStepFactory(name="Forebyggende", slug="forebyggende", order=1),
        (WelfareStepFactory(name="Evidensbaseret", slug="evidens", order=2)),
    )
    group = TargetGroupFactory(name="Børn og unge")
    method = MethodFactory(name="Samskabelse")
    tag = TagFactory(name="lommepenge")
    ActivityFactory(
        name="Lektiecafé for børn",
        summary="Frivillige hjælper med lektier; æ, ø og å er med.",
        step=low,
        focus_areas=[area],
        target_groups=[group],
        methods=[method],
        tags=[tag],
    )
    ActivityFactory(name="Gadeplansarbejde", step=high, focus_areas=[other_area])
    ActivityFactory(name="Kladdeaktivitet", status=PublishStatus.DRAFT, step=low)
    return {"area": area, "low": low}


def test_the_activity_json_is_the_published_catalogue(client, catalogue):
    data = get_json(client, "/data/aktiviteter.json")

    published = Activity.objects.published().order_by("name_da")
    assert data["dataset"] == "aktiviteter"
    assert data["licence"]["name"] == "CC BY 4.0"
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == sorted(
        published.values_list("slug", flat=True),
        key=lambda slug: published.get(slug=slug).name.lower(),
    )
    for item in data["items"]:
        activity = Activity.objects.get(slug=item["slug"])
        assert item["name"] == activity.name
        assert item["summary"] == activity.summary
        assert item["step"] == activity.step.name
        assert item["step_number"] == activity.step.order
        assert item["focus_areas"] == [a.name for a in activity.focus_areas.all()]
        assert item["target_groups"] == [g.name for g in activity.target_groups.all()]
        assert item["methods"] == [m.name for m in activity.methods.all()]
        assert item["subjects"] == [t.name for t in activity.tags.all()]
        assert item["url"] == f"http://testserver{activity.get_absolute_url()}"
    names = [field["name"] for field in data["fields"]]
    assert names == list(data["items"][0])
    types = {field["name"]: field["type"] for field in data["fields"]}
    assert types["step_number"] == "integer"
    assert types["focus_areas"] == "array of strings"
    assert "Kladdeaktivitet" not in json.dumps(data)


def test_the_activity_csv_is_for_danish_excel(client, catalogue):
    text, rows = get_csv(client, "/data/aktiviteter.csv")

    header = text[1:].split("\r\n", 1)[0]
    assert header.startswith("slug;name;summary;step;step_number;")
    assert text.endswith("\r\n")
    assert "æ, ø og å er med" in text
    by_slug = {row["slug"]: row for row in rows}
    lektie = Activity.objects.get(name="Lektiecafé for børn")
    assert by_slug[lektie.slug]["focus_areas"] == "Uddannelse og livschancer"
    assert by_slug[lektie.slug]["subjects"] == "lommepenge"
    assert by_slug[lektie.slug]["step_number"] == "1"
    assert set(by_slug) == set(Activity.objects.published().values_list("slug", flat=True))


def test_a_filter_gives_what_the_html_list_gives(client, catalogue):
    listed = client.get("/aktiviteter/", {"trin": "forebyggende"}).context["paginator"].count
    data = get_json(client, "/data/aktiviteter.json", trin="forebyggende")
    _text, rows = get_csv(client, "/data/aktiviteter.csv", indsatsomraade="uddannelse")

    assert data["count"] == listed == 1
    assert data["filters"] == {"trin": "forebyggende"}
    assert data["source"] == "http://testserver/aktiviteter/?trin=forebyggende"
    assert [row["name"] for row in rows] == ["Lektiecafé for børn"]


def test_the_html_list_links_to_its_export_with_its_filters(client, catalogue):
    page = client.get("/aktiviteter/", {"trin": "forebyggende"}).text

    assert 'href="/data/aktiviteter.csv?trin=forebyggende"' in page
    assert 'href="/data/aktiviteter.json?trin=forebyggende"' in page


@pytest.mark.parametrize(
    "query",
    [
        {"trin": "findes-ikke"},
        {"kontakt": "nogen"},
        {"page": "2"},
        {"trin": "\x00"},
        {"trin": "x" * 5000},
    ],
)
def test_a_bad_filter_is_a_clear_400(client, catalogue, query):
    for fmt in ("json", "csv"):
        response = client.get(f"/data/aktiviteter.{fmt}", query)

        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert "/data/" in response.content.decode()


def test_an_unknown_value_is_named_in_the_message(client, catalogue):
    response = client.get("/data/aktiviteter.csv", {"trin": "himmelstigen"})

    assert "Vi kender ikke trinnet “himmelstigen”" in response.content.decode()


def test_an_unknown_dataset_or_format_is_404(client):
    assert client.get("/data/hemmeligt.json").status_code == 404
    assert client.get("/data/aktiviteter.xlsx").status_code == 404


def test_the_people_filters_are_refused(client):
    assert client.get("/data/medarbejdere.csv", {"q": "x"}).status_code == 400


def test_the_projects_honour_the_contact_filter(client):
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    other = PersonFactory()
    ProjectFactory(title="Helles projekt", contacts=[helle])
    ProjectFactory(title="Andet projekt", contacts=[other])
    ProjectFactory(title="Kladde", contacts=[helle], status=PublishStatus.DRAFT)

    data = get_json(client, "/data/projekter.json", kontakt="helle-nielsen")
    listed = client.get("/nu-undersoeger-vi/", {"kontakt": "helle-nielsen"}).context["paginator"]

    assert [item["title"] for item in data["items"]] == ["Helles projekt"]
    assert data["count"] == listed.count
    assert data["items"][0]["contacts"] == ["Helle Nielsen"]


def test_the_project_export_round_trips(client):
    tag = TagFactory(name="boligområder", name_en="housing areas")
    ProjectFactory(title="Første", start_year=2020, end_year=None, tags=[tag])
    ProjectFactory(title="Anden", start_year=2019, end_year=2022)

    data = get_json(client, "/data/projekter.json")
    _text, rows = get_csv(client, "/data/projekter.csv")

    published = list(ResearchProject.objects.published())
    assert [item["slug"] for item in data["items"]] == [p.slug for p in published]
    for item, row, project in zip(data["items"], rows, published, strict=True):
        assert item["title"] == row["title"] == project.title
        assert item["start_year"] == project.start_year
        assert row["start_year"] == str(project.start_year)
        assert item["end_year"] == project.end_year
        assert row["end_year"] == ("" if project.end_year is None else str(project.end_year))
        assert item["status"] == row["status"] == project.research_status
        assert item["subjects"] == [t.name for t in project.tags.all()]


def test_english_exports_carry_english_texts_and_addresses(client):
    tag = TagFactory(name="boligområder", name_en="housing areas")
    project = ProjectFactory(title_da="Boliger", title_en="Housing", tags=[tag])

    data = get_json(client, "/en/data/projekter.json")

    assert data["language"] == "en"
    assert data["items"][0]["title"] == "Housing"
    assert data["items"][0]["subjects"] == ["housing areas"]
    assert data["items"][0]["url"] == f"http://testserver/en/nu-undersoeger-vi/{project.slug}/"
    assert data["items"][0]["status_label"] == "Ongoing"


def test_people_are_active_only_with_work_contact_fields(client):
    PersonFactory(name="Aktiv Person", email="aktiv@example.org", phone="12345678", bio="Privat")
    PersonFactory(name="Uden Telefon", phone="", email="")
    PersonFactory(name="Stoppet Person", is_active=False)

    data = get_json(client, "/data/medarbejdere.json")

    assert [item["name"] for item in data["items"]] == [
        p.name for p in Person.objects.active().order_by("order", "name")
    ]
    assert "Stoppet Person" not in json.dumps(data)
    assert set(data["items"][0]) == {"slug", "name", "job_title", "email", "phone", "url"}
    first = next(item for item in data["items"] if item["name"] == "Aktiv Person")
    assert first["email"] == "aktiv@example.org"
    assert first["phone"] == "12 34 56 78"
    bare = next(item for item in data["items"] if item["name"] == "Uden Telefon")
    assert bare["email"] is None and bare["phone"] is None


@pytest.mark.parametrize("hostile", ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tskjult"])
def test_cells_a_spreadsheet_would_run_are_neutralised(client, hostile):
    ProjectFactory(title=hostile, summary='Normal tekst; med semikolon og "citat"')

    _text, rows = get_csv(client, "/data/projekter.csv")

    assert rows[0]["title"] == f"'{hostile}"
    assert rows[0]["summary"] == 'Normal tekst; med semikolon og "citat"'
    # JSON carries the text as it is.
    assert get_json(client, "/data/projekter.json")["items"][0]["title"] == hostile


def test_an_export_is_stored_and_a_save_replaces_it(client, catalogue):
    first = client.get("/data/aktiviteter.csv")
    assert first["X-Page-Cache"] == "miss"
    assert first.streaming
    first_text = body(first)

    again = client.get("/data/aktiviteter.csv")
    assert again["X-Page-Cache"] == "hit"
    assert again.content.decode() == first_text
    assert again["Content-Disposition"] == 'attachment; filename="aktiviteter.csv"'

    activity = Activity.objects.get(name="Gadeplansarbejde")
    activity.name = "Gadeplansarbejde i aftentimerne"
    activity.save()

    after = client.get("/data/aktiviteter.csv")
    assert after["X-Page-Cache"] == "miss"
    assert "Gadeplansarbejde i aftentimerne" in body(after)


def test_a_stream_that_outlived_a_save_does_not_replace_the_newer_copy(client, catalogue):
    slow = client.get("/data/aktiviteter.json")
    chunks = iter(slow.streaming_content)
    next(chunks)
    ActivityFactory(name="Ny aktivitet midt i strømmen")
    fresh = client.get("/data/aktiviteter.json")
    assert "Ny aktivitet midt i strømmen" in body(fresh)  # stored under the new version
    list(chunks)  # the slow one ends: it was read before the save

    again = client.get("/data/aktiviteter.json")

    assert again["X-Page-Cache"] == "hit"
    assert "Ny aktivitet midt i strømmen" in again.content.decode()


def test_a_long_export_is_sent_but_not_stored(client, catalogue, monkeypatch):
    monkeypatch.setattr("portal.cache.STREAM_LIMIT", 100)

    body(client.get("/data/aktiviteter.csv"))

    assert client.get("/data/aktiviteter.csv")["X-Page-Cache"] == "miss"


def test_free_text_and_repeated_filters_are_not_stored(client, catalogue):
    variants = [
        "/data/aktiviteter.csv?q=lektie",
        "/data/aktiviteter.csv?trin=evidens&trin=forebyggende",
        # blank free text is no variant of its own either
        "/data/aktiviteter.csv?q=%20",
        "/data/aktiviteter.csv?q=%20%20",
    ]
    for path in variants:
        body(client.get(path))

    for again in map(client.get, variants):
        assert again.streaming
        assert again["Cache-Control"] == "private, no-store"


def test_exports_may_be_read_by_other_sites(client, catalogue):
    response = client.get("/data/aktiviteter.json")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/data/aktiviteter.json?trin=forebyggende", 12),
        ("/data/aktiviteter.csv", 12),
        ("/data/projekter.json?kontakt=helle-nielsen", 12),
        ("/data/projekter.csv", 12),
        ("/data/medarbejdere.json", 12),
    ],
)
def test_exports_read_a_fixed_number_of_queries_at_scale(
    client, django_assert_max_num_queries, path, most
):
    """2,000 projects and 1,000 activities, as manage.py load_scale makes them."""
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    steps = [WelfareStepFactory(slug="forebyggende"), WelfareStepFactory()]
    areas = [FocusAreaFactory(), FocusAreaFactory()]
    groups, methods = [TargetGroupFactory()], [MethodFactory()]
    tags = [TagFactory(), TagFactory()]
    ResearchProject.objects.bulk_create(
        ResearchProject(
            title=f"Projekt {n}",
            slug=f"skala-projekt-{n}",
            status=PublishStatus.PUBLISHED,
            start_year=2000 + n % 20,
        )
        for n in range(2000)
    )
    projects = list(ResearchProject.objects.all())
    ResearchProject.contacts.through.objects.bulk_create(
        ResearchProject.contacts.through(project=p, person=helle, order=1) for p in projects[::3]
    )
    ResearchProject.tags.through.objects.bulk_create(
        ResearchProject.tags.through(content_object=p, tag=tags[n % 2])
        for n, p in enumerate(projects)
    )
    Activity.objects.bulk_create(
        Activity(
            name=f"Aktivitet {n}",
            slug=f"skala-aktivitet-{n}",
            status=PublishStatus.PUBLISHED,
            step=steps[n % 2],
        )
        for n in range(1000)
    )
    activities = list(Activity.objects.all())
    for relation, terms in (
        (Activity.focus_areas, areas),
        (Activity.target_groups, groups),
        (Activity.methods, methods),
    ):
        through = relation.through
        column = relation.field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(activity=a, **{column: terms[n % len(terms)]}) for n, a in enumerate(activities)
        )
    Activity.tags.through.objects.bulk_create(
        Activity.tags.through(content_object=a, tag=tags[0]) for a in activities
    )
    cache.clear()

    with django_assert_max_num_queries(most):
        response = client.get(path)
        text = body(response)

    assert response.status_code == 200
    if path.startswith("/data/projekter.json?"):
        assert json.loads(text)["count"] == len(projects[::3])


def test_rows_read_in_several_chunks_keep_their_relations(client, catalogue, monkeypatch):
    whole = get_json(client, "/data/aktiviteter.json")["items"]
    cache.clear()
    monkeypatch.setattr("portal.opendata.CHUNK", 1)

    chunked = get_json(client, "/data/aktiviteter.json")["items"]

    assert chunked == whole
    assert any(item["focus_areas"] and item["subjects"] for item in chunked)


def test_the_project_and_staff_lists_link_to_their_exports(client):
    helle = PersonFactory(name="Helle Nielsen", slug="helle-nielsen")
    ProjectFactory(contacts=[helle])

    projects = client.get("/nu-undersoeger-vi/", {"kontakt": "helle-nielsen"}).text
    staff = client.get("/en/medarbejdere/").text

    assert 'href="/data/projekter.csv?kontakt=helle-nielsen"' in projects
    assert 'href="/en/data/medarbejdere.json"' in staff


def test_head_is_answered_and_other_methods_are_refused(client, catalogue):
    assert client.head("/data/aktiviteter.csv").status_code == 200
    assert client.post("/data/aktiviteter.csv").status_code == 405


def test_a_change_just_after_danish_midnight_is_dated_by_the_danish_day(client):
    import datetime

    project = ProjectFactory()
    utc_evening = datetime.datetime(2027, 3, 3, 23, 30, tzinfo=datetime.UTC)  # 00.30 in Denmark
    ResearchProject.objects.filter(pk=project.pk).update(updated_at=utc_evening, publish_from=None)

    data = get_json(client, "/data/projekter.json")

    assert [item["last_modified"] for item in data["items"]] == ["2027-03-04"]
