"""Production settings come from the environment and pass Django's deployment check."""

import os
import subprocess
import sys

from django.conf import settings


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_passes_the_deployment_check_silently():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x7!k2@p9#m4$q8%w1^e6&r3*t5(y0)u-i=o+a_s;d:f,g.h/j?l~z",
        DJANGO_ALLOWED_HOSTS="boligsocial.example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7!k2@p9#m4$q8%w1^e6&r3*t5(y0)u-i=o+a_s;d:f,g.h/j?l~z",
    "DJANGO_ALLOWED_HOSTS": "boligsocial.example.org",
}


def hsts_settings(**env: str) -> str:
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    result = run_manage("shell", "-c", code, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_hsts_covers_subdomains_and_preloading_only_when_the_centre_opts_in():
    assert hsts_settings() == "31536000 False False"
    assert hsts_settings(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1") == "31536000 True False"
    assert (
        hsts_settings(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_HSTS_PRELOAD="1")
        == "31536000 True True"
    )


def test_the_deployment_check_warns_about_a_per_process_cache():
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x7!k2@p9#m4$q8%w1^e6&r3*t5(y0)u-i=o+a_s;d:f,g.h/j?l~z",
        DJANGO_ALLOWED_HOSTS="boligsocial.example.org",
        REDIS_URL="",
    )

    assert "portal.W001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_over_plain_http_for_loopback_runs_keeps_other_protections():
    result = run_manage(
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)",
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY="k" * 60,
    )

    assert result.stdout.split() == [
        "False",
        "False",
        "False",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ]


def test_time_and_language_defaults():
    assert settings.LANGUAGE_CODE == "da"
    assert settings.TIME_ZONE == "Europe/Copenhagen"
    assert settings.USE_TZ is True
