"""Reading wrk's report."""

import math

from tools import wrk

REPORT = """\
Running 5s test @ http://127.0.0.1:41234/nyheder/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    56.21ms   12.10ms 190.02ms   80.11%
    Req/Sec   135.20     20.41   180.00     70.00%
  Latency Distribution
     50%   54.10ms
     75%   60.32ms
     90%   70.00ms
     99%    1.20s
  1352 requests in 5.01s, 27.01MB read
  Socket errors: connect 0, read 2, write 0, timeout 0
  Non-2xx or 3xx responses: 7
Requests/sec:    269.86
Transfer/sec:      5.39MB
"""


def test_the_report_is_read():
    result = wrk.parse(REPORT)
    assert result == {
        "requests": 1352,
        "rps": 269.86,
        "p50_ms": 54.1,
        "p99_ms": 1200.0,
        "non_2xx": 7,
        "socket_errors": "connect 0, read 2, write 0, timeout 0",
    }


def test_microseconds_are_read_as_milliseconds():
    assert wrk.parse("     50%  750.00us\n")["p50_ms"] == 0.75


def test_an_empty_report_is_zero_throughput_not_an_error():
    result = wrk.parse("")
    assert result["rps"] == 0.0
    assert result["requests"] == 0
    assert math.isnan(result["p50_ms"])
    assert result["non_2xx"] == 0
    assert result["socket_errors"] == ""
