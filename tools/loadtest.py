"""Mixed page traffic against gunicorn: no errors, no 5xx, worker memory flat.

The URLs are every page in the sitemap; one request in five adds a unique, ignored
query parameter so that it misses the page cache and renders from the database.

Then a login flood: the public pages' throughput (cached pages only) is measured twice
for the same time, without and with eight clients posting wrong passwords to the admin
login meanwhile (each with the login page's CSRF cookie and token, a new user name on
every try). The login lock must keep public pages at half their throughput or more.
The flood comes from one address, as from a client facing the app; with
``--flood-addresses N`` the server trusts one proxy and the clients spread over N
addresses in X-Forwarded-For, as attackers behind a load balancer would.

    python -m tools.loadtest [--duration 60] [--connections 64] [--workers 2]
                             [--flood-duration 30] [--flood-clients 8]
                             [--flood-addresses 1] [--no-flood]
"""

import argparse
import collections
import http.client
import re
import subprocess
import sys
import threading
import time
import urllib.parse

from tools import wrk
from tools.pages import sitemap_paths
from tools.server import (
    BASE_DIR,
    NotOurServer,
    collect_static,
    fetcher,
    production_environment,
    serve,
    worker_rss_kib,
)

SCRIPT = """
local paths = {%s}
local counter = 0
local thread_id = 0
local id = 0
function setup(thread)
  id = id + 1
  thread:set("id", id)
end
function init(args)
  thread_id = id
end
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if counter %% 5 == 0 then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "load=" .. thread_id .. "-" .. counter
  end
  return wrk.format(nil, path)
end
"""

# The same pages, each always from the page cache (no miss parameter).
HITS_SCRIPT = """
local paths = {%s}
local counter = 0
function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter %% #paths) + 1])
end
"""

LOGIN_PATH = "/admin/login/"
# Public pages keep at least this share of their throughput during a login flood.
FLOOD_LEAST_SHARE = 0.5


class LoginFlood:
    """Clients posting wrong passwords to the admin login, each in a thread of its own.

    Each client reads the login page once for its CSRF cookie and token, then posts a new
    user name with a wrong password until stopped. ``answers`` counts the status codes:
    200 is a failed login (the form again, a password hashed), 429 a refused one.
    """

    def __init__(self, base: str, clients: int, addresses: int):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.clients, self.addresses = clients, addresses
        self.answers: collections.Counter = collections.Counter()
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.threads: list[threading.Thread] = []

    def __enter__(self) -> "LoginFlood":
        for number in range(self.clients):
            thread = threading.Thread(target=self.client, args=(number,), daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def count(self, what) -> None:
        with self.lock:
            self.answers[what] += 1

    def client(self, number: int) -> None:
        headers = {}
        if self.addresses > 1:
            headers["X-Forwarded-For"] = f"198.51.100.{number % self.addresses + 1}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request("GET", LOGIN_PATH, headers=headers)
            response = connection.getresponse()
            page = response.read().decode()
            cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if not (cookie and token):
                self.count("no CSRF token on the login page")
                return
            headers |= {
                "Cookie": f"csrftoken={cookie.group(1)}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            tries = 0
            while not self.stopped.is_set():
                tries += 1
                body = urllib.parse.urlencode(
                    {
                        "csrfmiddlewaretoken": token.group(1),
                        "username": f"flood-{number}-{tries}",
                        "password": "not-the-password",
                        "next": "/admin/",
                    }
                )
                try:
                    connection.request("POST", LOGIN_PATH, body, headers)
                    response = connection.getresponse()
                    response.read()
                    self.count(response.status)
                except (OSError, http.client.HTTPException) as error:
                    self.count(type(error).__name__)
                    connection.close()
        finally:
            connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.loadtest", description=__doc__)
    parser.add_argument("--duration", type=int, default=60, help="seconds of traffic")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--flood-duration", type=int, default=30, help="seconds of each flood phase"
    )
    parser.add_argument("--flood-clients", type=int, default=8)
    parser.add_argument(
        "--flood-addresses",
        type=int,
        default=1,
        help="addresses the flood comes from (more than 1: through a trusted proxy)",
    )
    parser.add_argument("--no-flood", action="store_true", help="skip the login flood")
    options = parser.parse_args(argv)
    try:
        return load(options)
    except (NotOurServer, wrk.WrkMissing) as error:
        print(f"loadtest stopped: {error}", file=sys.stderr)
        return 2


def load(options: argparse.Namespace) -> int:
    wrk.require()
    env = production_environment()
    if options.flood_addresses > 1:
        # One proxy in front appends the client's address, as behind a load balancer.
        env["DJANGO_TRUSTED_PROXIES"] = "1"
    collect_static(env)
    flood = None
    with serve("portal.wsgi:application", env, options.workers) as server:
        paths = sitemap_paths(fetcher(server.base))[:500]
        quoted = ", ".join(f'"{p}"' for p in paths)
        with wrk.lua_script(SCRIPT % quoted) as script:
            # Warm up, so that "before" is a worker that has served every page once.
            wrk.run(server.base, 5, options.connections, script)
            time.sleep(1)
            before = worker_rss_kib(server.process.pid)
            result = wrk.run(server.base, options.duration, options.connections, script)
            after = worker_rss_kib(server.process.pid)
        # Requests wrk left queued may keep both workers busy for a moment.
        server.wait(timeout=15)
        if not options.no_flood:
            with wrk.lua_script(HITS_SCRIPT % quoted) as script:
                flood = flood_phases(server.base, env, options, script)
            server.wait(timeout=15)

    print(f"{len(paths)} URLs, {options.connections} connections, {options.duration} s")
    print(f"requests: {result['requests']}, {result['rps']:.0f}/s, p99 {result['p99_ms']:.1f} ms")
    print(f"non-2xx/3xx: {result['non_2xx']}")
    print(f"socket errors: {result['socket_errors'] or 'none'}")
    for pid in sorted(before):
        grew = after.get(pid, 0) - before[pid]
        print(
            f"worker {pid}: RSS {before[pid] / 1024:.1f} MiB -> "
            f"{after.get(pid, 0) / 1024:.1f} MiB ({grew / 1024:+.1f} MiB)"
        )
    failed = False
    if result["non_2xx"] or result["socket_errors"] or set(before) != set(after):
        print("FAIL  the load test found errors (or a worker was replaced)")
        failed = True
    else:
        print("PASS  no errors, no 5xx, workers survived")
    if flood is not None:
        failed = report_flood(flood, options) or failed
    return 1 if failed else 0


def flood_phases(base: str, env: dict[str, str], options, script: str) -> dict:
    """Measure cached public pages without, then with, a login flood running."""
    # Earlier runs' failures would lock the flood out from its first try: start afresh.
    command = [sys.executable, "manage.py", "axes_reset"]
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True, capture_output=True)  # noqa: S603
    wrk.run(base, 3, options.connections, script)
    quiet = wrk.run(base, options.flood_duration, options.connections, script)
    with LoginFlood(base, options.flood_clients, options.flood_addresses) as flood:
        started = time.monotonic()
        flooded = wrk.run(base, options.flood_duration, options.connections, script)
        seconds = time.monotonic() - started
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True, capture_output=True)  # noqa: S603
    return {"quiet": quiet, "flooded": flooded, "answers": flood.answers, "seconds": seconds}


