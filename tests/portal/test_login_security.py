"""The admin's login resists guessing; passwords, sessions and its address are strict."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.roles import EDITOR, setup_roles
from portal.settings import admin_path

pytestmark = pytest.mark.django_db

PASSWORD = "en-rigtig-god-adgangskode"
ATTACKER, OFFICE = "203.0.113.9", "198.51.100.20"


@pytest.fixture
def staff():
    User = get_user_model()
    User.objects.create_user("redaktoer", "r@example.org", PASSWORD, is_staff=True)
    User.objects.create_user("kollega", "k@example.org", PASSWORD, is_staff=True)


def log_in(username, password, address, client=None):
    client = client or Client()
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("admin:index")


def guess(times, username="redaktoer", address=ATTACKER):
    return [log_in(username, f"forkert-{n}", address) for n in range(times)]


def test_thirty_wrong_passwords_lock_the_account_with_a_danish_message(staff):
    answers = guess(30)

    assert [a.status_code for a in answers[:4]] == [200] * 4  # the form again, with an error
    assert {a.status_code for a in answers[4:]} == {429}
    locked = log_in("redaktoer", PASSWORD, ATTACKER)
    assert locked.status_code == 429
    assert not logged_in(locked)
    text = locked.content.decode()
    assert "Login er spærret for dette brugernavn og fra denne adresse i 15 minutter" in text
    assert 'lang="da"' in text
    assert "Account locked" not in text


def test_a_locked_login_is_refused_before_the_form_runs(staff):
    # In a login flood nearly every attempt is locked: each must cost as little as can be.
    guess(5)
    failures = []

    def failed(**kwargs):
        failures.append(kwargs)

    user_login_failed.connect(failed)
    try:
        answer = log_in("kollega", PASSWORD, ATTACKER)
    finally:
        user_login_failed.disconnect(failed)

    assert answer.status_code == 429
    assert failures == []  # no authentication was tried
    assert [t.name for t in answer.templates if t.name.startswith("admin/login")] == [
        "admin/login_locked.html"
    ]


def test_the_lock_holds_for_the_name_from_any_address_and_for_the_address(staff):
    guess(5)

    assert log_in("redaktoer", PASSWORD, OFFICE).status_code == 429  # the user name
    assert log_in("kollega", PASSWORD, ATTACKER).status_code == 429  # the address
    assert logged_in(log_in("kollega", PASSWORD, OFFICE))  # neither: unaffected


def test_four_failures_do_not_lock_and_a_success_starts_the_count_again(staff):
    guess(4)
    assert logged_in(log_in("redaktoer", PASSWORD, ATTACKER))

    guess(4)
    assert logged_in(log_in("redaktoer", PASSWORD, ATTACKER))


def test_a_login_of_ones_own_does_not_clear_the_guesses_at_a_colleagues(staff):
    for _ in range(7):
        guess(4, "redaktoer")
        log_in("kollega", PASSWORD, ATTACKER)

    assert log_in("redaktoer", PASSWORD, OFFICE).status_code == 429
    assert log_in("redaktoer", PASSWORD, ATTACKER).status_code == 429


def test_successful_logins_and_their_addresses_are_not_recorded(staff):
    from axes.models import AccessAttempt, AccessLog

    guess(2)
    assert logged_in(log_in("redaktoer", PASSWORD, OFFICE))

    assert not AccessLog.objects.exists()
    assert not AccessAttempt.objects.filter(username="redaktoer").exists()


def test_the_lock_ends_after_fifteen_minutes_and_tries_meanwhile_do_not_lengthen_it(staff):
    start = timezone.now()
    with mock.patch("axes.handlers.proxy.now", return_value=start):
        guess(5)
    with mock.patch("axes.handlers.proxy.now", return_value=start + datetime.timedelta(minutes=10)):
        assert log_in("redaktoer", "forkert", ATTACKER).status_code == 429
    with mock.patch("axes.handlers.proxy.now", return_value=start + datetime.timedelta(minutes=14)):
        assert log_in("redaktoer", PASSWORD, ATTACKER).status_code == 429

    with mock.patch("axes.handlers.proxy.now", return_value=start + datetime.timedelta(minutes=16)):
        assert logged_in(log_in("redaktoer", PASSWORD, ATTACKER))


def test_a_locked_login_is_refused_before_any_password_is_checked(staff):
    guess(5)

    with mock.patch.object(ModelBackend, "authenticate") as authenticate:
        assert log_in("redaktoer", PASSWORD, OFFICE).status_code == 429
        assert log_in("ukendt", "hvad-som-helst", ATTACKER).status_code == 429

    authenticate.assert_not_called()


def test_a_new_password_lifts_the_lock(staff):
    guess(5)
    user = get_user_model().objects.get(username="redaktoer")

    user.set_password("en-helt-ny-adgangskode")
    user.save()

    assert logged_in(log_in("redaktoer", "en-helt-ny-adgangskode", ATTACKER))


def test_an_editor_lifts_the_lock_in_the_admin(staff):
    guess(5)
    setup_roles()
    editor = get_user_model().objects.create_user("chef", "c@example.org", PASSWORD, is_staff=True)
    editor.groups.add(setup_group(EDITOR))
    client = Client()
    client.force_login(editor)
    url = reverse("admin:axes_accessattempt_changelist")
    page = client.get(url)
    assert page.status_code == 200
    assert "Loginspærringer" in page.text
    assert "Ophæv spærringen" in page.text
    locks = [str(pk) for pk in page.context["cl"].result_list.values_list("pk", flat=True)]

    client.post(url, {"action": "lift", "_selected_action": locks})

    assert logged_in(log_in("redaktoer", PASSWORD, ATTACKER))


def setup_group(name):
    from django.contrib.auth.models import Group

    return Group.objects.get(name=name)


def test_the_address_behind_trusted_proxies_is_the_one_they_report(staff, settings):
    settings.PORTAL_TRUSTED_PROXIES = 1
    for n in range(5):
        Client().post(
            reverse("admin:login"),
            {"username": f"gaet-{n}", "password": "forkert"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}",
        )

    proxied = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": OFFICE}
    assert logged_in(
        Client().post(
            reverse("admin:login"),
            {"username": "kollega", "password": PASSWORD, "next": reverse("admin:index")},
            **proxied,
        )
    )
    spoofed = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": f"{OFFICE}, {ATTACKER}"}
    assert (
        Client()
        .post(reverse("admin:login"), {"username": "kollega", "password": PASSWORD}, **spoofed)
        .status_code
        == 429
    )


# Passwords and sessions ----------------------------------------------------------------


def test_a_staff_password_needs_twelve_characters():
    with pytest.raises(ValidationError, match="12 tegn"):
        validate_password("kort-kode-1")  # 11
    validate_password("lang-nok-kode-1")


def test_the_admin_session_lasts_eight_hours_and_ends_with_the_browser(staff):
    client = Client()
    response = log_in("redaktoer", PASSWORD, OFFICE, client)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie["expires"], cookie["max-age"]) == ("", "")  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.session.get_expire_at_browser_close()


# The admin's address ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "path"),
    [("admin/", "admin/"), ("/redaktion", "redaktion/"), ("cms/v2//", "cms/v2/")],
)
def test_the_admin_path_is_normalised(given, path):
    assert admin_path(given) == path


@pytest.mark.parametrize("given", ["", "/", "admin?x=1", "ad min/", "../admin", "a//b", "æble/"])
def test_an_admin_path_with_other_characters_is_refused(given):
    with pytest.raises(ImproperlyConfigured):
        admin_path(given)


MOVED = """
from django.test import Client
client = Client()
for path in ("/admin/", "/admin/login/", "/redaktion/login/", "/redaktion/"):
    print(path, client.get(path).status_code)
"""


def test_a_moved_admin_answers_at_its_new_address_and_not_at_the_old(tmp_path):
    root = Path(settings.BASE_DIR)
    env = {
        **os.environ,
        "DJANGO_ADMIN_PATH": "redaktion",
        "PORTAL_VAR_DIR": str(tmp_path),
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", MOVED],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    answers = dict(line.split() for line in result.stdout.splitlines() if line.startswith("/"))
    assert answers == {
        "/admin/": "404",
        "/admin/login/": "404",
        "/redaktion/login/": "200",
        "/redaktion/": "302",
    }, result.stderr
