"""Run the site under gunicorn in production mode for benchmarks and load tests."""

import contextlib
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


def production_environment() -> dict[str, str]:
    """Production settings over plain HTTP on loopback, with the caller's database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_CACHE_PREFIX=f"bench-{secrets.token_hex(4)}",
        DJANGO_LOG_LEVEL="ERROR",
    )
    return env


@contextlib.contextmanager
def gunicorn(port: int, workers: int = 2) -> Iterator[tuple[str, subprocess.Popen, dict]]:
    """Collect static files, start gunicorn and yield (base URL, process, environment)."""
    env = production_environment()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/healthz/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise CommandError("gunicorn did not start")
        yield base, server, env
    finally:
        server.terminate()
        server.wait(timeout=15)


def worker_rss_kib(master_pid: int) -> dict[int, int]:
    """Return the resident memory (KiB) of each gunicorn worker of this master."""
    sizes = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            text = status.read_text()
            if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
                rss = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
                sizes[int(status.parent.name)] = int(rss.group(1)) if rss else 0
    return sizes


def sitemap_paths(base: str) -> list[str]:
    with urllib.request.urlopen(f"{base}/sitemap.xml", timeout=60) as response:  # noqa: S310
        xml = response.read().decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
