"""Run wrk, the HTTP load generator, and read its report."""

import contextlib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


class WrkMissing(RuntimeError):
    pass


def require() -> str:
    """Return wrk's path, or stop with how to install it."""
    wrk = shutil.which("wrk")
    if not wrk:
        raise WrkMissing("wrk is missing: apt-get install wrk")
    return wrk


def parse(output: str) -> dict:
    """Return throughput, latencies (ms), request count and errors from wrk's report."""

    def latency(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    requests = re.search(r"(\d+) requests in", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests": int(requests.group(1)) if requests else 0,
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def run(url: str, duration: int, connections: int, script: str | None = None) -> dict:
    """Load ``url`` for ``duration`` seconds with two threads; return the parsed report."""
    command = [require(), "--threads", "2", "--connections", str(connections)]
    command += ["--duration", f"{duration}s", "--latency"]
    if script:
        command += ["--script", script]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    return parse(output)


@contextlib.contextmanager
def lua_script(text: str) -> Iterator[str]:
    """Yield the path of a temporary file holding a wrk Lua script."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(text)
    try:
        yield script.name
    finally:
        Path(script.name).unlink()
