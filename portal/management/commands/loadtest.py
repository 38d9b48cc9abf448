"""Mixed page traffic against gunicorn: no errors, no 5xx, worker memory flat.

The URLs are every page in the sitemap; one request in five adds a unique, ignored
query parameter so that it misses the page cache and renders from the database.
"""

import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.management.commands._gunicorn import gunicorn, sitemap_paths, worker_rss_kib

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


class Command(BaseCommand):
    help = "Run mixed page traffic for a fixed time and check errors, 5xx and worker memory."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=60)
        parser.add_argument("--connections", type=int, default=64)
        parser.add_argument("--port", type=int, default=8766)

    def handle(self, *args, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk is missing: apt-get install wrk")
        with gunicorn(options["port"]) as (base, server, _env):
            paths = sitemap_paths(base)[:500]
            lua = SCRIPT % ", ".join(f'"{p}"' for p in paths)
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
                script.write(lua)
            # Warm up, so that "before" is a worker that has served every page once.
            self.run_wrk(wrk, base, script.name, 5, options["connections"])
            time.sleep(1)
            before = worker_rss_kib(server.pid)
            output = self.run_wrk(
                wrk, base, script.name, options["duration"], options["connections"]
            )
            after = worker_rss_kib(server.pid)
            Path(script.name).unlink()

        requests = int(re.search(r"(\d+) requests in", output).group(1))
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
        socket_errors = re.search(r"Socket errors: (.*)", output)
        p99 = re.search(r"^\s*99%\s+(\S+)", output, re.M)
        self.stdout.write(
            f"{len(paths)} URLs, {options['connections']} connections, {options['duration']} s"
        )
        self.stdout.write(f"requests: {requests}, {rps:.0f}/s, p99 {p99.group(1) if p99 else '?'}")
        self.stdout.write(f"non-2xx/3xx: {non_2xx.group(1) if non_2xx else 0}")
        self.stdout.write(f"socket errors: {socket_errors.group(1) if socket_errors else 'none'}")
        for pid in sorted(before):
            grew = after.get(pid, 0) - before[pid]
            self.stdout.write(
                f"worker {pid}: RSS {before[pid] / 1024:.1f} MiB -> "
                f"{after.get(pid, 0) / 1024:.1f} MiB ({grew / 1024:+.1f} MiB)"
            )
        failed = bool(non_2xx) or bool(socket_errors) or set(before) != set(after)
        if failed:
            raise CommandError("the load test found errors (or a worker was replaced)")
        self.stdout.write(self.style.SUCCESS("no errors, no 5xx, workers survived"))

    def run_wrk(self, wrk, base, script, duration, connections) -> str:
        command = [wrk, "--threads", "2", "--connections", str(connections)]
        command += ["--duration", f"{duration}s", "--latency", "--script", script, base]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
