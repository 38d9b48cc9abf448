"""Two app processes behind one load balancer: an edit through one shows at once in the other.

Both processes share PostgreSQL and Redis, as in production. Each warms its page cache
first, so the test fails if invalidation stays inside one process.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import connection

from tests.portal.factories import PersonFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

REDIS = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_reachable() -> bool:
    parsed = urllib.parse.urlsplit(REDIS)
    try:
        socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def app_processes():
    if not redis_reachable():
        pytest.skip(f"needs Redis at {REDIS}")
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS,
        "DJANGO_CACHE_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        "DJANGO_DEBUG": "1",
        "DJANGO_CONN_MAX_AGE": "0",
    }
    servers, urls = [], []
    for _ in range(2):
        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "-w", "1"]
        command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning"]
        servers.append(
            subprocess.Popen(command, cwd=django_settings.BASE_DIR, env=env)  # noqa: S603
        )
        urls.append(f"http://127.0.0.1:{port}")
    for url in urls:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/healthz/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
    yield urls
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def fetch(url: str, opener=None) -> tuple[str, dict]:
    response = (opener or urllib.request.build_opener()).open(url, timeout=10)
    return response.read().decode(), dict(response.headers)


def test_an_edit_through_one_process_is_visible_through_the_other(app_processes, settings):
    first, second = app_processes
    # The app processes verify the password with the production hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    person = PersonFactory(name="Karen Broberg", slug="karen-broberg", job_title="Konsulent")
    get_user_model().objects.create_superuser("redaktoer", "r@example.org", "hemmeligt-kodeord")
    page = "/medarbejdere/karen-broberg/"
    for url in (first, second):
        fetch(url + page)
        _html, headers = fetch(url + page)
        assert headers.get("X-Page-Cache") == "hit"

    jar = http.cookiejar.CookieJar()
    editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_form, _ = fetch(f"{first}/admin/login/", editor)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_form).group(1)
    credentials = {"username": "redaktoer", "password": "hemmeligt-kodeord", "next": "/admin/"}
    editor.open(
        f"{first}/admin/login/?next=/admin/",
        urllib.parse.urlencode({"csrfmiddlewaretoken": token, **credentials}).encode(),
    )
    change_url = f"{first}/admin/portal/person/{person.pk}/change/"
    form, _ = fetch(change_url, editor)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {
        "name": "Karen Broberg",
        "slug": "karen-broberg",
        "job_title_da": "Seniorkonsulent",
        "job_title_en": "",
        "is_active": "on",
        "order": "0",
        "phone": "",
        "email": "",
        "bio_da": "",
        "bio_en": "",
    }
    saved = editor.open(
        change_url,
        urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode(),
    )

    assert saved.url == f"{first}/admin/portal/person/"
    person.refresh_from_db()
    assert person.job_title_da == "Seniorkonsulent"

    html, headers = fetch(second + page)
    assert "Seniorkonsulent" in html
    assert headers.get("X-Page-Cache") == "miss"
