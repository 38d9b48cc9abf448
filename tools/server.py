"""Run a WSGI application under gunicorn in production mode, and make sure it is ours.

A fixed port let a server left running there (``make run``) be measured in place of
the one started, since gunicorn merely failed to bind. So each server gets a free port
and a random token in its environment; the tool asks the server for the token before
it measures anything, and stops when another server answers.
"""

import contextlib
import importlib
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
IDENTITY_VARIABLE = "TOOLS_SERVER_IDENTITY"
IDENTITY_PATH = "/__tools/identity"
# The site and the minimal application both run under these.
WORKER_CLASS = "sync"


class NotOurServer(RuntimeError):
    """The server answering is not the one started, or the one started never answered."""


def production_environment() -> dict[str, str]:
    """Production settings over plain HTTP on loopback, with the caller's database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # A prefix of its own, so that no page stored by an earlier run is measured.
        DJANGO_CACHE_PREFIX=f"bench-{secrets.token_hex(4)}",
        DJANGO_LOG_LEVEL="ERROR",
    )
    return env


def collect_static(env: dict[str, str]) -> None:
    """Collect the static files production settings serve from a manifest."""
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def free_port(host: str = "127.0.0.1") -> int:
    """Return a port nothing listens on now (the system picks it; we release it at once)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def identified(app: str):
    """Return the WSGI application ``app`` ("module:name"), telling its token on request.

    gunicorn calls this in the server's process, where the token is in the environment.
    """
    module, name = app.split(":")
    inner = getattr(importlib.import_module(module), name)
    token = os.environ[IDENTITY_VARIABLE].encode()

    def application(environ, start_response):
        if environ.get("PATH_INFO") == IDENTITY_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [token]
        return inner(environ, start_response)

    return application


@dataclass
class Server:
    """A gunicorn started by a tool: its address, its process and the token it must tell."""

    base: str
    process: subprocess.Popen
    token: str

    def answer(self) -> bytes | None:
        """Return what the port answers to the identity question, or None if nothing does."""
        try:
            with urllib.request.urlopen(self.base + IDENTITY_PATH, timeout=1) as response:  # noqa: S310
                return response.read()
        except urllib.error.HTTPError as error:  # an answer, from someone else
            return error.read() or str(error.code).encode()
        except OSError:
            return None

    def verify(self) -> None:
        """Stop with NotOurServer unless the started gunicorn runs and answers on the port."""
        if self.process.poll() is not None:
            raise NotOurServer(
                f"gunicorn (pid {self.process.pid}) for {self.base} exited "
                f"with code {self.process.returncode}; its log above says why"
            )
        answer = self.answer()
        if answer != self.token.encode():
            raise NotOurServer(
                f"{self.base} is not answered by the gunicorn started (pid {self.process.pid}): "
                + ("nothing answers" if answer is None else "another server answers there")
            )

    def wait(self, timeout: float) -> None:
        """Wait until the server answers; stop at once if something else answers first."""
        deadline = time.monotonic() + timeout
        while self.answer() is None and time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.verify()


@contextlib.contextmanager
def serve(
    app: str, env: dict[str, str], workers: int = 2, port: int | None = None
) -> Iterator[Server]:
    """Start gunicorn with ``app`` on a free port and yield it once it proved its identity."""
    port = port or free_port()
    token = secrets.token_hex(16)
    command = [sys.executable, "-m", "gunicorn", f"tools.server:identified({app!r})"]
    command += ["--workers", str(workers), "--worker-class", WORKER_CLASS]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=BASE_DIR, env={**env, IDENTITY_VARIABLE: token})  # noqa: S603
    server = Server(f"http://127.0.0.1:{port}", process, token)
    try:
        server.wait(timeout=30)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=15)


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


def fetcher(base: str):
    """Return a function that reads a path's text from the server at ``base``."""

    def fetch(path: str) -> str:
        with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310
            return response.read().decode()

    return fetch