def report_flood(flood: dict, options) -> bool:
    """Print the flood's figures and its check; return True when the check failed."""
    quiet, flooded, answers = flood["quiet"], flood["flooded"], flood["answers"]
    tries = sum(answers.values())
    share = flooded["rps"] / quiet["rps"] if quiet["rps"] else 0.0
    print()
    print(
        f"login flood: {options.flood_clients} clients from {options.flood_addresses} "
        f"address(es), cached public pages, {options.connections} connections, "
        f"{options.flood_duration} s each"
    )
    print(f"public pages without flood: {quiet['rps']:.0f}/s, p99 {quiet['p99_ms']:.1f} ms")
    print(f"public pages during flood:  {flooded['rps']:.0f}/s, p99 {flooded['p99_ms']:.1f} ms")
    print(f"share kept: {share:.0%}")
    print(
        f"login attempts: {tries} ({tries / flood['seconds']:.0f}/s): "
        + ", ".join(f"{what}: {n}" for what, n in sorted(answers.items(), key=str))
    )
    for name, phase in (("without flood", quiet), ("during flood", flooded)):
        if phase["non_2xx"] or phase["socket_errors"]:
            print(
                f"{name}: non-2xx/3xx {phase['non_2xx']}, "
                f"socket errors {phase['socket_errors'] or 'none'}"
            )
    # A wrk timeout is a visitor kept waiting over 2 s: printed above, and paid for in
    # the throughput (the first tries of a flood hash a password each, all at once).
    wrong = {what for what in answers if what not in (200, 429)}
    if wrong or not answers.get(429):
        print("FAIL  the flood did not run as meant (answers other than 200 and 429, or no lock)")
        return True
    if quiet["non_2xx"] or flooded["non_2xx"]:
        print("FAIL  public pages answered with errors")
        return True
    if share < FLOOD_LEAST_SHARE:
        print(f"FAIL  public pages fell below {FLOOD_LEAST_SHARE:.0%} of their throughput")
        return True
    print(f"PASS  public pages kept {share:.0%} (>= {FLOOD_LEAST_SHARE:.0%}) during the flood")
    return False


if __name__ == "__main__":
    sys.exit(main())
